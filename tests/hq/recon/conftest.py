"""Finance's conversation with a real HQ: a key with the ``finance`` scope."""

from __future__ import annotations

import pytest

from harness.hq import Admin, HQServer


@pytest.fixture
def finance(hq: HQServer, admin: Admin) -> Admin:
    raw = admin.ok(admin.post("/admin/api-keys", {"name": "财务 王芳", "scopes": ["finance"]}))["key"]
    return hq.admin(raw)
