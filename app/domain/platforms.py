"""The delivery platforms' protocols as far as HQ and the platform simulator share them: their
signatures, their order statuses mapped to ours and back, the names of their calls, money in yuan.

美团外卖 (waimai open API): each request carries ``app_id``, ``timestamp`` (Unix seconds) and
``sig = md5(<URL called> + "?" + <the other parameters sorted by name as k=v joined by &> +
<app secret>)`` in lower-case hex; pushes come form-encoded, money as yuan decimals.

饿了么 (eleme open platform): a push is a JSON body ``{requestId, type, appId, message, shopId,
timestamp, signature, userId}`` with ``message`` the JSON of the order (or of the cancel) and
``signature = MD5(<the other fields sorted by name as k=v, concatenated> + <secret>)`` in upper
case; a call HQ makes is ``{nop, id, action, token, metas: {app_key, timestamp}, params,
signature}`` with ``signature = MD5(action + token + <metas and params sorted by name as
k=<JSON of v>, concatenated> + secret)`` in upper case. Push types used: 10 order placed, 14 order
cancelled before acceptance, 20 the customer asks to cancel (after acceptance).

Each morning HQ downloads the day before's settlement bill (结算账单) with a signed call of the same
kind: 美团 ``bill/download`` (form field ``bill_date``, YYYY-MM-DD; answer ``{"data": {"bill_date",
"shop_id", "content"}}`` or ``{"data": "ng", "error": {code, msg}}``), 饿了么
``eleme.finance.downloadBill`` (params ``{"billDate"}``; result ``{"billDate", "shopId",
"content"}``). **Assumed**: neither call nor its answer could be checked in the sources at hand —
the research notes say nothing of the platforms' bill APIs; third-party SDKs show 饿了么's finance
calls live under ``eleme.finance.*`` (``queryBranchBills``, ``queryBranchOrders``, answers in JSON).
``content`` is the bill as CSV (the platform simulator's layout, docs/o2o.md).

Sources: the research notes (``payments-o2o-recon.md`` §3.4): 美团 statuses, cancel reasons, the
old waimai ``sig`` scheme; 饿了么 states, the 15-minute cancel window, push + pull
(``eleme.order.getUnprocessOrders``). The 饿了么 signature layout above and the names of the
platforms' ready / partial-refund calls and the delivery push's state names could not be confirmed in the sources at hand (marked
"unverified" in docs/o2o.md): both sides here implement them the same way, and an adapter change
is one function each.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

MEITUAN = "meituan"
ELEME = "eleme"
PLATFORMS = (MEITUAN, ELEME)
#: a push whose timestamp is further than this from HQ's clock is refused (a replay)
FRESHNESS_SECONDS = 600


# ---- money ------------------------------------------------------------------------------------
def yuan_to_fen(value: Any) -> int:
    """'12.5' / 12.5 / 12 yuan → 1250 fen (half up); anything else raises ValueError."""
    if isinstance(value, bool):
        raise ValueError("not an amount")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not an amount: {value!r}") from None
    if not amount.is_finite():
        raise ValueError("not an amount")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fen_to_yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


# ---- 美团 -----------------------------------------------------------------------------------------
def meituan_sig(url: str, params: Mapping[str, str], secret: str) -> str:
    text = "&".join(f"{k}={params[k]}" for k in sorted(params) if k != "sig")
    return hashlib.md5(f"{url}?{text}{secret}".encode()).hexdigest()


def meituan_verify(url: str, params: Mapping[str, str], secret: str) -> bool:
    given = params.get("sig", "")
    return bool(secret) and hmac.compare_digest(given.lower(), meituan_sig(url, params, secret))


#: 美团's order status (research §3.4) for each of ours
MEITUAN_STATUS = {"pending": 2, "assigned": 2, "accepted": 4, "picking": 4, "packed": 4, "ready": 4,
                  "handed_over": 8, "cancelled": 9, "rejected": 9, "split": 4}
#: 美团's status → ours, for what a push or a pull says of an order (2: to be confirmed)
MEITUAN_STATE = {1: "pending", 2: "pending", 4: "accepted", 6: "handed_over", 8: "handed_over", 9: "cancelled"}


def platform_status(platform: str, state: str) -> str:
    """Our state as the platform names it."""
    return str(MEITUAN_STATUS.get(state, 2)) if platform == MEITUAN else ELEME_STATUS.get(state, "unprocessed")


#: our callback → 美团's call (path under its API)
MEITUAN_CALLS = {"confirm": "order/confirm", "ready": "order/preparationMealComplete",
                 "picked_up": "order/arrived", "cancel": "order/cancel", "cancel_agree": "order/refund/agree",
                 "cancel_reject": "order/refund/reject", "partial_refund": "order/applyPartRefund",
                 "unprocessed": "order/getUnprocessedOrders"}
#: 美团's settlement-bill download (assumed, see above), and its error codes meaning "no bill to
#: fetch (yet)": the day is not over, nothing was ordered that day (assumed too)
MEITUAN_BILL = "bill/download"
MEITUAN_NO_BILL = {808: "bill_not_ready", 809: "bill_not_exist"}
#: 美团's logistics status (research §3.4) → the rider's status the store sees
MEITUAN_RIDER = {0: "dispatching", 5: "assigned", 10: "accepted", 15: "arrived", 20: "picked_up", 40: "delivered",
                 100: "cancelled"}
#: 美团's merchant cancel reason codes (research §3.4)
MEITUAN_CANCEL = {"sold_out": 2009, "closed": 2011, "too_busy": 2008}


# ---- 饿了么 ---------------------------------------------------------------------------------------
def eleme_push_signature(fields: Mapping[str, Any], secret: str) -> str:
    text = "".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "signature")
    return hashlib.md5(f"{text}{secret}".encode()).hexdigest().upper()


def eleme_push_verify(fields: Mapping[str, Any], secret: str) -> bool:
    given = str(fields.get("signature", ""))
    return bool(secret) and hmac.compare_digest(given.upper(), eleme_push_signature(fields, secret))


def eleme_call_signature(action: str, token: str, metas: Mapping[str, Any], params: Mapping[str, Any],
                         secret: str) -> str:
    merged = {**metas, **params}
    text = "".join(f"{k}={json.dumps(merged[k], ensure_ascii=False, separators=(',', ':'))}" for k in sorted(merged))
    return hashlib.md5(f"{action}{token}{text}{secret}".encode()).hexdigest().upper()


def eleme_call_verify(body: Mapping[str, Any], secret: str) -> bool:
    try:
        expected = eleme_call_signature(str(body["action"]), str(body.get("token", "")), body["metas"],
                                        body["params"], secret)
    except (KeyError, TypeError, AttributeError):
        return False
    return bool(secret) and hmac.compare_digest(str(body.get("signature", "")).upper(), expected)


ELEME_PLACED, ELEME_CANCELLED, ELEME_CANCEL_ASKED, ELEME_DELIVERY = 10, 14, 20, 60
#: 饿了么's delivery state (push type 60, unverified names) → the rider's status the store sees
ELEME_RIDER = {"tobeAssignedCourier": "dispatching", "tobeFetched": "accepted", "arrived": "arrived",
               "delivering": "picked_up", "completed": "delivered", "cancelled": "cancelled"}
#: 饿了么's order status (research §3.4) for each of ours
ELEME_STATUS = {"pending": "unprocessed", "assigned": "unprocessed", "accepted": "valid", "picking": "valid",
                "packed": "valid", "ready": "valid", "handed_over": "settled", "cancelled": "invalid",
                "rejected": "invalid", "split": "valid"}
#: 饿了么's status → ours
ELEME_STATE = {"pending": "pending", "unprocessed": "pending", "valid": "accepted", "settled": "handed_over",
               "invalid": "cancelled", "refunding": "accepted"}
ELEME_CALLS = {"confirm": "eleme.order.confirmOrderLite", "ready": "eleme.order.mealComplete",
               "picked_up": "eleme.order.receivedOrderLite", "cancel": "eleme.order.cancelOrderLite",
               "cancel_agree": "eleme.order.agreeRefundLite", "cancel_reject": "eleme.order.disagreeRefundLite",
               "partial_refund": "eleme.order.applyPartRefund", "unprocessed": "eleme.order.getUnprocessOrders"}
#: 饿了么's settlement-bill download (assumed, see above) and its "no bill (yet)" error codes
ELEME_BILL = "eleme.finance.downloadBill"
ELEME_NO_BILL = ("BILL_NOT_READY", "BILL_NOT_EXIST")
