"""HQ API bodies (pydantic), kept apart from the table models."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StrictInt, field_validator

MAX_ITEMS = 1000
MAX_PRODUCTS = 5000

Text16 = Annotated[str, Field(min_length=1, max_length=16)]
Text32 = Annotated[str, Field(min_length=1, max_length=32)]
Text64 = Annotated[str, Field(min_length=1, max_length=64)]


class EnrollIn(BaseModel):
    code: Annotated[str, Field(min_length=1, max_length=64)]


class EventIn(BaseModel):
    event_id: Annotated[str, Field(min_length=1, max_length=64)]
    seq: Annotated[int, Field(ge=1, le=2**62)]
    kind: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    payload: dict[str, Any]
    created_at: Annotated[str, Field(min_length=10, max_length=40)]

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
    code: Annotated[str, Field(min_length=1, max_length=32)]
    pack_quantity: Annotated[int, Field(ge=1, le=9999)] = 1


class ProductIn(BaseModel):
    sku: Text32
    name: Annotated[str, Field(min_length=1, max_length=128)]
    spec: Annotated[str, Field(max_length=64)] = ""
    brand: Annotated[str, Field(max_length=64)] = ""
    category: Annotated[str | None, Field(max_length=64)] = None
    unit: Literal["piece", "gram"] = "piece"
    price: Annotated[int, Field(ge=0)]
    plu: Annotated[str | None, Field(max_length=8)] = None
    tax_rate: Annotated[int, Field(ge=0, le=10_000)] = 1300
    active: bool = True
    kind: Literal["goods", "gift_card"] = "goods"
    #: None keeps the SKU's current barcodes; a list replaces them
    barcodes: Annotated[list[BarcodeIn] | None, Field(max_length=64)] = None


class ProductsIn(BaseModel):
    items: Annotated[list[ProductIn], Field(min_length=1, max_length=MAX_PRODUCTS)]


class PriceIn(BaseModel):
    group: Text32
    sku: Text32
    price: Annotated[int, Field(ge=0)]


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
    active: bool = True


class OperatorsIn(BaseModel):
    items: Annotated[list[OperatorIn], Field(min_length=1, max_length=100)]



# ---- members, coupons, stored value ------------------------------------------------------------

Ref = Annotated[str, Field(min_length=1, max_length=64)]


class MemberIn(BaseModel):
    phone: Annotated[str, Field(min_length=1, max_length=20)]
    name: Annotated[str, Field(max_length=64)] = ""


class CouponTemplateIn(BaseModel):
    code: Text32
    name: Text64
    kind: Literal["cash", "percent", "threshold", "free_item"]
    value: Annotated[int, Field(ge=0, le=10**9)]
    threshold: Annotated[int, Field(ge=0, le=10**9)] = 0
    sku: Annotated[str | None, Field(max_length=32)] = None
    #: 退货退券: the coupon comes back when its whole sale is returned (while it is still valid)
    restore_on_return: bool = False


class CampaignIn(BaseModel):
    code: Text32
    name: Text64
    trigger: Literal["register", "spend"]
    batch: Annotated[int, Field(ge=1)]
    min_paid: Annotated[int, Field(ge=0, le=10**10)] = 0
    per_member: Annotated[int, Field(ge=1, le=1000)] = 1
    stores: Annotated[list[Text16], Field(max_length=10_000)] = []
    starts: datetime
    ends: datetime


class GiftCardsIn(BaseModel):
    count: Annotated[int, Field(ge=1, le=10_000)]


class GiftCardActivateIn(BaseModel):
    card: Annotated[str, Field(min_length=1, max_length=24)]
    amount: StrictInt
    ref: Ref


class PointsExpireIn(BaseModel):
    member: Annotated[str | None, Field(max_length=20)] = None


class CouponBatchIn(BaseModel):
    template: Text32
    name: Text64
    count: Annotated[int, Field(ge=1, le=100_000)]
    valid_from: datetime
    valid_to: datetime
    stores: Annotated[list[Text16], Field(max_length=10_000)] = []
    paper: bool = False
    member: Annotated[str | None, Field(max_length=20)] = None


class CouponReserveIn(BaseModel):
    code: Text32
    ref: Ref  # the store's ticket
    subtotal: Annotated[int, Field(ge=0, le=10**10)]
    member: Annotated[str | None, Field(max_length=20)] = None


class CouponCommitIn(BaseModel):
    code: Text32
    ref: Ref
    sale_id: Ref


class CouponReleaseIn(BaseModel):
    code: Text32
    ref: Ref


class WalletIn(BaseModel):
    member: Annotated[str | None, Field(max_length=20)] = None
    kind: Literal["wallet", "gift_card"] = "wallet"


class WalletMoveIn(BaseModel):
    card: Annotated[str, Field(min_length=1, max_length=24)]
    amount: StrictInt
    ref: Ref


class WalletRefundIn(BaseModel):
    card: Annotated[str, Field(min_length=1, max_length=24)]
    ref: Ref


class PromotionsIn(BaseModel):
    items: Annotated[list[dict[str, Any]], Field(min_length=1, max_length=MAX_ITEMS)]


class PointsSpendIn(BaseModel):
    member: Annotated[str, Field(min_length=1, max_length=20)]
    amount: StrictInt
    ref: Ref


class PointsRefundIn(BaseModel):
    member: Annotated[str, Field(min_length=1, max_length=20)]
    ref: Ref


class CouponStockIn(BaseModel):
    store: Text16
    count: Annotated[int, Field(ge=1, le=100_000)]


class ConflictResolveIn(BaseModel):
    """已处理: the store's manager (operator code) and what was done; the note's rule is conflicts.check_note."""

    operator: Annotated[str, Field(min_length=1, max_length=16)]
    note: Annotated[str, Field(max_length=4000)]
