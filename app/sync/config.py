"""The store's identity at HQ, kept after enrolment in ``$OMNISTORE_HOME/sync.json`` (mode 0600)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class SyncConfig:
    hq_url: str
    store_code: str
    secret: str
    store_name: str = ""
    group: str = ""
    ca_file: str | None = None  # a private CA for https HQ URLs

    @property
    def verify(self) -> str | bool:
        return self.ca_file or True


def config_path(home: Path) -> Path:
    return home / "sync.json"


def load(home: Path) -> SyncConfig | None:
    path = config_path(home)
    if not path.exists():
        return None
    return SyncConfig(**json.loads(path.read_text(encoding="utf-8")))


def save(home: Path, config: SyncConfig) -> Path:
    path = config_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(config), handle, ensure_ascii=False, indent=2)
    os.replace(tmp, path)
    return path
