"""The store's door: full-width codes and searches find the same goods, other scripts' digits get a
coded, translated refusal — never a 500."""

from __future__ import annotations

from harness.store import APPLE_PLU, COLA, Till

FULL_WIDTH = str.maketrans("0123456789KL", "０１２３４５６７８９ＫＬ")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_a_full_width_barcode_sells_the_same_product_under_its_ascii_code(till: Till) -> None:
    found = till.ok(till.get("/products/lookup", params={"code": COLA.translate(FULL_WIDTH)}))
    assert found["barcode"] == COLA and found["name"] == "可口可乐 330ml"
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, "　" + COLA.translate(FULL_WIDTH)))["lines"][0]
    assert line["barcode"] == COLA and line["quantity"] == 1


def test_a_full_width_plu_and_stock_lookup_find_the_same_goods(till: Till) -> None:
    assert till.ok(till.get("/products/lookup", params={"code": APPLE_PLU.translate(FULL_WIDTH)}))["name"] == "红富士苹果"
    by_code = till.ok(till.get("/stock", params={"code": COLA}))
    assert till.ok(till.get("/stock", params={"code": COLA.translate(FULL_WIDTH)})) == by_code


def test_a_full_width_search_finds_by_pinyin_initials_and_code(till: Till) -> None:
    items = till.ok(till.get("/products/search", params={"q": "ＫＫＫＬ", "limit": 5}))["items"]
    assert items and items[0]["name"] == "可口可乐 330ml"
    items = till.ok(till.get("/products/search", params={"q": COLA[:9].translate(FULL_WIDTH), "limit": 5}))["items"]
    assert COLA in [item["barcode"] for item in items]


def test_digits_of_another_script_get_a_coded_refusal_in_the_tills_language(store_server) -> None:
    for language, words in (("zh-CN", "无法识别的条码"), ("en", "Not a valid code")):
        till = Till(store_server, store_server.new_till(), language=language)
        answer = till.get("/products/lookup", params={"code": COLA.translate(ARABIC_INDIC)})
        assert answer.status_code == 400, answer.text
        assert answer.json()["code"] == "invalid_barcode" and words in answer.json()["message"]
