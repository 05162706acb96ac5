"""HQ's use cases as its API and its commands run them: each is one whole transaction.

The modules they call (``stores``, ``keys``, ``loyalty``, ``masterdata``…) hold steps that join the
caller's transaction and leave the commit to it; here each request's work is wrapped once by
``app.hq.uow.transaction``. Routes and CLI commands call these and never commit themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import o2o
from app.domain.errors import DomainError
from app.hq import campaigns, conflicts, demo, gift_cards, ingest, keys, loyalty, masterdata, rules, stores, transfers
from app.hq.models import O2OOrder, Store
from app.hq.orders import intake as orders_intake
from app.hq.orders import router as orders_router
from app.hq.orders import setup as orders_setup
from app.hq.orders import steps as orders_steps
from app.hq.recon import days as recon_days
from app.hq.recon import erp as recon_erp
from app.hq.recon import imports as recon_imports
from app.hq.uow import transaction

# ---- stores, enrolment and API keys ----------------------------------------------------------
enroll = transaction(stores.enroll)
create_store = transaction(stores.create_store)
issue_enrolment_code = transaction(stores.issue_enrolment_code)


@transaction
def open_store(session: Session, code: str, name: str, group: str,
               enrolment_ttl: int) -> tuple[Store, stores.IssuedCode]:
    """A new store with its first one-time enrolment code (``omnistore hq create-store``)."""
    store = stores.create_store(session, code, name, group)
    return store, stores.issue_enrolment_code(session, store.code, enrolment_ttl)


set_store_disabled = transaction(stores.set_disabled)
create_key = transaction(keys.create_key)
revoke_key = transaction(keys.revoke)
revoke_key_by_prefix = transaction(keys.revoke_by_prefix)

# ---- a store's events, and the demo chain ------------------------------------------------------
ingest_events = transaction(ingest.ingest)
seed_demo = transaction(demo.seed)


# ---- members -----------------------------------------------------------------------------------
@transaction
def register_member(session: Session, phone: str, name: str, store: Store | None) -> dict[str, Any]:
    """注册会员 at a till (``store``) or by an admin (None): the member, the coupons a registration
    campaign hands them, and the member as the till's panel shows them."""
    member = loyalty.register_member(session, phone, name, store)
    campaigns.issue(session, "register", member, store, 0, f"register:{member.member_no}")
    return loyalty.member_view(session, member, store)


@transaction
def find_member(session: Session, secret: bytes, store: Store, *, phone: str = "", card: str = "",
                code: str = "") -> dict[str, Any]:
    """A member found for a till by phone, card or dynamic code; a dynamic code is used up for good."""
    member = loyalty.find_member(session, secret, phone=phone, card=card, code=code)
    return loyalty.member_view(session, member, store)


# ---- coupons and campaigns ---------------------------------------------------------------------
reserve_coupon = transaction(loyalty.reserve_coupon)
commit_coupon = transaction(loyalty.commit_coupon)
release_coupon = transaction(loyalty.release_coupon)
create_coupon_template = transaction(loyalty.create_template)
create_coupon_batch = transaction(loyalty.create_batch)
stock_paper_coupons = transaction(loyalty.stock_paper_coupons)
create_campaign = transaction(campaigns.create_campaign)
end_campaign = transaction(campaigns.end_campaign)

# ---- stored value, gift cards and points -------------------------------------------------------
open_wallet = transaction(loyalty.open_account)
top_up = transaction(loyalty.top_up)
spend = transaction(loyalty.spend)
refund = transaction(loyalty.refund)
cancel_top_up = transaction(loyalty.cancel_top_up)
spend_points = transaction(loyalty.spend_points)
refund_points = transaction(loyalty.refund_points)
expire_points = transaction(loyalty.expire_points)
make_gift_cards = transaction(gift_cards.make_cards)
activate_gift_card = transaction(gift_cards.activate)
expire_gift_cards = transaction(gift_cards.expire_cards)
save_loyalty_rules = transaction(rules.save)
resolve_conflict = transaction(conflicts.resolve)

# ---- master data -------------------------------------------------------------------------------
upsert_categories = transaction(masterdata.upsert_categories)
upsert_products = transaction(masterdata.upsert_products)
upsert_prices = transaction(masterdata.upsert_prices)
delete_price = transaction(masterdata.delete_price)
upsert_promotions = transaction(masterdata.upsert_promotions)
end_promotion = transaction(masterdata.end_promotion)
upsert_tills = transaction(masterdata.upsert_tills)
upsert_operators = transaction(masterdata.upsert_operators)

# ---- O2O orders (订单中心) ------------------------------------------------------------------------


def take_order(session: Session, incoming: orders_intake.OrderIn) -> dict[str, Any]:
    """An order taken in and routed, in one transaction; the same order again (even sent twice
    at once: the second waits on the first's unique key) answers the order already taken."""
    return orders_intake.answer(session, _taken(session, incoming, orders_intake.take))


def receive_order(session: Session, incoming: orders_intake.OrderIn, router: orders_router.Router,
                  wait: bool = False) -> dict[str, Any]:
    """An order written ``received`` in its own short transaction and handed to the router; with
    ``wait`` routed before the answer (by this request, or by the router if it got there first)."""
    order = _taken(session, incoming, orders_intake.receive)
    if order.state == o2o.RECEIVED:
        if wait:
            session.close()
            session.info.clear()  # the history is read back: the router's entries are not in this session
            orders_router.route_one(router.sessions, order.id)
            order = orders_intake.find(session, incoming.channel, incoming.channel_order_no)  # type: ignore[assignment]
        else:
            router.nudge()
    return orders_intake.answer(session, order)


def _taken(session: Session, incoming: orders_intake.OrderIn,
           take: Callable[[Session, orders_intake.OrderIn], O2OOrder]) -> O2OOrder:
    try:
        order = take(session, incoming)
        session.commit()
    except IntegrityError:
        session.rollback()
        order = orders_intake.find(session, incoming.channel, incoming.channel_order_no)  # type: ignore[assignment]
        if order is None:
            raise
    except BaseException:
        session.rollback()
        raise
    return order


@transaction
def cancel_order(session: Session, channel: str, channel_order_no: str, reason: str) -> dict[str, Any]:
    return orders_intake.answer(session, orders_intake.cancel(session, channel, channel_order_no, reason))


take_order_step = transaction(orders_steps.take_step)
set_store_o2o = transaction(orders_setup.set_store_o2o)
set_channel = transaction(orders_setup.set_channel)


def platform_push(session: Session, push: Callable[..., Any], *args: Any) -> None:
    """A platform's push taken in one transaction; a push racing its own duplicate (the platform
    retried) finds the order already taken and changes nothing."""
    try:
        push(session, *args)
        session.commit()
    except IntegrityError:
        session.rollback()
    except BaseException:
        session.rollback()
        raise
# ---- transfers between stores (调拨) ------------------------------------------------------------
create_transfer = transaction(transfers.create)
cancel_transfer = transaction(transfers.cancel)


# ---- reconciliation and ERP vouchers (对账、凭证) -------------------------------------------------
_import_bill = transaction(recon_imports.import_bill)


def import_bill(session: Session, content: bytes, filename: str, **options: Any) -> recon_imports.ImportReport:
    """A bill imported in one transaction; one racing another import of the same rows (the same file
    sent twice at once) is refused whole and can simply be sent again."""
    try:
        return _import_bill(session, content, filename, **options)
    except IntegrityError:
        raise DomainError("recon_raced", status=409) from None
resolve_difference = transaction(recon_days.resolve)
_close_recon_day = transaction(recon_days.close_day)
reopen_recon_day = transaction(recon_days.reopen_day)
_export_vouchers = transaction(recon_erp.export)


def close_recon_day(session: Session, store: str, day: Any, actor: str) -> dict[str, Any]:
    """Close a day; two closing it at once: the second is refused, the day closed once."""
    try:
        return _close_recon_day(session, store, day, actor)
    except IntegrityError:
        raise DomainError("recon_raced", status=409) from None


def export_vouchers(session: Session, store: str, day: Any) -> list[Any]:
    """The day's vouchers; an export racing another one's numbering is refused (ask again: the
    numbers the first one kept are then the answer)."""
    try:
        return _export_vouchers(session, store, day)
    except IntegrityError:
        raise DomainError("recon_raced", status=409) from None
save_erp_accounts = transaction(recon_erp.save_accounts)
save_recon_settings = transaction(recon_imports.save_settings)
