"""A batch whose writes are held back (PostgreSQL: `coordinator._Pending`) says and stores
exactly what the same bundles imported one by one do, when they interact inside the batch:
the same file twice, a chain and a reused number, a gap opened then closed, an event id
quarantined, another desk's contact refused, an access log cut, the same content re-encrypted.
Run on both databases (SQLite holds nothing back: the reference)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from coordination_db import Coordinations
from spro_desk.storage.engine import Database
from spro_desk.sync import coordinator
from spro_desk.sync.coordinator import ImportOutcome, import_bundles, register_desk
from sync_world import World, events_of
from test_merge_paths import _all_at_once, _coordinator, _sorted_state, drop  # noqa: F401

# What each table says, without what depends on the moment of the import or the order of
# arrival (received_at, rowid, an alert's times and primary key).
COMPARED = {
    "received_event": "SELECT id, desk_id, seq, content_sha256, entity, entity_id, op, branch "
    "FROM received_event ORDER BY id",
    "received_bundle": "SELECT sha256, desk_id, bundle_seq, previous_sha256, events, branch, "
    "manifest_sha256, created_at FROM received_bundle ORDER BY sha256",
    "audit_witness": "SELECT desk_id, branch, audit_seq, audit_mac, bundle_seq, bundle_created_at "
    "FROM audit_witness ORDER BY desk_id",
    "sync_alert": "SELECT desk_id, kind, CAST(detail AS TEXT), fingerprint, occurrences, "
    "handled_at FROM sync_alert ORDER BY fingerprint",
    "merged_contact": "SELECT id, desk_id, seq, event_id FROM merged_contact ORDER BY id",
}


def _tables(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as connection:
        return {
            name: [tuple(row) for row in connection.execute(text(sql))]
            for name, sql in COMPARED.items()
        }


def _said(results: list[tuple[Path, Any]]) -> list[tuple[Any, ...]]:
    said: list[tuple[Any, ...]] = []
    for path, result in results:
        if isinstance(result, ImportOutcome):
            said.append((path.name, result.events_new, result.events_duplicate,
                         result.quarantined, result.refused, sorted(result.alerts)))  # fmt: skip
        else:
            said.append((path.name, str(result)))
    return said


def _bundles(world: World, out: Path) -> list[Path]:
    """Bundles of two desks that interact inside one batch, in the order of arrival."""
    world.record(0, 9)
    made = events_of(world, world.export(0, out / "made"))
    [other] = [e for e in events_of(world, _desk_one(world, out)) if e["entity"] == "contact"]
    head = {"seq": 3, "mac": "a" * 64}

    def craft(name: str, events: list[dict[str, Any]], **manifest: Any) -> Path:
        return world.craft(0, events, out / f"{name}.spro-bundle", **manifest)

    first = craft("1-first", made[0:3], bundle_seq=1, audit_head=head)
    third = craft("3-third", made[5:7], bundle_seq=3, audit_head={"seq": 5, "mac": "b" * 64})
    second = craft("2-second", made[3:5], bundle_seq=2, audit_head={"seq": 4, "mac": "c" * 64})
    changed = copy.deepcopy(made[0])
    changed["payload"]["canal"] = "physique"
    reused = craft("4-reused", [changed], bundle_seq=2, audit_head=head)
    stranger = copy.deepcopy(other)
    stranger["entity_id"] = made[1]["entity_id"]
    stranger["id"] = other["id"][:-4] + "ffff"
    stranger["seq"] = 2
    foreign = world.craft(1, [other, stranger], out / "5-foreign.spro-bundle", bundle_seq=1)
    again = world.seal(world.decrypt(second), out / "6-again.spro-bundle")
    last = craft("7-last", made[8:9], bundle_seq=4, audit_head={"seq": 2, "mac": "d" * 64})
    return [first, foreign, reused, third, first, second, again, last]


def _desk_one(world: World, out: Path) -> Path:
    world.record(1, 1)
    return world.export(1, out / "desk1")


@pytest.fixture
def region(tmp_path: Path, coordinations: Coordinations) -> Iterator[World]:
    world = World(tmp_path / "region", desks=2, coordinations=coordinations)
    yield world
    world.close()


def test_a_batch_says_and_stores_what_bundle_by_bundle_does(
    region: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundles = _bundles(region, tmp_path / "drop")
    keys = region.coordinator_dir
    one_by_one = region.coordinator
    with monkeypatch.context() as writing_each:  # the reference: every write when made
        writing_each.setattr(coordinator, "_pending_for", lambda _connection: None)
        said_alone = [r for b in bundles for r in import_bundles(one_by_one, keys, [b])]
    assert region.coordinations is not None
    batched = region.coordinations.open(tmp_path / "batched.sqlite")
    for desk_id in region.ids:
        register_desk(batched, region.root / f"{desk_id}.json")
    monkeypatch.setattr(coordinator, "FLUSH_BUNDLES", 4)  # a flush inside the batch too
    said_together = import_bundles(batched, keys, bundles)
    assert _said(said_together) == _said(said_alone)
    alerts = {kind for said in _said(said_alone) for kind in said[-1]}
    assert {"fork", "gap", "quarantine", "unauthorised", "audit"} <= alerts
    assert _tables(batched) == _tables(one_by_one)


def test_merged_as_the_batch_goes_the_same_rows_and_summary_as_merged_at_its_end(
    coordinations: Coordinations,
    drop: dict[str, Any],  # noqa: F811  (the fixture of test_merge_paths)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a server the batch merges what it stored at each flush (the merged rows written while
    the worker opens the next bundles): the same merged rows and indicators' summary as one
    merge at the batch's end, every event said merged."""
    states, merged = [], []
    for flush_every in (coordinator.FLUSH_BUNDLES, 4):
        monkeypatch.setattr(coordinator, "FLUSH_BUNDLES", flush_every)
        db = _coordinator(coordinations, drop)
        results = _all_at_once(db, drop)
        merged.append(sum(r.events_merged for r in results if isinstance(r, ImportOutcome)))
        state = _sorted_state(db)
        with db.engine.connect() as connection:
            summary = connection.execute(text("SELECT * FROM indicator_summary"))
            state["indicator_summary"] = sorted(tuple(row) for row in summary)
        states.append(state)
    events = len(_received_ids(db))
    assert merged == [events, events]
    assert states[1] == states[0] and states[0]["indicator_summary"]


def _received_ids(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        return list(connection.execute(text("SELECT id FROM received_event")).scalars())


def test_the_planner_learns_of_the_merged_tables_once_they_hold_rows(
    coordinations: Coordinations,
    drop: dict[str, Any],  # noqa: F811  (the fixture of test_merge_paths)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Analysed while still empty (before the batch's first merge), the merged tables kept
    plans for empty tables: the import took 11× the raw insert baseline instead of 3×."""
    db = _coordinator(coordinations, drop)
    if db.engine.dialect.name != "postgresql":
        pytest.skip("statistics of a server's planner")
    monkeypatch.setattr(coordinator, "FLUSH_BUNDLES", 2)
    _all_at_once(db, drop)
    with db.engine.connect() as connection:
        known = connection.execute(
            text("SELECT reltuples FROM pg_class WHERE oid = CAST('merged_contact' AS regclass)")
        ).scalar()
        # the columns the import and the catch-up look up are analysed then (only those: a
        # third of the time; autovacuum may add the others after the commit); without
        # rowid's, the catch-up after the import read the whole table
        analysed = connection.execute(
            text("SELECT tablename, attname FROM pg_stats WHERE tablename IN "
                 "('received_event', 'merged_contact', 'merged_referral')")
        ).fetchall()  # fmt: skip
    assert known is not None and known > 0
    assert {(str(table), str(column)) for table, column in analysed} >= {
        *(("received_event", column) for column in ("id", "entity_id", "desk_id", "seq", "rowid")),
        ("merged_contact", "id"),
        *(("merged_referral", c) for c in ("id", "contact_id", "contact_day", "desk_id")),
    }
