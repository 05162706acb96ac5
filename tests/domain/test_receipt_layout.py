from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.receipt import COLUMNS_58MM, COLUMNS_80MM, Receipt, ReceiptLine, ReceiptTender, Style, layout
from app.domain.textwidth import display_width, wrap

names = st.text(alphabet=st.sampled_from(list("可口可乐农夫山泉矿泉水苹果ABCxyz0123 ml（）、。")), min_size=1, max_size=60)


def receipt_with(line_names: list[str]) -> Receipt:
    lines = tuple(ReceiptLine(n, "1", 350, 350) for n in line_names)
    total = 350 * len(lines)
    return Receipt("OmniStore 示范店", "T01-20261125-0001", "T01", "1001 张晓燕", "2026-11-25 10:00:00",
                   lines, total, total, (ReceiptTender("现金", total),), 0)


@given(st.lists(names, min_size=1, max_size=8), st.sampled_from([COLUMNS_58MM, COLUMNS_80MM]))
def test_no_laid_out_line_is_wider_than_the_paper(line_names: list[str], columns: int) -> None:
    for line in layout(receipt_with(line_names), columns):
        limit = columns // 2 if line.style in (Style.TITLE, Style.TOTAL) else columns
        assert display_width(line.text) <= limit, line


def test_a_han_character_takes_two_columns() -> None:
    assert display_width("可乐") == 4
    assert display_width("ab") == 2
    assert display_width("￥") == 2
    assert wrap("可口可乐可口可乐", 5) == ["可口", "可乐", "可口", "可乐"]


@given(names, st.integers(min_value=2, max_value=48))
def test_wrapping_keeps_every_character_in_order(text: str, columns: int) -> None:
    assert "".join(wrap(text, columns)) == text
