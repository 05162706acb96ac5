"""``python -m bench``: every benchmark, one table.

The store API runs against a real server seeded with 200,000 SKUs; the back office against one
with a year of sales besides; the client, hardware, pricing and HQ ingest benchmarks bring up what
they need themselves. ``--only`` picks some.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Result, print_table


def _store_api(args: argparse.Namespace) -> list[Result]:
    from bench import store_api
    from harness.store import make_store_server

    with tempfile.TemporaryDirectory(prefix="omnistore-bench-") as tmp:
        started = time.perf_counter()
        server = make_store_server(Path(tmp), products=args.products)
        print(f"seeded {args.products} SKUs in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        server.start()
        try:
            return store_api.run(server, args.n)
        finally:
            server.stop()


def _client(args: argparse.Namespace) -> list[Result]:
    from bench import client

    return client.run()


def _hardware(args: argparse.Namespace) -> list[Result]:
    from bench import hardware

    return hardware.run()


def _pricing(args: argparse.Namespace) -> list[Result]:
    from bench import pricing

    return pricing.run()


def _hq_ingest(args: argparse.Namespace) -> list[Result]:
    from bench import hq_ingest

    return hq_ingest.run()


def _sync_catchup(args: argparse.Namespace) -> list[Result]:
    from bench import sync_catchup

    return sync_catchup.run() + sync_catchup.feed_to_new_store()


def _loyalty(args: argparse.Namespace) -> list[Result]:
    from bench import loyalty

    return loyalty.run()


def _backoffice(args: argparse.Namespace) -> list[Result]:
    from bench import backoffice

    return backoffice.run(products=args.products, days=args.history_days)


def _paycodes(args: argparse.Namespace) -> list[Result]:
    from bench import paycodes

    return paycodes.run(n=min(args.n, 300))


def _o2o_board(args: argparse.Namespace) -> list[Result]:
    from bench import o2o_board

    return o2o_board.run()


def _o2o(args: argparse.Namespace) -> list[Result]:
    from bench import o2o

    return o2o.run()


def _recon(args: argparse.Namespace) -> list[Result]:
    from bench import recon

    return recon.run()


SUITES: dict[str, Callable[[argparse.Namespace], list[Result]]] = {
    "store_api": _store_api,
    "client": _client,
    "hardware": _hardware,
    "pricing": _pricing,
    "hq_ingest": _hq_ingest,
    "sync_catchup": _sync_catchup,
    "loyalty": _loyalty,
    "backoffice": _backoffice,
    "paycodes": _paycodes,
    "o2o_board": _o2o_board,
    "o2o": _o2o,
    "recon": _recon,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("--history-days", type=int, default=365, help="days of sales for the back-office suite")
    parser.add_argument("-n", type=int, default=1000, help="samples per store API benchmark")
    parser.add_argument("--only", action="append", choices=sorted(SUITES), help="run only these suites")
    args = parser.parse_args(argv)
    results: list[Result] = []
    for name in args.only or list(SUITES):
        print(f"running {name}…", file=sys.stderr, flush=True)
        results += SUITES[name](args)
    print_table(results)
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
