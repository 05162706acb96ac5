"""The store's payment credentials: read from a file only its owner may read, and never shown."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from app.payments.base import PaymentConfigError
from app.payments.credentials import load_credentials

API_KEY = "s3cr3tAPIkeyS3cr3tAPIkeyS3cr3t00"


def _pem_pair(directory: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (directory / "app.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                          serialization.NoEncryption()))
    os.chmod(directory / "app.pem", 0o600)
    (directory / "alipay.pem").write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))


def write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


def test_a_json_file_gives_typed_credentials_whose_repr_hides_every_secret(tmp_path: Path) -> None:
    _pem_pair(tmp_path)
    path = write(tmp_path / "payments.json", json.dumps({
        "wechat": {"mch_id": "1900000109", "appid": "wx8888888888888888", "api_key": API_KEY,
                   "sub_mch_id": 1900000110},
        "alipay": {"app_id": "2021000000000001", "private_key_file": "app.pem",
                   "alipay_public_key_file": "alipay.pem", "app_auth_token": "token-secret"}}))
    creds = load_credentials(path)
    assert creds.wechat is not None and creds.wechat.sub_mch_id == "1900000110"
    assert creds.alipay is not None and "BEGIN PRIVATE KEY" in creds.alipay.private_key_pem
    shown = repr(creds) + str(creds)
    assert API_KEY not in shown and "PRIVATE KEY" not in shown and "token-secret" not in shown
    assert "1900000109" in shown  # the merchant number is not a secret


def test_a_toml_file_reads_the_same(tmp_path: Path) -> None:
    path = write(tmp_path / "payments.toml", f'[wechat]\nmch_id = "1900000109"\nappid = "wx1"\napi_key = "{API_KEY}"\n'
                                             'sign_type = "MD5"\n')
    creds = load_credentials(path)
    assert creds.wechat is not None and creds.wechat.sign_type == "MD5" and creds.alipay is None


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_file_others_could_read_is_refused(tmp_path: Path, mode: int) -> None:
    path = write(tmp_path / "payments.json", "{}", mode)
    with pytest.raises(PaymentConfigError) as refused:
        load_credentials(path)
    assert refused.value.code == "payment_config_insecure"


@pytest.mark.parametrize(("text", "field"), [
    ('{"wechat": {"mch_id": "1", "appid": "wx1"}}', "wechat.api_key"),
    ('{"wechat": {"mch_id": "1", "appid": "wx1", "api_key": "k", "sign_type": "SHA1"}}', "wechat.sign_type"),
    ('{"wechat": {"mch_id": "1", "appid": "wx1", "api_key": "k", "cert_file": "nowhere.pem"}}', "wechat.cert_file"),
    ('{"alipay": {"app_id": "1", "private_key": "not a key", "alipay_public_key": "x"}}', "alipay.private_key_pem"),
    ('{"wechat": []}', "wechat"),
    ("not json", "payments.json"),
])
def test_a_malformed_file_says_which_field_is_wrong(tmp_path: Path, text: str, field: str) -> None:
    with pytest.raises(PaymentConfigError) as refused:
        load_credentials(write(tmp_path / "payments.json", text))
    assert refused.value.code == "payment_config_invalid" and refused.value.params["field"] == field


def test_a_private_key_file_others_could_read_is_refused(tmp_path: Path) -> None:
    _pem_pair(tmp_path)
    os.chmod(tmp_path / "app.pem", 0o644)
    path = write(tmp_path / "payments.json", json.dumps({"alipay": {
        "app_id": "2021000000000001", "private_key_file": "app.pem", "alipay_public_key_file": "alipay.pem"}}))
    with pytest.raises(PaymentConfigError) as refused:
        load_credentials(path)
    assert refused.value.code == "payment_config_insecure" and refused.value.params["path"].endswith("app.pem")


def test_a_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(PaymentConfigError) as refused:
        load_credentials(tmp_path / "nothing.json")
    assert refused.value.code == "payment_config_missing"


def test_the_store_keeps_its_credentials_in_payments_json_unless_a_toml_one_exists(tmp_path: Path) -> None:
    from app.payments.credentials import store_credentials_path

    assert store_credentials_path(tmp_path) == tmp_path / "payments.json"
    write(tmp_path / "payments.toml", "")
    assert store_credentials_path(tmp_path) == tmp_path / "payments.toml"
