"""API request bodies. Money and quantities are strict integers within a 64-bit column: 12.5, "12"
or 2**64 is refused (the use cases hold them to their own, narrower limits). Texts are strict
strings of their kind's length (``app.domain.limits``, HQ's limits too) without control characters,
so nothing the store accepts can stop its sync with HQ."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from app.domain import limits
from server.fields import Integer, text

CommandId = text(limits.ID)
TillCode = text(limits.TILL)
OperatorCode = text(limits.OPERATOR)
Pin = text(limits.PIN)
Code = text(limits.CODE)
Card = text(limits.CARD)
Note = text(limits.NOTE)
TenderMethod = text(limits.TENDER_METHOD)
Phone = text(limits.PHONE)
PersonName = text(limits.NAME, min_length=0)
MemberNo = text(limits.MEMBER_NO, min_length=0)
CouponCode = text(limits.COUPON)
SaleId = text(limits.SALE_ID)
#: a scanned payment code (付款码) as the scanner sent it: the use case says whose it is, or refuses it
PaymentCodeText = text(limits.CODE)
#: our refund number to a payment code (out_refund_no)
RefundNo = text(limits.REF)
Keyword = text(limits.KEYWORD)
#: what a till may type to find something: a search, a member's phone or card, a code (empty: not given)
SearchText = text(limits.CODE, min_length=0)
MemberPhone = text(limits.PHONE, min_length=0)
ReturnNo = text(limits.SALE_ID)
#: a printed document's format (text, escpos, png) or printer profile (80mm, 58mm…)
PrintOption = text(limits.KEYWORD)
#: HQ's rule decides what a note must be (``resolution_note_invalid``); the door only keeps it clean
ResolutionNote = text(limits.RESOLUTION_NOTE, min_length=0, max_length=4000)


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OverrideIn(Body):
    operator: OperatorCode
    pin: Pin


class LoginIn(Body):
    till: TillCode
    operator: OperatorCode
    pin: Pin


class AuthoriseIn(LoginIn):
    action: Keyword


class CommandIn(Body):
    command_id: CommandId


class ShiftOpenIn(Body):
    float: Integer
    command_id: CommandId | None = None


class ShiftCloseIn(Body):
    counted: Integer
    command_id: CommandId


class TicketOpenIn(Body):
    command_id: CommandId | None = None


class LineIn(Body):
    code: Code
    quantity: Integer | None = None
    #: a gift-card product: the card's number (scanned from its back)
    card_no: Card | None = None
    command_id: CommandId


class OverridableIn(Body):
    command_id: CommandId
    override: OverrideIn | None = None


class QuantityIn(OverridableIn):
    """改数量: cutting a line counts against the void limit, so it may carry an override."""

    quantity: Integer


class PriceIn(OverridableIn):
    price: Integer


class TenderIn(Body):
    method: TenderMethod
    amount: Integer
    command_id: CommandId


class StockLineIn(Body):
    code: Code
    quantity: Integer


class StockMoveIn(OverridableIn):
    """收货 / 报损 / 盘点 in one step; a count sets levels, so it needs a manager (or their 授权)
    as the 盘点 sheet's approval does."""

    reason: Keyword  # receive | damage | count
    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    note: Note = ""


class MemberIn(Body):
    phone: Phone
    name: PersonName = ""


class TicketMemberIn(Body):
    member_no: MemberNo | None = None
    command_id: CommandId


class CouponIn(Body):
    code: CouponCode
    command_id: CommandId


class StoredValueIn(Body):
    card: Card
    amount: Integer
    command_id: CommandId


class TopUpIn(Body):
    card: Card
    amount: Integer
    command_id: CommandId


class TopUpPaycodeIn(Body):
    """充值 paid by payment code: the card, the amount, the customer's scanned code."""

    card: Card
    amount: Integer
    code: PaymentCodeText
    command_id: CommandId


class ReturnLineIn(Body):
    line_id: Integer
    quantity: Integer


class ReturnIn(OverridableIn):
    sale_id: SaleId
    lines: list[ReturnLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    reason: Note = ""


class NoReceiptLineIn(Body):
    code: Code
    quantity: Integer


class NoReceiptReturnIn(OverridableIn):
    lines: list[NoReceiptLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    reason: Note = ""


class PointsIn(Body):
    amount: Integer
    command_id: CommandId


class ConflictResolveIn(CommandIn):
    """已处理: what the manager did about the conflict (HQ's rule decides what a note must be); a
    retry with the same command_id gets the first answer, not "handled already"."""

    note: ResolutionNote


class ReconResolveIn(CommandIn):
    """处理差异: the difference (its channel and key as HQ gave them), the reason and a note."""

    channel: Literal["wechat", "alipay", "meituan", "eleme"]
    key: text(limits.ID, max_length=200)  # type: ignore[valid-type]
    action: Literal["write_off", "adjust", "refund_owed", "chase"]
    note: text(limits.RESOLUTION_NOTE, min_length=1, max_length=500)  # type: ignore[valid-type]


class PaycodeIn(Body):
    """付款码: the scanned code and the amount to charge (None: what is due, exact fen)."""

    code: PaymentCodeText
    amount: Integer | None = None
    command_id: CommandId


# ---- 线上订单 (O2O) -------------------------------------------------------------------------------

#: an order step's or state's name, a reject reason
O2OWord = text(limits.KEYWORD)
#: 自提码 as the customer shows or says it
PickupCode = text(limits.CODE)


class O2ORejectIn(Body):
    reason: O2OWord
    command_id: CommandId


class O2OScanIn(Body):
    """A code scanned against the pick list; a weighed line takes ``weight_g`` from the scale
    (unless the code carries the weight)."""

    code: Code
    weight_g: Integer | None = None
    command_id: CommandId


class O2OShortIn(Body):
    """缺货: how many of the line go out (fewer than ordered; 0: none)."""

    picked_qty: Integer
    command_id: CommandId


class O2OSubstituteIn(Body):
    code: Code
    command_id: CommandId


class O2OHandoverIn(Body):
    """交付: a pickup order needs the customer's 自提码; a delivery goes to the rider."""

    pickup_code: PickupCode | None = None
    command_id: CommandId
# ---- 库存 and 价签 at the back office ------------------------------------------------------------
StoreCode = text(limits.STORE)
Supplier = text(limits.NAME)
DeliveryRef = text(limits.REF, min_length=0)
TransferNo = text(limits.TRANSFER_NO)


class StockReceiptIn(Body):
    """收货 of a supplier's delivery: its lines as scanned, the supplier and the delivery note's number."""

    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    supplier: Supplier
    ref: DeliveryRef = ""
    command_id: CommandId


class StockDamageIn(Body):
    """报损: reason is expired | broken | spoiled | lost | other (other needs a note)."""

    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    reason: Keyword
    note: Note = ""
    command_id: CommandId


class StockCountStartIn(Body):
    note: Note = ""
    command_id: CommandId


class StockCountLinesIn(Body):
    """Counted quantities; ``add`` False sets a product's count instead of adding to it (a recount)."""

    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    add: bool = True
    command_id: CommandId


class TransferOutIn(Body):
    to_store: StoreCode
    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    note: Note = ""
    command_id: CommandId


class TransferReceiveIn(Body):
    """The goods of an incoming transfer as scanned (a quantity of 0: that product did not come)."""

    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    command_id: CommandId


class LabelsPrintedIn(Body):
    """Labels printed on the till's label stock (mm), by the template they printed with."""

    ids: list[Annotated[int, Field(ge=1, le=limits.INT8_MAX)]] = Field(min_length=1, max_length=limits.MAX_LINES)
    template: Keyword
    width_mm: Integer
    height_mm: Integer
    command_id: CommandId


class LabelRequestIn(Body):
    code: Code
    command_id: CommandId


# ---- 货位 ----------------------------------------------------------------------------------------

#: a shelf location as typed (``app.shelves`` checks its form); empty: clear it
ShelfLocation = text(limits.KEYWORD, min_length=0)


class ShelfLocationIn(Body):
    """A product (its SKU or a barcode) and its location; null or empty clears it."""

    code: Code
    location: ShelfLocation | None


class ShelfLocationsIn(Body):
    locations: Annotated[list[ShelfLocationIn], Field(min_length=1, max_length=1000)]
    command_id: CommandId


class ShelfCsvIn(Body):
    """A CSV file's text: ``SKU,location`` lines (line breaks allowed; other control characters are
    refused by the import, naming the line)."""

    csv: Annotated[StrictStr, Field(min_length=1, max_length=64 * 1024)]
    command_id: CommandId
