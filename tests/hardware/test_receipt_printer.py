from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.receipt import Receipt, layout
from hardware.drawer import CashDrawer
from hardware.escpos.encoder import EscPosBuilder
from hardware.escpos.status import PrinterState
from hardware.printer import EscPosStatus, PrinterEvent, PrinterStatus, ReceiptPrinter
from hardware.simulators.printer import PrinterSimulator

FAST = dict(backoff=(0.05, 0.2), connect_timeout=0.5, io_timeout=1.0, status_timeout=0.3)


class Events:
    def __init__(self) -> None:
        self.items: list[PrinterEvent] = []
        self.cond = threading.Condition()

    def __call__(self, event: PrinterEvent) -> None:
        with self.cond:
            self.items.append(event)
            self.cond.notify_all()

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self.items]

    def wait_for(self, code: str, timeout: float = 5.0) -> PrinterEvent:
        with self.cond:
            assert self.cond.wait_for(lambda: code in self.codes, timeout), f"no {code}; got {self.codes}"
            return next(e for e in self.items if e.code == code)


@pytest.fixture
def sim() -> Iterator[PrinterSimulator]:
    simulator = PrinterSimulator(port=0).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def events() -> Events:
    return Events()


def dead_uri() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"tcp://127.0.0.1:{s.getsockname()[1]}"


def test_receipt_is_printed_and_confirmed_by_the_printer(sim, events, tmp_path: Path, receipt: Receipt):
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    job_id = printer.print_receipt(receipt, job_id="receipt-S0001")
    events.wait_for("print_job_done")
    printer.close()
    (job,) = sim.wait_for_jobs(1)
    assert job.lines == [line.text for line in layout(receipt, 48)]
    assert job_id == "receipt-S0001"
    assert printer.status.ok and printer.status.label == "ok"


def test_same_job_id_twice_prints_once(sim, events, tmp_path: Path, receipt: Receipt):
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    printer.print_receipt(receipt, job_id="receipt-S1")
    assert printer.wait_idle()
    printer.print_receipt(receipt, job_id="receipt-S1")
    assert printer.wait_idle()
    printer.close()
    time.sleep(0.05)
    assert len(sim.jobs) == 1


def test_paper_out_mid_job_keeps_the_job_and_reprints_it_once_paper_is_loaded(sim, events, tmp_path, receipt):
    first = threading.Event()

    def paper_runs_out(job: object) -> None:
        if not first.is_set():
            first.set()
            sim.set_status(paper_out=True)

    sim.on_job = paper_runs_out
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    job_id = printer.print_receipt(receipt)
    event = events.wait_for("printer_paper_out")
    assert event.job_id == job_id and event.fault.zh == "打印机缺纸"
    assert [j.id for j in printer.pending()] == [job_id]  # still queued
    time.sleep(0.3)
    assert len(sim.jobs) == 1  # no retries into an empty printer
    sim.set_status(paper_out=False)  # the cashier loads paper
    events.wait_for("print_job_done")
    assert "printer_recovered" in events.codes
    assert printer.pending() == []
    printer.close()
    assert len(sim.jobs) == 2 and sim.jobs[1].lines == sim.jobs[0].lines


def test_cover_open_before_printing_sends_nothing(sim, events, tmp_path, receipt):
    sim.set_status(cover_open=True)
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    printer.print_receipt(receipt)
    events.wait_for("printer_cover_open")
    assert sim.jobs == []
    sim.set_status(cover_open=False)
    events.wait_for("print_job_done")
    printer.close()


def test_unreachable_printer_queues_without_blocking_and_tells_the_cashier(events, tmp_path, receipt):
    printer = ReceiptPrinter(dead_uri(), home=tmp_path, on_event=events, **FAST)
    started = time.perf_counter()
    job_id = printer.print_receipt(receipt)
    assert time.perf_counter() - started < 0.1
    event = events.wait_for("printer_unreachable")
    assert event.status.label == "fault"
    assert [j.id for j in printer.pending()] == [job_id]
    printer.close()


def test_queued_job_survives_a_restart_and_prints_when_the_printer_comes_back(events, tmp_path, receipt):
    sim = PrinterSimulator(port=0)
    uri_port = sim.start().port
    sim.stop()  # printer switched off
    uri = f"tcp://127.0.0.1:{uri_port}"
    printer = ReceiptPrinter(uri, home=tmp_path, on_event=events, **FAST)
    job_id = printer.print_receipt(receipt)
    events.wait_for("printer_unreachable")
    printer.close()  # the till is restarted

    sim = PrinterSimulator(port=uri_port).start()  # printer switched on
    try:
        again = Events()
        printer = ReceiptPrinter(uri, home=tmp_path, on_event=again, **FAST)
        assert again.wait_for("print_job_done").job_id == job_id
        printer.close()
        assert len(sim.wait_for_jobs(1)) == 1
    finally:
        sim.stop()


def test_printer_that_does_not_answer_status_is_unknown_not_ok(tmp_path, events, receipt):
    with socket.socket() as server:  # accepts and swallows everything, answers nothing
        server.bind(("127.0.0.1", 0))
        server.listen()
        stop = threading.Event()

        def swallow() -> None:
            server.settimeout(0.1)
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except OSError:
                    continue
                with conn:
                    conn.settimeout(0.5)
                    try:
                        while conn.recv(4096):
                            pass
                    except OSError:
                        pass

        thread = threading.Thread(target=swallow, daemon=True)
        thread.start()
        printer = ReceiptPrinter(f"tcp://127.0.0.1:{server.getsockname()[1]}", home=tmp_path, on_event=events,
                                 **{**FAST, "status_timeout": 0.1})
        job_id = printer.print_receipt(receipt)
        event = events.wait_for("printer_status_unknown")
        assert event.status.label == "unknown" and not event.status.ok
        assert [j.id for j in printer.pending()] == [job_id]
        printer.close()
        stop.set()
        thread.join()


def test_without_status_checks_a_written_job_counts_as_printed(tmp_path, events):
    out = tmp_path / "printer.bin"
    printer = ReceiptPrinter(f"file://{out}", home=tmp_path, on_event=events, status_check=False, **FAST)
    printer.submit(EscPosBuilder().init().line("测试").cut().bytes(), kind="test")
    events.wait_for("print_job_done")
    printer.close()
    assert out.read_bytes().endswith(b"\x1dVB\x00")
    assert printer.status.label == "unknown"


def test_reprint_last_prints_the_last_receipt_again(sim, events, tmp_path, receipt):
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    assert printer.reprint_last() is None
    printer.print_receipt(receipt)
    assert printer.wait_idle()
    printer.reprint_last()
    assert printer.wait_idle()
    printer.close()
    jobs = sim.wait_for_jobs(2)
    assert jobs[0].lines == jobs[1].lines


def test_paper_near_end_warns_but_prints(sim, events, tmp_path, receipt):
    sim.set_status(paper_near_end=True)
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    printer.print_receipt(receipt)
    events.wait_for("print_job_done")
    assert "printer_paper_near_end" in events.codes
    printer.close()


def test_drawer_opens_and_the_sensor_is_read_back_even_when_out_of_paper(sim, events, tmp_path):
    sim.set_status(paper_out=True)
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, poll_interval=0.05, **FAST)
    drawer = CashDrawer(printer)
    started = time.perf_counter()
    drawer.open()
    assert time.perf_counter() - started < 0.05
    events.wait_for("drawer_opened")
    assert sim.status.drawer_open and drawer.is_open()
    sim.set_status(drawer_open=False)  # the cashier shuts it
    events.wait_for("drawer_closed")
    printer.close()


def test_drawer_that_does_not_open_is_reported(events, tmp_path):
    sim = PrinterSimulator(port=0).start()
    sim.drawer_connected = False  # a printer with nothing on its drawer port
    printer = ReceiptPrinter(sim.uri, home=tmp_path, on_event=events, **FAST)
    printer.open_drawer()
    events.wait_for("drawer_not_opened")
    printer.close()
    sim.stop()


@pytest.mark.parametrize(
    ("state", "faults"),
    [
        (PrinterState(), ()),
        (PrinterState(offline=True), ("printer_offline",)),
        (PrinterState(offline=True, paper_out=True), ("printer_paper_out",)),
        (PrinterState(offline=True, cover_open=True, paper_near_end=True), ("printer_cover_open", "printer_paper_near_end")),
    ],
)
def test_status_faults(state, faults):
    assert PrinterStatus(state=state, reachable=True).faults == faults


def test_nonsense_status_reply_is_unknown():
    class Garbage:
        can_read = True

        def write(self, data: bytes) -> None: ...
        def read(self, n: int, timeout: float) -> bytes: return b"\xff"
        def discard_input(self) -> None: ...
        def close(self) -> None: ...

    assert EscPosStatus().query(Garbage(), 0.1) is None


def test_printer_from_devices_json_entry(sim, events, tmp_path, receipt):
    from hardware.config import DeviceConfig
    from hardware.devices import DeviceKind
    from hardware.printer import receipt_printer_from_config

    config = DeviceConfig("front", DeviceKind.RECEIPT_PRINTER, sim.uri, profile="58mm", encoding="gbk")
    printer = receipt_printer_from_config(config, home=tmp_path, on_event=events)
    assert printer.profile.codec == "gbk" and printer.store.path.name == "front.sqlite3"
    printer.print_receipt(receipt)
    events.wait_for("print_job_done")
    printer.close()
