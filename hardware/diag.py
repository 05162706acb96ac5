"""``omnistore diag``: what is plugged in, what is configured, live status and plain fixes.

``run_diag(argv, home)`` is the CLI; ``collect()`` and ``export_bundle()`` are shared with the
diagnostics window. ``home`` is the till's data directory (its ``devices.json``, logs and print
queues), chosen by the caller. Nothing here waits long: every probe has a sub-second timeout.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import json
import os
import platform
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hardware import detect
from hardware.config import TillDevices, config_path, load_config
from hardware.devices import DeviceInfo, DeviceKind, driver_for
from hardware.escpos.profiles import get_profile
from hardware.escpos.testpage import build_test_page, codepage_sample
from hardware.faults import fault, udev_rule
from hardware.links import PrinterError, open_link
from hardware.printer import EscPosStatus, PrinterStatus

SECRET_WORDS = ("password", "passwd", "secret", "token", "key", "pin", "credential", "auth")


@dataclass
class DeviceRow:
    id: str
    kind: str
    name: str
    uri: str
    configured: bool
    detected: bool
    driver: str = ""
    status: str = "unknown"  # ok | unknown | fault | n/a
    faults: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)


@dataclass
class DiagReport:
    devices: list[DeviceRow]
    config_file: str
    generated_at: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def printer_status(uri: str, *, timeout: float = 0.5) -> PrinterStatus:
    """One DLE EOT round on a fresh link: the live status of an ESC/POS printer."""
    try:
        link = open_link(uri, connect_timeout=timeout, io_timeout=timeout)
    except PrinterError as exc:
        return PrinterStatus(error=exc.code, checked_at=time.time())
    try:
        return PrinterStatus(state=EscPosStatus().query(link, timeout), reachable=True, checked_at=time.time())
    except PrinterError as exc:
        return PrinterStatus(reachable=True, error=exc.code, checked_at=time.time())
    finally:
        link.close()


def fixes_for(codes: Sequence[str], *, vendor_id: int | None = None, language: str = "en") -> list[str]:
    out = []
    for code in codes:
        text = fault(code).fix(language)
        if code == "usb_permission_denied":
            text = text.format(udev_rule=udev_rule(vendor_id or 0))
        if text:
            out.append(f"{fault(code).text(language)}: {text}")
    return out


def collect(
    config: TillDevices | None = None,
    *,
    home: Path,
    sources: Sequence[Callable[[], list[DeviceInfo]]] | None = None,
    timeout: float = 0.5,
    language: str = "en",
) -> DiagReport:
    """Detected and configured devices with live status where a device can tell it."""
    config = config if config is not None else load_config(home)
    if sources is None:
        hosts = tuple(config.network_printers) + tuple(
            d.uri.removeprefix("tcp://") for d in config.devices if d.uri.startswith("tcp://")
        )
        extra = tuple(config.extra_usb_ids)
        sources = [lambda: detect.scan_usb(extra), detect.scan_serial, lambda: detect.probe_network(hosts, timeout=timeout)]
    detected: dict[str, DeviceInfo] = {}
    for source in sources:
        with contextlib.suppress(Exception):
            for info in source():
                detected[info.uri] = info
    rows: list[DeviceRow] = []
    for device in config.devices:
        info = detected.pop(device.uri.split("?")[0], None)
        row = DeviceRow(device.id, device.kind.value, device.name or device.id, device.device_uri(), True,
                        info is not None, driver=_driver_name(info, device.kind))
        if device.kind in (DeviceKind.RECEIPT_PRINTER, DeviceKind.CASH_DRAWER) and device.enabled:
            status = printer_status(device.device_uri(), timeout=timeout)
            row.status, row.faults = status.label, list(status.faults)
        elif info is not None and info.detail == "permission denied":
            row.status, row.faults = "fault", ["usb_permission_denied"]
        else:
            row.status = "n/a"
        row.fixes = fixes_for(row.faults, vendor_id=info.vendor_id if info else None, language=language)
        rows.append(row)
    for info in detected.values():
        row = DeviceRow(info.id, (info.kind.value if info.kind else "unknown"), info.name, info.uri, False, True,
                        driver=_driver_name(info, None), status="n/a")
        if info.detail == "permission denied":
            row.status, row.faults = "fault", ["usb_permission_denied"]
            row.fixes = fixes_for(row.faults, vendor_id=info.vendor_id, language=language)
        rows.append(row)
    return DiagReport(rows, str(config_path(home)), time.strftime("%Y-%m-%d %H:%M:%S"))


def _driver_name(info: DeviceInfo | None, kind: DeviceKind | None) -> str:
    if info is None:
        return ""
    spec = driver_for(info, kind)
    return spec.name if spec else ""


def send_test_page(uri: str, profile: str = "80mm", *, timeout: float = 3.0) -> PrinterStatus:
    """Print the test page (with the code page sample) and return the status after it."""
    data = build_test_page(get_profile(profile))
    try:
        link = open_link(uri, connect_timeout=min(timeout, 2.0), io_timeout=timeout)
    except PrinterError as exc:
        return PrinterStatus(error=exc.code, checked_at=time.time())
    try:
        link.write(data)
        return PrinterStatus(state=EscPosStatus().query(link, 0.8), reachable=True, checked_at=time.time())
    except PrinterError as exc:
        return PrinterStatus(reachable=True, error=exc.code, checked_at=time.time())
    finally:
        link.close()


def redact(value: object) -> object:
    """Settings with secrets blanked: any key that names a password, token, key or PIN."""
    if isinstance(value, dict):
        return {k: ("***" if any(w in str(k).lower() for w in SECRET_WORDS) else redact(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def export_bundle(path: Path, *, home: Path, report: DiagReport | None = None,
                  log_bytes: int = 256 * 1024, jobs: int = 20) -> Path:
    """A zip for support: device list, settings without secrets, recent logs, the last print jobs."""
    report = report or collect(home=home)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("devices.json", json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        config_file = config_path(home)
        settings: dict[str, object] = {
            "env": redact({k: v for k, v in os.environ.items() if k.startswith("OMNISTORE_")}),
            "system": {"platform": platform.platform(), "python": sys.version.split()[0]},
        }
        if config_file.exists():
            with contextlib.suppress(ValueError):
                settings["devices_json"] = redact(json.loads(config_file.read_text("utf-8")))
        bundle.writestr("settings.json", json.dumps(settings, ensure_ascii=False, indent=2))
        for log_file in sorted({*home.glob("*.log"), *home.glob("logs/*.log")}):
            with log_file.open("rb") as fh:
                fh.seek(max(0, log_file.stat().st_size - log_bytes))
                bundle.writestr(f"logs/{log_file.name}", fh.read())
        for queue_file in sorted(home.glob("print_jobs/*.sqlite3")):
            bundle.writestr(f"print_jobs/{queue_file.stem}.json", json.dumps(_recent_jobs(queue_file, jobs), indent=2,
                                                                             ensure_ascii=False))
    return path


def _recent_jobs(queue_file: Path, limit: int) -> list[dict[str, object]]:
    from hardware.escpos.decoder import decode
    from hardware.jobs import JobStore

    store = JobStore(queue_file)
    try:
        out = []
        for job in store.recent(limit):
            entry: dict[str, object] = {k: v for k, v in asdict(job).items() if k != "data"}
            entry["bytes"] = len(job.data)
            entry["data_base64"] = base64.b64encode(job.data).decode("ascii")
            if job.kind in ("receipt", "reprint", "test"):
                with contextlib.suppress(Exception):
                    entry["text"] = decode(job.data).lines
            out.append(entry)
        return out
    finally:
        store.close()


def _print_report(report: DiagReport, out: io.TextIOBase) -> None:
    print(f"devices.json: {report.config_file}", file=out)
    if not report.devices:
        print("No devices detected or configured.", file=out)
    for row in report.devices:
        where = ("configured" if row.configured else "") + (" + detected" if row.detected and row.configured else
                                                            ("detected" if row.detected else ""))
        print(f"- {row.name} [{row.kind}] {row.uri}  ({where.strip()}; driver {row.driver or '-'}): {row.status}",
              file=out)
        for code in row.faults:
            print(f"    ! {fault(code).en} ({code})", file=out)
        for fix in row.fixes:
            print(f"    → {fix}", file=out)


def run_diag(argv: list[str], home: Path) -> int:
    """``omnistore diag [--json] [--test-print URI] [--profile 80mm] [--codepages URI] [--bundle PATH]``
    for the till whose data directory is ``home``.

    Exit status 0 when every configured device is OK (or cannot tell), 1 when one has a fault.
    """
    parser = argparse.ArgumentParser(prog="omnistore diag", description="Hardware diagnostics for this till.")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--test-print", metavar="URI", help="print the test page on this printer")
    parser.add_argument("--profile", default="80mm", help="receipt profile for the test page (default 80mm)")
    parser.add_argument("--codepages", metavar="URI", help="print the same Chinese line in each encoding")
    parser.add_argument("--bundle", metavar="PATH", type=Path, help="write a support bundle (zip) here")
    parser.add_argument("--timeout", type=float, default=0.5, help="seconds per probe (default 0.5)")
    args = parser.parse_args(argv)
    out = sys.stdout
    report = collect(home=home, timeout=args.timeout)
    result: dict[str, object] = {"report": report.to_json()}
    failed = any(row.status == "fault" for row in report.devices if row.configured)
    if args.test_print:
        status = send_test_page(args.test_print, args.profile)
        result["test_print"] = {"uri": args.test_print, "status": status.label, "faults": list(status.faults)}
        failed = failed or status.label == "fault"
    if args.codepages:
        try:
            with contextlib.closing(open_link(args.codepages)) as link:
                link.write(codepage_sample())
            result["codepages"] = "sent"
        except PrinterError as exc:
            result["codepages"] = exc.code
            failed = True
    if args.bundle:
        result["bundle"] = str(export_bundle(args.bundle, home=home, report=report))
    if args.json:
        json.dump(result, out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        _print_report(report, out)  # type: ignore[arg-type]
        if "test_print" in result:
            print(f"test print: {result['test_print']}", file=out)
        if "codepages" in result:
            print(f"code page sample: {result['codepages']}", file=out)
        if "bundle" in result:
            print(f"support bundle: {result['bundle']}", file=out)
    return 1 if failed else 0
