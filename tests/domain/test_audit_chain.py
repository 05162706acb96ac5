"""审计 chain (Hypothesis): any sequence of entries, chained as the store chains them, verifies;
any single field of any entry changed — or an entry dropped, or two swapped — is found, at that entry."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.audit_chain import GENESIS, Chained, Entry, entry_hash, verify

codes = st.text(alphabet="0123456789ABCXYZ", max_size=16)
texts = st.text(max_size=40)
details = st.dictionaries(st.sampled_from(["text", "amount", "note"]),
                          st.one_of(texts, st.integers(-10**12, 10**12)), max_size=3)
entries = st.lists(st.tuples(st.integers(0, 10**6), codes, codes, codes, st.sampled_from(
    ["no_sale", "void_line", "price_override", "pin_reset", "day_closed"]), texts, details), min_size=1, max_size=12)

START = datetime(2026, 12, 3, 9, 0, 0, 123456)


def chain(drawn: list[tuple]) -> list[Chained]:  # type: ignore[type-arg]
    links, prev = [], GENESIS
    for seq, (seconds, till, actor, approver, action, subject, detail) in enumerate(drawn, start=1):
        entry = Entry(seq, START + timedelta(seconds=seconds), till, actor, approver, action, subject, detail)
        digest = entry_hash(entry, prev)
        links.append(Chained(entry, prev, digest))
        prev = digest
    return links


@given(entries)
def test_any_sequence_of_entries_verifies(drawn: list[tuple]) -> None:  # type: ignore[type-arg]
    verdict = verify(chain(drawn))
    assert verdict.intact and verdict.entries == len(drawn)


FIELDS = ["at", "till", "actor", "approver", "action", "subject", "detail", "prev_hash", "hash"]


def changed(value: object) -> object:
    if isinstance(value, datetime):
        return value + timedelta(microseconds=1)
    if isinstance(value, dict):
        return {**value, "text": str(value.get("text", "")) + "x"}
    return str(value) + "x" if len(str(value)) < 64 else "0" + str(value)[1:] if str(value)[0] != "0" else "1" + str(value)[1:]


@given(entries, st.data())
def test_any_single_field_edited_is_found_at_its_entry(drawn: list[tuple], data: st.DataObject) -> None:  # type: ignore[type-arg]
    links = chain(drawn)
    at = data.draw(st.integers(0, len(links) - 1))
    name = data.draw(st.sampled_from(FIELDS))
    link = links[at]
    if name in ("prev_hash", "hash"):
        links[at] = dataclasses.replace(link, **{name: changed(getattr(link, name))})
    else:
        links[at] = dataclasses.replace(link, entry=dataclasses.replace(link.entry, **{name: changed(getattr(link.entry, name))}))
    verdict = verify(links)
    assert not verdict.intact and verdict.broken_at == at + 1


@given(entries.filter(lambda drawn: len(drawn) >= 2), st.data())
def test_an_entry_removed_from_the_middle_is_found(drawn: list[tuple], data: st.DataObject) -> None:  # type: ignore[type-arg]
    links = chain(drawn)
    at = data.draw(st.integers(0, len(links) - 2))
    del links[at]
    verdict = verify(links)
    assert not verdict.intact and verdict.broken_at == at + 1


@given(entries.filter(lambda drawn: len(drawn) >= 2))
def test_an_entry_renumbered_to_hide_a_removal_is_found(drawn: list[tuple]) -> None:  # type: ignore[type-arg]
    links = chain(drawn)
    del links[0]
    links = [dataclasses.replace(link, entry=dataclasses.replace(link.entry, seq=link.entry.seq - 1)) for link in links]
    verdict = verify(links)
    assert not verdict.intact and verdict.broken_at == 1
