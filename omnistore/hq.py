"""``omnistore hq-server`` and ``omnistore hq ...``: registered into the main CLI (``omnistore.cli``)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_HQ_PORT = 8700


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the HQ commands to the ``omnistore`` parser."""
    server = sub.add_parser("hq-server", help="run the HQ server (FastAPI + PostgreSQL)")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=DEFAULT_HQ_PORT)
    _database_arg(server)
    server.add_argument("--log-level", default="warning")
    server.add_argument("--workers", type=int, default=int(os.environ.get("OMNISTORE_HQ_WORKERS", "1")),
                        help="worker processes (default $OMNISTORE_HQ_WORKERS or 1; one per core suits a busy chain)")
    server.add_argument("--ssl-certfile", default=None, help="serve https with this certificate (PEM)")
    server.add_argument("--ssl-keyfile", default=None, help="the certificate's private key (PEM)")
    server.set_defaults(func=cmd_hq_server)

    hq = sub.add_parser("hq", help="HQ administration: database, API keys, stores, catalog import")
    _database_arg(hq)
    hq_sub = hq.add_subparsers(dest="hq_command", required=True)

    db = hq_sub.add_parser("db", help="HQ database maintenance")
    db_sub = db.add_subparsers(dest="hq_db_command", required=True)
    db_sub.add_parser("upgrade", help="migrate the HQ database to the latest schema").set_defaults(func=cmd_db_upgrade)

    key = hq_sub.add_parser("create-key", help="create an API key and print it (shown once)")
    key.add_argument("--name", required=True)
    key.add_argument("--scopes", required=True, help="comma separated: admin, catalog:read, sales:read, finance")
    key.set_defaults(func=cmd_create_key)

    revoke = hq_sub.add_parser("revoke-key", help="revoke the API key starting with PREFIX")
    revoke.add_argument("prefix")
    revoke.set_defaults(func=cmd_revoke_key)

    listing = hq_sub.add_parser("list-keys", help="list API keys (prefixes only)")
    listing.set_defaults(func=cmd_list_keys)
    _database_arg(listing)

    store = hq_sub.add_parser("create-store", help="create a store and print its enrolment code")
    store.add_argument("code")
    store.add_argument("name")
    store.add_argument("--group", required=True, help="price group, e.g. 华东")
    store.set_defaults(func=cmd_create_store)

    code = hq_sub.add_parser("enrolment-code", help="print a new one-time enrolment code for STORE")
    code.add_argument("store")
    code.set_defaults(func=cmd_enrolment_code)

    disable = hq_sub.add_parser("disable-store", help="refuse the store's requests from now on")
    disable.add_argument("code")
    disable.set_defaults(func=cmd_disable_store)

    enable = hq_sub.add_parser("enable-store", help="accept a disabled store's requests again")
    enable.add_argument("code")
    enable.set_defaults(func=cmd_enable_store)

    expire = hq_sub.add_parser("expire-points", help="积分清零: write off points past their validity (run yearly; "
                                                     "running it again changes nothing)")
    expire.add_argument("--member", default=None, help="only this member (card number)")
    expire.set_defaults(func=cmd_expire_points)

    expire_cards = hq_sub.add_parser("expire-gift-cards", help="礼品卡过期: write off what is left on gift cards "
                                                               "past their last day (run daily; again the same day "
                                                               "changes nothing)")
    expire_cards.set_defaults(func=cmd_expire_gift_cards)

    demo = hq_sub.add_parser("demo-seed", help="the demo chain's HQ data (once): store S001, members, coupons, "
                                                "gift cards; with --enrol, print a one-time enrolment code for S001")
    demo.add_argument("--enrol", action="store_true")
    demo.set_defaults(func=cmd_demo_seed)

    o2o = hq_sub.add_parser("demo-o2o", help="the demo's online orders: the demo store on the map with O2O goods, "
                                               "the platforms pointed at the simulator, two own-shop orders")
    o2o.add_argument("--sim", required=True, help="the platform simulator's base URL")
    o2o.set_defaults(func=cmd_demo_o2o)

    imp = hq_sub.add_parser("import", help="import a catalog from .csv or .xlsx")
    imp.add_argument("file", type=Path)
    imp.add_argument("--lang", default=None, help="language of the report: zh_CN or en")
    imp.set_defaults(func=cmd_import)
    recon = hq_sub.add_parser("recon", help="对账: import the providers' bills, fetch yesterday's")
    recon_sub = recon.add_subparsers(dest="hq_recon_command", required=True)
    recon_import = recon_sub.add_parser("import", help="import a bill: WeChat, Alipay, 美团/饿了么 settlement or a bank "
                                                       "statement (the same file twice changes nothing)")
    recon_import.add_argument("file", type=Path)
    recon_import.add_argument("--kind", default=None,
                              choices=["wechat", "wechat_funds", "alipay", "meituan", "eleme", "bank"],
                              help="the kind of file (default: recognised from its content)")
    recon_import.add_argument("--lang", default=None, help="language of the report: zh_CN or en")
    recon_import.set_defaults(func=cmd_recon_import)
    recon_fetch = recon_sub.add_parser("fetch", help="the morning job: fetch the day's bills from the payment "
                                                     "providers in CREDENTIALS and the 美团/饿了么 channels' "
                                                     "settlement bills, and import them (default: yesterday, "
                                                     "Beijing time)")
    recon_fetch.add_argument("--credentials", type=Path, default=None,
                             help="payments.json with HQ's merchant keys (without it: only the platforms' bills)")
    recon_fetch.add_argument("--day", default=None, help="YYYY-MM-DD (default: yesterday)")
    recon_fetch.add_argument("--lang", default=None, help="language of the report: zh_CN or en")
    recon_fetch.set_defaults(func=cmd_recon_fetch)
    for parser in (*recon_sub.choices.values(),):
        _database_arg(parser)
    for parser in (db, key, revoke, store, code, disable, enable, expire, expire_cards, demo, o2o, imp):
        _database_arg(parser)
    for parser in db_sub.choices.values():
        _database_arg(parser)


def _database_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", default=argparse.SUPPRESS,
                        help="postgresql+psycopg://user@host/db (default: $OMNISTORE_HQ_DATABASE_URL, "
                             "else SQLite in $OMNISTORE_HOME/hq for the demo)")


def _settings(args: argparse.Namespace) -> Any:
    from app.hq.settings import HQSettings

    return HQSettings.from_env(getattr(args, "database_url", None))


def _language(args: argparse.Namespace) -> str:
    from app.messages import language_of

    return getattr(args, "lang", None) or language_of(os.environ.get("LANG", "").replace("_", "-") or None)


def _sessions(args: argparse.Namespace, migrate: bool = True) -> Any:
    from app.hq.engine import make_hq_engine, make_hq_sessions
    from app.hq.migrate import upgrade

    engine = make_hq_engine(_settings(args).database_url)
    if migrate:
        upgrade(engine)
    return make_hq_sessions(engine)


def _run(args: argparse.Namespace, action: Any) -> int:
    """Run ``action(session)`` (it calls ``app.hq.services``, each a transaction of its own) and print
    what it returns; a DomainError is printed, translated, exit 1."""
    from app.domain.errors import DomainError
    from app.messages import message

    try:
        with _sessions(args)() as session:
            result = action(session)
    except DomainError as error:
        print(message(error.code, _language(args), error.params), file=sys.stderr)
        return 1
    if result:
        print(result)
    return 0


#: how long a stop waits for requests in flight (a long-poll is cut there, and its caller asks again)
GRACEFUL_STOP_SECONDS = 3


def cmd_hq_server(args: argparse.Namespace) -> int:
    import uvicorn

    from server.hq.app import create_hq_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = _settings(args)
    create_hq_app(settings=settings)  # migrates once, before any worker starts
    options: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": args.log_level, "access_log": False,
                               "ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile,
                               # a store's O2O long-poll would hold a stop for its whole wait
                               "timeout_graceful_shutdown": GRACEFUL_STOP_SECONDS}
    if args.workers > 1:
        # Each worker process builds its own app from the environment (settings are env-driven).
        os.environ["OMNISTORE_HQ_DATABASE_URL"] = settings.database_url
        uvicorn.run("server.hq.app:app_from_env", factory=True, workers=args.workers, **options)
    else:
        uvicorn.run(create_hq_app(settings=settings, migrate=False), **options)
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    _sessions(args)
    url = make_url(_settings(args).database_url).render_as_string(hide_password=True)
    print(f"HQ database at head: {url}")
    return 0


def cmd_create_key(args: argparse.Namespace) -> int:
    from app.hq import services

    def action(session: Any) -> str:
        key, raw = services.create_key(session, args.name, args.scopes.split(","))
        return f"{raw}\n(id {key.id}, scopes {key.scopes}; this key is shown once — store it now)"

    return _run(args, action)


def cmd_revoke_key(args: argparse.Namespace) -> int:
    from app.hq import services

    def action(session: Any) -> str:
        key = services.revoke_key_by_prefix(session, args.prefix)
        return f"revoked key {key.id} ({key.name}, {key.prefix}…)"

    return _run(args, action)


def cmd_list_keys(args: argparse.Namespace) -> int:
    from app.hq import keys

    def action(session: Any) -> str:
        lines = [f"{k.id:>4}  {k.prefix}…  {k.name:<20} {k.scopes:<32} {'revoked' if k.revoked_at else 'active'}"
                 for k in keys.list_keys(session)]
        return "\n".join(lines) or "no API keys"

    return _run(args, action)


def _enrolment_line(issued: Any) -> str:
    return f"enrolment code: {issued.code} (one use, expires {issued.expires_at:%Y-%m-%d %H:%M} UTC)"


def cmd_create_store(args: argparse.Namespace) -> int:
    from app.hq import services

    ttl = _settings(args).enrolment_ttl_seconds

    def action(session: Any) -> str:
        store, issued = services.open_store(session, args.code, args.name, args.group, ttl)
        return f"store {store.code} {store.name} (group {store.group})\n{_enrolment_line(issued)}"

    return _run(args, action)


def cmd_enrolment_code(args: argparse.Namespace) -> int:
    from app.hq import services

    ttl = _settings(args).enrolment_ttl_seconds
    return _run(args, lambda session: _enrolment_line(services.issue_enrolment_code(session, args.store, ttl)))


def cmd_disable_store(args: argparse.Namespace) -> int:
    from app.hq import services

    return _run(args, lambda session: f"store {services.set_store_disabled(session, args.code, True).code} disabled")


def cmd_enable_store(args: argparse.Namespace) -> int:
    from app.hq import services

    return _run(args, lambda session: f"store {services.set_store_disabled(session, args.code, False).code} enabled")


def cmd_expire_points(args: argparse.Namespace) -> int:
    from app.hq import services

    def action(session: Any) -> str:
        result = services.expire_points(session, member_no=args.member)
        return f"expired {result['points']} points of {result['members']} members"

    return _run(args, action)


def cmd_expire_gift_cards(args: argparse.Namespace) -> int:
    from app.domain.money import format_fen
    from app.hq import services

    def action(session: Any) -> str:
        result = services.expire_gift_cards(session)
        return f"expired {format_fen(result['amount'])} yuan left on {result['cards']} gift cards"

    return _run(args, action)


def cmd_demo_seed(args: argparse.Namespace) -> int:
    from app.hq import services

    ttl = _settings(args).enrolment_ttl_seconds

    def action(session: Any) -> str:
        seeded = services.seed_demo(session, ttl, enrol=args.enrol)
        return "\n".join([*seeded.lines, *([f"enrolment code: {seeded.enrolment_code}"] if seeded.enrolment_code else [])])

    return _run(args, action)


def cmd_demo_o2o(args: argparse.Namespace) -> int:
    from app.hq.orders import demo as o2o_demo

    return _run(args, lambda session: "\n".join(o2o_demo.prepare(session, args.sim)))


def cmd_import(args: argparse.Namespace) -> int:
    from app.domain.errors import DomainError
    from app.hq.importer import import_catalog
    from app.messages import message

    language = _language(args)
    tty = sys.stderr.isatty()
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        width = 30
        filled = width * min(done, total) // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()

    try:
        report = import_catalog(_sessions(args), args.file, progress if tty else None)
    except DomainError as error:
        print(message(error.code, language, error.params), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    if tty:
        sys.stderr.write("\n")
    for rejected in report.rejected:
        print(f"line {rejected.line}: {rejected.sku or '-'}: {rejected.reason(language)}")
    print(f"{report.rows} rows: {report.changed} imported or changed, {report.unchanged} unchanged, "
          f"{len(report.rejected)} rejected ({time.perf_counter() - started:.1f}s)")
    return 0 if not report.rejected else 3


def _progress_line(done: int, total: int) -> None:
    width = 30
    filled = width * min(done, total) // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stderr.flush()


def cmd_recon_import(args: argparse.Namespace) -> int:
    from app.domain.errors import DomainError
    from app.hq import services
    from app.messages import message

    language = _language(args)
    tty = sys.stderr.isatty()
    try:
        content = args.file.read_bytes()
        with _sessions(args)() as session:
            report = services.import_bill(session, content, args.file.name, kind=args.kind, source="cli",
                                          actor=os.environ.get("USER", "cli"),
                                          progress=_progress_line if tty else None)
    except DomainError as error:
        print(f"{args.file}: {message(error.code, language, error.params)}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    if tty:
        sys.stderr.write("\n")
    for rejected in report.rejected:
        print(f"line {rejected.line}: {message(rejected.reason, language)} {rejected.detail}".rstrip())
    days = f"{report.first_day} – {report.last_day}" if report.first_day else "-"
    if report.already:
        print(f"{args.file.name}: imported before (import {report.import_id}): nothing changed")
    else:
        print(f"{args.file.name}: {report.kind} bill of {report.merchant_id or '-'}, {days}: {report.rows} rows, "
              f"{report.new_rows} new, {len(report.rejected)} unreadable (import {report.import_id})")
    return 3 if report.rejected else 0


def cmd_recon_fetch(args: argparse.Namespace) -> int:
    from datetime import date

    from app.domain.errors import DomainError
    from app.hq.recon.fetch import fetch_bills, fetch_platform_bills, yesterday
    from app.messages import message
    from app.payments import gateways
    from app.payments.credentials import load_credentials

    try:
        day = date.fromisoformat(args.day) if args.day else yesterday()
        clients = gateways(load_credentials(args.credentials)) if args.credentials else {}
    except ValueError:
        print(f"--day: not a date: {args.day}", file=sys.stderr)
        return 2
    except DomainError as error:
        print(message(error.code, _language(args), error.params), file=sys.stderr)
        return 1
    sessions = _sessions(args)
    results = fetch_bills(sessions, clients, day) + fetch_platform_bills(sessions, day)
    language = _language(args)
    for fetched in results:
        detail = fetched.detail
        if fetched.outcome == "refused":
            detail = f"{fetched.detail}: {message(fetched.detail, language, fetched.params)}"
        unreadable = f", {len(fetched.rejected)} unreadable" if fetched.rejected else ""
        print(f"{fetched.provider} {fetched.day}: {fetched.outcome} {detail}".rstrip()
              + (f" ({fetched.new_rows} new rows{unreadable})" if fetched.outcome == "imported" else ""))
        for rejected in fetched.rejected:
            print(f"  line {rejected.line}: {message(rejected.reason, language)} {rejected.detail}".rstrip())
    return 0 if all(f.outcome in ("imported", "already") for f in results) else 3
