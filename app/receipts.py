"""Build the receipt document for a completed sale."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.checkout import get_sale, item_count, operator_name
from app.db.models import Meta
from app.domain.money import format_fen
from app.domain.quantity import Unit, format_quantity
from app.domain.receipt import Receipt, ReceiptLine, ReceiptTender
from app.settings import StoreSettings
from app.sync.feed import STORE_NAME_KEY

TENDER_LABELS = {"cash": "现金", "stored_value": "储值卡", "points": "积分抵现"}


COPY_MARK = "** 重打小票 副本 **"


def receipt_for(session: Session, sale_id: str, settings: StoreSettings, *, copy: bool = False) -> Receipt:
    """``copy`` marks a reprint, so a second slip for one sale cannot pass for a second sale."""
    ticket = get_sale(session, sale_id)
    lines = tuple(
        ReceiptLine(
            name=line.name,
            quantity_text=format_quantity(line.quantity, Unit(line.unit)),
            unit_price=line.unit_price,
            amount=line.amount,
            note=line.note,
        )
        for line in ticket.lines
        if not line.voided
    )
    assert ticket.completed_at is not None
    return Receipt(
        store_name=shop_name(session, settings),
        sale_id=sale_id,
        till=ticket.till,
        operator=operator_name(session, ticket.operator_id),
        issued_at=ticket.completed_at.strftime("%Y-%m-%d %H:%M:%S"),
        lines=lines,
        subtotal=ticket.subtotal,
        total=ticket.total,
        rounding=ticket.rounding,
        tenders=tuple(ReceiptTender(TENDER_LABELS.get(t.method, t.method), t.amount) for t in ticket.tenders),
        change=ticket.change,
        item_count=item_count(ticket),
        header_lines=(COPY_MARK,) if copy else (),
        discounts=tuple(ReceiptTender(f"券 {c.name}", c.discount) for c in ticket.coupons if c.discount),
        member=f"会员: {ticket.member_no}" if ticket.member_no else "",
    )


def shop_name(session: Session, settings: StoreSettings) -> str:
    """The name printed at the top: HQ's name for the store once enrolled, else the local setting."""
    named = session.get(Meta, STORE_NAME_KEY)
    return named.value if named else settings.store_name


__all__ = ["receipt_for", "shop_name", "format_fen"]
