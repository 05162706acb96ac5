from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.receipt import Receipt, layout
from hardware import links
from hardware.escpos.encoder import EscPosBuilder, encode_receipt
from hardware.escpos.profiles import get_profile
from hardware.escpos.status import parse_status
from hardware.links import PrinterError, open_link, parse_uri
from hardware.simulators.printer import PrinterSimulator, main


def send(uri: str, data: bytes, timeout: float = 3.0) -> None:
    """Bytes to the printer at ``uri`` over the drivers' own link, as a print job goes."""
    with contextlib.closing(open_link(uri, connect_timeout=min(timeout, 2.0), io_timeout=timeout)) as link:
        link.write(data)


def request_status(uri: str, n: int, timeout: float = 1.0) -> int:
    """The printer's real-time status byte ``n`` (DLE EOT n), asked on the drivers' own link."""
    with contextlib.closing(open_link(uri, connect_timeout=min(timeout, 2.0), io_timeout=timeout)) as link:
        link.write(bytes([0x10, 0x04, n]))
        reply = link.read(1, timeout)
    if not reply:
        raise PrinterError("printer_timeout", uri)
    return reply[0]


@pytest.fixture
def printer():
    simulator = PrinterSimulator(port=0).start()
    yield simulator
    simulator.stop()


def test_printer_receives_a_receipt_over_tcp_and_reads_it_back(printer: PrinterSimulator, receipt: Receipt):
    seen = []
    printer.on_job = seen.append
    send(f"tcp://127.0.0.1:{printer.port}", encode_receipt(receipt, get_profile("80mm")))
    (job,) = printer.wait_for_jobs(1)
    assert job.lines == [line.text for line in layout(receipt, 48)]
    assert job.barcodes == [receipt.sale_id]
    assert seen == [job]


def test_each_cut_ends_a_job_even_on_one_connection(printer: PrinterSimulator, receipt: Receipt):
    data = encode_receipt(receipt, get_profile("58mm"))
    with socket.create_connection(("127.0.0.1", printer.port)) as sock:
        for i in range(0, len(data) * 2, 7):  # dribbled in small pieces, split mid-character
            sock.sendall((data + data)[i : i + 7])
        jobs = printer.wait_for_jobs(2)
    assert len(jobs) == 2
    assert jobs[0].lines == jobs[1].lines == [line.text for line in layout(receipt, 32)]


def test_job_without_a_cut_ends_when_the_connection_closes(printer: PrinterSimulator):
    send(printer.uri, EscPosBuilder().init().chinese_mode().line("测试页").bytes())
    (job,) = printer.wait_for_jobs(1)
    assert job.lines == ["测试页"]


@pytest.mark.parametrize(
    ("state", "n", "expected"),
    [
        ({}, 1, 0x12),
        ({}, 2, 0x12),
        ({}, 4, 0x12),
        ({"offline": True}, 1, 0x1A),
        ({"drawer_open": True}, 1, 0x16),
        ({"cover_open": True}, 2, 0x16),
        ({"cover_open": True}, 1, 0x1A),  # an open cover takes the printer offline
        ({"paper_out": True}, 4, 0x72),
        ({"paper_near_end": True}, 4, 0x1E),
        ({"paper_out": True}, 2, 0x32),
    ],
)
def test_status_request_is_answered_from_the_printer_state(printer: PrinterSimulator, state, n, expected):
    printer.set_status(**state)
    assert request_status(printer.uri, n) == expected


def test_status_requests_inside_a_job_are_answered_and_do_not_make_jobs(printer: PrinterSimulator):
    printer.set_status(paper_out=True)
    with socket.create_connection(("127.0.0.1", printer.port), timeout=2) as sock:
        sock.sendall(b"\x10\x04\x01\x10\x04\x04")
        replies = b""
        while len(replies) < 2:
            replies += sock.recv(1)
    state = parse_status({1: replies[0], 4: replies[1]})
    assert state.paper_out and state.offline
    time.sleep(0.1)
    assert printer.jobs == []


def test_drawer_kick_opens_the_drawer(printer: PrinterSimulator, receipt: Receipt):
    send(printer.uri, encode_receipt(receipt, get_profile("58mm"), kick_drawer=True))
    printer.wait_for_jobs(1)
    assert printer.status.drawer_open
    assert request_status(printer.uri, 1) & 0x04


def test_unreachable_printer_fails_fast_with_a_stable_code():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(PrinterError) as error:
        send(f"tcp://127.0.0.1:{port}", b"\x1b@", timeout=1.0)
    assert error.value.code == "printer_unreachable"
    assert time.monotonic() - started < 1.5


def test_silent_printer_times_out_with_a_stable_code():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with pytest.raises(PrinterError) as error:
            request_status(f"tcp://127.0.0.1:{server.getsockname()[1]}", 1, timeout=0.3)
    assert error.value.code == "printer_timeout"


def test_file_uri_writes_the_raw_bytes(tmp_path):
    target = tmp_path / "out.bin"
    send(f"file://{target}", b"\x1b@\x1c&abc")
    assert target.read_bytes() == b"\x1b@\x1c&abc"


def test_missing_usb_printer_is_unreachable():
    with pytest.raises(PrinterError) as error:
        send("usb://dead:beef", b"\x1b@", timeout=0.5)
    assert error.value.code in ("printer_unreachable", "usb_driver_missing")


@pytest.mark.parametrize(
    ("uri", "scheme", "target", "port", "options"),
    [
        ("tcp://192.168.1.87", "tcp", "192.168.1.87", 9100, {}),
        ("tcp://127.0.0.1:9101", "tcp", "127.0.0.1", 9101, {}),
        ("serial:///dev/ttyUSB0?baudrate=19200", "serial", "/dev/ttyUSB0", None, {"baudrate": "19200"}),
        ("usb://04b8:0202", "usb", "04b8:0202", None, {}),
        ("file:///tmp/out.bin", "file", "/tmp/out.bin", None, {}),
    ],
)
def test_printer_uris_parse(uri, scheme, target, port, options):
    address = parse_uri(uri)
    assert (address.scheme, address.target, address.port, address.options) == (scheme, target, port, options)


@pytest.mark.parametrize("uri", ["lpt://1", "tcp://", "usb://epson", "tcp://host:notaport"])
def test_bad_printer_uris_are_refused_with_a_code(uri):
    with pytest.raises(PrinterError) as error:
        parse_uri(uri)
    assert error.value.code == "printer_uri_invalid"


def test_cli_window_flag_needs_the_ui(capsys):
    with pytest.raises(SystemExit):
        main(["--port", "0", "--window"])


def test_hardware_imports_neither_widgets_nor_ui():
    code = (
        "import sys, hardware.links, hardware.escpos.raster, hardware.escpos.status, hardware.simulators.printer;"
        "bad = [m for m in sys.modules if m.startswith(('ui', 'PySide6.QtWidgets', 'server'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(links.__file__).parents[1], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
