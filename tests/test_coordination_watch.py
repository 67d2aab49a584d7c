"""Automatic collection against a real WebDAV server (wsgidav on 127.0.0.1) and a real folder:
bundles pulled, imported once, acknowledgements and snapshots pushed back; a collection killed
mid-run (a real subprocess, SIGKILL) imports on restart what it had fetched, never twice."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from spro_desk.agents.coordination_audit import audit_entries
from spro_desk.paths import database_path
from spro_desk.storage.engine import Database
from spro_desk.sync import watch as watch_module
from spro_desk.sync.bundle import load_state
from spro_desk.sync.directory_update import publish_directory
from spro_desk.sync.transport import Transport
from spro_desk.sync.watch import Collector, WatchSettings, saved_settings
from sync_world import World
from test_sync_transport import PASSWORD, USER, Fault, WebDavServer, _small_directory

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def drop(tmp_path: Path) -> Iterator[WebDavServer]:
    """The region's WebDAV drop: wsgidav on 127.0.0.1, as the desks' transport tests use."""
    server = WebDavServer(tmp_path / "webdav")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    region = World(tmp_path / "region")
    region.coordinator.close()
    shutil.move(region.root / "coordinator.sqlite", database_path(region.coordinator_dir))
    region.coordinator = Database(database_path(region.coordinator_dir))
    yield region
    region.close()


def _push(world: World, desk: int, server: WebDavServer) -> dict[str, Any]:
    """One round of the desk's own transport (as the window does): uploads, fetches updates."""
    transport = Transport(world.dbs[desk], world.folders[desk], endpoint=server.endpoint(),
                          timeout=5.0)  # fmt: skip
    return transport.run_round(force=True).as_json()


def _count(world: World, sql: str) -> int:
    with closing(sqlite3.connect(database_path(world.coordinator_dir))) as db:
        return int(db.execute(sql).fetchone()[0])


def test_a_pass_collects_from_the_drop_and_a_folder_and_sends_acknowledgements_back(
    world: World, drop: WebDavServer, tmp_path: Path
) -> None:
    world.record(0, 3)
    assert _push(world, 0, drop)["sent"]
    folder = tmp_path / "depot"
    world.record(1, 2)
    world.export(1, folder)
    settings = WatchSettings(drop.endpoint(), folder, timedelta(seconds=30))
    collector = Collector(world.coordinator, world.coordinator_dir, settings, timeout=5.0)

    report = collector.run_pass()
    assert report.ok and len(report.fetched) == 2 and report.events_new == 5
    assert report.events_merged == 5 and report.refused == [] and report.resumed == []
    assert f"webdav:{world.ids[0]}.spro-ack" in report.pushed
    assert f"dossier:{world.ids[1]}.spro-ack" in report.pushed
    assert drop.files("updates") == sorted(f"{d}.spro-ack" for d in world.ids)
    assert (folder / "updates" / f"{world.ids[1]}.spro-ack").is_file()
    assert _count(world, "SELECT COUNT(*) FROM merged_contact") == 5

    back = _push(world, 0, drop)  # the desk's next round applies its acknowledgement
    assert any(u["kind"] == "acknowledgement" for u in back["updates"])
    assert load_state(world.dbs[0])["acked"] == 3

    again = collector.run_pass()  # nothing new: nothing fetched, imported nor pushed
    assert (again.fetched, again.imported, again.pushed) == ([], [], [])

    source = _small_directory(tmp_path / "annuaire", 3)
    published = publish_directory(world.coordinator, world.coordinator_dir, source,
                                  tmp_path / "publie.spro-directory")  # fmt: skip
    third = collector.run_pass()
    name = f"annuaire-{published.version}.spro-directory"
    assert f"webdav:{name}" in third.pushed and f"dossier:{name}" in third.pushed
    assert (drop.root / "updates" / name).read_bytes() == published.path.read_bytes()
    [publication] = audit_entries(world.coordinator, action="publication-annuaire")
    assert publication.target == f"version {published.version} (publie.spro-directory)"
    [line, *_] = audit_entries(world.coordinator, action="collecte-automatique")
    assert line.target.startswith("0 envoi(s) importé(s)")  # the third pass only pushed


def test_an_item_applied_but_not_marked_is_not_imported_again(
    world: World, drop: WebDavServer
) -> None:
    world.record(0, 4)
    _push(world, 0, drop)
    settings = WatchSettings(drop.endpoint(), None, timedelta(seconds=30))
    collector = Collector(world.coordinator, world.coordinator_dir, settings, timeout=5.0)
    assert collector.run_pass().events_new == 4
    # The process stopped after the import's commit, before the item was marked.
    with world.coordinator.transaction() as session:
        session.connection().exec_driver_sql("UPDATE watch_item SET state = 'recu'")
    report = collector.run_pass()
    assert report.resumed == report.already and len(report.already) == 1
    assert report.imported == [] and report.events_new == 0
    assert _count(world, "SELECT COUNT(*) FROM received_bundle") == 1
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 4


def test_a_missing_source_is_said_in_french_and_the_server_down_too(
    world: World, drop: WebDavServer, tmp_path: Path
) -> None:
    drop.stop()
    settings = WatchSettings(drop.endpoint(), tmp_path / "absent", timedelta(seconds=30))
    report = Collector(world.coordinator, world.coordinator_dir, settings, timeout=2.0).run_pass()
    assert not report.ok
    assert any("injoignable" in e for e in report.errors)
    assert any("Dossier introuvable" in e for e in report.errors)


def _watch_cli(world: World, drop: WebDavServer, *extra: str) -> subprocess.Popen[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SPRO_DESK_")}
    environ |= {"PYTHONPATH": str(SRC), "SPRO_DESK_WEBDAV_SECRET": PASSWORD}
    return subprocess.Popen(
        [sys.executable, "-m", "spro_desk", "--data-dir", str(world.coordinator_dir),
         "coordinator", "watch", "--webdav-url", drop.url, "--webdav-user", USER, *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
    )  # fmt: skip


def test_a_collection_killed_mid_run_imports_on_restart_what_it_fetched_and_only_once(
    world: World, drop: WebDavServer
) -> None:
    bundles = 6
    for _ in range(bundles):  # one bundle per round: six files on the server
        world.record(0, 2)
        assert _push(world, 0, drop)["sent"]
    world.coordinator.close()
    # The fourth bundle's download hangs: the first three are fetched when the process dies.
    gets = drop.front.counts.get("GET", 0)
    drop.front.faults.append(Fault("GET", gets + 4, "slow", delay=120))
    process = _watch_cli(world, drop, "--interval", "3600")
    deadline = time.monotonic() + 60
    while not any(kind == "slow" for _m, _p, kind in drop.front.log):
        assert process.poll() is None and time.monotonic() < deadline, process.stderr
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    drop.front.release.set()  # the hanging answer ends
    assert _count(world, "SELECT COUNT(*) FROM watch_item WHERE state = 'recu'") == 3
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 0

    drop.front.faults.clear()
    restart = _watch_cli(world, drop, "--once", "--json")
    out, err = restart.communicate(timeout=120)
    assert restart.returncode == 0, err
    report = json.loads(out)
    assert len(report["resumed"]) == 3 and len(report["fetched"]) == bundles - 3
    assert len(report["imported"]) == bundles and report["events_new"] == 2 * bundles
    assert "Reprise : 3 envoi(s) reçu(s)" in err and "Importé :" in err  # logs in French
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 2 * bundles
    assert _count(world, "SELECT COUNT(*) FROM received_bundle") == bundles
    assert _count(world, "SELECT COUNT(*) FROM watch_item WHERE state = 'importe'") == bundles

    once_more = _watch_cli(world, drop, "--once", "--json")
    out, _err = once_more.communicate(timeout=120)
    assert json.loads(out)["imported"] == [] and once_more.returncode == 0
    world.coordinator = Database(database_path(world.coordinator_dir))
    print(f"\nkilled mid-run after 3 of {bundles} downloads: {2 * bundles} events, 0 twice")


def test_a_service_stops_cleanly_on_sigterm_and_settings_are_saved(
    world: World, drop: WebDavServer
) -> None:
    world.coordinator.close()
    saved = _watch_cli(world, drop, "--interval", "60", "--save", "--json")
    _out, err = saved.communicate(timeout=60)
    assert saved.returncode == 0, err
    world.coordinator = Database(database_path(world.coordinator_dir))
    settings = saved_settings(world.coordinator, world.coordinator_dir)
    assert settings is not None and settings.endpoint is not None
    assert settings.endpoint.secret == PASSWORD and settings.interval == timedelta(seconds=60)
    secret_file = world.coordinator_dir / "collecte" / "webdav-secret"
    assert secret_file.stat().st_mode & 0o077 == 0
    world.coordinator.close()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SPRO_DESK_")}
    service = subprocess.Popen(
        [sys.executable, "-m", "spro_desk", "--data-dir", str(world.coordinator_dir),
         "coordinator", "watch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=environ | {"PYTHONPATH": str(SRC)},
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not any(m == "PROPFIND" for m, _p, _k in drop.front.log):
        assert service.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    started = datetime.now(UTC)
    service.send_signal(signal.SIGTERM)
    _out, err = service.communicate(timeout=30)
    assert service.returncode == 0, err
    assert datetime.now(UTC) - started < timedelta(seconds=20)
    assert "Collecte automatique arrêtée." in err
    world.coordinator = Database(database_path(world.coordinator_dir))


def test_the_systemd_unit_runs_a_command_the_program_understands() -> None:
    from spro_desk.cli.parser import build_parser
    from spro_desk.cli.parser_coordination import ACCOUNT_ENV, PASSWORD_FILE_ENV

    installer = Path(__file__).resolve().parents[1] / "installer"
    unit = installer / "linux" / "spro-desk-coordinator-watch.service"
    lines = [line.strip() for line in unit.read_text("utf-8").splitlines()]
    settings: dict[str, list[str]] = {}
    for line in lines:
        if line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key, []).append(value)
    [command] = settings["ExecStart"]
    program, *argv = command.split()
    assert program == "/usr/bin/spro-desk"
    args = build_parser().parse_args(argv)
    assert (args.command, args.action, args.once) == ("coordinator", "watch", False)
    environment = dict(value.split("=", 1) for value in settings["Environment"])
    assert {"SPRO_DESK_DATA_DIR", ACCOUNT_ENV, PASSWORD_FILE_ENV} <= environment.keys()
    assert environment[PASSWORD_FILE_ENV].startswith("%d/")  # the credentials directory
    assert settings["KillSignal"] == ["SIGTERM"] and settings["Restart"] == ["on-failure"]
    build = (installer / "build-linux.sh").read_text("utf-8")
    assert "lib/systemd/system/spro-desk-coordinator-watch.service" in build


def test_broken_and_oversized_bundles_in_the_drop_are_refused_in_french_and_change_nothing(
    world: World, drop: WebDavServer, tmp_path: Path
) -> None:
    """Tampered, truncated, empty and oversized files beside a good bundle, in the folder and
    on the server: each refused with its reason in French, never imported, and an oversized
    one never copied into the data folder nor downloaded again at each pass."""
    from spro_desk.sync.bundle_format import MAX_BUNDLE_BYTES

    folder = tmp_path / "depot"
    folder.mkdir()
    world.record(0, 3)
    world.export(0, folder)
    world.record(1, 2)
    data = world.export(1, tmp_path / "ailleurs").read_bytes()
    (folder / "altere.spro-bundle").write_bytes(data[:200] + bytes([data[200] ^ 1]) + data[201:])
    (folder / "tronque.spro-bundle").write_bytes(data[: len(data) // 2])
    (folder / "vide.spro-bundle").write_bytes(b"")
    with open(folder / "enorme.spro-bundle", "wb") as huge:  # sparse: no disk used here
        huge.truncate(MAX_BUNDLE_BYTES + 1)
    (drop.root / "bundles").mkdir(parents=True, exist_ok=True)
    (drop.root / "bundles" / "tronque-serveur.spro-bundle").write_bytes(data[:100])
    with open(drop.root / "bundles" / "enorme-serveur.spro-bundle", "wb") as huge:
        huge.truncate(MAX_BUNDLE_BYTES + 1)
    settings = WatchSettings(drop.endpoint(), folder, timedelta(seconds=30))
    collector = Collector(world.coordinator, world.coordinator_dir, settings, timeout=5.0)

    report = collector.run_pass()
    refused = {r["name"]: r["reason"] for r in report.refused}
    assert sorted(refused) == [
        "altere.spro-bundle", "enorme-serveur.spro-bundle", "enorme.spro-bundle",
        "tronque-serveur.spro-bundle", "tronque.spro-bundle", "vide.spro-bundle",
    ]  # fmt: skip
    assert report.errors == []
    huge = ("enorme.spro-bundle", "enorme-serveur.spro-bundle")
    assert all("volumineux" in refused[name] for name in huge)
    assert all("altéré" in refused[name] for name in refused if name not in huge)
    assert [i["name"] for i in report.imported] == [f.name for f in folder.glob("cio*")]
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 3
    assert _count(world, "SELECT COUNT(*) FROM received_bundle") == 1
    kept = sum(p.stat().st_size for p in (world.coordinator_dir / "collecte").rglob("*"))
    assert kept < 1024 * 1024  # the oversized files were neither copied nor downloaded
    assert drop.front.counts.get("GET", 0) == 1  # the truncated one only

    again = collector.run_pass()  # nothing new: the refused files are not taken again
    assert (again.fetched, again.imported, again.refused) == ([], [], [])


def test_a_collection_killed_while_importing_resumes_and_imports_each_bundle_once(
    world: World, drop: WebDavServer
) -> None:
    bundles = 8
    for _ in range(bundles):
        world.record(0, 2)
        assert _push(world, 0, drop)["sent"]
    world.coordinator.close()
    process = _watch_cli(world, drop, "--interval", "3600")
    assert process.stderr is not None
    deadline = time.monotonic() + 120
    fetched = 0
    while fetched < bundles:  # every download done: the import starts now
        line = process.stderr.readline()
        assert line and time.monotonic() < deadline, process.poll()
        fetched += "Reçu du serveur" in line
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    process.stderr.close()
    assert process.stdout is not None
    process.stdout.close()
    before = _count(world, "SELECT COUNT(*) FROM received_event")
    assert before < 2 * bundles  # killed before the import ended

    restart = _watch_cli(world, drop, "--once", "--json")
    out, err = restart.communicate(timeout=120)
    assert restart.returncode == 0, err
    report = json.loads(out)
    assert report["errors"] == [] and report["refused"] == []
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 2 * bundles
    assert _count(world, "SELECT COUNT(*) FROM received_bundle") == bundles
    assert _count(world, "SELECT COUNT(*) FROM merged_contact") == 2 * bundles
    assert _count(world, "SELECT COUNT(*) FROM watch_item WHERE state = 'importe'") == bundles
    world.coordinator = Database(database_path(world.coordinator_dir))


def test_the_server_down_then_back_or_failing_mid_pass_loses_nothing_and_imports_once(
    world: World, drop: WebDavServer
) -> None:
    for _ in range(4):
        world.record(0, 2)
        assert _push(world, 0, drop)["sent"]
    settings = WatchSettings(drop.endpoint(), None, timedelta(seconds=30))
    collector = Collector(world.coordinator, world.coordinator_dir, settings, timeout=2.0)
    drop.stop()
    down = collector.run_pass()
    assert not down.ok and any("injoignable" in e for e in down.errors)
    assert (down.fetched, down.imported) == ([], [])

    drop.start()  # back on the same address; the second download is cut half-way, the
    gets = drop.front.counts.get("GET", 0)  # third answers 503: the pass stops there
    drop.front.faults += [Fault("GET", gets + 2, "cut"), Fault("GET", gets + 3, "status")]
    back = collector.run_pass()
    assert len(back.fetched) == 1 and back.events_new == 2 and back.refused == []
    assert len(back.errors) == 2 and "difficulté" in back.errors[-1]
    assert not list((world.coordinator_dir / "collecte").rglob("*.incomplete"))

    drop.front.faults.clear()
    last = collector.run_pass()  # the three left, and only them
    assert len(last.fetched) == 3 and last.events_new == 6 and last.errors == []
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 8
    assert _count(world, "SELECT COUNT(*) FROM received_bundle") == 4


def test_odd_files_in_the_folder_are_passed_over_and_the_good_bundle_collected(
    world: World, tmp_path: Path
) -> None:
    """A name that is not UTF-8 (a file copied from an old share in Latin-1), a folder, a
    FIFO and a dangling link all named like bundles, beside a good bundle: the pass goes on
    (no traceback, the service does not crash in a loop), says the unreadable name in French
    and imports the good bundle, once."""
    folder = tmp_path / "depot"
    folder.mkdir()
    world.record(0, 3)
    good = world.export(0, folder)
    latin1 = os.fsencode(folder) + b"/envoi-r\xe9gion.spro-bundle"
    with open(latin1, "wb") as odd:
        odd.write(good.read_bytes())
    (folder / "dossier.spro-bundle").mkdir()
    os.mkfifo(folder / "tube.spro-bundle")
    (folder / "lien.spro-bundle").symlink_to(tmp_path / "absent")
    settings = WatchSettings(None, folder, timedelta(seconds=30))
    collector = Collector(world.coordinator, world.coordinator_dir, settings, timeout=5.0)

    report = collector.run_pass()
    assert [i["name"] for i in report.imported] == [good.name]
    assert [r["name"] for r in report.refused] == ["envoi-r\ufffdgion.spro-bundle"]
    assert "renommez" in report.refused[0]["reason"]
    assert report.errors == []
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 3
    again = collector.run_pass()  # said again while it is there, imported nothing twice
    assert again.imported == [] and [r["name"] for r in again.refused] == [
        "envoi-r\ufffdgion.spro-bundle"
    ]
    assert _count(world, "SELECT COUNT(*) FROM received_event") == 3


def test_a_bundle_gone_during_the_pass_does_not_stop_the_rest_of_the_folder(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three bundles in the folder; the second is taken away (a colleague moving it, a key
    pulled out) after the pass listed it, just as it is copied. The pass stopped there,
    « Dossier … illisible », and the third waited for the next pass: now the third is
    collected at once, and the vanished one is not an error."""
    folder = tmp_path / "depot"
    folder.mkdir()
    bundles = []
    for _week in range(3):
        world.record(0, 2)
        bundles.append(world.export(0, folder))
    real_copier = watch_module._copier

    def gone_as_it_is_copied(source: Path) -> Callable[[Path], object]:
        if source == bundles[1]:
            source.unlink()
        return real_copier(source)

    monkeypatch.setattr(watch_module, "_copier", gone_as_it_is_copied)
    settings = WatchSettings(None, folder, timedelta(seconds=30))
    collector = Collector(world.coordinator, world.coordinator_dir, settings, timeout=5.0)
    report = collector.run_pass()
    assert report.fetched == [bundles[0].name, bundles[2].name]
    assert report.errors == []
