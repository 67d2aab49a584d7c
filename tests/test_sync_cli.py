"""Issue 12 on the command line: one JSON object on stdout in every case, exit codes 0/1/2,
folders imported, completeness at a glance, alerts raised once and handled with a note,
revoked desks reinstated deliberately, the WebDAV account set from the command line."""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from coordination_db import Coordinations
from spro_desk.cli.main import main
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.storage.dialects import DATABASE_URL_VARIABLE
from spro_desk.storage.engine import Database
from sync_world import World, events_of


@pytest.fixture
def world(
    tmp_path: Path, coordinations: Coordinations, monkeypatch: pytest.MonkeyPatch
) -> Iterator[World]:
    """On SQLite the command line finds the coordinator's database beside its keys; on
    PostgreSQL, it is told where the server's database is (SPRO_DESK_DATABASE_URL)."""
    region = World(tmp_path / "region", coordinations=coordinations)
    region.coordinator.close()
    if region.coordinator.is_sqlite:
        shutil.move(region.root / "coordinator.sqlite", database_path(region.coordinator_dir))
    else:
        monkeypatch.setenv(DATABASE_URL_VARIABLE, str(region.coordinator.url))
    region.coordinator = _reopen(region)
    yield region
    region.close()


def _reopen(world: World) -> Database:
    url = world.coordinator.url
    return Database(database_path(world.coordinator_dir), url=url)


def _run(world: World, capsys: Any, *argv: str) -> tuple[int, dict[str, Any]]:
    world.coordinator.close()  # the command opens the database itself
    code = main(["--data-dir", str(world.coordinator_dir), *argv, "--json"])
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out  # exactly one JSON object
    world.coordinator = _reopen(world)
    return code, json.loads(out)


def test_import_of_a_folder_exits_0_1_or_2_with_one_json_object(world: World, capsys: Any) -> None:
    drop = world.root / "drop"
    world.record(0, 2)
    world.export(0, drop)
    world.record(1, 1)
    world.export(1, drop)
    code, result = _run(world, capsys, "coordinator", "import", str(drop))
    assert code == 0 and len(result["accepted"]) == 2 and result["events_new"] == 3
    (drop / "abime.spro-bundle").write_bytes(b"age-encryption.org/v1\n tronque")
    world.record(0, 1)
    world.export(0, drop)
    code, result = _run(world, capsys, "coordinator", "import", str(drop))
    assert code == 1 and result["exit_code"] == 1
    refused = [r for r in result["results"] if not r["accepted"]]
    assert [Path(r["file"]).name for r in refused] == ["abime.spro-bundle"]
    assert "indéchiffrable" in refused[0]["error"]
    code, result = _run(world, capsys, "coordinator", "import", str(drop / "abime.spro-bundle"))
    assert code == 2 and result["exit_code"] == 2 and result["accepted"] == []
    code, result = _run(world, capsys, "coordinator", "import", str(world.root / "nulle-part"))
    assert code == 2 and result["ok"] is False and result["exit_code"] == 2


def test_help_documents_the_exit_codes(capsys: Any) -> None:
    with pytest.raises(SystemExit):
        main(["coordinator", "import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "0 tout a été fait" in text and "1 une partie a été refusée" in text
    assert "2 rien n'a été fait" in text


def test_status_counts_live_contacts_and_prints_no_raw_dict(world: World, capsys: Any) -> None:
    ids = world.record(0, 3)
    ContactService(world.dbs[0]).delete(ids[0])
    world.export(0, world.root / "drop")
    code, _result = _run(world, capsys, "coordinator", "import", str(world.root / "drop"))
    assert code == 0
    code, status = _run(world, capsys, "coordinator", "status")
    assert code == 0 and status["contacts"] == 2 and status["events"] == 4
    world.coordinator.close()
    assert main(["--data-dir", str(world.coordinator_dir), "coordinator", "status"]) == 0
    text = capsys.readouterr().out
    assert "Contacts : 2" in text and "{" not in text and "'desk_id'" not in text


def test_a_revoked_desk_is_reinstated_only_deliberately(world: World, capsys: Any) -> None:
    desk = world.ids[1]
    code, _ = _run(world, capsys, "coordinator", "revoke", desk)
    assert code == 0
    registration = world.root / f"{desk}.json"
    code, refusal = _run(world, capsys, "coordinator", "register", str(registration))
    assert code == 2 and "révoqué" in refusal["error"] and "reinstate" in refusal["error"]
    world.record(1, 2)
    bundle = world.export(1, world.root / "drop")
    code, _ = _run(world, capsys, "coordinator", "import", str(bundle))
    assert code == 2  # still revoked
    code, status = _run(world, capsys, "coordinator", "status")
    assert [d["desk_id"] for d in status["revoked_desks"]] == [desk]
    code, back = _run(world, capsys, "coordinator", "reinstate", desk, "--note", "clé retrouvée")
    assert code == 0 and back["revoked"] is False
    code, result = _run(world, capsys, "coordinator", "import", str(bundle))
    assert code == 0 and result["events_new"] == 2
    code, alerts = _run(world, capsys, "coordinator", "alerts", "--all")
    assert {"action": f"reinstated:{desk}", "note": "clé retrouvée"}.items() <= next(
        entry for entry in alerts["log"] if entry["action"].startswith("reinstated")
    ).items()


def test_alerts_are_raised_once_and_handled_with_a_note(world: World, capsys: Any) -> None:
    world.record(0, 2)
    first = world.export(0, world.root / "lost")  # events 1-2: lost on a train
    world.record(0, 1)
    bundle = world.export(0, world.root / "drop")
    events = events_of(world, bundle)
    late = world.craft(0, events[2:], world.root / "drop" / "late.spro-bundle", bundle_seq=9)
    code, _ = _run(world, capsys, "coordinator", "import", str(late))
    again = world.craft(0, events[2:], world.root / "drop" / "again.spro-bundle", bundle_seq=10)
    code, _ = _run(world, capsys, "coordinator", "import", str(again))
    code, listed = _run(world, capsys, "coordinator", "alerts")
    [gap] = [a for a in listed["alerts"] if a["kind"] == "gap"]
    assert gap["occurrences"] == 2 and gap["detail"]["ranges"] == [[1, 2]]
    assert "2 numéro(s)" in gap["message"]
    code, handled = _run(
        world, capsys, "coordinator", "handle-alert", str(gap["id"]), "--note", "appelé le CIO"
    )
    assert code == 0 and handled["handled_note"] == "appelé le CIO"
    code, listed = _run(world, capsys, "coordinator", "alerts")
    assert [a for a in listed["alerts"] if a["kind"] == "gap"] == []
    code, everything = _run(world, capsys, "coordinator", "alerts", "--all")
    assert any(e["note"] == "appelé le CIO" for e in everything["log"])
    code, _ = _run(world, capsys, "coordinator", "import", str(first))  # the stick is found
    code, listed = _run(world, capsys, "coordinator", "alerts", "--all")
    assert [a for a in listed["alerts"] if a["kind"] == "gap"] == []  # no more hole


def test_completeness_matrix_missing_numbers_and_late_from_creation(
    world: World, capsys: Any
) -> None:
    drop = world.root / "drop"
    for _week in range(3):
        world.record(0, 1)
        world.export(0, drop)
    [_one, two, _three] = sorted(drop.iterdir())
    two.unlink()  # bundle n° 2 never arrives
    old = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    world.record(1, 1)
    made_long_ago = world.export(1, world.root / "scratch")
    world.craft(1, events_of(world, made_long_ago), drop / "b.spro-bundle", created_at=old)
    code, _ = _run(world, capsys, "coordinator", "import", str(drop))
    assert code == 0
    code, matrix = _run(world, capsys, "coordinator", "completeness", "--weeks", "6")
    rows = {row["desk_id"]: row for row in matrix["desks"]}
    first, second = rows[world.ids[0]], rows[world.ids[1]]
    assert len(matrix["weeks"]) == 6 and first["weeks"][-1] == 2  # this week: two received
    assert first["missing_bundles"] == {"count": 1, "ranges": [[2, 2]]}
    assert first["missing_events"] == {"count": 0, "ranges": []}  # n° 3 repaired them
    assert first["late"] is False and second["late"] is True  # made 30 days ago
    assert second["days_silent"] >= 29 and matrix["late"] == 1
    world.coordinator.close()
    assert main(["--data-dir", str(world.coordinator_dir), "coordinator", "completeness"]) == 0
    assert "EN RETARD" in capsys.readouterr().out


def test_the_webdav_account_is_set_from_the_command_line(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = World(tmp_path / "region", 1)
    region.close()
    folder = str(region.folders[0])
    monkeypatch.setattr(sys, "stdin", io.StringIO("jeton-secret-42\n"))
    code = main(["--data-dir", folder, "sync", "configure", "--url",
                 "https://nuage.exemple.fr/dav/spro", "--user", "cio-bourges", "--secret-stdin",
                 "--json"])  # fmt: skip
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result == {
        "endpoint": "https://nuage.exemple.fr/dav/spro/",
        "user": "cio-bourges",
        "secret_set": True,
    }
    code = main(["--data-dir", folder, "sync", "queue", "--json"])
    out = capsys.readouterr().out
    assert code == 0 and "nuage.exemple.fr" in out and "jeton-secret-42" not in out
    code = main(["--data-dir", folder, "sync", "configure", "--url", "ftp://x/", "--json"])
    refusal = json.loads(capsys.readouterr().out)
    assert code == 2 and refusal["ok"] is False and refusal["error"]


def test_a_revoked_desk_is_out_of_coverage_and_late_counts(world: World, capsys: Any) -> None:
    from spro_desk.reports.source import CoordinatorSource

    code, _ = _run(world, capsys, "coordinator", "revoke", world.ids[1])
    assert code == 0
    sites = CoordinatorSource(world.coordinator).sites()
    assert [s.desk_id for s in sites] == [world.ids[0]]  # coverage and "late" read these
    code, matrix = _run(world, capsys, "coordinator", "completeness")
    assert [d["desk_id"] for d in matrix["desks"]] == [world.ids[0]] and matrix["late"] == 1
    assert [d["desk_id"] for d in matrix["revoked"]] == [world.ids[1]]
