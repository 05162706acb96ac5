"""Display width on a fixed-pitch device: a Han character or full-width sign takes two columns."""

from __future__ import annotations

import re
import unicodedata

#: C0 controls, DEL, C1 controls (ESC, GS, FS, DLE, CR, LF, NEL, …) and lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def device_text(text: str) -> str:
    """``text`` as a printer or display may be sent it: every control character becomes a space.

    Free text (a return reason, a product name from HQ, a member's name) can then never carry a
    device command such as ESC p (open the drawer) or GS V (cut), nor end a label's quoted field
    with a line break. A space takes the one column the control character was laid out in, so the
    columns of a receipt stay where ``layout`` put them.
    """
    return _UNPRINTABLE.sub(" ", text)


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def truncate(text: str, columns: int) -> str:
    """The longest prefix of ``text`` that fits in ``columns``."""
    used = 0
    for index, char in enumerate(text):
        width = char_width(char)
        if used + width > columns:
            return text[:index]
        used += width
    return text


def wrap(text: str, columns: int) -> list[str]:
    """Split ``text`` into lines of at most ``columns`` display columns (never splits a Han char)."""
    lines: list[str] = []
    current = ""
    used = 0
    for char in text:
        width = char_width(char)
        if used + width > columns and current:
            lines.append(current)
            current, used = "", 0
        current += char
        used += width
    if current or not lines:
        lines.append(current)
    return lines


def pad_right(text: str, columns: int) -> str:
    return text + " " * max(0, columns - display_width(text))


def pad_left(text: str, columns: int) -> str:
    return " " * max(0, columns - display_width(text)) + text


def two_columns(left: str, right: str, columns: int) -> str:
    """``left`` then ``right`` flush right on one line; ``left`` is cut to make room."""
    room = columns - display_width(right) - 1
    left = truncate(left, max(0, room))
    return pad_right(left, columns - display_width(right)) + right
