"""WebDAV transport against a real wsgidav server on 127.0.0.1: nothing lost, nothing duplicated.

The server is wsgidav (filesystem provider, basic auth) served by cheroot in a thread; a small
WSGI middleware in front of it fails chosen requests the way networks and servers do: an error
status, an answer lost after the work was done, a body cut short, a slow answer.
"""

from __future__ import annotations

import json
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp

from spro_desk.cli.main import main as cli_main
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.paths import database_path
from spro_desk.site.settings import SettingError, SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.sync.acknowledgement import write_acknowledgements
from spro_desk.sync.bundle import export_bundle, load_state
from spro_desk.sync.coordinator import import_bundle, register_desk
from spro_desk.sync.coordinator_identity import (
    init_coordinator,
    signed_identity_file,
    trust_coordinator,
)
from spro_desk.sync.directory_update import installed_snapshot, publish_directory
from spro_desk.sync.identity import init_desk, write_registration
from spro_desk.sync.outbox import Outbox, RetryPolicy
from spro_desk.sync.transport import (
    SECRET_KEY,
    URL_KEY,
    USER_KEY,
    Transport,
    TransportError,
    transport_state,
)
from spro_desk.sync.webdav import Endpoint

USER, PASSWORD = "cio-bourges", "jeton-7f3a-9c21"
CVL = Path(__file__).parent / "data" / "cvl"
FAST = RetryPolicy(base=timedelta(seconds=10), cap=timedelta(minutes=5), jitter=0.5)
START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


# --- a real WebDAV server, with faults to order -------------------------------------------


@dataclass
class Fault:
    """The `nth` request with `method` (counted from 1, whatever the path) fails as `kind`:

    - "status": answered `status` without doing anything;
    - "lost": done by the server, then answered 502 (the answer was lost on the way back);
    - "truncate": the body is cut to half before the server sees it, which answers 201;
    - "cut": half the body read, then the connection dropped in the middle of the answer;
    - "slow": answered after `delay` seconds (longer than the client's timeout).
    """

    method: str
    nth: int
    kind: str
    status: int = 503
    delay: float = 0.0


class FaultyFront:
    """WSGI middleware in front of wsgidav; counts requests per method."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.faults: list[Fault] = []
        self.counts: dict[str, int] = {}
        self.log: list[tuple[str, str, str]] = []  # method, path, what happened
        self.server_errors: list[Any] = []
        self.release = threading.Event()  # ends a "slow" answer early when the server stops
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        with self._lock:
            self.counts[method] = self.counts.get(method, 0) + 1
            number = self.counts[method]
            fault = next((f for f in self.faults if f.method == method and f.nth == number), None)
        self.log.append((method, path, fault.kind if fault else "ok"))
        if fault is None:
            return self.app(environ, start_response)
        return getattr(self, f"_{fault.kind}")(fault, environ, start_response)

    def _status(self, fault: Fault, environ: dict[str, Any], start_response: Any) -> Any:
        _drain(environ)
        start_response(f"{fault.status} Fault", [("Content-Length", "0")])
        return [b""]

    def _lost(self, fault: Fault, environ: dict[str, Any], start_response: Any) -> Any:
        for _chunk in self.app(environ, lambda *_args: None):
            pass
        start_response("502 Bad Gateway", [("Content-Length", "0")])
        return [b""]

    def _truncate(self, fault: Fault, environ: dict[str, Any], start_response: Any) -> Any:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        import io

        environ["wsgi.input"] = io.BytesIO(body[: length // 2])
        environ["CONTENT_LENGTH"] = str(length // 2)
        return self.app(environ, start_response)

    def _cut(self, fault: Fault, environ: dict[str, Any], start_response: Any) -> Any:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        environ["wsgi.input"].read(length // 2)
        start_response("201 Created", [("Content-Length", "100")])

        def broken() -> Iterator[bytes]:
            yield b"x"
            raise ConnectionAbortedError("the connection drops")  # cheroot closes the socket

        return broken()

    def _slow(self, fault: Fault, environ: dict[str, Any], start_response: Any) -> Any:
        self.release.wait(fault.delay)
        return self.app(environ, start_response)


def _drain(environ: dict[str, Any]) -> None:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length:
        environ["wsgi.input"].read(length)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WebDavServer:
    """wsgidav over a folder, basic auth, served by cheroot on 127.0.0.1 in a thread."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        config = {
            "provider_mapping": {"/": str(root)},
            "simple_dc": {"user_mapping": {"*": {USER: {"password": PASSWORD}}}},
            "http_authenticator": {"accept_digest": False, "default_to_digest": False},
            "verbose": 0,
            "logging": {"enable": False},
            "dir_browser": {"enable": False},
            "lock_storage": False,
        }
        self.front = FaultyFront(WsgiDAVApp(config))
        self._server: wsgi.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def endpoint(self, password: str = PASSWORD) -> Endpoint:
        return Endpoint(self.url, USER, password)

    def start(self) -> None:
        self._server = wsgi.Server(("127.0.0.1", self.port), self.front, numthreads=4)
        self._server.expiration_interval = 0.05  # stops in 50 ms, not 500
        self._server.error_log = self._server_error  # a "cut" is not news
        self._server.prepare()
        self._thread = threading.Thread(target=self._server.serve, daemon=True)
        self._thread.start()

    def _server_error(self, message: str = "", *_args: Any, **_kwargs: Any) -> None:
        self.front.server_errors.append(message)

    def stop(self) -> None:
        if self._server is not None:
            self.front.release.set()
            self._server.stop()
            self.front.release.clear()
            assert self._thread is not None
            self._thread.join(timeout=10)
            self._server = self._thread = None

    def files(self, folder: str) -> list[str]:
        path = self.root / folder
        return sorted(p.name for p in path.iterdir()) if path.is_dir() else []


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[WebDavServer]:
    server = WebDavServer(tmp_path / "webdav")
    server.start()
    yield server
    server.stop()


# --- a desk and its coordinator -------------------------------------------------------------


class Region:
    """One desk on real files and its coordinator, which has registered it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.coordinator_dir = root / "coordinator"
        init_coordinator(self.coordinator_dir)
        identity_file = root / "coordinator.json"
        identity_file.write_text(json.dumps(signed_identity_file(self.coordinator_dir)))
        self.desk_dir = root / "desk"
        self.desk = Database(database_path(self.desk_dir))  # where the CLI finds it
        identity = init_desk(self.desk, self.desk_dir, "CIO de Bourges", "cio", "18033")
        self.desk_id = identity.desk_id
        trust_coordinator(self.desk, identity_file)
        self.coordinator = Database(root / "coordinator.sqlite")
        register_desk(self.coordinator, write_registration(identity, root / "desk.json"))

    def record(self, count: int) -> None:
        for _ in range(count):
            ContactService(self.desk).record(ContactInput(canal="telephone", statut="scolaire"))

    def transport(self, dav: WebDavServer, clock: Clock, **options: Any) -> Transport:
        options.setdefault("endpoint", dav.endpoint())
        options.setdefault("timeout", 2.0)
        return Transport(
            self.desk, self.desk_dir, policy=FAST, clock=clock, rng=random.Random(4), **options
        )

    def close(self) -> None:
        self.desk.close()
        self.coordinator.close()


class Clock:
    """The round's clock, moved by the test: backoff is checked without sleeping."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def region(tmp_path: Path) -> Iterator[Region]:
    world = Region(tmp_path / "region")
    yield world
    world.close()


def _import_all(region: Region, folder: Path) -> dict[str, int]:
    """Import every bundle of the remote folder at the coordinator; all must be accepted."""
    counts = {"bundles": 0, "events_new": 0}
    for path in sorted(folder.glob("*.spro-bundle")):
        outcome = import_bundle(region.coordinator, region.coordinator_dir, path)
        assert outcome.desk_id == region.desk_id and outcome.quarantined == 0
        counts["bundles"] += 1
        counts["events_new"] += outcome.events_new
    return counts


# --- tests ---------------------------------------------------------------------------------


def test_an_upload_counts_once_the_server_holds_the_same_bytes(
    region: Region, dav: WebDavServer
) -> None:
    clock = Clock()
    region.record(3)
    report = region.transport(dav, clock).run_round(force=True)
    assert report.ok and report.built and report.sent == [report.built] and report.pending == 0
    assert dav.files("bundles") == [report.built]  # no temporary file left behind
    assert Outbox(region.desk, region.desk_dir).items() == []
    methods = [m for m, _path, _what in dav.front.log]
    # Not there yet; uploaded under a temporary name (the folder made on the way); read back;
    # renamed without overwriting; then the updates folder is listed.
    assert methods == ["PROPFIND", "PUT", "MKCOL", "PUT", "GET", "MOVE", "PROPFIND"]
    counts = _import_all(region, dav.root / "bundles")
    assert counts == {"bundles": 1, "events_new": 3}
    again = region.transport(dav, clock).run_round(force=True)
    assert again.built is None and again.sent == []  # nothing new: no empty bundle
    print(f"\nupload confirmed: bundles sent=1, events imported={counts['events_new']}")


def test_server_down_keeps_the_queue_and_backs_off_then_delivers(
    region: Region, dav: WebDavServer
) -> None:
    clock = Clock()
    region.record(2)
    dav.stop()
    first = region.transport(dav, clock).run_round()
    assert first.built and first.sent == [] and first.pending == 1
    assert first.error is not None and "injoignable" in first.error
    [item] = Outbox(region.desk, region.desk_dir).items()
    assert item.attempts == 1 and item.last_error == first.error
    assert item.next_attempt_at is not None
    assert FAST.base / 2 <= item.next_attempt_at - clock.now <= FAST.base
    # A restart of the application: the queue is read back from the desk's folder and records.
    region.desk.close()
    region.desk = Database(database_path(region.desk_dir))
    quiet = region.transport(dav, clock).run_round()
    assert not quiet.contacted and quiet.failed == []  # not due yet: the server is not asked
    clock.advance(FAST.base)
    second = region.transport(dav, clock).run_round()
    [item] = Outbox(region.desk, region.desk_dir).items()
    assert second.failed and item.attempts == 2
    assert FAST.base <= item.next_attempt_at - clock.now <= FAST.base * 2  # type: ignore[operator]
    dav.start()  # the same port
    clock.advance(FAST.base * 2)
    third = region.transport(dav, clock).run_round()
    assert third.sent == [first.built] and third.pending == 0 and third.retries == 2
    assert dav.files("bundles") == [first.built]
    assert _import_all(region, dav.root / "bundles") == {"bundles": 1, "events_new": 2}
    print(f"\nserver stopped then restarted: bundles sent=1, retries={third.retries}, lost=0")


def test_errors_mid_upload_lose_nothing_and_duplicate_nothing(
    region: Region, dav: WebDavServer
) -> None:
    clock = Clock()
    transport = region.transport(dav, clock, timeout=1.0)
    dav.front.faults = [
        Fault("PUT", 1, "cut"),  # the body stops half-way
        Fault("PUT", 3, "truncate"),  # stored half, answered 201: the read-back catches it
        Fault("MOVE", 1, "lost"),  # renamed, but the answer never arrives
        Fault("GET", 4, "status", status=503),
        Fault("PUT", 6, "status", status=500),
        Fault("MOVE", 3, "lost"),
        Fault("PROPFIND", 9, "slow", delay=1.5),  # longer than the client's 1 s
    ]
    built: list[str] = []
    failures = 0
    for week in range(5):
        region.record(week + 1)
        report = transport.run_round(force=True)
        built += [report.built] if report.built else []
        failures += len(report.failed)
        clock.advance(timedelta(days=1))
    for _ in range(20):
        if not Outbox(region.desk, region.desk_dir).items():
            break
        report = transport.run_round(force=True)
        failures += len(report.failed)
    assert len(built) == 5
    assert Outbox(region.desk, region.desk_dir).items() == []
    remote = dav.files("bundles")
    assert remote == sorted(built)  # exactly one copy of each, no temporary file
    counts = _import_all(region, dav.root / "bundles")
    assert counts["bundles"] == 5 and counts["events_new"] == 15  # 1+2+3+4+5 contacts
    kinds = {what for _m, _p, what in dav.front.log}
    assert {"cut", "truncate", "lost", "status", "slow"} <= kinds
    duplicates = len(remote) - len(set(built))
    print(
        f"\nfaults mid-upload: bundles sent={len(built)}, failed attempts={failures}, "
        f"events imported={counts['events_new']}, duplicates={duplicates}, lost=0"
    )


def test_a_bundle_written_just_before_a_crash_is_still_sent(
    region: Region, dav: WebDavServer
) -> None:
    region.record(2)
    outbox = Outbox(region.desk, region.desk_dir)
    # The bundle reached the outbox folder, the process died before noting anything else.
    written = export_bundle(region.desk, region.desk_dir, outbox.folder).path
    report = region.transport(dav, Clock()).run_round()
    # Found and sent; the round, which never saw it noted, also made the next one: harmless.
    assert report.built is not None and report.sent == [written.name, report.built]
    assert dav.files("bundles") == report.sent and report.pending == 0
    assert _import_all(region, dav.root / "bundles")["events_new"] == 2


def test_wrong_password_or_folder_says_so_in_french(region: Region, dav: WebDavServer) -> None:
    region.record(1)
    report = region.transport(dav, Clock(), endpoint=dav.endpoint("mauvais")).run_round()
    assert report.error is not None
    assert report.error.startswith("Identifiant ou mot de passe refusé")
    assert "mauvais" not in report.error and PASSWORD not in report.error
    [item] = Outbox(region.desk, region.desk_dir).items()
    assert item.attempts == 1 and "Paramètres" in (item.last_error or "")
    assert dav.files("bundles") == []
    elsewhere = Endpoint(dav.url + "absent/", USER, PASSWORD)  # a folder the server lacks
    missing = region.transport(dav, Clock(), endpoint=elsewhere).run_round(force=True)
    assert (missing.error or "").startswith("Dossier de synchronisation introuvable")


def test_an_acknowledgement_on_the_server_is_applied_once(
    region: Region, dav: WebDavServer
) -> None:
    clock = Clock()
    region.record(4)
    transport = region.transport(dav, clock)
    assert transport.run_round(force=True).sent
    _import_all(region, dav.root / "bundles")
    updates = dav.root / "updates"
    write_acknowledgements(region.coordinator, region.coordinator_dir, updates)
    (updates / "autre-poste.spro-ack").write_text("{}")  # another desk's: never fetched
    report = transport.run_round(force=True)
    assert report.updates == [
        {"name": f"{region.desk_id}.spro-ack", "kind": "acknowledgement", "acked_seq": 4}
    ]
    assert load_state(region.desk)["acked"] == 4
    assert transport_state(region.desk)["last_ack"]["acked_seq"] == 4
    gets = [p for m, p, _w in dav.front.log if m == "GET" and p.startswith("/updates/")]
    assert gets == [f"/updates/{region.desk_id}.spro-ack"]
    again = transport.run_round(force=True)
    assert again.updates == [] and again.ok  # unchanged on the server: not fetched again
    region.record(1)
    later = transport.run_round(force=True)
    assert later.built is not None  # carries only the event after the acknowledgement
    assert list((region.desk_dir / "inbox").glob("*")) == []


def _small_directory(target: Path, structures: int) -> Path:
    """The first structures of the Centre-Val de Loire fixture and their services."""
    rows = json.loads((CVL / "structures.json").read_text("utf-8"))[:structures]
    kept = {row["id"] for row in rows}
    services = json.loads((CVL / "services.json").read_text("utf-8"))
    target.mkdir(parents=True)
    (target / "structures.json").write_text(json.dumps(rows), "utf-8")
    services = [s for s in services if s["structure_id"] in kept]
    (target / "services.json").write_text(json.dumps(services), "utf-8")
    return target


def test_the_newest_directory_snapshot_on_the_server_is_installed_with_its_acknowledgement(
    region: Region, dav: WebDavServer
) -> None:
    clock = Clock()
    region.record(2)
    transport = region.transport(dav, clock)
    assert transport.run_round(force=True).sent
    _import_all(region, dav.root / "bundles")
    updates = dav.root / "updates"
    updates.mkdir()
    older, newer = updates / "annuaire-1.spro-directory", updates / "annuaire-2.spro-directory"
    for path, size in ((older, 5), (newer, 12)):
        source = _small_directory(region.root / path.stem, size)
        publish_directory(
            region.coordinator, region.coordinator_dir, source, path, with_acknowledgements=True
        )
    os.utime(older, (time.time() - 3600, time.time() - 3600))
    report = transport.run_round(force=True)
    [update] = report.updates
    assert update["name"] == newer.name and update["kind"] == "directory"
    assert update["acked_seq"] == 2 and load_state(region.desk)["acked"] == 2
    assert report.directory_installed and report.ok
    snapshot = installed_snapshot(region.desk)
    assert snapshot is not None and snapshot.version == update["version"]
    gets = [p for m, p, _w in dav.front.log if m == "GET" and p.startswith("/updates/")]
    # each is read once to compare the signed versions, whatever their dates; only the newer
    # is installed
    assert sorted(gets) == sorted([f"/updates/{newer.name}", f"/updates/{older.name}"])
    assert transport.run_round(force=True).updates == []  # unchanged: not fetched again


def test_settings_check_the_address_and_keep_the_secret_out_of_sight(
    region: Region, dav: WebDavServer
) -> None:
    site = SiteSettings(region.desk)
    for bad in ("http://nuage.exemple.fr/spro/", "ftp://x/", "https://u:p@nuage.fr/", "nuage"):
        with pytest.raises(SettingError):
            site.set(URL_KEY, bad)
    site.set(URL_KEY, "https://nuage.exemple.fr/remote.php/dav/files/cio/spro")
    site.set(URL_KEY, dav.url)
    site.set(USER_KEY, USER)
    site.set(SECRET_KEY, PASSWORD)
    region.record(1)
    report = Transport(region.desk, region.desk_dir, timeout=2.0).run_round(force=True)
    assert report.ok and report.sent
    assert PASSWORD not in repr(dav.endpoint())
    site.set(URL_KEY, "")
    with pytest.raises(TransportError, match="Aucun serveur"):
        Transport(region.desk, region.desk_dir).run_round()


def test_cli_push_and_queue(region: Region, dav: WebDavServer, capsys: Any) -> None:
    site = SiteSettings(region.desk)
    site.set(URL_KEY, dav.url)
    site.set(USER_KEY, USER)
    site.set(SECRET_KEY, PASSWORD)
    region.record(2)
    data_dir = str(region.desk_dir)
    dav.stop()
    assert cli_main(["--data-dir", data_dir, "sync", "push", "--json"]) == 0
    pushed = json.loads(capsys.readouterr().out)
    assert pushed["ok"] is False and pushed["pending"] == 1 and "injoignable" in pushed["error"]
    assert cli_main(["--data-dir", data_dir, "sync", "queue", "--json"]) == 0
    queue = json.loads(capsys.readouterr().out)
    [item] = queue["queue"]
    assert item["attempts"] == 1 and item["size"] > 0 and item["next_attempt_at"]
    assert PASSWORD not in json.dumps(queue)
    dav.start()
    assert cli_main(["--data-dir", data_dir, "sync", "push"]) == 0
    assert "envoyé" in capsys.readouterr().out
    assert dav.files("bundles") == [item["name"]]
