"""The QSS theme, with font and control sizes scaled to the window (1024×768 up to 1920×1080)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
QSS_DIR = RESOURCES / "qss"
FONT_FAMILIES = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]


def base_pixel_size(height: int) -> int:
    """Body text height in px for a window ``height`` px tall: 15 px at 768, 21 px at 1080."""
    return max(13, min(30, round(height / 51)))


def sizes(base: int) -> dict[str, int]:
    return {
        "small": round(base * 0.85),
        "base": base,
        "large": round(base * 1.25),
        "big": round(base * 1.8),
        "huge": round(base * 2.8),
        "giant": round(base * 5.5),
        "row": round(base * 1.9),
        "key": round(base * 3.2),
    }


@lru_cache(maxsize=8)
def _template(name: str) -> str:
    return (QSS_DIR / f"{name}.qss").read_text(encoding="utf-8")


def render_qss(height: int, name: str = "default") -> str:
    """The theme with every ``@<token>px`` replaced by its size for a window ``height`` tall."""
    text = _template(name)
    # longest names first so @base never eats the start of a longer token
    for token, value in sorted(sizes(base_pixel_size(height)).items(), key=lambda kv: -len(kv[0])):
        text = text.replace(f"@{token}px", f"{value}px")
    return text
