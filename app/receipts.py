"""Build the receipt document for a completed sale."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.checkout import get_sale, operator_name
from app.db.models import Meta
from app.domain.money import format_fen
from app.domain.quantity import format_quantity
from app.domain.receipt import Receipt, ReceiptLine, ReceiptTender
from app.domain.sale import Payment, label
from app.settings import StoreSettings
from app.sync.feed import STORE_NAME_KEY
from app.tickets import Tickets

COPY_MARK = "** 重打小票 副本 **"


def receipt_for(session: Session, tickets: Tickets, sale_id: str, settings: StoreSettings, *,
                copy: bool = False) -> Receipt:
    """``copy`` marks a reprint, so a second slip for one sale cannot pass for a second sale."""
    sale = get_sale(session, tickets, sale_id)
    lines = tuple(
        ReceiptLine(
            name=line.name,
            quantity_text=format_quantity(line.quantity, line.unit),
            unit_price=line.unit_price,
            amount=line.amount,
            note=line.note,
        )
        for line in sale.active_lines
    )
    assert sale.completed_at is not None
    return Receipt(
        store_name=shop_name(session, settings),
        sale_id=sale_id,
        till=sale.till,
        operator=operator_name(session, sale.operator_id),
        issued_at=sale.completed_at.strftime("%Y-%m-%d %H:%M:%S"),
        lines=lines,
        subtotal=sale.subtotal,
        total=sale.total,
        rounding=sale.rounding,
        tenders=tuple(ReceiptTender(tender_label(p), p.amount) for p in sale.payments),
        change=sale.change,
        item_count=sale.item_count,
        header_lines=((COPY_MARK,) if copy else ()) + settings_lines(settings.receipt_header),
        footer_lines=settings_lines(settings.receipt_footer),
        discounts=tuple(ReceiptTender(f"券 {c.name}", c.discount) for c in sale.coupons if c.discount),
        member=f"会员: {sale.member_no}" if sale.member_no else "",
    )


def tender_label(payment: Payment) -> str:
    """The tender's name; a payment code's with the last digits of the provider's transaction id
    (微信支付 尾号7890), so the customer's bill and the receipt can be matched."""
    name = label(payment.kind)
    if payment.provider and payment.transaction_id:
        return f"{name} 尾号{payment.transaction_id[-4:]}"
    return name


def settings_lines(text: str) -> tuple[str, ...]:
    """A receipt header or footer as the manager typed it in 设置: one printed line per line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def shop_name(session: Session, settings: StoreSettings) -> str:
    """The name printed at the top: HQ's name for the store once enrolled, else the local setting."""
    named = session.get(Meta, STORE_NAME_KEY)
    return named.value if named else settings.store_name


__all__ = ["receipt_for", "shop_name", "format_fen"]
