"""Timing helpers and the table printer shared by the benchmarks."""

from __future__ import annotations

import http.client
import json
import statistics
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    samples_ms: list[float]
    target: str
    limit_ms: float | None = None
    unit: str = "ms"
    baseline_p99: float | None = None  # healthz p99 measured in the same run

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    @property
    def ok(self) -> bool | None:
        return None if self.limit_ms is None else self.p99 <= self.limit_ms


def time_calls(call: Callable[[], object], n: int, warmup: int = 10) -> list[float]:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def print_table(results: list[Result]) -> None:
    header = f"{'benchmark':<44} {'n':>6} {'p50':>9} {'p99':>9} {'×healthz p99':>13} {'target':<22} {'ok':<4}"
    print(header)
    print("-" * len(header))
    for r in results:
        ratio = f"{r.p99 / r.baseline_p99:.1f}" if r.baseline_p99 else "-"
        ok = "-" if r.ok is None else ("yes" if r.ok else "NO")
        print(f"{r.name:<44} {len(r.samples_ms):>6} {r.p50:>7.2f}{r.unit[:2]:>2} {r.p99:>7.2f}{r.unit[:2]:>2} "
              f"{ratio:>13} {r.target:<22} {ok:<4}")


class KeepAlive:
    """A lean HTTP/1.1 client on one keep-alive connection, for load generators: ``requests`` costs
    the bench's process about a millisecond of CPU per call, which on a small machine is CPU the
    server under test no longer has (the platforms and shops pushing orders run elsewhere). A call
    on a connection the server closed meanwhile is sent again once on a new one — only for calls
    that are idempotent."""

    def __init__(self, url: str, headers: dict[str, str] | None = None) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.headers = {"Content-Type": "application/json", "Connection": "keep-alive", **(headers or {})}
        self.connection: http.client.HTTPConnection | None = None

    def post(self, path: str, body: object) -> tuple[int, bytes]:
        payload = json.dumps(body, ensure_ascii=False).encode()
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request("POST", path, payload, self.headers)
                answer = self.connection.getresponse()
                return answer.status, answer.read()
            except (ConnectionError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
