"""The ``omnistore`` command: the composition root, the one place that wires app, ui, server and hardware."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_STORE_PORT = 8701
DEFAULT_HQ_PORT = 8700
DEFAULT_PRINTER_PORT = 9100
DEFAULT_PLATFORM_PORT = 8791
#: how long a stop waits for requests in flight (a long-poll is cut there, and its caller asks again)
GRACEFUL_STOP_SECONDS = 3
DEMO_PRODUCTS = 50_000


def _store_settings():  # type: ignore[no-untyped-def]
    from app.settings import StoreSettings

    return StoreSettings.from_env()


def _home() -> Path:
    """This machine's data directory: the store server's database, the till's devices and queues."""
    from app.settings import default_home

    return default_home()


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.db.engine import ensure_parent, make_engine
    from app.db.migrate import upgrade

    settings = _store_settings()
    ensure_parent(settings.database_path)
    upgrade(make_engine(settings.database_url))
    print(f"store database at head: {settings.database_path}")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from app.db.engine import ensure_parent, make_engine, make_session_factory
    from app.db.migrate import upgrade
    from app.seed import seed

    settings = _store_settings()
    ensure_parent(settings.database_path)
    engine = make_engine(settings.database_url)
    upgrade(engine)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()

    with make_session_factory(engine)() as session:
        added = seed(session, args.products, progress if sys.stderr.isatty() else None)
        if args.sample_promotions:
            from app.seed import add_sample_promotions

            add_sample_promotions(session)
        if args.sample_shelves:
            from app.seed import add_sample_shelves

            print(f"placed {add_sample_shelves(session)} products on shelves (货位)")
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"seeded {added} products in {time.perf_counter() - started:.1f}s into {settings.database_path}")
    if args.history_days:
        from app.history import generate

        started = time.perf_counter()
        with make_session_factory(engine)() as session:
            sales = generate(session, args.history_days, progress=progress if sys.stderr.isatty() else None)
            session.commit()
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        print(f"seeded {sales} sales over {args.history_days} days in {time.perf_counter() - started:.1f}s")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """审计: whether the store's audit chain holds; exit 1 naming the first broken entry."""
    from app import audit
    from app.db.engine import make_engine, make_session_factory, reading

    home = Path(args.home) if args.home else _home()
    database = home / "store.sqlite3"
    if not database.exists():
        print(f"no store database at {database}", file=sys.stderr)
        return 2
    engine = make_engine(f"sqlite:///{database}")
    try:
        with make_session_factory(engine)() as session:
            verdict = audit.verify(reading(session))
    finally:
        engine.dispose()
    if verdict.intact:
        print(f"audit chain intact: {verdict.entries} entries")
        return 0
    print(f"audit chain broken at seq {verdict.broken_at} ({verdict.reason})")
    return 1


def cmd_shelves_import(args: argparse.Namespace) -> int:
    """货位: import a CSV of ``SKU,location`` lines into the store's database, as the manager
    ``--operator`` (in the audit log); all or nothing: a bad line is named and nothing changes."""
    from sqlalchemy import select

    from app import shelves
    from app.context import Actor
    from app.db.engine import make_engine, make_session_factory
    from app.db.models import Operator
    from app.domain.errors import DomainError
    from app.messages import message

    settings = _store_settings()
    if not settings.database_path.exists():
        print(f"no store database at {settings.database_path}", file=sys.stderr)
        return 2
    try:
        text = shelves.decode(Path(args.file).read_bytes())
    except OSError as error:
        print(f"cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            operator = session.scalar(select(Operator).where(Operator.code == args.operator, Operator.active,
                                                             Operator.locked.is_(False)))
            if operator is None:
                print(f"no active operator {args.operator} in this store", file=sys.stderr)
                return 2
            actor = Actor(operator.id, operator.code, operator.name, operator.role, "cli")
            try:
                done = shelves.import_csv(session, actor, text, source=Path(args.file).name[:40])
            except DomainError as error:
                session.rollback()
                print(message(error.code, args.language, error.params), file=sys.stderr)
                return 1
            session.commit()
    finally:
        engine.dispose()
    print(f"shelf locations: {done['saved']} set, {done['cleared']} cleared")
    return 0


def cmd_store_server(args: argparse.Namespace) -> int:
    import uvicorn

    from server.store.app import create_store_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = create_store_app(_store_settings())
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False,
                timeout_graceful_shutdown=GRACEFUL_STOP_SECONDS)  # the board's long-poll would hold a stop
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    """Trade HQ's one-time code for this store's identity; the store server syncs from then on."""
    from app.sync import config as sync_config
    from app.sync.hq_client import HqError, enroll

    settings = _store_settings()
    try:
        config = enroll(args.hq, args.code, args.ca_file)
    except HqError as error:
        print(f"enrolment failed: {error.code} {error.message}", file=sys.stderr)
        return 1
    path = sync_config.save(settings.home, config)
    print(f"enrolled as store {config.store_code} ({config.store_name}); identity saved to {path}")
    print("restart the store server to start syncing")
    return 0


def cmd_client(args: argparse.Namespace) -> int:
    if args.recon:
        from ui.recon import run_recon

        if not args.hq or not args.key:
            print("--recon needs --hq URL and --key KEY (an HQ API key with the finance scope)", file=sys.stderr)
            return 2
        return run_recon(args.hq, args.key, args.store or "", args.lang)
    from omnistore.till import run_board, run_client

    if args.board:
        return int(run_board(server_url=args.server, till=args.till, home=_home(), lang=args.lang,
                             printer_uri=args.printer) or 0)
    return int(run_client(server_url=args.server, till=args.till, home=_home(), lang=args.lang,
                          printer_uri=args.printer) or 0)


def cmd_printer_sim(args: argparse.Namespace) -> int:
    from ui.printer_preview import main as printer_main

    argv = ["--port", str(args.port), "--host", args.host] + (["--window"] if args.window else [])
    return int(printer_main(argv) or 0)


def cmd_paysim(argv: list[str]) -> int:
    """The payment-provider simulators; their own parser reads ``--port``, ``--data``… (see main)."""
    from server.paysim.app import main as paysim_main

    return paysim_main(argv)


def cmd_platformsim(argv: list[str]) -> int:
    """The delivery platforms' simulators (美团外卖, 饿了么); their own parser reads ``--port``, ``--hq``…"""
    from server.platformsim.app import main as platformsim_main

    return platformsim_main(argv)


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform in ("win32", "darwin")


def _wait_http(url: str, timeout: float = 60.0, process: subprocess.Popen[bytes] | None = None) -> bool:
    """``url`` answers (while ``process``, the server behind it, is still running)."""
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            if requests.get(url, timeout=1).ok:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.2)
    return False


def _demo_devices(home: Path, printer_port: int) -> None:
    """The demo till's devices.json: the simulated printer, so the till and `omnistore diag` both find it."""
    from hardware.config import DeviceConfig, TillDevices, config_path, save_config
    from hardware.devices import DeviceKind

    if config_path(home).exists():
        return
    uri = f"tcp://127.0.0.1:{printer_port}"
    save_config(TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, uri, name="小票打印机（模拟）")],
                            network_printers=[f"127.0.0.1:{printer_port}"]), home)


def _demo_hq(me: list[str], home: Path, port: int, children: list[subprocess.Popen[bytes]]) -> str | None:
    """The demo's HQ (SQLite under ``home``/hq): seeded once with members, coupons and gift cards,
    with the store enrolled on the first run (and pointed at this port on later ones)."""
    from app.sync import config as sync_config

    config = sync_config.load(home)
    seeding = subprocess.run([*me, "hq", "demo-seed", *([] if config else ["--enrol"])], capture_output=True,
                             text=True)
    if seeding.returncode:
        print(f"the demo HQ could not be seeded:\n{seeding.stderr.strip()}", file=sys.stderr)
        return None
    seeded = seeding.stdout.splitlines()
    code = next((line.split(": ", 1)[1] for line in seeded if line.startswith("enrolment code: ")), None)
    for line in seeded:  # the first run shows what the demo chain holds
        if not line.startswith("enrolment code: "):
            print(line)
    if _port_taken(port):
        print(f"port {port} is taken: stop what runs there, or give the demo's HQ another (--hq-port)",
              file=sys.stderr)
        return None
    hq = subprocess.Popen([*me, "hq-server", "--port", str(port)])
    children.append(hq)
    url = f"http://127.0.0.1:{port}"
    if not _wait_http(url + "/healthz", process=hq):
        print("HQ server did not start", file=sys.stderr)
        return None
    if code is not None:
        subprocess.run([*me, "enroll", "--hq", url, "--code", code], check=True, stdout=subprocess.DEVNULL)
    elif config is not None and config.hq_url.rstrip("/") != url:
        sync_config.save(home, dataclasses.replace(config, hq_url=url))  # the demo's HQ moved to another port
    return url


def _demo_paysim(me: list[str], home: Path, port: int | None, children: list[subprocess.Popen[bytes]]) -> int | None:
    """The payment-provider simulator for the demo store (a free port unless ``port`` is given), its
    sandbox credentials installed as the store's ``payments.json`` (owner-only). None if it failed."""
    import socket

    from server.paysim.app import DEFAULT_PORT

    if port is None and _port_taken(DEFAULT_PORT):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
    elif port is None:
        port = DEFAULT_PORT
    elif _port_taken(port):
        print(f"port {port} is taken: give the demo's payment simulator another (--paysim-port)", file=sys.stderr)
        return None
    data = home / "paysim"
    written = data / "store-credentials.json"
    written.unlink(missing_ok=True)  # written afresh for this port on start
    sim = subprocess.Popen([*me, "paysim", "--port", str(port), "--data", str(data)], stdout=subprocess.DEVNULL)
    children.append(sim)
    deadline = time.monotonic() + 60
    while not written.exists():
        if sim.poll() is not None or time.monotonic() > deadline:
            print("the payment simulator did not start", file=sys.stderr)
            return None
        time.sleep(0.2)
    target = home / "payments.json"
    target.write_bytes(written.read_bytes())
    os.chmod(target, 0o600)
    return port


def _demo_o2o(me: list[str], hq: str, port: int, children: list[subprocess.Popen[bytes]]) -> None:
    """The platform simulator, and a few online orders on the demo store's board (app.hq.orders.demo)."""
    import requests

    if _port_taken(port):
        print(f"port {port} is taken: the demo runs without its platform simulator", file=sys.stderr)
        return
    sim = subprocess.Popen([*me, "platformsim", "--port", str(port), "--hq", hq], stdout=subprocess.DEVNULL)
    children.append(sim)
    url = f"http://127.0.0.1:{port}"
    if not _wait_http(url + "/healthz", process=sim):
        print("platform simulator did not start", file=sys.stderr)
        return
    subprocess.run([*me, "hq", "demo-o2o", "--sim", url], check=False)
    for platform, lines in (("meituan", [{"sku": "O2O-COLA", "qty": 2, "unit_price": 350}]),
                            ("eleme", [{"sku": "O2O-MILK", "qty": 1, "unit_price": 1890}])):
        requests.post(url + "/sim/life", json={"platform": platform, "store": "S001", "lines": lines,
                                               "lat": 31.1905, "lng": 121.4365}, timeout=30)
    print(f"platform simulator (美团, 饿了么): {url}")


def _port_taken(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _stop_on_sigterm(_signum: int, _frame: Any) -> None:
    raise SystemExit(0)  # unwinds like Ctrl+C, so the demo stops its servers on the way out


def cmd_demo(args: argparse.Namespace) -> int:
    """HQ + store server + printer simulator (+ the client when there is a display)."""
    from app.hq import demo as demo_hq

    if not args.headless and not _has_display():
        print("No display found: run `omnistore demo --headless` to start the servers only.")
        return 2
    os.environ.setdefault("OMNISTORE_HOME", str(Path.home() / ".omnistore-demo"))
    os.environ.pop("OMNISTORE_HQ_DATABASE_URL", None)  # the demo's HQ is its own, never a real one
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    me = [sys.executable, "-m", "omnistore"]
    subprocess.run([*me, "seed", "--products", str(args.products), "--sample-shelves"], check=True)
    home = Path(os.environ["OMNISTORE_HOME"])
    _demo_devices(home, args.printer_port)
    children: list[subprocess.Popen[bytes]] = []
    try:
        taken = [port for port in (args.port, args.printer_port) if _port_taken(port)]
        if taken:
            print(f"port {taken[0]} is taken: stop what runs there, or start the demo with --port / "
                  "--printer-port", file=sys.stderr)
            return 1
        hq = _demo_hq(me, home, args.hq_port, children)
        if hq is None:
            return 1
        paysim = _demo_paysim(me, home, args.paysim_port, children)
        if paysim is None:
            return 1
        store = subprocess.Popen([*me, "store-server", "--port", str(args.port)])
        children.append(store)
        printer_args = [*me, "printer-sim", "--port", str(args.printer_port)]
        if not args.headless:
            printer_args.append("--window")
        printer = subprocess.Popen(printer_args)
        children.append(printer)
        server = f"http://127.0.0.1:{args.port}"
        if not _wait_http(server + "/healthz", process=store):
            print("store server did not start", file=sys.stderr)
            return 1
        if printer.poll() is not None:
            print("printer simulator did not start", file=sys.stderr)
            return 1
        _demo_o2o(me, hq, args.platform_port, children)
        print(f"store server: {server}  HQ: {hq}  printer: tcp://127.0.0.1:{args.printer_port}")
        print("demo login: till T01, cashier 1001 / PIN 1234, manager 9001 / PIN 9999")
        print("demo members (Ctrl+M): " + ", ".join(f"{phone} {name}" for phone, name, *_ in demo_hq.MEMBERS))
        print(f"payment codes (simulator https://127.0.0.1:{paysim}): WeChat 130000000000000001, "
              "Alipay 280000000000000001 pay at once; see README for the scripted ones")
        if args.headless:  # until Ctrl+C or SIGTERM, or a server stops
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            return 1
        client = subprocess.run([*me, "client", "--server", server, "--till", "T01",
                                 "--printer", f"tcp://127.0.0.1:{args.printer_port}"]
                                + (["--lang", args.lang] if args.lang else []))
        return client.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="omnistore", description="OmniStore: till, store server and HQ sync.")
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="migrate the store database to the latest schema").set_defaults(func=cmd_db_upgrade)

    seed = sub.add_parser("seed", help="demo operators, tills and a generated Chinese catalog")
    seed.add_argument("--products", type=int, default=DEMO_PRODUCTS, help="catalog size (default %(default)s)")
    seed.add_argument("--sample-promotions", action="store_true",
                      help="two promotions as HQ would send them (方便面第二件半价, 可口可乐88折)")
    seed.add_argument("--sample-shelves", action="store_true",
                      help="give every product a shelf location (货位), aisle by category, for the O2O pick list")
    seed.add_argument("--history-days", type=int, default=0, metavar="DAYS",
                      help="also this many days of completed sales before today, for the back office's reports")
    seed.set_defaults(func=cmd_seed)

    store = sub.add_parser("store-server", help="run the store server (FastAPI + SQLite)")
    store.add_argument("--host", default="127.0.0.1")
    store.add_argument("--port", type=int, default=DEFAULT_STORE_PORT)
    store.add_argument("--log-level", default="warning")
    store.set_defaults(func=cmd_store_server)

    enroll = sub.add_parser("enroll", help="enrol this store at HQ with a one-time code")
    enroll.add_argument("--hq", required=True, help="HQ base URL, e.g. https://hq.example.com")
    enroll.add_argument("--code", required=True, help="the one-time enrolment code HQ issued")
    enroll.add_argument("--ca-file", default=None, help="CA bundle for an https HQ with a private CA")
    enroll.set_defaults(func=cmd_enroll)

    client = sub.add_parser("client", help="run the till client (PySide6)")
    client.add_argument("--server", default=f"http://127.0.0.1:{DEFAULT_STORE_PORT}")
    client.add_argument("--till", default=os.environ.get("OMNISTORE_TILL", "T01"))
    client.add_argument("--lang", default=None, help="zh_CN or en (default: setting, then locale)")
    client.add_argument("--printer", default=os.environ.get("OMNISTORE_PRINTER", f"tcp://127.0.0.1:{DEFAULT_PRINTER_PORT}"),
                        help="receipt printer URI: tcp://host:port, usb://vid:pid, serial:///dev/ttyS0, file:///path")
    client.add_argument("--board", action="store_true", help="the O2O board (online orders) alone, for a picker")
    client.add_argument("--recon", action="store_true", help="open 对账 (reconciliation) against HQ instead of the till")
    client.add_argument("--hq", default=os.environ.get("OMNISTORE_HQ_URL"), help="with --recon: HQ's URL")
    client.add_argument("--key", default=os.environ.get("OMNISTORE_HQ_KEY"),
                        help="with --recon: an HQ API key with the finance scope")
    client.add_argument("--store", default=None, help="with --recon: only this store (a store manager's view)")
    client.set_defaults(func=cmd_client)

    printer = sub.add_parser("printer-sim", help="a network receipt printer simulator (ESC/POS on TCP)")
    printer.add_argument("--host", default="127.0.0.1")
    printer.add_argument("--port", type=int, default=DEFAULT_PRINTER_PORT)
    printer.add_argument("--window", action="store_true", help="show the paper-roll preview")
    printer.set_defaults(func=cmd_printer_sim)

    demo = sub.add_parser("demo", help="the whole store on this machine: server, printer simulator, client")
    demo.add_argument("--headless", action="store_true", help="servers only, no window")
    demo.add_argument("--products", type=int, default=DEMO_PRODUCTS)
    demo.add_argument("--port", type=int, default=DEFAULT_STORE_PORT)
    demo.add_argument("--printer-port", type=int, default=DEFAULT_PRINTER_PORT)
    demo.add_argument("--hq-port", type=int, default=DEFAULT_HQ_PORT)
    demo.add_argument("--paysim-port", type=int, default=None,
                      help="the payment-code simulator's port (default 8790, or a free one if taken)")
    demo.add_argument("--platform-port", type=int, default=DEFAULT_PLATFORM_PORT)
    demo.add_argument("--lang", default=None)
    demo.set_defaults(func=cmd_demo)

    audit = sub.add_parser("audit", help="the store's audit log (审计)")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="check the audit log's hash chain; exit 1 naming the first broken entry")
    verify.add_argument("--home", default=None, help="the store's data directory (default: this machine's)")
    verify.set_defaults(func=cmd_audit_verify)

    shelves = sub.add_parser("shelves", help="货位: the shelf locations the O2O pick list is walked by")
    shelves_sub = shelves.add_subparsers(dest="shelves_command", required=True)
    shelf_import = shelves_sub.add_parser("import", help="import a CSV of SKU,location lines (all or nothing)")
    shelf_import.add_argument("file", help="the CSV file (UTF-8 or GB18030; an empty location clears it)")
    shelf_import.add_argument("--operator", required=True, help="the store manager's operator code (audited)")
    shelf_import.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"), help="language of errors")
    shelf_import.set_defaults(func=cmd_shelves_import)

    # `omnistore paysim …` hands its arguments to server.paysim (see main); listed here for --help.
    sub.add_parser("paysim", help="WeChat Pay and Alipay payment-code simulators (HTTPS)", add_help=False)
    # `omnistore platformsim …` hands its arguments to server.platformsim (see main); listed for --help.
    sub.add_parser("platformsim", help="美团外卖 and 饿了么 platform simulators (HTTP)", add_help=False)
    # `omnistore diag …` hands its arguments to hardware.diag (see main); listed here for --help.
    sub.add_parser("diag", help="hardware diagnostics: devices, status, test print, support bundle (--json)",
                   add_help=False)
    _extend(sub)
    return parser


def _extend(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """HQ's commands (``hq-server``, ``hq …``) live in their own module."""
    from omnistore.hq import add_commands as add_hq_commands

    add_hq_commands(sub)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["diag"]:
        from hardware.diag import run_diag

        return run_diag(argv[1:], _home())
    if argv[:1] == ["paysim"]:
        return cmd_paysim(argv[1:])
    if argv[:1] == ["platformsim"]:
        return cmd_platformsim(argv[1:])
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
