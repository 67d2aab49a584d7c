"""Issue 12: nothing lost, nothing forged between desks and coordinator.

Each finding of the issue is reproduced on real files (desks, USB folder, coordinator
database, the command line, a subprocess under a memory limit).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from spro_desk.cli.main import main as cli_main
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.storage.backup import create_backup
from spro_desk.storage.coordination_tables import ReceivedEvent, SyncAlert
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Event
from spro_desk.sync.acknowledgement import apply_acknowledgement, write_acknowledgements
from spro_desk.sync.bundle import load_state
from spro_desk.sync.coordinator import BundleRefused, import_bundle, import_bundles
from spro_desk.sync.identity import IdentityError
from spro_desk.sync.merged import catch_up_merged_state
from sync_world import World, events_of


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region")
    yield region
    region.close()


def _received_ids(world: World) -> set[str]:
    with world.coordinator.session() as session:
        return set(session.exec(select(ReceivedEvent.id)).all())


def _desk_ids(world: World, desk: int) -> set[str]:
    with world.dbs[desk].session() as session:
        return set(session.exec(select(Event.id)).all())


def _merged_contacts(world: World, desk: int) -> int:
    catch_up_merged_state(world.coordinator)
    with world.coordinator.session() as session:
        connection = session.connection().connection.driver_connection
        query = "SELECT COUNT(*) FROM merged_contact WHERE desk_id = ?"
        return int(connection.execute(query, (world.ids[desk],)).fetchone()[0])


def _alerts(world: World, kind: str) -> list[SyncAlert]:
    with world.coordinator.session() as session:
        return list(session.exec(select(SyncAlert).where(SyncAlert.kind == kind)).all())


def _cli(*argv: str, capsys: Any) -> tuple[int, dict[str, Any]]:
    code = cli_main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


# --- finding 1: a restore then a stale acknowledgement must lose nothing ------------------


def test_a_stale_acknowledgement_after_a_restore_is_refused_and_nothing_is_lost(
    world: World, capsys: Any
) -> None:
    folder = world.folders[0]
    world.record(0, 5)
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))
    acks = write_acknowledgements(world.coordinator, world.coordinator_dir, world.root / "a1")
    [ack] = [p for p in acks if world.ids[0] in p.name]
    assert apply_acknowledgement(world.dbs[0], ack) == 5
    backup = create_backup(world.dbs[0].path)
    world.record(0, 4)
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))
    stick = world.root / "stick-acks"
    write_acknowledgements(world.coordinator, world.coordinator_dir, stick)
    before_restore = _desk_ids(world, 0)
    world.dbs[0].close()
    code, restored = _cli("--data-dir", str(folder), "backup", "restore", str(backup), "--yes",
                          capsys=capsys)  # fmt: skip
    assert code == 0
    assert restored["sync"]["bundles_sent_after_backup"] == 1
    desk = world.reopen(0)
    world.record(0, 3)
    with pytest.raises(IdentityError, match="autre historique"):
        apply_acknowledgement(desk, stick / f"{world.ids[0]}.spro-ack")
    assert load_state(desk)["acked"] == 5  # unchanged: the new events are still to be sent
    forked = world.export(0)
    # finding 5: the bundle after the restore never takes the name of one already written
    assert forked.name == "cio-de-bourges_" + world.ids[0][:4] + "_n0003_b2.spro-bundle"
    assert len(list(world.usb.glob("*.spro-bundle"))) == 3
    outcome = import_bundle(world.coordinator, world.coordinator_dir, forked)
    assert outcome.events_new == 3
    received = _received_ids(world)
    assert before_restore <= received and _desk_ids(world, 0) <= received  # nothing lost
    assert _merged_contacts(world, 0) == 5 + 4 + 3
    [fork] = _alerts(world, "fork")
    message = fork.detail["message"]
    assert "sauvegarde" in message and "rien n'est perdu" in message
    assert fork.detail["old_branch_events"] == 4 and fork.detail["from_seq"] == 6
    # the coordinator's acknowledgement now follows the desk's new branch and is accepted
    write_acknowledgements(world.coordinator, world.coordinator_dir, stick)
    assert apply_acknowledgement(desk, stick / f"{world.ids[0]}.spro-ack") == 8


def _same_number_twice(world: World, desk: int) -> list[tuple[str, int]]:
    """(branch, seq) pairs of the desk that carry more than one event at the coordinator."""
    with world.coordinator.session() as session:
        connection = session.connection().connection.driver_connection
        query = (
            "SELECT branch, seq FROM received_event WHERE desk_id = ? "
            "GROUP BY branch, seq HAVING COUNT(*) > 1"
        )
        return [tuple(r) for r in connection.execute(query, (world.ids[desk],)).fetchall()]


def _copy_back_by_hand(world: World, desk: int, copy: Path) -> None:
    """An older copy of the database file put over the live one while the desk is closed,
    as someone does with a file manager (not through `backup restore`)."""
    world.dbs[desk].close()
    live = world.dbs[desk].path
    for leftover in (live.with_name(live.name + "-wal"), live.with_name(live.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(copy, live)
    world.reopen(desk)


def _copy_by_hand(world: World, desk: int, target: Path) -> Path:
    world.dbs[desk].close()
    shutil.copyfile(world.dbs[desk].path, target)
    world.reopen(desk)
    return target


def test_a_database_copied_back_by_hand_continues_on_a_new_branch(world: World) -> None:
    world.record(0, 5)
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))
    copy = _copy_by_hand(world, 0, world.root / "copie-du-lundi.sqlite")
    world.record(0, 4)
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))
    sent_before = _desk_ids(world, 0)
    _copy_back_by_hand(world, 0, copy)
    world.record(0, 3)  # numbers 6 to 8 again: they must not pass for the ones already sent
    forked = world.export(0)
    assert forked.name == "cio-de-bourges_" + world.ids[0][:4] + "_n0003_b2.spro-bundle"
    assert import_bundle(world.coordinator, world.coordinator_dir, forked).events_new == 3
    assert _same_number_twice(world, 0) == []  # no number reused on one branch, silently
    received = _received_ids(world)
    assert sent_before <= received and _desk_ids(world, 0) <= received  # nothing lost
    assert _merged_contacts(world, 0) == 5 + 4 + 3
    [fork] = _alerts(world, "fork")
    assert fork.detail["reason"] == "restauration"
    assert fork.detail["from_seq"] == 6 and fork.detail["old_branch_events"] == 4
    acks = write_acknowledgements(world.coordinator, world.coordinator_dir, world.root / "acks")
    [ack] = [p for p in acks if world.ids[0] in p.name]
    assert apply_acknowledgement(world.dbs[0], ack) == 8  # the new branch is acknowledged


def test_an_export_right_after_a_copy_back_by_hand_takes_a_new_number(world: World) -> None:
    world.record(0, 2)
    copy = _copy_by_hand(world, 0, world.root / "copie.sqlite")
    first = world.export(0)
    _copy_back_by_hand(world, 0, copy)
    second = world.export(0)  # nothing new recorded: the same events, under a new number
    assert first.name.endswith("_n0001_b1.spro-bundle")
    assert second.name.endswith("_n0002_b2.spro-bundle")
    for bundle in (first, second):
        import_bundle(world.coordinator, world.coordinator_dir, bundle)
    assert _same_number_twice(world, 0) == []
    assert [a.detail.get("reason") for a in _alerts(world, "fork")] == ["restauration"]


def test_a_database_moved_with_its_folder_or_alone_opens_no_branch(
    world: World, tmp_path: Path
) -> None:
    world.record(0, 2)
    world.export(0)
    world.dbs[0].close()
    moved = tmp_path / "nouveau-poste"
    shutil.copytree(world.folders[0], moved)  # a new computer: the whole data folder
    alone = tmp_path / "base-seule"
    alone.mkdir()
    shutil.copyfile(world.dbs[0].path, alone / world.dbs[0].path.name)  # the file alone
    for folder in (moved, alone):
        db = Database(database_path(folder))
        try:
            ContactService(db).record(ContactInput(canal="telephone", statut="scolaire"))
            assert load_state(db).get("branch_number", 1) == 1
            assert {e.branch for e in _events(db)} == {""}
        finally:
            db.close()
    world.reopen(0)


def _events(db: Database) -> list[Event]:
    with db.session() as session:
        return list(session.exec(select(Event)).all())


def test_a_directory_snapshot_carrying_a_stale_acknowledgement_changes_no_acknowledgement(
    world: World, capsys: Any
) -> None:
    from spro_desk.sync.directory_update import install_snapshot, publish_directory
    from test_sync_transport import _small_directory

    world.record(0, 2)
    backup = create_backup(world.dbs[0].path)
    world.record(0, 3)
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))
    snapshot = world.root / "annuaire.spro-directory"
    source = _small_directory(world.root / "source", 3)
    publish_directory(world.coordinator, world.coordinator_dir, source, snapshot,
                      with_acknowledgements=True)  # fmt: skip
    world.dbs[0].close()
    code, _restored = _cli("--data-dir", str(world.folders[0]), "backup", "restore",
                           str(backup), "--yes", capsys=capsys)  # fmt: skip
    assert code == 0
    desk = world.reopen(0)
    world.record(0, 2)
    result = install_snapshot(desk, snapshot)
    assert result.acked_seq is None and any("autre historique" in n for n in result.notes)
    assert load_state(desk)["acked"] == 0
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))
    assert _merged_contacts(world, 0) == 2 + 3 + 2


# --- finding 2: numbers from a bundle are checked before anything is allocated ------------


def _one_event(world: World, desk: int, seq: int) -> dict[str, Any]:
    world.record(desk, 1)
    [event] = events_of(world, world.export(desk, world.root / "scratch"))[-1:]
    return {**event, "seq": seq, "id": str(uuid.uuid4())}


MEMORY_LIMITED_IMPORT = textwrap.dedent(
    """
    import resource, sys
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from spro_desk.cli.main import main
    sys.exit(main(sys.argv[2:]))
    """
)


def _baseline_address_space() -> int:
    """The address space of a Python that imported the importer, in bytes."""
    probe = (
        "import spro_desk.cli.main, spro_desk.sync.coordinator, spro_desk.sync.merged;"
        "print(open('/proc/self/status').read())"
    )
    status = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    line = next(x for x in status.stdout.splitlines() if x.startswith("VmPeak"))
    return int(line.split()[1]) * 1024


@pytest.mark.parametrize("seq", [10**9, 2**63, 2**64 + 5])
def test_a_huge_sequence_number_is_refused_under_a_memory_limit_and_the_batch_goes_on(
    world: World, seq: int
) -> None:
    good = world.root / "in" / "a-good.spro-bundle"
    world.record(1, 2)
    world.export(1, good.parent)
    [exported] = list(good.parent.glob("*.spro-bundle"))
    exported.rename(good)
    event = _one_event(world, 0, seq)
    hostile = world.craft(0, [event], world.root / "in" / "b-hostile.spro-bundle")
    world.coordinator.close()
    limit = _baseline_address_space() + 400 * 1024 * 1024
    command = [sys.executable, "-c", MEMORY_LIMITED_IMPORT, str(limit), "--data-dir",
               str(world.coordinator_dir), "coordinator", "import", str(good), str(hostile),
               "--json"]  # fmt: skip
    env = {"PYTHONPATH": str(Path(__file__).parents[1] / "src"), "PATH": "/usr/bin:/bin"}
    # the coordinator's database lives beside its keys for the command line
    (world.coordinator_dir / "spro-desk.sqlite").unlink(missing_ok=True)
    Path(world.root / "coordinator.sqlite").rename(world.coordinator_dir / "spro-desk.sqlite")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, (done.stdout, done.stderr)  # some accepted, some refused
    report = json.loads(done.stdout)
    by_name = {Path(r["file"]).name: r for r in report["results"]}
    assert by_name["a-good.spro-bundle"]["accepted"] is True
    refusal = by_name["b-hostile.spro-bundle"]
    assert refusal["accepted"] is False and "numéro" in refusal["error"].lower()
    world.coordinator = type(world.coordinator)(world.coordinator_dir / "spro-desk.sqlite")


def test_a_large_but_plausible_jump_keeps_the_missing_numbers_as_ranges(world: World) -> None:
    event = _one_event(world, 0, 5_000_000)
    hostile = world.craft(0, [event], world.root / "jump.spro-bundle")
    outcome = import_bundle(world.coordinator, world.coordinator_dir, hostile)
    assert outcome.events_new == 1
    [gap] = _alerts(world, "gap")
    assert gap.detail["count"] == 4_999_999 and gap.detail["ranges"] == [[1, 4_999_999]]


# --- finding 3: a desk changes only what it created -----------------------------------------


def test_a_desk_cannot_delete_another_desks_contacts(world: World, capsys: Any) -> None:
    world.record(0, 12)
    victim = world.export(0)
    import_bundle(world.coordinator, world.coordinator_dir, victim)
    assert _merged_contacts(world, 0) == 12
    targets = [e for e in events_of(world, victim)][:5]
    world.record(1, 1)
    own = events_of(world, world.export(1, world.root / "scratch"))
    forged = [
        {**e, "id": str(uuid.uuid4()), "seq": 2 + n, "op": "delete"} for n, e in enumerate(targets)
    ]
    hostile = world.craft(1, own + forged, world.root / "hostile.spro-bundle")
    outcome = import_bundle(world.coordinator, world.coordinator_dir, hostile)
    assert outcome.events_new == 1 and outcome.refused == 5
    assert _merged_contacts(world, 0) == 12
    [alert] = _alerts(world, "unauthorised")
    assert alert.desk_id == world.ids[1] and alert.detail["count"] == 5
    assert alert.detail["owner_desks"] == [world.ids[0]]
    assert "autre poste" in alert.detail["message"]


# --- finding 7: the same content re-encrypted is no fork ------------------------------------


def test_the_same_bundle_re_encrypted_raises_no_fork(world: World) -> None:
    world.record(0, 3)
    bundle = world.export(0)
    import_bundle(world.coordinator, world.coordinator_dir, bundle)
    again = world.seal(world.decrypt(bundle), world.root / "again.spro-bundle")
    assert again.read_bytes() != bundle.read_bytes()
    outcome = import_bundle(world.coordinator, world.coordinator_dir, again)
    assert outcome.alerts == [] and outcome.events_duplicate == 3
    assert _alerts(world, "fork") == []


def test_a_refused_bundle_does_not_stop_the_others(world: World) -> None:
    world.record(0, 1)
    good = world.export(0)
    bad = world.craft(0, [_one_event(world, 0, 2**70)], world.root / "bad.spro-bundle")
    results = import_bundles(world.coordinator, world.coordinator_dir, [bad, good])
    assert isinstance(results[0][1], BundleRefused)
    assert not isinstance(results[1][1], BundleRefused)
