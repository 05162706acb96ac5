"""Per-till device settings (设备配置): ``devices.json`` in the till's data directory.

Detection finds what is plugged in; this file says what the till uses it for and how
(code page, paper width, USB endpoints, baud rate, scanner suffix). It holds no secrets.
Which directory is the composition root's choice (``omnistore``, from ``app.settings``);
every function here is told.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardware.detect import KnownUsb
from hardware.devices import DeviceKind

CONFIG_NAME = "devices.json"


@dataclass
class DeviceConfig:
    """One device the till uses. Fields a kind does not use are ignored by its driver."""

    id: str  # our name for it: 'receipt', 'label', 'scale', ...
    kind: DeviceKind
    uri: str  # tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0
    name: str = ""
    enabled: bool = True
    # printers
    profile: str = "80mm"  # receipt profile: paper width and encoding (hardware.escpos.profiles)
    encoding: str = ""  # override of the profile's encoding: gb18030 | gbk | big5
    paper_width_mm: int = 0  # 0: from the profile
    usb_in_ep: int | None = None
    usb_out_ep: int | None = None
    status_check: bool = True  # False for printers that never answer DLE EOT
    # label printers
    language: str = "tspl"  # tspl | zpl
    label_width_mm: int = 60
    label_height_mm: int = 40
    label_gap_mm: int = 2
    # serial devices
    baudrate: int = 9600
    suffix: str = "CR"  # scanner suffix: CR | LF | CRLF | TAB
    protocol: str = ""  # scale: 'stgs' | 'toledo'; display: 'pole'
    options: dict[str, str] = field(default_factory=dict)

    def device_uri(self) -> str:
        """``uri`` with the per-device overrides that belong in it (USB endpoints, baud rate)."""
        extra: list[str] = []
        if self.uri.startswith("usb://"):
            if self.usb_out_ep is not None:
                extra.append(f"out_ep=0x{self.usb_out_ep:02x}")
            if self.usb_in_ep is not None:
                extra.append(f"in_ep=0x{self.usb_in_ep:02x}")
        elif self.uri.startswith("serial://") and "baudrate=" not in self.uri:
            extra.append(f"baudrate={self.baudrate}")
        if not extra:
            return self.uri
        return self.uri + ("&" if "?" in self.uri else "?") + "&".join(extra)


@dataclass
class TillDevices:
    """Everything in ``devices.json``."""

    devices: list[DeviceConfig] = field(default_factory=list)
    #: network printers to look for on port 9100 (host or host:port)
    network_printers: list[str] = field(default_factory=list)
    extra_usb_ids: list[KnownUsb] = field(default_factory=list)
    detect_interval_s: float = 3.0

    def get(self, device_id: str) -> DeviceConfig | None:
        return next((d for d in self.devices if d.id == device_id), None)

    def of_kind(self, kind: DeviceKind) -> list[DeviceConfig]:
        return [d for d in self.devices if d.kind is kind and d.enabled]

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TillDevices:
        devices = [_device(d) for d in data.get("devices", [])]
        extra = [
            KnownUsb(**{**e, "kind": DeviceKind(e["kind"]) if e.get("kind") else None}) for e in data.get("extra_usb_ids", [])
        ]
        return cls(
            devices=devices,
            network_printers=list(data.get("network_printers", [])),
            extra_usb_ids=extra,
            detect_interval_s=float(data.get("detect_interval_s", 3.0)),
        )


def _device(data: dict[str, Any]) -> DeviceConfig:
    known = {f.name for f in dataclasses.fields(DeviceConfig)}
    # Unknown keys (from a newer version) are dropped rather than failing the till's start.
    values = {k: v for k, v in data.items() if k in known}
    values["kind"] = DeviceKind(values["kind"])
    return DeviceConfig(**values)


def config_path(home: Path) -> Path:
    return home / CONFIG_NAME


def load_config(home: Path) -> TillDevices:
    """The till's device settings; an empty set when there is no file yet."""
    path = config_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return TillDevices()
    return TillDevices.from_json(data)


def save_config(config: TillDevices, home: Path) -> Path:
    """Write atomically: a power cut leaves the old file or the new one, never half of one."""
    path = config_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(config.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return path
