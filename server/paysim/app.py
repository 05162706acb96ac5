"""``omnistore paysim``: WeChat Pay and Alipay 付款码 simulators on one HTTPS port.

WeChat's paths (``/pay/*``, ``/secapi/*``) and Alipay's gateway (``/gateway.do``) do not overlap, so
one server answers both, like two providers at two host names. ``GET /_sim/trades`` is for tests
only: it lists every trade and refund so a test can count what was really charged.
"""

from __future__ import annotations

import argparse
import logging
import ssl
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from server.paysim import alipay, wechat
from server.paysim.ledger import SCRIPTS, Ledger
from server.paysim.sandbox import Sandbox, open_sandbox, write_store_credentials
from server.paysim.tls import ConnectionFactsProtocol

DEFAULT_PORT = 8790
log = logging.getLogger("omnistore.paysim")


def create_paysim_app(sandbox: Sandbox) -> FastAPI:
    app = FastAPI(title="OmniStore payment-provider simulator", docs_url=None, redoc_url=None)
    app.state.sandbox = sandbox
    app.state.ledger = Ledger(sandbox.home)
    app.state.merchant_fingerprint = sandbox.merchant_fingerprint
    app.state.app_public_key, app.state.alipay_key = alipay.load_keys(sandbox.app_public_key_pem,
                                                                       sandbox.alipay_private_key_pem)
    app.include_router(wechat.router)
    app.include_router(alipay.router)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/_sim/trades")
    def trades() -> dict[str, Any]:
        ledger: Ledger = app.state.ledger
        with ledger.lock:
            listed = [trade.summary() for trade in ledger.trades.values()]
        return {"trades": listed, "charged": sum(1 for t in listed if t["charged"]),
                "refunds": sum(len(t["refunds"]) for t in listed)}

    @app.get("/_sim/scripts")
    def scripts() -> dict[str, str]:
        return {script.value: text for script, text in SCRIPTS.items()}

    return app


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="omnistore paysim", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--data", type=Path, default=None, help="keys, certificates and the ledger "
                        "(default: $OMNISTORE_HOME/paysim)")
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    home = args.data or _default_home()
    sandbox = open_sandbox(home)
    credentials = write_store_credentials(sandbox, f"https://{args.host}:{args.port}")
    print(f"paysim: https://{args.host}:{args.port}  (WeChat /pay, /secapi; Alipay /gateway.do)")
    print(f"paysim: store credentials for these sandbox merchants: {credentials}")
    uvicorn.run(create_paysim_app(sandbox), host=args.host, port=args.port, log_level=args.log_level,
                access_log=False, http=ConnectionFactsProtocol, ssl_certfile=str(sandbox.server_cert),
                ssl_keyfile=str(sandbox.server_key), ssl_ca_certs=str(sandbox.ca_file),
                ssl_cert_reqs=ssl.CERT_OPTIONAL)
    return 0


def _default_home() -> Path:
    from app.settings import default_home

    return default_home() / "paysim"


if __name__ == "__main__":
    raise SystemExit(main())
