"""The HQ server: FastAPI over PostgreSQL (SQLite for the demo). Routers stay thin and call
``app.hq`` use cases.

Auth: admins and channels send ``Authorization: Bearer <api key>`` (scopes); stores sign each
request with their enrolment secret (``app.sync.signing``)."""

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError
from app.hq import (
    campaigns,
    changes,
    conflicts,
    gift_cards,
    ingest,
    keys,
    loyalty,
    masterdata,
    reports,
    rules,
    signed,
    stores,
)
from app.hq.engine import make_hq_engine, make_hq_sessions
from app.hq.migrate import upgrade
from app.hq.models import ApiKey, Store
from app.hq.settings import HQSettings
from app.messages import language_of
from server.errors import finish_app
from server.fields import coded_refusal
from server.hq import schemas

# error params a client acts on, sent as fields next to code and message

class HQState:
    def __init__(self, settings: HQSettings, migrate: bool = True) -> None:
        self.settings = settings
        self.engine = make_hq_engine(settings.database_url)
        if migrate:
            upgrade(self.engine)
        self.sessions: sessionmaker[Session] = make_hq_sessions(self.engine)
        self.pruner = signed.NoncePruner()


def create_hq_app(database_url: str | None = None, settings: HQSettings | None = None,
                  migrate: bool = True) -> FastAPI:
    settings = settings or HQSettings.from_env(database_url)
    if database_url and settings.database_url != database_url:
        from dataclasses import replace

        settings = replace(settings, database_url=database_url)
    state = HQState(settings, migrate)
    app = FastAPI(title="OmniStore HQ server", version="1", docs_url="/docs")
    app.state.hq = state
    return finish_app(app, _api(state), settings.max_body_bytes)


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory`` workers: the settings from the environment, already migrated."""
    return create_hq_app(migrate=False)


def json_response(data: Any, status: int = 200) -> Response:
    """Big pages skip FastAPI's jsonable_encoder walk: the data is plain JSON already."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), status_code=status,
                    media_type="application/json")


def _invalid(error: ValidationError) -> DomainError:
    first = error.errors()[0] if error.errors() else {}
    if first.get("type") == "json_invalid":
        return DomainError("invalid_json", status=400)
    ours = coded_refusal(first)
    if ours is not None:
        return DomainError(ours[0], status=422, **ours[1])
    where = ".".join(str(p) for p in first.get("loc", ()))
    return DomainError("invalid_request", status=422, detail=f"{where}: {first.get('msg', '')}".strip(": "))


def _api(state: HQState) -> APIRouter:
    router = APIRouter()
    settings = state.settings

    def db() -> Iterator[Session]:
        with state.sessions() as session:
            yield session

    DB = Annotated[Session, Depends(db)]

    # ---- API keys (admins, channels) -------------------------------------------------------
    def api_key(request: Request) -> ApiKey:
        with state.sessions() as session:
            return keys.resolve(session, request.headers.get("authorization"))

    def scoped(*any_of: str) -> Callable[[ApiKey], ApiKey]:
        def check(key: Annotated[ApiKey, Depends(api_key)]) -> ApiKey:
            keys.require(key, *any_of)
            return key
        return check

    Admin = Annotated[ApiKey, Depends(scoped(keys.ADMIN))]
    CatalogReader = Annotated[ApiKey, Depends(scoped(keys.CATALOG_READ))]
    SalesReader = Annotated[ApiKey, Depends(scoped(keys.SALES_READ))]

    # ---- signed store requests -------------------------------------------------------------
    async def raw_body(request: Request) -> bytes:
        return await request.body()

    RawBody = Annotated[bytes, Depends(raw_body)]

    def signed_request(request: Request, body: bytes) -> signed.SignedRequest:
        path = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1")
        query = request.scope.get("query_string", b"").decode("latin-1")
        return signed.SignedRequest(request.method, f"{path}?{query}" if query else path,
                                    {k.lower(): v for k, v in request.headers.items()}, body)

    def signed_store(request: Request, body: RawBody) -> Store:
        with state.sessions() as session:
            return signed.verify(session, signed_request(request, body), settings.secret_key, state.pruner)

    SignedStore = Annotated[Store, Depends(signed_store)]

    async def for_signed_store(request: Request, body: bytes, work: Callable[[Store, Session], Response]) -> Response:
        """``work`` for the store that signed the request, checked as ``SignedStore`` does, for the
        calls a till waits on at checkout: the check and the work share one trip to the threadpool
        and one pooled connection (two transactions: the nonce is kept even if the work fails)."""
        incoming = signed_request(request, body)

        def run() -> Response:
            with state.engine.connect() as connection, state.sessions(bind=connection) as session:
                store = signed.verify(session, incoming, settings.secret_key, state.pruner)
                return work(store, session)

        return await run_in_threadpool(run)

    # ---- enrolment and sync ----------------------------------------------------------------
    @router.post("/enroll")
    def enroll(body: schemas.EnrollIn, session: DB) -> dict[str, str]:
        """A store exchanges its one-time enrolment code for its signing secret (unsigned)."""
        enrolment = stores.enroll(session, body.code, settings.secret_key)
        session.commit()
        return enrolment.as_dict()

    @router.post("/sync/events")
    def sync_events(store: SignedStore, body: RawBody, session: DB) -> Response:
        too_large = DomainError("batch_too_large", status=413, max_events=settings.max_batch_events,
                                max_bytes=settings.max_batch_bytes)
        if len(body) > settings.max_batch_bytes:
            raise too_large
        try:
            batch = schemas.EventBatchIn.model_validate_json(body)
        except ValidationError as error:
            raise _invalid(error) from None
        if len(batch.events) > settings.max_batch_events:
            raise too_large
        events = [ingest.IncomingEvent(e.event_id, e.seq, e.kind, e.payload, e.created_at) for e in batch.events]
        result = ingest.ingest(session, store.id, events)
        session.commit()
        return json_response(result.as_dict())

    @router.get("/sync/feed")
    async def sync_feed(
        store: SignedStore,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=settings.feed_max_limit)] = settings.feed_default_limit,
        wait: Annotated[float, Query(ge=0, le=settings.feed_max_wait_seconds)] = 0,
    ) -> Response:
        """Master data changes after ``cursor`` for the calling store; ``wait`` long-polls."""
        def read() -> changes.FeedPage:
            with state.sessions() as session:
                return changes.read_feed(session, store, cursor, limit)

        deadline = time.monotonic() + wait
        page = await run_in_threadpool(read)
        while not page.changes and time.monotonic() < deadline:
            await asyncio.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
            page = await run_in_threadpool(read)
        return json_response(page.as_dict())

    # ---- members, coupons, stored value (signed store calls) --------------------------------
    def signed_body(model: type[Any], body: bytes) -> Any:
        try:
            return model.model_validate_json(body)
        except ValidationError as error:
            raise _invalid(error) from None

    @router.post("/loyalty/members")
    def register_member(store: SignedStore, body: RawBody, session: DB) -> Response:
        """注册会员 at the till with a mobile number."""
        data = signed_body(schemas.MemberIn, body)
        member = loyalty.register_member(session, data.phone, data.name, store)
        campaigns.issue(session, "register", member, store, 0, f"register:{member.member_no}")
        view = loyalty.member_view(session, member, store)
        session.commit()
        return json_response(view)

    @router.get("/loyalty/members")
    def find_member(store: SignedStore, session: DB, phone: Annotated[str, Query(max_length=20)] = "",
                    card: Annotated[str, Query(max_length=20)] = "",
                    code: Annotated[str, Query(max_length=64)] = "") -> Response:
        """By phone, card number or the dynamic member code (which is then used up)."""
        member = loyalty.find_member(session, settings.secret_key, phone=phone, card=card, code=code)
        view = loyalty.member_view(session, member, store)
        session.commit()
        return json_response(view)

    @router.post("/loyalty/coupons/reserve")
    async def reserve_coupon(request: Request, body: RawBody) -> Response:
        def reserve(store: Store, session: Session) -> Response:
            data = signed_body(schemas.CouponReserveIn, body)
            reserved = loyalty.reserve_coupon(session, store, data.code, data.ref, data.subtotal, data.member)
            session.commit()
            return json_response(reserved.as_dict())

        return await for_signed_store(request, body, reserve)

    @router.post("/loyalty/coupons/commit")
    async def commit_coupon(request: Request, body: RawBody) -> Response:
        def commit(store: Store, session: Session) -> Response:
            data = signed_body(schemas.CouponCommitIn, body)
            loyalty.commit_coupon(session, store, data.code, data.ref, data.sale_id)
            session.commit()
            return json_response({"code": data.code, "state": "redeemed"})

        return await for_signed_store(request, body, commit)

    @router.post("/loyalty/coupons/release")
    async def release_coupon(request: Request, body: RawBody) -> Response:
        def release(store: Store, session: Session) -> Response:
            data = signed_body(schemas.CouponReleaseIn, body)
            loyalty.release_coupon(session, store, data.code, data.ref)
            session.commit()
            return json_response({"code": data.code, "state": "released"})

        return await for_signed_store(request, body, release)

    @router.post("/loyalty/wallets/topup")
    def wallet_top_up(store: SignedStore, body: RawBody, session: DB) -> Response:
        data = signed_body(schemas.WalletMoveIn, body)
        result = loyalty.top_up(session, store, data.card, data.amount, data.ref)
        session.commit()
        return json_response(result)

    @router.post("/loyalty/wallets/spend")
    def wallet_spend(store: SignedStore, body: RawBody, session: DB) -> Response:
        data = signed_body(schemas.WalletMoveIn, body)
        result = loyalty.spend(session, store, data.card, data.amount, data.ref)
        session.commit()
        return json_response(result)

    @router.get("/loyalty/wallets/{card_no}")
    def wallet_balance(card_no: Annotated[str, Path(max_length=24)], store: SignedStore, session: DB) -> Response:
        """查余额: the card's balance (and a gift card's last day), for the customer at the till."""
        return json_response(gift_cards.balance_view(session, card_no))

    @router.post("/loyalty/points/spend")
    def points_spend(store: SignedStore, body: RawBody, session: DB) -> Response:
        data = signed_body(schemas.PointsSpendIn, body)
        result = loyalty.spend_points(session, data.member, data.amount, data.ref)
        session.commit()
        return json_response(result)

    @router.get("/loyalty/conflicts")
    def store_loyalty_conflicts(store: SignedStore, session: DB,
                                everything: Annotated[bool, Query(alias="all")] = False) -> Response:
        """This store's coupon, stored-value and points steps HQ could not carry out, for its manager:
        the open ones, or with ``all`` those already handled too."""
        return json_response(conflicts.listing(session, store.code, include_resolved=everything, limit=100))

    @router.post("/loyalty/conflicts/{conflict_id}/resolve")
    def resolve_loyalty_conflict(conflict_id: Annotated[int, Path(ge=1, le=2**63 - 1)], store: SignedStore,
                                 body: RawBody, session: DB) -> Response:
        """已处理: the store's manager marks one of the store's own conflicts handled, with a note."""
        data = signed_body(schemas.ConflictResolveIn, body)
        resolved = conflicts.resolve(session, store, conflict_id, data.operator.strip(), data.note)
        session.commit()
        return json_response(resolved)

    @router.get("/loyalty/gift-cards/{card_no}")
    def gift_card(card_no: str, store: SignedStore, session: DB) -> Response:
        """Is this card stock, not yet sold? (asked when the cashier scans it onto a gift-card line)"""
        return json_response(gift_cards.check_unsold(session, card_no))

    @router.post("/loyalty/gift-cards/activate")
    def gift_card_activate(store: SignedStore, body: RawBody, session: DB) -> Response:
        data = signed_body(schemas.GiftCardActivateIn, body)
        result = gift_cards.activate(session, store, data.card, data.amount, data.ref)
        session.commit()
        return json_response(result)

    @router.post("/loyalty/wallets/refund")
    def wallet_refund(store: SignedStore, body: RawBody, session: DB) -> Response:
        data = signed_body(schemas.WalletRefundIn, body)
        result = loyalty.refund(session, store, data.card, data.ref)
        session.commit()
        return json_response(result)

    # ---- admin: members, coupons, stored value ---------------------------------------------
    @router.post("/admin/members")
    def admin_member(body: schemas.MemberIn, admin: Admin, session: DB) -> dict[str, Any]:
        member = loyalty.register_member(session, body.phone, body.name, None)
        campaigns.issue(session, "register", member, None, 0, f"register:{member.member_no}")
        view = loyalty.member_view(session, member)
        session.commit()
        return view

    @router.post("/admin/members/{member_no}/code")
    def admin_member_code(member_no: str, admin: Admin, session: DB) -> dict[str, str]:
        """The code the member app would show now (for the app's backend, and for tests)."""
        member = loyalty.find_member(session, settings.secret_key, card=member_no)
        return {"code": loyalty.member_code(settings.secret_key, member)}

    @router.post("/admin/coupon-templates")
    def admin_coupon_template(body: schemas.CouponTemplateIn, admin: Admin, session: DB) -> dict[str, Any]:
        template = loyalty.create_template(session, body.code, body.name, body.kind, body.value, body.threshold, body.sku,
                                           body.restore_on_return)
        session.commit()
        return {"id": template.id, "code": template.code}

    @router.post("/admin/coupon-batches")
    def admin_coupon_batch(body: schemas.CouponBatchIn, admin: Admin, session: DB) -> dict[str, Any]:
        batch_id, codes = loyalty.create_batch(session, body.template, body.name, body.count, body.valid_from,
                                               body.valid_to, body.stores, body.paper, body.member)
        session.commit()
        return {"batch": batch_id, "codes": codes}

    @router.post("/admin/coupon-batches/{batch_id}/stock")
    def admin_coupon_stock(batch_id: int, body: schemas.CouponStockIn, admin: Admin, session: DB) -> dict[str, Any]:
        """纸券: send paper coupons of the batch to a store (its physical stock)."""
        codes = loyalty.stock_paper_coupons(session, batch_id, body.store, body.count)
        session.commit()
        return {"store": body.store, "codes": codes}

    @router.post("/admin/gift-cards")
    def admin_gift_cards(body: schemas.GiftCardsIn, admin: Admin, session: DB) -> dict[str, Any]:
        """制卡: card numbers for the card printer; each is activated by the sale that sells it."""
        numbers = gift_cards.make_cards(session, body.count)
        session.commit()
        return {"cards": numbers}

    @router.get("/admin/gift-cards/{card_no}")
    def admin_gift_card(card_no: Annotated[str, Path(max_length=24)], admin: Admin, session: DB) -> dict[str, Any]:
        """查卡: a card's state, balance, last day and every entry (customer service, finance)."""
        return gift_cards.card_detail(session, card_no)

    @router.post("/admin/gift-cards/expire")
    def admin_expire_gift_cards(admin: Admin, session: DB) -> dict[str, Any]:
        """礼品卡过期: write off what is left on cards past their last day (a daily job; again the same
        day changes nothing)."""
        return gift_cards.expire_cards(session)

    @router.get("/admin/campaigns")
    def admin_campaigns(admin: Admin, session: DB) -> dict[str, Any]:
        return {"items": campaigns.list_campaigns(session)}

    @router.post("/admin/campaigns")
    def admin_campaign(body: schemas.CampaignIn, admin: Admin, session: DB) -> dict[str, Any]:
        """发券活动: a rule handing coupons of a batch to members on registration or on a sale."""
        campaign = campaigns.create_campaign(session, body.code, body.name, body.trigger, body.batch,
                                             min_paid=body.min_paid, per_member=body.per_member, stores=body.stores,
                                             starts=body.starts, ends=body.ends)
        session.commit()
        return campaigns.campaign_dict(session, campaign)

    @router.delete("/admin/campaigns/{code}")
    def admin_end_campaign(code: str, admin: Admin, session: DB) -> dict[str, Any]:
        campaign = campaigns.end_campaign(session, code)
        session.commit()
        return campaigns.campaign_dict(session, campaign)

    @router.get("/admin/loyalty-rules")
    def admin_loyalty_rules(admin: Admin, session: DB) -> dict[str, Any]:
        return rules.load(session).as_dict()

    @router.put("/admin/loyalty-rules")
    def admin_save_loyalty_rules(body: dict[str, Any], admin: Admin, session: DB) -> dict[str, Any]:
        """会员规则: tiers, points per yuan by tier, points' worth and life, the top-up bonus ladder.
        Send any of them; the document is checked whole, and in force for the next request."""
        saved = rules.save(session, body)
        session.commit()
        return saved.as_dict()

    @router.post("/admin/points/expire")
    def admin_expire_points(body: schemas.PointsExpireIn, admin: Admin, session: DB) -> dict[str, Any]:
        """积分清零 by the chain's rule (run by a yearly job; running it again changes nothing)."""
        result = loyalty.expire_points(session, member_no=body.member)
        session.commit()
        return result

    @router.post("/admin/wallets")
    def admin_wallet(body: schemas.WalletIn, admin: Admin, session: DB) -> dict[str, Any]:
        account = loyalty.open_account(session, body.member, body.kind)
        session.commit()
        return {"card_no": account.card_no, "kind": account.kind}

    # ---- admin -----------------------------------------------------------------------------
    @router.get("/admin/api-keys")
    def list_api_keys(admin: Admin, session: DB) -> dict[str, Any]:
        from sqlalchemy import select

        return {"items": [keys.key_dict(k) for k in session.scalars(select(ApiKey).order_by(ApiKey.id))]}

    @router.post("/admin/api-keys")
    def create_api_key(body: schemas.ApiKeyIn, admin: Admin, session: DB) -> dict[str, Any]:
        key, raw = keys.create_key(session, body.name, body.scopes)
        session.commit()
        return {**keys.key_dict(key), "key": raw}

    @router.delete("/admin/api-keys/{key_id}")
    def revoke_api_key(key_id: int, admin: Admin, session: DB) -> dict[str, Any]:
        key = keys.revoke(session, key_id)
        session.commit()
        return keys.key_dict(key)

    @router.get("/admin/stores")
    def list_stores(admin: Admin, session: DB) -> dict[str, Any]:
        from sqlalchemy import select

        return {"items": [stores.store_dict(s) for s in session.scalars(select(Store).order_by(Store.code))]}

    @router.post("/admin/stores")
    def create_store(body: schemas.StoreIn, admin: Admin, session: DB) -> dict[str, Any]:
        store = stores.create_store(session, body.code, body.name, body.group)
        session.commit()
        return stores.store_dict(store)

    @router.post("/admin/stores/{code}/enrolment")
    def enrolment_code(code: str, admin: Admin, session: DB) -> dict[str, str]:
        issued = stores.issue_enrolment_code(session, code, settings.enrolment_ttl_seconds)
        session.commit()
        return {"code": issued.code, "expires_at": issued.expires_at.isoformat()}

    @router.post("/admin/stores/{code}/disable")
    def disable_store(code: str, admin: Admin, session: DB) -> dict[str, Any]:
        store = stores.set_disabled(session, code, True)
        session.commit()
        return stores.store_dict(store)

    @router.post("/admin/stores/{code}/enable")
    def enable_store(code: str, admin: Admin, session: DB) -> dict[str, Any]:
        store = stores.set_disabled(session, code, False)
        session.commit()
        return stores.store_dict(store)

    @router.post("/admin/categories")
    def upsert_categories(body: schemas.CategoriesIn, admin: Admin, session: DB) -> dict[str, int]:
        added = masterdata.upsert_categories(session, [c.name for c in body.items])
        session.commit()
        return {"changed": added, "unchanged": len(body.items) - added}

    @router.post("/admin/products")
    def upsert_products(body: schemas.ProductsIn, admin: Admin, session: DB) -> dict[str, int]:
        items = [masterdata.product_data(
            p.sku, p.name, p.price, spec=p.spec, brand=p.brand, category=p.category, unit=p.unit, plu=p.plu,
            tax_rate=p.tax_rate, active=p.active, kind=p.kind,
            barcodes=None if p.barcodes is None else [(b.code, b.pack_quantity) for b in p.barcodes],
        ) for p in body.items]
        result = masterdata.upsert_products(session, items)
        session.commit()
        return result.as_dict()

    @router.post("/admin/prices")
    def upsert_prices(body: schemas.PricesIn, admin: Admin, session: DB) -> dict[str, int]:
        result = masterdata.upsert_prices(session, [(p.group, p.sku, p.price) for p in body.items])
        session.commit()
        return result.as_dict()

    @router.delete("/admin/prices/{group}/{sku}")
    def delete_price(group: str, sku: str, admin: Admin, session: DB) -> dict[str, bool]:
        deleted = masterdata.delete_price(session, group, sku)
        session.commit()
        return {"deleted": deleted}

    @router.post("/admin/promotions")
    def upsert_promotions(body: schemas.PromotionsIn, admin: Admin, session: DB) -> dict[str, int]:
        """促销, in app.domain.promotion_json's shape; all checked before any is kept."""
        result = masterdata.upsert_promotions(session, body.items)
        session.commit()
        return result.as_dict()

    @router.delete("/admin/promotions/{promotion_id}")
    def end_promotion(promotion_id: str, admin: Admin, session: DB) -> dict[str, bool]:
        ended = masterdata.end_promotion(session, promotion_id)
        session.commit()
        return {"ended": ended}

    @router.post("/admin/tills")
    def upsert_tills(body: schemas.TillsIn, admin: Admin, session: DB) -> dict[str, int]:
        result = masterdata.upsert_tills(session, [(t.store, t.code, t.name) for t in body.items])
        session.commit()
        return result.as_dict()

    @router.post("/admin/operators")
    def upsert_operators(body: schemas.OperatorsIn, admin: Admin, session: DB) -> dict[str, int]:
        result = masterdata.upsert_operators(session, [
            masterdata.OperatorData(o.code, o.name, o.role, o.pin, o.active) for o in body.items])
        session.commit()
        return result.as_dict()

    # ---- open API for channels -------------------------------------------------------------
    @router.get("/open/catalog")
    def open_catalog(
        key: CatalogReader, session: DB,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=settings.feed_max_limit)] = settings.feed_default_limit,
    ) -> Response:
        return json_response(reports.catalog_page(session, cursor, limit))

    @router.get("/open/stock")
    def open_stock(
        key: CatalogReader, session: DB, store: Annotated[str, Query(min_length=1, max_length=16)],
        sku: Annotated[list[str] | None, Query(max_length=200)] = None,
        cursor: Annotated[str, Query(max_length=32)] = "",
        limit: Annotated[int, Query(ge=1, le=settings.feed_max_limit)] = settings.feed_default_limit,
    ) -> Response:
        """A store's stock on hand, for channels that must not sell what the shelf lacks."""
        return json_response(reports.store_stock(session, store, sku or [], cursor, limit))

    @router.get("/open/sales")
    def open_sales(key: SalesReader, session: DB, store: Annotated[str, Query(min_length=1, max_length=16)],
                   day: date) -> Response:
        return json_response(reports.store_sales(session, store, day))

    # ---- HQ views --------------------------------------------------------------------------
    @router.get("/reports/sales")
    def sales_report(
        key: SalesReader, session: DB,
        first: Annotated[date, Query(alias="from")], last: Annotated[date, Query(alias="to")],
        store: Annotated[str | None, Query(max_length=16)] = None,
    ) -> dict[str, Any]:
        if last < first:
            raise DomainError("invalid_field", status=422, field="to", value=last.isoformat())
        return reports.sales_report(session, first, last, store)

    @router.get("/reports/gift-cards")
    def gift_card_report(
        key: SalesReader, session: DB, request: Request,
        first: Annotated[date, Query(alias="from")], last: Annotated[date, Query(alias="to")],
        store: Annotated[str | None, Query(max_length=16)] = None,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=5_000)] = 500,
        output: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
    ) -> Response:
        """礼品卡报表: issue, use, refund and expiry detail with the opening and closing balance;
        ``format=csv`` is the whole detail for the spreadsheet."""
        if output == "csv":
            data = gift_cards.finance_csv(session, first, last, store,
                                          language_of(request.headers.get("accept-language")))
            name = f"gift-cards-{first.isoformat()}-{last.isoformat()}.csv"
            return Response(data, media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
        return json_response(gift_cards.finance_report(session, first, last, store, cursor, limit))

    @router.get("/reports/loyalty-conflicts")
    def loyalty_conflicts(admin: Admin, session: DB, store: Annotated[str | None, Query(max_length=16)] = None,
                          everything: Annotated[bool, Query(alias="all")] = False) -> dict[str, Any]:
        """Coupon and stored-value steps from store events HQ could not carry out, newest first: the
        open ones, or with ``all`` those the stores' managers have handled too."""
        return conflicts.listing(session, store, include_resolved=everything)

    @router.get("/reports/sync-health")
    def sync_health(admin: Admin, session: DB) -> dict[str, Any]:
        return reports.sync_health(session)

    return router
