"""The store-server client (门店服务器客户端). Blocking; call it from the worker thread only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import requests
from PySide6.QtCore import QCoreApplication

API_PREFIX = "/api/v1"
#: (connect, read) seconds. A till must say "offline" quickly rather than hang a scan.
DEFAULT_TIMEOUT = (3.0, 10.0)
_RETRIES = 2  # extra attempts on a network failure; safe because every command carries its id


def new_command_id() -> str:
    """A client-made id for one state-changing command; resend it unchanged when retrying."""
    return uuid.uuid4().hex


class ApiError(Exception):
    """The server (or the network) refused a call. ``code`` is stable snake_case."""

    def __init__(self, code: str, message: str, status: int | None = None, payload: dict | None = None) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.status = status
        self.payload = payload or {}

    def __str__(self) -> str:
        return self.message or self.code


@dataclass(frozen=True)
class Product:
    sku: str
    barcode: str
    name: str
    price: int
    unit: str = "piece"
    plu: str | None = None
    spec: str | None = None
    category: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Product:
        return cls(
            sku=str(data.get("sku", "")),
            barcode=str(data.get("barcode") or ""),
            name=str(data.get("name", "")),
            price=int(data.get("price", 0)),
            unit=str(data.get("unit", "piece")),
            plu=data.get("plu"),
            spec=data.get("spec"),
            category=data.get("category"),
        )


@dataclass(frozen=True)
class Line:
    id: str
    sku: str
    barcode: str
    name: str
    unit: str
    quantity: int
    unit_price: int
    amount: int
    voided: bool = False
    #: the promotion that priced the line (第2件5折), or 改价 with the shelf price
    note: str | None = None
    #: the shelf price; a line priced by hand (改价) has another ``unit_price``
    original_price: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Line:
        unit_price = int(data.get("unit_price", 0))
        return cls(
            id=str(data["id"]),
            sku=str(data.get("sku", "")),
            barcode=str(data.get("barcode") or ""),
            name=str(data.get("name", "")),
            unit=str(data.get("unit", "piece")),
            quantity=int(data.get("quantity", 0)),
            unit_price=unit_price,
            amount=int(data.get("amount", 0)),
            voided=bool(data.get("voided", False)),
            note=data.get("note"),
            original_price=int(data.get("original_price") or unit_price),
        )


@dataclass(frozen=True)
class Tender:
    id: str
    method: str
    amount: int


@dataclass(frozen=True)
class Ticket:
    """小票 in progress, as the server holds it."""

    id: str
    status: str
    lines: tuple[Line, ...] = ()
    item_count: int = 0
    subtotal: int = 0
    rounding: int = 0
    total: int = 0
    paid: int = 0
    due: int = 0
    change: int = 0
    tenders: tuple[Tender, ...] = ()
    sale_id: str | None = None
    discount: int = 0  # coupons, off the subtotal
    member_no: str | None = None
    coupons: tuple[dict[str, Any], ...] = ()
    #: what the promotions took off the lines (already out of ``subtotal``), as the server priced them
    promotions: int = 0
    #: still due by a tender other than cash: exact fen, 抹零 applies only to cash
    due_exact: int = 0
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ticket:
        return cls(
            id=str(data["id"]),
            status=str(data.get("status", "open")),
            lines=tuple(Line.from_json(line) for line in data.get("lines", [])),
            item_count=int(data.get("item_count", 0)),
            subtotal=int(data.get("subtotal", 0)),
            rounding=int(data.get("rounding", 0)),
            total=int(data.get("total", 0)),
            paid=int(data.get("paid", 0)),
            due=int(data.get("due", 0)),
            change=int(data.get("change", 0)),
            tenders=tuple(
                Tender(id=str(t.get("id", "")), method=str(t.get("method", "")), amount=int(t.get("amount", 0)))
                for t in data.get("tenders", [])
            ),
            sale_id=None if data.get("sale_id") is None else str(data["sale_id"]),
            discount=int(data.get("discount") or 0),
            member_no=data.get("member_no"),
            coupons=tuple(data.get("coupons") or ()),
            promotions=int(data.get("promotion_discount") or 0),
            due_exact=int(data.get("due_exact", data.get("due", 0)) or 0),
            raw=data,
        )

    @property
    def active_lines(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if not line.voided)

    @property
    def savings(self) -> int:
        """优惠合计: promotions and coupons together."""
        return self.promotions + self.discount

    @property
    def shelf_subtotal(self) -> int:
        """小计 at shelf prices, before any promotion: less ``savings``, plus ``rounding``, is ``total``."""
        return self.subtotal + self.promotions


@dataclass(frozen=True)
class Operator:
    code: str
    name: str
    role: str


@dataclass(frozen=True)
class Shift:
    id: str
    float: int
    opened_at: str | None = None
    operator: Any = None

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Shift | None:
        if not data:
            return None
        return cls(id=str(data.get("id", "")), float=int(data.get("float", 0)),
                   opened_at=data.get("opened_at"), operator=data.get("operator"))


@dataclass(frozen=True)
class ShiftClose:
    """交班 result: what the drawer should hold, what was counted, and the over/short (长短款)."""

    expected: int
    counted: int
    over_short: int
    closed_at: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShiftClose:
        expected, counted = int(data.get("expected") or 0), int(data.get("counted") or 0)
        over_short = data.get("over_short")
        return cls(expected=expected, counted=counted,
                   over_short=counted - expected if over_short is None else int(over_short),
                   closed_at=data.get("closed_at"))


@dataclass(frozen=True)
class SyncStatus:
    """The store's link to HQ (总部), from ``GET /sync/status``. ``online`` is None before the first attempt."""

    enrolled: bool
    online: bool | None = None
    backlog: int = 0
    last_sync: str | None = None
    last_error: str | None = None
    feed_cursor: int = 0
    feed_applied: int = 0
    catching_up: bool = False
    feed_head: int = 0
    # uploads HQ keeps refusing, or that have not moved for a while although HQ answers
    stuck: bool = False
    # how long the oldest event still to upload has waited (None: nothing waits)
    oldest_pending_seconds: int | None = None

    @property
    def feed_percent(self) -> int | None:
        """How much of HQ's feed the store has, while it catches up; None when HQ did not say."""
        if not self.feed_head:
            return None
        return min(100, self.feed_cursor * 100 // self.feed_head)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SyncStatus:
        feed = data.get("feed") or {}
        online = data.get("online")
        return cls(enrolled=bool(data.get("enrolled", False)), online=None if online is None else bool(online),
                   backlog=int(data.get("backlog") or 0), last_sync=data.get("last_sync"),
                   last_error=data.get("last_error"), feed_cursor=int(feed.get("cursor") or 0),
                   feed_applied=int(feed.get("applied") or 0), catching_up=bool(feed.get("catching_up", False)),
                   feed_head=int(feed.get("head") or 0), stuck=bool(data.get("stuck", False)),
                   oldest_pending_seconds=None if data.get("oldest_pending_seconds") is None
                   else int(data["oldest_pending_seconds"]))


#: A store server without the sync endpoints (or not enrolled with HQ) reports this.
NOT_ENROLLED = SyncStatus(enrolled=False)


@dataclass(frozen=True)
class StuckEvent:
    """An outbox event HQ keeps refusing (卡住的上传)."""

    seq: int
    event_id: str
    kind: str
    attempts: int
    last_error: str
    created_at: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StuckEvent:
        return cls(seq=int(data.get("seq") or 0), event_id=str(data.get("event_id", "")), kind=str(data.get("kind", "")),
                   attempts=int(data.get("attempts") or 0), last_error=str(data.get("last_error") or ""),
                   created_at=str(data.get("created_at") or ""))


@dataclass(frozen=True)
class SessionInfo:
    token: str
    operator: Operator
    till: str
    open_ticket: str | None
    shift: Shift | None


@dataclass(frozen=True)
class Completion:
    sale_id: str
    total: int
    change: int
    rounding: int
    ticket: Ticket


@dataclass(frozen=True)
class O2OLine:
    """A line of an online order and its pick (status open, picked, short or substituted)."""

    line_no: int
    product_code: str
    barcode: str
    name: str
    qty: int
    weight_g: int | None
    unit_price: int
    amount: int
    status: str
    picked_qty: int
    picked_weight_g: int | None
    picked_amount: int
    substitute_code: str | None
    #: 货位 in this store, when the manager set one
    location: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> O2OLine:
        return cls(line_no=int(data["line_no"]), product_code=str(data.get("product_code", "")),
                   barcode=str(data.get("barcode") or ""), name=str(data.get("name", "")), qty=int(data.get("qty", 0)),
                   weight_g=data.get("weight_g"), unit_price=int(data.get("unit_price", 0)),
                   amount=int(data.get("amount", 0)), status=str(data.get("status", "open")),
                   picked_qty=int(data.get("picked_qty", 0)), picked_weight_g=data.get("picked_weight_g"),
                   picked_amount=int(data.get("picked_amount", 0)), substitute_code=data.get("substitute_code"),
                   location=data.get("location") or None)


@dataclass(frozen=True)
class O2OOrder:
    """线上订单 as the board shows it: ``column`` is its place on the board (new, picking, to_pack,
    waiting, done, aside); ``steps_waiting`` counts steps not yet at HQ (待同步)."""

    id: int
    seq: int
    channel: str
    channel_order_no: str
    state: str
    column: str
    fulfilment: str
    customer_name_masked: str
    customer_phone: str
    accept_by: str | None
    allow_substitute: bool
    note: str
    paid: int
    item_count: int
    cancelled_mid_pick: bool
    cancel_reason: str | None
    steps_waiting: int
    step_refused: str | None
    sale_id: str | None
    rider: dict[str, Any] | None
    lines: tuple[O2OLine, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> O2OOrder:
        return cls(id=int(data["id"]), seq=int(data.get("seq", 0)), channel=str(data.get("channel", "")),
                   channel_order_no=str(data.get("channel_order_no", "")), state=str(data.get("state", "")),
                   column=str(data.get("column", "aside")), fulfilment=str(data.get("fulfilment", "pickup")),
                   customer_name_masked=str(data.get("customer_name_masked", "")),
                   customer_phone=str(data.get("customer_phone", "")), accept_by=data.get("accept_by"),
                   allow_substitute=bool(data.get("allow_substitute")), note=str(data.get("note") or ""),
                   paid=int(data.get("paid", 0)), item_count=int(data.get("item_count", 0)),
                   cancelled_mid_pick=bool(data.get("cancelled_mid_pick")), cancel_reason=data.get("cancel_reason"),
                   steps_waiting=int(data.get("steps_waiting", 0)), step_refused=data.get("step_refused"),
                   sale_id=data.get("sale_id"), rider=data.get("rider"),
                   lines=tuple(O2OLine.from_json(line) for line in data.get("lines", [])))


@dataclass(frozen=True)
class O2OPage:
    """Orders of the board (or those changed after a cursor), the new cursor, and how many wait to
    be accepted."""

    orders: tuple[O2OOrder, ...]
    cursor: int
    new: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> O2OPage:
        return cls(tuple(O2OOrder.from_json(o) for o in data.get("orders", [])), int(data.get("cursor", 0)),
                   int(data.get("new", 0)))


class StoreClient:
    """Talks JSON to one store server. Every method blocks; raises :class:`ApiError`."""

    def __init__(self, base_url: str, language: str = "zh_CN", timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.timeout = timeout
        self.token: str | None = None
        self._http = session or requests.Session()

    # -- plumbing -----------------------------------------------------------------

    @property
    def accept_language(self) -> str:
        return "en" if self.language.lower().startswith("en") else "zh-CN"

    def _headers(self) -> dict[str, str]:
        headers = {"Accept-Language": self.accept_language}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request(self, method: str, path: str, *, json: dict | None = None, params: dict | None = None,
                raw: bool = False) -> Any:
        """One call with retries on network failure; JSON (or bytes when ``raw``) back."""
        url = path if path.startswith("http") else f"{self.base_url}{path}"
        last: Exception | None = None
        for _attempt in range(_RETRIES + 1):
            try:
                response = self._http.request(method, url, json=json, params=params, headers=self._headers(),
                                              timeout=self.timeout)
                break
            except (requests.ConnectionError, requests.Timeout) as exc:
                last = exc
        else:
            raise ApiError("server_unreachable", QCoreApplication.translate(
                "StoreClient", "The store server cannot be reached. Check the network."),
                           None, {"detail": str(last)})
        return self._decode(response, raw)

    @staticmethod
    def _decode(response: requests.Response, raw: bool) -> Any:
        if response.status_code >= 400:
            try:
                payload = response.json()
            except ValueError:
                payload = {}
            if not isinstance(payload, dict):
                payload = {"detail": payload}
            code = str(payload.get("code") or f"http_{response.status_code}")
            message = payload.get("message")
            if not isinstance(message, str) or not message:
                message = QCoreApplication.translate("StoreClient", "The server refused the request (%1).").replace("%1", code)
            raise ApiError(code, message, response.status_code, payload)
        if raw:
            return response.content
        try:
            return response.json()
        except ValueError as exc:
            raise ApiError("bad_response", QCoreApplication.translate("StoreClient", "The server sent an unreadable answer."), response.status_code) from exc

    def _api(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.request(method, f"{API_PREFIX}{path}", **kwargs)

    def _command(self, path: str, body: dict[str, Any], command_id: str | None,
                 override: dict[str, str] | None = None) -> Any:
        body = dict(body, command_id=command_id or new_command_id())
        if override:
            body["override"] = override
        return self._api("POST", path, json=body)

    # -- session and shift ----------------------------------------------------------

    def health(self) -> bool:
        self.request("GET", "/healthz")
        return True

    def login(self, till: str, operator: str, pin: str) -> SessionInfo:
        data = self._api("POST", "/session", json={"till": till, "operator": operator, "pin": pin})
        self.token = data["token"]
        op = data.get("operator") or {}
        return SessionInfo(
            token=data["token"],
            operator=Operator(code=str(op.get("code", operator)), name=str(op.get("name", operator)),
                              role=str(op.get("role", ""))),
            till=str(data.get("till", till)),
            open_ticket=None if data.get("open_ticket") is None else str(data["open_ticket"]),
            shift=Shift.from_json(data.get("shift")),
        )

    def authorise(self, till: str, operator: str, pin: str, action: str) -> Operator:
        """A supervisor's PIN for a screen opened from the login screen (设备诊断); the server records it."""
        data = self._api("POST", "/authorise", json={"till": till, "operator": operator, "pin": pin, "action": action})
        op = data.get("operator") or {}
        return Operator(code=str(op.get("code", operator)), name=str(op.get("name", operator)),
                        role=str(op.get("role", "")))

    def logout(self) -> None:
        """End the session on the server (DELETE /session); the token is dropped even if that fails."""
        if self.token is None:
            return
        try:
            self._api("DELETE", "/session")
        except ApiError:
            pass  # an expired or revoked token is logged out already; offline, it expires on its own
        finally:
            self.token = None

    def current_shift(self) -> Shift | None:
        return Shift.from_json(self._api("GET", "/shifts/current").get("shift"))

    def open_shift(self, float_fen: int, command_id: str | None = None) -> Shift | None:
        data = self._command("/shifts/open", {"float": float_fen}, command_id)
        return Shift.from_json(data.get("shift", data) if isinstance(data, dict) else None)

    def close_shift(self, counted: int, command_id: str | None = None) -> ShiftClose:
        """交班 with the blind count ``counted`` (fen); refused with ``ticket_open`` while a ticket is in progress."""
        data = self._command("/shifts/close", {"counted": counted}, command_id)
        return ShiftClose.from_json(data.get("shift", data) if isinstance(data, dict) else {})

    # -- products -------------------------------------------------------------------

    def lookup(self, code: str) -> Product:
        return Product.from_json(self._api("GET", "/products/lookup", params={"code": code}))

    def search(self, query: str, limit: int = 50) -> list[Product]:
        data = self._api("GET", "/products/search", params={"q": query, "limit": limit})
        return [Product.from_json(item) for item in data.get("items", [])]

    # -- tickets --------------------------------------------------------------------

    def create_ticket(self, command_id: str | None = None) -> Ticket:
        return Ticket.from_json(self._command("/tickets", {}, command_id))

    def get_ticket(self, ticket_id: str) -> Ticket:
        return Ticket.from_json(self._api("GET", f"/tickets/{ticket_id}"))

    def parked_tickets(self) -> list[Ticket]:
        data = self._api("GET", "/tickets", params={"status": "parked"})
        return [Ticket.from_json(item) for item in data.get("items", [])]

    def add_line(self, ticket_id: str, code: str, quantity: int | None = None,
                 command_id: str | None = None, card_no: str | None = None) -> Ticket:
        """Scan goods on; a gift card goes with the number of the card (``card_no``)."""
        body: dict[str, Any] = {"code": code}
        if quantity is not None:
            body["quantity"] = quantity
        if card_no is not None:
            body["card_no"] = card_no
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/lines", body, command_id))

    def set_quantity(self, ticket_id: str, line_id: str, quantity: int, command_id: str | None = None) -> Ticket:
        path = f"/tickets/{ticket_id}/lines/{line_id}/quantity"
        return Ticket.from_json(self._command(path, {"quantity": quantity}, command_id))

    def void_line(self, ticket_id: str, line_id: str, command_id: str | None = None,
                  override: dict[str, str] | None = None) -> Ticket:
        path = f"/tickets/{ticket_id}/lines/{line_id}/void"
        return Ticket.from_json(self._command(path, {}, command_id, override))

    def override_price(self, ticket_id: str, line_id: str, price: int, command_id: str | None = None,
                       override: dict[str, str] | None = None) -> Ticket:
        path = f"/tickets/{ticket_id}/lines/{line_id}/price"
        return Ticket.from_json(self._command(path, {"price": price}, command_id, override))

    def park(self, ticket_id: str, command_id: str | None = None) -> Ticket:
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/park", {}, command_id))

    def resume(self, ticket_id: str, command_id: str | None = None) -> Ticket:
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/resume", {}, command_id))

    def void_ticket(self, ticket_id: str, command_id: str | None = None,
                    override: dict[str, str] | None = None) -> Ticket:
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/void", {}, command_id, override))

    # -- members, coupons, stored value, returns --------------------------------------

    def change_pin(self, till: str, operator: str, pin: str, new_pin: str) -> dict[str, Any]:
        """改密码: with the PIN the operator has (after a reset, the one-time PIN)."""
        return dict(self._api("POST", "/session/pin", json={"till": till, "operator": operator, "pin": pin,
                                                             "new_pin": new_pin}))

    def top_up(self, card: str, amount: int, command_id: str | None = None) -> dict[str, Any]:
        """充值: cash into this till's drawer, the amount and HQ's bonus onto the card."""
        return dict(self._command("/stored-value/topup", {"card": card, "amount": amount}, command_id))

    def top_up_by_code(self, card: str, amount: int, code: str, command_id: str | None = None) -> dict[str, Any]:
        """充值 by payment code: the code charged, then the card credited at HQ; the attempt (``topup``)."""
        return dict(self._command("/stored-value/topup/paycode", {"card": card, "amount": amount, "code": code},
                                  command_id))

    def find_member(self, *, phone: str = "", card: str = "", code: str = "") -> dict[str, Any]:
        params = {k: v for k, v in (("phone", phone), ("card", card), ("code", code)) if v}
        return dict(self._api("GET", "/members/lookup", params=params))

    def register_member(self, phone: str, name: str = "") -> dict[str, Any]:
        return dict(self._api("POST", "/members", json={"phone": phone, "name": name}))

    def attach_member(self, ticket_id: str, member_no: str | None, command_id: str | None = None) -> Ticket:
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/member", {"member_no": member_no}, command_id))

    def add_coupon(self, ticket_id: str, code: str, command_id: str | None = None) -> Ticket:
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/coupons", {"code": code}, command_id))

    def pay_stored_value(self, ticket_id: str, card: str, amount: int, command_id: str | None = None) -> Ticket:
        body = {"card": card, "amount": amount}
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/stored-value", body, command_id))

    # -- payment codes (付款码) ------------------------------------------------------------

    def pay_code(self, ticket_id: str, code: str, amount: int | None = None,
                 command_id: str | None = None) -> dict[str, Any]:
        """Charge a scanned payment code (``amount`` None: what is due); the attempt as the server has it."""
        body: dict[str, Any] = {"code": code}
        if amount is not None:
            body["amount"] = amount
        return dict(self._command(f"/tickets/{ticket_id}/paycode", body, command_id))

    def paycode(self, attempt_id: int) -> dict[str, Any]:
        return dict(self._api("GET", f"/paycodes/{int(attempt_id)}"))

    def paycode_query(self, attempt_id: int, command_id: str | None = None) -> dict[str, Any]:
        """查单: the server asks the provider now."""
        return dict(self._command(f"/paycodes/{int(attempt_id)}/query", {}, command_id))

    def paycode_cancel(self, attempt_id: int, command_id: str | None = None) -> dict[str, Any]:
        """取消 = reverse the charge (the store server keeps at it until the provider confirms)."""
        return dict(self._command(f"/paycodes/{int(attempt_id)}/cancel", {}, command_id))

    def paycode_refund(self, out_refund_no: str) -> dict[str, Any]:
        return dict(self._api("GET", f"/paycode-refunds/{quote(out_refund_no, safe='')}"))

    def paycode_refund_cash(self, out_refund_no: str, command_id: str | None = None,
                            override: dict[str, str] | None = None) -> dict[str, Any]:
        """现金退款: a refund the provider refused, paid out of the drawer (a manager allows it)."""
        return dict(self._command(f"/paycode-refunds/{quote(out_refund_no, safe='')}/cash", {}, command_id, override))

    def card_balance(self, card: str) -> dict[str, Any]:
        """查余额: the stored-value or gift card's balance at HQ (and a gift card's last day)."""
        return dict(self._api("GET", f"/stored-value/{quote(card, safe='')}"))

    def pay_points(self, ticket_id: str, amount: int, command_id: str | None = None) -> Ticket:
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/points", {"amount": amount}, command_id))

    def find_sales(self, day: str, total: int | None = None, member: str | None = None,
                   code: str | None = None) -> list[dict[str, Any]]:
        """退货查单: the day's sales by amount, member card number or goods code."""
        params = {k: v for k, v in {"day": day, "total": total, "member": member, "code": code}.items() if v is not None}
        return list(self._api("GET", "/sales", params=params).get("items", []))

    def returnable(self, sale_id: str) -> dict[str, Any]:
        return dict(self._api("GET", f"/sales/{sale_id}/returnable"))

    def make_return(self, sale_id: str, lines: list[tuple[str, int]], reason: str = "",
                    command_id: str | None = None, override: dict[str, str] | None = None) -> dict[str, Any]:
        body = {"sale_id": sale_id, "reason": reason,
                "lines": [{"line_id": int(line_id), "quantity": quantity} for line_id, quantity in lines]}
        return dict(self._command("/returns", body, command_id, override))

    def return_without_receipt(self, lines: list[tuple[str, int]], reason: str = "", command_id: str | None = None,
                               override: dict[str, str] | None = None) -> dict[str, Any]:
        """无小票退货: goods by code and quantity; always needs the store's authorisation."""
        body = {"reason": reason, "lines": [{"code": code, "quantity": quantity} for code, quantity in lines]}
        return dict(self._command("/returns/no-receipt", body, command_id, override))

    def add_cash(self, ticket_id: str, amount: int, command_id: str | None = None) -> Ticket:
        body = {"method": "cash", "amount": amount}
        return Ticket.from_json(self._command(f"/tickets/{ticket_id}/tenders", body, command_id))

    def complete(self, ticket_id: str, command_id: str | None = None) -> Completion:
        data = self._command(f"/tickets/{ticket_id}/complete", {}, command_id)
        ticket = Ticket.from_json(data["ticket"]) if data.get("ticket") else None
        return Completion(sale_id=str(data["sale_id"]), total=int(data.get("total", 0)),
                          change=int(data.get("change", 0)), rounding=int(data.get("rounding", 0)),
                          ticket=ticket)  # type: ignore[arg-type]

    def open_drawer(self, command_id: str | None = None, override: dict[str, str] | None = None) -> bool:
        data = self._command("/drawer/open", {}, command_id, override)
        return bool(data.get("ok", True))

    def receipt(
        self, sale_id: str, fmt: str = "escpos", profile: str = "80mm", kick: bool = False, copy: bool = False,
        raster: bool = False,
    ) -> bytes:
        """The receipt bytes; ``kick`` asks for the drawer pulse in the same print job (cash sales),
        ``copy`` marks a reprint."""
        params: dict[str, Any] = {"format": fmt, "profile": profile}
        if kick:
            params["kick"] = 1
        if copy:
            params["copy"] = 1
        if raster:
            params["raster"] = 1
        return self.request("GET", f"{API_PREFIX}/sales/{sale_id}/receipt", params=params, raw=True)

    def return_slip(self, return_no: str, profile: str = "80mm", kick: bool = False, raster: bool = False) -> bytes:
        """退货单 as ESC/POS bytes; ``kick`` opens the drawer for a cash refund in the same job."""
        params: dict[str, Any] = {"format": "escpos", "profile": profile}
        if kick:
            params["kick"] = 1
        if raster:
            params["raster"] = 1
        return self.request("GET", f"{API_PREFIX}/returns/{return_no}/slip", params=params, raw=True)

    # -- 线上订单 (O2O) ---------------------------------------------------------------

    def waiting_twin(self, read_timeout: float) -> StoreClient:
        """The same login on a connection of its own, for a long poll that must not hold up the rest."""
        twin = StoreClient(self.base_url, self.language, (self.timeout[0], read_timeout))
        twin.token = self.token
        return twin

    def o2o_orders(self, state: str | None = None) -> O2OPage:
        return O2OPage.from_json(self._api("GET", "/o2o/orders", params={"state": state} if state else None))

    def o2o_changes(self, after: int, wait: int = 0) -> O2OPage:
        """Orders changed after ``after``; with ``wait`` the server holds on until one changes."""
        return O2OPage.from_json(self._api("GET", "/o2o/changes", params={"after": after, "wait": wait}))

    def o2o_order(self, order_id: int) -> O2OOrder:
        return O2OOrder.from_json(self._api("GET", f"/o2o/orders/{order_id}"))

    def o2o_step(self, order_id: int, step: str, body: dict[str, Any] | None = None,
                 command_id: str | None = None) -> O2OOrder:
        """A board step: accept, reject (``reason``), start-pick, scan (``code``, ``weight_g``),
        lines/N/short, lines/N/substitute, packed, ready, rider-arrived, handover (``pickup_code``),
        put-back."""
        return O2OOrder.from_json(self._command(f"/o2o/orders/{order_id}/{step}", body or {}, command_id))

    def o2o_print(self, order_id: int, document: str, fmt: str = "escpos", profile: str = "80mm") -> bytes:
        """``pick-list`` or ``label`` of an order for the receipt printer."""
        return self.request("GET", f"{API_PREFIX}/o2o/orders/{order_id}/{document}",
                            params={"format": fmt, "profile": profile}, raw=True)

    # -- HQ sync --------------------------------------------------------------------

    def sync_status(self) -> SyncStatus:
        """The store's link to HQ; :data:`NOT_ENROLLED` when the server has no sync endpoint (404)."""
        try:
            return SyncStatus.from_json(self._api("GET", "/sync/status"))
        except ApiError as exc:
            if exc.status == 404:
                return NOT_ENROLLED
            raise

    def loyalty_conflicts(self, include_resolved: bool = False) -> list[dict[str, Any]] | None:
        """What HQ could not carry out of this store's coupons, stored value and points (the open
        ones, or all with ``include_resolved``); None when HQ can't be asked now (not enrolled, or
        out of reach)."""
        params = {"all": "true"} if include_resolved else None
        try:
            return list(self._api("GET", "/loyalty/conflicts", params=params).get("items", []))
        except ApiError as exc:
            if exc.status == 404 or exc.code in ("hq_not_connected", "hq_unreachable"):
                return None
            raise

    def resolve_conflict(self, conflict_id: int, note: str, command_id: str | None = None) -> dict[str, Any]:
        """已处理: mark one of HQ's conflicts handled with ``note`` (a manager only; HQ must be reachable)."""
        return dict(self._command(f"/loyalty/conflicts/{int(conflict_id)}/resolve", {"note": note}, command_id))

    def sync_stuck(self) -> list[StuckEvent]:
        """Outbox events HQ keeps refusing; empty when the server has no sync endpoint."""
        try:
            data = self._api("GET", "/sync/stuck")
        except ApiError as exc:
            if exc.status == 404:
                return []
            raise
        return [StuckEvent.from_json(item) for item in data.get("items", [])]


# ---- the back office -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    label: str  # "09" (an hour) or "2026-12-03" (a day)
    total: int
    tickets: int


@dataclass(frozen=True)
class RankedRow:
    key: str
    name: str
    quantity: int
    amount: int
    unit: str = "piece"


@dataclass(frozen=True)
class Dashboard:
    """概览 for a range of days, from ``GET /reports/dashboard``."""

    first: str
    last: str
    by: str
    series: tuple[ChartPoint, ...]
    compare: tuple[ChartPoint, ...]
    compare_first: str
    tickets: int
    total: int
    items: int
    average_ticket: int
    promotion: int
    coupons: int
    rounding: int
    cost: int
    costed: int
    margin: int
    voided_tickets: int
    voided_amount: int
    voided_lines: int
    voided_line_amount: int
    refunds: int
    refund_amount: int
    tenders: tuple[tuple[str, int], ...]
    top_items: tuple[RankedRow, ...]
    top_categories: tuple[RankedRow, ...]
    mark: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Dashboard:
        def points(key: str) -> tuple[ChartPoint, ...]:
            return tuple(ChartPoint(str(p["label"]), int(p["total"]), int(p["tickets"])) for p in data.get(key, []))

        def ranked(key: str) -> tuple[RankedRow, ...]:
            return tuple(RankedRow(str(r["key"]), str(r["name"]), int(r["quantity"]), int(r["amount"]),
                                   str(r.get("unit", "piece"))) for r in data.get(key, []))

        ints = ("tickets", "total", "items", "average_ticket", "promotion", "coupons", "rounding", "cost", "costed",
                "margin", "voided_tickets", "voided_amount", "voided_lines", "voided_line_amount", "refunds",
                "refund_amount")
        return cls(first=str(data["first"]), last=str(data["last"]), by=str(data["by"]), series=points("series"),
                   compare=points("compare"), compare_first=str(data.get("compare_first", "")),
                   tenders=tuple((str(m), int(a)) for m, a in (data.get("tenders") or {}).items()),
                   top_items=ranked("top_items"), top_categories=ranked("top_categories"),
                   mark=str(data.get("mark", "")), **{k: int(data.get(k) or 0) for k in ints})

    @property
    def items_per_ticket(self) -> float:
        return self.items / self.tickets if self.tickets else 0.0


@dataclass(frozen=True)
class JournalRow:
    sale_id: str
    completed_at: str
    till: str
    cashier: str
    cashier_name: str
    items: int
    total: int
    member_no: str | None
    tenders: tuple[str, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JournalRow:
        return cls(str(data["sale_id"]), str(data["completed_at"]), str(data["till"]), str(data["cashier"]),
                   str(data.get("cashier_name", "")), int(data["items"]), int(data["total"]), data.get("member_no"),
                   tuple(data.get("tenders") or ()))


@dataclass(frozen=True)
class JournalPage:
    rows: tuple[JournalRow, ...]
    more: bool
    offset: int


class BackOfficeClient(StoreClient):
    """The store-server calls of the back office (reports, 日结, settings). Blocking, like its base."""

    @classmethod
    def sharing(cls, client: StoreClient) -> BackOfficeClient:
        """The back office's calls over the till's own connection and login."""
        twin = cls(client.base_url, client.language, client.timeout, session=client._http)
        twin.token = client.token
        return twin

    def clone(self, read_timeout: float) -> BackOfficeClient:
        """The same login on a connection of its own, for a long poll that must not hold up the rest."""
        twin = BackOfficeClient(self.base_url, self.language, (self.timeout[0], read_timeout))
        twin.token = self.token
        return twin

    # -- 对账: the store's own days as HQ reconciled them (a manager; HQ must be reachable) ----------

    def recon_calendar(self, first: str, last: str) -> dict[str, Any]:
        return dict(self._api("GET", "/recon/calendar", params={"from": first, "to": last}))

    def recon_day(self, day: str) -> dict[str, Any]:
        return dict(self._api("GET", f"/recon/days/{quote(day, safe='')}"))

    def recon_sale(self, sale_id: str) -> dict[str, Any]:
        """HQ's drill-down of the sale with the store's payment attempts, refunds and receipt text."""
        return dict(self._api("GET", f"/recon/sales/{quote(sale_id, safe='')}"))

    def recon_resolve(self, day: str, channel: str, key: str, action: str, note: str,
                      command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/recon/days/{quote(day, safe='')}/resolve",
                                  {"channel": channel, "key": key, "action": action, "note": note}, command_id))

    def recon_close(self, day: str, command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/recon/days/{quote(day, safe='')}/close", {}, command_id))

    def dashboard(self, first: str, last: str) -> Dashboard:
        return Dashboard.from_json(self._api("GET", "/reports/dashboard", params={"from": first, "to": last}))

    def sales_changed(self, since: str, wait: float) -> str:
        """Long poll: the new mark as soon as a sale completes, else the same one after ``wait`` s."""
        return str(self._api("GET", "/reports/changes", params={"since": since, "wait": wait})["mark"])

    def journal(self, first: str, last: str, *, receipt: str = "", min_total: int | None = None,
                max_total: int | None = None, member: str = "", cashier: str = "", tender: str = "",
                limit: int = 100, offset: int = 0) -> JournalPage:
        params: dict[str, Any] = {"from": first, "to": last, "limit": limit, "offset": offset}
        for key, value in (("receipt", receipt), ("member", member), ("cashier", cashier), ("tender", tender),
                           ("min_total", min_total), ("max_total", max_total)):
            if value not in (None, ""):
                params[key] = value
        data = self._api("GET", "/reports/sales", params=params)
        return JournalPage(tuple(JournalRow.from_json(r) for r in data.get("items", [])), bool(data.get("more")),
                           int(data.get("offset", offset)))

    def sale(self, sale_id: str) -> Ticket:
        return Ticket.from_json(self._api("GET", f"/sales/{quote(sale_id, safe='')}"))

    def x_report(self, day: str | None = None) -> dict[str, Any]:
        return dict(self._api("GET", "/closing/x", params={"day": day} if day else None))

    def close_day(self, day: str, command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command("/closing/z", {"day": day}, command_id))

    def day_closes(self, first: str, last: str) -> list[dict[str, Any]]:
        return list(self._api("GET", "/closing/z", params={"from": first, "to": last}).get("items", []))

    def z_report(self, z_no: int) -> dict[str, Any]:
        return dict(self._api("GET", f"/closing/z/{int(z_no)}"))

    def report_file(self, z_no: int | None, day: str | None, fmt: str, profile: str = "80mm") -> bytes:
        """An X (``z_no`` None) or a Z as ``text``, ``escpos``, ``csv`` or ``xlsx`` bytes."""
        path = "/closing/x" if z_no is None else f"/closing/z/{int(z_no)}"
        params: dict[str, Any] = {"format": fmt, "profile": profile}
        if z_no is None and day:
            params["day"] = day
        return bytes(self.request("GET", f"{API_PREFIX}{path}", params=params, raw=True))

    def deposit(self, z_no: int, amount: int, taken_by: str, note: str = "",
                command_id: str | None = None) -> dict[str, Any]:
        body = {"amount": amount, "taken_by": taken_by, "note": note}
        return dict(self._command(f"/closing/z/{int(z_no)}/deposits", body, command_id))

    def store_settings(self) -> dict[str, Any]:
        return dict(self._api("GET", "/settings"))

    def save_settings(self, values: dict[str, Any], command_id: str | None = None) -> dict[str, Any]:
        body = {"values": values, "command_id": command_id or new_command_id()}
        return dict(self._api("PUT", "/settings", json=body))

    # -- 货位 ------------------------------------------------------------------------------

    def shelf_locations(self) -> dict[str, Any]:
        return dict(self._api("GET", "/shelf-locations"))

    def set_shelf_locations(self, locations: list[dict[str, str | None]], command_id: str | None = None) -> dict[str, Any]:
        body = {"locations": locations, "command_id": command_id or new_command_id()}
        return dict(self._api("PUT", "/shelf-locations", json=body))

    def import_shelf_locations(self, csv_text: str, command_id: str | None = None) -> dict[str, Any]:
        body = {"csv": csv_text, "command_id": command_id or new_command_id()}
        return dict(self._api("POST", "/shelf-locations/import", json=body))

    # -- 库存 and 价签 ---------------------------------------------------------------------

    def stock_list(self, query: str = "", limit: int = 50, offset: int = 0) -> dict[str, Any]:
        return dict(self._api("GET", "/stock/list", params={"q": query, "limit": limit, "offset": offset}))

    def receive_delivery(self, lines: list[tuple[str, int]], supplier: str, ref: str = "",
                         command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command("/stock/receipts", {"lines": _stock_lines(lines), "supplier": supplier, "ref": ref},
                                  command_id))

    def record_damage(self, lines: list[tuple[str, int]], reason: str, note: str = "",
                      command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command("/stock/damage", {"lines": _stock_lines(lines), "reason": reason, "note": note},
                                  command_id))

    def current_count(self) -> dict[str, Any] | None:
        count = self._api("GET", "/stock/counts/current").get("count")
        return dict(count) if count else None

    def start_count(self, note: str = "", command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command("/stock/counts", {"note": note}, command_id))

    def count_lines(self, count_id: int, lines: list[tuple[str, int]], add: bool = True,
                    command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/stock/counts/{int(count_id)}/lines", {"lines": _stock_lines(lines), "add": add},
                                  command_id))

    def count_variances(self, count_id: int) -> dict[str, Any]:
        return dict(self._api("GET", f"/stock/counts/{int(count_id)}/variances"))

    def approve_count(self, count_id: int, override: dict[str, str] | None = None,
                      command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/stock/counts/{int(count_id)}/approve", {}, command_id, override))

    def cancel_count(self, count_id: int, command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/stock/counts/{int(count_id)}/cancel", {}, command_id))

    def transfers(self, direction: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
        params = {key: value for key, value in (("direction", direction), ("status", status)) if value}
        return list(self._api("GET", "/stock/transfers", params=params or None).get("items", []))

    def transfer_out(self, to_store: str, lines: list[tuple[str, int]], note: str = "",
                     command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command("/stock/transfers", {"to_store": to_store, "lines": _stock_lines(lines),
                                                       "note": note}, command_id))

    def receive_transfer(self, transfer_no: str, lines: list[tuple[str, int]],
                         command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/stock/transfers/{quote(transfer_no, safe='')}/receive",
                                  {"lines": _stock_lines(lines)}, command_id))

    def labels_pending(self, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        return dict(self._api("GET", "/labels/pending", params={"limit": limit, "offset": offset}))

    def label_tag(self, code: str) -> dict[str, Any]:
        return dict(self._api("GET", "/labels/tag", params={"code": code}))

    def request_label(self, code: str, command_id: str | None = None) -> dict[str, Any]:
        """A product's label put on the list by hand (a torn label)."""
        return dict(self._command("/labels/requests", {"code": code}, command_id))

    def labels_printed(self, ids: list[int], template: str, width_mm: int, height_mm: int,
                       command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command("/labels/printed", {"ids": ids, "template": template, "width_mm": width_mm,
                                                      "height_mm": height_mm}, command_id))

    # -- 人员, 审计, 会员 360 ------------------------------------------------------------------------

    def operators(self) -> list[dict[str, Any]]:
        return list(self._api("GET", "/operators").get("items", []))

    def logins(self, code: str) -> list[dict[str, Any]]:
        return list(self._api("GET", f"/operators/{quote(code, safe='')}/logins").get("items", []))

    def lock_operator(self, code: str, lock: bool, command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/operators/{quote(code, safe='')}/{'lock' if lock else 'unlock'}", {}, command_id))

    def reset_pin(self, code: str, pin: str, command_id: str | None = None) -> dict[str, Any]:
        return dict(self._command(f"/operators/{quote(code, safe='')}/pin-reset", {"pin": pin}, command_id))

    @staticmethod
    def _audit_params(first: str, last: str, action: str, operator: str) -> dict[str, Any]:
        params = {"from": first, "to": last, "action": action, "operator": operator}
        return {k: v for k, v in params.items() if v}

    def audit(self, first: str = "", last: str = "", action: str = "", operator: str = "",
              limit: int = 200) -> list[dict[str, Any]]:
        params = {**self._audit_params(first, last, action, operator), "limit": limit}
        return list(self._api("GET", "/audit", params=params).get("items", []))

    def audit_verify(self) -> dict[str, Any]:
        return dict(self._api("GET", "/audit/verify"))

    def audit_csv(self, first: str = "", last: str = "", action: str = "", operator: str = "") -> bytes:
        return bytes(self.request("GET", f"{API_PREFIX}/audit/export",
                                  params=self._audit_params(first, last, action, operator), raw=True))

    def member_360(self, member_no: str) -> dict[str, Any]:
        return dict(self._api("GET", f"/members/{quote(member_no, safe='')}/360"))


def _stock_lines(lines: list[tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"code": code, "quantity": quantity} for code, quantity in lines]
