"""Automatic collection (`coordinator watch`, the window's switch): on a schedule, pull the new
bundles from the WebDAV drop and from a folder, import them, push the acknowledgements and the
newest directory snapshot back.

The drop has the layout the desks use (spro_desk.sync.transport): bundles in `bundles/`, what
goes back to the desks in `updates/` (`<desk>.spro-ack`, `*.spro-directory`). A watched folder
has the same layout, its bundles in `bundles/` or at its top.

Resumable, never twice: each bundle is first copied into the data folder (`collecte/`) and
noted in `watch_item` as received; a pass then imports every received item, those a stopped
pass left included, and marks it. A bundle is applied at most once whatever happens between
the two (the import recognises a file it already applied by its SHA-256: `received_bundle`),
and an item already applied is marked without a second import.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from spro_desk.agents.coordination_accounts import Permission, require_coordination
from spro_desk.agents.coordination_audit import record_action
from spro_desk.storage.coordination_tables import ReceivedBundle, RegisteredDesk, WatchItem
from spro_desk.storage.engine import Database
from spro_desk.storage.files import Durability, write_atomically
from spro_desk.storage.records import read_record, write_record
from spro_desk.sync.acknowledgement import acknowledgement_documents
from spro_desk.sync.bundle_format import MAX_BUNDLE_BYTES, OVERSIZED_BUNDLE
from spro_desk.sync.bundle_opening import BundleRefused
from spro_desk.sync.coordinator import import_bundles
from spro_desk.sync.coordinator_views import BUNDLE_SUFFIX
from spro_desk.sync.directory_update import PUBLISHED_KEY
from spro_desk.sync.merged import catch_up_merged_state
from spro_desk.sync.transport import (
    ACK_SUFFIX,
    DIRECTORY_SUFFIX,
    INCOMPLETE,
    REMOTE_BUNDLES,
    REMOTE_UPDATES,
    sync_lock,
)
from spro_desk.sync.webdav import Endpoint, RemoteFile, WebDavClient, WebDavError

log = logging.getLogger("spro_desk.collecte")

WATCH_DIR = Path("collecte")
LOCK_FILE = WATCH_DIR / ".collecte.lock"
SECRET_FILE = WATCH_DIR / "webdav-secret"
SETTINGS_KEY = "coordinator.collecte.reglages"
PUSHED_KEY = "coordinator.collecte.renvois"
DEFAULT_INTERVAL = timedelta(minutes=5)
ODD_NAME = (
    "Nom de fichier illisible (il n'est pas en UTF-8, sans doute copié d'un ancien partage) : "
    "renommez-le pour qu'il soit collecté."
)
RECEIVED, IMPORTED, REFUSED = "recu", "importe", "refuse"


class WatchError(ValueError):
    """The collection cannot run (nothing to watch, a setting missing); French message."""


# --- settings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WatchSettings:
    endpoint: Endpoint | None = None
    folder: Path | None = None
    interval: timedelta = DEFAULT_INTERVAL

    def check(self) -> WatchSettings:
        if self.endpoint is None and self.folder is None:
            raise WatchError(
                "Rien à surveiller : indiquez un serveur WebDAV (--webdav-url) ou un dossier "
                "(--folder), ou enregistrez-les avec « coordinator watch --save »."
            )
        if self.interval < timedelta(seconds=10):
            raise WatchError("L'intervalle entre deux collectes est d'au moins 10 secondes.")
        return self

    def describe(self) -> str:
        where = [f"serveur {self.endpoint.url}"] if self.endpoint else []
        where += [f"dossier {self.folder}"] if self.folder else []
        return " et ".join(where)


def save_settings(db: Database, data_dir: Path, settings: WatchSettings) -> None:
    """Kept for the window's switch and the service; the WebDAV secret in a file of the data
    folder readable by its owner only, beside the coordinator's private keys."""
    settings.check()
    endpoint = settings.endpoint
    record = {
        "url": endpoint.url if endpoint else None,
        "user": endpoint.user if endpoint else None,
        "folder": str(settings.folder) if settings.folder else None,
        "interval_s": int(settings.interval.total_seconds()),
    }
    if endpoint is not None:
        path = data_dir / SECRET_FILE
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(path, endpoint.secret.encode(), Durability.FOLDER_SYNCED, mode=0o600)
    write_record(db, SETTINGS_KEY, record)


def saved_settings(db: Database, data_dir: Path) -> WatchSettings | None:
    record = read_record(db, SETTINGS_KEY)
    if record is None:
        return None
    endpoint = None
    if record.get("url"):
        secret_path = data_dir / SECRET_FILE
        secret = secret_path.read_text("utf-8") if secret_path.exists() else ""
        endpoint = Endpoint(record["url"], record.get("user") or "", secret)
    folder = Path(record["folder"]) if record.get("folder") else None
    interval = timedelta(seconds=int(record.get("interval_s") or DEFAULT_INTERVAL.seconds))
    return WatchSettings(endpoint, folder, interval)


# --- one pass ----------------------------------------------------------------------------------


@dataclass
class PassReport:
    at: datetime
    fetched: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)  # received by an earlier, stopped pass
    imported: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # applied before, marked without import
    events_new: int = 0
    events_merged: int = 0
    pushed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    busy: bool = False

    @property
    def ok(self) -> bool:
        return not (self.errors or self.busy)

    def as_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "ok": self.ok,
            "fetched": self.fetched,
            "resumed": self.resumed,
            "imported": self.imported,
            "refused": self.refused,
            "already_imported": self.already,
            "events_new": self.events_new,
            "events_merged": self.events_merged,
            "pushed": self.pushed,
            "errors": self.errors,
            "busy": self.busy,
        }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class Collector:
    """Passes of the automatic collection over one coordination's database and data folder.
    `stop()` may be called from another thread: the pass ends after the file in hand."""

    def __init__(
        self, db: Database, data_dir: Path, settings: WatchSettings, *, timeout: float = 20.0
    ) -> None:
        self.db, self.data_dir = db, data_dir
        self.settings = settings.check()
        self.timeout = timeout
        self._stopped = threading.Event()
        self._client: WebDavClient | None = None

    def stop(self) -> None:
        self._stopped.set()
        if self._client is not None:
            self._client.abort()

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def wait(self, seconds: float) -> None:
        """Sleep until the next pass, or less when stopped meanwhile."""
        self._stopped.wait(seconds)

    def run_pass(self) -> PassReport:
        report = PassReport(_now())
        require_coordination(self.db, Permission.IMPORT)
        with sync_lock(self.data_dir, lock_file=LOCK_FILE) as locked:
            if not locked:
                report.busy = True
                log.warning("Une autre collecte est en cours sur ce dossier : passage sauté.")
                return report
            report.resumed = [item.name for item in self._received()]
            if report.resumed:
                log.info(
                    "Reprise : %d envoi(s) reçu(s) mais pas encore importé(s).",
                    len(report.resumed),
                )
            self._fetch_all(report)
            if not self.stopped:
                self._import_received(report)
            if not self.stopped:
                self._push_back(report)
        self._trail(report)
        return report

    # --- fetching -------------------------------------------------------------------------------

    def _fetch_all(self, report: PassReport) -> None:
        if self.settings.endpoint is not None:
            try:
                self._fetch_webdav(self.settings.endpoint, report)
            except WebDavError as error:
                self._error(report, f"Serveur WebDAV : {error}")
        if self.settings.folder is not None and not self.stopped:
            try:
                self._fetch_folder(self.settings.folder, report)
            except OSError as error:
                self._error(report, f"Dossier {self.settings.folder} illisible : {error}")

    def _fetch_webdav(self, endpoint: Endpoint, report: PassReport) -> None:
        source = f"webdav:{endpoint.url}"
        client = self._client = WebDavClient(
            endpoint, timeout=self.timeout, cancelled=self._stopped.is_set
        )
        listing = client.list_folder(REMOTE_BUNDLES) or []
        known = self._fingerprints(source)
        for remote in sorted(listing, key=lambda f: f.name):
            if self.stopped:
                return
            if not _is_bundle(remote.name) or remote.is_folder:
                continue
            if known.get(remote.name) == remote.fingerprint():
                continue
            if remote.size is not None and remote.size > MAX_BUNDLE_BYTES:
                self._refuse_unopened(source, remote.name, remote.fingerprint(), report)
                continue
            try:
                target = self._download(client, source, remote)
            except WebDavError as error:
                if error.endpoint_wide:
                    raise
                self._error(report, f"{remote.name} : {error}")
                continue
            self._note_received(source, remote.name, remote.fingerprint(), target)
            report.fetched.append(remote.name)
            log.info("Reçu du serveur : %s.", remote.name)

    def _download(self, client: WebDavClient, source: str, remote: RemoteFile) -> Path:
        target = self._local(source, remote.name)
        partial = target.with_name(target.name + INCOMPLETE)
        try:
            client.download(REMOTE_BUNDLES + remote.name, partial, max_bytes=MAX_BUNDLE_BYTES)
            with open(partial, "rb") as file:
                os.fsync(file.fileno())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def _fetch_folder(self, folder: Path, report: PassReport) -> None:
        if not folder.is_dir():
            self._error(report, f"Dossier introuvable : {folder}.")
            return
        source = f"dossier:{folder.resolve()}"
        known = self._fingerprints(source)
        inner = folder / REMOTE_BUNDLES.rstrip("/")
        candidates = [*folder.iterdir(), *(inner.iterdir() if inner.is_dir() else [])]
        for path in sorted(candidates, key=lambda p: p.name):
            if self.stopped:
                return
            if not path.is_file() or not _is_bundle(path.name):
                continue
            if not _readable_name(path.name):
                report.refused.append({"name": _shown_name(path.name), "reason": ODD_NAME})
                continue
            try:
                self._fetch_file(source, path, known, report)
            except OSError as error:  # this file only: the others are still collected
                if not path.exists():  # taken away since the listing: nothing to collect
                    log.info("Disparu du dossier pendant la collecte : %s.", path.name)
                else:
                    self._error(report, f"{path.name} illisible : {error.strerror or error}")

    def _fetch_file(
        self, source: str, path: Path, known: dict[str, str], report: PassReport
    ) -> None:
        stat = path.stat()
        fingerprint = f"{stat.st_size}|{stat.st_mtime_ns}"
        if known.get(path.name) == fingerprint:
            return
        if stat.st_size > MAX_BUNDLE_BYTES:  # never copied: it could fill the disk
            self._refuse_unopened(source, path.name, fingerprint, report)
            return
        target = self._local(source, path.name)
        write_atomically(target, _copier(path), Durability.CONTENTS_SYNCED)
        self._note_received(source, path.name, fingerprint, target)
        report.fetched.append(path.name)
        log.info("Reçu du dossier : %s.", path.name)

    def _local(self, source: str, name: str) -> Path:
        tag = hashlib.sha256(source.encode()).hexdigest()[:12]
        folder = self.data_dir / WATCH_DIR / "recus" / tag
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder / name

    def _fingerprints(self, source: str) -> dict[str, str]:
        with self.db.session() as session:
            rows = session.exec(select(WatchItem).where(WatchItem.source == source)).all()
        return {row.name: row.fingerprint for row in rows}

    def _note_received(self, source: str, name: str, fingerprint: str, local: Path) -> None:
        digest, moment = _sha256(local), _now()
        with self.db.transaction() as session:
            row = session.get(WatchItem, (source, name)) or WatchItem(
                source=source, name=name, fingerprint=fingerprint, local_path=str(local),
                state=RECEIVED, fetched_at=moment,
            )  # fmt: skip
            row.fingerprint, row.local_path, row.state = fingerprint, str(local), RECEIVED
            row.sha256, row.fetched_at, row.imported_at, row.detail = digest, moment, None, None
            session.add(row)

    def _refuse_unopened(
        self, source: str, name: str, fingerprint: str, report: PassReport
    ) -> None:
        """An oversized file: refused as the import would, noted (not taken again while it
        stays the same), without a copy or a download."""
        reason = OVERSIZED_BUNDLE
        with self.db.transaction() as session:
            row = session.get(WatchItem, (source, name)) or WatchItem(
                source=source, name=name, fingerprint=fingerprint, local_path="",
                state=REFUSED, fetched_at=_now(),
            )  # fmt: skip
            row.fingerprint, row.local_path, row.sha256 = fingerprint, "", None
            row.state, row.detail, row.imported_at = REFUSED, reason, _now()
            session.add(row)
        report.refused.append({"name": name, "reason": reason})
        log.warning("Envoi refusé : %s — %s", name, reason)

    # --- importing ------------------------------------------------------------------------------

    def _received(self) -> list[WatchItem]:
        query = select(WatchItem).where(WatchItem.state == RECEIVED)
        with self.db.session() as session:
            return list(session.exec(query.order_by(col(WatchItem.name))).all())

    def _import_received(self, report: PassReport) -> None:
        items = self._received()
        if not items:
            return
        applied = self._already_applied(items)
        self._mark([(item, IMPORTED, "déjà importé") for item in items if item.sha256 in applied])
        report.already = [item.name for item in items if item.sha256 in applied]
        pending = [item for item in items if item.sha256 not in applied]
        if pending:
            self._import(pending, report)
        report.events_merged += catch_up_merged_state(self.db)

    def _already_applied(self, items: list[WatchItem]) -> set[str]:
        digests = [item.sha256 for item in items if item.sha256]
        with self.db.session() as session:
            query = select(ReceivedBundle.sha256).where(col(ReceivedBundle.sha256).in_(digests))
            return set(session.exec(query).all())

    def _import(self, items: list[WatchItem], report: PassReport) -> None:
        missing = [item for item in items if not Path(item.local_path).is_file()]
        for item in missing:  # removed by hand: fetched again at the next pass
            self._forget(item)
        present = [item for item in items if item not in missing]
        by_path = {item.local_path: item for item in present}
        results = import_bundles(
            self.db, self.data_dir, [Path(item.local_path) for item in present],
            is_cancelled=self._stopped.is_set,
        )  # fmt: skip
        marks: list[tuple[WatchItem, str, str]] = []
        for path, outcome in results:
            item = by_path[str(path)]
            if isinstance(outcome, BundleRefused):
                marks.append((item, REFUSED, str(outcome)))
                report.refused.append({"name": item.name, "reason": str(outcome)})
                log.warning("Envoi refusé : %s — %s", item.name, outcome)
                continue
            marks.append((item, IMPORTED, f"{outcome.events_new} nouveau(x)"))
            report.events_new += outcome.events_new
            report.events_merged += outcome.events_merged
            report.imported.append({"name": item.name, "desk_id": outcome.desk_id,
                                    "bundle_seq": outcome.bundle_seq,
                                    "events_new": outcome.events_new,
                                    "events_duplicate": outcome.events_duplicate,
                                    "alerts": outcome.alerts})  # fmt: skip
            log.info("Importé : %s (%d événement(s) nouveau(x)).", item.name, outcome.events_new)
        self._mark(marks)

    def _mark(self, marks: list[tuple[WatchItem, str, str]]) -> None:
        """What became of the items, in one commit (one fsync, not one per bundle)."""
        if not marks:
            return
        with self.db.transaction() as session:
            for item, state, detail in marks:
                row = session.get(WatchItem, (item.source, item.name))
                if row is not None:
                    row.state, row.detail, row.imported_at = state, detail[:500], _now()
                    session.add(row)

    def _forget(self, item: WatchItem) -> None:
        with self.db.transaction() as session:
            row = session.get(WatchItem, (item.source, item.name))
            if row is not None:
                session.delete(row)

    # --- pushing back ---------------------------------------------------------------------------

    def _push_back(self, report: PassReport) -> None:
        pushed = read_record(self.db, PUSHED_KEY) or {}
        destinations = self._destinations(report)
        documents = acknowledgement_documents(
            self.db, self.data_dir, self._desks_to_acknowledge(report, pushed, destinations)
        )
        acked = {desk: _acked(document) for desk, document in documents.items()}
        snapshot = _published_snapshot(self.db)
        for name, put in destinations:
            done = dict(pushed.get(name) or {"acks": {}, "snapshot": 0})
            try:
                for desk_id, document in documents.items():
                    if done["acks"].get(desk_id) != acked[desk_id]:
                        put(f"{desk_id}{ACK_SUFFIX}", document)
                        done["acks"] = {**done["acks"], desk_id: acked[desk_id]}
                        report.pushed.append(f"{name}:{desk_id}{ACK_SUFFIX}")
                if snapshot is not None and snapshot[0] > int(done["snapshot"]):
                    file_name = f"annuaire-{snapshot[0]}{DIRECTORY_SUFFIX}"
                    put(file_name, snapshot[1].read_bytes())
                    done["snapshot"] = snapshot[0]
                    report.pushed.append(f"{name}:{file_name}")
            except (WebDavError, OSError) as error:
                self._error(report, f"Renvoi vers {name} : {error}")
            pushed[name] = done
        write_record(self.db, PUSHED_KEY, pushed)
        if report.pushed:
            log.info("Renvoyé aux postes : %s.", ", ".join(report.pushed))

    def _desks_to_acknowledge(
        self, report: PassReport, pushed: dict[str, Any], destinations: list[tuple[str, Any]]
    ) -> set[str]:
        """The desks whose acknowledgement may have changed (a bundle imported now) or was
        never pushed somewhere: computing one reads all the desk's events, so not every desk
        at every pass (thousands of desks at a national coordination)."""
        with self.db.session() as session:
            registered = set(session.exec(select(RegisteredDesk.desk_id)).all())
        never = {
            desk
            for name, _put in destinations
            for desk in registered - set((pushed.get(name) or {}).get("acks", {}))
        }
        return never | {str(entry["desk_id"]) for entry in report.imported}

    def _destinations(self, report: PassReport) -> list[tuple[str, Callable[[str, bytes], None]]]:
        destinations: list[tuple[str, Callable[[str, bytes], None]]] = []
        if self.settings.endpoint is not None and self._client is not None:
            destinations.append(("webdav", self._put_remote))
        if self.settings.folder is not None and self.settings.folder.is_dir():
            destinations.append(("dossier", self._put_folder))
        return destinations

    def _put_remote(self, name: str, data: bytes) -> None:
        """Replace `updates/name` whole: written under a temporary name, then renamed, so a
        desk never reads half a file."""
        assert self._client is not None
        client = self._client
        temporary = self.data_dir / WATCH_DIR / f".envoi-{name}"
        temporary.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary.write_bytes(data)
        remote_temporary = f"{REMOTE_UPDATES}.{name}{INCOMPLETE}"
        try:
            try:
                client.put(remote_temporary, temporary)
            except WebDavError as error:
                if error.status not in (404, 409):
                    raise
                client.make_folder(REMOTE_UPDATES)
                client.put(remote_temporary, temporary)
            if not client.move(remote_temporary, REMOTE_UPDATES + name):
                client.delete(REMOTE_UPDATES + name)
                client.move(remote_temporary, REMOTE_UPDATES + name)
        finally:
            temporary.unlink(missing_ok=True)

    def _put_folder(self, name: str, data: bytes) -> None:
        assert self.settings.folder is not None
        target = self.settings.folder / REMOTE_UPDATES.rstrip("/") / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data, Durability.FOLDER_SYNCED, mode=0o644)

    # --- saying what happened -------------------------------------------------------------------

    def _error(self, report: PassReport, message: str) -> None:
        if self.stopped:  # cut on purpose (a service stopping, the switch turned off)
            return
        report.errors.append(message)
        log.error("%s", message)

    def _trail(self, report: PassReport) -> None:
        if not (report.imported or report.refused or report.pushed):
            return
        target = f"{len(report.imported)} envoi(s) importé(s), {len(report.refused)} refusé(s)"
        note = f"{report.events_new} événement(s) nouveau(x) ; {len(report.pushed)} renvoi(s)"
        record_action(self.db, None, "collecte-automatique", target, note)


def _copier(source: Path) -> Callable[[Path], object]:
    return lambda target: shutil.copyfile(source, target)


def _is_bundle(name: str) -> bool:
    return name.endswith(BUNDLE_SUFFIX) and not name.startswith(".")


def _readable_name(name: str) -> bool:
    """Whether the name is text (UTF-8): a file copied from an old share can carry Latin-1
    bytes, which Python keeps as lone surrogates that no database can store."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown_name(name: str) -> str:
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _acked(document: bytes) -> list[Any]:
    import json

    body = json.loads(document)
    return [body["acked_seq"], body["head_sha256"]]


def _published_snapshot(db: Database) -> tuple[int, Path] | None:
    record = read_record(db, PUBLISHED_KEY)
    if not record or not record.get("file"):
        return None
    path = Path(record["file"])
    return (int(record["version"]), path) if path.is_file() else None


# --- the schedule ------------------------------------------------------------------------------


def watch(
    collector: Collector,
    *,
    once: bool = False,
    on_pass: Callable[[PassReport], None] | None = None,
) -> PassReport | None:
    """Passes until `collector.stop()` (a signal, the window's switch); one with `once`."""
    interval = collector.settings.interval.total_seconds()
    log.info("Collecte automatique : %s, toutes les %d s.", collector.settings.describe(), interval)
    last = None
    while not collector.stopped:
        last = collector.run_pass()
        if on_pass is not None:
            on_pass(last)
        if once:
            break
        collector.wait(interval)
    log.info("Collecte automatique arrêtée.")
    return last
