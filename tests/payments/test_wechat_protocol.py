"""WeChat Pay v2's signature and XML, checked against the provider's own published example."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.payments.wechat import MalformedAnswer, from_xml, sign, signature_valid, to_xml

# The signature example of WeChat Pay's "签名算法" page (see docs/payments.md)
VECTOR = {"appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "device_info": "1000", "body": "test",
          "nonce_str": "ibuaiVcKdpRxkhJA"}
VECTOR_KEY = "192006250b4c09247ec02edce69f6a2d"


def test_md5_signature_matches_the_official_example() -> None:
    assert sign(VECTOR, VECTOR_KEY, "MD5") == "9A0A8659F005D6984697E2CA0A9CF3B7"


def test_hmac_sha256_signature_matches_the_official_example() -> None:
    assert sign(VECTOR, VECTOR_KEY, "HMAC-SHA256") == "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"


def test_empty_values_and_the_sign_itself_are_left_out_of_the_signature() -> None:
    with_extras = VECTOR | {"attach": "", "sign": "whatever"}
    assert sign(with_extras, VECTOR_KEY, "MD5") == "9A0A8659F005D6984697E2CA0A9CF3B7"


def test_an_answer_with_one_changed_field_no_longer_verifies() -> None:
    signed = VECTOR | {"sign": sign(VECTOR, VECTOR_KEY, "MD5")}
    assert signature_valid(signed, VECTOR_KEY, "MD5")
    assert not signature_valid(signed | {"body": "test2"}, VECTOR_KEY, "MD5")
    assert not signature_valid(VECTOR, VECTOR_KEY, "MD5")  # no sign at all


def test_a_value_holding_the_cdata_terminator_survives_the_round_trip() -> None:
    fields = {"body": "可乐]]>雪碧", "attach": "<b>&amp;</b>", "detail": '{"goods_detail":[]}', "total_fee": "1"}
    body = to_xml(fields)
    assert b"]]]]><![CDATA[>" in body
    assert from_xml(body) == fields


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
                       st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
                               max_size=40).filter(lambda s: all(c >= " " or c in "\t\n" for c in s)),
                       max_size=8))
def test_any_flat_fields_round_trip_through_the_xml(fields: dict[str, str]) -> None:
    assert from_xml(to_xml(fields)) == fields


@pytest.mark.parametrize("body", [
    b"", b"not xml", b"<xml><a>1</a>", b"<html><body>502 Bad Gateway</body></html>",
    b"<xml><a><b>nested</b></a></xml>",
    b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x "boom">]><xml><a>&x;</a></xml>',
])
def test_what_is_not_a_flat_xml_answer_is_refused(body: bytes) -> None:
    with pytest.raises(MalformedAnswer):
        from_xml(body)
