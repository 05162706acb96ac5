"""库存 at the back office through the store's API: the stock list found by pinyin, a supplier's
delivery received, damage with its reason, a blind count approved by a manager, the labels to
print — and every bad input a coded refusal with nothing posted."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.db.models import LabelToPrint, OutboxEvent, Product, StockCount, StockLevel, StockMovement
from harness.store import APPLE_PLU, COLA, NOODLES, WATER, StoreServer, Till


def cid() -> str:
    return uuid.uuid4().hex


def lines(*pairs: tuple[str, int]) -> list[dict]:
    return [{"code": code, "quantity": quantity} for code, quantity in pairs]


def on_hand(till: Till, code: str) -> int:
    return till.ok(till.get("/stock", params={"code": code}))["on_hand"]


def written(server: StoreServer) -> tuple[int, int]:
    """How many stock movements and outbox events the store holds (a refused 授权's audit entry aside)."""
    with server.db() as session:
        return (session.scalar(select(func.count(StockMovement.id))) or 0,
                session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.kind != "audit_recorded")) or 0)


@pytest.fixture
def boss(store_server: StoreServer) -> Till:
    return Till(store_server, store_server.new_till(), "5001", "5555")


@pytest.fixture
def manager(store_server: StoreServer) -> Till:
    return Till(store_server, store_server.new_till(), "9001", "9999")


@pytest.fixture
def no_open_count(store_server: StoreServer, manager: Till) -> Iterator[None]:
    """Counts are one at a time in the shared store: leave none open."""
    def close() -> None:
        current = manager.ok(manager.get("/stock/counts/current"))["count"]
        if current:
            manager.ok(manager.post(f"/stock/counts/{current['id']}/cancel", {"command_id": cid()}))
    close()
    yield
    close()


def test_the_stock_list_finds_by_name_pinyin_initials_and_code_a_page_at_a_time(boss: Till) -> None:
    by_initials = boss.ok(boss.get("/stock/list", params={"q": "nfsq"}))
    assert any(item["name"].startswith("农夫山泉 饮用天然水") for item in by_initials["items"])
    by_code = boss.ok(boss.get("/stock/list", params={"q": WATER}))
    assert [item["barcode"] for item in by_code["items"]] == [WATER]
    assert by_code["items"][0]["on_hand"] == on_hand(boss, WATER)
    first = boss.ok(boss.get("/stock/list", params={"limit": 20}))
    second = boss.ok(boss.get("/stock/list", params={"limit": 20, "offset": 20}))
    assert first["total"] > 1000 and first["more"] and len(first["items"]) == 20
    assert not {i["sku"] for i in first["items"]} & {i["sku"] for i in second["items"]}
    assert boss.get("/stock/list", params={"limit": 0}).status_code == 422


def test_a_supplier_delivery_is_received_by_scanning_once_per_command(boss: Till, store_server: StoreServer) -> None:
    before = on_hand(boss, NOODLES)
    body = {"lines": lines((NOODLES, 6), (NOODLES, 4)), "supplier": "康师傅华东配送", "ref": "DN-0098",
            "command_id": cid()}
    received = boss.ok(boss.post("/stock/receipts", body))
    assert received["reason"] == "receive" and received["ref"] == "康师傅华东配送/DN-0098"
    assert received["lines"][0]["delta"] == 10 and on_hand(boss, NOODLES) == before + 10
    assert boss.ok(boss.post("/stock/receipts", body)) == received
    assert on_hand(boss, NOODLES) == before + 10
    with store_server.db() as session:
        event = session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "stock_moved")
                                .order_by(OutboxEvent.id.desc())).first()
        assert event is not None and event.payload["ref"] == "康师傅华东配送/DN-0098"


def test_damage_needs_a_known_reason_and_a_note_for_other(boss: Till) -> None:
    before = on_hand(boss, COLA)
    damaged = boss.ok(boss.post("/stock/damage", {"lines": lines((COLA, 2)), "reason": "expired", "note": "临期",
                                                  "command_id": cid()}))
    assert damaged["reason"] == "damage" and damaged["ref"] == "expired:临期"
    assert on_hand(boss, COLA) == before - 2
    for reason, note, code in [("stolen", "", "invalid_damage_reason"), ("other", " ", "damage_note_required")]:
        answer = boss.post("/stock/damage", {"lines": lines((COLA, 1)), "reason": reason, "note": note,
                                             "command_id": cid()})
        assert answer.status_code == 422 and answer.json()["code"] == code, answer.text
    assert on_hand(boss, COLA) == before - 2


def test_bad_lines_are_refused_with_their_code_and_nothing_is_posted(boss: Till, store_server: StoreServer) -> None:
    before = written(store_server)
    for path, body, code in [
        ("/stock/receipts", {"lines": lines((COLA, 1), ("6909999999996", 1)), "supplier": "某供应商"},
         "unknown_product"),
        ("/stock/receipts", {"lines": lines((COLA, -3)), "supplier": "某供应商"}, "invalid_quantity"),
        ("/stock/receipts", {"lines": lines((COLA, 1)), "supplier": "\x00"}, "invalid_text"),
        ("/stock/damage", {"lines": lines(("6909999999996", 1)), "reason": "broken"}, "unknown_product"),
    ]:
        answer = boss.post(path, {**body, "command_id": cid()})
        assert 400 <= answer.status_code < 500 and answer.json()["code"] == code, answer.text
    cashier = Till(store_server, store_server.new_till())
    assert cashier.post("/stock/receipts", {"lines": lines((COLA, 1)), "supplier": "x",
                                            "command_id": cid()}).json()["code"] == "forbidden"
    assert written(store_server) == before


def test_a_blind_count_posts_its_variances_only_when_a_manager_approves(
        boss: Till, manager: Till, store_server: StoreServer, no_open_count: None) -> None:
    for code in (WATER, COLA):  # both on the shelf whatever the other tests sold
        boss.ok(boss.post("/stock/receipts", {"lines": lines((code, 30 + max(0, -on_hand(boss, code)))),
                                              "supplier": "饮料配送", "command_id": cid()}))
    book_water, book_cola = on_hand(boss, WATER), on_hand(boss, COLA)
    count = boss.ok(boss.post("/stock/counts", {"note": "饮料区", "command_id": cid()}))
    assert count["status"] == "open" and count["counted"] == []
    assert boss.post("/stock/counts", {"command_id": cid()}).json()["code"] == "stock_count_open"
    entered = boss.ok(boss.post(f"/stock/counts/{count['id']}/lines",
                                {"lines": lines((WATER, 10), (COLA, book_cola)), "command_id": cid()}))
    entered = boss.ok(boss.post(f"/stock/counts/{count['id']}/lines",
                                {"lines": lines((WATER, 5)), "command_id": cid()}))  # a second shelf adds up
    assert {c["counted"] for c in entered["counted"]} == {15, book_cola}
    assert all("book" not in c for c in entered["counted"])  # blind: the counter never sees the book
    # a sale while counting comes off by itself: the count posts counted - book at the snapshot
    boss.ok(boss.post("/shifts/open", {"float": 0}))
    ticket = boss.new_ticket()
    boss.ok(boss.scan(ticket, WATER, quantity=2))
    boss.ok(boss.pay_cash(ticket, 10_000))
    boss.ok(boss.complete(ticket))

    variances = boss.ok(boss.get(f"/stock/counts/{count['id']}/variances"))["variances"]
    assert [(v["book"], v["counted"], v["delta"]) for v in variances] == [(book_water, 15, 15 - book_water)]
    before = written(store_server)
    refused = boss.post(f"/stock/counts/{count['id']}/approve", {"command_id": cid()})
    assert refused.status_code == 403 and refused.json()["code"] == "override_required"
    wrong = boss.post(f"/stock/counts/{count['id']}/approve",
                      {"command_id": cid(), "override": {"operator": "9001", "pin": "0000"}})
    assert wrong.json()["code"] == "override_denied"
    assert written(store_server) == before and on_hand(boss, WATER) == book_water - 2

    approved = boss.ok(boss.post(f"/stock/counts/{count['id']}/approve",
                                 {"command_id": cid(), "override": {"operator": "9001", "pin": "9999"}}))
    assert approved["status"] == "approved" and approved["moved"]["reason"] == "count"
    assert on_hand(boss, WATER) == 15 - 2 and on_hand(boss, COLA) == book_cola
    again = boss.post(f"/stock/counts/{count['id']}/lines", {"lines": lines((WATER, 1)), "command_id": cid()})
    assert again.status_code == 409 and again.json()["code"] == "stock_count_closed"
    assert_ledger_adds_up(store_server)


def assert_ledger_adds_up(server: StoreServer) -> None:
    """Every level is the sum of its product's movements: nothing moved stock off the ledger."""
    with server.db() as session:
        sums = dict(session.execute(select(StockMovement.product_id, func.sum(StockMovement.delta))
                                    .group_by(StockMovement.product_id)).all())
        levels = dict(session.execute(select(StockLevel.product_id, StockLevel.quantity)).all())
    assert {pid: q for pid, q in levels.items() if q} == {pid: q for pid, q in sums.items() if q}


def test_a_count_refuses_a_negative_or_unknown_line_and_a_cancelled_count_posts_nothing(
        boss: Till, store_server: StoreServer, no_open_count: None) -> None:
    count = boss.ok(boss.post("/stock/counts", {"command_id": cid()}))
    before = written(store_server)
    for pairs, code in [(((COLA, -1),), "negative_count"), (((COLA, 1), ("6909999999996", 2)), "unknown_product")]:
        answer = boss.post(f"/stock/counts/{count['id']}/lines", {"lines": lines(*pairs), "command_id": cid()})
        assert answer.status_code in (404, 422) and answer.json()["code"] == code, answer.text
    zero = boss.ok(boss.post(f"/stock/counts/{count['id']}/lines", {"lines": lines((COLA, 0)), "command_id": cid()}))
    assert zero["counted"][0]["counted"] == 0  # an empty shelf is a count
    cancelled = boss.ok(boss.post(f"/stock/counts/{count['id']}/cancel", {"command_id": cid()}))
    assert cancelled["status"] == "cancelled"
    assert written(store_server) == before
    assert boss.post("/stock/counts/999999/lines", {"lines": lines((COLA, 1)), "command_id": cid()}
                     ).json()["code"] == "stock_count_not_found"
    with store_server.db() as session:
        assert session.get(StockCount, count["id"]).status == "cancelled"


def test_a_transfer_needs_hq(boss: Till, store_server: StoreServer) -> None:
    before = written(store_server)
    answer = boss.post("/stock/transfers", {"to_store": "S002", "lines": lines((COLA, 1)), "command_id": cid()})
    assert answer.status_code == 409 and answer.json()["code"] == "hq_not_connected"
    assert written(store_server) == before


def test_labels_to_print_show_the_marked_price_facts_and_come_off_once_printed(
        boss: Till, store_server: StoreServer) -> None:
    tag = boss.ok(boss.get("/labels/tag", params={"code": APPLE_PLU}))
    assert tag["unit"] == "gram" and tag["origin"] == "山东烟台" and tag["grade"] == "一级"
    assert boss.get("/labels/tag", params={"code": "6909999999996"}).json()["code"] == "unknown_product"
    waiting = boss.ok(boss.post("/labels/requests", {"code": COLA, "command_id": cid()}))
    mine = [item for item in waiting["items"] if item["tag"]["barcode"] == COLA]
    assert mine and mine[0]["reason"] == "manual" and mine[0]["tag"]["name"] == "可口可乐 330ml"
    too_narrow = boss.post("/labels/printed", {"ids": [mine[0]["id"]], "template": "promotion", "width_mm": 60,
                                               "height_mm": 40, "command_id": cid()})
    assert too_narrow.status_code == 422 and too_narrow.json()["code"] == "label_too_wide"
    with store_server.db() as session:
        assert session.get(LabelToPrint, mine[0]["id"]).printed_at is None
    printed = boss.ok(boss.post("/labels/printed", {"ids": [mine[0]["id"]], "template": "shelf", "width_mm": 60,
                                                    "height_mm": 40, "command_id": cid()}))
    assert printed["printed"] == [mine[0]["id"]]
    left = boss.ok(boss.get("/labels/pending", params={"limit": 500}))
    assert mine[0]["id"] not in [item["id"] for item in left["items"]]


def test_a_price_change_from_hq_puts_the_label_on_the_list(store_server: StoreServer, boss: Till) -> None:
    from app.sync import feed

    with store_server.db() as session:
        product = session.scalars(select(Product).where(Product.primary_barcode == NOODLES)).one()
        data = {"sku": product.sku, "name": product.name, "price": product.price + 100, "unit": product.unit,
                "barcodes": [{"code": NOODLES}], "spec": product.spec}
        feed.apply_page(session, [{"entity": "product", "key": product.sku, "data": data}], 0, "", bump=False)
        queued = list(session.scalars(select(LabelToPrint.reason).where(LabelToPrint.product_id == product.id,
                                                                        LabelToPrint.printed_at.is_(None))))
        session.rollback()
    assert queued == ["price"]


def test_a_promotion_from_hq_puts_its_goods_labels_on_the_list_with_price_and_period(
        store_server: StoreServer, boss: Till) -> None:
    from app.sync import feed

    with store_server.db() as session:
        sku = session.scalars(select(Product.sku).where(Product.primary_barcode == COLA)).one()
        cut = {"id": f"P-{uuid.uuid4().hex[:8]}", "name": "可乐特价", "kind": "price_cut", "rule": {"price": 290},
               "scope": {"skus": [sku]}, "window": {"starts": "2026-12-01T00:00:00", "ends": "2099-12-08T00:00:00"}}
        member = {"id": f"M-{uuid.uuid4().hex[:8]}", "name": "可乐会员价", "kind": "member_price",
                  "rule": {"price": 300}, "scope": {"skus": [sku]}}
        feed.apply_page(session, [{"entity": "promotion", "key": p["id"], "data": p} for p in (cut, member)], 0, "",
                        bump=False)
        session.commit()
    tag = boss.ok(boss.get("/labels/tag", params={"code": COLA}))
    assert (tag["promotion_price"], tag["promotion_from"], tag["promotion_to"]) == (290, "2026-12-01", "2099-12-08")
    assert tag["member_price"] == 300
    waiting = boss.ok(boss.get("/labels/pending", params={"limit": 500}))["items"]
    assert any(item["tag"]["sku"] == sku and item["tag"]["promotion_price"] == 290 for item in waiting)
    with store_server.db() as session:  # the promotion ends: its label comes back to the list
        for p in (cut, member):
            feed.apply_page(session, [{"entity": "promotion", "key": p["id"], "data": p, "deleted": True}], 0, "",
                            bump=False)
        session.commit()
    assert boss.ok(boss.get("/labels/tag", params={"code": COLA}))["promotion_price"] is None
