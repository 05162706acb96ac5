"""``python -m bench``: seeds 200,000 SKUs into a scratch store, starts a real server, prints a table."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench import store_api
from bench.common import print_table
from tests.conftest import make_store_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("-n", type=int, default=1000, help="samples per benchmark")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="omnistore-bench-") as tmp:
        started = time.perf_counter()
        server = make_store_server(Path(tmp), products=args.products)
        print(f"seeded {args.products} SKUs in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        server.start()
        try:
            results += store_api.run(server, args.n)
        finally:
            server.stop()
        try:
            from bench import client
        except ImportError:
            client = None  # type: ignore[assignment]
        if client is not None:
            results += client.run()
    print_table(results)
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
