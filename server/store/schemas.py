"""API request bodies. Money and quantities are strict integers within a 64-bit column: 12.5, "12"
or 2**64 is refused (the use cases hold them to their own, narrower limits). Texts are strict
strings of their kind's length (``app.domain.limits``, HQ's limits too) without control characters,
so nothing the store accepts can stop its sync with HQ."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

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
    amount: Integer
    command_id: CommandId


class TopUpIn(Body):
    card: Card
    amount: Integer
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


class PaycodeIn(Body):
    """付款码: the scanned code and the amount to charge (None: what is due, exact fen)."""

    code: PaymentCodeText
    amount: Integer | None = None
    command_id: CommandId
