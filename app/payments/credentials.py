"""The store's payment credentials: typed, loaded from one file only its owner can read, never shown.

The file (JSON, or TOML for hand editing) lives on the store server; the till never holds a key.
Secrets are kept out of ``repr`` so a log line, a traceback or a support bundle that prints a
config object shows ``api_key=<hidden>`` and nothing else. Example (JSON)::

    {"wechat": {"mch_id": "1900000109", "appid": "wx8888888888888888", "api_key": "…32 chars…",
                "sign_type": "HMAC-SHA256", "sub_mch_id": "1900000110",
                "cert_file": "apiclient_cert.pem", "key_file": "apiclient_key.pem"},
     "alipay": {"app_id": "2021000000000001", "private_key_file": "app_private_key.pem",
                "alipay_public_key_file": "alipay_public_key.pem"}}

Relative file names are read beside the credentials file.
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.payments.base import PaymentConfigError

#: where the store server keeps them, in its data directory (OMNISTORE_HOME)
CREDENTIALS_FILE = "payments.json"
WECHAT_API = "https://api.mch.weixin.qq.com"
ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do"
SIGN_TYPES = ("HMAC-SHA256", "MD5")


@dataclass(frozen=True)
class WechatCredentials:
    """WeChat Pay API v2 merchant (or service provider with ``sub_mch_id``)."""

    mch_id: str
    appid: str
    api_key: str = field(repr=False)  # the v2 API key (32 characters): signs every request and answer
    sign_type: str = "HMAC-SHA256"
    sub_mch_id: str | None = None  # service-provider mode: the chain's own merchant number
    sub_appid: str | None = None
    cert_file: Path | None = None  # merchant certificate (apiclient_cert.pem) for /secapi (reverse, refund)
    key_file: Path | None = field(default=None, repr=False)
    base_url: str = WECHAT_API
    ca_file: Path | None = None  # a private CA to trust instead of the system's (the simulator's)
    spbill_create_ip: str = "127.0.0.1"  # the IP of the machine calling the API

    def __post_init__(self) -> None:
        for name in ("mch_id", "appid", "api_key"):
            if not getattr(self, name):
                raise PaymentConfigError(field=f"wechat.{name}", reason="missing")
        if self.sign_type not in SIGN_TYPES:
            raise PaymentConfigError(field="wechat.sign_type", reason="HMAC-SHA256 or MD5")
        if (self.cert_file is None) != (self.key_file is None):
            raise PaymentConfigError(field="wechat.cert_file", reason="cert_file and key_file go together")


@dataclass(frozen=True)
class AlipayCredentials:
    """Alipay open platform application, public-key mode (RSA2)."""

    app_id: str
    private_key_pem: str = field(repr=False)  # the application's RSA private key: signs our requests
    alipay_public_key_pem: str = field(repr=False)  # Alipay's public key: verifies every answer
    gateway_url: str = ALIPAY_GATEWAY
    app_auth_token: str | None = field(default=None, repr=False)  # service provider acting for a merchant
    seller_id: str | None = None
    ca_file: Path | None = None

    def __post_init__(self) -> None:
        if not self.app_id:
            raise PaymentConfigError(field="alipay.app_id", reason="missing")
        for name in ("private_key_pem", "alipay_public_key_pem"):
            if "-----BEGIN" not in getattr(self, name):
                raise PaymentConfigError(field=f"alipay.{name}", reason="a PEM key is expected")


@dataclass(frozen=True)
class PaymentCredentials:
    wechat: WechatCredentials | None = None
    alipay: AlipayCredentials | None = None


def store_credentials_path(home: Path) -> Path:
    """The store server's credentials file: ``$OMNISTORE_HOME/payments.json`` (or ``payments.toml`` if that exists)."""
    toml = Path(home) / "payments.toml"
    return toml if toml.exists() else Path(home) / CREDENTIALS_FILE


def load_credentials(path: Path) -> PaymentCredentials:
    """Read and validate the credentials file; refuse one that group or others could read."""
    path = Path(path)
    if not path.is_file():
        raise PaymentConfigError("payment_config_missing", path=str(path))
    _owner_only(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise PaymentConfigError(field=path.name, reason=f"not valid {path.suffix.lstrip('.') or 'JSON'}") from error
    if not isinstance(data, dict):
        raise PaymentConfigError(field=path.name, reason="a table of providers is expected")
    base = path.parent
    return PaymentCredentials(
        wechat=_wechat(data["wechat"], base) if "wechat" in data else None,
        alipay=_alipay(data["alipay"], base) if "alipay" in data else None,
    )


def _owner_only(path: Path) -> None:
    """A secret (the credentials, a private key) readable by group or others is refused."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        raise PaymentConfigError("payment_config_insecure", path=str(path), mode=f"{mode:04o}")


def _wechat(raw: Any, base: Path) -> WechatCredentials:
    section = _section(raw, "wechat")
    return WechatCredentials(
        mch_id=_text(section, "wechat", "mch_id"),
        appid=_text(section, "wechat", "appid"),
        api_key=_text(section, "wechat", "api_key"),
        sign_type=_text(section, "wechat", "sign_type", "HMAC-SHA256"),
        sub_mch_id=_text(section, "wechat", "sub_mch_id", "") or None,
        sub_appid=_text(section, "wechat", "sub_appid", "") or None,
        cert_file=_file(section, "wechat", "cert_file", base),
        key_file=_secret_file(section, "wechat", "key_file", base),
        base_url=_text(section, "wechat", "base_url", WECHAT_API).rstrip("/"),
        ca_file=_file(section, "wechat", "ca_file", base),
        spbill_create_ip=_text(section, "wechat", "spbill_create_ip", "127.0.0.1"),
    )


def _alipay(raw: Any, base: Path) -> AlipayCredentials:
    section = _section(raw, "alipay")
    return AlipayCredentials(
        app_id=_text(section, "alipay", "app_id"),
        private_key_pem=_pem(section, "private_key", base),
        alipay_public_key_pem=_pem(section, "alipay_public_key", base),
        gateway_url=_text(section, "alipay", "gateway_url", ALIPAY_GATEWAY),
        app_auth_token=_text(section, "alipay", "app_auth_token", "") or None,
        seller_id=_text(section, "alipay", "seller_id", "") or None,
        ca_file=_file(section, "alipay", "ca_file", base),
    )


def _section(raw: Any, name: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise PaymentConfigError(field=name, reason="a table is expected")
    return raw


def _text(section: dict[str, Any], provider: str, key: str, default: str | None = None) -> str:
    value = section.get(key, default)
    if value is None:
        raise PaymentConfigError(field=f"{provider}.{key}", reason="missing")
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise PaymentConfigError(field=f"{provider}.{key}", reason="text is expected")
    return str(value).strip()


def _file(section: dict[str, Any], provider: str, key: str, base: Path) -> Path | None:
    name = _text(section, provider, key, "")
    if not name:
        return None
    path = Path(name) if Path(name).is_absolute() else base / name
    if not path.is_file():
        raise PaymentConfigError(field=f"{provider}.{key}", reason=f"no file {path}")
    return path


def _pem(section: dict[str, Any], key: str, base: Path) -> str:
    """A key given inline (``private_key``) or as a file beside the credentials (``private_key_file``)."""
    inline = _text(section, "alipay", key, "")
    if inline:
        return inline
    path = _secret_file(section, "alipay", f"{key}_file", base) if key == "private_key" else \
        _file(section, "alipay", f"{key}_file", base)
    if path is None:
        raise PaymentConfigError(field=f"alipay.{key}", reason="missing")
    return path.read_text(encoding="ascii")


def _secret_file(section: dict[str, Any], provider: str, key: str, base: Path) -> Path | None:
    path = _file(section, provider, key, base)
    if path is not None:
        _owner_only(path)
    return path
