"""One serial worker thread for every server call: the GUI thread never waits on a socket.

Serial on purpose: two scans must reach the server in the order the cashier made them.
Results come back to the GUI thread through queued Qt signals.
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]


@dataclass
class _Job:
    id: int
    fn: Callable[[], Any]
    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    #: the widget the callbacks belong to: closed and deleted by the time the answer comes, they are skipped
    owner: QObject | None = None

    def wanted(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)


class _Runner(QThread):
    """Drains the queue; emits through the owning :class:`Worker` (which lives in the GUI thread)."""

    def __init__(self, jobs: queue.Queue[_Job | None], owner: Worker) -> None:
        super().__init__()
        self._jobs = jobs
        self._owner = owner

    def run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                result = job.fn()
            except Exception as exc:  # delivered to the GUI as data, never a crash
                self._owner._failed.emit(job.id, exc)
            else:
                self._owner._done.emit(job.id, result)


class Worker(QObject):
    """Runs callables one at a time off the GUI thread; callbacks run on the GUI thread."""

    _done = Signal(int, object)
    _failed = Signal(int, object)
    #: True while jobs are pending or running.
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._pending: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._runner = _Runner(self._jobs, self)
        self._runner.start()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def submit(self, fn: Callable[[], Any], on_result: ResultCallback | None = None,
               on_error: ErrorCallback | None = None, owner: QObject | None = None) -> int:
        """Queue ``fn``; ``on_result(value)`` or ``on_error(exc)`` follows on the GUI thread, unless
        ``owner`` (the dialog asking) has been deleted by then."""
        job = _Job(next(self._ids), fn, on_result, on_error, owner)
        was_idle = not self._pending
        self._pending[job.id] = job
        self._jobs.put(job)
        if was_idle:
            self.busy_changed.emit(True)
        return job.id

    def stop(self, timeout_ms: int = 5000) -> None:
        """Finish the queued jobs, then end the thread."""
        if self._runner.isRunning():
            self._jobs.put(None)
            self._runner.wait(timeout_ms)

    def _finish(self, job_id: int) -> _Job | None:
        job = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return job

    @Slot(int, object)
    def _on_done(self, job_id: int, result: Any) -> None:
        job = self._pending.get(job_id)
        try:
            if job and job.on_result and job.wanted():
                job.on_result(result)
        finally:
            self._finish(job_id)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: Exception) -> None:
        job = self._pending.get(job_id)
        try:
            if job and job.on_error:
                if job.wanted():
                    job.on_error(exc)
            else:
                log.error("background job failed: %r", exc)
        finally:
            self._finish(job_id)
