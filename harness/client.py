"""The real ``omnistore client`` as a child process, driven by ui.automation's script hook."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path

from harness.processes import OMNISTORE, ROOT
from ui.automation import PREFIX, SCRIPT_ENV, STARTUP_ENV, STARTUP_MARKER

__all__ = ["ClientProcess", "PREFIX", "STARTUP_MARKER"]


class ClientProcess:
    """``python -m omnistore client`` offscreen (``board``: the O2O board alone, ``--board``); its
    stdout lines are collected as they come."""

    def __init__(self, server_url: str, till: str, workdir: Path, *, script: str | None = None,
                 startup_probe: bool = False, lang: str = "zh_CN", board: bool = False) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
        env.pop(SCRIPT_ENV, None)
        env.pop(STARTUP_ENV, None)
        if script is not None:
            path = workdir / f"client-script-{till}.txt"
            path.write_text(script, encoding="utf-8")
            env[SCRIPT_ENV] = str(path)
        if startup_probe:
            env[STARTUP_ENV] = "1"
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.started = time.perf_counter()
        self.log = workdir / f"client-{till}.log"
        with open(self.log, "ab") as stderr:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [*OMNISTORE, "client", "--server", server_url, "--till", till, "--lang", lang,
                 *(["--board"] if board else [])],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True, encoding="utf-8",
            )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The first output line containing ``text``; fails on a script error, an exit or the timeout."""
        for line in self.lines:
            if text in line:
                return line
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"client did not print {text!r}; got {self.lines}") from None
            if line is None:
                raise RuntimeError(f"client exited ({self.process.wait()}) before {text!r}; got {self.lines}")
            self.lines.append(line)
            if text in line:
                return line
            if line.startswith(f"{PREFIX} error"):
                raise RuntimeError(line)

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> int:
        """SIGKILL: no close handlers, no logout, like pulling the till's power cord."""
        if self.alive:
            os.kill(self.process.pid, signal.SIGKILL)
        return self.process.wait(timeout=10)

    def wait(self, timeout: float = 30.0) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
