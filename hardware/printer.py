"""Receipt printer driver (小票打印机): a worker thread per printer over a persisted queue.

The caller hands over bytes (or a ``Receipt``) and returns at once; the worker connects
with short timeouts, asks the printer's real status (DLE EOT) before and after each job,
and only marks a job printed when the printer says all is well after the write. A
printer that is off, out of paper or has its cover open keeps the job queued; the worker
retries with backoff and tells the cashier through ``on_event`` (codes from
``hardware.faults``). No answer to a status request is "unknown", never "OK".

``on_event`` is called on the worker thread; a Qt UI forwards it with a signal.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.domain.receipt import Receipt
from hardware.config import DeviceConfig
from hardware.escpos.encoder import encode_receipt
from hardware.escpos.profiles import PrinterProfile, get_profile
from hardware.escpos.status import PrinterState, parse_status
from hardware.faults import Fault, fault
from hardware.jobs import JobStore, PrintJob
from hardware.links import Link, PrinterError, open_link

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What we last learnt. ``state`` is None when the printer did not answer."""

    state: PrinterState | None = None
    reachable: bool = False
    error: str = ""  # a fault code when it could not be opened or written
    checked_at: float = 0.0

    @property
    def ok(self) -> bool:
        return self.state is not None and self.state.ready and not self.error

    @property
    def label(self) -> str:
        """'ok', 'unknown' (never asked, or no answer) or 'fault'."""
        if self.error or (self.state is not None and not self.state.ready):
            return "fault"
        return "ok" if self.ok else "unknown"

    @property
    def faults(self) -> tuple[str, ...]:
        """Fault codes, worst first; a paper-near-end warning comes with an otherwise OK printer."""
        if self.error:
            return (self.error,)
        if self.state is None:
            return ("printer_status_unknown",) if self.reachable else ()
        return state_faults(self.state)


def state_faults(state: PrinterState) -> tuple[str, ...]:
    codes = []
    if state.cover_open:
        codes.append("printer_cover_open")
    if state.paper_out:
        codes.append("printer_paper_out")
    if state.cutter_error:
        codes.append("printer_cutter_error")
    if state.offline and not codes:
        codes.append("printer_offline")
    if state.paper_near_end and not state.paper_out:
        codes.append("printer_paper_near_end")
    return tuple(codes)


@dataclass(frozen=True, slots=True)
class PrinterEvent:
    """Something the cashier may need to know. ``code`` is a ``hardware.faults`` code."""

    printer_id: str
    code: str
    job_id: str = ""
    status: PrinterStatus | None = None

    @property
    def fault(self) -> Fault:
        return fault(self.code)


EventCallback = Callable[[PrinterEvent], None]


class StatusProtocol(Protocol):
    def query(self, link: Link, timeout: float) -> PrinterState | None: ...


class EscPosStatus:
    """DLE EOT 1, 2, 4 and 3: each answered by one byte with the fixed bits 0x12 set."""

    order = (1, 2, 4, 3)

    def query(self, link: Link, timeout: float) -> PrinterState | None:
        if not link.can_read:
            return None
        link.discard_input()  # stale bytes (automatic status, an earlier late answer)
        answers: dict[int, int] = {}
        for n in self.order:
            link.write(DLE_EOT + bytes([n]))
            reply = link.read(1, timeout)
            if not reply or reply[0] & 0x93 != 0x12:
                if n == 1:
                    return None  # nothing (or nonsense) back: unknown, never "OK"
                continue  # some printers skip n = 3 or 4; byte 1 and 2 still tell the main story
            answers[n] = reply[0]
        return parse_status(answers)


class PrinterWorker:
    """A printer's queue and the thread that empties it. Subclasses choose the status protocol."""

    status_protocol: StatusProtocol = EscPosStatus()
    queue_kind = "receipt"

    def __init__(
        self,
        uri: str,
        *,
        printer_id: str = "receipt",
        home: Path,
        on_event: EventCallback | None = None,
        status_check: bool = True,
        connect_timeout: float = 1.5,
        io_timeout: float = 3.0,
        status_timeout: float = 0.8,
        backoff: tuple[float, float] = (0.5, 30.0),
        poll_interval: float = 0.0,
        autostart: bool = True,
    ) -> None:
        self.uri = uri
        self.printer_id = printer_id
        self.on_event = on_event
        self.status_check = status_check
        self.connect_timeout = connect_timeout
        self.io_timeout = io_timeout
        self.status_timeout = status_timeout
        self.backoff = backoff
        self.poll_interval = poll_interval
        self.store = JobStore(home / "print_jobs" / f"{printer_id}.sqlite3")
        self._status = PrinterStatus()
        self._reported: tuple[str, ...] = ()
        self._wake = threading.Condition()
        self._actions: collections.deque[Callable[[], None]] = collections.deque()
        self._stopping = False
        self._busy = False
        self._retry_at = 0.0
        self._delay = backoff[0]
        self._thread: threading.Thread | None = None
        if autostart:
            self.start()

    # -- the caller's side: all of it returns at once ------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name=f"printer-{self.printer_id}", daemon=True)
            self._thread.start()

    def close(self, timeout: float = 3.0) -> None:
        """Stop the worker (queued jobs stay on disk for the next start)."""
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.store.close()

    def submit(self, data: bytes, *, kind: str | None = None, label: str = "", job_id: str | None = None) -> str:
        """Queue a job; returns its id. Only a local SQLite insert happens on the caller's thread."""
        job = self.store.add(data, kind=kind or self.queue_kind, label=label, job_id=job_id)
        self._emit("print_job_queued", job.id)
        self._poke(retry_now=True)
        return job.id

    def retry_now(self) -> None:
        """The cashier fixed something (loaded paper): try again without waiting out the backoff."""
        self._poke(retry_now=True)

    def request_status(self) -> None:
        """Ask the printer for its status in the background; the answer comes as events and in ``status``."""
        self._run_action(self._check_status)

    @property
    def status(self) -> PrinterStatus:
        return self._status

    def pending(self) -> list[PrintJob]:
        return self.store.queued()

    def cancel(self, job_id: str) -> None:
        self.store.cancel(job_id)

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """True once the queue is empty and nothing is in flight (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._wake:
                if not self._busy and not self._actions and self.store.next_queued() is None:
                    return True
            time.sleep(0.01)
        return False

    # -- the worker ------------------------------------------------------------------------------

    def _poke(self, *, retry_now: bool = False) -> None:
        with self._wake:
            if retry_now:
                self._retry_at = 0.0
                self._delay = self.backoff[0]
            self._wake.notify_all()

    def _run_action(self, action: Callable[[], None]) -> None:
        with self._wake:
            self._actions.append(action)
            self._wake.notify_all()

    def _run(self) -> None:
        next_poll = time.monotonic() + self.poll_interval
        while True:
            with self._wake:
                while not self._stopping and not self._actions:
                    now = time.monotonic()
                    has_job = self.store.next_queued() is not None
                    if has_job and now >= self._retry_at:
                        break
                    waits = [self._retry_at - now] if has_job else []
                    if self.poll_interval:
                        waits.append(next_poll - now)
                        if now >= next_poll:
                            break
                    self._wake.wait(max(0.0, min(waits)) if waits else None)
                if self._stopping:
                    return
                action = self._actions.popleft() if self._actions else None
                self._busy = True
            try:
                if action is not None:
                    action()
                    continue
                job = self.store.next_queued()
                if job is not None and time.monotonic() >= self._retry_at:
                    self._print(job)
                elif self.poll_interval and time.monotonic() >= next_poll:
                    self._check_status()
                    next_poll = time.monotonic() + self.poll_interval
            except Exception:
                log.exception("printer %s: worker step failed", self.printer_id)
                self._retry_at = time.monotonic() + self._delay  # never spin on a job that breaks us
            finally:
                with self._wake:
                    self._busy = False

    def _print(self, job: PrintJob) -> None:
        try:
            link = open_link(self.uri, connect_timeout=self.connect_timeout, io_timeout=self.io_timeout)
        except PrinterError as exc:
            self._failed(job, PrinterStatus(error=exc.code, checked_at=time.time()), str(exc))
            return
        try:
            if self.status_check:
                before = self._query(link)
                if not before.ok:
                    self._failed(job, before, "not ready before printing")
                    return
            link.write(job.data)
            if self.status_check:
                after = self._query(link)
                if not after.ok:
                    # Paper ran out (or the cover opened) while printing: the whole job goes again.
                    self._failed(job, after, "not ready after printing")
                    return
            else:
                after = PrinterStatus(reachable=True, checked_at=time.time())
        except PrinterError as exc:
            self._failed(job, PrinterStatus(reachable=True, error=exc.code, checked_at=time.time()), str(exc))
            return
        finally:
            link.close()
        self.store.mark_done(job.id)
        self._delay = self.backoff[0]
        self._retry_at = 0.0
        self._set_status(after)
        self._emit("print_job_done", job.id)

    def _failed(self, job: PrintJob, status: PrinterStatus, why: str) -> None:
        self.store.attempt_failed(job.id, ",".join(status.faults) or why)
        self._set_status(status, job.id)
        with self._wake:
            self._retry_at = time.monotonic() + self._delay
            self._delay = min(self._delay * 2, self.backoff[1])
        log.info("printer %s: job %s kept (%s); retry in %.1fs", self.printer_id, job.id, why, self._delay)

    def _query(self, link: Link) -> PrinterStatus:
        state = self.status_protocol.query(link, self.status_timeout)
        return PrinterStatus(state=state, reachable=True, checked_at=time.time())

    def _check_status(self) -> None:
        try:
            link = open_link(self.uri, connect_timeout=self.connect_timeout, io_timeout=self.io_timeout)
        except PrinterError as exc:
            self._set_status(PrinterStatus(error=exc.code, checked_at=time.time()))
            return
        try:
            self._set_status(self._query(link))
        except PrinterError as exc:
            self._set_status(PrinterStatus(reachable=True, error=exc.code, checked_at=time.time()))
        finally:
            link.close()
        if self._status.ok and self.store.next_queued() is not None:
            self._poke(retry_now=True)  # fixed: print what waited

    def _set_status(self, status: PrinterStatus, job_id: str = "") -> None:
        previous, self._status = self._status, status
        self._on_status_change(previous, status)
        faults = status.faults
        if faults == self._reported:
            if status.label != previous.label:  # e.g. first answer: unknown → ok
                self._emit("printer_status", job_id, status)
            return
        for code in faults:
            if code not in self._reported:
                self._emit(code, job_id, status)
        warning_only = {"printer_paper_near_end"}
        if status.ok and not set(faults) - warning_only and set(self._reported) - warning_only:
            self._emit("printer_recovered", job_id, status)
        self._reported = faults

    def _on_status_change(self, previous: PrinterStatus, status: PrinterStatus) -> None:
        """Hook for subclasses (the drawer sensor)."""

    def _emit(self, code: str, job_id: str = "", status: PrinterStatus | None = None) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(PrinterEvent(self.printer_id, code, job_id, status or self._status))
        except Exception:
            log.exception("printer %s: event callback failed", self.printer_id)


class ReceiptPrinter(PrinterWorker):
    """An ESC/POS receipt printer with its cash drawer.

    >>> printer = ReceiptPrinter("tcp://192.168.1.50:9100", profile="80mm", home=till_home, on_event=show_to_cashier)
    >>> printer.print_receipt(receipt, job_id=f"receipt-{sale_id}")
    >>> printer.open_drawer()
    """

    def __init__(self, uri: str, *, profile: str | PrinterProfile = "80mm", drawer_pin: int = 0,
                 drawer_sensor_high: bool = True, raster: bool = False, **kwargs: object) -> None:
        self.profile = profile if isinstance(profile, PrinterProfile) else get_profile(profile)
        #: no Chinese font in the printer: receipts are sent as pictures (GS v 0)
        self.raster = raster
        self.drawer_pin = drawer_pin
        self.drawer_sensor_high = drawer_sensor_high
        super().__init__(uri, **kwargs)  # type: ignore[arg-type]

    def print_receipt(self, receipt: Receipt, *, job_id: str | None = None) -> str:
        """Encode and queue ``receipt``. Pass ``job_id`` (e.g. the sale id) so a retry prints once."""
        if self.raster:
            from hardware.escpos.raster import encode_receipt_raster

            data = encode_receipt_raster(receipt, self.profile)
        else:
            data = encode_receipt(receipt, self.profile)
        return self.submit(data, kind="receipt", label=f"{receipt.sale_id}", job_id=job_id)

    def reprint_last(self) -> str | None:
        """Queue the last printed receipt again (重打小票); None when nothing was printed yet."""
        last = self.store.last_done()
        if last is None:
            return None
        return self.submit(last.data, kind="reprint", label=last.label)

    def open_drawer(self) -> None:
        """Kick the cash drawer now, ahead of queued jobs (the drawer must open even with no paper).

        The result arrives as an event: ``drawer_opened``, ``drawer_not_opened`` or
        ``drawer_sensor_unknown``.
        """
        self._run_action(self._open_drawer)

    def _open_drawer(self) -> None:
        from hardware.drawer import kick_and_check

        try:
            link = open_link(self.uri, connect_timeout=self.connect_timeout, io_timeout=self.io_timeout)
        except PrinterError as exc:
            self._set_status(PrinterStatus(error=exc.code, checked_at=time.time()))
            self._emit("drawer_not_opened")
            return
        try:
            result = kick_and_check(
                link, pin=self.drawer_pin, sensor_high=self.drawer_sensor_high, timeout=self.status_timeout,
                status=self.status_protocol,
            )
        except PrinterError as exc:
            self._set_status(PrinterStatus(reachable=True, error=exc.code, checked_at=time.time()))
            self._emit("drawer_not_opened")
            return
        finally:
            link.close()
        if result.state is not None:
            self._status = dataclasses.replace(self._status, state=result.state, reachable=True, checked_at=time.time())
        self._emit(result.code)

    def _on_status_change(self, previous: PrinterStatus, status: PrinterStatus) -> None:
        was = previous.state is not None and previous.state.drawer_open == self.drawer_sensor_high
        now = status.state is not None and status.state.drawer_open == self.drawer_sensor_high
        if was and status.state is not None and not now:
            self._emit("drawer_closed", status=status)


def receipt_printer_from_config(config: DeviceConfig, *, home: Path,
                                on_event: EventCallback | None = None) -> ReceiptPrinter:
    """The till's receipt printer as ``devices.json`` describes it (profile, endpoints, status checks)."""
    profile = get_profile(config.profile)
    if config.encoding and config.encoding != profile.encoding:
        profile = dataclasses.replace(profile, encoding=config.encoding)  # type: ignore[arg-type]
    return ReceiptPrinter(
        config.device_uri(), profile=profile, printer_id=config.id, home=home, on_event=on_event,
        status_check=config.status_check, drawer_sensor_high=config.options.get("drawer_sensor", "high") == "high",
        raster=config.options.get("raster") == "1",
    )
