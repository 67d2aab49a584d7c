"""Several coordinators importing the same bundles at the same moment (issue 19): each event is
applied exactly once, on SQLite and on PostgreSQL, with real concurrent connections (one
Database, hence one engine and its own connections, per thread; the threads start together)."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from coordination_db import Coordinations
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import (
    BundleRefused,
    ImportOutcome,
    import_bundles,
    register_desk,
)
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, write_registration
from spro_desk.sync.merged import catch_up_merged_state

WORKERS, DESKS, BUNDLES_PER_DESK = 4, 4, 10  # 40 bundles (the benchmark: 500)
CHUNK = 4  # bundles per import call
CANAUX = ("telephone", "accueil-physique", "courriel")


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The coordinator's keys, the desks' registrations and their 40 bundles."""
    root = tmp_path_factory.mktemp("drop")
    keys = root / "coordinator"
    init_coordinator(keys)
    (root / "coordinator.json").write_text(json.dumps(signed_identity_file(keys)))
    registrations, bundles = [], []
    rng = random.Random(19)
    for number in range(DESKS):
        folder = root / f"desk{number}"
        db = Database(folder / "desk.sqlite")
        identity = init_desk(db, folder, f"Site {number}", "cio", "18033")
        trust_coordinator(db, root / "coordinator.json")
        registrations.append(write_registration(identity, root / f"{identity.desk_id}.json"))
        service = ContactService(db)
        for _week in range(BUNDLES_PER_DESK):
            ids = [
                service.record(ContactInput(canal=rng.choice(CANAUX), statut="scolaire"))
                for _ in range(rng.randint(1, 3))
            ]
            if rng.random() < 0.2:
                service.delete(ids[0])  # a tombstone to merge too
            bundles.append(export_bundle(db, folder, root / "usb").path)
        db.close()
    return {"root": root, "keys": keys, "registrations": registrations, "bundles": bundles}


def _coordinator(coordinations: Coordinations, drop: dict[str, Any], name: str) -> Database:
    db = coordinations.open(drop["root"] / f"{name}-{random.getrandbits(32)}.sqlite")
    for registration in drop["registrations"]:
        register_desk(db, registration)
    return db


def _figures(db: Database) -> dict[str, Any]:
    catch_up_merged_state(db)
    with db.engine.connect() as connection:

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in connection.execute(text(sql))]

        return {
            "events": rows(
                "SELECT id, desk_id, seq, content_sha256 FROM received_event ORDER BY id"
            ),
            "bundles": rows(
                "SELECT sha256, desk_id, bundle_seq FROM received_bundle ORDER BY sha256"
            ),
            "contacts": rows("SELECT id, desk_id, seq, canal FROM merged_contact ORDER BY id"),
            "tombstones": rows("SELECT entity_id, seq FROM merged_tombstone ORDER BY entity_id"),
            "alerts": rows("SELECT desk_id, kind, occurrences FROM sync_alert ORDER BY pk"),
        }  # fmt: skip


def _duplicates(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(
            connection.execute(
                text("SELECT COUNT(*) - COUNT(DISTINCT id) FROM received_event")
            ).scalar_one()
            + connection.execute(
                text("SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM received_bundle")
            ).scalar_one()
        )


def test_four_coordinators_importing_the_same_bundles_at_once_apply_each_event_once(
    coordinations: Coordinations, drop: dict[str, Any]
) -> None:
    bundles: list[Path] = drop["bundles"]
    reference = _coordinator(coordinations, drop, "reference")
    single = import_bundles(reference, drop["keys"], bundles)
    assert not [r for _p, r in single if isinstance(r, BundleRefused)]
    expected = _figures(reference)
    total_events = len(expected["events"])
    assert total_events > len(bundles)

    shared = _coordinator(coordinations, drop, "shared")
    # each colleague opens the shared database on their own (their own engine and connections)
    url = None if shared.is_sqlite else shared.url
    colleagues = [coordinations.open(shared.path, url=url) for _ in range(WORKERS)]
    start = threading.Barrier(WORKERS)
    outcomes: list[list[Any]] = [[] for _ in range(WORKERS)]
    failures: list[BaseException] = []

    def colleague(number: int) -> None:
        order = list(bundles)
        random.Random(number).shuffle(order)  # each in their own order, all at once
        try:
            start.wait()
            # a few bundles at a time, as they arrive in the drop: many short transactions
            # that interleave with the colleagues' ones
            for first in range(0, len(order), CHUNK):
                chunk = order[first : first + CHUNK]
                outcomes[number] += import_bundles(colleagues[number], drop["keys"], chunk)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=colleague, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not failures, failures
    results = [result for outcome in outcomes for _path, result in outcome]
    assert len(results) == WORKERS * len(bundles)
    assert all(isinstance(result, ImportOutcome) for result in results), results
    applied = sum(r.events_new for r in results if isinstance(r, ImportOutcome))
    assert applied == total_events  # every event applied once, by one of the four
    assert _duplicates(shared) == 0
    assert _figures(shared) == expected  # the same figures as one import
