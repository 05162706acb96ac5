"""Apply HQ's master-data change feed to the store database, keeping the cursor with the data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app import labels
from app.catalog import bump_version
from app.db.models import Barcode, Category, Meta, Operator, Product, Till
from app.pinyin import initials

CURSOR_KEY = "feed_cursor"
STORE_NAME_KEY = "store_name"


def cursor(session: Session) -> int:
    value = session.scalar(select(Meta.value).where(Meta.key == CURSOR_KEY))
    return int(value) if value else 0


def _set_meta(session: Session, key: str, value: str) -> None:
    session.execute(insert(Meta).values(key=key, value=value).on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def apply_page(session: Session, changes: list[dict[str, Any]], next_cursor: int, group: str, *, bump: bool,
               store: str | None = None) -> bool:
    """Apply one page in the caller's transaction and move the cursor; True when products changed.
    A price that changes, or a promotion that starts, changes or ends, puts its goods' shelf labels
    on the list to print (价签)."""
    products: list[dict[str, Any]] = []
    touched_products = False
    for change in changes:
        entity, data, deleted = change["entity"], change.get("data") or {}, bool(change.get("deleted"))
        if entity == "product":
            products.append({**data, "_deleted": deleted})
            continue
        if products:  # keep feed order: flush products before anything that may depend on them
            _apply_products(session, products)
            products, touched_products = [], True
        if entity == "category":
            _category_id(session, data.get("name") or change["key"])
        elif entity == "price":
            touched_products |= _apply_price(session, data, deleted, group)
        elif entity == "coupon_batch":
            _apply_coupon_batch(session, int(change["key"]), data, deleted)
        elif entity == "promotion":
            _apply_promotion(session, change["key"], data, deleted)
        elif entity == "till":
            _apply_till(session, data, deleted)
        elif entity == "operator":
            _apply_operator(session, data, deleted)
        elif entity == "store" and data.get("name"):
            _set_meta(session, STORE_NAME_KEY, data["name"])
        elif entity == "transfer":
            from app.transfers import apply_change

            apply_change(session, data, store)
    if products:
        _apply_products(session, products)
        touched_products = True
    _set_meta(session, CURSOR_KEY, str(next_cursor))
    if touched_products and bump:
        bump_version(session)
    return touched_products


def _category_id(session: Session, name: str) -> int | None:
    if not name:
        return None
    session.execute(insert(Category).values(name=name).on_conflict_do_nothing(index_elements=["name"]))
    return session.scalar(select(Category.id).where(Category.name == name))


def _cost(value: Any) -> int | None:
    """进价 in fen when HQ's entry carries one (for the back office's gross margin), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**10 else None


def _label_text(value: Any, longest: int) -> str | None:
    return value[:longest] if isinstance(value, str) else None


def _apply_products(session: Session, items: Iterable[dict[str, Any]]) -> None:
    items = list(items)
    prices_before: dict[str, int] = {sku: price for sku, price in session.execute(
        select(Product.sku, Product.price).where(Product.sku.in_([item["sku"] for item in items])))}
    categories: dict[str, int | None] = {}
    rows = []
    for item in items:
        category = item.get("category") or ""
        if category not in categories:
            categories[category] = _category_id(session, category)
        barcodes = item.get("barcodes") or []
        rows.append({
            "sku": item["sku"],
            "name": item["name"],
            "initials": initials(item["name"]),
            "spec": item.get("spec") or "",
            "brand": item.get("brand") or "",
            "category_id": categories[category],
            "unit": item.get("unit") or "piece",
            "price": item["price"],
            "list_price": item["price"],
            "plu": item.get("plu") or None,
            "tax_rate": item.get("tax_rate", 1300),
            "active": bool(item.get("active", True)) and not item["_deleted"],
            "kind": item.get("kind") or "goods",
            "primary_barcode": barcodes[0]["code"] if barcodes else None,
            "cost_price": _cost(item.get("cost_price")),
            "origin": _label_text(item.get("origin"), 64), "grade": _label_text(item.get("grade"), 16),
        })
    # executemany with one cached statement: a VALUES list of 1,000 rows costs more to compile than to run
    statement = insert(Product)
    excluded = statement.excluded
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["sku"],
            set_={
                "name": excluded.name, "initials": excluded.initials, "spec": excluded.spec, "brand": excluded.brand,
                "category_id": excluded.category_id, "unit": excluded.unit, "list_price": excluded.list_price,
                # a store-group price set at HQ outlives changes to the list price
                "price": _coalesce_group_price(excluded.price),
                "plu": excluded.plu, "tax_rate": excluded.tax_rate, "active": excluded.active, "kind": excluded.kind,
                "primary_barcode": excluded.primary_barcode, "cost_price": excluded.cost_price,
                # 产地 and 等级 when HQ states them; else what the store has
                "origin": func.coalesce(excluded.origin, Product.origin),
                "grade": func.coalesce(excluded.grade, Product.grade),
            },
        ),
        rows,
    )
    found = session.execute(select(Product.sku, Product.id, Product.price)
                            .where(Product.sku.in_([r["sku"] for r in rows]))).all()
    ids: dict[str, int] = {sku: product_id for sku, product_id, _ in found}
    labels.queue(session, [product_id for sku, product_id, price in found
                           if sku in prices_before and prices_before[sku] != price], "price")
    session.execute(delete(Barcode).where(Barcode.product_id.in_(list(ids.values()))))
    codes = [
        {"code": b["code"], "product_id": ids[item["sku"]], "pack_quantity": int(b.get("pack_quantity", 1))}
        for item in items
        for b in (item.get("barcodes") or [])
    ]
    if codes:
        statement = insert(Barcode)
        session.execute(statement.on_conflict_do_update(
            index_elements=["code"],
            set_={"product_id": statement.excluded.product_id, "pack_quantity": statement.excluded.pack_quantity},
        ), codes)


def _coalesce_group_price(list_price: Any) -> Any:
    return func.coalesce(Product.group_price, list_price)


def _apply_price(session: Session, data: dict[str, Any], deleted: bool, group: str) -> bool:
    if data.get("group") != group:
        return False
    product = session.scalar(select(Product).where(Product.sku == data["sku"]))
    if product is None:
        return False
    before = product.price
    if deleted:
        product.group_price = None
        product.price = product.list_price if product.list_price is not None else product.price
    else:
        product.group_price = int(data["price"])
        product.price = product.group_price
    if product.price != before:
        labels.queue(session, [product.id], "price")
    return True


def _keep_document(session: Session, model: Any, key: int | str, data: dict[str, Any], deleted: bool) -> None:
    """HQ's JSON document under ``key`` (a promotion, a paper coupon batch): kept, replaced or dropped."""
    row = session.get(model, key)
    if deleted:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(model(id=key, data=data))
    else:
        row.data = data


def _apply_coupon_batch(session: Session, batch_id: int, data: dict[str, Any], deleted: bool) -> None:
    from app.db.models import CouponBatchRecord

    _keep_document(session, CouponBatchRecord, batch_id, data, deleted)


def _apply_promotion(session: Session, promotion_id: str, data: dict[str, Any], deleted: bool) -> None:
    from app.db.models import PromotionRecord
    from app.promotions import bump_promotions

    before = session.get(PromotionRecord, promotion_id)
    skus = labels.promoted_skus(before.data if before is not None else None) | labels.promoted_skus(data)
    _keep_document(session, PromotionRecord, promotion_id, data, deleted)
    bump_promotions(session)
    if skus:
        labels.queue(session, list(session.scalars(select(Product.id).where(Product.sku.in_(sorted(skus))))),
                     "promotion")


def _apply_till(session: Session, data: dict[str, Any], deleted: bool) -> None:
    till = session.get(Till, data["code"])
    if till is None:
        if not deleted:
            session.add(Till(code=data["code"], name=data.get("name") or data["code"]))
    else:
        till.name = data.get("name") or till.name


def _apply_operator(session: Session, data: dict[str, Any], deleted: bool) -> None:
    operator = session.scalar(select(Operator).where(Operator.code == data["code"]))
    active = bool(data.get("active", True)) and not deleted
    if operator is None:
        session.add(Operator(code=data["code"], name=data.get("name", ""), role=data.get("role", "cashier"),
                             pin_hash=data.get("pin_hash", ""), failed_attempts=0, active=active,
                             pin_change_required=bool(data.get("must_change_pin", False))))
        return
    operator.name = data.get("name", operator.name)
    operator.role = data.get("role", operator.role)
    if data.get("pin_hash") and not _superseded_here(session, operator.code, data["pin_hash"]):
        operator.pin_hash = data["pin_hash"]
        if "must_change_pin" in data:  # a PIN reset (or chosen) at a store, sent on by HQ
            operator.pin_change_required = bool(data["must_change_pin"])
    operator.active = active


def _superseded_here(session: Session, code: str, pin_hash: str) -> bool:
    """A PIN this store sent up (``pin_changed``) and has replaced since — a reset the operator
    already answered with a new PIN here — coming back from HQ before the newer one does: the
    operator's new PIN stands."""
    from app.db.models import OutboxEvent

    sent = [row.get("pin_hash") for row in session.scalars(
        select(OutboxEvent.payload).where(OutboxEvent.kind == "pin_changed",
                                          func.json_extract(OutboxEvent.payload, "$.operator") == code)
        .order_by(OutboxEvent.id.desc()))]
    return pin_hash in sent[1:]
