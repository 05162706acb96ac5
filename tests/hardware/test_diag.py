from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from hardware.config import DeviceConfig, TillDevices, save_config
from hardware.devices import Connection, DeviceInfo, DeviceKind
from hardware.diag import collect, export_bundle, redact, run_diag
from hardware.escpos.decoder import decode
from hardware.escpos.profiles import get_profile
from hardware.escpos.testpage import build_test_page, codepage_sample
from hardware.printer import ReceiptPrinter
from hardware.simulators.printer import PrinterSimulator


@pytest.fixture
def sim():
    simulator = PrinterSimulator(port=0).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The till's data directory, as the composition root hands it to diagnostics."""
    return tmp_path


def test_test_page_has_chinese_yen_barcode_and_qr():
    job = decode(build_test_page(get_profile("80mm")))
    assert any("打印测试" in line for line in job.lines)
    assert any("￥8.50" in line for line in job.lines)
    assert job.barcodes == ["TEST-0001"] and job.qr_codes == ["https://omnistore.example.cn/test"]
    assert "[GB18030] 中文打印 收款 ￥12.50" in job.lines


def test_codepage_sample_reads_right_only_in_the_printers_own_encoding():
    assert "[GBK] 中文打印 收款 ￥12.50" in decode(codepage_sample(), "gbk").lines
    assert "[BIG5] 中文打印 收款 ￥12.50" in decode(codepage_sample(), "big5").lines
    assert "[BIG5] 中文打印 收款 ￥12.50" not in decode(codepage_sample(), "gbk").lines


def test_report_lists_configured_and_detected_devices_with_live_status(sim, home):
    sim.set_status(paper_out=True)
    config = TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, sim.uri)])
    stray = DeviceInfo("usb:0416:5011:1-4", Connection.USB, "POS-58", DeviceKind.RECEIPT_PRINTER, vendor_id=0x0416,
                       product_id=0x5011, detail="permission denied")
    report = collect(config, home=home, sources=[lambda: [stray]])
    receipt, usb = report.devices
    assert (receipt.id, receipt.status, receipt.faults) == ("receipt", "fault", ["printer_paper_out"])
    assert receipt.fixes and "paper" in receipt.fixes[0]
    assert (usb.configured, usb.detected, usb.driver) == (False, True, "escpos-receipt")
    assert usb.faults == ["usb_permission_denied"]
    assert 'SUBSYSTEM=="usb", ATTR{idVendor}=="0416", MODE="0666"' in usb.fixes[0]


def test_unreachable_printer_is_a_fault_and_a_silent_one_is_unknown(home):
    config = TillDevices(devices=[DeviceConfig("r", DeviceKind.RECEIPT_PRINTER, "tcp://127.0.0.1:1"),
                                  DeviceConfig("f", DeviceKind.RECEIPT_PRINTER, f"file://{home}/out.bin")])
    dead, silent = collect(config, home=home, sources=[]).devices
    assert dead.status == "fault" and dead.faults == ["printer_unreachable"]
    assert silent.status == "unknown"


def test_diag_cli_json_test_print_and_bundle(sim, home, capsys):
    save_config(TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, sim.uri)]), home)
    bundle = home / "support.zip"
    code = run_diag(["--json", "--test-print", sim.uri, "--bundle", str(bundle), "--timeout", "0.3"], home)
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert result["test_print"]["status"] == "ok"
    assert result["report"]["devices"][0]["status"] == "ok"
    assert any("打印测试" in line for line in sim.wait_for_jobs(1)[0].lines)
    assert zipfile.ZipFile(bundle).namelist()[:2] == ["devices.json", "settings.json"]


def test_diag_cli_text_says_what_to_do(home, capsys):
    save_config(TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, "tcp://127.0.0.1:1")]), home)
    assert run_diag(["--timeout", "0.2"], home) == 1
    out = capsys.readouterr().out
    assert "Cannot reach the printer" in out and "→" in out


def test_support_bundle_has_logs_jobs_and_no_secrets(sim, home, monkeypatch, receipt):
    monkeypatch.setenv("OMNISTORE_HQ_TOKEN", "s3cr3t")
    monkeypatch.setenv("OMNISTORE_STORE_NAME", "好邻居")
    (home / "logs").mkdir()
    (home / "logs" / "client.log").write_text("x" * 10 + "\nlast line 打印\n", "utf-8")
    config = TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, sim.uri,
                                               options={"api_key": "abc", "note": "ok"})])
    save_config(config, home)
    printer = ReceiptPrinter(sim.uri, home=home)
    printer.print_receipt(receipt)
    assert printer.wait_idle()
    printer.close()
    path = export_bundle(home / "b.zip", home=home, report=collect(config, home=home, sources=[]))
    with zipfile.ZipFile(path) as bundle:
        names = bundle.namelist()
        settings = json.loads(bundle.read("settings.json"))
        jobs = json.loads(bundle.read("print_jobs/receipt.json"))
        log_text = bundle.read("logs/client.log").decode()
    assert "s3cr3t" not in json.dumps(settings) and settings["env"]["OMNISTORE_HQ_TOKEN"] == "***"
    assert settings["env"]["OMNISTORE_STORE_NAME"] == "好邻居"
    assert settings["devices_json"]["devices"][0]["options"] == {"api_key": "***", "note": "ok"}
    assert "logs/client.log" in names and "last line 打印" in log_text
    assert jobs[0]["state"] == "done" and any("好邻居便利店" in line for line in jobs[0]["text"])


def test_redact_walks_nested_settings():
    assert redact({"a": [{"PIN": "1234", "b": 1}], "Password": "x"}) == {"a": [{"PIN": "***", "b": 1}],
                                                                         "Password": "***"}
