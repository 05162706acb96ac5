"""Demo data: a realistic Chinese catalog, operators and tills (``omnistore seed``)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.auth import create_operator
from app.catalog import bump_version
from app.db.models import Barcode, Category, Operator, Product, Till
from app.domain.barcode import with_check_digit
from app.pinyin import initials

DEMO_OPERATORS = (
    ("1001", "张晓燕", "cashier", "1234"),
    ("1002", "刘伟", "cashier", "2345"),
    ("5001", "李主管", "supervisor", "5555"),
    ("9001", "王店长", "manager", "9999"),
)
DEMO_TILLS = (("T01", "1号收银台"), ("T02", "2号收银台"), ("T03", "自助收银"))


@dataclass(frozen=True, slots=True)
class SeedProduct:
    sku: str
    name: str
    initials: str
    spec: str
    brand: str
    category: str
    unit: str
    price: int
    plu: str | None
    barcode: str | None


# Fixed products the demo, the docs and the tests can rely on.
FIXED: tuple[tuple[str, str, str, str, str, int, str | None, str | None], ...] = (
    # name, spec, brand, category, unit, price (fen, per kg for grams), plu, barcode body
    ("可口可乐 330ml", "330ml", "可口可乐", "饮料", "piece", 350, None, "690123456789"),
    ("农夫山泉 饮用天然水 550ml", "550ml", "农夫山泉", "饮料", "piece", 200, None, "690123456790"),
    ("康师傅 红烧牛肉面 5连包", "5连包", "康师傅", "方便食品", "piece", 1290, None, "690123456791"),
    ("伊利 纯牛奶 250ml*24", "250ml*24", "伊利", "乳品", "piece", 6990, None, "690123456792"),
    ("乐事 薯片 原味 70g", "70g", "乐事", "休闲零食", "piece", 790, None, "690123456793"),
    ("金龙鱼 大米 5kg", "5kg", "金龙鱼", "粮油", "piece", 4590, None, "690123456794"),
    ("红富士苹果", "散装", "", "生鲜水果", "gram", 1298, "1001", None),
    ("香蕉", "散装", "", "生鲜水果", "gram", 698, "1002", None),
    ("精品五花肉", "散装", "", "生鲜肉类", "gram", 3580, "2001", None),
    ("茅台 飞天 53度 500ml", "500ml", "茅台", "酒类", "piece", 299900, None, "690123456795"),
)

#: 明码标价's 产地 and 等级 for the demo goods, by category (fresh food is graded, packaged goods pass)
ORIGINS = {"生鲜水果": "山东烟台", "生鲜肉类": "河南漯河", "酒类": "贵州仁怀", "粮油": "黑龙江五常", "乳品": "内蒙古呼和浩特"}
FRESH_GRADE, PACKAGED_GRADE = "一级", "合格品"

#: 礼品卡 sold at the till as goods: the cashier scans the card's back, HQ activates it with the sale.
GIFT_CARD = ("GC0100", "礼品卡 100元", "礼品卡", 10000, "690123456796")

CATEGORIES: dict[str, tuple[list[str], list[str], list[str], list[str], tuple[int, int]]] = {
    # category: (brands, bases, variants, specs, price range in fen)
    "饮料": (["可口可乐", "百事", "农夫山泉", "康师傅", "统一", "娃哈哈", "怡宝", "元气森林", "王老吉", "加多宝", "雀巢", "维他"],
           ["可乐", "雪碧", "橙汁", "矿泉水", "绿茶", "冰红茶", "乌龙茶", "苏打水", "椰汁", "咖啡饮料", "酸梅汤", "凉茶", "气泡水", "柠檬茶"],
           ["原味", "无糖", "低糖", "柠檬味", "蜜桃味", "青柠味", "经典", "轻享"], ["330ml", "500ml", "550ml", "1.25L", "2L", "330ml*6", "500ml*12"], (200, 6000)),
    "乳品": (["伊利", "蒙牛", "光明", "君乐宝", "三元", "新希望", "安慕希", "特仑苏"],
           ["纯牛奶", "酸奶", "低脂奶", "高钙奶", "儿童奶", "风味发酵乳", "鲜牛奶", "奶酪棒"],
           ["原味", "草莓味", "香蕉味", "黄桃味", "蓝莓味", "燕麦", "减糖"], ["200ml", "250ml", "250ml*12", "250ml*24", "1L", "950ml", "100g*8"], (300, 9900)),
    "方便食品": (["康师傅", "统一", "今麦郎", "白象", "日清", "五谷道场", "农心", "汤达人"],
             ["红烧牛肉面", "老坛酸菜面", "香辣牛肉面", "海鲜面", "鲜虾鱼板面", "葱香排骨面", "酸辣粉", "拌面", "自热米饭"],
             ["经典", "加量", "桶装", "袋装", "辣味", "微辣"], ["单包", "5连包", "桶装", "12桶整箱", "24袋整箱"], (250, 6800)),
    "休闲零食": (["乐事", "旺旺", "三只松鼠", "良品铺子", "百草味", "好丽友", "达利园", "卫龙", "洽洽", "奥利奥"],
             ["薯片", "雪饼", "每日坚果", "牛肉干", "瓜子", "夹心饼干", "蛋黄派", "辣条", "果冻", "海苔", "蛋糕", "话梅"],
             ["原味", "番茄味", "烧烤味", "黄瓜味", "五香", "香辣", "蜂蜜味", "芝士味"], ["40g", "70g", "104g", "150g", "200g", "500g", "礼盒装"], (290, 12800)),
    "粮油": (["金龙鱼", "福临门", "鲁花", "五常", "十月稻田", "中粮", "香满园"],
           ["大米", "花生油", "玉米油", "调和油", "面粉", "挂面", "小米", "糯米"],
           ["东北", "长粒香", "一级", "压榨", "非转基因", "家用"], ["1kg", "2.5kg", "5kg", "10kg", "1.8L", "5L"], (590, 19900)),
    "调味品": (["海天", "李锦记", "老干妈", "恒顺", "太太乐", "千禾", "厨邦"],
            ["生抽", "老抽", "蚝油", "香醋", "鸡精", "辣椒酱", "料酒", "豆瓣酱", "食盐"],
            ["特级", "零添加", "减盐", "经典", "鲜味"], ["150ml", "500ml", "1.28L", "200g", "400g"], (290, 3980)),
    "日化": (["蓝月亮", "立白", "奥妙", "舒肤佳", "海飞丝", "飘柔", "高露洁", "云南白药", "心相印", "维达"],
           ["洗衣液", "洗洁精", "香皂", "洗发水", "沐浴露", "牙膏", "牙刷", "抽纸", "卷纸", "湿巾"],
           ["薰衣草", "清新", "柠檬", "去屑", "深层洁净", "敏感肌", "家庭装"], ["1kg", "2kg", "3kg", "400ml", "750ml", "120g", "3包", "10卷"], (390, 8990)),
    "酒类": (["青岛", "雪花", "燕京", "百威", "茅台", "五粮液", "洋河", "汾酒", "张裕", "长城"],
           ["啤酒", "纯生", "白酒", "干红葡萄酒", "黄酒", "果酒"],
           ["经典", "清爽", "原浆", "42度", "52度", "珍藏"], ["330ml", "500ml", "500ml*12", "750ml", "1L"], (350, 159900)),
    "冷冻食品": (["三全", "思念", "湾仔码头", "安井", "龙凤"],
             ["水饺", "汤圆", "馄饨", "鱼丸", "包子", "手抓饼"],
             ["猪肉白菜", "三鲜", "韭菜鸡蛋", "黑芝麻", "虾仁"], ["300g", "500g", "1kg"], (890, 4990)),
    "母婴": (["飞鹤", "惠氏", "美赞臣", "帮宝适", "花王", "好奇"],
           ["婴儿奶粉", "纸尿裤", "拉拉裤", "婴儿湿巾", "米粉"],
           ["1段", "2段", "3段", "S码", "M码", "L码", "XL码"], ["400g", "800g", "单包", "箱装"], (1990, 39900)),
}

PACKS = ("", " 袋装", " 盒装", " 家庭装", " 量贩装", " 促销装", " 礼盒装")

FRESH = (
    ("生鲜水果", ["苹果", "梨", "橙子", "葡萄", "西瓜", "哈密瓜", "猕猴桃", "芒果", "火龙果", "柚子", "草莓", "樱桃", "荔枝", "龙眼", "桃子"],
     ["烟台", "黄金", "新疆", "云南", "海南", "进口", "精选", "有机"], (498, 6998)),
    ("生鲜蔬菜", ["西红柿", "黄瓜", "土豆", "白菜", "菠菜", "青椒", "茄子", "胡萝卜", "西兰花", "洋葱", "生菜", "芹菜"],
     ["本地", "精品", "有机", "山东", "云南"], (198, 1598)),
    ("生鲜肉类", ["五花肉", "里脊肉", "排骨", "猪蹄", "牛腩", "牛腱", "鸡胸肉", "鸡翅中", "羊肉卷"],
     ["精品", "冷鲜", "散养", "草饲"], (1580, 12800)),
)


def generate(count: int, seed: int = 20261125) -> Iterator[SeedProduct]:
    """``count`` products: the fixed demo ones first, then a deterministic mix by category."""
    rng = random.Random(seed)
    made = 0
    for index, (name, spec, brand, category, unit, price, plu, body) in enumerate(FIXED):
        if made >= count:
            return
        yield SeedProduct(f"A{index + 1:07d}", name, initials(name), spec, brand, category, unit,
                          price, plu, with_check_digit(body) if body else None)
        made += 1
    fresh_plu = itertools.count(3001)
    for category, bases, origins, (low, high) in FRESH:
        for origin, base in itertools.product(origins, bases):
            if made >= count:
                return
            name = f"{origin}{base}"
            yield SeedProduct(f"A{made + 1:07d}", name, initials(name), "散装", "", category,
                              "gram", rng.randrange(low, high, 10), str(next(fresh_plu)), None)
            made += 1
    combos = _combos(rng)
    barcode_seq = itertools.count(rng.randrange(10_000, 50_000))
    for category, brand, base, variant, spec, (low, high) in combos:
        if made >= count:
            return
        name = f"{brand} {base} {variant} {spec}"
        price = _plausible_price(rng, low, high)
        serial = next(barcode_seq)
        body = f"69{serial % 10}{serial:09d}"  # 690–699, the GS1 China range
        yield SeedProduct(f"A{made + 1:07d}", name, initials(name), spec, brand,
                          category, "piece", price, None, with_check_digit(body))
        made += 1


def _combos(rng: random.Random) -> Iterator[tuple[str, str, str, str, str, tuple[int, int]]]:
    """Every brand × base × variant × spec, round-robin over categories, shuffled within each."""
    streams = []
    for category, (brands, bases, variants, specs, prices) in CATEGORIES.items():
        items = [
            (category, b, base, v, s + pack, prices)
            for b, base, v, s, pack in itertools.product(brands, bases, variants, specs, PACKS)
        ]
        rng.shuffle(items)
        streams.append(iter(items))
    while streams:
        for stream in list(streams):
            item = next(stream, None)
            if item is None:
                streams.remove(stream)
            else:
                yield item
    # Past every combination, series numbers keep names unique (only for very large seeds).
    for series in itertools.count(2):
        for category, (brands, bases, variants, specs, prices) in CATEGORIES.items():
            for b, base, v, s in itertools.product(brands, bases, variants, specs):
                yield category, b, f"{base}{series}代", v, s, prices


def _plausible_price(rng: random.Random, low: int, high: int) -> int:
    """Prices end in .x0 or .x9 the way shelf prices do."""
    price = int(low * (high / low) ** rng.random())
    return max(low, price - price % 10 + rng.choice((0, 0, 9, 0)))


def seed(session: Session, products: int, progress: Callable[[int, int], None] | None = None) -> int:
    """Operators, tills and up to ``products`` products; returns how many products were added."""
    _seed_people(session)
    existing = session.scalar(select(func.count(Product.id)).where(Product.kind == "goods")) or 0
    if existing >= products:
        session.commit()
        return 0
    categories = {name: cid for cid, name in session.execute(select(Category.id, Category.name))}
    next_id = (session.scalar(select(func.max(Product.id))) or 0) + 1
    batch: list[dict[str, object]] = []
    codes: list[dict[str, object]] = []
    added = 0
    for index, item in enumerate(generate(products)):
        if index < existing:
            continue
        if item.category not in categories:
            category = Category(name=item.category)
            session.add(category)
            session.flush()
            categories[item.category] = category.id
        batch.append({
            "id": next_id, "sku": item.sku, "name": item.name, "initials": item.initials, "spec": item.spec,
            "brand": item.brand, "category_id": categories[item.category], "unit": item.unit, "price": item.price,
            "plu": item.plu, "tax_rate": 900 if item.unit == "gram" else 1300, "active": True,
            "primary_barcode": item.barcode, "origin": ORIGINS.get(item.category, "中国"),
            "grade": FRESH_GRADE if item.category.startswith("生鲜") else PACKAGED_GRADE,
        })
        if item.barcode:
            codes.append({"code": item.barcode, "product_id": next_id, "pack_quantity": 1})
        next_id += 1
        added += 1
        if len(batch) >= 20_000:
            _flush(session, batch, codes)
            if progress:
                progress(existing + added, products)
    _flush(session, batch, codes)
    _seed_gift_card(session, categories)
    bump_version(session)
    session.commit()
    if progress:
        progress(existing + added, products)
    return added


def _flush(session: Session, batch: list[dict[str, object]], codes: list[dict[str, object]]) -> None:
    if batch:
        session.execute(insert(Product), batch)
    if codes:
        session.execute(insert(Barcode), codes)
    batch.clear()
    codes.clear()


def _seed_gift_card(session: Session, categories: dict[str, int]) -> None:
    sku, name, category, price, body = GIFT_CARD
    if session.scalar(select(Product.id).where(Product.sku == sku)) is not None:
        return
    if category not in categories:
        row = Category(name=category)
        session.add(row)
        session.flush()
        categories[category] = row.id
    barcode = with_check_digit(body)
    product = Product(sku=sku, name=name, initials=initials(name), spec="", brand="", category_id=categories[category],
                      unit="piece", price=price, plu=None, tax_rate=0, active=True, primary_barcode=barcode,
                      kind="gift_card")
    session.add(product)
    session.flush()
    session.add(Barcode(code=barcode, product_id=product.id, pack_quantity=1))


def _seed_people(session: Session) -> None:
    for code, name in DEMO_TILLS:
        if session.get(Till, code) is None:
            session.add(Till(code=code, name=name))
    known = set(session.scalars(select(Operator.code)))
    for code, name, role, pin in DEMO_OPERATORS:
        if code not in known:
            create_operator(session, code, name, role, pin)
    session.flush()


#: two promotions as HQ would send them down the feed: for the demo and the screenshots
SAMPLE_PROMOTIONS = (
    {"id": "P-NOODLE-2ND", "name": "方便面第二件半价", "kind": "nth_item", "rule": {"n": 2, "percent": 50},
     "scope": {"categories": ["方便食品"]}},
    {"id": "P-DRINK-88", "name": "可口可乐88折", "kind": "price_cut", "rule": {"percent": 88},
     "scope": {"brands": ["可口可乐"]}},
)


def add_sample_shelves(session: Session) -> int:
    """货位 for the demo: each category an aisle (A, B, …), its products along it four to a bay
    (``A-01-1`` … ``A-01-4``, ``A-02-1`` …); a product that has a location keeps it. Returns how
    many were placed now."""
    from sqlalchemy.dialects.sqlite import insert as upsert

    from app import clock
    from app.db.models import ShelfLocation

    rows = session.execute(select(Product.sku, Category.name).join(Category, Category.id == Product.category_id)
                           .where(Product.kind == "goods").order_by(Category.name, Product.sku)).all()
    aisles: dict[str, int] = {}
    placed: dict[str, int] = {}
    values = []
    for sku, category in rows:
        aisle = aisles.setdefault(category, len(aisles))
        n = placed[category] = placed.get(category, -1) + 1
        letters = chr(ord("A") + aisle % 26) + (str(aisle // 26) if aisle >= 26 else "")
        values.append({"sku": sku, "location": f"{letters}-{n // 4 + 1:02d}-{n % 4 + 1}", "updated_at": clock.now()})
    added = 0
    for start in range(0, len(values), 500):
        done = session.execute(upsert(ShelfLocation).values(values[start:start + 500]).on_conflict_do_nothing())
        added += max(0, getattr(done, "rowcount", 0) or 0)
    session.commit()
    return added


def add_sample_promotions(session: Session) -> None:
    """Store the sample promotions as the store's sync from HQ would (方便面第二件半价, 可口可乐88折)."""
    from app.db.models import PromotionRecord
    from app.promotions import bump_promotions

    for data in SAMPLE_PROMOTIONS:
        session.merge(PromotionRecord(id=data["id"], data=data))
    bump_promotions(session)
    session.commit()
