"""Free text never becomes a device command: a return reason, a product name from HQ or a member's
name holding ESC p (drawer kick), ESC @, GS V (cut), a TSPL quote and line break or a ZPL ^XZ^XA
prints as text, and each job carries exactly the commands its document asked for."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.receipt import Receipt, ReceiptLine, ReceiptTender, Style, layout
from app.domain.textwidth import device_text
from hardware.display import Lamp, decode_pole, encode_show
from hardware.escpos.decoder import decode
from hardware.escpos.encoder import encode_receipt, printed_text
from hardware.escpos.profiles import PROFILES, PrinterProfile, get_profile
from hardware.escpos.raster import encode_receipt_raster
from hardware.labels import tspl, zpl
from hardware.labels.document import Barcode, LabelDocument, QRCode, Text
from tests.hardware.conftest import make_receipt

DRAWER_KICK = "\x1bp\x00\x19\xfa"  # ESC p 0 25 250, what EscPosBuilder.kick_drawer sends
INIT = "\x1b@"
CUT = "\x1dVB\x00"
HOSTILE_REASON = f"商品破损{DRAWER_KICK}{INIT}重打{CUT}\r\n\x10\x14\x01\x00\x00"

#: Text with the bytes an attacker would use, mixed into any Unicode (lone surrogates too).
hostile_text = st.text(
    st.one_of(
        st.characters(exclude_categories=()),
        st.sampled_from(list("\x1b\x1d\x1c\x10\x00\r\n\x0c\x7f\x85pVv@!(k\"^~\\,") + ["\u2028", "¥", "中"]),
    ),
    max_size=24,
)


def asked_for(receipt: Receipt, profile: PrinterProfile, *, kick: bool) -> list[tuple[str, tuple[int, ...]]]:
    """The commands ``receipt`` asks a printer for, read from its layout: what the job must hold."""
    commands: list[tuple[str, tuple[int, ...]]] = [("init", ()), ("chinese_mode", (1,))]
    for line in layout(receipt, profile.columns):
        if line.style is Style.TITLE:
            commands += [("align", (1,)), ("size", (2, 2)), ("size", (1, 1)), ("align", (0,))]
        elif line.style is Style.TOTAL:
            commands += [("bold", (1,)), ("size", (2, 2)), ("size", (1, 1)), ("bold", (0,))]
        elif line.style is Style.CENTER:
            commands += [("align", (1,)), ("align", (0,))]
    commands += [("feed", (1,)), ("align", (1,))]
    if receipt.sale_id and all(" " <= c <= "~" for c in receipt.sale_id):
        commands += [("barcode_height", (64,)), ("barcode_module", (2,)), ("barcode_hri", (2,)), ("barcode", (73,)),
                     ("feed", (1,))]
    if receipt.sale_id:
        commands.append(("qr", ()))
    commands += [("align", (0,)), ("feed", (3,))]
    if kick:
        commands.append(("drawer_kick", (0, 25, 250)))
    return commands + [("cut", (66, 0))]


def return_slip(reason: str) -> Receipt:
    return make_receipt(names=("可口可乐 330ml",), header_lines=("原销售单 T01-20261125-0001", f"原因: {reason}"),
                        footer_lines=("顾客签名: ____________________",))


def test_a_return_reason_holding_a_drawer_kick_opens_nothing_on_any_reprint():
    profile = get_profile("80mm")
    for _ in range(3):  # every reprint is the same job
        job = decode(encode_receipt(return_slip(HOSTILE_REASON), profile), profile.encoding)
        assert job.named("drawer_kick") == []
        assert [c.name for c in job.commands].count("init") == 1
        assert [c.name for c in job.commands].count("cut") == 1 and job.commands[-1].name == "cut"
        assert not job.named("unknown") and not job.named("incomplete")
        reason_line = next(line for line in job.lines if line.startswith("原因"))
        assert reason_line.startswith("原因: 商品破损 p") and "重打 VB" in reason_line


def test_a_cash_refund_slip_kicks_the_drawer_once_however_hostile_its_reason():
    profile = get_profile("58mm")
    job = decode(encode_receipt(return_slip(HOSTILE_REASON), profile, kick_drawer=True), profile.encoding)
    assert [(c.name, c.args) for c in job.named("drawer_kick")] == [("drawer_kick", (0, 25, 250))]
    assert [(c.name, c.args) for c in job.commands] == asked_for(return_slip(HOSTILE_REASON), profile, kick=True)


def test_control_characters_become_spaces_so_the_columns_stay_aligned():
    profile = get_profile("58mm")
    clean = make_receipt(names=("可乐 A  B",), operator="张 三")
    hostile = make_receipt(names=("可乐 A\x1b\x00B",), operator="张\x1d三")
    assert encode_receipt(hostile, profile) == encode_receipt(clean, profile)


def test_every_free_text_field_of_a_receipt_is_cleaned_in_the_one_encoder():
    profile = get_profile("80mm-gbk")
    receipt = make_receipt(
        store_name=f"好邻居{INIT}便利店", names=(f"可乐{DRAWER_KICK}",), operator=f"张{CUT}三",
        member=f"会员 8000000012 赵{DRAWER_KICK}敏", header_lines=(f"欢迎{INIT}",), footer_lines=(f"谢谢{CUT}",),
        discounts=(ReceiptTender(f"券{DRAWER_KICK}", 100),), tenders=(ReceiptTender(f"现金{INIT}", 1000),),
        labels={"title": f"销售小票{CUT}"},
    )
    data = encode_receipt(receipt, profile)
    job = decode(data, profile.encoding)
    assert [(c.name, c.args) for c in job.commands] == asked_for(receipt, profile, kick=False)
    assert data.count(b"\x1bp") == 0 and data.count(b"\x1b@") == 1 and data.count(b"\x1dV") == 1


def test_a_raster_receipt_of_a_hostile_reason_is_an_image_and_its_own_commands():
    job = decode(encode_receipt_raster(return_slip(HOSTILE_REASON), get_profile("58mm")))
    assert {c.name for c in job.commands} == {"init", "raster", "feed", "cut"}
    assert job.lines == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(hostile_text, min_size=8, max_size=8),
    sale_id=st.one_of(st.just("S0001-20261125-0042"), hostile_text),
    profile=st.sampled_from(sorted(PROFILES.values(), key=lambda p: p.name)),
    kick=st.booleans(),
)
def test_for_any_text_the_job_holds_exactly_the_commands_the_receipt_asked_for(
    texts: list[str], sale_id: str, profile: PrinterProfile, kick: bool
):
    store, name, note, operator, member, header, footer, tender = texts
    receipt = Receipt(
        store_name=store, sale_id=sale_id, till="T01", operator=operator, issued_at="2026-11-25 14:03:12",
        lines=(ReceiptLine(name, "2", 150, 300, note=note), ReceiptLine("可乐", "1", 350, 350)),
        subtotal=650, total=650, tenders=(ReceiptTender(tender, 1000),), change=350, member=member,
        header_lines=(header,), footer_lines=(footer,),
    )
    job = decode(encode_receipt(receipt, profile, kick_drawer=kick), profile.encoding)
    assert [(c.name, c.args) for c in job.commands] == asked_for(receipt, profile, kick=kick)
    assert job.lines == [printed_text(device_text(line.text), profile.codec) for line in layout(receipt, profile.columns)]


# ---- labels ------------------------------------------------------------------------------------

TSPL_BREAKOUT = 'A"\r\nPRINT 100,1\r\nTEXT 0,0,"3",0,1,1,"pwned'
ZPL_BREAKOUT = "A^XZ^XA^FO0,0^A0N,30,30^FDpwned^FS^PQ100~JR\r\n"


def test_a_tspl_quote_and_line_break_in_a_text_field_start_no_command():
    doc = LabelDocument(40, 30, (Text(0, 0, TSPL_BREAKOUT, 24), QRCode(0, 100, f'q"{TSPL_BREAKOUT}')))
    data = tspl.build_tspl(doc)
    commands = [line.split(b" ", 1)[0] for line in data.split(b"\r\n") if line]
    assert commands == [b"SIZE", b"GAP", b"DIRECTION", b"REFERENCE", b"CLS", b"TEXT", b"QRCODE", b"PRINT"]
    assert b"\n" not in data.replace(b"\r\n", b"")
    (back,) = tspl.parse_tspl(data)
    assert back.copies == 1
    assert back.elements == (Text(0, 0, device_text(TSPL_BREAKOUT), 24), QRCode(0, 100, device_text(f'q"{TSPL_BREAKOUT}')))


def test_a_zpl_end_and_start_of_label_inside_field_data_start_no_label():
    doc = LabelDocument(40, 30, (Text(0, 0, ZPL_BREAKOUT, 30), Barcode(0, 40, "AB^XZ", "code128")))
    data = zpl.build_zpl(doc)
    assert data.count(b"^XA") == 1 and data.count(b"^XZ") == 1 and data.count(b"^PQ") == 1
    assert b"~" not in data and b"\r" not in data
    (back,) = zpl.parse_zpl(data)
    assert back.copies == 1
    assert back.elements == (Text(0, 0, device_text(ZPL_BREAKOUT), 30), Barcode(0, 40, "AB^XZ", "code128"))


@settings(max_examples=150, deadline=None)
@given(text=hostile_text, code=hostile_text)
def test_for_any_text_a_label_job_holds_exactly_its_documents_commands(text: str, code: str):
    doc = LabelDocument(40, 30, (Text(8, 8, text, 24), Barcode(8, 60, code or "X", "code128"), QRCode(8, 140, text)))
    cleaned = (Text(8, 8, device_text(text), 24), Barcode(8, 60, device_text(code or "X"), "code128"),
               QRCode(8, 140, device_text(text)))

    tspl_job = tspl.build_tspl(doc)
    lines = [line for line in tspl_job.split(b"\r\n") if line]
    assert [line.split(b" ", 1)[0] for line in lines] == [
        b"SIZE", b"GAP", b"DIRECTION", b"REFERENCE", b"CLS", b"TEXT", b"BARCODE", b"QRCODE", b"PRINT"]
    assert not any(b < 0x20 for line in lines for b in line)
    (back,) = tspl.parse_tspl(tspl_job)
    assert back.copies == 1 and len(back.elements) == 3

    zpl_job = zpl.build_zpl(doc)
    assert zpl_job.count(b"^XA") == 1 and zpl_job.count(b"^XZ") == 1 and zpl_job.count(b"^FD") == 3
    assert b"~" not in zpl_job
    (back,) = zpl.parse_zpl(zpl_job)
    assert back.copies == 1 and back.elements == cleaned


# ---- the customer pole display -----------------------------------------------------------------

@pytest.mark.parametrize("fen", [0, 1250, -350, 10**12])
def test_the_pole_display_is_only_ever_sent_its_lamp_and_digits(fen: int):
    data = encode_show(fen, Lamp.TOTAL)
    body = data[len(b"\x1bs2\x1bQA"):-1]
    assert data.startswith(b"\x1bs2\x1bQA") and data.endswith(b"\r")
    assert set(body) <= set(b"0123456789.-")
    state, rest = decode_pole(data)
    assert rest == b"" and state.lamp is Lamp.TOTAL and state.text == body.decode()
