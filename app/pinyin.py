"""拼音首字母 for search: '可口可乐 330ml' → 'kkkl330ml', taken by phrase: 重庆 → 'cq', 银行 → 'yh'.

pypinyin reads a word its phrase dictionary knows as the word is read (重庆 chóngqìng, 重量
zhòngliàng), so the initials are the word's, not each character's default. A character outside any
known phrase that has another common reading (a lone 长 is zhǎng or cháng, 卡 kǎ or qiǎ) makes the
name ambiguous: the name is then indexed under each plausible reading, so a cashier finds it by
either. A reading is plausible when the phrase dictionary uses it in several words (行 háng in 银行,
行业, …), not a rare one only a dictionary knows (芒 huāng). At most ``MAX_READINGS`` readings, and no
more than the column holds, so a long ambiguous name cannot explode into thousands.

``initials`` joins the readings with a space: a search query is letters only, so it never matches
across two readings.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator

from pypinyin import Style, pinyin
from pypinyin.constants import PHRASES_DICT

#: Readings indexed per name, the usual one first.
MAX_READINGS = 4
#: What ``Product.initials`` holds; extra readings stop before it.
MAX_LENGTH = 128
SEPARATOR = " "
#: An other reading of a character is plausible when this many known phrases use it…
_MIN_PHRASES = 3
#: …and it is at least this share of the character's uses in them.
_MIN_SHARE = 0.1


def initials(text: str) -> str:
    """The name's initials, every plausible reading of it separated by a space (the usual one first)."""
    return SEPARATOR.join(readings(text))


def readings(text: str) -> list[str]:
    """The initials of each plausible reading of ``text``, the usual one first, at most MAX_READINGS."""
    choices = _letter_choices(unicodedata.normalize("NFKC", text))
    first = "".join(letters[0] for letters in choices)
    out = [first]
    used = len(first)
    for reading in _other_readings(choices):
        if len(out) >= MAX_READINGS or used + len(SEPARATOR) + len(reading) > MAX_LENGTH:
            break
        out.append(reading)
        used += len(SEPARATOR) + len(reading)
    return out


def _letter_choices(text: str) -> list[tuple[str, ...]]:
    # Per position, the letters it may stand for (the usual first). ASCII letters and digits stand
    # for themselves; a run of other characters is read as a whole, so its phrases are found.
    choices: list[tuple[str, ...]] = []
    for is_ascii, group in itertools.groupby(text, key=str.isascii):
        chunk = "".join(group)
        if is_ascii:
            choices += [(c.lower(),) for c in chunk if c.isalnum() or c in "*."]
        else:
            choices += _run_choices(chunk)
    return choices


@functools.lru_cache(maxsize=65_536)
def _run_choices(run: str) -> tuple[tuple[str, ...], ...]:
    # heteronym=True still reads a known phrase one way only; a lone character gets all its readings,
    # of which the plausible ones are kept. A character without pinyin (an emoji, 𠮷) stands for nothing.
    out: list[tuple[str, ...]] = []
    # pypinyin takes an errors callback that returns a list too; its annotation says str only
    readings = pinyin(run, style=Style.FIRST_LETTER, heteronym=True, errors=_no_reading)  # type: ignore[arg-type]
    for char, letters in zip(run, readings, strict=True):
        if letters == [_NO_READING]:
            continue
        usual = letters[0].lower()
        others = [x.lower() for x in letters[1:] if x.lower() != usual and _plausible(char, x.lower())]
        out.append(tuple(dict.fromkeys([usual, *others])))
    return tuple(out)


_NO_READING = "?"


def _no_reading(chunk: str) -> list[str]:
    # One placeholder per character, so pypinyin's answer stays one item per character of the run.
    return [_NO_READING] * len(chunk)


def _plausible(char: str, letter: str) -> bool:
    uses = _phrase_letters().get(char)
    if not uses:
        return False
    count = uses[letter]
    return count >= _MIN_PHRASES and count >= _MIN_SHARE * sum(uses.values())


@functools.cache
def _phrase_letters() -> dict[str, Counter[str]]:
    """For each character, how often each initial letter is its reading in pypinyin's phrase dictionary."""
    letters: dict[str, Counter[str]] = defaultdict(Counter)
    for phrase, syllables in PHRASES_DICT.items():
        if len(phrase) != len(syllables):
            continue
        for char, syllable in zip(phrase, syllables, strict=True):
            if syllable and syllable[0]:
                letters[char][unicodedata.normalize("NFD", syllable[0])[0].lower()] += 1
    return dict(letters)


def _other_readings(choices: list[tuple[str, ...]]) -> Iterator[str]:
    # The fewest departures from the usual reading first: one character read otherwise, then two, …
    ambiguous = [i for i, letters in enumerate(choices) if len(letters) > 1]
    for count in range(1, len(ambiguous) + 1):
        for positions in itertools.combinations(ambiguous, count):
            for picks in itertools.product(*(choices[i][1:] for i in positions)):
                letters = [c[0] for c in choices]
                for i, pick in zip(positions, picks, strict=True):
                    letters[i] = pick
                yield "".join(letters)
