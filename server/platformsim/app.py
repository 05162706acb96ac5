"""美团外卖 and 饿了么 simulators: each speaks its platform's protocol to HQ (``app.domain.platforms``)
— it signs the orders, cancels and cancel requests it pushes, verifies the signature of every call
HQ makes back (confirm, ready, picked up, cancel, cancel agree/reject, partial refund, the pull of
unprocessed orders), drives an order's life the way a platform does (the same order pushed again;
the customer cancelling mid-pick), and writes its settlement bill for a day as CSV — served to HQ's
morning job through a signed download call of each platform's API (美团 ``bill/download``, 饿了么
``eleme.finance.downloadBill``; the call names and answer shapes are assumed, see
``app.domain.platforms``) and to tests through ``/sim/bill``.

Its own control routes (``/sim/…``) are for tests and the demo: place an order, push it again,
cancel it as the customer, make the next callbacks fail, read what HQ called, read the bill.
State is kept in memory."""

from __future__ import annotations

import argparse
import csv
import io
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl

import requests
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from app.domain import platforms as p

DEFAULT_PORT = 8791
BEIJING = timezone(timedelta(hours=8))


@dataclass
class SimConfig:
    hq: str  # HQ's base URL, e.g. http://127.0.0.1:8700
    meituan_app_id: str = "mt-app"
    meituan_secret: str = "mt-secret"
    eleme_app_key: str = "elm-app"
    eleme_secret: str = "elm-secret"
    commission_bp: int = 1800
    #: the merchant (shop) id each platform knows this chain by: every row of its bill carries it
    meituan_shop_id: str = "MT1001"
    eleme_shop_id: str = "ELM2001"


@dataclass
class SimOrder:
    platform: str
    order_no: str
    store: str
    lines: list[dict[str, Any]]
    pickup: bool
    lat: float
    lng: float
    address: str
    customer: str
    phone: str
    delivery_fee: int
    platform_subsidy: int
    merchant_subsidy: int
    created: datetime
    status: str = "placed"  # placed | confirmed | ready | completed | cancelled
    refunded: int = 0
    calls: list[str] = field(default_factory=list)
    pushes: list[int] = field(default_factory=list)

    @property
    def amount(self) -> int:
        return sum(int(line["amount"]) for line in self.lines)

    @property
    def paid(self) -> int:
        return self.amount + self.delivery_fee - self.platform_subsidy - self.merchant_subsidy


class Platforms:
    """Both simulated platforms' state."""

    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.orders: dict[str, SimOrder] = {}
        self.calls: list[dict[str, Any]] = []
        self.fail_next = 0
        self.garbled: set[str] = set()  # platforms whose next bill download has one unreadable amount
        self.lock = threading.Lock()

    # ---- what the platform pushes to HQ -----------------------------------------------------
    def meituan_form(self, order: SimOrder) -> dict[str, str]:
        detail = [{"app_food_code": line["sku"], "food_name": line.get("name", line["sku"]),
                   "quantity": line["qty"], "price": p.fen_to_yuan(line["unit_price"]),
                   **({"weight": line["weight_g"]} if line.get("weight_g") else {})} for line in order.lines]
        return {"order_id": order.order_no, "app_poi_code": order.store, "detail": json.dumps(detail, ensure_ascii=False),
                "recipient_name": order.customer, "recipient_phone": order.phone,
                "recipient_address": order.address, "latitude": f"{order.lat:.6f}", "longitude": f"{order.lng:.6f}",
                "total": p.fen_to_yuan(order.paid), "shipping_fee": p.fen_to_yuan(order.delivery_fee),
                "delivery_time": "0", "caution": "", "status": "2", "pick_type": "1" if order.pickup else "0"}

    def eleme_message(self, order: SimOrder) -> dict[str, Any]:
        items = [{"extendCode": line["sku"], "name": line.get("name", line["sku"]), "quantity": line["qty"],
                  "price": p.fen_to_yuan(line["unit_price"]), "total": p.fen_to_yuan(line["amount"]),
                  **({"weight": line["weight_g"]} if line.get("weight_g") else {})} for line in order.lines]
        return {"id": order.order_no, "openId": order.store, "consignee": order.customer, "phoneList": [order.phone],
                "deliveryPoiAddress": order.address, "deliveryGeo": f"{order.lng:.6f},{order.lat:.6f}",
                "totalPrice": p.fen_to_yuan(order.paid), "deliverFee": p.fen_to_yuan(order.delivery_fee),
                "deliverTime": None, "description": "", "pickUp": order.pickup, "groups": [{"items": items}]}

    def push_meituan(self, path: str, params: dict[str, str], tamper: bool = False) -> int:
        url = f"{self.config.hq.rstrip('/')}/api/v1/platforms/meituan/{path}"
        params = {**params, "app_id": self.config.meituan_app_id, "timestamp": str(int(time.time()))}
        params["sig"] = p.meituan_sig(url, params, self.config.meituan_secret + ("x" if tamper else ""))
        return requests.post(url, data=params, timeout=30).status_code

    def push_eleme(self, kind: int, message: dict[str, Any], tamper: bool = False) -> int:
        fields: dict[str, Any] = {"requestId": uuid.uuid4().hex, "type": kind, "appId": self.config.eleme_app_key,
                                  "message": json.dumps(message, ensure_ascii=False, separators=(",", ":")),
                                  "shopId": 1, "timestamp": int(time.time()), "userId": 1}
        fields["signature"] = p.eleme_push_signature(fields, self.config.eleme_secret + ("x" if tamper else ""))
        return requests.post(f"{self.config.hq.rstrip('/')}/api/v1/platforms/eleme/push", json=fields,
                             timeout=30).status_code

    def push(self, order: SimOrder, tamper: bool = False) -> int:
        if order.platform == p.MEITUAN:
            status = self.push_meituan("orders", self.meituan_form(order), tamper)
        else:
            status = self.push_eleme(p.ELEME_PLACED, self.eleme_message(order), tamper)
        order.pushes.append(status)
        return status

    def customer_cancel(self, order: SimOrder, reason: str = "用户取消") -> int:
        """The customer cancels: before the store confirmed, a cancel; after, a cancel request."""
        asked = order.status != "placed"
        if order.platform == p.MEITUAN:
            if asked:
                return self.push_meituan("refund", {"order_id": order.order_no, "notify_type": "apply",
                                                    "reason": reason})
            order.status = "cancelled"
            return self.push_meituan("cancel", {"order_id": order.order_no, "reason_code": "1101", "reason": reason})
        if asked:
            return self.push_eleme(p.ELEME_CANCEL_ASKED, {"orderId": order.order_no, "reason": reason})
        order.status = "cancelled"
        return self.push_eleme(p.ELEME_CANCELLED, {"orderId": order.order_no, "reason": reason})

    # ---- what HQ calls back -----------------------------------------------------------------
    def called(self, platform: str, action: str, number: str, params: dict[str, Any], valid: bool) -> Any:
        with self.lock:
            self.calls.append({"platform": platform, "action": action, "order_no": number, "valid": valid,
                               "params": params, "at": time.time()})
            if not valid:
                return None
            if self.fail_next > 0:
                self.fail_next -= 1
                raise RuntimeError("simulated platform outage")
            if action == "unprocessed":
                return [self.meituan_form(o) if platform == p.MEITUAN else self.eleme_message(o)
                        for o in self.orders.values() if o.platform == platform and o.status == "placed"]
            order = self.orders.get(number)
            if order is None:
                return None
            order.calls.append(action)
            if action == "confirm" and order.status == "placed":
                order.status = "confirmed"
            elif action == "ready" and order.status == "confirmed":
                order.status = "ready"
            elif action == "picked_up":
                order.status = "completed"
            elif action in ("cancel", "cancel_agree"):
                order.status = "cancelled"
            elif action == "partial_refund":
                order.refunded += int(params.get("amount", 0))
            return None

    # ---- the settlement bill ----------------------------------------------------------------
    def shop_id(self, platform: str) -> str:
        return self.config.meituan_shop_id if platform == p.MEITUAN else self.config.eleme_shop_id

    def billed(self, platform: str, day: date) -> list[SimOrder]:
        return [order for order in sorted(self.orders.values(), key=lambda o: o.created)
                if order.platform == platform and order.created.astimezone(BEIJING).date() == day]

    def bill(self, platform: str, day: date) -> str:
        """The platform's settlement bill for ``day`` (Beijing time) as CSV (docs/o2o.md)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["bill_date", "platform", "order_no", "store", "status", "order_amount", "delivery_fee",
                         "platform_subsidy", "merchant_subsidy", "customer_paid", "commission", "refund", "payout",
                         "shop_id"])
        for order in self.billed(platform, day):
            if order.status == "cancelled":
                row = [0] * 8  # every amount, the payout too
                status = "cancelled"
            else:
                commission = (order.amount - order.merchant_subsidy - order.refunded) * self.config.commission_bp // 10_000
                payout = order.amount - order.merchant_subsidy - order.refunded - commission
                row = [order.amount, order.delivery_fee, order.platform_subsidy, order.merchant_subsidy, order.paid,
                       commission, order.refunded]
                row.append(payout)
                status = order.status
            writer.writerow([day.isoformat(), platform, order.order_no, order.store, status,
                             *(p.fen_to_yuan(v) for v in row), self.shop_id(platform)])
        return out.getvalue()

    def settlement(self, platform: str, day: str) -> tuple[dict[str, Any] | None, str]:
        """What the bill download call answers: the bill, or why there is none ("" when there is)."""
        try:
            wanted = date.fromisoformat(day)
        except ValueError:
            return None, "invalid_date"
        if wanted > datetime.now(BEIJING).date():
            return None, "bill_not_ready"  # a day to come has no bill (today's is served as it stands)
        if not self.billed(platform, wanted):
            return None, "bill_not_exist"  # nothing was ordered that day
        content = self.bill(platform, wanted)
        if platform in self.garbled:  # a platform's export gone wrong: the first order's payout unreadable
            self.garbled.discard(platform)
            header, first, *rest = content.split("\r\n")
            fields = first.split(",")
            fields[12] = "1O.00"
            content = "\r\n".join([header, ",".join(fields), *rest])
        return {"bill_date": wanted.isoformat(), "shop_id": self.shop_id(platform), "content": content}, ""


def create_platformsim_app(config: SimConfig) -> FastAPI:
    sim = Platforms(config)
    app = FastAPI(title="OmniStore platform simulator (美团外卖, 饿了么)")
    app.state.sim = sim

    # ---- the platforms' APIs HQ calls ------------------------------------------------------
    @app.post("/meituan/api/v1/{path:path}")
    async def meituan_api(path: str, request: Request) -> Response:
        params = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        url = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}{request.url.path}"
        valid = params.get("app_id") == config.meituan_app_id and p.meituan_verify(url, params, config.meituan_secret)
        action = next((a for a, call in p.MEITUAN_CALLS.items() if call == path), path)
        extra = {k: _json(v) for k, v in params.items() if k not in ("app_id", "timestamp", "sig", "order_id")}
        try:
            result = sim.called(p.MEITUAN, action, params.get("order_id", ""), extra, valid)
        except RuntimeError as outage:
            return JSONResponse({"data": "ng", "error": {"code": 700, "msg": str(outage)}}, status_code=503)
        if not valid:
            return JSONResponse({"data": "ng", "error": {"code": 703, "msg": "签名错误"}}, status_code=400)
        if path == p.MEITUAN_BILL:
            bill, why = sim.settlement(p.MEITUAN, params.get("bill_date", ""))
            if bill is None:
                code = next((c for c, reason in p.MEITUAN_NO_BILL.items() if reason == why), 801)
                return JSONResponse({"data": "ng", "error": {"code": code, "msg": why}})
            return JSONResponse({"data": bill})
        return JSONResponse({"data": "ok", **({"result": result} if result is not None else {})})

    @app.post("/eleme/api/v1")
    async def eleme_api(request: Request) -> Response:
        body = json.loads(await request.body() or b"{}")
        valid = (body.get("metas", {}).get("app_key") == config.eleme_app_key
                 and p.eleme_call_verify(body, config.eleme_secret))
        action = next((a for a, call in p.ELEME_CALLS.items() if call == body.get("action")), str(body.get("action")))
        params = dict(body.get("params") or {})
        try:
            result = sim.called(p.ELEME, action, str(params.pop("orderId", "")), params, valid)
        except RuntimeError as outage:
            return JSONResponse({"id": body.get("id"), "result": None,
                                 "error": {"code": "SERVER_ERROR", "message": str(outage)}}, status_code=503)
        if not valid:
            return JSONResponse({"id": body.get("id"), "result": None,
                                 "error": {"code": "VALIDATION_FAILED", "message": "signature"}}, status_code=400)
        if body.get("action") == p.ELEME_BILL:
            bill, why = sim.settlement(p.ELEME, str(params.get("billDate", "")))
            if bill is None:
                return JSONResponse({"id": body.get("id"), "result": None,
                                     "error": {"code": why.upper(), "message": why}})
            return JSONResponse({"id": body.get("id"), "result": {"billDate": bill["bill_date"],
                                                                  "shopId": bill["shop_id"],
                                                                  "content": bill["content"]}, "error": None})
        return JSONResponse({"id": body.get("id"), "result": result, "error": None})

    # ---- control, for tests and the demo ---------------------------------------------------
    @app.post("/sim/orders")
    async def place(request: Request) -> Response:
        spec = await request.json()
        order = new_order(spec)
        sim.orders[order.order_no] = order
        status = sim.push(order, tamper=bool(spec.get("tamper"))) if spec.get("push", True) else None
        return JSONResponse({"order_no": order.order_no, "push_status": status, "paid": order.paid})

    @app.post("/sim/orders/{number}/push")
    def push_again(number: str) -> Response:
        return JSONResponse({"push_status": sim.push(sim.orders[number])})

    @app.post("/sim/orders/{number}/cancel")
    def cancel(number: str) -> Response:
        return JSONResponse({"push_status": sim.customer_cancel(sim.orders[number])})

    @app.post("/sim/orders/{number}/rider")
    async def rider(number: str, request: Request) -> Response:
        """The rider's progress pushed: ``{"status": "arrived", "name", "phone"}`` (美团's codes and
        饿了么's states are looked up from it)."""
        spec = await request.json()
        order = sim.orders[number]
        status, name, phone = spec.get("status", "accepted"), spec.get("name", "骑手小刘"), spec.get("phone", "13700001234")
        if order.platform == p.MEITUAN:
            code = next(c for c, s in p.MEITUAN_RIDER.items() if s == status)
            return JSONResponse({"push_status": sim.push_meituan("logistics", {
                "order_id": number, "logistics_status": str(code), "dispatcher_name": name,
                "dispatcher_mobile": phone})})
        state = next(s for s, ours in p.ELEME_RIDER.items() if ours == status)
        return JSONResponse({"push_status": sim.push_eleme(p.ELEME_DELIVERY, {
            "orderId": number, "state": state, "name": name, "phone": phone})})

    @app.get("/sim/orders/{number}")
    def show(number: str) -> Response:
        order = sim.orders[number]
        return JSONResponse({"order_no": number, "status": order.status, "calls": order.calls,
                             "refunded": order.refunded, "pushes": order.pushes, "paid": order.paid})

    @app.get("/sim/calls")
    def calls() -> Response:
        return JSONResponse({"calls": sim.calls})

    @app.post("/sim/garble")
    async def garble(request: Request) -> Response:
        """The next bill download of ``platform`` carries one unreadable amount (``1O.00``)."""
        sim.garbled.add(str((await request.json()).get("platform", p.MEITUAN)))
        return JSONResponse({"garbled": sorted(sim.garbled)})

    @app.post("/sim/fail")
    async def fail(request: Request) -> Response:
        sim.fail_next = int((await request.json()).get("count", 0))
        return JSONResponse({"fail_next": sim.fail_next})

    @app.post("/sim/life")
    async def life(request: Request) -> Response:
        """A whole order life in the background: placed and pushed, pushed again a moment later
        (platforms do), and — when ``cancel_mid_pick`` — cancelled by the customer soon after the
        store confirmed."""
        spec = await request.json()
        order = new_order(spec)
        sim.orders[order.order_no] = order
        threading.Thread(target=drive, args=(sim, order, bool(spec.get("cancel_mid_pick")),
                                             float(spec.get("cancel_after", 1.0))), daemon=True).start()
        return JSONResponse({"order_no": order.order_no, "paid": order.paid})

    @app.get("/sim/bill")
    def bill(platform: str, day: str) -> Response:
        return Response(sim.bill(platform, date.fromisoformat(day)), media_type="text/csv; charset=utf-8")

    @app.get("/healthz")
    def healthz() -> Response:
        return JSONResponse({"status": "ok"})

    return app


def _json(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def new_order(spec: dict[str, Any]) -> SimOrder:
    platform = spec.get("platform", p.MEITUAN)
    lines = []
    for line in spec["lines"]:
        qty = int(line.get("qty", 1))
        unit_price = int(line.get("unit_price", 1000))
        weight = line.get("weight_g")
        amount = int(line.get("amount", unit_price * weight // 1000 if weight else unit_price * qty))
        lines.append({"sku": line["sku"], "name": line.get("name", line["sku"]), "qty": qty,
                      "unit_price": unit_price if not weight else amount, "amount": amount,
                      **({"weight_g": weight} if weight else {})})
    prefix = "MT" if platform == p.MEITUAN else "ELM"
    return SimOrder(platform=platform, order_no=spec.get("order_no") or f"{prefix}{uuid.uuid4().int % 10**16:016d}",
                    store=spec["store"], lines=lines, pickup=bool(spec.get("pickup")),
                    lat=float(spec.get("lat", 31.2304)), lng=float(spec.get("lng", 121.4737)),
                    address=spec.get("address", "上海市黄浦区南京东路 1 号"), customer=spec.get("customer", "李四"),
                    phone=spec.get("phone", "13900001111"), delivery_fee=int(spec.get("delivery_fee", 500)),
                    platform_subsidy=int(spec.get("platform_subsidy", 0)),
                    merchant_subsidy=int(spec.get("merchant_subsidy", 0)), created=datetime.now(BEIJING))


def drive(sim: Platforms, order: SimOrder, cancel_mid_pick: bool, cancel_after: float) -> None:
    sim.push(order)
    time.sleep(0.5)
    sim.push(order)  # the platform did not see our answer in time and pushes the same order again
    if not cancel_mid_pick:
        return
    deadline = time.monotonic() + 120
    while order.status == "placed" and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(cancel_after)
    if order.status in ("confirmed", "ready"):
        sim.customer_cancel(order, "不想要了")


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="omnistore platformsim", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--hq", default="http://127.0.0.1:8700", help="HQ's base URL (where the pushes go)")
    parser.add_argument("--meituan-app-id", default="mt-app")
    parser.add_argument("--meituan-secret", default="mt-secret")
    parser.add_argument("--eleme-app-key", default="elm-app")
    parser.add_argument("--eleme-secret", default="elm-secret")
    parser.add_argument("--commission-bp", type=int, default=1800)
    parser.add_argument("--meituan-shop-id", default="MT1001", help="the merchant id on 美团's bills")
    parser.add_argument("--eleme-shop-id", default="ELM2001", help="the merchant id on 饿了么's bills")
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    config = SimConfig(args.hq, args.meituan_app_id, args.meituan_secret, args.eleme_app_key, args.eleme_secret,
                       args.commission_bp, args.meituan_shop_id, args.eleme_shop_id)
    base = f"http://{args.host}:{args.port}"
    print(f"platformsim: {base}  美团 callbacks {base}/meituan/api/v1  饿了么 callbacks {base}/eleme/api/v1", flush=True)
    uvicorn.run(create_platformsim_app(config), host=args.host, port=args.port, log_level=args.log_level,
                access_log=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
