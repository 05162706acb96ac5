"""设置 on the store server: the environment gives the defaults, the manager's changes override
them and apply to the next request without a restart; bad values change nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.models import StoreSetting
from harness.store import COLA, NOODLES, StoreServer, Till, make_store_server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoreServer]:
    server = make_store_server(tmp_path, products=200, extra_env={"OMNISTORE_ROUNDING": "none"})
    server.start()
    yield server
    server.stop()


def save(who: Till, **values: object):  # type: ignore[no-untyped-def]
    return who.http.put(who.server.api + "/settings", json={"values": values, "command_id": uuid.uuid4().hex},
                        timeout=10)


def test_the_receipt_footer_and_rounding_change_without_a_restart(store: StoreServer) -> None:
    boss = Till(store, store.new_till(), operator="9001", pin="9999")
    shown = boss.ok(boss.get("/settings"))
    assert shown["values"]["rounding"] == "none" and shown["defaults"]["rounding"] == "none"
    assert shown["overridden"] == []
    saved = boss.ok(save(boss, receipt_footer="会员日每周三\n退换货请凭小票", receipt_header="欢迎光临",
                         rounding="jiao_down"))
    assert saved["values"]["rounding"] == "jiao_down" and saved["defaults"]["rounding"] == "none"
    assert saved["overridden"] == ["receipt_footer", "receipt_header", "rounding"]
    till = Till(store, store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, NOODLES))
    due = till.ok(till.scan(ticket, COLA))["due"]
    assert due == 1640  # ￥16.40: already whole jiao
    till.ok(till.scan(ticket, "1001", quantity=333))  # 红富士 0.333 kg: ￥4.32 → 抹零 ￥0.02
    state = till.ok(till.get(f"/tickets/{ticket}"))
    assert state["due"] % 10 == 0 and state["due_exact"] % 10 != 0
    till.ok(till.pay_cash(ticket, state["due"]))
    sale = till.ok(till.complete(ticket))
    receipt = till.get(f"/sales/{sale['sale_id']}/receipt", params={"format": "text"}).text
    assert "欢迎光临" in receipt and "会员日每周三" in receipt and "退换货请凭小票" in receipt
    assert "谢谢惠顾" not in receipt
    restored = boss.ok(save(boss, receipt_footer=None))  # back to the environment's default
    assert "receipt_footer" not in restored["overridden"]
    receipt = till.get(f"/sales/{sale['sale_id']}/receipt", params={"format": "text"}).text
    assert "谢谢惠顾" in receipt


def test_settings_survive_a_restart(store: StoreServer) -> None:
    boss = Till(store, store.new_till(), operator="9001", pin="9999")
    boss.ok(save(boss, void_line_limit=800, language="en"))
    store.stop()
    store.start()
    boss = Till(store, store.new_till(), operator="9001", pin="9999")
    assert boss.ok(boss.get("/settings"))["values"]["void_line_limit"] == 800
    assert boss.login.json()["language"] == "en"


def test_bad_settings_are_refused_and_nothing_is_written(store: StoreServer) -> None:
    boss = Till(store, store.new_till(), operator="9001", pin="9999")
    for values in ({"rounding": "to_the_nearest_pony"}, {"void_line_limit": -1}, {"void_line_limit": "50"},
                   {"language": "fr"}, {"receipt_footer": "x" * 201}, {"receipt_header": "a\x1bp"},
                   {"store_secret": 1}, {}, {"receipt_footer": "ok", "rounding": "bad"}):
        refused = save(boss, **values)
        assert refused.status_code == 422, values
        assert refused.json()["code"] == "invalid_setting", values
    with store.db() as session:
        assert session.scalar(select(func.count()).select_from(StoreSetting)) == 0


def test_only_a_manager_changes_settings(store: StoreServer) -> None:
    for operator, pin in (("1001", "1234"), ("5001", "5555")):
        who = Till(store, store.new_till(), operator=operator, pin=pin)
        refused = save(who, rounding="none")
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
