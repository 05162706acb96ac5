"""One typed settings object, read from the environment (``OMNISTORE_*``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.barcode import EmbeddedValue, InStoreLayout
from app.domain.money import RoundingPolicy


def default_home() -> Path:
    env = os.environ.get("OMNISTORE_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("omnistore", "OmniStore"))


@dataclass(frozen=True)
class StoreSettings:
    home: Path = field(default_factory=default_home)
    store_name: str = "OmniStore 示范店"
    rounding: RoundingPolicy = RoundingPolicy.JIAO_DOWN
    in_store_layout: InStoreLayout = field(default_factory=InStoreLayout)
    #: voiding a line worth more than this (fen) needs a supervisor or manager
    void_line_limit: int = 5000
    #: the most change a cash tender may call for (fen): ￥100 — a note of the largest kind for anything
    max_change: int = 10_000
    #: a return refunding more than this (fen) needs a manager
    return_limit: int = 20000
    #: 无小票退货: who may allow a return without the receipt (always asked, whatever the amount)
    no_receipt_return_role: str = "manager"
    #: offline policy: paper coupons a store may take per day while HQ is out of reach (0: none)
    offline_paper_coupons: int = 20
    max_failed_pins: int = 5
    lockout_seconds: int = 300
    token_ttl_seconds: int = 12 * 3600
    max_body_bytes: int = 64 * 1024
    default_language: str = "zh_CN"
    #: printed under the store's name / at the foot of every receipt (one line each per newline)
    receipt_header: str = ""
    receipt_footer: str = "谢谢惠顾，欢迎再次光临！"

    @property
    def database_path(self) -> Path:
        return self.home / "store.sqlite3"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.database_path}"

    @classmethod
    def from_env(cls) -> StoreSettings:
        env = os.environ
        layout = InStoreLayout(
            prefixes=tuple(env.get("OMNISTORE_INSTORE_PREFIXES", "2").split(",")),
            plu_digits=int(env.get("OMNISTORE_INSTORE_PLU_DIGITS", "6")),
            value_digits=int(env.get("OMNISTORE_INSTORE_VALUE_DIGITS", "5")),
            value=EmbeddedValue(env.get("OMNISTORE_INSTORE_VALUE", "price")),
        )
        return cls(
            home=default_home(),
            store_name=env.get("OMNISTORE_STORE_NAME", cls.store_name),
            rounding=RoundingPolicy(env.get("OMNISTORE_ROUNDING", RoundingPolicy.JIAO_DOWN.value)),
            in_store_layout=layout,
            void_line_limit=int(env.get("OMNISTORE_VOID_LINE_LIMIT", "5000")),
            max_change=int(env.get("OMNISTORE_MAX_CHANGE", "10000")),
            return_limit=int(env.get("OMNISTORE_RETURN_LIMIT", "20000")),
            no_receipt_return_role=_role(env.get("OMNISTORE_NO_RECEIPT_RETURN_ROLE", "manager")),
            offline_paper_coupons=int(env.get("OMNISTORE_OFFLINE_PAPER_COUPONS", "20")),
            token_ttl_seconds=int(env.get("OMNISTORE_TOKEN_TTL", str(12 * 3600))),
            default_language=env.get("OMNISTORE_LANG", "zh_CN"),
            receipt_header=env.get("OMNISTORE_RECEIPT_HEADER", cls.receipt_header),
            receipt_footer=env.get("OMNISTORE_RECEIPT_FOOTER", cls.receipt_footer),
        )


def _role(name: str) -> str:
    from app.domain.roles import ROLE_RANK

    if name not in ROLE_RANK:
        raise ValueError(f"OMNISTORE_NO_RECEIPT_RETURN_ROLE must be one of {', '.join(ROLE_RANK)}, not {name!r}")
    return name
