"""Coordinator import: idempotent in any order, tampering refused, forks detected."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from coordination_db import Coordinations
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.coordination_tables import ReceivedEvent
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle import export_bundle
from spro_desk.sync.coordinator import BundleRefused, import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.identity import init_desk, load_identity, write_registration


class Region:
    """A coordinator and two desks on real files, with bundles exported by the desks; the
    coordinator's databases on SQLite or PostgreSQL (`coordinations`)."""

    def __init__(self, root: Path, coordinations: Coordinations | None = None) -> None:
        self.root = root
        self.coordinations = coordinations or Coordinations("sqlite")
        self.coordinator_dir = root / "coordinator"
        init_coordinator(self.coordinator_dir)
        (root / "coordinator.json").write_text(
            json.dumps(signed_identity_file(self.coordinator_dir))
        )
        self.desks: list[tuple[Database, Path]] = []
        for number in range(2):
            folder = root / f"desk{number}"
            db = Database(folder / "desk.sqlite")
            init_desk(db, folder, f"Site {number}", "cio", "18033")
            trust_coordinator(db, root / "coordinator.json")
            self.desks.append((db, folder))

    def coordinator(self, name: str = "coordinator.sqlite") -> Database:
        db = self.coordinations.open(self.root / name)
        for desk, _folder in self.desks:
            identity = load_identity(desk)
            assert identity is not None
            register_desk(db, write_registration(identity, self.root / f"{identity.desk_id}.json"))
        return db

    def week(self, desk: int, contacts: int) -> Path:
        db, folder = self.desks[desk]
        for _ in range(contacts):
            ContactService(db).record(ContactInput(canal="telephone", statut="scolaire"))
        return export_bundle(db, folder, self.root / "usb").path


def _state(db: Database) -> set[tuple[str, str, int, str]]:
    with db.session() as session:
        rows = session.exec(select(ReceivedEvent)).all()
    return {(r.id, r.desk_id, r.seq, r.content_sha256) for r in rows}


@pytest.fixture(scope="module")
def region(
    tmp_path_factory: pytest.TempPathFactory, module_coordinations: Coordinations
) -> tuple[Region, list[Path]]:
    world = Region(tmp_path_factory.mktemp("region"), module_coordinations)
    bundles = [world.week(0, 2), world.week(1, 1), world.week(0, 3), world.week(1, 2)]
    return world, bundles


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.lists(st.integers(min_value=0, max_value=3), min_size=4, max_size=12))
def test_any_order_and_any_repetition_give_one_state(
    region: tuple[Region, list[Path]], order: list[int]
) -> None:
    world, bundles = region
    sequence = [*order, 0, 1, 2, 3]  # every bundle at least once
    db = world.coordinator(f"c-{random.getrandbits(40)}.sqlite")
    for index in sequence:
        import_bundle(db, world.coordinator_dir, bundles[index])
    state = _state(db)
    assert len(state) == 5 + 3  # desk 0: 5 contacts, desk 1: 3, no duplicate row
    reference = world.coordinator(f"ref-{random.getrandbits(40)}.sqlite")
    for bundle in bundles:
        import_bundle(reference, world.coordinator_dir, bundle)
    assert state == _state(reference)


def test_tampered_bundles_are_refused_and_change_nothing(
    region: tuple[Region, list[Path]], tmp_path: Path
) -> None:
    world, bundles = region
    db = world.coordinator(f"tamper-{random.getrandbits(40)}.sqlite")
    import_bundle(db, world.coordinator_dir, bundles[0])
    before = _state(db)
    original = bundles[2].read_bytes()
    rng = random.Random(7)
    accepted = 0
    for trial in range(150):
        data = bytearray(original)
        if trial % 3 == 0:
            data = data[: rng.randrange(len(data))]  # truncated on the stick
        else:
            position = rng.randrange(len(data))
            data[position] ^= 1 << rng.randrange(8)  # one flipped bit
        path = tmp_path / f"t{trial}.spro-bundle"
        path.write_bytes(bytes(data))
        try:
            import_bundle(db, world.coordinator_dir, path)
            accepted += 1
        except BundleRefused:
            pass
    assert accepted == 0
    assert _state(db) == before


def test_unknown_desks_and_other_coordinators_are_refused(
    region: tuple[Region, list[Path]], tmp_path: Path
) -> None:
    world, bundles = region
    stranger = world.coordinations.open(tmp_path / "stranger.sqlite")  # registers no desk
    with pytest.raises(BundleRefused, match="Poste inconnu"):
        import_bundle(stranger, world.coordinator_dir, bundles[0])
    other = tmp_path / "other-coordinator"
    init_coordinator(other)
    with pytest.raises(BundleRefused, match="indéchiffrable"):
        import_bundle(world.coordinator(f"o-{random.getrandbits(40)}.sqlite"), other, bundles[0])


def test_a_desk_restored_from_an_old_backup_shows_as_a_fork(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    world = Region(tmp_path, coordinations)
    first = world.week(0, 1)
    db, folder = world.desks[0]
    source, copy = sqlite3.connect(db.path), sqlite3.connect(tmp_path / "backup.sqlite")
    source.backup(copy)
    source.close()
    copy.close()
    second = world.week(0, 1)
    db.close()
    shutil.copy(tmp_path / "backup.sqlite", db.path)  # the PC comes back from the backup
    for suffix in ("-wal", "-shm"):  # a restore replaces the whole database, journal included
        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
    world.desks[0] = (Database(db.path), folder)
    shutil.move(str(second), tmp_path / "second.spro-bundle")
    forked = world.week(0, 2)  # numbered 2 again, with other events
    coordinator = world.coordinator()
    import_bundle(coordinator, world.coordinator_dir, first)
    import_bundle(coordinator, world.coordinator_dir, tmp_path / "second.spro-bundle")
    outcome = import_bundle(coordinator, world.coordinator_dir, forked)
    assert "fork" in outcome.alerts


def test_a_lost_bundle_is_repaired_by_the_next_one(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    world = Region(tmp_path, coordinations)
    world.week(0, 2)  # lost on a train
    second = world.week(0, 1)
    coordinator = world.coordinator()
    outcome = import_bundle(coordinator, world.coordinator_dir, second)
    assert outcome.events_new == 3 and outcome.alerts == []
    assert {seq for _id, _desk, seq, _sha in _state(coordinator)} == {1, 2, 3}


def test_a_revoked_desk_is_refused_and_keeps_what_was_received(
    tmp_path: Path, coordinations: Coordinations
) -> None:
    from spro_desk.sync.coordinator import revoke_desk

    world = Region(tmp_path, coordinations)
    coordinator = world.coordinator()
    import_bundle(coordinator, world.coordinator_dir, world.week(0, 1))
    before = _state(coordinator)
    identity = load_identity(world.desks[0][0])
    assert identity is not None
    revoke_desk(coordinator, identity.desk_id)
    with pytest.raises(BundleRefused, match="révoqué"):
        import_bundle(coordinator, world.coordinator_dir, world.week(0, 1))
    assert _state(coordinator) == before
