"""A PIN reset here and answered here with a new PIN: HQ's feed sends the reset back before the new
PIN; the store keeps the operator's new PIN (it does not fall back to the one-time PIN), and takes
a PIN HQ sends from elsewhere as it comes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app import staff
from app.auth import create_operator
from app.context import Actor
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Operator, OutboxEvent, Till
from app.security import hash_pin, verify_pin
from app.settings import StoreSettings
from app.sync.feed import apply_page


def change(code: str, pin_hash: str, must_change: bool) -> dict:
    return {"entity": "operator", "key": code, "deleted": False, "data": {
        "code": code, "name": "王芳", "role": "cashier", "pin_hash": pin_hash, "active": True,
        "must_change_pin": must_change}}


def test_a_reset_coming_back_from_hq_does_not_undo_the_pin_chosen_since(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as session:
        session.add(Till(code="T01", name="一号机"))
        boss = create_operator(session, "9001", "店长", "manager", "9999")
        create_operator(session, "6001", "王芳", "cashier", "2468")
        session.commit()
        manager = Actor(boss.id, "9001", "店长", "manager", "T01")
        staff.reset_pin(session, manager, "6001", "3690")
        session.commit()
        staff.change_pin(session, "T01", "6001", "3690", "8052", StoreSettings(home=tmp_path))
        reset_hash, new_hash = [e.payload["pin_hash"] for e in session.scalars(
            select(OutboxEvent).where(OutboxEvent.kind == "pin_changed").order_by(OutboxEvent.id))]
        apply_page(session, [change("6001", reset_hash, True)], 1, "华东", bump=False)
        operator = session.scalar(select(Operator).where(Operator.code == "6001"))
        assert verify_pin(operator.pin_hash, "8052") and not operator.pin_change_required
        apply_page(session, [change("6001", new_hash, False)], 2, "华东", bump=False)
        assert verify_pin(operator.pin_hash, "8052") and not operator.pin_change_required
        elsewhere = hash_pin("7316")  # reset at another store: it follows the operator here
        apply_page(session, [change("6001", elsewhere, True)], 3, "华东", bump=False)
        assert operator.pin_hash == elsewhere and operator.pin_change_required
    engine.dispose()
