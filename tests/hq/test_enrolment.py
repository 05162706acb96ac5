"""Enrolment (开通): a one-time, short-lived code becomes the store's signing secret."""

from __future__ import annotations

from datetime import timedelta

import requests
from sqlalchemy import func, select, update

from app.hq import clock
from app.hq.models import EnrolmentCode, Store
from harness.hq import Admin, HQServer


def enroll(hq: HQServer, code: str) -> requests.Response:
    return requests.post(hq.api + "/enroll", json={"code": code}, headers={"Accept-Language": "en"}, timeout=10)


def test_a_new_store_enrols_with_its_code_and_gets_a_secret(admin: Admin, hq: HQServer) -> None:
    admin.ok(admin.post("/admin/stores", {"code": "E001", "name": "一号店", "group": "华东"}))
    issued = admin.ok(admin.post("/admin/stores/E001/enrolment"))
    assert len(issued["code"]) == 14 and issued["expires_at"]
    found = admin.ok(enroll(hq, issued["code"].lower()))  # read out over the phone, typed in any case
    assert found["store_code"] == "E001" and found["store_name"] == "一号店" and found["group"] == "华东"
    assert len(found["secret"]) == 64
    with hq.db() as session:
        store = session.scalar(select(Store).where(Store.code == "E001"))
        assert store is not None and store.secret_nonce and found["secret"] not in store.secret_nonce


def test_an_enrolment_code_works_once(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    code = admin.ok(admin.post(f"/admin/stores/{store.code}/enrolment"))["code"]
    assert enroll(hq, code).status_code == 200
    second = enroll(hq, code)
    assert second.status_code == 401 and second.json()["code"] == "bad_enrolment_code"


def test_a_wrong_or_expired_code_is_refused_and_nothing_changes(admin: Admin, hq: HQServer) -> None:
    admin.ok(admin.post("/admin/stores", {"code": "E002", "name": "二号店", "group": "华东"}))
    code = admin.ok(admin.post("/admin/stores/E002/enrolment"))["code"]
    wrong = enroll(hq, "AAAA-BBBB-CCCC")
    assert wrong.status_code == 401 and wrong.json()["code"] == "bad_enrolment_code"
    assert "wrong, used or expired" in wrong.json()["message"]
    with hq.db() as session:
        session.execute(update(EnrolmentCode).values(expires_at=clock.now() - timedelta(seconds=1))
                        .where(EnrolmentCode.store_id == select(Store.id).where(Store.code == "E002").scalar_subquery()))
        session.commit()
    expired = enroll(hq, code)
    assert expired.status_code == 401 and expired.json()["code"] == "bad_enrolment_code"
    with hq.db() as session:
        store = session.scalar(select(Store).where(Store.code == "E002"))
        assert store is not None and store.secret_nonce is None and store.enrolled_at is None
        assert session.scalar(select(func.count()).select_from(EnrolmentCode)
                              .where(EnrolmentCode.store_id == store.id, EnrolmentCode.used_at.is_not(None))) == 0


def test_a_new_code_retires_the_unused_one(admin: Admin, hq: HQServer) -> None:
    admin.ok(admin.post("/admin/stores", {"code": "E003", "name": "三号店", "group": "华东"}))
    old = admin.ok(admin.post("/admin/stores/E003/enrolment"))["code"]
    new = admin.ok(admin.post("/admin/stores/E003/enrolment"))["code"]
    assert enroll(hq, old).status_code == 401
    assert enroll(hq, new).status_code == 200


def test_re_enrolling_retires_the_old_secret(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    assert store.feed().status_code == 200
    code = admin.ok(admin.post(f"/admin/stores/{store.code}/enrolment"))["code"]
    secret = admin.ok(enroll(hq, code))["secret"]
    assert secret != store.secret
    stale = store.feed()
    assert stale.status_code == 401 and stale.json()["code"] == "bad_signature"
    store.secret = secret
    assert store.feed().status_code == 200


def test_a_duplicate_or_malformed_store_is_refused(admin: Admin) -> None:
    store = admin.new_store()
    again = admin.post("/admin/stores", {"code": store.code, "name": "重复", "group": "华东"})
    assert again.status_code == 409 and again.json()["code"] == "store_exists"
    bad = admin.post("/admin/stores", {"code": "空 格", "name": "x", "group": "华东"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_store_code"
    missing = admin.post("/admin/stores/NOPE/enrolment")
    assert missing.status_code == 404 and missing.json()["code"] == "store_not_found"


def test_cli_creates_a_store_whose_printed_code_enrols_it(hq: HQServer) -> None:
    out = hq.cli("create-store", "C001", "命令行店", "--group", "华南").stdout
    code = next(line for line in out.splitlines() if line.startswith("enrolment code:")).split()[2]
    found = enroll(hq, code).json()
    assert found["store_code"] == "C001" and found["group"] == "华南"
    again = hq.cli("enrolment-code", "C001").stdout
    assert again.startswith("enrolment code:")
    assert hq.cli("create-store", "C001", "x", "--group", "y", check=False).returncode == 1


def test_a_disabled_store_cannot_enrol(admin: Admin, hq: HQServer) -> None:
    admin.ok(admin.post("/admin/stores", {"code": "E004", "name": "四号店", "group": "华东"}))
    code = admin.ok(admin.post("/admin/stores/E004/enrolment"))["code"]
    hq.cli("disable-store", "E004")
    refused = enroll(hq, code)
    assert refused.status_code == 403 and refused.json()["code"] == "store_disabled"
