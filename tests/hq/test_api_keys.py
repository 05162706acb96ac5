"""API keys: scopes decide what a channel may read; a revoked key opens nothing."""

from __future__ import annotations

from sqlalchemy import select

from app.hq.keys import key_hash
from app.hq.models import ApiKey
from harness.hq import Admin, HQServer


def test_a_channel_key_reads_only_what_its_scope_allows(admin: Admin, hq: HQServer) -> None:
    created = admin.ok(admin.post("/admin/api-keys", {"name": "小程序", "scopes": ["catalog:read"]}))
    assert created["key"].startswith("omk_") and created["prefix"] == created["key"][:12]
    channel = hq.admin(created["key"])
    assert "items" in channel.ok(channel.get("/open/catalog", limit=5))
    refused = channel.get("/open/sales", store="S001", day="2031-03-15")
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
    assert channel.get("/reports/sales", **{"from": "2031-01-01", "to": "2031-01-02"}).status_code == 403
    assert channel.post("/admin/stores", {"code": "X1", "name": "x", "group": "g"}).status_code == 403
    assert channel.get("/reports/sync-health").status_code == 403


def test_keys_are_stored_only_as_hashes(admin: Admin, hq: HQServer) -> None:
    created = admin.ok(admin.post("/admin/api-keys", {"name": "ERP", "scopes": ["sales:read"]}))
    with hq.db() as session:
        row = session.get(ApiKey, created["id"])
        assert row is not None and row.key_hash == key_hash(created["key"])
        assert session.scalar(select(ApiKey).where(ApiKey.key_hash == created["key"])) is None


def test_a_missing_unknown_or_revoked_key_is_refused(admin: Admin, hq: HQServer) -> None:
    anonymous = Admin(hq, "")
    assert anonymous.get("/open/catalog").status_code == 401
    assert anonymous.get("/open/catalog").json()["code"] == "invalid_api_key"
    unknown = hq.admin("omk_not-a-real-key")
    assert unknown.get("/open/catalog").json()["code"] == "invalid_api_key"
    created = admin.ok(admin.post("/admin/api-keys", {"name": "美团", "scopes": ["catalog:read"]}))
    channel = hq.admin(created["key"])
    assert channel.get("/open/catalog").status_code == 200
    assert admin.ok(admin.delete(f"/admin/api-keys/{created['id']}"))["revoked"] is True
    revoked = channel.get("/open/catalog")
    assert revoked.status_code == 401 and revoked.json()["code"] == "invalid_api_key"
    assert admin.delete("/admin/api-keys/999999").json()["code"] == "api_key_not_found"


def test_an_unknown_scope_is_refused(admin: Admin) -> None:
    response = admin.post("/admin/api-keys", {"name": "x", "scopes": ["catalog:write"]})
    assert response.status_code == 422 and response.json()["code"] == "unknown_scope"


def test_cli_creates_and_revokes_a_key_by_its_prefix(hq: HQServer) -> None:
    raw = hq.cli("create-key", "--name", "饿了么", "--scopes", "catalog:read,sales:read").stdout.split()[0]
    channel = hq.admin(raw)
    assert channel.get("/open/catalog").status_code == 200
    assert raw[:12] in hq.cli("list-keys").stdout
    out = hq.cli("revoke-key", raw[:12])
    assert "revoked" in out.stdout
    assert channel.get("/open/catalog").status_code == 401
    assert hq.cli("revoke-key", "omk_zz", check=False).returncode == 1
    assert hq.cli("create-key", "--name", "x", "--scopes", "root", check=False).returncode == 1
