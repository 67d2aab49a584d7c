"""Acknowledgements: signed by the coordinator, applied by the right desk, never backwards."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pyrage
import pytest

from spro_desk.sync.acknowledgement import apply_acknowledgement, write_acknowledgements
from spro_desk.sync.coordinator import import_bundle
from spro_desk.sync.coordinator_identity import encryption_identities, init_coordinator
from spro_desk.sync.identity import IdentityError, load_identity
from test_coordinator_import import Region


def _event_seqs(bundle: Path, coordinator: Path) -> list[int]:
    archive = pyrage.decrypt(bundle.read_bytes(), encryption_identities(coordinator))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        member = tar.extractfile("events.jsonl")
        assert member is not None
        return [json.loads(line)["seq"] for line in member.read().splitlines()]


def test_acknowledged_events_are_not_sent_again(tmp_path: Path) -> None:
    world = Region(tmp_path)
    coordinator = world.coordinator()
    first = world.week(0, 3)
    import_bundle(coordinator, world.coordinator_dir, first)
    acks = write_acknowledgements(coordinator, world.coordinator_dir, tmp_path / "acks")
    desk, _folder = world.desks[0]
    identity = load_identity(desk)
    assert identity is not None
    ours = next(p for p in acks if p.stem == identity.desk_id)
    assert apply_acknowledgement(desk, ours) == 3
    second = world.week(0, 2)
    assert _event_seqs(second, world.coordinator_dir) == [4, 5]
    assert apply_acknowledgement(desk, ours) == 3  # replaying an old one changes nothing


def test_foreign_or_forged_acknowledgements_are_refused(tmp_path: Path) -> None:
    world = Region(tmp_path)
    coordinator = world.coordinator()
    import_bundle(coordinator, world.coordinator_dir, world.week(0, 1))
    acks = {
        p.stem: p
        for p in write_acknowledgements(coordinator, world.coordinator_dir, tmp_path / "a")
    }
    desk0, desk1 = (db for db, _ in world.desks)
    other = load_identity(desk1)
    assert other is not None
    with pytest.raises(IdentityError, match="autre poste"):
        apply_acknowledgement(desk0, acks[other.desk_id])
    mine = load_identity(desk0)
    assert mine is not None
    forged = json.loads(acks[mine.desk_id].read_text())
    forged["acked_seq"] = 1000
    (tmp_path / "forged.spro-ack").write_text(json.dumps(forged))
    with pytest.raises(IdentityError, match="non signé"):
        apply_acknowledgement(desk0, tmp_path / "forged.spro-ack")
    impostor = tmp_path / "impostor"
    init_coordinator(impostor)
    fake = write_acknowledgements(coordinator, impostor, tmp_path / "fake")
    with pytest.raises(IdentityError):
        apply_acknowledgement(desk0, next(p for p in fake if p.stem == mine.desk_id))
