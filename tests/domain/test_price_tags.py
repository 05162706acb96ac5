"""价签's templates: every 明码标价 field on the shelf label, the promotion label with its price and
period, the price per 500 g of weighed goods, and a template too big for the roll refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.label import DOTS_PER_MM, Barcode, Text
from app.domain.price_tags import COMPLAINT_LINE, LabelStock, PriceTag, price_label, template_for

COLA = PriceTag(sku="A0000001", name="可口可乐 330ml", price=350, barcode="6901234567892", origin="上海",
                spec="330ml", grade="合格品", member_price=320)
APPLES = PriceTag(sku="A0000007", name="红富士苹果", price=1298, unit="gram", origin="山东烟台", spec="散装",
                  grade="一级", promotion_price=998, promotion_from="2026-12-01", promotion_to="2026-12-07")


def texts(tag: PriceTag, stock: LabelStock | None = None, template: str | None = None) -> list[str]:
    return [e.text for e in price_label(tag, stock or LabelStock(), template).elements if isinstance(e, Text)]


def test_the_shelf_label_carries_every_marked_price_field() -> None:
    shown = texts(COLA)
    assert shown[0] == "可口可乐 330ml"
    assert "产地 上海  规格 330ml" in shown and "等级 合格品  单位 件" in shown
    assert "零售价 ￥3.50/件" in shown and "会员价 ￥3.20" in shown and COMPLAINT_LINE in shown
    assert [b.data for b in price_label(COLA).of(Barcode)] == ["6901234567892"]


def test_weighed_goods_show_the_price_per_kg_and_per_500_g() -> None:
    assert APPLES.per_half_kg == 649
    shown = texts(APPLES, template="shelf")
    assert "零售价 ￥12.98/千克" in shown and "每500克 ￥6.49" in shown


def test_a_product_on_promotion_gets_the_promotion_label_with_its_period() -> None:
    assert template_for(APPLES) == "promotion" and template_for(COLA) == "shelf"
    shown = texts(APPLES, LabelStock(70, 50))
    assert "促销价 ￥9.98/千克" in shown and "活动时间 2026-12-01 至 2026-12-07" in shown
    assert "原价 ￥12.98" in shown and "每500克 ￥4.99" in shown and COMPLAINT_LINE in shown


@pytest.mark.parametrize("stock, template", [(LabelStock(60, 40), "promotion"), (LabelStock(50, 30), "shelf"),
                                             (LabelStock(70, 30), "promotion")])
def test_a_template_too_big_for_the_label_stock_is_refused(stock: LabelStock, template: str) -> None:
    with pytest.raises(DomainError) as refused:
        price_label(APPLES, stock, template)
    assert refused.value.code == "label_too_wide"
    assert refused.value.params["stock_width"] == stock.width_mm


@given(name=st.text(min_size=1, max_size=60), price=st.integers(min_value=0, max_value=99_999_999),
       width=st.integers(min_value=70, max_value=120), height=st.integers(min_value=50, max_value=90))
def test_every_element_lies_on_the_label(name: str, price: int, width: int, height: int) -> None:
    tag = PriceTag(sku="A1", name=name, price=price, barcode="6901234567892", promotion_price=price // 2,
                   promotion_from="2026-12-01", promotion_to="2026-12-31")
    for template in ("shelf", "promotion"):
        document = price_label(tag, LabelStock(width, height), template)
        for element in document.elements:
            assert 0 <= element.x < width * DOTS_PER_MM and 0 <= element.y < height * DOTS_PER_MM
