"""Master data an admin keeps (categories, products, group prices, promotions, tills, operators);
every change reaches the stores through the change feed."""

from __future__ import annotations

from fastapi import APIRouter

from app.hq import masterdata, services
from server.hq import schemas
from server.hq.deps import DB, Admin
from server.hq.responses import DeletedOut, EndedOut, UpsertedOut

router = APIRouter(tags=["master data"])


@router.post("/admin/categories", response_model=UpsertedOut)
def upsert_categories(body: schemas.CategoriesIn, admin: Admin, session: DB) -> dict[str, int]:
    added = services.upsert_categories(session, [c.name for c in body.items])
    return {"changed": added, "unchanged": len(body.items) - added}


@router.post("/admin/products", response_model=UpsertedOut)
def upsert_products(body: schemas.ProductsIn, admin: Admin, session: DB) -> dict[str, int]:
    items = [masterdata.product_data(
        p.sku, p.name, p.price, spec=p.spec, brand=p.brand, category=p.category, unit=p.unit, plu=p.plu,
        tax_rate=p.tax_rate, active=p.active, kind=p.kind, origin=p.origin, grade=p.grade,
        barcodes=None if p.barcodes is None else [(b.code, b.pack_quantity) for b in p.barcodes],
    ) for p in body.items]
    return services.upsert_products(session, items).as_dict()


@router.post("/admin/prices", response_model=UpsertedOut)
def upsert_prices(body: schemas.PricesIn, admin: Admin, session: DB) -> dict[str, int]:
    return services.upsert_prices(session, [(p.group, p.sku, p.price) for p in body.items]).as_dict()


@router.delete("/admin/prices/{group}/{sku}", response_model=DeletedOut)
def delete_price(group: schemas.Text32, sku: schemas.Text32, admin: Admin, session: DB) -> dict[str, bool]:
    return {"deleted": services.delete_price(session, group, sku)}


@router.post("/admin/promotions", response_model=UpsertedOut)
def upsert_promotions(body: schemas.PromotionsIn, admin: Admin, session: DB) -> dict[str, int]:
    """促销, in app.domain.promotion_json's shape; all checked before any is kept."""
    return services.upsert_promotions(session, body.items).as_dict()


@router.delete("/admin/promotions/{promotion_id}", response_model=EndedOut)
def end_promotion(promotion_id: schemas.PromotionId, admin: Admin, session: DB) -> dict[str, bool]:
    return {"ended": services.end_promotion(session, promotion_id)}


@router.post("/admin/tills", response_model=UpsertedOut)
def upsert_tills(body: schemas.TillsIn, admin: Admin, session: DB) -> dict[str, int]:
    return services.upsert_tills(session, [(t.store, t.code, t.name) for t in body.items]).as_dict()


@router.post("/admin/operators", response_model=UpsertedOut)
def upsert_operators(body: schemas.OperatorsIn, admin: Admin, session: DB) -> dict[str, int]:
    return services.upsert_operators(session, [
        masterdata.OperatorData(o.code, o.name, o.role, o.pin, o.active) for o in body.items]).as_dict()
