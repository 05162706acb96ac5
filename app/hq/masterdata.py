"""Master data (主数据) upserts. Each write also appends to the change feed in the same
transaction; a row sent again unchanged leaves no change behind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, insert, select
from sqlalchemy.orm import Session

from app.domain.barcode import CodeKind, parse_code
from app.domain.errors import DomainError
from app.domain.keyed import is_digits, normalise_code
from app.hq import changes, clock
from app.hq.changes import ChangeRow
from app.hq.engine import upsert_insert
from app.hq.models import Barcode, Category, GroupPrice, Operator, Product, Store, Till
from app.security import hash_pin

SKU = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
UNITS = ("piece", "gram")
#: goods, or a gift card sold as goods: the till asks for the card and HQ activates it with the sale
PRODUCT_KINDS = ("goods", "gift_card")
ROLES = ("cashier", "supervisor", "manager")
MAX_PRICE = 100_000_000  # ¥1,000,000.00
GS1 = (CodeKind.EAN13, CodeKind.EAN8, CodeKind.UPCA, CodeKind.ITF14, CodeKind.IN_STORE)


def _invalid(field_name: str, value: object) -> DomainError:
    return DomainError("invalid_field", status=422, field=field_name, value=str(value)[:40])


def _text(field_name: str, value: str | None, limit: int, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise DomainError("missing_field", status=422, field=field_name)
    if len(value) > limit or (value and not value.isprintable()):
        raise _invalid(field_name, value)
    return value


def check_price(value: int, field_name: str = "price") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PRICE:
        raise _invalid(field_name, value)
    return value


# ---- categories --------------------------------------------------------------------------


def upsert_categories(session: Session, names: Iterable[str]) -> int:
    """Categories that don't exist yet are added; returns how many were new."""
    wanted = list(dict.fromkeys(_text("category", n, 64) for n in names))
    if not wanted:
        return 0
    have = set(session.scalars(select(Category.name).where(Category.name.in_(wanted))))
    new = [n for n in wanted if n not in have]
    if new:
        session.execute(insert(Category), [{"name": n} for n in new])
        changes.record(session, [ChangeRow("category", n, {"name": n}) for n in new])
    return len(new)


# ---- products ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductData:
    """One SKU as an admin or an import file states it. ``barcodes`` None keeps the current ones."""

    sku: str
    name: str
    price: int
    spec: str = ""
    brand: str = ""
    category: str | None = None
    unit: str = "piece"
    plu: str | None = None
    tax_rate: int = 1300
    active: bool = True
    barcodes: tuple[tuple[str, int], ...] | None = None
    kind: str = "goods"
    #: 明码标价's 产地 and 等级; None keeps what the SKU has
    origin: str | None = None
    grade: str | None = None

    def feed_data(self, barcodes: Sequence[tuple[str, int]]) -> dict[str, Any]:
        data = {"sku": self.sku, "name": self.name, "spec": self.spec, "brand": self.brand,
                "category": self.category, "unit": self.unit, "price": self.price, "plu": self.plu,
                "tax_rate": self.tax_rate, "active": self.active, "kind": self.kind,
                "barcodes": [{"code": c, "pack_quantity": q} for c, q in barcodes]}
        return data | {key: value for key, value in (("origin", self.origin), ("grade", self.grade))
                       if value is not None}


def check_barcode(code: str, pack_quantity: int = 1) -> tuple[str, int]:
    """A GS1 code with a good check digit (``bad_check_digit`` otherwise) and its pack size."""
    parsed = parse_code(code)
    if parsed.kind not in GS1:
        from app.domain.errors import InvalidBarcode

        raise InvalidBarcode(code=code)
    if isinstance(pack_quantity, bool) or not isinstance(pack_quantity, int) or not 1 <= pack_quantity <= 9999:
        raise _invalid("pack_quantity", pack_quantity)
    return parsed.code, pack_quantity  # as parse_code read it: full-width digits stored as ASCII


def product_data(
    sku: str, name: str, price: int, *, spec: str | None = "", brand: str | None = "", category: str | None = None,
    unit: str = "piece", plu: str | None = None, tax_rate: int = 1300, active: bool = True,
    barcodes: Iterable[tuple[str, int]] | None = None, kind: str = "goods", origin: str | None = None,
    grade: str | None = None,
) -> ProductData:
    """Validated product data: every rule about a single SKU lives here."""
    sku = (sku or "").strip()
    if not sku:
        raise DomainError("missing_field", status=422, field="sku")
    if not SKU.match(sku):
        raise DomainError("invalid_sku", status=422, sku=sku[:40])
    if unit not in UNITS:
        raise DomainError("invalid_unit", status=422, unit=str(unit)[:16])
    if kind not in PRODUCT_KINDS:
        raise DomainError("invalid_field", status=422, field="kind", value=str(kind)[:16])
    if kind == "gift_card" and unit != "piece":
        raise DomainError("invalid_unit", status=422, unit=unit)
    plu = normalise_code(plu or "") or None
    if plu is not None and not (is_digits(plu) and len(plu) <= 6):
        raise DomainError("invalid_plu", status=422, plu=plu[:16])
    if isinstance(tax_rate, bool) or not isinstance(tax_rate, int) or not 0 <= tax_rate <= 10_000:
        raise DomainError("invalid_tax_rate", status=422, tax_rate=tax_rate)
    checked = None
    if barcodes is not None:
        checked = tuple(check_barcode(c, q) for c, q in barcodes)
        codes = [c for c, _ in checked]
        if len(set(codes)) != len(codes):
            raise DomainError("duplicate_barcode", status=422, code=codes[0], line="-")
    return ProductData(
        sku=sku, name=_text("name", name, 128), price=check_price(price), spec=_text("spec", spec, 64, required=False),
        brand=_text("brand", brand, 64, required=False),
        category=_text("category", category, 64, required=False) or None, unit=unit, plu=plu, tax_rate=tax_rate,
        active=bool(active), barcodes=checked, kind=kind,
        origin=None if origin is None else _text("origin", origin, 64, required=False),
        grade=None if grade is None else _text("grade", grade, 16, required=False),
    )


@dataclass
class ProductPlan:
    """What a batch of products would do: rows that can go in and rows refused, by index."""

    ok: list[ProductData] = field(default_factory=list)
    refused: dict[int, DomainError] = field(default_factory=dict)


def plan_products(session: Session, items: Sequence[ProductData]) -> ProductPlan:
    """Refuse what the database would: barcodes or PLUs held by another SKU, repeats in the batch."""
    plan = ProductPlan()
    codes = {c for p in items for c, _ in (p.barcodes or ())}
    plus = {p.plu for p in items if p.plu}
    owner_of_code = dict(session.execute(
        select(Barcode.code, Product.sku).join(Product, Product.id == Barcode.product_id).where(Barcode.code.in_(codes))
    ).all()) if codes else {}
    owner_of_plu = dict(session.execute(
        select(Product.plu, Product.sku).where(Product.plu.in_(plus))).all()) if plus else {}
    seen_sku: dict[str, int] = {}
    seen_code: dict[str, int] = {}
    seen_plu: dict[str, int] = {}
    for i, p in enumerate(items):
        error: DomainError | None = None
        if p.sku in seen_sku:
            error = DomainError("duplicate_sku", status=422, sku=p.sku, line=seen_sku[p.sku] + 1)
        elif p.plu and p.plu in seen_plu:
            error = DomainError("duplicate_plu", status=422, plu=p.plu, line=seen_plu[p.plu] + 1)
        elif p.plu and owner_of_plu.get(p.plu, p.sku) != p.sku:
            error = DomainError("plu_in_use", status=409, plu=p.plu, sku=owner_of_plu[p.plu])
        else:
            for code, _ in p.barcodes or ():
                if code in seen_code:
                    error = DomainError("duplicate_barcode", status=422, code=code, line=seen_code[code] + 1)
                    break
                if owner_of_code.get(code, p.sku) != p.sku:
                    error = DomainError("barcode_in_use", status=409, code=code, sku=owner_of_code[code])
                    break
        if error is not None:
            plan.refused[i] = error
            continue
        seen_sku[p.sku] = i
        if p.plu:
            seen_plu[p.plu] = i
        for code, _ in p.barcodes or ():
            seen_code[code] = i
        plan.ok.append(p)
    return plan


@dataclass(frozen=True, slots=True)
class UpsertResult:
    changed: int
    unchanged: int

    def as_dict(self) -> dict[str, int]:
        return {"changed": self.changed, "unchanged": self.unchanged}


def upsert_products(session: Session, items: Sequence[ProductData]) -> UpsertResult:
    """All or nothing: the first refused row raises."""
    plan = plan_products(session, items)
    if plan.refused:
        raise plan.refused[min(plan.refused)]
    return apply_products(session, plan.ok)


def apply_products(session: Session, items: Sequence[ProductData]) -> UpsertResult:
    """Write products already checked by ``plan_products``; only real changes reach the feed."""
    if not items:
        return UpsertResult(0, 0)
    upsert_categories(session, [p.category for p in items if p.category])
    skus = [p.sku for p in items]
    current = {row.sku: row for row in session.execute(
        select(Product.id, Product.sku, Product.name, Product.spec, Product.brand, Product.category, Product.unit,
               Product.price, Product.plu, Product.tax_rate, Product.active, Product.kind, Product.origin,
               Product.grade)
        .where(Product.sku.in_(skus)))}
    current_codes: dict[int, list[tuple[str, int]]] = {}
    if current:
        for code, product_id, quantity in session.execute(
                select(Barcode.code, Barcode.product_id, Barcode.pack_quantity)
                .where(Barcode.product_id.in_([r.id for r in current.values()])).order_by(Barcode.code)):
            current_codes.setdefault(product_id, []).append((code, quantity))
    changed: list[tuple[ProductData, list[tuple[str, int]]]] = []
    for p in items:
        row = current.get(p.sku)
        have_codes = current_codes.get(row.id, []) if row else []
        new_codes = sorted(p.barcodes) if p.barcodes is not None else have_codes
        if row is not None and new_codes == have_codes and _same(row, p):
            continue
        changed.append((p, new_codes))
    if not changed:
        return UpsertResult(0, len(items))
    statement = upsert_insert(session, Product)
    statement = statement.on_conflict_do_update(
        index_elements=["sku"],
        set_={**{c: statement.excluded[c] for c in ("name", "spec", "brand", "category", "unit", "price", "plu",
                                                     "tax_rate", "active", "kind")},
              "origin": func.coalesce(statement.excluded.origin, Product.origin),
              "grade": func.coalesce(statement.excluded.grade, Product.grade)},
    ).returning(Product.id, Product.sku)
    ids = dict((sku, pid) for pid, sku in session.execute(statement.values([
        {"sku": p.sku, "name": p.name, "spec": p.spec, "brand": p.brand, "category": p.category, "unit": p.unit,
         "price": p.price, "plu": p.plu, "tax_rate": p.tax_rate, "active": p.active, "kind": p.kind,
         "origin": p.origin, "grade": p.grade}
        for p, _ in changed
    ])))
    replaced = [ids[p.sku] for p, _ in changed if p.barcodes is not None]
    if replaced:
        session.execute(delete(Barcode).where(Barcode.product_id.in_(replaced)))
        rows = [{"code": c, "product_id": ids[p.sku], "pack_quantity": q}
                for p, codes in changed if p.barcodes is not None for c, q in codes]
        if rows:
            session.execute(insert(Barcode), rows)
    changes.record(session, [ChangeRow("product", p.sku, p.feed_data(codes)) for p, codes in changed])
    return UpsertResult(len(changed), len(items) - len(changed))


def _same(row: Any, p: ProductData) -> bool:
    return (row.name, row.spec, row.brand, row.category, row.unit, row.price, row.plu, row.tax_rate, row.active,
            row.kind) == (p.name, p.spec, p.brand, p.category, p.unit, p.price, p.plu, p.tax_rate, p.active, p.kind) \
        and p.origin in (None, row.origin) and p.grade in (None, row.grade)


# ---- group prices, tills, operators --------------------------------------------------------


def upsert_prices(session: Session, items: Sequence[tuple[str, str, int]]) -> UpsertResult:
    """价格组: (group, sku, price). Only stores of that group receive the row."""
    checked = [(_text("group", g, 32), s.strip(), check_price(p)) for g, s, p in items]
    skus = {s for _, s, _ in checked}
    known = set(session.scalars(select(Product.sku).where(Product.sku.in_(skus)))) if skus else set()
    for _, sku, _ in checked:
        if sku not in known:
            raise DomainError("unknown_sku", status=422, sku=sku[:40])
    have = {(g, s): p for g, s, p in session.execute(
        select(GroupPrice.group, GroupPrice.sku, GroupPrice.price).where(GroupPrice.sku.in_(skus)))}
    latest = {(g, s): p for g, s, p in checked}
    changed = [(g, s, p) for (g, s), p in latest.items() if have.get((g, s)) != p]
    if changed:
        statement = upsert_insert(session, GroupPrice)
        session.execute(statement.on_conflict_do_update(
            index_elements=["store_group", "sku"], set_={"price": statement.excluded.price}),
            [{"group": g, "sku": s, "price": p} for g, s, p in changed])
        changes.record(session, [ChangeRow("price", f"{g}:{s}", {"group": g, "sku": s, "price": p}, scope_group=g)
                                 for g, s, p in changed])
    return UpsertResult(len(changed), len(items) - len(changed))


def delete_price(session: Session, group: str, sku: str) -> bool:
    """The group goes back to the base price; stores of the group get a ``deleted`` row."""
    result = session.execute(delete(GroupPrice).where(GroupPrice.group == group, GroupPrice.sku == sku))
    gone = cast(CursorResult[Any], result).rowcount
    if gone:
        changes.record(session, [ChangeRow("price", f"{group}:{sku}", {"group": group, "sku": sku}, deleted=True,
                                           scope_group=group)])
    return bool(gone)


def upsert_tills(session: Session, items: Sequence[tuple[str, str, str]]) -> UpsertResult:
    """(store, code, name): only that store receives the row."""
    store_codes = {s for s, _, _ in items}
    stores = {s.code: s for s in session.scalars(select(Store).where(Store.code.in_(store_codes)))}
    rows: dict[tuple[int, str], tuple[Store, str, str]] = {}
    for store_code, code, name in items:
        store = stores.get(store_code)
        if store is None:
            raise DomainError("store_not_found", status=404, store=store_code[:32])
        code = _text("code", code, 16)
        rows[(store.id, code)] = (store, code, _text("name", name, 64))
    have = {(sid, c): n for sid, c, n in session.execute(
        select(Till.store_id, Till.code, Till.name).where(Till.store_id.in_([s.id for s in stores.values()])))}
    changed = [v for k, v in rows.items() if have.get(k) != v[2]]
    if changed:
        statement = upsert_insert(session, Till)
        session.execute(statement.on_conflict_do_update(
            index_elements=["store_id", "code"], set_={"name": statement.excluded.name}),
            [{"store_id": s.id, "code": c, "name": n} for s, c, n in changed])
        changes.record(session, [ChangeRow("till", f"{s.code}:{c}", {"store": s.code, "code": c, "name": n},
                                           scope_store_id=s.id) for s, c, n in changed])
    return UpsertResult(len(changed), len(items) - len(changed))


@dataclass(frozen=True, slots=True)
class OperatorData:
    code: str
    name: str
    role: str
    pin: str | None = None
    active: bool = True


def upsert_operators(session: Session, items: Sequence[OperatorData]) -> UpsertResult:
    """Operators are chain-wide. The PIN is hashed here and only the hash travels to stores."""
    for o in items:
        _text("code", o.code, 16)
        _text("name", o.name, 64)
        if o.role not in ROLES:
            raise DomainError("invalid_role", status=422, role=str(o.role)[:16])
        if o.pin is not None and not (o.pin.isascii() and o.pin.isdigit() and 4 <= len(o.pin) <= 8):
            raise DomainError("invalid_pin", status=422)
    have = {o.code: o for o in session.scalars(select(Operator).where(Operator.code.in_([i.code for i in items])))}
    rows: list[dict[str, Any]] = []
    for o in items:
        old = have.get(o.code)
        if old is None and o.pin is None:
            raise DomainError("pin_required", status=422, operator=o.code)
        if old is not None and o.pin is None and (old.name, old.role, old.active) == (o.name, o.role, o.active):
            continue
        pin_hash = hash_pin(o.pin) if o.pin is not None else old.pin_hash  # type: ignore[union-attr]
        rows.append({"code": o.code, "name": o.name, "role": o.role, "pin_hash": pin_hash, "active": o.active})
    if rows:
        statement = upsert_insert(session, Operator)
        session.execute(statement.on_conflict_do_update(
            index_elements=["code"], set_={c: statement.excluded[c] for c in ("name", "role", "pin_hash", "active")}),
            rows)
        changes.record(session, [ChangeRow("operator", r["code"], dict(r)) for r in rows])
    return UpsertResult(len(rows), len(items) - len(rows))


def upsert_promotions(session: Session, items: Sequence[dict[str, Any]]) -> UpsertResult:
    """促销: each checked in full (InvalidPromotion names the reason) before any is written."""
    from app.domain.promotion_json import promotion_from_json, promotion_to_json
    from app.hq.models import PromotionRow

    checked = [promotion_to_json(promotion_from_json(item)) for item in items]
    have = {row.id: row for row in session.scalars(select(PromotionRow).where(
        PromotionRow.id.in_([p["id"] for p in checked])))}
    changed = [p for p in checked if p["id"] not in have or have[p["id"]].data != p or not have[p["id"]].active]
    at = clock.now()
    for data in changed:
        row = have.get(data["id"])
        if row is None:
            session.add(PromotionRow(id=data["id"], data=data, active=True, updated_at=at))
        else:
            row.data, row.active, row.updated_at = data, True, at
    changes.record(session, [ChangeRow("promotion", p["id"], p) for p in changed])
    return UpsertResult(len(changed), len(items) - len(changed))


def end_promotion(session: Session, promotion_id: str) -> bool:
    """Stop a promotion now; stores drop it from their book."""
    from app.hq.models import PromotionRow

    row = session.get(PromotionRow, promotion_id)
    if row is None or not row.active:
        return False
    row.active, row.updated_at = False, clock.now()
    changes.record(session, [ChangeRow("promotion", promotion_id, {"id": promotion_id}, deleted=True)])
    return True
