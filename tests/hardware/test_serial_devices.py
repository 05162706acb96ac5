from __future__ import annotations

import queue
import time

import pytest

from hardware.display import DisplayState, Lamp, PoleDisplay, amount_text, decode_pole, encode_show
from hardware.scale import FrameParser, Reading, SerialScale, StableDetector, parse_stgs, parse_toledo, toledo_frame
from hardware.scanner import Scan, ScanParser, SerialScanner, parse_code
from hardware.simulators.serial_devices import DisplaySimulator, ScaleSimulator, ScannerSimulator

# -- scanner -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "text", "symbology"),
    [
        (b"]E06901234567892", "6901234567892", "EAN-13"),
        (b"]C1(01)06901234567892", "(01)06901234567892", "GS1-128"),
        ("]Q1https://m.example.cn/支付".encode(), "https://m.example.cn/支付", "QR Code"),
        (b"]d2\x1d0106901234567892", "\x1d0106901234567892", "GS1 DataMatrix"),
        (b"]E46901234", "6901234", "EAN-8"),
        (b"6901234567892", "6901234567892", ""),
        ("]Q1会员码".encode("gb18030"), "会员码", "QR Code"),
    ],
)
def test_aim_identifiers_name_the_symbology(raw, text, symbology):
    scan = parse_code(raw)
    assert (scan.text, scan.symbology) == (text, symbology)


@pytest.mark.parametrize(("suffix", "end"), [("CR", b"\r"), ("LF", b"\n"), ("CRLF", b"\r\n"), ("TAB", b"\t")])
def test_scans_split_on_the_configured_suffix_in_any_chunking(suffix, end):
    parser = ScanParser(suffix)
    stream = b"]E06901234567892" + end + b"ABC-123" + end
    scans: list[Scan] = []
    for i in range(len(stream)):
        scans += parser.feed(stream[i : i + 1])
    assert [(s.text, s.aim) for s in scans] == [("6901234567892", "]E0"), ("ABC-123", "")]


def test_serial_scanner_reads_codes_through_a_pty():
    got: queue.Queue[Scan] = queue.Queue()
    with ScannerSimulator("CRLF") as sim:
        scanner = SerialScanner(sim.path, on_scan=got.put, suffix="CRLF").start()
        assert scanner.reader.connected.wait(2)
        sim.scan("6901234567892", "]E0")
        sim.scan("https://qr.example.cn/x", "]Q1")
        first, second = got.get(timeout=2), got.get(timeout=2)
        scanner.close()
    assert (first.text, first.symbology) == ("6901234567892", "EAN-13")
    assert (second.text, second.symbology) == ("https://qr.example.cn/x", "QR Code")


def test_missing_scanner_port_is_reported_not_raised():
    events: list[str] = []
    scanner = SerialScanner("/dev/does-not-exist", on_scan=lambda s: None, on_event=events.append).start()
    time.sleep(0.1)
    scanner.close()
    assert events == ["scanner_disconnected"]


# -- scale ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "reading"),
    [
        ("ST,GS,+0012.345kg", Reading(12345, True)),
        ("US,NT,-0000.010kg", Reading(-10, False, True)),
        ("ST,NT,+  1.502 kg", Reading(1502, True, True)),
        ("OL,GS,+0099.999kg", Reading(99999, False, overload=True)),
        ("ST,GS,+  500g", Reading(500, True)),
    ],
)
def test_stgs_lines(line, reading):
    assert parse_stgs(line) == reading


def test_garbage_line_is_no_reading():
    assert parse_stgs("hello") is None and parse_toledo(b"\x21\x30") is None


@pytest.mark.parametrize("reading", [Reading(12345, True), Reading(250, False, True, 120), Reading(-40, True, True)])
def test_toledo_frames_round_trip(reading):
    frame = toledo_frame(reading)
    assert frame[0] == 0x02 and frame[-1] == 0x0D and len(frame) == 17
    (back,) = FrameParser("toledo").feed(b"\x00garbage" + frame)
    assert back == reading


def test_stable_needs_the_flag_and_a_hold():
    detector = StableDetector(tolerance_g=2, hold_s=0.3)
    assert not detector.update(Reading(500, True), now=0.0)
    assert not detector.update(Reading(501, True), now=0.2)
    assert detector.update(Reading(501, True), now=0.31)
    assert not detector.update(Reading(560, True), now=0.4)  # something added: start over
    assert not detector.update(Reading(560, False), now=0.8)


@pytest.mark.parametrize("protocol", ["stgs", "toledo"])
def test_scale_on_a_pty_reports_stable_weight_tare_and_zero(protocol):
    with ScaleSimulator(protocol) as sim:
        scale = SerialScale(sim.path, protocol=protocol, hold_s=0.1).start()
        sim.put(1234)
        reading = scale.wait_stable(3, lambda r: r.weight_g == 1234)
        assert reading == Reading(1234, True)
        assert scale.tare()
        reading = scale.wait_stable(3, lambda r: r.net)
        assert reading is not None and reading.weight_g == 0
        assert reading.tare_g == (1234 if protocol == "toledo" else 0)  # ST,GS lines carry no tare
        sim.put(1734)
        assert scale.wait_stable(3, lambda r: r.weight_g == 500) is not None
        assert scale.zero()
        assert scale.wait_stable(3, lambda r: r.weight_g == 0 and not r.net) is not None
        scale.close()


# -- customer display ------------------------------------------------------------------------------

def test_pole_display_bytes():
    assert encode_show(1250, Lamp.TOTAL) == b"\x1bs2\x1bQA12.50\r"
    assert amount_text(123456789) == "999999.99" and amount_text(-50) == "-0.50"
    state, rest = decode_pole(b"\x1b@\x0c\x1bs4\x1bQA3.50\r\x1bQA1")
    assert state == DisplayState("3.50", Lamp.CHANGE) and rest == b"\x1bQA1"


def test_pole_display_through_a_pty_never_blocks_the_till():
    with DisplaySimulator() as sim:
        display = PoleDisplay(sim.path)
        started = time.perf_counter()
        display.show_price(350)
        display.show_total(1290)
        assert time.perf_counter() - started < 0.02
        assert sim.wait_for("12.90") == DisplayState("12.90", Lamp.TOTAL)
        display.show_change(710)
        assert sim.wait_for("7.10").lamp is Lamp.CHANGE
        display.close()
    assert sim.received.startswith(b"\x1b@")


def test_unplugged_display_is_reported():
    events: list[str] = []
    display = PoleDisplay("/dev/does-not-exist", on_event=events.append)
    display.show_total(100)
    display.flush()
    display.close()
    assert events == ["display_unreachable"]
