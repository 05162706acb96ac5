"""Alipay's RSA2 signing content, signatures and the signed text of an answer."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from app.payments.alipay import response_node_text, rsa2_sign, rsa2_verify, signing_content


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_signing_content_sorts_keys_and_leaves_out_sign_and_empty_values() -> None:
    params = {"method": "alipay.trade.pay", "app_id": "2014072300007148", "sign": "x", "notify_url": "",
              "sign_type": "RSA2", "biz_content": '{"subject":"可乐&雪碧"}', "charset": "utf-8"}
    assert signing_content(params) == ('app_id=2014072300007148&biz_content={"subject":"可乐&雪碧"}&charset=utf-8'
                                       "&method=alipay.trade.pay&sign_type=RSA2")


def test_a_signature_verifies_with_the_public_key_and_fails_after_any_change(key: rsa.RSAPrivateKey) -> None:
    content = 'app_id=1&biz_content={"total_amount":"12.30"}'
    signature = rsa2_sign(content, key)
    assert rsa2_verify(content, signature, key.public_key())
    assert not rsa2_verify(content.replace("12.30", "12.31"), signature, key.public_key())
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert not rsa2_verify(content, signature, other.public_key())
    assert not rsa2_verify(content, "not base64!", key.public_key())


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_our_rsa2_agrees_with_openssl_both_ways(key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    """An independent implementation of SHA256withRSA (PKCS#1 v1.5): openssl dgst."""
    private = tmp_path / "key.pem"
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    public = tmp_path / "pub.pem"
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo))
    content = "app_id=2021000000000001&method=alipay.trade.pay&subject=好邻居便利店"
    (tmp_path / "content").write_bytes(content.encode("utf-8"))
    openssl_sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", str(private), str(tmp_path / "content")],
                                 capture_output=True, check=True).stdout
    assert rsa2_verify(content, base64.b64encode(openssl_sig).decode(), key.public_key())
    (tmp_path / "sig").write_bytes(base64.b64decode(rsa2_sign(content, key)))
    checked = subprocess.run(["openssl", "dgst", "-sha256", "-verify", str(public), "-signature",
                              str(tmp_path / "sig"), str(tmp_path / "content")], capture_output=True, text=True)
    assert checked.returncode == 0 and "Verified OK" in checked.stdout


def test_the_signed_text_is_the_node_exactly_as_sent_escapes_and_spacing_included() -> None:
    node = '{"code":"10000","msg":"Success","bill_download_url":"http:\\/\\/dwbillcenter.example\\/a?b=1" }'
    body = '{"alipay_data_dataservice_bill_downloadurl_query_response": ' + node + ',"sign":"abc"}'
    assert response_node_text(body, "alipay_data_dataservice_bill_downloadurl_query_response") == node
    assert json.loads(node)["bill_download_url"].startswith("http://")


def test_a_node_name_inside_a_value_is_not_mistaken_for_the_node() -> None:
    body = '{"x":"\\"alipay_trade_pay_response\\"","alipay_trade_pay_response":{"code":"10000"},"sign":"s"}'
    assert response_node_text(body, "alipay_trade_pay_response") == '{"code":"10000"}'
    assert response_node_text('{"other":{}}', "alipay_trade_pay_response") is None
