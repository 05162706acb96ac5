"""会员、券、储值 at HQ: the one place a coupon is spent and a balance moves.

- Members are found by phone, card number or a dynamic member code (HMAC over the member and
  the minute it was shown; valid 60 s, and once).
- A coupon is reserved when the till adds it, committed when the sale completes, released when
  the ticket is voided — or when the reservation lapses, so a store that crashed in between
  does not hold it for ever. Every step locks the coupon's row: two tills never both win.
- A stored-value account's balance is the sum of its ledger; each entry is unique by
  (account, kind, ref), so a retried top-up or spend changes nothing, and a spend locks the
  account's row and checks the balance first, so concurrent spends can't overdraw.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.coupons import KINDS as COUPON_KINDS
from app.domain.coupons import coupon_discount
from app.domain.errors import DomainError
from app.domain.keyed import normalise_code
from app.domain.money import check_amount
from app.hq import clock, rules
from app.hq.models import (
    GIFT_CARD,
    Coupon,
    CouponBatch,
    CouponTemplate,
    Member,
    MemberCodeUse,
    Store,
    WalletAccount,
    WalletEntry,
)

PHONE = re.compile(r"^1[3-9][0-9]{9}$")  # ASCII digits: \d would take ١٣٨…
MEMBER_CODE_SECONDS = 60
RESERVATION = timedelta(minutes=15)


def member_by_no(session: Session, member_no: str, *, lock: bool = False) -> Member:
    query = select(Member).where(Member.member_no == member_no)
    member = session.scalar(query.with_for_update() if lock else query)
    if member is None:
        raise DomainError("member_not_found", status=404)
    return member


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


# ---- members ---------------------------------------------------------------------------------


def register_member(session: Session, phone: str, name: str, store: Store | None) -> Member:
    phone = normalise_code(phone)
    if not PHONE.fullmatch(phone):
        raise DomainError("invalid_phone", status=422, phone=phone[:20])
    if session.scalar(select(Member.id).where(Member.phone == phone)) is not None:
        raise DomainError("member_exists", status=409, phone=mask_phone(phone))
    member = Member(member_no="", phone=phone, name=name[:64], tier="normal", growth=0, points=0,
                    registered_store_id=store.id if store else None, created_at=clock.now())
    session.add(member)
    session.flush()
    member.member_no = f"8{member.id:011d}"  # the card number printed on a physical card
    return member


def member_code(secret: bytes, member: Member, at: datetime | None = None) -> str:
    """The code the member's phone shows (会员码): member number, time, and a MAC over both."""
    stamp = int((at or clock.now()).timestamp())
    mac = hmac.new(secret, f"member:{member.member_no}:{stamp}".encode(), hashlib.sha256).hexdigest()[:16]
    return f"MC{member.member_no}{stamp:010d}{mac}"


def _check_member_code(session: Session, secret: bytes, code: str) -> Member:
    match = re.fullmatch(r"MC([0-9]{12})([0-9]{10})([0-9a-f]{16})", code)
    if match is None:
        raise DomainError("member_code_invalid", status=422)
    number, stamp, mac = match.group(1), int(match.group(2)), match.group(3)
    expected = hmac.new(secret, f"member:{number}:{stamp}".encode(), hashlib.sha256).hexdigest()[:16]
    if not hmac.compare_digest(mac, expected):
        raise DomainError("member_code_invalid", status=422)
    age = clock.now().timestamp() - stamp
    if not -5 <= age <= MEMBER_CODE_SECONDS:
        raise DomainError("member_code_expired", status=422)
    member = session.scalar(select(Member).where(Member.member_no == number))
    if member is None:
        raise DomainError("member_not_found", status=404)
    try:
        with session.begin_nested():
            session.add(MemberCodeUse(code_hash=hashlib.sha256(code.encode()).hexdigest(), member_id=member.id,
                                      used_at=clock.now()))
    except IntegrityError:
        raise DomainError("member_code_used", status=409) from None
    return member


def find_member(session: Session, secret: bytes, *, phone: str = "", card: str = "", code: str = "") -> Member:
    phone, card, code = normalise_code(phone), normalise_code(card), normalise_code(code)
    if code:
        return _check_member_code(session, secret, code)
    if phone:
        found = session.scalar(select(Member).where(Member.phone == phone))
    elif card:
        found = session.scalar(select(Member).where(Member.member_no == card))
    else:
        raise DomainError("invalid_request", status=422, detail="phone, card or code")
    if found is None:
        raise DomainError("member_not_found", status=404)
    return found


def member_view(session: Session, member: Member, store: Store | None = None) -> dict[str, Any]:
    """What the till's member panel shows: masked phone, tier, points, balance, usable coupons."""
    wallets = session.scalars(select(WalletAccount).where(WalletAccount.member_id == member.id,
                                                          WalletAccount.active)).all()
    now = clock.now()
    coupons = session.execute(
        select(Coupon.code, CouponTemplate.name, CouponTemplate.kind, CouponTemplate.value, CouponTemplate.threshold,
               CouponBatch.valid_to, CouponBatch.stores)
        .join(CouponBatch, CouponBatch.id == Coupon.batch_id).join(CouponTemplate, CouponTemplate.id == CouponBatch.template_id)
        .where(Coupon.member_id == member.id, Coupon.state == "issued", CouponBatch.valid_from <= now,
               CouponBatch.valid_to >= now)
        .order_by(CouponBatch.valid_to)
    ).all()
    from app.hq.models import Sale

    recent = session.execute(
        select(Sale.sale_id, Store.name, Sale.completed_at, Sale.total, Sale.item_count)
        .join(Store, Store.id == Sale.store_id).where(Sale.member_no == member.member_no)
        .order_by(Sale.completed_at.desc()).limit(5)).all()
    return {
        "recent": [{"sale_id": r.sale_id, "store": r.name, "at": r.completed_at.isoformat(timespec="minutes"),
                    "total": r.total, "items": r.item_count} for r in recent],
        "member_no": member.member_no, "name": member.name, "phone": mask_phone(member.phone), "tier": member.tier,
        "growth": member.growth, "points": member.points, "points_expiring": points_expiring(session, member),
        "points_per_yuan": rules.load(session).points_per_yuan,
        "wallet": {"cards": [w.card_no for w in wallets], "balance": sum(w.principal + w.bonus for w in wallets)},
        "coupons": [{"code": c.code, "name": c.name, "kind": c.kind, "value": c.value, "threshold": c.threshold,
                     "valid_to": clock.aware(c.valid_to).isoformat()}
                    for c in coupons if store is None or not c.stores or store.code in c.stores],
    }


# ---- coupons ---------------------------------------------------------------------------------


def create_template(session: Session, code: str, name: str, kind: str, value: int, threshold: int = 0,
                    sku: str | None = None, restore_on_return: bool = False) -> CouponTemplate:
    if kind not in COUPON_KINDS:
        raise DomainError("invalid_field", status=422, field="kind", value=kind)
    if kind == "percent" and not 1 <= value < 10_000:
        raise DomainError("invalid_field", status=422, field="value", value=str(value))
    if kind in ("cash", "threshold"):
        check_amount(value)
    if kind == "free_item" and not sku:
        raise DomainError("invalid_field", status=422, field="sku", value="")
    if session.scalar(select(CouponTemplate.id).where(CouponTemplate.code == code)) is not None:
        raise DomainError("coupon_template_exists", status=409, template=code[:32])
    template = CouponTemplate(code=code, name=name, kind=kind, value=value, threshold=threshold, sku=sku,
                              restore_on_return=restore_on_return)
    session.add(template)
    session.flush()
    return template


def create_batch(session: Session, template_code: str, name: str, count: int, valid_from: datetime,
                 valid_to: datetime, stores: list[str], paper: bool, member_no: str | None = None) -> tuple[int, list[str]]:
    """A batch of ``count`` codes; e-coupons may go straight to a member. Returns the batch id and the codes."""
    template = session.scalar(select(CouponTemplate).where(CouponTemplate.code == template_code))
    if template is None:
        raise DomainError("coupon_template_not_found", status=404, template=template_code[:32])
    if valid_to <= valid_from:
        raise DomainError("invalid_field", status=422, field="valid_to", value=valid_to.isoformat())
    member_id = member_by_no(session, member_no).id if member_no else None
    batch = CouponBatch(template_id=template.id, name=name, valid_from=valid_from, valid_to=valid_to, stores=stores,
                        paper=paper, created_at=clock.now())
    session.add(batch)
    session.flush()
    codes = [f"{'P' if paper else 'E'}{batch.id:04d}{secrets.randbelow(10**10):010d}" for _ in range(count)]
    session.add_all(Coupon(code=c, batch_id=batch.id, member_id=member_id, state="issued") for c in codes)
    session.flush()
    if paper:  # stores keep paper batches, so a paper coupon can be taken while HQ is out of reach
        from app.hq import changes
        from app.hq.changes import ChangeRow

        changes.record(session, [ChangeRow("coupon_batch", str(batch.id), {
            "id": batch.id, "name": template.name, "kind": template.kind, "value": template.value,
            "threshold": template.threshold, "valid_from": batch.valid_from.isoformat(),
            "valid_to": batch.valid_to.isoformat(), "stores": list(stores)})])
    return batch.id, codes


def stock_paper_coupons(session: Session, batch_id: int, store_code: str, count: int) -> list[str]:
    """纸券库存: send ``count`` not-yet-sent codes of a paper batch to a store; only that store takes them."""
    batch = session.get(CouponBatch, batch_id)
    if batch is None or not batch.paper:
        raise DomainError("coupon_batch_not_found", status=404, batch=batch_id)
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise DomainError("store_not_found", status=404, store=store_code[:32])
    free = session.scalars(select(Coupon).where(Coupon.batch_id == batch_id, Coupon.holder_store_id.is_(None))
                           .order_by(Coupon.code).limit(count).with_for_update(skip_locked=True)).all()
    if len(free) < count:
        raise DomainError("coupon_stock_short", status=409, left=len(free))
    for coupon in free:
        coupon.holder_store_id = store.id
    return [c.code for c in free]


@dataclass(frozen=True, slots=True)
class Reserved:
    code: str
    kind: str
    name: str
    value: int
    threshold: int
    sku: str | None
    discount: int  # what it takes off ``subtotal`` (0 for a free item: the line is priced at 0 instead)
    until: datetime

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "kind": self.kind, "name": self.name, "value": self.value,
                "threshold": self.threshold, "sku": self.sku, "discount": self.discount,
                "reserved_until": self.until.isoformat()}


def discount_for(template: CouponTemplate, subtotal: int) -> int:
    return coupon_discount(template.kind, template.value, template.threshold, subtotal)


def _locked_coupon(session: Session, code: str) -> tuple[Coupon, CouponBatch, CouponTemplate]:
    # One round trip brings the batch, the template and a member coupon's owner (left in the
    # session, where reserve_coupon's session.get finds it). Only the coupon's row is locked: a
    # lock on the batch's would queue every till redeeming from it behind one another.
    row = session.execute(
        select(Coupon, CouponBatch, CouponTemplate, Member)
        .join(CouponBatch, CouponBatch.id == Coupon.batch_id)
        .join(CouponTemplate, CouponTemplate.id == CouponBatch.template_id)
        .outerjoin(Member, Member.id == Coupon.member_id)
        .where(Coupon.code == code)
        .with_for_update(of=Coupon)
    ).one_or_none()
    if row is None:
        raise DomainError("coupon_not_found", status=404, code=code[:32])
    coupon, batch, template, _owner = row
    return coupon, batch, template


def reserve_coupon(session: Session, store: Store, code: str, ref: str, subtotal: int,
                   member_no: str | None = None) -> Reserved:
    """核销 step 1, when the till adds the coupon: every check, then the row is held for ``ref``."""
    check_amount(subtotal, allow_zero=True)
    coupon, batch, template = _locked_coupon(session, code)
    now = clock.now()
    if coupon.state == "redeemed":
        raise DomainError("coupon_used", status=409, code=code)
    if coupon.state == "voided":
        raise DomainError("coupon_voided", status=409, code=code)
    if coupon.state == "reserved" and clock.aware(coupon.reserved_until or now) > now \
            and not (coupon.reserved_store_id == store.id and coupon.reserved_ref == ref):
        raise DomainError("coupon_in_use", status=409, code=code)
    if now < clock.aware(batch.valid_from):
        raise DomainError("coupon_not_yet_valid", status=409, code=code, start=batch.valid_from.date().isoformat())
    if now > clock.aware(batch.valid_to):
        raise DomainError("coupon_expired", status=409, code=code, end=batch.valid_to.date().isoformat())
    if batch.stores and store.code not in batch.stores:
        raise DomainError("coupon_wrong_store", status=409, code=code)
    if batch.paper and coupon.holder_store_id != store.id:  # a paper coupon only where its stock was sent
        raise DomainError("coupon_wrong_store", status=409, code=code)
    if coupon.member_id is not None:
        owner = session.get(Member, coupon.member_id)
        if owner is None or owner.member_no != member_no:
            raise DomainError("coupon_not_members", status=409, code=code)
    if subtotal < template.threshold:
        raise DomainError("coupon_below_threshold", status=409, code=code, threshold=f"{template.threshold / 100:.2f}")
    until = now + RESERVATION
    coupon.state, coupon.reserved_store_id, coupon.reserved_ref, coupon.reserved_until = "reserved", store.id, ref, until
    return Reserved(code, template.kind, template.name, template.value, template.threshold, template.sku,
                    discount_for(template, subtotal), until)


def commit_coupon(session: Session, store: Store, code: str, ref: str, sale_id: str) -> None:
    """核销 step 2, at completion. Committing again for the same sale is a no-op."""
    coupon, _batch, _template = _locked_coupon(session, code)
    if coupon.state == "redeemed":
        if coupon.redeemed_store_id == store.id and coupon.redeemed_ref == sale_id:
            return
        raise DomainError("coupon_used", status=409, code=code)
    if coupon.state != "reserved" or coupon.reserved_store_id != store.id or coupon.reserved_ref != ref:
        raise DomainError("coupon_not_reserved", status=409, code=code)
    # A lapsed reservation nobody else took still stands: the sale happened.
    coupon.state, coupon.redeemed_store_id, coupon.redeemed_ref, coupon.redeemed_at = "redeemed", store.id, sale_id, clock.now()
    coupon.reserved_until = None


def release_coupon(session: Session, store: Store, code: str, ref: str) -> None:
    """The ticket was voided (or the coupon taken off it): the coupon is free again."""
    coupon, _batch, _template = _locked_coupon(session, code)
    if coupon.state == "reserved" and coupon.reserved_store_id == store.id and coupon.reserved_ref == ref:
        coupon.state, coupon.reserved_store_id, coupon.reserved_ref, coupon.reserved_until = "issued", None, None, None


# ---- stored value ----------------------------------------------------------------------------


def open_account(session: Session, member_no: str | None, kind: str = "wallet", card_no: str | None = None) -> WalletAccount:
    member_id = member_by_no(session, member_no).id if member_no else None
    account = WalletAccount(card_no=card_no or f"9{secrets.randbelow(10**15):015d}", kind=kind, member_id=member_id,
                            principal=0, bonus=0, active=True, created_at=clock.now())
    session.add(account)
    session.flush()
    return account


def _locked_account(session: Session, card_no: str) -> WalletAccount:
    account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card_no).with_for_update())
    if account is None or not account.active:
        raise DomainError("wallet_not_found", status=404)
    return account


def _check_not_expired(session: Session, account: WalletAccount) -> None:
    """A lapsed gift card neither pays nor takes money back (asked only for a move not made yet:
    a retry of one made before the card lapsed gets its first answer)."""
    from app.hq.gift_cards import check_not_expired  # gift_cards builds on this module

    check_not_expired(session, account)


def prior_entry(session: Session, account: WalletAccount, kind: str, ref: str) -> WalletEntry | None:
    """The account's entry of ``kind`` for ``ref``, if it was made already."""
    return session.scalar(select(WalletEntry).where(WalletEntry.account_id == account.id, WalletEntry.kind == kind,
                                                    WalletEntry.ref == ref))


def ledger_entry(session: Session, account: WalletAccount, kind: str, principal: int, bonus: int, ref: str,
           store: Store | None) -> dict[str, Any]:
    """Append the entry and move the balance with it; the same (kind, ref) again returns the first answer."""
    prior = prior_entry(session, account, kind, ref)
    if prior is not None:
        return _balance(account, prior)
    entry = WalletEntry(account_id=account.id, kind=kind, principal=principal, bonus=bonus, ref=ref,
                        store_id=store.id if store else None, created_at=clock.now())
    session.add(entry)
    account.principal += principal
    account.bonus += bonus
    session.flush()
    return _balance(account, entry)


def _balance(account: WalletAccount, entry: WalletEntry) -> dict[str, Any]:
    return {"card_no": account.card_no, "kind": account.kind, "principal": account.principal, "bonus": account.bonus,
            "balance": account.principal + account.bonus,
            "entry": {"kind": entry.kind, "principal": entry.principal, "bonus": entry.bonus, "ref": entry.ref}}


def top_up(session: Session, store: Store | None, card_no: str, amount: int, ref: str) -> dict[str, Any]:
    """充值: principal as paid, bonus by the rules (充100送20), kept apart."""
    check_amount(amount)
    account = _locked_account(session, card_no)
    if account.kind == GIFT_CARD:  # its money comes only from the sale that sold it
        raise DomainError("gift_card_topup", status=409, card=card_no)
    if prior_entry(session, account, "topup", ref) is None and prior_entry(session, account, "topup_cancel", ref):
        raise DomainError("topup_cancelled", status=409, ref=ref[:64])  # the store gave up on it first
    return ledger_entry(session, account, "topup", amount, rules.load(session).bonus_for(amount), ref, store)


def cancel_top_up(session: Session, store: Store | None, card_no: str, ref: str) -> dict[str, Any]:
    """A top-up the store gave up on (it never learnt HQ's answer, so the customer was told no):
    principal and bonus come off again. Cancelled before it arrived, it is refused when it does."""
    account = _locked_account(session, card_no)
    prior = prior_entry(session, account, "topup_cancel", ref)
    if prior is not None:
        return _balance(account, prior)
    added = prior_entry(session, account, "topup", ref)
    if added is None:
        return ledger_entry(session, account, "topup_cancel", 0, 0, ref, store)
    if account.principal < added.principal or account.bonus < added.bonus:
        raise DomainError("topup_spent", status=409, card=card_no)
    return ledger_entry(session, account, "topup_cancel", -added.principal, -added.bonus, ref, store)


def spend(session: Session, store: Store | None, card_no: str, amount: int, ref: str) -> dict[str, Any]:
    """Pay with stored value: principal first, then bonus; never below zero (the row is locked)."""
    check_amount(amount)
    account = _locked_account(session, card_no)
    prior = prior_entry(session, account, "spend", ref)
    if prior is not None:
        return _balance(account, prior)
    if prior_entry(session, account, "refund", ref) is not None:
        raise DomainError("spend_cancelled", status=409, ref=ref[:64])  # the store gave up on it first
    _check_not_expired(session, account)
    if account.principal + account.bonus < amount:
        raise DomainError("insufficient_balance", status=409, balance=f"{(account.principal + account.bonus) / 100:.2f}")
    from_principal = min(account.principal, amount)
    return ledger_entry(session, account, "spend", -from_principal, -(amount - from_principal), ref, store)


def refund(session: Session, store: Store | None, card_no: str, ref: str) -> dict[str, Any]:
    """A returned sale paid by stored value: the spend of ``ref`` goes back, principal and bonus as taken."""
    account = _locked_account(session, card_no)
    prior = prior_entry(session, account, "refund", ref)
    if prior is not None:
        return _balance(account, prior)
    spent = prior_entry(session, account, "spend", ref)
    if spent is None:
        # The store gave up on a spend HQ never saw (or hasn't yet): nothing to give back, and a
        # spend arriving late under this reference is refused.
        return ledger_entry(session, account, "refund", 0, 0, ref, store)
    _check_not_expired(session, account)
    return ledger_entry(session, account, "refund", -spent.principal, -spent.bonus, ref, store)


def ledger_sum(session: Session, card_no: str) -> tuple[int, int]:
    row = session.execute(
        select(func.coalesce(func.sum(WalletEntry.principal), 0), func.coalesce(func.sum(WalletEntry.bonus), 0))
        .join(WalletAccount, WalletAccount.id == WalletEntry.account_id).where(WalletAccount.card_no == card_no)
    ).one()
    return int(row[0]), int(row[1])


# ---- points and tiers ------------------------------------------------------------------------

def earn_points(session: Session, member_no: str, paid: int, ref: str, of_ref: str | None = None) -> int:
    """积分 and 成长值 for ``paid`` fen (what the member actually paid, after coupons); once per ``ref``.

    A return (``paid`` < 0) of the sale ``of_ref`` takes back its share of what that sale earned, at
    the sale's rate and never more than it earned — whatever the tier or the rules are now.
    """
    from app.hq.models import PointsEntry

    member = member_by_no(session, member_no, lock=True)
    if session.scalar(select(PointsEntry.id).where(PointsEntry.member_id == member.id, PointsEntry.ref == ref)):
        return 0
    rule = rules.load(session)
    sale = session.scalar(select(PointsEntry).where(PointsEntry.member_id == member.id, PointsEntry.ref == of_ref,
                                                    PointsEntry.reason == "sale")) if of_ref and paid < 0 else None
    if sale is not None and sale.amount is not None:
        points_back, growth_back, paid_back = _reversed_so_far(session, member.id, sale.ref)
        points = -_share(sale.delta, points_back, -paid, sale.amount, paid_back) if sale.amount else 0
        growth = -_share(sale.growth, growth_back, -paid, sale.amount, paid_back) if sale.amount else 0
    else:  # a sale from before entries kept their amount: what the same amount earns today
        sign = -1 if paid < 0 else 1
        points = sign * rule.points_for(abs(paid), member.tier)
        growth = sign * (abs(paid) // 100)
    session.add(PointsEntry(member_id=member.id, delta=points, growth=growth, reason="sale" if paid >= 0 else "return",
                            ref=ref, created_at=clock.now(), amount=abs(paid),
                            of_ref=sale.ref if sale is not None else None))
    member.points += points
    member.growth += growth
    member.tier = rule.tier_for(max(0, member.growth))
    return points


def _reversed_so_far(session: Session, member_id: int, of_ref: str) -> tuple[int, int, int]:
    """(points, growth, fen) the entries reversing ``of_ref`` have moved so far, as positive numbers
    for a sale's take-backs (negative entries) and a spend's refunds alike."""
    from app.hq.models import PointsEntry

    points, growth, amount = session.execute(
        select(func.coalesce(func.sum(PointsEntry.delta), 0), func.coalesce(func.sum(PointsEntry.growth), 0),
               func.coalesce(func.sum(PointsEntry.amount), 0))
        .where(PointsEntry.member_id == member_id, PointsEntry.of_ref == of_ref)).one()
    return abs(int(points)), abs(int(growth)), int(amount or 0)


def _share(whole: int, done: int, part: int, of: int, done_of: int) -> int:
    """``part`` fen of an entry worth ``whole`` for ``of`` fen, ``done`` of it already moved for
    ``done_of`` fen: in proportion, and the last part takes what is left (so the parts add up)."""
    if done_of + part >= of:
        return whole - done
    return min(whole - done, whole * part // of)


def refund_part(session: Session, store: Store | None, card_no: str, spend_ref: str, amount: int,
                ref: str) -> dict[str, Any]:
    """A return paid partly by stored value: ``amount`` of the spend ``spend_ref`` goes back,
    principal first (退款退本金), then bonus, never more than the spend took. A lapsed gift card takes
    nothing back (it would only be written off again): the refund becomes the store's conflict."""
    check_amount(amount)
    account = _locked_account(session, card_no)
    prior = prior_entry(session, account, "refund", ref)
    if prior is not None:
        return _balance(account, prior)
    _check_not_expired(session, account)
    spent = prior_entry(session, account, "spend", spend_ref)
    if spent is None:
        raise DomainError("wallet_entry_not_found", status=404, ref=spend_ref[:64])
    principal = min(amount, -spent.principal)
    bonus = min(amount - principal, -spent.bonus)
    return ledger_entry(session, account, "refund", principal, bonus, ref, store)


def spend_points(session: Session, member_no: str, amount: int, ref: str) -> dict[str, Any]:
    """Pay ``amount`` fen with points (``points_per_yuan`` of the rules) under the member's row lock; once per ``ref``."""
    from app.hq.models import PointsEntry

    check_amount(amount)
    member = member_by_no(session, member_no, lock=True)
    prior = session.scalar(select(PointsEntry).where(PointsEntry.member_id == member.id, PointsEntry.ref == ref))
    if prior is not None and prior.reason == "spend":
        return {"member_no": member_no, "points": member.points, "spent": -prior.delta, "amount": amount}
    if prior is not None or session.scalar(select(PointsEntry.id).where(PointsEntry.member_id == member.id,
                                                                        PointsEntry.ref == f"{ref}:back")):
        raise DomainError("spend_cancelled", status=409, ref=ref[:64])
    per_yuan = rules.load(session).points_per_yuan
    needed = amount * per_yuan // 100
    if needed * 100 != amount * per_yuan:
        raise DomainError("points_whole_fen", status=422)
    if member.points < needed:
        raise DomainError("insufficient_points", status=409, points=member.points, needed=needed)
    session.add(PointsEntry(member_id=member.id, delta=-needed, growth=0, reason="spend", ref=ref, created_at=clock.now(),
                            amount=amount))
    member.points -= needed
    return {"member_no": member_no, "points": member.points, "spent": needed, "amount": amount}


def refund_points(session: Session, member_no: str, ref: str) -> None:
    """A voided ticket's points payment goes back (once)."""
    from app.hq.models import PointsEntry

    member = member_by_no(session, member_no, lock=True)
    spent = session.scalar(select(PointsEntry).where(PointsEntry.member_id == member.id, PointsEntry.ref == ref))
    back_ref = f"{ref}:back"
    if session.scalar(select(PointsEntry.id).where(PointsEntry.member_id == member.id, PointsEntry.ref == back_ref)):
        return
    if spent is None:  # given up on before HQ saw it: a spend arriving late under ``ref`` is refused
        session.add(PointsEntry(member_id=member.id, delta=0, growth=0, reason="refund", ref=back_ref,
                                created_at=clock.now(), amount=0, of_ref=ref))
        return
    if spent.reason != "spend":
        raise DomainError("points_entry_not_found", status=404, ref=ref[:64])
    session.add(PointsEntry(member_id=member.id, delta=-spent.delta, growth=0, reason="refund", ref=back_ref,
                            created_at=clock.now(), amount=spent.amount, of_ref=spent.ref))
    member.points -= spent.delta


def refund_points_part(session: Session, member_no: str, spend_ref: str, amount: int, ref: str) -> None:
    """A return of goods paid with points: ``amount`` fen of that payment come back as points, once."""
    from app.hq.models import PointsEntry

    check_amount(amount)
    member = member_by_no(session, member_no, lock=True)
    spent = session.scalar(select(PointsEntry).where(PointsEntry.member_id == member.id, PointsEntry.ref == spend_ref))
    if spent is None or spent.reason != "spend":
        raise DomainError("points_entry_not_found", status=404, ref=spend_ref[:64])
    if session.scalar(select(PointsEntry.id).where(PointsEntry.member_id == member.id, PointsEntry.ref == ref)):
        return
    if spent.amount:  # at the rate the points were spent at, never past what was spent
        points_back, _growth, paid_back = _reversed_so_far(session, member.id, spent.ref)
        back = _share(-spent.delta, points_back, amount, spent.amount, paid_back)
    else:  # a spend from before entries kept their amount
        back = min(amount * rules.load(session).points_per_yuan // 100, -spent.delta)
    session.add(PointsEntry(member_id=member.id, delta=back, growth=0, reason="refund", ref=ref, created_at=clock.now(),
                            amount=amount, of_ref=spent.ref))
    member.points += back


def redeem_offline(session: Session, store: Store, code: str, sale_id: str) -> None:
    """A paper coupon a store took while HQ was out of reach: redeemed now if it still could be;
    otherwise the caller records the conflict for the store manager."""
    coupon, batch, _template = _locked_coupon(session, code)
    if coupon.state == "redeemed" and coupon.redeemed_store_id == store.id and coupon.redeemed_ref == sale_id:
        return
    if coupon.state == "redeemed":
        raise DomainError("coupon_used", status=409, code=code)
    if coupon.state == "voided":
        raise DomainError("coupon_voided", status=409, code=code)
    if not batch.paper or coupon.holder_store_id != store.id:
        raise DomainError("coupon_wrong_store", status=409, code=code)
    coupon.state, coupon.redeemed_store_id, coupon.redeemed_ref, coupon.redeemed_at = "redeemed", store.id, sale_id, clock.now()
    coupon.reserved_store_id, coupon.reserved_ref, coupon.reserved_until = None, None, None


# ---- points expiry ---------------------------------------------------------------------------

# 积分有效期 is a rule (``LoyaltyRules.points_valid_years``): points earned in a year stay valid to
# the end of the year that many years later (1: 次年年底清零), in China time; 0 keeps them for ever.
def points_cutoff(now: datetime, valid_years: int) -> datetime:
    """Points earned before this moment have expired by ``now``."""
    local = clock.aware(now).astimezone(clock.BUSINESS_TZ)
    return datetime(local.year - valid_years, 1, 1, tzinfo=clock.BUSINESS_TZ)


def _expirable(session: Session, member_id: int, cutoff: datetime) -> int:
    """Points earned before ``cutoff`` not yet used. Use goes oldest first (先进先出): points spent
    or expired count against the oldest earnings, a refunded spend gives them back. A return takes
    back points of its own sale, so it counts against that sale's year (one from before returns
    named their sale counts as use)."""
    from app.hq.models import PointsEntry

    entry = PointsEntry
    old_sales = select(entry.ref).where(entry.member_id == member_id, entry.reason == "sale", entry.created_at < cutoff)
    earned, used = session.execute(
        select(func.coalesce(func.sum(entry.delta).filter(
                   (entry.reason == "sale") & (entry.created_at < cutoff)
                   | (entry.reason == "return") & entry.of_ref.in_(old_sales)), 0),
               func.coalesce(-func.sum(entry.delta).filter(
                   entry.reason.in_(("spend", "refund", "expire")) | (entry.reason == "return") & entry.of_ref.is_(None)), 0))
        .where(entry.member_id == member_id)).one()
    return max(0, int(earned) - int(used))


def expire_points(session: Session, now: datetime | None = None, member_no: str | None = None) -> dict[str, int]:
    """积分清零: write off every member's points earned before the cutoff and still unused.

    One ``expire`` entry per member and cutoff, so running it twice (or from two HQ nodes) changes
    nothing. Each member is locked while their entry is written and committed at once: the job
    never holds the chain's members while tills earn and spend points.
    """
    from app.hq.models import PointsEntry

    valid_years = rules.load(session).points_valid_years
    if valid_years <= 0:
        return {"members": 0, "points": 0}
    cutoff = points_cutoff(now or clock.now(), valid_years)
    ref = f"expire:{cutoff.date().isoformat()}"
    candidates = select(PointsEntry.member_id).where(PointsEntry.reason == "sale", PointsEntry.created_at < cutoff)
    if member_no is not None:
        candidates = candidates.where(PointsEntry.member_id == member_by_no(session, member_no).id)
    members = points = 0
    for member_id in session.scalars(candidates.distinct().order_by(PointsEntry.member_id)).all():
        member = session.scalar(select(Member).where(Member.id == member_id).with_for_update())
        assert member is not None
        if session.scalar(select(PointsEntry.id).where(PointsEntry.member_id == member_id, PointsEntry.ref == ref)):
            continue
        lapsed = min(_expirable(session, member_id, cutoff), max(0, member.points))
        if lapsed:
            session.add(PointsEntry(member_id=member_id, delta=-lapsed, growth=0, reason="expire", ref=ref,
                                    created_at=clock.now()))
            member.points -= lapsed
            members, points = members + 1, points + lapsed
        session.commit()
    return {"members": members, "points": points}


def points_expiring(session: Session, member: Member, now: datetime | None = None) -> dict[str, Any] | None:
    """What the member panel warns about: the points that lapse at the end of this year."""
    valid_years = rules.load(session).points_valid_years
    if valid_years <= 0:
        return None
    moment = clock.aware(now or clock.now())
    year_end = datetime(moment.astimezone(clock.BUSINESS_TZ).year + 1, 1, 1, tzinfo=clock.BUSINESS_TZ)
    due = min(_expirable(session, member.id, points_cutoff(year_end, valid_years)), max(0, member.points))
    return {"points": due, "on": (year_end - timedelta(days=1)).date().isoformat()} if due else None


def restore_coupon(session: Session, store: Store, code: str, sale_id: str) -> bool:
    """退货退券: the whole sale that spent the coupon came back. Where its template says so and it
    is still valid, the coupon is the member's to use again; otherwise it stays spent (the rule)."""
    coupon = session.scalar(select(Coupon).where(Coupon.code == code).with_for_update())
    if coupon is None:
        raise DomainError("coupon_not_found", status=404, code=code[:32])
    if coupon.state != "redeemed" or coupon.redeemed_store_id != store.id or coupon.redeemed_ref != sale_id:
        return False
    batch = session.get(CouponBatch, coupon.batch_id)
    template = session.get(CouponTemplate, batch.template_id) if batch is not None else None
    if batch is None or template is None or not template.restore_on_return or clock.aware(batch.valid_to) <= clock.now():
        return False
    coupon.state, coupon.redeemed_store_id, coupon.redeemed_ref, coupon.redeemed_at = "issued", None, None, None
    return True
