"""The demo chain's HQ: what ``omnistore demo`` shows at the till beyond cash sales.

One store (S001) waiting to be enrolled; members with a stored-value card, e-coupons and points;
a 新人礼 campaign for members registered at the till; paper coupons stocked at the store; gift
cards in stock. Seeded once: running the demo again keeps what the demo has done since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.orm import Session

from app.domain.money import format_fen
from app.hq import campaigns, clock, gift_cards, loyalty, rules, stores
from app.hq.models import Member, PointsEntry, Setting

STORE = "S001"
STORE_NAME = "好邻居便利店 徐汇店"
MARK = "demo_seeded"

#: (phone, name, top-up in fen or 0, points)
MEMBERS = (
    ("13800138000", "张三", 20_000, 1_280),
    ("13900139000", "李四", 0, 300),
    ("13700137000", "王五", 5_000, 0),
)


@dataclass
class DemoHQ:
    enrolment_code: str | None = None
    lines: list[str] = field(default_factory=list)


def seed(session: Session, enrolment_ttl: int, *, enrol: bool) -> DemoHQ:
    """The demo's HQ data, once; with ``enrol`` (the store has no identity yet) a fresh one-time
    enrolment code for S001."""
    out = DemoHQ()
    if session.get(Setting, MARK) is None:
        out.lines = _seed_once(session)
        session.add(Setting(key=MARK, data={"at": clock.now().isoformat()}, updated_at=clock.now()))
        session.flush()
    if enrol:
        out.enrolment_code = stores.issue_enrolment_code(session, STORE, enrolment_ttl).code
    return out


def _seed_once(session: Session) -> list[str]:
    stores.create_store(session, STORE, STORE_NAME, "华东")
    now = clock.now()
    start, end = now - timedelta(days=1), now + timedelta(days=3_650)  # a demo home kept for years still works
    loyalty.create_template(session, "DEMO5", "5元代金券", "cash", 500)
    loyalty.create_template(session, "DEMO50-10", "满50减10", "cash", 1_000, threshold=5_000)
    loyalty.create_template(session, "DEMO95", "95折券", "percent", 9_500, restore_on_return=True)
    welcome, _codes = loyalty.create_batch(session, "DEMO5", "新人礼 5元", 500, start, end, [], False, None)
    campaigns.create_campaign(session, "DEMO-WELCOME", "新人礼", "register", welcome, min_paid=0, per_member=1,
                              stores=[], starts=start, ends=end)
    paper, _ = loyalty.create_batch(session, "DEMO50-10", "纸券 满50减10", 50, start, end, [STORE], True, None)
    paper_codes = loyalty.stock_paper_coupons(session, paper, STORE, 10)
    lines = []
    for phone, name, top_up, points in MEMBERS:
        member = loyalty.register_member(session, phone, name, None)
        _, held = loyalty.create_batch(session, "DEMO5", f"{name} 5元", 1, start, end, [], False, member.member_no)
        _, percent = loyalty.create_batch(session, "DEMO95", f"{name} 95折", 1, start, end, [], False,
                                          member.member_no)
        text = f"member {name} {phone} card {member.member_no}: coupons {held[0]} {percent[0]}"
        if top_up:
            card = loyalty.open_account(session, member.member_no)
            session.flush()
            moved = loyalty.top_up(session, None, card.card_no, top_up, f"demo-topup:{member.member_no}")
            text += f", stored value {card.card_no} {format_fen(moved['balance'], symbol='￥')}"
        if points:
            _give_points(session, member, points)
            text += f", {points} points"
        lines.append(text)
    lines.append("paper coupons 满50减10 at S001: " + " ".join(paper_codes[:5]) + " …")
    lines.append("gift cards in stock (sell one with 6901234567960 礼品卡 100元): "
                 + " ".join(gift_cards.make_cards(session, 5)))
    return lines


def _give_points(session: Session, member: Member, points: int) -> None:
    """What ￥1 a point of shopping before the demo would have earned."""
    session.add(PointsEntry(member_id=member.id, delta=points, growth=points, reason="sale",
                            ref=f"demo:{member.member_no}", created_at=clock.now(), amount=points * 100))
    member.points += points
    member.growth += points
    member.tier = rules.load(session).tier_for(member.growth)
