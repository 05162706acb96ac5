"""会员、券、储值 at the till: the store server asks HQ, the one place a coupon or a balance lives.

Every call to HQ is made outside the store's database transactions (``app.outside``): a coupon
held for a ticket, stored value or points spent, a top-up credited are recorded as pending,
asked of HQ, then settled onto the ticket in a second short transaction — or, when the answer
never came or can't be used, undone at HQ in the background. A slow HQ keeps one till waiting,
never the store.

- A member is looked up (phone, card, dynamic code) or registered at HQ and attached to the ticket.
- A coupon is reserved at HQ for the ticket under a reference of its own; it is committed at HQ by
  the sale's ``sale_completed`` event, released by ``ticket_voided`` or ``coupon_removed`` —
  through the outbox, exactly once, even if the link is down then.
- Stored value, gift cards and points are spent at HQ when the tender is added (the balance must be
  checked online); a voided ticket's spends go back by the same ``ticket_voided`` event.

With HQ unreachable these say so with ``hq_unreachable`` and a plain message; selling cash goods
goes on untouched.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, clock, commands, outbox, outside, shifts
from app.checkout import add_line, open_sale, ticket_view
from app.context import Actor
from app.db.models import CouponBatchRecord, OutsideCall, Ticket, TicketCoupon, TicketLine, TopUp
from app.domain.errors import DomainError
from app.domain.keyed import is_digits, normalise_code
from app.domain.money import check_amount, format_fen
from app.domain.sale import GIFT_CARD, POINTS, STORED_VALUE, Coupon, Payment
from app.events import STORED_VALUE_TOPUP, CouponHeld, CouponRemoved, Kept
from app.settings import StoreSettings
from app.sync.hq_client import HqClient, HqError
from app.tickets import Tickets

LOYALTY_READ_TIMEOUT = 5.0
#: HQ's refusals that say the store's signature or clock is off: to the till, HQ is out of reach
_LINK_FAULTS = ("unknown_store", "bad_signature", "stale_request", "replayed_request")


def call_hq(client: HqClient | None, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """One signed call to HQ. HQ's refusal becomes its own coded error; no answer at all is
    ``hq_unreachable``; HQ failing on its side is ``hq_error`` — neither is a definite no."""
    if client is None:
        raise DomainError("hq_not_connected", status=409)
    try:
        return client.request(method, "/api/v1" + path, body=body, read_timeout=LOYALTY_READ_TIMEOUT)
    except HqError as error:
        if error.status is not None and error.status >= 500:
            raise DomainError("hq_error", status=502) from None
        if error.status is not None and 400 <= error.status < 500 and error.code not in _LINK_FAULTS:
            raise DomainError(error.code, status=error.status, **_params(error.body)) from None
        raise DomainError("hq_unreachable", status=503) from None


def _params(body: dict[str, Any]) -> dict[str, Any]:
    params = body.get("params")
    return dict(params) if isinstance(params, dict) else {}


def store_code(client: HqClient | None) -> str:
    return client.config.store_code if client is not None else "local"


def ticket_ref(client: HqClient | None, ticket_id: int) -> str:
    """The ticket as HQ knows it: unique across the chain."""
    return f"{store_code(client)}:{ticket_id}"


def _call_ref(client: HqClient | None, ticket_id: int, call_id: str) -> str:
    """One call's reference at HQ: the ticket's, and the call's own (a retried call finds its
    record there; an abandoned one never shares it with the call that replaced it)."""
    return f"{ticket_ref(client, ticket_id)}:{call_id[:12]}"


# ---- members ---------------------------------------------------------------------------------


def find_member(client: HqClient | None, *, phone: str = "", card: str = "", code: str = "") -> dict[str, Any]:
    phone, card, code = normalise_code(phone), normalise_code(card), normalise_code(code)
    key, value = ("code", code) if code else ("card", card) if card else ("phone", phone)
    if not value:
        raise DomainError("invalid_request", status=422, detail="phone, card or code")
    return call_hq(client, "GET", f"/loyalty/members?{key}={quote(value)}")


def member_360(client: HqClient | None, actor: Actor, member_no: str) -> dict[str, Any]:
    """会员 360 (a supervisor or the manager): HQ holds the member's ledgers and purchases."""
    actor.require("supervisor")
    member_no = normalise_code(member_no)
    if not member_no:
        raise DomainError("invalid_request", status=422, detail="member_no")
    return call_hq(client, "GET", f"/loyalty/members/{quote(member_no, safe='')}/360")


def register_member(client: HqClient | None, phone: str, name: str) -> dict[str, Any]:
    return call_hq(client, "POST", "/loyalty/members", {"phone": normalise_code(phone), "name": name})


def attach_member(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, command_id: str, ticket_id: int,
                  member_no: str | None, settings: StoreSettings, client: HqClient | None) -> dict[str, Any]:
    """The member's tier decides member prices: HQ says which it is (asked before the store's
    transaction), the ticket is repriced with it."""
    payload = {"ticket": ticket_id, "member": member_no}
    with sessions() as session:
        answered = commands.answered(session, actor, command_id, "member", payload)
    if answered is not None:
        return answered
    tier = str(find_member(client, card=member_no).get("tier") or "normal") if member_no else None

    def change() -> dict[str, Any]:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        sale.attach_member(member_no, tier)
        tickets.save(session, sale, clock.now())
        return ticket_view(sale)

    with sessions() as session:
        return commands.run(session, actor, command_id, "member", payload, change)


# ---- coupons ---------------------------------------------------------------------------------


def add_coupon(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, command_id: str, ticket_id: int,
               code: str, client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """用券: HQ checks the coupon and holds it for this ticket; offline, a paper coupon may still
    be taken under the store's policy."""
    code = normalise_code(code).upper()

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        sale.check_coupon(code)
        return outside.Prepared({"code": code, "ref": _call_ref(client, ticket_id, call_id), "subtotal": sale.subtotal,
                                 "member": sale.member_no}, ticket_id)

    def call(request: dict[str, Any]) -> dict[str, Any]:
        try:
            return call_hq(client, "POST", "/loyalty/coupons/reserve", request)
        except DomainError as error:
            if error.code != "hq_unreachable":
                raise
        with sessions() as session:  # a read: which paper batches this store knows, and today's count
            held = _offline_paper_coupon(session, client, code, request["subtotal"], settings)
            session.rollback()
        return {**held, "offline": True}

    def settle(session: Session, record: OutsideCall, held: dict[str, Any]) -> dict[str, Any]:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        offline = bool(held.get("offline"))
        sale.add_coupon(Coupon(code=code, name=str(held.get("name", ""))[:64], kind=str(held["kind"]),
                               value=int(held["value"]), threshold=int(held.get("threshold", 0)), sku=held.get("sku"),
                               offline=offline, ref=None if offline else record.request["ref"]))
        tickets.save(session, sale, clock.now())
        return ticket_view(sale)

    return outside.run(sessions, actor, command_id, "coupon", {"ticket": ticket_id, "code": code},
                       kind="coupon_reserve", prepare=prepare, call=call, settle=settle)


def _release_coupon(client: HqClient | None) -> outside.Undo:
    def undo(request: dict[str, Any], answer: dict[str, Any] | None) -> None:
        if answer is not None and answer.get("offline"):
            return  # taken offline: nothing is held at HQ
        call_hq(client, "POST", "/loyalty/coupons/release", {"code": request["code"], "ref": request["ref"]})
    return undo


def remove_coupon(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, code: str,
                  client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """The coupon comes off the ticket now; HQ frees it from the ``coupon_removed`` event."""
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    coupon = sale.remove_coupon(normalise_code(code).upper())
    tickets.save(session, sale, clock.now())
    if not coupon.offline:
        outbox.record(session, CouponRemoved(ticket_id, actor.till,
                                      CouponHeld(coupon.code, coupon.ref or ticket_ref(client, ticket_id))))
    return ticket_view(sale)


def _offline_paper_coupon(session: Session, client: HqClient | None, code: str, subtotal: int,
                          settings: StoreSettings) -> dict[str, Any]:
    """离线用券 (the store's offline policy): with HQ out of reach, a paper coupon of a batch this store
    knows may still be taken — within its dates and stores, above its threshold, and no more than
    the day's allowance. HQ redeems it when the sale arrives, or reports a conflict to the manager."""
    refused = DomainError("hq_unreachable", status=503)
    if not code.startswith("P") or len(code) < 12 or not is_digits(code[1:-10]) or settings.offline_paper_coupons <= 0:
        raise refused
    batch = session.get(CouponBatchRecord, int(code[1:-10]))
    if batch is None:
        raise refused
    data = batch.data
    store = client.config.store_code if client is not None else ""
    now = clock.now()
    if data.get("stores") and store not in data["stores"]:
        raise DomainError("coupon_wrong_store", status=409, code=code)

    def local(text: str) -> datetime:  # HQ's UTC moment on this store's wall clock
        moment = datetime.fromisoformat(text)
        return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment

    if now < local(data["valid_from"]):
        raise DomainError("coupon_not_yet_valid", status=409, code=code, start=str(data["valid_from"])[:10])
    if now > local(data["valid_to"]):
        raise DomainError("coupon_expired", status=409, code=code, end=str(data["valid_to"])[:10])
    if subtotal < int(data.get("threshold", 0)):
        raise DomainError("coupon_below_threshold", status=409, code=code, threshold=format_fen(int(data["threshold"])))
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    taken = session.scalar(select(func.count(TicketCoupon.id)).where(TicketCoupon.offline,
                                                                   TicketCoupon.created_at >= today)) or 0
    if taken >= settings.offline_paper_coupons:
        raise DomainError("offline_coupon_limit", status=409, limit=settings.offline_paper_coupons)
    return {"name": data.get("name", ""), "kind": data["kind"], "value": data["value"],
            "threshold": data.get("threshold", 0)}


def conflicts(client: HqClient | None, language: str, include_resolved: bool = False) -> list[dict[str, Any]]:
    """What HQ could not carry out from this store's sales (a coupon another store took while this
    one was offline, say), newest first, each with the reason in the manager's language: the open
    ones, or with ``include_resolved`` those already handled too."""
    from app.messages import message

    items = call_hq(client, "GET", "/loyalty/conflicts" + ("?all=true" if include_resolved else "")).get("items") or []
    return [{**item, "message": message(str(item.get("reason", "")), language,
                                        {"code": item.get("subject", ""), "card": item.get("subject", "")})}
            for item in items if isinstance(item, dict)]


def resolve_conflict(sessions: sessionmaker[Session], client: HqClient | None, actor: Actor, command_id: str,
                     conflict_id: int, note: str) -> dict[str, Any]:
    """已处理: the store manager, having set it right in the store, marks one of HQ's conflicts handled
    with a note; HQ keeps who (this manager's code) and when. Only a manager may."""
    actor.require("manager")

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        return outside.Prepared({"conflict": conflict_id, "operator": actor.operator_code, "note": note})

    def call(request: dict[str, Any]) -> dict[str, Any]:
        return call_hq(client, "POST", f"/loyalty/conflicts/{request['conflict']}/resolve",
                       {"operator": request["operator"], "note": request["note"]})

    return outside.run(sessions, actor, command_id, "conflict_resolve", {"conflict": conflict_id, "note": note},
                       kind="conflict_resolve", prepare=prepare, call=call, settle=lambda session, record, a: a)


# ---- gift cards ------------------------------------------------------------------------------


def add_gift_card(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, command_id: str, ticket_id: int,
                  code: str, card_no: str, client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """售卡: a gift-card product with the card scanned from its back; HQ says whether it is unsold
    card stock (asked before the store's transaction). The sale activates it
    (``activate_gift_cards``, and HQ again from the sale's event)."""
    card_no = normalise_code(card_no)
    payload = {"ticket": ticket_id, "code": code, "quantity": None, "card": card_no}
    with sessions() as session:
        answered = commands.answered(session, actor, command_id, "add_line", payload)
    if answered is not None:
        return answered
    call_hq(client, "GET", f"/loyalty/gift-cards/{quote(card_no, safe='')}")

    def change() -> dict[str, Any]:
        held = select(TicketLine.id).join(Ticket, Ticket.id == TicketLine.ticket_id).where(
            TicketLine.card_no == card_no, TicketLine.voided.is_(False), Ticket.status.in_(("open", "parked")))
        if session.scalar(held.limit(1)) is not None:  # on this ticket, or on another till's
            raise DomainError("gift_card_on_ticket", status=409, card=card_no)
        return add_line(session, tickets, actor, ticket_id, code, 1, settings, card_no=card_no)

    with sessions() as session:
        return commands.run(session, actor, command_id, "add_line", payload, change)


def activate_gift_cards(client: HqClient | None, sale: dict[str, Any]) -> list[str]:
    """Right after the sale is stored: activate its cards at HQ so they can be spent at once. If
    HQ is out of reach the sale's event activates them when it arrives; returns those activated now."""
    if client is None:
        return []
    done = []
    for line in sale.get("lines") or []:
        if not line.get("card_no") or line.get("voided"):
            continue
        try:
            call_hq(client, "POST", "/loyalty/gift-cards/activate", {
                "card": line["card_no"], "amount": line["amount"] - line["discount"],
                "ref": f"{client.config.store_code}:{sale['sale_id']}"})
        except DomainError:
            continue  # the event carries it; a refusal lands in HQ's conflicts for the manager
        done.append(str(line["card_no"]))
    return done


# ---- stored value and points -----------------------------------------------------------------


def pay_stored_value(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, command_id: str, ticket_id: int,
                     card: str, amount: int, client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """储值支付 / 礼品卡: at most what is still due; HQ takes it from the card under its row lock."""
    card = normalise_code(card)

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        sale.check_payment(STORED_VALUE, amount)
        return outside.Prepared({"card": card, "amount": amount, "ref": _call_ref(client, ticket_id, call_id)},
                                ticket_id)

    def settle(session: Session, record: OutsideCall, answer: dict[str, Any]) -> dict[str, Any]:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        kind = GIFT_CARD if answer.get("kind") == "gift_card" else STORED_VALUE
        sale.add_payment(Payment(kind, amount, reference=card, ref=record.request["ref"]))
        tickets.save(session, sale, clock.now())
        return ticket_view(sale)

    return outside.run(sessions, actor, command_id, "stored_value",
                       {"ticket": ticket_id, "card": card, "amount": amount}, kind="wallet_spend", prepare=prepare,
                       call=lambda request: call_hq(client, "POST", "/loyalty/wallets/spend", request), settle=settle)


def _refund_spend(client: HqClient | None) -> outside.Undo:
    def undo(request: dict[str, Any], answer: dict[str, Any] | None) -> None:
        call_hq(client, "POST", "/loyalty/wallets/refund", {"card": request["card"], "ref": request["ref"]})
    return undo


def pay_points(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, command_id: str, ticket_id: int,
               amount: int, client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """积分抵现: the attached member's points pay ``amount`` fen (100 points = ￥1), at most what is due."""

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        if not sale.member_no:
            raise DomainError("member_required", status=409)
        sale.check_payment(POINTS, amount)
        return outside.Prepared({"member": sale.member_no, "amount": amount,
                                 "ref": _call_ref(client, ticket_id, call_id)}, ticket_id)

    def settle(session: Session, record: OutsideCall, answer: dict[str, Any]) -> dict[str, Any]:
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        sale.add_payment(Payment(POINTS, amount, reference=record.request["member"], ref=record.request["ref"]))
        tickets.save(session, sale, clock.now())
        return ticket_view(sale)

    return outside.run(sessions, actor, command_id, "points", {"ticket": ticket_id, "amount": amount},
                       kind="points_spend", prepare=prepare,
                       call=lambda request: call_hq(client, "POST", "/loyalty/points/spend", request), settle=settle)


def _refund_points(client: HqClient | None) -> outside.Undo:
    def undo(request: dict[str, Any], answer: dict[str, Any] | None) -> None:
        call_hq(client, "POST", "/loyalty/points/refund", {"member": request["member"], "ref": request["ref"]})
    return undo


def card_balance(client: HqClient | None, card: str) -> dict[str, Any]:
    """查余额: what the card holds now, from HQ (a gift card says its last day too)."""
    card = normalise_code(card)
    if not card or len(card) > 24 or not (card.isascii() and card.isalnum()):
        raise DomainError("wallet_not_found", status=404)
    return call_hq(client, "GET", f"/loyalty/wallets/{card}")


def top_up(sessions: sessionmaker[Session], actor: Actor, client: HqClient | None, card: str, amount: int,
           command_id: str) -> dict[str, Any]:
    """充值 at the till: HQ adds the principal and the bonus its rules give (充100送20); the cash
    goes into this till's drawer, so the shift's expected cash counts it. The event HQ keeps says
    the tender (cash) and the business day (the shift's), for the day's top-up voucher."""
    card = normalise_code(card)
    check_amount(amount)
    ref = f"{store_code(client)}:{command_id}"

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        shifts.require_open(session, actor.till)
        return outside.Prepared({"card": card, "amount": amount, "ref": ref})

    def settle(session: Session, record: OutsideCall, result: dict[str, Any]) -> dict[str, Any]:
        shift = shifts.require_open(session, actor.till)
        entry = result.get("entry") or {}
        session.add(TopUp(shift_id=shift.id, till=actor.till, card=card, amount=amount,
                          bonus=int(entry.get("bonus", 0)), ref=ref, created_at=clock.now()))
        outbox.record(session, Kept(STORED_VALUE_TOPUP, {"till": actor.till, "card": card, "amount": amount, "ref": ref,
                                                         "method": "cash",
                                                         "business_day": shift.opened_at.date().isoformat()}))
        audit.record(session, actor, "stored_value_topup", card, amount=amount, subject=card[:64])
        return result

    return outside.run(sessions, actor, command_id, "topup", {"card": card, "amount": amount}, kind="wallet_topup",
                       prepare=prepare, settle=settle,
                       call=lambda request: call_hq(client, "POST", "/loyalty/wallets/topup", request))


def _cancel_top_up(client: HqClient | None) -> outside.Undo:
    def undo(request: dict[str, Any], answer: dict[str, Any] | None) -> None:
        call_hq(client, "POST", "/loyalty/wallets/topup/cancel", {"card": request["card"], "ref": request["ref"]})
    return undo


def register_undos(client: HqClient | None) -> None:
    """How each kind of HQ call is undone when it was abandoned (the store server's resumer)."""
    outside.register_undo("coupon_reserve", _release_coupon(client))
    outside.register_undo("wallet_spend", _refund_spend(client))
    outside.register_undo("points_spend", _refund_points(client))
    outside.register_undo("wallet_topup", _cancel_top_up(client))
