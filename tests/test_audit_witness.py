"""Issue 15: the coordinator keeps each desk's access-log head as a witness.

A desk whose log was cut and re-anchored by someone holding its disk sees nothing wrong itself
(the anchor agrees with the shortened log); its next bundle carries a shorter head than the one
the coordinator already holds, and the coordinator raises an alert.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from spro_desk.cli.main import main as cli_main
from spro_desk.paths import database_path
from spro_desk.security.audit import audit_log
from spro_desk.storage.coordination_tables import AuditWitness, SyncAlert
from spro_desk.storage.engine import Database
from spro_desk.sync.coordinator import import_bundle
from sync_world import World


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region", desks=1)
    # the command line finds the coordinator's database beside its keys
    region.coordinator.close()
    shutil.move(region.root / "coordinator.sqlite", database_path(region.coordinator_dir))
    region.coordinator = Database(database_path(region.coordinator_dir))
    yield region
    region.close()


def _access(world: World, count: int) -> None:
    log = audit_log(world.dbs[0])
    for number in range(count):
        log.append("affichage", contact_id=f"c{number}")


def _send(world: World) -> None:
    import_bundle(world.coordinator, world.coordinator_dir, world.export(0))


def _witness(world: World) -> AuditWitness:
    with world.coordinator.session() as session:
        found = session.get(AuditWitness, world.ids[0])
        assert found is not None
        return found


def _audit_alerts(world: World) -> list[SyncAlert]:
    with world.coordinator.session() as session:
        return list(session.exec(select(SyncAlert).where(SyncAlert.kind == "audit")).all())


def _cut_and_reanchor(world: World, keep: int) -> None:
    """What an attacker holding the disk does: drop the last entries and move the anchor's
    head back onto the last entry kept, so that the desk's own check finds nothing."""
    log = audit_log(world.dbs[0])
    [segment] = log.segments()
    lines = segment.read_bytes().splitlines(keepends=True)[:keep]
    segment.write_bytes(b"".join(lines))
    last = json.loads(lines[-1])
    anchor = json.loads(log.anchor.read_bytes())
    anchor["head"] = {"seq": last["seq"], "mac": last["mac"]}
    log.anchor.write_text(json.dumps(anchor))


def _cli(world: World, *argv: str, capsys: Any) -> tuple[int, dict[str, Any]]:
    world.coordinator.close()  # the command opens the database itself
    code = cli_main(["--data-dir", str(world.coordinator_dir), *argv, "--json"])
    world.coordinator = Database(database_path(world.coordinator_dir))
    return code, json.loads(capsys.readouterr().out)


def test_a_growing_log_updates_the_witness_and_raises_nothing(world: World) -> None:
    _access(world, 3)
    _send(world)
    assert (_witness(world).audit_seq, _witness(world).bundle_seq) == (3, 1)
    _access(world, 2)
    _send(world)
    witness = _witness(world)
    assert (witness.audit_seq, witness.bundle_seq) == (5, 2)
    assert witness.audit_mac == audit_log(world.dbs[0]).entries()[-1]["mac"]
    assert witness.bundle_created_at
    assert _audit_alerts(world) == []


def test_a_cut_tail_invisible_on_the_desk_is_seen_at_the_coordinator(
    world: World, capsys: Any
) -> None:
    _access(world, 6)
    _send(world)
    _cut_and_reanchor(world, keep=3)
    assert audit_log(world.dbs[0]).verify().ok  # the desk itself cannot tell
    _send(world)
    [alert] = _audit_alerts(world)
    assert alert.detail["held_seq"] == 6 and alert.detail["received_seq"] == 3
    message = alert.detail["message"]
    assert message.startswith("Journal des accès du poste raccourci ou réécrit : ")
    assert "en atteste 3 entrée(s)" in message and "en attestait 6 : 3 entrée(s) ont" in message
    assert _witness(world).audit_seq == 3  # the next comparison starts from what was received
    code, status = _cli(world, "coordinator", "status", capsys=capsys)
    assert code == 0 and status["open_alerts"].get("audit") == 1
    code, listed = _cli(world, "coordinator", "alerts", capsys=capsys)
    [shown] = [a for a in listed["alerts"] if a["kind"] == "audit"]
    assert "raccourci ou réécrit" in shown["message"] and shown["label"] != "audit"


def test_the_same_count_with_another_mac_is_a_rewritten_log(world: World) -> None:
    _access(world, 4)
    _send(world)
    _cut_and_reanchor(world, keep=3)
    audit_log(world.dbs[0]).append("affichage", contact_id="forged")  # count 4 again
    _send(world)
    [alert] = _audit_alerts(world)
    assert alert.detail["held_seq"] == alert.detail["received_seq"] == 4
    assert "la dernière n'est plus la même" in alert.detail["message"]


def test_a_late_older_bundle_is_no_cut(world: World) -> None:
    _access(world, 2)
    early = world.export(0, world.root / "early")
    _access(world, 3)
    _send(world)
    import_bundle(world.coordinator, world.coordinator_dir, early)
    assert _audit_alerts(world) == []
    assert _witness(world).audit_seq == 5


def test_the_coordination_window_names_the_cut(world: World) -> None:
    from spro_desk.sync.coordinator_views import alert_views
    from spro_desk.ui.coordination.alert_text import (
        alert_explanation,
        alert_kind_label,
        alert_summary,
    )

    _access(world, 5)
    _send(world)
    _cut_and_reanchor(world, keep=2)
    _send(world)
    [view] = [v for v in alert_views(world.coordinator) if v.kind == "audit"]
    assert alert_kind_label(view.kind) == "Journal des accès"
    assert alert_summary(view) == "Envoi n° 2 : journal des accès du poste raccourci ou réécrit"
    explanation = alert_explanation(view)
    assert "en atteste 2 entrée(s)" in explanation and "en attestait 5" in explanation
    assert "révoquez le poste" in explanation


def test_a_deleted_log_and_anchor_is_a_cut_to_nothing(world: World) -> None:
    _access(world, 4)
    _send(world)
    log = audit_log(world.dbs[0])
    shutil.rmtree(log.folder)
    log.anchor.unlink()
    _send(world)
    [alert] = _audit_alerts(world)
    assert (alert.detail["held_seq"], alert.detail["received_seq"]) == (4, 0)


def test_a_restored_desk_going_back_is_explained_not_called_tampering(
    world: World, capsys: Any
) -> None:
    from spro_desk.storage.backup import create_backup

    _access(world, 3)
    backup = create_backup(world.dbs[0].path)
    _access(world, 2)
    _send(world)
    world.dbs[0].close()
    restore = ["--data-dir", str(world.folders[0]), "backup", "restore", str(backup), "--yes"]
    assert cli_main([*restore, "--json"]) == 0
    capsys.readouterr()
    world.reopen(0)
    _cut_and_reanchor(world, keep=3)  # the log put back as it was at the backup
    _send(world)
    [alert] = _audit_alerts(world)
    assert alert.detail["reason"] == "restauration"
    message = alert.detail["message"]
    assert "restauré depuis une sauvegarde" in message and "raccourci ou réécrit" not in message
    assert (alert.detail["held_seq"], alert.detail["received_seq"]) == (5, 3)
    assert _witness(world).audit_seq == 3 and _witness(world).branch


@pytest.mark.parametrize("head", ["5", {"seq": -1, "mac": "ab"}, {"seq": 2, "mac": 7}, [1]])
def test_a_malformed_head_is_ignored_and_the_bundle_imported(world: World, head: Any) -> None:
    _access(world, 4)
    _send(world)
    crafted = world.craft(0, [], world.root / "crafted.spro-bundle", bundle_seq=2, audit_head=head)
    outcome = import_bundle(world.coordinator, world.coordinator_dir, crafted)
    assert outcome.bundle_seq == 2 and "audit" not in outcome.alerts
    assert (_witness(world).audit_seq, _witness(world).bundle_seq) == (4, 1)
