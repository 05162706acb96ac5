"""API request bodies. Money and quantities are strict integers: 12.5 or "12" is refused. Texts
are strict strings of their kind's length (``app.domain.limits``, HQ's limits too) without control
characters, so nothing the store accepts can stop its sync with HQ."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from app.domain import limits
from server.fields import text

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
Keyword = text(limits.KEYWORD)
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
    float: StrictInt
    command_id: CommandId | None = None


class ShiftCloseIn(Body):
    counted: StrictInt
    command_id: CommandId


class TicketOpenIn(Body):
    command_id: CommandId | None = None


class LineIn(Body):
    code: Code
    quantity: StrictInt | None = None
    #: a gift-card product: the card's number (scanned from its back)
    card_no: Card | None = None
    command_id: CommandId


class OverridableIn(Body):
    command_id: CommandId
    override: OverrideIn | None = None


class QuantityIn(OverridableIn):
    """改数量: cutting a line counts against the void limit, so it may carry an override."""

    quantity: StrictInt


class PriceIn(OverridableIn):
    price: StrictInt


class TenderIn(Body):
    method: TenderMethod
    amount: StrictInt
    command_id: CommandId


class StockLineIn(Body):
    code: Code
    quantity: StrictInt


class StockMoveIn(Body):
    reason: Keyword  # receive | damage | count
    lines: list[StockLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    note: Note = ""
    command_id: CommandId


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
    amount: StrictInt
    command_id: CommandId


class TopUpIn(Body):
    card: Card
    amount: StrictInt
    command_id: CommandId


class ReturnLineIn(Body):
    line_id: StrictInt
    quantity: StrictInt


class ReturnIn(OverridableIn):
    sale_id: SaleId
    lines: list[ReturnLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    reason: Note = ""


class NoReceiptLineIn(Body):
    code: Code
    quantity: StrictInt


class NoReceiptReturnIn(OverridableIn):
    lines: list[NoReceiptLineIn] = Field(min_length=1, max_length=limits.MAX_LINES)
    reason: Note = ""


class PointsIn(Body):
    amount: StrictInt
    command_id: CommandId


class ConflictResolveIn(CommandIn):
    """已处理: what the manager did about the conflict (HQ's rule decides what a note must be); a
    retry with the same command_id gets the first answer, not "handled already"."""

    note: ResolutionNote
