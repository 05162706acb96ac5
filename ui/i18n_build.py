"""Rebuild the translations: ``python -m ui.i18n_build`` compiles .ts → .qm; ``--update`` re-scans ui/
(and its packages, such as ui/backoffice/) first.

The Makefile calls ``python -m ui.i18n_build`` (or ``build_qm()``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")


def _tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6")
    return found


def ts_files() -> list[Path]:
    return [I18N_DIR / f"omnistore_{lang}.ts" for lang in LANGUAGES]


def update_ts() -> None:
    """Re-scan ui/**/*.py for tr() strings into every .ts (keeps existing translations)."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    for ts, lang in zip(ts_files(), LANGUAGES, strict=True):
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-source-language", "en",
                        "-target-language", lang, "-no-obsolete", "-ts", str(ts.relative_to(ROOT))],
                       cwd=ROOT, check=True)


def build_qm() -> list[Path]:
    """Compile every .ts to the .qm the app loads."""
    built = []
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="run lupdate over ui/**/*.py first")
    args = parser.parse_args(argv)
    if args.update:
        update_ts()
    for qm in build_qm():
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
