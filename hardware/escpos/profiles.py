"""Receipt printer profiles: paper width in characters and dots, and the Chinese encoding."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Encoding = Literal["gb18030", "gbk", "big5"]

# Python's codec for each printer encoding. Big5 printers print A2 44 as a full-width ￥,
# which only Microsoft's Big5 (cp950) maps to U+FFE5; plain 'big5' has no ￥ at all.
_CODECS: dict[str, str] = {"gb18030": "gb18030", "gbk": "gbk", "big5": "cp950"}


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """One kind of receipt printer (小票打印机).

    ``columns`` is the Font A line width (a Han character takes two); ``dots`` the
    printable width for raster images (8 dots/mm).
    """

    name: str
    columns: int
    encoding: Encoding
    dots: int

    @property
    def codec(self) -> str:
        """The Python codec that produces exactly the bytes this printer expects."""
        return _CODECS[self.encoding]


PROFILES: dict[str, PrinterProfile] = {
    p.name: p
    for p in (
        PrinterProfile("58mm", 32, "gb18030", 384),
        PrinterProfile("58mm-gbk", 32, "gbk", 384),
        PrinterProfile("80mm", 48, "gb18030", 576),
        PrinterProfile("80mm-gbk", 48, "gbk", 576),
        PrinterProfile("80mm-big5", 48, "big5", 576),
    )
}


def get_profile(name: str) -> PrinterProfile:
    """The profile called ``name``; ``KeyError`` for a name we do not know."""
    try:
        return PROFILES[name]
    except KeyError:
        raise KeyError(f"unknown printer profile {name!r}; known: {', '.join(sorted(PROFILES))}") from None
