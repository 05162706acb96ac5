"""HQ settings: one typed object read from the environment (``OMNISTORE_HQ_*``)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from app.settings import default_home

DEFAULT_ENROLMENT_TTL = 2 * 3600

# Page sizes of the change feed and the channels' catalog and stock: part of the API's contract
# (its OpenAPI bounds), so constants rather than settings.
FEED_DEFAULT_LIMIT = 1000
FEED_MAX_LIMIT = 5000
#: the longest a store's feed request may long-poll
FEED_MAX_WAIT_SECONDS = 25


def default_hq_home() -> Path:
    return default_home() / "hq"


def default_database_url() -> str:
    return os.environ.get("OMNISTORE_HQ_DATABASE_URL") or f"sqlite:///{default_hq_home() / 'hq.sqlite3'}"


@dataclass(frozen=True)
class HQSettings:
    database_url: str = field(default_factory=default_database_url)
    home: Path = field(default_factory=default_hq_home)
    #: master key the per-store signing secrets are derived from (never stored per store)
    secret_key: bytes = b""
    enrolment_ttl_seconds: int = DEFAULT_ENROLMENT_TTL
    #: the whole request body; event batches have their own, smaller limit
    max_body_bytes: int = 4 * 1024 * 1024
    max_batch_events: int = 500
    max_batch_bytes: int = 2 * 1024 * 1024
    default_language: str = "zh_CN"

    @classmethod
    def from_env(cls, database_url: str | None = None) -> HQSettings:
        env = os.environ
        home = default_hq_home()
        return cls(
            database_url=database_url or default_database_url(),
            home=home,
            secret_key=master_key(home),
            enrolment_ttl_seconds=int(env.get("OMNISTORE_HQ_ENROLMENT_TTL", str(DEFAULT_ENROLMENT_TTL))),
            default_language=env.get("OMNISTORE_LANG", "zh_CN"),
        )


def master_key(home: Path) -> bytes:
    """``OMNISTORE_HQ_SECRET_KEY`` if set, else ``<home>/secret.key`` (made on first use, mode 0600).

    Every HQ process behind a load balancer must see the same key: set the variable there.
    """
    env = os.environ.get("OMNISTORE_HQ_SECRET_KEY")
    if env:
        return env.encode()
    path = home / "secret.key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()
