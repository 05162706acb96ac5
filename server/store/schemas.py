"""API request bodies. Money and quantities are strict integers: 12.5 or "12" is refused."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

CommandId = Field(min_length=1, max_length=64)


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OverrideIn(Body):
    operator: StrictStr = Field(min_length=1, max_length=16)
    pin: StrictStr = Field(min_length=1, max_length=16)


class LoginIn(Body):
    till: StrictStr = Field(min_length=1, max_length=16)
    operator: StrictStr = Field(min_length=1, max_length=16)
    pin: StrictStr = Field(min_length=1, max_length=16)


class AuthoriseIn(LoginIn):
    action: StrictStr = Field(min_length=1, max_length=32)


class CommandIn(Body):
    command_id: StrictStr = CommandId


class ShiftOpenIn(Body):
    float: StrictInt
    command_id: StrictStr | None = Field(default=None, min_length=1, max_length=64)


class ShiftCloseIn(Body):
    counted: StrictInt
    command_id: StrictStr = CommandId


class TicketOpenIn(Body):
    command_id: StrictStr | None = Field(default=None, min_length=1, max_length=64)


class LineIn(Body):
    code: StrictStr = Field(min_length=1, max_length=64)
    quantity: StrictInt | None = None
    #: a gift-card product: the card's number (scanned from its back)
    card_no: StrictStr | None = Field(default=None, min_length=1, max_length=24)
    command_id: StrictStr = CommandId


class OverridableIn(Body):
    command_id: StrictStr = CommandId
    override: OverrideIn | None = None


class QuantityIn(OverridableIn):
    """改数量: cutting a line counts against the void limit, so it may carry an override."""

    quantity: StrictInt


class PriceIn(OverridableIn):
    price: StrictInt


class TenderIn(Body):
    method: StrictStr = Field(min_length=1, max_length=16)
    amount: StrictInt
    command_id: StrictStr = CommandId


class StockLineIn(Body):
    code: StrictStr = Field(min_length=1, max_length=64)
    quantity: StrictInt


class StockMoveIn(Body):
    reason: StrictStr = Field(min_length=1, max_length=16)  # receive | damage | count
    lines: list[StockLineIn] = Field(min_length=1, max_length=500)
    note: StrictStr = Field(default="", max_length=64)
    command_id: StrictStr = CommandId


class MemberIn(Body):
    phone: StrictStr = Field(min_length=1, max_length=20)
    name: StrictStr = Field(default="", max_length=64)


class TicketMemberIn(Body):
    member_no: StrictStr | None = Field(default=None, max_length=20)
    command_id: StrictStr = CommandId


class CouponIn(Body):
    code: StrictStr = Field(min_length=1, max_length=32)
    command_id: StrictStr = CommandId


class StoredValueIn(Body):
    card: StrictStr = Field(min_length=1, max_length=24)
    amount: StrictInt
    command_id: StrictStr = CommandId


class TopUpIn(Body):
    card: StrictStr = Field(min_length=1, max_length=24)
    amount: StrictInt
    command_id: StrictStr = CommandId


class ReturnLineIn(Body):
    line_id: StrictInt
    quantity: StrictInt


class ReturnIn(OverridableIn):
    sale_id: StrictStr = Field(min_length=1, max_length=32)
    lines: list[ReturnLineIn] = Field(min_length=1, max_length=200)
    reason: StrictStr = Field(default="", max_length=64)


class NoReceiptLineIn(Body):
    code: StrictStr = Field(min_length=1, max_length=64)
    quantity: StrictInt


class NoReceiptReturnIn(OverridableIn):
    lines: list[NoReceiptLineIn] = Field(min_length=1, max_length=200)
    reason: StrictStr = Field(default="", max_length=64)


class PointsIn(Body):
    amount: StrictInt
    command_id: StrictStr = CommandId


class ConflictResolveIn(CommandIn):
    """已处理: what the manager did about the conflict (HQ's rule decides what a note must be); a
    retry with the same command_id gets the first answer, not "handled already"."""

    note: StrictStr = Field(max_length=4000)
