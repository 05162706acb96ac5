"""The simulator's sandbox: its own CA, TLS and merchant certificates, and both providers' keys.

Made with ``cryptography`` on first start in the data directory and kept there, so a restarted
simulator speaks with the same keys. It also writes ``store-credentials.json`` (mode 0600) in the
format :func:`app.payments.credentials.load_credentials` reads, so a store (the demo's, a test's)
points its payment clients at the simulator with one file.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SANDBOX_FILE = "sandbox.json"
STORE_CREDENTIALS = "store-credentials.json"
WECHAT_MCH_ID = "1900000109"  # the service provider (服务商)
WECHAT_SUB_MCH_ID = "1900000110"  # the chain, its sub-merchant (特约商户)
WECHAT_APPID = "wx8888888888888888"
ALIPAY_APP_ID = "2021000000000001"
ALIPAY_PID = "2088000000000001"


@dataclass(frozen=True)
class Sandbox:
    home: Path
    wechat_api_key: str
    app_public_key_pem: str  # the store application's public key: the gateway verifies requests with it
    alipay_private_key_pem: str  # the gateway's own key: it signs every answer

    @property
    def ca_file(self) -> Path:
        return self.home / "ca.pem"

    @property
    def server_cert(self) -> Path:
        return self.home / "server.pem"

    @property
    def server_key(self) -> Path:
        return self.home / "server.key"

    @property
    def merchant_cert(self) -> Path:
        return self.home / "apiclient_cert.pem"

    @property
    def merchant_key(self) -> Path:
        return self.home / "apiclient_key.pem"

    @property
    def merchant_fingerprint(self) -> bytes:
        """SHA-256 of the merchant certificate's DER: /secapi accepts this certificate and no other."""
        cert = x509.load_pem_x509_certificate(self.merchant_cert.read_bytes())
        return cert.fingerprint(hashes.SHA256())


def open_sandbox(home: Path) -> Sandbox:
    """The sandbox in ``home``, made on first use."""
    home.mkdir(parents=True, exist_ok=True)
    state = home / SANDBOX_FILE
    if not state.exists():
        _make(home)
    data = json.loads(state.read_text(encoding="utf-8"))
    return Sandbox(home, data["wechat_api_key"], data["app_public_key_pem"], data["alipay_private_key_pem"])


def write_store_credentials(sandbox: Sandbox, base_url: str) -> Path:
    """``store-credentials.json`` for a store talking to this simulator at ``base_url``."""
    home = sandbox.home
    credentials = {
        "wechat": {
            "mch_id": WECHAT_MCH_ID, "sub_mch_id": WECHAT_SUB_MCH_ID, "appid": WECHAT_APPID,
            "api_key": sandbox.wechat_api_key, "sign_type": "HMAC-SHA256",
            "cert_file": str(sandbox.merchant_cert), "key_file": str(sandbox.merchant_key),
            "base_url": base_url, "ca_file": str(sandbox.ca_file),
        },
        "alipay": {
            "app_id": ALIPAY_APP_ID, "private_key_file": str(home / "app_private_key.pem"),
            "alipay_public_key_file": str(home / "alipay_public_key.pem"),
            "gateway_url": base_url + "/gateway.do", "ca_file": str(sandbox.ca_file),
        },
    }
    path = home / STORE_CREDENTIALS
    _write_private(path, json.dumps(credentials, ensure_ascii=False, indent=2).encode())
    return path


def _make(home: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    ca_key = _rsa()
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OmniStore paysim CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    _write_public(home / "ca.pem", ca.public_bytes(serialization.Encoding.PEM))

    server_key = _rsa()
    server = _leaf(ca, ca_key, server_key, "127.0.0.1", ExtendedKeyUsageOID.SERVER_AUTH, now,
                   x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]))
    _write_public(home / "server.pem", server.public_bytes(serialization.Encoding.PEM))
    _write_private(home / "server.key", _private_pem(server_key))

    merchant_key = _rsa()  # WeChat's apiclient_cert.pem: CN is the merchant number
    merchant = _leaf(ca, ca_key, merchant_key, WECHAT_MCH_ID, ExtendedKeyUsageOID.CLIENT_AUTH, now, None)
    _write_public(home / "apiclient_cert.pem", merchant.public_bytes(serialization.Encoding.PEM))
    _write_private(home / "apiclient_key.pem", _private_pem(merchant_key))

    app_key, alipay_key = _rsa(), _rsa()
    _write_private(home / "app_private_key.pem", _private_pem(app_key))
    _write_public(home / "alipay_public_key.pem", _public_pem(alipay_key))
    state = {
        "wechat_api_key": secrets.token_hex(16),  # 32 characters, like a real v2 API key
        "app_public_key_pem": _public_pem(app_key).decode(),
        "alipay_private_key_pem": _private_pem(alipay_key).decode(),
    }
    _write_private(home / SANDBOX_FILE, json.dumps(state).encode())


def _leaf(ca: x509.Certificate, ca_key: rsa.RSAPrivateKey, key: rsa.RSAPrivateKey, common_name: str,
          usage: x509.ObjectIdentifier, now: dt.datetime,
          san: x509.SubjectAlternativeName | None) -> x509.Certificate:
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
               .issuer_name(ca.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=825))
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False))
    if san is not None:
        builder = builder.add_extension(san, critical=False)
    return builder.sign(ca_key, hashes.SHA256())


def _rsa() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _private_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _public_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def _write_private(path: Path, data: bytes) -> None:
    """Written 0600 from the start: a key is never readable by others, not even for a moment."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _write_public(path: Path, data: bytes) -> None:
    path.write_bytes(data)
