"""Till client benchmarks: cold start to the login screen, and memory after a 100-line sale.

Both run the real ``omnistore client`` process offscreen (``ui.automation`` drives it) against a
store server this module starts itself.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from bench.common import Result
from harness.client import STARTUP_MARKER, ClientProcess
from harness.store import StoreServer, make_store_server

STARTS = 5
SALE_LINES = 100
_RSS = re.compile(r"rss_mb ([0-9.]+)")


def cold_starts(server: StoreServer, workdir: Path, n: int = STARTS) -> list[float]:
    """Milliseconds from process spawn to the login screen being shown."""
    samples = []
    for _ in range(n):
        client = ClientProcess(server.url, "T01", workdir, startup_probe=True)
        client.wait_for(STARTUP_MARKER, timeout=30)
        samples.append((time.perf_counter() - client.started) * 1000)
        client.wait()
    return samples


def rss_after_sale(server: StoreServer, workdir: Path, lines: int = SALE_LINES) -> float:
    """MB resident after logging in, scanning ``lines`` different products through the UI and paying."""
    from sqlalchemy import select

    from app.db.models import Barcode

    with server.db() as session:
        codes = list(session.scalars(select(Barcode.code).where(Barcode.code.like("69%")).limit(lines)))
    assert len(codes) == lines, f"only {len(codes)} barcodes seeded"
    script = "login 1001 1234\nopen_shift 500\n" + "".join(f"scan {c}\n" for c in codes) + "pay\nrss\nquit\n"
    client = ClientProcess(server.url, server.new_till(), workdir, script=script)
    line = client.wait_for("rss_mb", timeout=300)
    client.wait()
    match = _RSS.search(line)
    assert match, line
    return float(match.group(1))


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="omnistore-bench-client-") as tmp:
        server = make_store_server(Path(tmp), products=3000)
        server.start()
        try:
            starts = cold_starts(server, Path(tmp))
            rss = rss_after_sale(server, Path(tmp))
        finally:
            server.stop()
    return [
        Result("client cold start → login shown", starts, "p99 ≤ 2000 ms", 2000),
        Result("client RSS after 100-line sale (MB)", [rss], "≤ 250 MB", 250, unit="MB"),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
