"""The store server: FastAPI over SQLite. Routers stay thin and call ``app`` use cases."""


import gc
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from app import auth, checkout, commands, loyalty, outside, reports, returns, shifts, stock, store_config
from app.catalog import Catalog, lookup
from app.context import Actor, OverrideRequest
from app.db.engine import ensure_parent, make_engine, make_session_factory, relaxed
from app.db.migrate import upgrade
from app.domain.errors import DomainError
from app.receipts import receipt_for
from app.settings import StoreSettings
from app.sync import config as sync_config
from app.sync import outbox as sync_outbox
from app.sync.hq_client import HqClient
from app.sync.worker import SyncWorker
from app.sync.worker import status as sync_status
from app.tickets import Tickets
from server.errors import finish_app
from server.store import schemas
from server.store.routers import closing as closing_routes
from server.store.routers import reports as report_routes
from server.store.routers import settings as settings_routes

SEARCH_LIMIT_MAX = 100


class StoreState:
    def __init__(self, settings: StoreSettings) -> None:
        #: the environment's settings: the defaults the manager's own (设置) override
        self.defaults = settings
        ensure_parent(settings.database_path)
        self.engine = make_engine(settings.database_url)
        upgrade(self.engine)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)
        self.settings = settings
        self.reload_settings()
        with self.sessions() as session:  # a store upgraded with sales already made: their summaries
            reports.backfill_summaries(session)
        reports.listen(self.sessions)
        self.tickets = Tickets(self.sessions)
        self.catalog = Catalog()
        self.sync: SyncWorker | None = None
        self.resumer = outside.Resumer(self.sessions)

    def reload_settings(self) -> None:
        """The settings with the manager's changes applied; requests from now on use them."""
        with self.sessions() as session:
            self.settings = store_config.effective(session, self.defaults)

    def start_sync(self) -> None:
        loyalty.register_undos(self.hq())
        self.resumer.start()
        config = sync_config.load(self.settings.home)
        if config is not None and self.sync is None:
            self.sync = SyncWorker(self.sessions, config)
            self.sync.start()

    def hq(self) -> HqClient | None:
        """A signed client for HQ when the store is enrolled (members, coupons, stored value)."""
        config = self.sync.config if self.sync is not None else sync_config.load(self.settings.home)
        return HqClient(config) if config is not None else None

    def stop_sync(self) -> None:
        self.resumer.stop()
        if self.sync is not None:
            self.sync.stop()


def create_store_app(settings: StoreSettings | None = None) -> FastAPI:
    settings = settings or StoreSettings.from_env()
    state = StoreState(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        state.start_sync()
        gc.collect()
        gc.freeze()  # what start-up built lives as long as the server: no collection walks it again
        yield
        state.stop_sync()

    app = FastAPI(title="OmniStore store server", version="1", docs_url="/docs", lifespan=lifespan)
    app.state.store = state
    return finish_app(app, _api(state), settings.max_body_bytes)


def _override(body: schemas.OverridableIn) -> OverrideRequest | None:
    return OverrideRequest(body.override.operator, body.override.pin) if body.override else None


class LiveSettings:
    """The store's settings as they are now: read through on every use, so a change the manager
    saves in the back office applies to the next request without a restart."""

    def __init__(self, state: StoreState) -> None:
        self._state = state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state.settings, name)


def _api(state: StoreState) -> APIRouter:
    router = APIRouter()
    settings: Any = LiveSettings(state)

    def db() -> Iterator[Session]:
        with state.sessions() as session:
            yield session

    DB = Annotated[Session, Depends(db)]

    def actor(request: Request, session: DB) -> Actor:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise DomainError("unauthorized", status=401)
        found = auth.resolve(session, token.strip())
        session.rollback()
        return found

    Who = Annotated[Actor, Depends(actor)]

    def command(
        session: Session, who: Actor, command_id: str, action: str, payload: dict[str, Any],
        change: Callable[[], dict[str, Any]], *, moves_money: bool = True,
    ) -> dict[str, Any]:
        """``moves_money`` False: the step may commit without an fsync (``app.db.engine.relaxed``)."""
        if not moves_money:
            relaxed(session)
        return commands.run(session, who, command_id, action, payload, change)

    # ---- session ---------------------------------------------------------------------
    @router.post("/session")
    def login(body: schemas.LoginIn, session: DB) -> dict[str, Any]:
        token, who = auth.login(session, body.till, body.operator, body.pin, settings)
        ticket = checkout.active_ticket(session, state.tickets, who.till)
        return {
            "token": token,
            "operator": {"code": who.operator_code, "name": who.operator_name, "role": who.role},
            "till": who.till,
            "open_ticket": ticket.id if ticket else None,
            "shift": shifts.shift_dict(shifts.current(session, who.till)),
            "store_name": settings.store_name,
            "rounding": settings.rounding.value,
            "language": settings.default_language,
        }

    @router.post("/authorise")
    def authorise_local(body: schemas.AuthoriseIn, session: DB) -> dict[str, Any]:
        """A supervisor's PIN for a till screen opened before login (设备诊断); recorded as an override."""
        who = auth.authorise_local(session, body.till, body.operator, body.pin, body.action, settings)
        return {"ok": True, "action": body.action,
                "operator": {"code": who.operator_code, "name": who.operator_name, "role": who.role}}

    @router.delete("/session")
    def logout(request: Request, who: Who, session: DB) -> dict[str, bool]:
        auth.logout(session, request.headers["authorization"].partition(" ")[2].strip())
        return {"ok": True}

    # ---- shifts ----------------------------------------------------------------------
    @router.get("/shifts/current")
    def current_shift(who: Who, session: DB) -> dict[str, Any]:
        return {"shift": shifts.shift_dict(shifts.current(session, who.till))}

    @router.post("/shifts/open")
    def open_shift(body: schemas.ShiftOpenIn, who: Who, session: DB) -> dict[str, Any]:
        if body.command_id is None:
            # Without a command id, "one open shift per till" is what keeps a retry harmless.
            result = shifts.open_shift(session, who, body.float)
            session.commit()
            return result
        return command(session, who, body.command_id, "open_shift", {"float": body.float},
                       lambda: shifts.open_shift(session, who, body.float))

    @router.post("/shifts/close")
    def close_shift(body: schemas.ShiftCloseIn, who: Who, session: DB) -> dict[str, Any]:
        return command(session, who, body.command_id, "close_shift", {"counted": body.counted}, lambda: shifts.close_shift(session, who, body.counted))

    # ---- catalog ---------------------------------------------------------------------
    @router.get("/products/lookup")
    def product_lookup(who: Who, session: DB, code: Annotated[str, Query(max_length=64)]) -> dict[str, Any]:
        return lookup(session, code, settings.in_store_layout).product.as_dict()

    @router.get("/products/search")
    def product_search(
        who: Who, session: DB,
        q: Annotated[str, Query(max_length=64)],
        limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT_MAX)] = 20,
    ) -> dict[str, Any]:
        return {"items": [p.as_dict() for p in state.catalog.search(session, q, limit)]}

    # ---- tickets ---------------------------------------------------------------------
    @router.post("/tickets")
    def open_ticket(who: Who, session: DB, body: schemas.TicketOpenIn | None = None) -> dict[str, Any]:
        command_id = body.command_id if body and body.command_id else None
        if command_id is None:
            result = checkout.open_ticket(session, state.tickets, who)
            session.commit()
            return result
        return command(session, who, command_id, "open_ticket", {},
                       lambda: checkout.open_ticket(session, state.tickets, who))

    @router.get("/tickets")
    def list_tickets(who: Who, session: DB, status: Annotated[str, Query(pattern="^(parked|open)$")] = "parked") -> dict[str, Any]:
        if status == "open":
            ticket = checkout.active_ticket(session, state.tickets, who.till)
            return {"items": [checkout.ticket_view(ticket)] if ticket else []}
        return {"items": [checkout.ticket_view(t) for t in checkout.parked_tickets(session, state.tickets, who)]}

    @router.get("/tickets/{ticket_id}")
    def get_ticket(ticket_id: int, who: Who, session: DB) -> dict[str, Any]:
        return checkout.ticket_view(checkout.get_ticket(session, state.tickets, who, ticket_id))

    @router.post("/tickets/{ticket_id}/lines")
    def add_line(ticket_id: int, body: schemas.LineIn, who: Who, session: DB) -> dict[str, Any]:
        payload = {"ticket": ticket_id, "code": body.code, "quantity": body.quantity}
        if body.card_no:  # 售卡: a gift-card product and the card scanned from its back
            return loyalty.add_gift_card(state.sessions, state.tickets, who, body.command_id, ticket_id, body.code,
                                         body.card_no, state.hq(), settings)
        return command(session, who, body.command_id, "add_line", payload,
                       lambda: checkout.add_line(session, state.tickets, who, ticket_id, body.code, body.quantity,
                                                 settings), moves_money=False)

    @router.post("/tickets/{ticket_id}/lines/{line_id}/quantity")
    def change_quantity(ticket_id: int, line_id: int, body: schemas.QuantityIn, who: Who, session: DB) -> dict[str, Any]:
        payload = {"ticket": ticket_id, "line": line_id, "quantity": body.quantity}
        return command(session, who, body.command_id, "change_quantity", payload,
                       lambda: checkout.change_quantity(session, state.tickets, who, ticket_id, line_id, body.quantity,
                                                        _override(body), settings), moves_money=False)

    @router.post("/tickets/{ticket_id}/lines/{line_id}/void")
    def void_line(ticket_id: int, line_id: int, body: schemas.OverridableIn, who: Who, session: DB) -> dict[str, Any]:
        payload = {"ticket": ticket_id, "line": line_id}
        return command(session, who, body.command_id, "void_line", payload,
                       lambda: checkout.void_line(session, state.tickets, who, ticket_id, line_id, _override(body),
                                                  settings), moves_money=False)

    @router.post("/tickets/{ticket_id}/lines/{line_id}/price")
    def override_price(ticket_id: int, line_id: int, body: schemas.PriceIn, who: Who, session: DB) -> dict[str, Any]:
        payload = {"ticket": ticket_id, "line": line_id, "price": body.price}
        return command(session, who, body.command_id, "price_override", payload,
                       lambda: checkout.override_price(session, state.tickets, who, ticket_id, line_id, body.price,
                                                       _override(body), settings))

    @router.post("/tickets/{ticket_id}/park")
    def park(ticket_id: int, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
        return command(session, who, body.command_id, "park", {"ticket": ticket_id},
                       lambda: checkout.park(session, state.tickets, who, ticket_id, settings))

    @router.post("/tickets/{ticket_id}/resume")
    def resume(ticket_id: int, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
        return command(session, who, body.command_id, "resume", {"ticket": ticket_id},
                       lambda: checkout.resume(session, state.tickets, who, ticket_id, settings))

    @router.post("/tickets/{ticket_id}/void")
    def void_ticket(ticket_id: int, body: schemas.OverridableIn, who: Who, session: DB) -> dict[str, Any]:
        return command(session, who, body.command_id, "void_ticket", {"ticket": ticket_id},
                       lambda: checkout.void_ticket(session, state.tickets, who, ticket_id, _override(body), settings))

    @router.post("/tickets/{ticket_id}/tenders")
    def add_tender(ticket_id: int, body: schemas.TenderIn, who: Who, session: DB) -> dict[str, Any]:
        payload = {"ticket": ticket_id, "method": body.method, "amount": body.amount}
        return command(session, who, body.command_id, "tender", payload,
                       lambda: checkout.add_tender(session, state.tickets, who, ticket_id, body.method, body.amount,
                                                   settings))

    @router.post("/tickets/{ticket_id}/complete")
    def complete(ticket_id: int, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
        result = command(session, who, body.command_id, "complete", {"ticket": ticket_id},
                         lambda: checkout.complete(session, state.tickets, who, ticket_id, settings))
        if any(line.get("card_no") for line in result["ticket"]["lines"]):  # stored: now the cards go live
            loyalty.activate_gift_cards(state.hq(), result["ticket"])
        return result

    # ---- drawer ----------------------------------------------------------------------
    @router.post("/drawer/open")
    def open_drawer(body: schemas.OverridableIn, who: Who, session: DB) -> dict[str, Any]:
        """No-sale drawer open: a manager authorises it and it is logged."""
        def change() -> dict[str, Any]:
            record = auth.authorise(session, who, "no_sale", "manager", _override(body), settings)
            session.flush()
            return {"ok": True, "authorised_by": record.authorised_by}

        return command(session, who, body.command_id, "no_sale", {}, change)

    # ---- members, coupons, stored value (asked of HQ) -----------------------------------
    @router.get("/members/lookup")
    def member_lookup(who: Who, phone: Annotated[str, Query(max_length=20)] = "",
                      card: Annotated[str, Query(max_length=20)] = "",
                      code: Annotated[str, Query(max_length=64)] = "") -> dict[str, Any]:
        """By phone, card number or the member's dynamic code (scanned or typed)."""
        return loyalty.find_member(state.hq(), phone=phone.strip(), card=card.strip(), code=code.strip())

    @router.post("/members")
    def member_register(body: schemas.MemberIn, who: Who) -> dict[str, Any]:
        return loyalty.register_member(state.hq(), body.phone.strip(), body.name.strip())

    @router.post("/tickets/{ticket_id}/member")
    def ticket_member(ticket_id: int, body: schemas.TicketMemberIn, who: Who) -> dict[str, Any]:
        return loyalty.attach_member(state.sessions, state.tickets, who, body.command_id, ticket_id, body.member_no,
                                     settings, state.hq())

    @router.post("/tickets/{ticket_id}/coupons")
    def ticket_coupon(ticket_id: int, body: schemas.CouponIn, who: Who) -> dict[str, Any]:
        """Add a coupon: HQ checks and reserves it for this ticket."""
        return loyalty.add_coupon(state.sessions, state.tickets, who, body.command_id, ticket_id, body.code,
                                  state.hq(), settings)

    @router.post("/tickets/{ticket_id}/coupons/{code}/remove")
    def ticket_coupon_remove(ticket_id: int, code: str, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
        return command(session, who, body.command_id, "coupon_remove", {"ticket": ticket_id, "code": code},
                       lambda: loyalty.remove_coupon(session, state.tickets, who, ticket_id, code, state.hq(), settings))

    @router.post("/tickets/{ticket_id}/stored-value")
    def ticket_stored_value(ticket_id: int, body: schemas.StoredValueIn, who: Who) -> dict[str, Any]:
        """储值支付: HQ takes ``amount`` from the card now."""
        return loyalty.pay_stored_value(state.sessions, state.tickets, who, body.command_id, ticket_id, body.card,
                                        body.amount, state.hq(), settings)

    @router.post("/tickets/{ticket_id}/points")
    def ticket_points(ticket_id: int, body: schemas.PointsIn, who: Who) -> dict[str, Any]:
        """积分抵现 with the attached member's points."""
        return loyalty.pay_points(state.sessions, state.tickets, who, body.command_id, ticket_id, body.amount,
                                  state.hq(), settings)

    @router.get("/stored-value/{card}")
    def stored_value_balance(card: Annotated[str, Path(max_length=24)], who: Who) -> dict[str, Any]:
        """查余额: the card's balance at HQ, for the customer (and a gift card's last day)."""
        return loyalty.card_balance(state.hq(), card)

    @router.post("/stored-value/topup")
    def stored_value_top_up(body: schemas.TopUpIn, who: Who) -> dict[str, Any]:
        """充值: the customer pays cash at the till; HQ credits the card (a retry credits once)."""
        return loyalty.top_up(state.sessions, who, state.hq(), body.card, body.amount, body.command_id)

    # ---- returns (退货) ----------------------------------------------------------------
    @router.get("/sales")
    def find_sales(who: Who, session: DB, day: date, total: Annotated[int | None, Query(ge=0)] = None,
                   member: Annotated[str | None, Query(max_length=20)] = None,
                   code: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
        """退货查单: the day's completed sales, newest first, by amount, member or goods."""
        return {"items": returns.find_sales(session, day, total=total, member_no=member, code=code, settings=settings)}

    @router.get("/sales/{sale_id}/returnable")
    def sale_returnable(sale_id: str, who: Who, session: DB) -> dict[str, Any]:
        """The sale's lines with what each may still bring back (scan the receipt's barcode)."""
        return returns.returnable(session, state.tickets, sale_id)

    @router.post("/returns")
    def make_return(body: schemas.ReturnIn, who: Who, session: DB) -> dict[str, Any]:
        """Return all or some lines; stored value back to the card, the rest in cash."""
        lines = [(line.line_id, line.quantity) for line in body.lines]
        return command(session, who, body.command_id, "return",
                       {"sale": body.sale_id, "lines": [list(x) for x in lines]},
                       lambda: returns.make_return(session, state.tickets, who, body.sale_id, lines, body.reason,
                                                   _override(body), settings))

    @router.post("/returns/no-receipt")
    def make_return_without_receipt(body: schemas.NoReceiptReturnIn, who: Who, session: DB) -> dict[str, Any]:
        """无小票退货: its own permission, asked every time; cash at today's shelf price."""
        lines = [(line.code, line.quantity) for line in body.lines]
        return command(session, who, body.command_id, "return_no_receipt",
                       {"lines": [list(x) for x in lines]},
                       lambda: returns.make_return_without_receipt(session, who, lines, body.reason, _override(body),
                                                                   settings))

    @router.get("/returns/{return_no}/slip")
    def return_slip(return_no: str, who: Who, session: DB, format: Annotated[str, Query(max_length=16)] = "text",
                    profile: Annotated[str, Query(max_length=32)] = "80mm", kick: bool = False,
                    raster: bool = False) -> Response:
        """退货单 for the customer to sign, in the receipt's formats; ``kick`` opens the drawer for a cash refund."""
        return _printed(returns.slip_for(session, return_no, settings), format, profile, kick, raster)

    # ---- stock -----------------------------------------------------------------------
    @router.post("/stock/movements")
    def move_stock(body: schemas.StockMoveIn, who: Who, session: DB) -> dict[str, Any]:
        """收货 / 报损 / 盘点 (supervisor and up); each line's new level comes back."""
        lines = [(line.code, line.quantity) for line in body.lines]
        return command(session, who, body.command_id, "stock_move", body.model_dump(exclude={"command_id"}),
                       lambda: stock.manual_move(session, who, body.reason, lines, body.note, settings.in_store_layout))

    @router.get("/stock")
    def stock_level(who: Who, session: DB, code: Annotated[str, Query(min_length=1, max_length=64)]) -> dict[str, Any]:
        product = lookup(session, code, settings.in_store_layout).product
        return {"sku": product.sku, "name": product.name, "unit": product.unit,
                "on_hand": stock.level(session, product.id)}

    # ---- sync with HQ ----------------------------------------------------------------
    @router.get("/sync/status")
    def get_sync_status(who: Who, session: DB) -> dict[str, Any]:
        return sync_status(state.sync.state if state.sync else None, session)

    @router.get("/loyalty/conflicts")
    def loyalty_conflicts(who: Who, request: Request,
                          everything: Annotated[bool, Query(alias="all")] = False) -> dict[str, Any]:
        """未能处理: what HQ could not carry out of this store's coupons, stored value and points; the
        open ones, or with ``all`` those the manager has handled too."""
        from app.messages import language_of

        language = language_of(request.headers.get("accept-language"))
        return {"items": loyalty.conflicts(state.hq(), language, everything)}

    @router.post("/loyalty/conflicts/{conflict_id}/resolve")
    def resolve_loyalty_conflict(conflict_id: Annotated[int, Path(ge=1, le=2**63 - 1)], body: schemas.ConflictResolveIn,
                                 who: Who) -> dict[str, Any]:
        """已处理: the manager marks one of HQ's conflicts handled, with a note of what was done."""
        return loyalty.resolve_conflict(state.sessions, state.hq(), who, body.command_id, conflict_id, body.note)

    @router.get("/sync/stuck")
    def get_stuck_events(who: Who, session: DB) -> dict[str, Any]:
        return {"items": sync_outbox.stuck(session)}

    # ---- sales -----------------------------------------------------------------------
    @router.get("/sales/{sale_id}")
    def get_sale(sale_id: str, who: Who, session: DB) -> dict[str, Any]:
        return checkout.ticket_view(checkout.get_sale(session, state.tickets, sale_id))

    @router.get("/sales/{sale_id}/receipt")
    def receipt(
        sale_id: str, who: Who, session: DB,
        format: Annotated[str, Query(max_length=16)] = "text",
        profile: Annotated[str, Query(max_length=32)] = "80mm",
        kick: bool = False,
        copy: bool = False,
        raster: bool = False,
    ) -> Response:
        """The receipt as text, ESC/POS bytes (``kick`` adds the drawer pulse) or a PNG; ``copy`` marks a reprint."""
        return _printed(receipt_for(session, state.tickets, sale_id, settings, copy=copy), format, profile, kick,
                        raster)

    def _printed(document: Any, format: str, profile: str, kick: bool, raster: bool) -> Response:
        from hardware.escpos.profiles import get_profile

        try:
            printer = get_profile(profile)
        except KeyError:
            raise DomainError("unknown_profile", profile=profile) from None
        if format == "text":
            from app.domain.receipt import plain_text

            return Response(plain_text(document, printer.columns), media_type="text/plain; charset=utf-8")
        if format == "escpos" and raster:  # a printer without a Chinese font: the receipt as a picture (GS v 0)
            from hardware.escpos.raster import encode_receipt_raster

            return Response(encode_receipt_raster(document, printer, kick_drawer=kick),
                            media_type="application/octet-stream")
        if format == "escpos":
            from hardware.escpos.encoder import encode_receipt

            return Response(encode_receipt(document, printer, kick_drawer=kick), media_type="application/octet-stream")
        if format == "png":
            from hardware.escpos.raster import render_receipt_png

            return Response(render_receipt_png(document, printer), media_type="image/png")
        raise DomainError("unknown_format", format=format)

    router.include_router(report_routes.router)
    router.include_router(closing_routes.router)
    router.include_router(settings_routes.router)
    return router
