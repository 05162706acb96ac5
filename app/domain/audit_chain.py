"""审计 chain: each entry of an audit log carries the hash of the one before it, so a changed,
removed or inserted entry breaks the chain at the first place it touched.

An entry's hash is SHA-256 over its canonical JSON (keys sorted, no spaces, UTF-8) followed by the
previous entry's hash; the first entry follows ``GENESIS``. The store writes the chain
(``app.audit``); HQ checks the copy it was sent with the same functions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class Entry:
    """One audit entry as it is chained: who did what, when, where, with whose authorisation."""

    seq: int
    at: datetime
    till: str
    actor: str
    approver: str
    action: str
    subject: str
    detail: dict[str, Any] = field(default_factory=dict)

    def canonical(self) -> str:
        return json.dumps({"seq": self.seq, "at": self.at.isoformat(timespec="microseconds"), "till": self.till,
                           "actor": self.actor, "approver": self.approver, "action": self.action,
                           "subject": self.subject, "detail": self.detail},
                          sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(entry: Entry, prev_hash: str) -> str:
    return hashlib.sha256((entry.canonical() + prev_hash).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Chained:
    """An entry with the hashes it was stored with."""

    entry: Entry
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a chain holds: ``broken_at`` is the seq of the first entry that does not (None
    when intact), ``reason`` why (``gap``, ``prev_hash``, ``hash``)."""

    entries: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(chain: Iterable[Chained], *, first_seq: int = 1, prev_hash: str = GENESIS) -> Verdict:
    """Walk ``chain`` in seq order from ``first_seq`` (following ``prev_hash``): the first entry
    out of sequence, not following its predecessor's hash, or whose own hash does not match."""
    expected_seq, expected_prev, count = first_seq, prev_hash, 0
    for link in chain:
        count += 1
        if link.entry.seq != expected_seq:
            return Verdict(count, expected_seq if link.entry.seq > expected_seq else link.entry.seq, "gap")
        if link.prev_hash != expected_prev:
            return Verdict(count, link.entry.seq, "prev_hash")
        if entry_hash(link.entry, link.prev_hash) != link.hash:
            return Verdict(count, link.entry.seq, "hash")
        expected_seq, expected_prev = expected_seq + 1, link.hash
    return Verdict(count)
