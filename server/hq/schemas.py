"""HQ API bodies (pydantic), kept apart from the table models. Texts take their kind's length from
``app.domain.limits`` (the stores' limits too) and refuse control characters; numbers and flags are
strict (``false`` is not a price of 0, ``0`` is not ``false``) and within what HQ's columns hold."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr, field_validator

from app.domain import limits
from server.fields import Integer, Moment, text

MAX_ITEMS = 1000
MAX_PRODUCTS = 5000

Text16 = text(limits.STORE)
#: 等级 on a shelf label (一级, 合格品…)
Grade = text(limits.STORE, min_length=0)
Text32 = text(limits.SKU)
Text64 = text(limits.NAME)
Id = text(limits.ID)
Ref = text(limits.REF)
Card = text(limits.CARD)
MemberNo = text(limits.MEMBER_NO, min_length=0)
Text20 = text(limits.MEMBER_NO)
Phone = text(limits.PHONE)
PersonName = text(limits.NAME, min_length=0)
OptionalText64 = text(limits.NAME, min_length=0)
OptionalText32 = text(limits.SKU, min_length=0)
Barcode = text(limits.BARCODE)
ProductName = text(limits.PRODUCT_NAME)
OperatorCode = text(limits.OPERATOR)
#: what a till sends to find a member (empty: not given), a promotion's id, a feed's cursor
PhoneQuery = text(limits.PHONE, min_length=0)
MemberQuery = text(limits.MEMBER_NO, min_length=0)
CodeQuery = text(limits.CODE, min_length=0)
PromotionId = text(limits.ID)
Cursor = text(limits.SKU, min_length=0)
#: HQ's rule decides what a note must be (``app.hq.conflicts.check_note``); the schema keeps it clean
ResolutionNote = text(limits.RESOLUTION_NOTE, min_length=0, max_length=4000)
CreatedAt = text(limits.ID, min_length=10, max_length=40)


class EnrollIn(BaseModel):
    code: Id


class EventIn(BaseModel):
    """One event of a store's outbox. Its envelope is checked here (a bad one refuses the batch);
    what its payload says is HQ's to read event by event (``app.hq.ingest``)."""

    event_id: Id
    seq: Annotated[StrictInt, Field(ge=1, le=2**62)]
    kind: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    payload: dict[str, Any]
    created_at: CreatedAt

    @field_validator("created_at")
    @classmethod
    def _iso(cls, value: str) -> str:
        datetime.fromisoformat(value)
        return value


class EventBatchIn(BaseModel):
    events: list[EventIn]


class ApiKeyIn(BaseModel):
    name: Text64
    scopes: Annotated[list[str], Field(min_length=1, max_length=8)]


class StoreIn(BaseModel):
    code: Text16
    name: Text64
    group: Text32


class CategoryIn(BaseModel):
    name: Text64


class CategoriesIn(BaseModel):
    items: Annotated[list[CategoryIn], Field(min_length=1, max_length=MAX_ITEMS)]


class BarcodeIn(BaseModel):
    code: Barcode
    pack_quantity: Annotated[StrictInt, Field(ge=1, le=9999)] = 1


class ProductIn(BaseModel):
    sku: Text32
    name: ProductName
    spec: OptionalText64 = ""
    brand: OptionalText64 = ""
    category: OptionalText64 | None = None
    unit: Literal["piece", "gram"] = "piece"
    price: Annotated[StrictInt, Field(ge=0, le=limits.MAX_AMOUNT)]
    plu: Annotated[str | None, Field(max_length=8)] = None
    tax_rate: Annotated[StrictInt, Field(ge=0, le=10_000)] = 1300
    active: StrictBool = True
    kind: Literal["goods", "gift_card"] = "goods"
    #: 明码标价's 产地 and 等级 (None keeps the SKU's own)
    origin: OptionalText64 | None = None
    grade: Grade | None = None
    #: None keeps the SKU's current barcodes; a list replaces them
    barcodes: Annotated[list[BarcodeIn] | None, Field(max_length=64)] = None


class ProductsIn(BaseModel):
    items: Annotated[list[ProductIn], Field(min_length=1, max_length=MAX_PRODUCTS)]


class PriceIn(BaseModel):
    group: Text32
    sku: Text32
    price: Annotated[StrictInt, Field(ge=0, le=limits.MAX_AMOUNT)]


class PricesIn(BaseModel):
    items: Annotated[list[PriceIn], Field(min_length=1, max_length=MAX_PRODUCTS)]


class TillIn(BaseModel):
    store: Text16
    code: Text16
    name: Text64


class TillsIn(BaseModel):
    items: Annotated[list[TillIn], Field(min_length=1, max_length=MAX_ITEMS)]


class OperatorIn(BaseModel):
    code: Text16
    name: Text64
    role: Literal["cashier", "supervisor", "manager"]
    #: required for a new operator; omitted keeps the current PIN
    pin: Annotated[str | None, Field(min_length=4, max_length=8, pattern=r"^[0-9]+$")] = None
    active: StrictBool = True


class OperatorsIn(BaseModel):
    items: Annotated[list[OperatorIn], Field(min_length=1, max_length=100)]



# ---- members, coupons, stored value ------------------------------------------------------------


class MemberIn(BaseModel):
    phone: Phone
    name: PersonName = ""


class CouponTemplateIn(BaseModel):
    code: Text32
    name: Text64
    kind: Literal["cash", "percent", "threshold", "free_item"]
    value: Annotated[StrictInt, Field(ge=0, le=10**9)]
    threshold: Annotated[StrictInt, Field(ge=0, le=10**9)] = 0
    sku: OptionalText32 | None = None
    #: 退货退券: the coupon comes back when its whole sale is returned (while it is still valid)
    restore_on_return: StrictBool = False


class CampaignIn(BaseModel):
    code: Text32
    name: Text64
    trigger: Literal["register", "spend"]
    batch: Annotated[StrictInt, Field(ge=1, le=limits.INT4_MAX)]
    min_paid: Annotated[StrictInt, Field(ge=0, le=10**10)] = 0
    per_member: Annotated[StrictInt, Field(ge=1, le=1000)] = 1
    stores: Annotated[list[Text16], Field(max_length=10_000)] = []
    starts: Moment
    ends: Moment


class GiftCardsIn(BaseModel):
    count: Annotated[StrictInt, Field(ge=1, le=10_000)]


class GiftCardActivateIn(BaseModel):
    card: Card
    amount: Integer
    ref: Ref


class PointsExpireIn(BaseModel):
    member: MemberNo | None = None


class CouponBatchIn(BaseModel):
    template: Text32
    name: Text64
    count: Annotated[StrictInt, Field(ge=1, le=100_000)]
    valid_from: Moment
    valid_to: Moment
    stores: Annotated[list[Text16], Field(max_length=10_000)] = []
    paper: StrictBool = False
    member: MemberNo | None = None


class CouponReserveIn(BaseModel):
    code: Text32
    ref: Ref  # the store's ticket
    subtotal: Annotated[StrictInt, Field(ge=0, le=10**10)]
    member: MemberNo | None = None


class CouponCommitIn(BaseModel):
    code: Text32
    ref: Ref
    sale_id: Ref


class CouponReleaseIn(BaseModel):
    code: Text32
    ref: Ref


class WalletIn(BaseModel):
    member: MemberNo | None = None
    kind: Literal["wallet", "gift_card"] = "wallet"


class WalletMoveIn(BaseModel):
    card: Card
    amount: Integer
    ref: Ref


class WalletRefundIn(BaseModel):
    card: Card
    ref: Ref


class PromotionsIn(BaseModel):
    items: Annotated[list[dict[str, Any]], Field(min_length=1, max_length=MAX_ITEMS)]


class PointsSpendIn(BaseModel):
    member: Text20
    amount: Integer
    ref: Ref


class PointsRefundIn(BaseModel):
    member: Text20
    ref: Ref


class CouponStockIn(BaseModel):
    store: Text16
    count: Annotated[StrictInt, Field(ge=1, le=100_000)]


class ConflictResolveIn(BaseModel):
    """已处理: the store's manager (operator code) and what was done; the note's rule is conflicts.check_note."""

    operator: OperatorCode
    note: ResolutionNote


# ---- reconciliation and ERP vouchers (对账、凭证) -------------------------------------------------
BillKindIn = Literal["wechat", "wechat_funds", "alipay", "meituan", "eleme", "bank"]
ReconChannel = Literal["wechat", "alipay", "meituan", "eleme"]
FileName = text(limits.NAME, max_length=200)
DiffKey = text(limits.ID, max_length=200)
ReconNote = text(limits.RESOLUTION_NOTE, min_length=1, max_length=500)
#: a bill of up to 3 MB, base64 inside the JSON body (the body guard's limit is 4 MB)
BillContent = Annotated[str, Field(min_length=1, max_length=4 * 1024 * 1024, pattern=r"^[A-Za-z0-9+/=\s]+$")]


class ReconImportIn(BaseModel):
    filename: FileName
    kind: BillKindIn | None = None
    content: BillContent  # the file, base64


class ReconResolveIn(BaseModel):
    channel: ReconChannel
    key: DiffKey
    action: Literal["write_off", "adjust", "refund_owed", "chase"]
    note: ReconNote


class ReconReopenIn(BaseModel):
    note: ReconNote


class StoreReconResolveIn(ReconResolveIn):
    """A store's manager resolves a difference of the store's own day: their operator code is who."""

    operator: OperatorCode


class StoreReconCloseIn(BaseModel):
    """A store's manager closes the store's own day (every difference resolved)."""

    operator: OperatorCode


class StoreReconReopenIn(ReconReopenIn):
    operator: OperatorCode


ErpRole = text(limits.NAME)


class ErpAccountIn(BaseModel):
    role: ErpRole
    code: Annotated[StrictStr, Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z.\-]+$")]
    name: OptionalText64


class ErpAccountsIn(BaseModel):
    accounts: Annotated[list[ErpAccountIn], Field(min_length=1, max_length=100)]


class ReconSettingsIn(BaseModel):
    merchants: dict[BillKindIn, Text64] = Field(default_factory=dict)
    settlement_days: dict[ReconChannel, Annotated[StrictInt, Field(ge=0, le=60)]] = Field(default_factory=dict)

# ---- O2O orders (订单中心) ------------------------------------------------------------------------
Latitude = Annotated[float, Field(strict=True, ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(strict=True, ge=-180, le=180, allow_inf_nan=False)]
OrderNo = text(limits.REF)
OrderText = text(limits.NAME, min_length=0, max_length=200)
Quantity = Annotated[StrictInt, Field(ge=-limits.INT4_MAX, le=limits.INT4_MAX)]
StepId = text(limits.ID)
ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class OrderLineIn(BaseModel):
    """One line as sold online: by SKU or by barcode; a weighed good by its weight in grams (qty 1)."""

    sku: OptionalText32 | None = None
    barcode: Barcode | None = None
    qty: Quantity = 1
    weight_g: Quantity | None = None
    unit_price: Integer
    amount: Integer
    name: ProductName | None = None


class CustomerIn(BaseModel):
    name: PersonName
    phone: Phone


class AddressIn(BaseModel):
    text: OrderText
    lat: Latitude | None = None
    lng: Longitude | None = None


class OrderIn(BaseModel):
    """An order of the chain's own shop (小程序/H5). ``store``: the store a pickup order is for
    (a delivery order is routed unless it names one)."""

    channel_order_no: OrderNo
    fulfilment: Literal["pickup", "delivery"]
    customer: CustomerIn
    address: AddressIn | None = None
    store: Text16 | None = None
    requested_at: Moment | None = None
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=200)]
    paid: Integer
    payment_ref: OptionalText64 = ""
    delivery_fee: Integer = 0
    allow_substitute: StrictBool = False
    note: OrderText = ""


class OrderCancelIn(BaseModel):
    channel_order_no: OrderNo
    reason: OrderText = ""


class PickedLineIn(BaseModel):
    line_no: Annotated[StrictInt, Field(ge=1, le=1000)]
    picked_qty: Quantity
    weight_g: Quantity | None = None
    substitute_code: OptionalText32 | None = None
    amount: Integer


class OrderStepIn(BaseModel):
    step_id: StepId
    step: Literal["accept", "reject", "start_pick", "packed", "ready", "rider_arrived", "handed_over"]
    reason: OptionalText32 | None = None
    lines: Annotated[list[PickedLineIn], Field(max_length=200)] | None = None
    pickup_code: OptionalText32 | None = None


class OpeningHoursIn(BaseModel):
    open: ClockTime
    close: ClockTime


class StoreO2OIn(BaseModel):
    """A store's O2O settings: where it is, its hours, its switch, per channel auto-accept."""

    lat: Latitude | None = None
    lng: Longitude | None = None
    opening_hours: OpeningHoursIn | None = None
    o2o_enabled: StrictBool = True
    auto_accept: Annotated[list[Literal["own", "meituan", "eleme"]], Field(max_length=3)] = []


class ChannelIn(BaseModel):
    """A channel's rules and its platform credentials."""

    accept_seconds: Annotated[StrictInt, Field(ge=1, le=86_400)]
    allow_split: StrictBool
    safety_stock: Annotated[StrictInt, Field(ge=0, le=1_000_000)]
    commission_bp: Annotated[StrictInt, Field(ge=0, le=10_000)]
    app_key: OptionalText64 = ""
    app_secret: text(limits.NAME, min_length=0, max_length=128) = ""  # type: ignore[valid-type]
    callback_url: text(limits.NAME, min_length=0, max_length=256) = ""  # type: ignore[valid-type]


class ElemePushIn(BaseModel):
    """饿了么's push envelope (the signature covers these fields as sent)."""

    requestId: text(limits.ID)  # type: ignore[valid-type]  # noqa: N815 — the platform's names
    type: Annotated[StrictInt, Field(ge=0, le=10_000)]
    appId: text(limits.ID)  # type: ignore[valid-type]  # noqa: N815
    message: Annotated[str, Field(max_length=200_000)]
    shopId: Annotated[StrictInt, Field(ge=0, le=limits.INT8_MAX)]  # noqa: N815
    timestamp: Annotated[StrictInt, Field(ge=0, le=limits.INT8_MAX)]
    signature: text(limits.ID)  # type: ignore[valid-type]
    userId: Annotated[StrictInt, Field(ge=0, le=limits.INT8_MAX)]  # noqa: N815


class MeituanPushIn(BaseModel):
    """美团's push, form-encoded; its order fields as 美团 names them (money in yuan)."""

    app_id: text(limits.ID)  # type: ignore[valid-type]
    timestamp: text(limits.ID)  # type: ignore[valid-type]
    sig: text(limits.ID)  # type: ignore[valid-type]
    order_id: text(limits.ID)  # type: ignore[valid-type]
# ---- transfers between stores (调拨) ------------------------------------------------------------
TransferNo = text(limits.TRANSFER_NO)


class TransferLineIn(BaseModel):
    sku: Text32
    name: text(limits.PRODUCT_NAME, min_length=0) = ""  # type: ignore[valid-type]
    unit: Annotated[str, Field(pattern=r"^(piece|gram)$")] = "piece"
    quantity: Integer


class TransferIn(BaseModel):
    """A store's transfer out: its number (unique, the store's own), the receiving store, the goods."""

    transfer_no: TransferNo
    to_store: Text16
    note: text(limits.NOTE) = ""  # type: ignore[valid-type]
    lines: list[TransferLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)


class TransferCancelIn(BaseModel):
    transfer_no: TransferNo
