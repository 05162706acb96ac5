"""The ``omnistore`` command keeps its public contract: every sub-command and its options."""

from __future__ import annotations

import subprocess

import pytest

from harness.processes import OMNISTORE, ROOT
from omnistore.cli import main

#: the sub-commands other tools, scripts and the docs rely on, with options each must keep
CONTRACT = [
    (["demo"], ["--headless", "--port", "--printer-port", "--hq-port", "--lang", "--products"]),
    (["client"], ["--server", "--till", "--lang", "--printer", "--board", "--recon", "--hq", "--key", "--store"]),
    (["store-server"], ["--host", "--port"]),
    (["hq-server"], ["--host", "--port", "--database-url", "--ssl-certfile", "--ssl-keyfile", "--workers"]),
    (["diag"], ["--json", "--test-print", "--codepages", "--bundle"]),
    (["seed"], ["--products"]),
    (["db", "upgrade"], []),
    (["enroll"], ["--hq", "--code", "--ca-file"]),
    (["printer-sim"], ["--host", "--port", "--window"]),
    (["hq", "db", "upgrade"], ["--database-url"]),
    (["hq", "create-key"], ["--name", "--scopes"]),
    (["hq", "revoke-key"], []),
    (["hq", "list-keys"], []),
    (["hq", "create-store"], ["--group"]),
    (["hq", "enrolment-code"], []),
    (["hq", "disable-store"], []),
    (["hq", "enable-store"], []),
    (["hq", "expire-points"], ["--member"]),
    (["hq", "expire-gift-cards"], []),
    (["hq", "demo-seed"], ["--enrol"]),
    (["hq", "import"], ["--lang"]),
    (["hq", "recon", "import"], ["--kind", "--lang", "--database-url"]),
    (["hq", "recon", "fetch"], ["--credentials", "--day", "--lang", "--database-url"]),
    (["hq", "demo-o2o"], ["--sim"]),
    (["platformsim"], ["--host", "--port", "--hq", "--meituan-app-id", "--meituan-secret", "--eleme-app-key",
                       "--eleme-secret", "--commission-bp", "--meituan-shop-id", "--eleme-shop-id"]),
    (["audit", "verify"], ["--home"]),
]


@pytest.mark.parametrize(("command", "options"), CONTRACT, ids=[" ".join(c) for c, _ in CONTRACT])
def test_each_command_of_the_contract_still_answers_help_with_its_options(
        command: list[str], options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert [option for option in options if option not in shown] == []


def test_python_dash_m_omnistore_is_the_command() -> None:
    answer = subprocess.run([*OMNISTORE, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("usage: omnistore")
    assert "store-server" in answer.stdout and "hq-server" in answer.stdout
