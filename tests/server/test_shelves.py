"""货位: the manager sets products' shelf locations (the API, a CSV through the API, or the
``omnistore shelves import`` command), and the O2O pick list — on the board and on paper — is
walked by them: by location (numbers as numbers), goods without one last, by category as before.
Bad input is refused with a code and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from app.db.models import AuditEntry, ShelfLocation
from app.domain.errors import DomainError
from app.shelves import parse_csv, walk_key
from harness import o2o
from harness.store import APPLE_PLU, COLA, NOODLES, WATER, StoreServer, Till


def refused(answer: Any, code: str, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.json()["code"] == code, answer.text
    return answer.json()


@pytest.fixture
def boss(store_server: StoreServer) -> Till:
    """The manager, on a store whose products have no location yet (the server is shared)."""
    with store_server.db() as session:
        session.execute(delete(ShelfLocation))
        session.commit()
    return Till(store_server, store_server.new_till(), "9001", "9999")


def put(till: Till, locations: list[dict[str, Any]], command_id: str | None = None) -> Any:
    return till.http.put(till.server.api + "/shelf-locations",
                         json={"locations": locations, "command_id": command_id or uuid.uuid4().hex}, timeout=10)


def upload(till: Till, text: str) -> Any:
    return till.post("/shelf-locations/import", {"csv": text, "command_id": uuid.uuid4().hex})


def sku_of(server: StoreServer, code: str) -> str:
    return o2o.product(server, code)[0]


def stored(server: StoreServer) -> dict[str, str]:
    with server.db() as session:
        return dict(session.execute(select(ShelfLocation.sku, ShelfLocation.location)).all())


def test_walk_key_compares_numbers_as_numbers_and_puts_no_location_last() -> None:
    places = ["B-01-1", "A-10-1", None, "A-3-2", "A-03-1", "冷柜-2", "A-3"]
    ordered = sorted(places, key=walk_key)
    assert ordered[:5] == ["A-3", "A-03-1", "A-3-2", "A-10-1", "B-01-1"]
    assert ordered[-1] is None


def test_a_csv_line_is_read_as_excel_writes_it_and_a_bad_one_is_named() -> None:
    entries = parse_csv('\ufeffsku,location\r\nA1,"B-2"\r\n\r\n"A 2",\r\nA3,c-1,"名称, 带逗号"\r\n')
    assert [(e.code, e.location, e.row) for e in entries] == [("A1", "B-2", 2), ("A 2", "", 4), ("A3", "c-1", 5)]
    for text, row in (("A1,B-1\nA2,B\ud800", 2), ("A1,B-1\x00", 1), ("A1,B-1\nA2", 2), ("A1,B,C,D", 1)):
        with pytest.raises(DomainError) as refused_line:
            parse_csv(text)
        assert (refused_line.value.code, refused_line.value.params["row"]) == ("shelf_csv_invalid", row)


def test_the_board_and_the_pick_list_are_walked_by_shelf_location(store_server: StoreServer, boss: Till) -> None:
    cola, water, noodles, apple = (sku_of(store_server, code) for code in (COLA, WATER, NOODLES, APPLE_PLU))
    saved = boss.ok(put(boss, [{"code": COLA, "location": "b-02-1"},  # a barcode finds its SKU; upper-cased
                               {"code": noodles, "location": "A-10-1"},
                               {"code": water, "location": "A-3-2"}]))
    assert saved == {"saved": 3, "cleared": 0}
    assert stored(store_server) == {cola: "B-02-1", noodles: "A-10-1", water: "A-3-2"}

    data = o2o.drop(store_server, o2o.order(store_server, [(APPLE_PLU, 500), (COLA, 1), (NOODLES, 1), (WATER, 2)]))
    shown = boss.ok(boss.get(f"/o2o/orders/{data['id']}"))
    assert [(line["product_code"], line["location"]) for line in shown["lines"]] == [
        (water, "A-3-2"), (noodles, "A-10-1"), (cola, "B-02-1"), (apple, None)]  # A-3 before A-10; none last
    pick_list = boss.get(f"/o2o/orders/{data['id']}/pick-list").text
    at = [pick_list.index(place) for place in ("A-3-2", "A-10-1", "B-02-1")] + [pick_list.index(apple)]
    assert at == sorted(at), pick_list

    listed = boss.ok(boss.get("/shelf-locations"))["locations"]
    assert [row["location"] for row in listed] == ["A-3-2", "A-10-1", "B-02-1"] and listed[0]["name"]

    # an empty location clears it; the order's lines follow at once
    assert boss.ok(put(boss, [{"code": water, "location": ""}])) == {"saved": 0, "cleared": 1}
    again = boss.ok(boss.get(f"/o2o/orders/{data['id']}"))
    assert [line["product_code"] for line in again["lines"]][:2] == [noodles, cola]


def test_only_a_manager_sets_locations_and_bad_input_changes_nothing(store_server: StoreServer, boss: Till) -> None:
    cashier = Till(store_server, store_server.new_till())
    cola = sku_of(store_server, COLA)
    refused(put(cashier, [{"code": cola, "location": "A-1"}]), "forbidden", 403)
    refused(cashier.get("/shelf-locations"), "forbidden", 403)
    refused(upload(cashier, f"{cola},A-1\n"), "forbidden", 403)

    boss.ok(put(boss, [{"code": cola, "location": "A-01"}]))
    for bad in ("A 01", "A--1", "-A1", "A_1", "ABCDEFGHIJKLMNOPQ"):
        answer = refused(put(boss, [{"code": WATER, "location": "C-1"}, {"code": cola, "location": bad}]),
                         "shelf_location_invalid", 422)
        assert answer["message"]
    refused(put(boss, [{"code": "NO-SUCH-SKU", "location": "A-1"}]), "unknown_product", 404)
    refused(put(boss, []), "invalid_request", 422)
    refused(put(boss, [{"code": cola, "location": "A\x001"}]), "invalid_text", 422)
    assert stored(store_server) == {cola: "A-01"}  # the good line of a bad change was not written

    # a repeat of a command answers what the first did, once
    command_id = uuid.uuid4().hex
    first = boss.ok(put(boss, [{"code": WATER, "location": "C-1"}], command_id))
    assert boss.ok(put(boss, [{"code": WATER, "location": "C-1"}], command_id)) == first


def test_a_csv_import_is_all_or_nothing_and_names_the_bad_line(store_server: StoreServer, boss: Till) -> None:
    cola, water, noodles = (sku_of(store_server, code) for code in (COLA, WATER, NOODLES))
    answer = refused(upload(boss, f"sku,location\n{cola},A-1\n{water},A 2\n"), "shelf_csv_bad_location", 422)
    assert "3" in answer["message"]
    answer = refused(upload(boss, f"{cola},A-1\n\n{'X' * 12},A-2\n"), "shelf_csv_unknown_product", 422)
    assert "3" in answer["message"]
    refused(upload(boss, f"{cola};A-1\n"), "shelf_csv_invalid", 422)
    bell = refused(upload(boss, f"{cola},A-1\n{water},A-2\x07\n"), "shelf_csv_invalid", 422)
    assert "2" in bell["message"] and "A-2?" in bell["message"]
    refused(upload(boss, f"{cola},A-1\n{water},A-2\ud800\n"), "invalid_request", 422)  # a lone surrogate: the door
    assert stored(store_server) == {}

    text = f"\ufeff商品编码,货位,名称\n{cola},a-1-1,可乐\r\n{water},A-1-2,水\r\n{noodles},,\r\n"
    assert boss.ok(upload(boss, text)) == {"saved": 2, "cleared": 1}
    assert stored(store_server) == {cola: "A-1-1", water: "A-1-2"}
    with store_server.db() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (last.action, last.actor, last.detail["text"]) == ("shelf_locations", "9001", "csv: 2 set, 1 cleared")


def test_the_import_command_writes_a_csv_into_the_store_database(store_server: StoreServer, boss: Till,
                                                                 tmp_path: Path) -> None:
    cola, water = sku_of(store_server, COLA), sku_of(store_server, WATER)
    env = {**os.environ, **store_server.env}  # the server's home: its database
    good = tmp_path / "locations.csv"
    good.write_bytes(f"货号,货位\n{cola},冷柜-2\n{water},B-7\n".encode("gb18030"))  # as Excel saves it in China

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "omnistore", "shelves", "import", *args], env=env,
                              capture_output=True, text=True, timeout=60)

    done = run(str(good), "--operator", "9001")
    assert done.returncode == 0, done.stderr
    assert "2 set" in done.stdout
    assert stored(store_server) == {cola: "冷柜-2", water: "B-7"}

    bad = tmp_path / "bad.csv"
    bad.write_text(f"{cola},A-1\n{water},??\n", encoding="utf-8")
    failed = run(str(bad), "--operator", "9001", "--language", "en")
    assert failed.returncode == 1 and "line 2" in failed.stderr
    assert run(str(good), "--operator", "0000").returncode == 2
    assert stored(store_server) == {cola: "冷柜-2", water: "B-7"}


def test_the_demo_seed_puts_every_product_on_a_shelf_once(tmp_path: Path) -> None:
    env = {**os.environ, "OMNISTORE_HOME": str(tmp_path)}

    def seed() -> str:
        done = subprocess.run([sys.executable, "-m", "omnistore", "seed", "--products", "60", "--sample-shelves"],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "placed 60 products" in seed()
    assert "placed 0 products" in seed()  # a location set before is kept
    import sqlite3

    with sqlite3.connect(tmp_path / "store.sqlite3") as db:
        places = [row[0] for row in db.execute("SELECT location FROM shelf_locations")]
    assert len(places) == len(set(places)) == 60 and "A-01-1" in places
