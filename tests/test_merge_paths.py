"""The merged state is the same whichever path merged the events (issue 19).

The import merges the events it stores in its own transaction, from rows built as each bundle
was opened — by the bundle-reading worker process, or by the importing process itself — and a
view left behind is merged by the catch-up from the stored payloads, or rebuilt from scratch.
Every path must give the very same `merged_*` rows, on SQLite and on PostgreSQL, and those rows
must say what the desks' own tables say.
"""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from coordination_db import Coordinations
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.dialects import run
from spro_desk.storage.engine import Database
from spro_desk.sync import bundle_opening, coordinator, reader_process
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import ImportOutcome, import_bundles, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, write_registration
from spro_desk.sync.indicator_summary import count
from spro_desk.sync.merged import catch_up_merged_state, rebuild_merged_state
from spro_desk.sync.merged_rows import PreparedEvent

DESKS, WEEKS = 6, 3  # 18 bundles: enough for the import to open them in a worker process
TABLES = {"merged_contact": "id", "merged_referral": "id", "merged_tombstone": "entity_id"}
MONDAY = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def _week(service: ContactService, rng: random.Random, services: list[str], week: int) -> None:
    """Contacts recorded, referred, given an outcome, deleted and restored: every kind of
    change the merge reads, some of them of an earlier week's contacts."""
    start = MONDAY + timedelta(weeks=week)
    ids = []
    for number in range(4):
        data = ContactInput(
            canal=rng.choice(("telephone", "accueil-physique", "courriel")),
            statut=rng.choice(("scolaire", "salarie", "etudiant")),
            besoins=tuple(rng.sample(("choisir-un-metier", "creer-une-entreprise", "famille"), 2)),
            occurred_at=start + timedelta(hours=number * 7),  # some after 22:00 UTC: next day
        )
        if number == 0:
            contact, referral = service.record_with_referral(
                data, rng.choice(services), rdv_at=start + timedelta(days=2)
            )
            service.set_referral_status(referral, "honore")
        else:
            contact = service.record(data)
        ids.append(contact)
    earlier = [c.id for c in service.list()][: 2 + week]
    service.add_referral(rng.choice(earlier), rng.choice(services))  # an older contact's
    service.delete(ids[1])
    if week:
        service.delete(earlier[0])  # with its referrals: they count nowhere any more
    if week == 2:
        service.restore(earlier[0])


@pytest.fixture(scope="module")
def drop(cvl_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("paths")
    keys = root / "coordinator"
    init_coordinator(keys)
    (root / "coordinator.json").write_text(json.dumps(signed_identity_file(keys)))
    with sqlite3.connect(cvl_db_file) as connection:
        services = [r[0] for r in connection.execute("SELECT id FROM service ORDER BY id LIMIT 8")]
    registrations, bundles, desks = [], [], []
    rng = random.Random(19)
    for number in range(DESKS):
        folder = root / f"desk{number}"
        folder.mkdir()
        shutil.copyfile(cvl_db_file, folder / "desk.sqlite")
        db = Database(folder / "desk.sqlite")
        identity = init_desk(db, folder, f"Site {number}", "cio", "18033")
        trust_coordinator(db, root / "coordinator.json")
        registrations.append(write_registration(identity, root / f"{identity.desk_id}.json"))
        service = ContactService(db)
        for week in range(WEEKS):
            _week(service, rng, services, week)
            bundles.append(export_bundle(db, folder, root / "usb").path)
        db.close()
        desks.append(folder / "desk.sqlite")
    return {"root": root, "keys": keys, "registrations": registrations, "bundles": bundles,
            "desks": desks}  # fmt: skip


def _coordinator(coordinations: Coordinations, drop: dict[str, Any]) -> Database:
    db = coordinations.open(drop["root"] / f"c{random.getrandbits(32)}.sqlite")
    for registration in drop["registrations"]:
        register_desk(db, registration)
    return db


def _state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as connection:
        return {
            table: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {table}"))]
            for table in TABLES
        }


def _sorted_state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    state = _state(db)
    return {table: sorted(rows, key=lambda row: str(row[0])) for table, rows in state.items()}


def _all_at_once(db: Database, drop: dict[str, Any]) -> list[Any]:
    return [result for _path, result in import_bundles(db, drop["keys"], drop["bundles"])]


def _merged_by_the_import(results: list[Any]) -> int:
    return sum(r.events_merged for r in results if isinstance(r, ImportOutcome))


def test_every_merge_path_gives_the_same_rows_as_the_desks_say(
    coordinations: Coordinations, drop: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    states, merged_by_import, summaries = {}, {}, {}
    # 1. all at once: the rows built by the worker process, merged in the import's transaction
    # (every bundle opened by the worker: none by the importing process while it starts)
    monkeypatch.setattr(reader_process, "HEAD_START", 0)
    started = []
    real_start = reader_process._Worker.start
    monkeypatch.setattr(
        reader_process._Worker,
        "start",
        classmethod(lambda cls, *a: started.append(1) or real_start(*a)),  # type: ignore[misc]
    )
    db = _coordinator(coordinations, drop)
    merged_by_import["worker"] = _merged_by_the_import(_all_at_once(db, drop))
    assert started == [1] and catch_up_merged_state(db) == 0
    states["worker"] = _sorted_state(db)
    # 1b. the same, merged in small steps while the worker opens the next bundles (in the
    # import's transaction, each step keeping the summary): entities change across steps.
    # (SQLite's import merges every few events; a server's at each flush of its held writes.)
    with monkeypatch.context() as patch:
        _merge_in_small_steps(patch)
        merges = _counting_merges(patch)
        db = _coordinator(coordinations, drop)
        merged_by_import["worker, in steps"] = _merged_by_the_import(_all_at_once(db, drop))
    assert len(merges) > 5 and catch_up_merged_state(db) == 0
    states["worker, in steps"] = _sorted_state(db)
    assert _summary_as_counted(db)
    # 1c. in steps, the third merge failing: the two before it stand (rows and summary), the
    # rest is left to the catch-up
    with monkeypatch.context() as patch:
        _merge_in_small_steps(patch)
        merges = _counting_merges(patch, fail_from=3)
        db = _coordinator(coordinations, drop)
        merged_early = _merged_by_the_import(_all_at_once(db, drop))
    assert len(merges) == 3 and 0 < merged_early < len(_received(db))
    assert _summary_as_counted(db)
    assert catch_up_merged_state(db) == len(_received(db)) - merged_early
    states["in steps, then the catch-up"] = _sorted_state(db)
    assert _summary_as_counted(db)
    # 2. the same, the rows built by the importing process (no worker)
    monkeypatch.setattr(reader_process, "_worth_a_process", lambda _paths: False)
    db = _coordinator(coordinations, drop)
    merged_by_import["here"] = _merged_by_the_import(_all_at_once(db, drop))
    states["here"] = _sorted_state(db)
    summaries["here"] = _summary(db)
    # 2b. the same, without what the reader works out of each bundle for the importing
    # process (the summary counts of its contacts, its entities): worked out by the import
    with monkeypatch.context() as patch:
        real_opened_of = bundle_opening.opened_of
        patch.setattr(
            bundle_opening,
            "opened_of",
            lambda plain: dataclasses.replace(real_opened_of(plain), counts=None, keys=None),
        )
        db = _coordinator(coordinations, drop)
        merged_by_import["here, nothing worked out"] = _merged_by_the_import(_all_at_once(db, drop))
    states["here, nothing worked out"] = _sorted_state(db)
    summaries["here, nothing worked out"] = _summary(db)
    # 3. one bundle per import, last desk first
    db = _coordinator(coordinations, drop)
    for bundle in reversed(drop["bundles"]):
        import_bundles(db, drop["keys"], [bundle])
    states["one by one, reversed"] = _sorted_state(db)
    # 4. the import's merge left undone: the catch-up merges the stored payloads
    with monkeypatch.context() as patch:
        patch.setattr(coordinator, "merge_stored", lambda _connection, _events, *_: False)
        db = _coordinator(coordinations, drop)
        assert _merged_by_the_import(_all_at_once(db, drop)) == 0
    assert catch_up_merged_state(db, batch=50) > 0
    states["catch-up"] = _sorted_state(db)
    # 5. rebuilt from every received event
    with db.transaction() as session:
        rebuild_merged_state(session)
    states["rebuilt"] = _sorted_state(db)

    events = len(_received(db))
    assert merged_by_import == {
        "worker": events, "worker, in steps": events, "here": events,
        "here, nothing worked out": events,
    }  # fmt: skip
    assert summaries["here"] == summaries["here, nothing worked out"]
    assert _summary(db) == summaries["here"]  # rebuilt: counted again
    reference = states["worker"]
    for path, state in states.items():
        assert state == reference, path
    _assert_as_the_desks_say(reference, drop["desks"])
    if coordinations.backend == "postgresql":  # the same rows as SQLite's
        sqlite_db = _coordinator(Coordinations("sqlite"), drop)
        _all_at_once(sqlite_db, drop)
        assert _sorted_state(sqlite_db) == reference
        sqlite_db.close()
    print(f"\n{coordinations.backend}: {len(states)} paths, {events} events, "
          f"{len(reference['merged_contact'])} contacts, "
          f"{len(reference['merged_referral'])} referrals, "
          f"{len(reference['merged_tombstone'])} tombstones: identical")  # fmt: skip


def _merge_in_small_steps(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(coordinator, "_merge_every", lambda _connection: 15)  # SQLite
    patch.setattr(coordinator, "FLUSH_BUNDLES", 1)  # a server: a merge after each flush


def _counting_merges(patch: pytest.MonkeyPatch, fail_from: int = 0) -> list[int]:
    """The number of events of each merge the import makes, as they happen; `fail_from`:
    that merge (counted from 1) and the next fail (merge_stored's savepoint rolled back)."""
    merges: list[int] = []
    real_merge = coordinator.merge_stored

    def merge(connection: Connection, events: Sequence[PreparedEvent], *pending: Any) -> bool:
        merges.append(len(events))
        if fail_from and len(merges) >= fail_from:
            return False
        return real_merge(connection, events, *pending)

    patch.setattr(coordinator, "merge_stored", merge)
    return merges


def _summary(db: Database) -> dict[tuple[Any, ...], int]:
    with db.engine.connect() as connection:
        rows = run(connection, "SELECT month, kind, code, code2, n FROM indicator_summary")
        return {tuple(row[:4]): int(row[4]) for row in rows}


def _summary_as_counted(db: Database) -> bool:
    """Whether the summary the merges kept is what counting every merged row gives."""
    with db.engine.connect() as connection:
        rows = run(connection, "SELECT month, kind, code, code2, n FROM indicator_summary "
                               "WHERE kind != 'ready'")  # fmt: skip
        kept = {tuple(row[:4]): int(row[4]) for row in rows}
        counted = {key: n for key, n in count(connection).items() if n}
    return bool(kept) and kept == counted


def _received(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text("SELECT id FROM received_event"))]


def _assert_as_the_desks_say(state: dict[str, list[tuple[Any, ...]]], desks: list[Path]) -> None:
    """Live contacts, referrals with their outcome, and the day of a referral's contact (none
    when that contact is deleted), as each desk's own tables have them."""
    contacts: set[str] = set()
    referrals: dict[str, tuple[str, bool]] = {}
    for path in desks:
        with sqlite3.connect(path) as connection:
            contacts |= {r[0] for r in connection.execute(
                "SELECT id FROM contact WHERE deleted_at IS NULL")}  # fmt: skip
            for referral, statut, deleted in connection.execute(
                "SELECT r.id, r.statut, c.deleted_at IS NOT NULL FROM referral r "
                "JOIN contact c ON c.id = r.contact_id"
            ):
                referrals[referral] = (statut, bool(deleted))
    assert {row[0] for row in state["merged_contact"]} == contacts
    assert {row[0]: (row[11], row[4] is None) for row in state["merged_referral"]} == referrals
    assert any(deleted for _statut, deleted in referrals.values())  # the case is covered
    assert state["merged_tombstone"]
