"""Timing helpers and the table printer shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
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
