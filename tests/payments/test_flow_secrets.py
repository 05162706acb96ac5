"""The store's payment credentials and the customers' payment codes stay out of the store server's
log, its database and a support bundle, whatever the payments went through."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from hardware.diag import export_bundle
from harness.store import COLA, StoreServer, Till
from tests.payments.conftest import Paysim, payment_code
from tests.payments.flow import pay_code, wait_final


def secrets_of(paystore: StoreServer) -> list[str]:
    """Every secret the store holds: the API key, and each line of every private key it reads."""
    raw = json.loads((paystore.home / "payments.json").read_text("utf-8"))
    found = [raw["wechat"]["api_key"]]
    for name in (raw["wechat"].get("key_file"), raw["alipay"].get("private_key_file")):
        if name:
            found += [line for line in Path(name).read_text("ascii").splitlines()
                      if line and not line.startswith("-----")]
    return [s for s in found if len(s) >= 16]


def test_credentials_and_codes_never_reach_the_log_the_database_or_the_bundle(
        paystore: StoreServer, paysim: Paysim, tmp_path: Path) -> None:
    till = Till(paystore, paystore.new_till())
    till.open_shift()
    codes = [payment_code("wechat", s) for s in ("00", "03", "04", "09")] + \
            [payment_code("alipay", s) for s in ("00", "03", "05", "09")]
    for code in codes:
        ticket = till.new_ticket()
        till.ok(till.scan(ticket, COLA))
        wait_final(till, till.ok(pay_code(till, ticket, code))["id"])
    secrets = secrets_of(paystore)
    assert secrets
    log = (paystore.home / "server.log").read_text("utf-8", errors="replace")
    database = b"".join(p.read_bytes() for p in paystore.home.glob("store.sqlite3*")).decode("latin-1")
    bundle = export_bundle(tmp_path / "support.zip", home=paystore.home)
    with zipfile.ZipFile(bundle) as zipped:
        packed = "".join(zipped.read(name).decode("utf-8", errors="replace") for name in zipped.namelist())
        assert "logs/server.log" in zipped.namelist()  # the log is there, clean
    for where, text in (("log", log), ("database", database), ("bundle", packed)):
        for secret in secrets:
            assert secret not in text, f"a credential in the {where}"
        for code in codes:
            assert code not in text, f"a whole payment code in the {where}"
