"""The outbox push's own rules: when it counts as stuck, and how much goes in one batch."""

from __future__ import annotations

import json
import time
from datetime import datetime

from app.sync import outbox
from app.sync.worker import STUCK_REFUSALS, STUCK_SECONDS, SyncState


def waiting(refusals: int = 0) -> outbox.Pending:
    return outbox.Pending(seq=7, created_at=datetime(2026, 12, 3, 9, 0), refusals=refusals)


def test_a_push_hq_keeps_refusing_is_stuck() -> None:
    state = SyncState(enrolled=True, push_reached=True)
    assert not state.stuck(waiting(refusals=STUCK_REFUSALS - 1))
    assert state.stuck(waiting(refusals=STUCK_REFUSALS))


def test_a_push_that_has_not_moved_for_a_while_although_hq_answers_is_stuck() -> None:
    state = SyncState(enrolled=True, push_reached=True, push_progress=time.monotonic() - STUCK_SECONDS - 1)
    assert state.stuck(waiting())
    state.pushed()  # an upload got through: moving again
    assert not state.stuck(waiting())


def test_a_store_cut_off_from_hq_is_offline_not_stuck_and_nothing_waiting_is_never_stuck() -> None:
    cut_off = SyncState(enrolled=True, push_reached=False, push_progress=time.monotonic() - STUCK_SECONDS - 1)
    assert not cut_off.stuck(waiting(refusals=STUCK_REFUSALS))
    assert not SyncState(enrolled=True, push_reached=True).stuck(None)


def test_a_flowing_feed_does_not_clear_the_pushs_error() -> None:
    state = SyncState(enrolled=True)
    state.push_failed("event_conflict: Event 1 conflicts", reached=True)
    state.pulled()
    assert state.last_error == "event_conflict: Event 1 conflicts" and state.online is True
    state.pushed()
    assert state.last_error is None


def test_a_batch_stays_below_hqs_byte_limit_and_always_carries_at_least_one_event() -> None:
    def event(seq: int, size: int) -> dict:
        return {"event_id": f"e{seq}", "seq": seq, "kind": "sale_completed", "payload": {"blob": "字" * size},
                "created_at": "2026-12-03T09:00:00"}

    big = [event(n, 100_000) for n in range(1, 40)]  # about 300 kB of JSON each
    batch = outbox._fitting(big, outbox.BATCH, outbox.BATCH_BYTES)
    assert 1 <= len(batch) < len(big) and [e["seq"] for e in batch] == list(range(1, len(batch) + 1))
    assert len(json.dumps({"events": batch}, ensure_ascii=False).encode()) <= outbox.BATCH_BYTES
    huge = [event(1, 1_000_000)]
    assert outbox._fitting(huge, outbox.BATCH, outbox.BATCH_BYTES) == huge
    small = [event(n, 10) for n in range(1, 900)]
    assert len(outbox._fitting(small, outbox.BATCH, outbox.BATCH_BYTES)) == outbox.BATCH
