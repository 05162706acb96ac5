"""What a scanner or a keyboard sends, made plain once at the door.

A scanner or an input method in full-width (全角) mode sends ``６９０１２３４５６７８９２`` and
``ＡＢＣ``; NFKC folds those (and ``²``, ``𝟙``, ``①``, the ideographic space) to ASCII. After it only
the ASCII digits 0-9 count as digits: ``str.isdigit`` takes ``²`` that ``int`` then refuses, and
``int`` reads Arabic-Indic ``٣`` that no till, printer or HQ column should ever hold.

Codes (barcode, PLU, in-store code, coupon, card number, member phone or card) go through
``normalise_code``; amounts, quantities and weights through ``normalise_number``.
"""

from __future__ import annotations

import unicodedata


def normalise_code(text: str) -> str:
    """A code as typed or scanned, NFKC-folded, without the whitespace around it."""
    return unicodedata.normalize("NFKC", text).strip()


def normalise_number(text: str) -> str:
    """An amount, quantity or weight as typed, NFKC-folded, without the whitespace around it.

    A Chinese input method types its full stop (。) for the decimal point: it is read as one.
    """
    return unicodedata.normalize("NFKC", text).strip().replace("。", ".")


def is_digits(text: str) -> bool:
    """True for one or more of the ASCII digits 0-9 and nothing else."""
    return text.isascii() and text.isdigit()
