"""Getting bundles to the coordinator and its updates back: a USB folder or a WebDAV server.

Export to a folder always works. With a WebDAV endpoint configured (Paramètres), a *round*
puts a new bundle in the outbox when events wait, uploads what the outbox holds and fetches
this desk's acknowledgement and the newest directory snapshot. See docs/sync-format.md,
"Transport".

Nothing lost, nothing duplicated: a bundle is uploaded under a temporary name, read back and
compared byte for byte (SHA-256), then renamed with MOVE `Overwrite: F`; it leaves the outbox
only after that. A file already at its final name with the same bytes (an answer lost on the
way back) counts as delivered without a second copy; other bytes under that name (a desk
restored from an old backup) go beside it, under a name carrying their hash, so that the
coordinator sees the fork. Failures wait with exponential backoff (spro_desk.sync.outbox).
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from sqlmodel import func, select

from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record
from spro_desk.storage.tables import Event
from spro_desk.sync.bundle import ExportResult, export_bundle, load_state
from spro_desk.sync.coordinator_identity import trusted_coordinator
from spro_desk.sync.identity import IdentityError, load_identity
from spro_desk.sync.outbox import BUNDLE_SUFFIX, Outbox, QueueItem, RetryPolicy, SentItem
from spro_desk.sync.updates import apply_update
from spro_desk.sync.webdav import (
    DEFAULT_TIMEOUT,
    Endpoint,
    RemoteFile,
    WebDavClient,
    WebDavError,
)

REMOTE_BUNDLES = "bundles/"  # desk → coordinator
REMOTE_UPDATES = "updates/"  # coordinator → desks: acknowledgements, directory snapshots
ACK_SUFFIX = ".spro-ack"
DIRECTORY_SUFFIX = ".spro-directory"
INCOMPLETE = ".incomplete"
INBOX_DIR = Path("inbox")
LOCK_FILE = Path("outbox") / ".sync.lock"
TRANSPORT_KEY = "sync.transport"
URL_KEY, USER_KEY, SECRET_KEY = "sync.url", "sync.utilisateur", "sync.secret"
MAX_ACK_BYTES = 64 * 1024
MAX_DIRECTORY_BYTES = 512 * 1024 * 1024
BUNDLE_INTERVAL = timedelta(days=1)  # automatic rounds make at most one new bundle a day
FETCH_INTERVAL = timedelta(hours=1)
EXPORT_LOCK_WAIT = 60.0  # seconds an export waits for a round in progress


class TransportError(ValueError):
    """The round cannot run at all (no endpoint configured); French message."""


Cancelled = Callable[[], bool]
Progress = Callable[[str, int, int], None]


# --- settings and state --------------------------------------------------------------------


def endpoint_from_settings(db: Database) -> Endpoint | None:
    """The configured WebDAV endpoint, or None when no address is set."""
    from spro_desk.site.settings import SettingError, SiteSettings

    site = SiteSettings(db)
    url = (site.get(URL_KEY) or "").strip()
    if not url:
        return None
    try:
        secret = site.get(SECRET_KEY) or ""
    except SettingError as error:  # sealed and nobody has signed in since the start
        raise TransportError(str(error)) from None
    return Endpoint(url, site.get(USER_KEY) or "", secret)


def transport_state(db: Database) -> dict[str, Any]:
    defaults: dict[str, Any] = {
        "queued_seq": 0,
        # the events the server holds for sure (a bundle read back after its upload), so the
        # next bundle starts after them; `bundle_last_seq`: each queued bundle's last event
        "delivered": {"seq": 0, "at": None},
        "bundle_last_seq": {},
        "last_bundle_at": None,
        "last_export": None,
        "last_round": None,
        "last_success_at": None,
        "last_ack": None,
        "fetch": {"attempts": 0, "next_at": None, "last_error": None},
        "fetched": {},
    }
    return defaults | (read_record(db, TRANSPORT_KEY) or {})


def _update_state(db: Database, **changes: Any) -> dict[str, Any]:
    state = transport_state(db) | changes
    write_record(db, TRANSPORT_KEY, state)
    return state


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _written_seq(db: Database) -> int:
    with db.session() as session:
        return session.exec(select(func.max(Event.seq))).one() or 0


def require_ready(db: Database) -> str:
    """The desk's id once it has an identity and trusts a coordinator; else IdentityError."""
    identity = load_identity(db)
    if identity is None:
        raise IdentityError("Ce poste n'a pas encore d'identité : lancez « spro-desk desk init ».")
    if trusted_coordinator(db) is None:
        raise IdentityError(
            "Ce poste ne connaît pas encore son coordinateur : importez son identité avec "
            "« spro-desk desk trust-coordinator FICHIER »."
        )
    return identity.desk_id


# --- one writer at a time ------------------------------------------------------------------


@contextlib.contextmanager
def sync_lock(data_dir: Path, wait: float = 0.0, *, lock_file: Path = LOCK_FILE) -> Iterator[bool]:
    """Whether this process got the desk's sync lock (held until the block ends).

    Two writers of bundles at once would give two bundles the same number: the application's
    round, an export to a stick and a command-line push all take it. The operating system
    releases it if the process dies, so a crash never leaves the desk locked.
    """
    path = data_dir / lock_file
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + wait
    try:
        while not (locked := _try_lock(descriptor)) and time.monotonic() < deadline:
            time.sleep(0.1)
        yield locked
    finally:
        os.close(descriptor)  # closing releases the lock


def _try_lock(descriptor: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


# --- the USB stick -------------------------------------------------------------------------


def export_to_folder(
    db: Database, data_dir: Path, folder: Path, *, now: datetime | None = None
) -> ExportResult:
    """`sync export`: this week's bundle written into `folder` (a USB stick), and noted."""
    require_ready(db)
    with sync_lock(data_dir, wait=EXPORT_LOCK_WAIT) as locked:
        if not locked:
            raise IdentityError(
                "Un envoi vers le serveur est en cours : réessayez l'export dans une minute."
            )
        result = export_bundle(db, data_dir, folder)
    last = {"at": (now or datetime.now(UTC)).isoformat(), "folder": str(folder),
            "sequence": result.sequence, "events": result.events}  # fmt: skip
    _update_state(db, last_export=last)
    return result


# --- applying what comes back --------------------------------------------------------------


def _refusals() -> tuple[type[Exception], ...]:
    from spro_desk.directory.source import DirectoryImportError
    from spro_desk.sync.directory_update import SnapshotRefused

    return (IdentityError, SnapshotRefused, DirectoryImportError)


def _cancelled_import() -> type[Exception]:
    # Imported when needed: the directory import pipeline is heavy, and the window loads this
    # module at start.
    from spro_desk.directory.importer import ImportCancelled

    return ImportCancelled


# --- what the desk shows -------------------------------------------------------------------


@dataclass(frozen=True)
class LastExport:
    at: datetime
    folder: str
    sequence: int
    events: int


@dataclass(frozen=True)
class SyncOverview:
    """Where the desk's synchronisation stands: the Synchronisation screen and `sync queue`."""

    desk_id: str | None
    coordinator_trusted: bool
    events_written: int
    acked_seq: int
    bundles_made: int
    last_export: LastExport | None
    last_ack_at: datetime | None
    queue: list[QueueItem]
    sent: list[SentItem]
    endpoint_url: str | None  # never the account or its secret
    last_round_at: datetime | None
    last_round_message: str | None  # French, when the last round did not go well
    last_success_at: datetime | None
    registration_confirmed: bool = False  # the coordination acknowledged this desk once

    @property
    def events_pending(self) -> int:
        """Events the coordinator has not confirmed yet."""
        return self.events_written - self.acked_seq

    def as_json(self) -> dict[str, Any]:
        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        export = self.last_export
        return {
            "desk_id": self.desk_id,
            "coordinator_trusted": self.coordinator_trusted,
            "events_written": self.events_written,
            "events_pending": self.events_pending,
            "acked_seq": self.acked_seq,
            "last_ack_at": iso(self.last_ack_at),
            "bundles_made": self.bundles_made,
            "last_export": None if export is None else {
                "at": export.at.isoformat(), "folder": export.folder,
                "sequence": export.sequence, "events": export.events,
            },
            "endpoint": self.endpoint_url,
            "queue": [item.as_json() for item in self.queue],
            "sent": [
                {"name": s.name, "size": s.size, "sent_at": s.sent_at.isoformat()}
                for s in self.sent
            ],
            "last_round_at": iso(self.last_round_at),
            "last_round_message": self.last_round_message,
            "last_success_at": iso(self.last_success_at),
            "registration_confirmed": self.registration_confirmed,
        }  # fmt: skip


def sync_overview(db: Database, data_dir: Path) -> SyncOverview:
    identity = load_identity(db)
    state, bundles = transport_state(db), load_state(db)
    outbox = Outbox(db, data_dir)
    export = state["last_export"]
    last_round = state["last_round"] or {}
    endpoint = endpoint_from_settings(db)
    return SyncOverview(
        desk_id=identity.desk_id if identity else None,
        coordinator_trusted=trusted_coordinator(db) is not None,
        events_written=_written_seq(db),
        acked_seq=int(bundles["acked"]),
        bundles_made=int(bundles["bundle"]),
        last_export=None if export is None else LastExport(
            datetime.fromisoformat(export["at"]), export["folder"], export["sequence"],
            export["events"],
        ),
        last_ack_at=_moment((state["last_ack"] or {}).get("at")),
        queue=outbox.items(save=False),  # read-only: a round may be writing the record
        sent=outbox.sent(),
        endpoint_url=endpoint.url if endpoint else None,
        last_round_at=_moment(last_round.get("at")),
        last_round_message=last_round.get("message"),
        last_success_at=_moment(state["last_success_at"]),
        registration_confirmed=bool(bundles.get("registration_confirmed_at"))
        or int(bundles["acked"]) > 0,
    )  # fmt: skip


# --- a round -------------------------------------------------------------------------------


@dataclass
class RoundReport:
    at: datetime
    built: str | None = None  # the bundle this round put in the outbox
    sent: list[str] = field(default_factory=list)  # uploaded and confirmed
    confirmed: list[str] = field(default_factory=list)  # found already there, same bytes
    failed: list[dict[str, str]] = field(default_factory=list)  # {"name", "error"}
    retries: int = 0  # failed attempts before this round of the files sent now
    updates: list[dict[str, Any]] = field(default_factory=list)  # applied: {"name", "kind"…}
    update_errors: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None  # what stopped the round (the server, not one file)
    busy: bool = False
    cancelled: bool = False
    pending: int = 0  # bundles still in the outbox after the round
    directory_installed: bool = False
    notices: list[str] = field(default_factory=list)  # e.g. an older snapshot found and left
    contacted: bool = False  # whether the server was asked anything (nothing was due: no)

    @property
    def ok(self) -> bool:
        return not (self.error or self.failed or self.update_errors or self.busy)

    def as_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "ok": self.ok,
            "built": self.built,
            "sent": self.sent,
            "confirmed": self.confirmed,
            "failed": self.failed,
            "retries": self.retries,
            "updates": self.updates,
            "update_errors": self.update_errors,
            "error": self.error,
            "busy": self.busy,
            "pending": self.pending,
            "notices": self.notices,
        }


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Transport:
    """Rounds of one desk against its endpoint. `abort()` may be called from another thread."""

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        *,
        endpoint: Endpoint | None = None,
        policy: RetryPolicy | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] = _utc_now,
        rng: random.Random | None = None,
        bundle_interval: timedelta = BUNDLE_INTERVAL,
        fetch_interval: timedelta = FETCH_INTERVAL,
    ) -> None:
        self.db, self.data_dir = db, data_dir
        self.endpoint = endpoint
        self.policy = policy or RetryPolicy()
        self.timeout = timeout
        self.clock = clock
        self.rng = rng or random.Random()
        self.bundle_interval, self.fetch_interval = bundle_interval, fetch_interval
        self.outbox = Outbox(db, data_dir)
        self._client: WebDavClient | None = None
        self._aborted = False

    def abort(self) -> None:
        self._aborted = True
        if self._client is not None:
            self._client.abort()

    def run_round(
        self, *, force: bool = False, cancel: Cancelled | None = None,
        progress: Progress | None = None,
    ) -> RoundReport:  # fmt: skip
        """One round. `force` (« Envoyer maintenant », `sync push`): a bundle for any new
        event, every queued file and the updates now, whatever the backoff says."""
        endpoint = self.endpoint or endpoint_from_settings(self.db)
        if endpoint is None:
            raise TransportError(
                "Aucun serveur de synchronisation n'est réglé : indiquez son adresse dans "
                "Paramètres, ou exportez sur une clé (« spro-desk sync export »)."
            )
        desk_id = require_ready(self.db)
        report = RoundReport(at=self.clock())
        with sync_lock(self.data_dir) as locked:
            if not locked:
                report.busy = True
                return report
            stop = _either(cancel, lambda: self._aborted)
            self._client = WebDavClient(endpoint, timeout=self.timeout, cancelled=stop)
            self._round(report, desk_id, force, stop, progress or (lambda *_: None))
        return report

    def _round(
        self, report: RoundReport, desk_id: str, force: bool, stop: Cancelled, progress: Progress
    ) -> None:
        self._maybe_build(report, force)
        self._upload(report, force, stop, progress)
        if report.error is None and not stop():
            self._fetch(report, desk_id, force, stop, progress)
        report.cancelled = stop()
        report.pending = len(self.outbox.items(self.clock()))
        if report.contacted and not report.cancelled:
            self._note_round(report)  # « last exchange » means one: not every quiet check

    # --- building -----------------------------------------------------------------------------

    def _maybe_build(self, report: RoundReport, force: bool) -> None:
        state = transport_state(self.db)
        covered = max(int(state["queued_seq"]), int(load_state(self.db)["acked"]))
        written = _written_seq(self.db)
        last = _moment(state["last_bundle_at"])
        due = force or last is None or self.clock() - last >= self.bundle_interval
        if written <= covered or not due:
            return
        delivered = int(state["delivered"]["seq"])
        result = export_bundle(self.db, self.data_dir, self.outbox.folder, after=delivered)
        last_seqs = {**state["bundle_last_seq"], result.path.name: written}
        _update_state(
            self.db,
            queued_seq=written,
            last_bundle_at=self.clock().isoformat(),
            bundle_last_seq=last_seqs,
        )
        report.built = result.path.name

    # --- uploading ----------------------------------------------------------------------------

    def _upload(
        self, report: RoundReport, force: bool, stop: Cancelled, progress: Progress
    ) -> None:
        now = self.clock()
        due = [i for i in self.outbox.items(now) if force or i.is_due(now)]
        report.contacted = report.contacted or bool(due)
        for number, item in enumerate(due):
            if stop():
                return
            progress(f"Envoi de {item.name}", number, len(due))
            try:
                remote, uploaded = self._deliver(item)
            except WebDavError as error:
                if stop():  # cut on purpose (the window closes): not the server's failure
                    return
                failed = self.outbox.failed(item, str(error), now, self.policy, self.rng)
                report.failed.append({"name": item.name, "error": str(error)})
                if error.endpoint_wide:
                    report.error = str(error)
                    until = failed.next_attempt_at or now
                    for later in due[number + 1 :]:
                        self.outbox.postponed(later, until, str(error))
                    self._postpone_fetch(until, str(error))  # the same server: wait with it
                    return
                continue
            self.outbox.delivered(item, remote, self.clock())
            self._note_delivered(item.name)
            (report.sent if uploaded else report.confirmed).append(remote)
            report.retries += item.attempts
        progress("Envois terminés", len(due), len(due))

    def _note_delivered(self, name: str) -> None:
        state = transport_state(self.db)
        last_seqs = dict(state["bundle_last_seq"])
        last = last_seqs.pop(name, None)
        delivered = state["delivered"]
        if last is not None and int(last) > int(delivered["seq"]):
            delivered = {"seq": int(last), "at": self.clock().isoformat()}
        _update_state(self.db, delivered=delivered, bundle_last_seq=last_seqs)

    def _deliver(self, item: QueueItem) -> tuple[str, bool]:
        """The remote name now holding exactly the item's bytes, and whether it was uploaded
        this time (False: it was already there)."""
        client = self._require_client()
        for candidate in (item.name, _fork_name(item)):
            present = client.stat(REMOTE_BUNDLES + candidate)
            if present is None:
                break
            if self._holds(present.size, candidate, item):
                return candidate, False
        else:
            raise WebDavError(
                f"{item.name} : ce nom est déjà pris sur le serveur par un autre contenu.",
                endpoint_wide=False,
            )
        temporary = f"{REMOTE_BUNDLES}.{candidate}{INCOMPLETE}"
        self._put(temporary, self.outbox.path(item))
        if not self._holds(item.size, f".{candidate}{INCOMPLETE}", item):
            client.delete(temporary)
            raise WebDavError(
                f"{item.name} : le serveur n'a pas gardé l'envoi intact ; nouvel essai plus tard.",
                endpoint_wide=False,
            )
        if client.move(temporary, REMOTE_BUNDLES + candidate):
            return candidate, True
        if self._holds(None, candidate, item):  # appeared meanwhile with the same bytes
            client.delete(temporary)
            return candidate, False
        raise WebDavError(f"{item.name} : le nom a été pris entre-temps.", endpoint_wide=False)

    def _put(self, remote: str, source: Path) -> None:
        client = self._require_client()
        try:
            client.put(remote, source)
        except WebDavError as error:
            if error.status not in (404, 409):  # 409: the folder does not exist yet
                raise
            client.make_folder(REMOTE_BUNDLES)
            client.put(remote, source)

    def _holds(self, size: int | None, name: str, item: QueueItem) -> bool:
        """Whether the remote file `name` (in bundles/) has exactly the item's bytes."""
        if size is not None and size != item.size:
            return False
        scratch = self._scratch(f"verify-{item.name}")
        try:
            got = self._require_client().download(
                REMOTE_BUNDLES + name, scratch, max_bytes=item.size
            )
        except WebDavError as error:
            if error.status == 404 or not error.endpoint_wide:
                return False
            raise
        finally:
            scratch.unlink(missing_ok=True)
        return got.sha256 == item.sha256

    # --- fetching -----------------------------------------------------------------------------

    def _fetch(
        self, report: RoundReport, desk_id: str, force: bool, stop: Cancelled, progress: Progress
    ) -> None:
        state = transport_state(self.db)
        next_at = _moment(state["fetch"]["next_at"])
        if not force and next_at is not None and next_at > self.clock():
            return
        report.contacted = True
        try:
            listing = self._require_client().list_folder(REMOTE_UPDATES) or []
            fetched = dict(state["fetched"])
            acks, directories = _wanted(listing, desk_id, fetched)
            newest = self._newest_directory(directories, report, fetched, stop)
            if newest is not None and not stop():
                remote, received = newest
                progress(f"Installation de {remote.name}", 0, 1)
                self._apply(remote, received, report, progress, stop)
            for remote in acks:
                if stop():
                    return
                progress(f"Réception de {remote.name}", 0, 1)
                self._apply(remote, self._download(remote), report, progress, stop)
                if not stop():
                    fetched[remote.name] = remote.fingerprint()
                    _update_state(self.db, fetched=fetched)
        except WebDavError as error:
            if not stop():
                report.error = str(error)
                self._fetch_failed(str(error))
            return
        self._fetch_succeeded()

    def _newest_directory(
        self,
        candidates: list[RemoteFile],
        report: RoundReport,
        fetched: dict[str, str],
        stop: Cancelled,
    ) -> tuple[RemoteFile, Path] | None:
        """The snapshot signed with the highest version not installed yet, downloaded; the
        upload order or dates on the server do not count (an older snapshot put there later
        must not win). Each file is read once (until it changes); an older one is said."""
        from spro_desk.sync.directory_update import signed_version

        best: tuple[int, RemoteFile, Path] | None = None
        installed, seen = 0, []
        for remote in candidates:
            if stop():
                break
            path = self._download(remote)
            fetched[remote.name] = remote.fingerprint()
            try:
                version, installed = signed_version(self.db, path)
            except _refusals() as refusal:
                report.update_errors.append({"name": remote.name, "error": str(refusal)})
                path.unlink(missing_ok=True)
                continue
            seen.append((version, remote.name))
            if best is not None and version <= best[0]:
                path.unlink(missing_ok=True)
                continue
            if best is not None:
                best[2].unlink(missing_ok=True)
            best = (version, remote, path)
        _update_state(self.db, fetched=fetched)
        top = max(installed, best[0] if best else 0)
        report.notices += [
            f"Une mise à jour de l'annuaire plus ancienne ({name}, version {version}) a été "
            f"trouvée sur le serveur : ignorée, la version {top} est plus récente."
            for version, name in seen
            if version < top
        ]
        if best is not None and best[0] <= installed:
            best[2].unlink(missing_ok=True)
            return None
        return (best[1], best[2]) if best is not None else None

    def _download(self, remote: RemoteFile) -> Path:
        limit = MAX_ACK_BYTES if remote.name.endswith(ACK_SUFFIX) else MAX_DIRECTORY_BYTES
        partial = self._scratch(remote.name + INCOMPLETE)
        try:
            self._require_client().download(REMOTE_UPDATES + remote.name, partial, max_bytes=limit)
            received = partial.with_name(remote.name)
            os.replace(partial, received)
        finally:
            partial.unlink(missing_ok=True)
        return received

    def _apply(
        self,
        remote: RemoteFile,
        received: Path,
        report: RoundReport,
        progress: Progress,
        stop: Cancelled,
    ) -> None:
        made_at = _acknowledgement_made_at(received)
        try:
            outcome = apply_update(self.db, received, progress=progress, is_cancelled=stop)
        except _refusals() as refusal:
            report.update_errors.append({"name": remote.name, "error": str(refusal)})
            return
        except _cancelled_import():
            return  # the round stops; the same file is fetched again next time
        finally:
            received.unlink(missing_ok=True)
        report.updates.append({"name": remote.name, **outcome})
        if outcome["kind"] == "directory":
            report.directory_installed = True
        if outcome.get("acked_seq") is not None:
            last_ack = {"at": self.clock().isoformat(), "acked_seq": outcome["acked_seq"]}
            _update_state(self.db, last_ack=last_ack)
            self._check_delivered(int(outcome["acked_seq"]), made_at)

    def _check_delivered(self, acked: int, made_at: datetime | None) -> None:
        """An acknowledgement made after a delivery that still lacks delivered events: the
        server lost the file (or someone removed it): the next bundle starts again after the
        acknowledgement, so nothing is lost."""
        delivered = transport_state(self.db)["delivered"]
        at = _moment(delivered["at"])
        if made_at is None or at is None or made_at <= at or acked >= int(delivered["seq"]):
            return
        _update_state(self.db, delivered={"seq": acked, "at": delivered["at"]}, queued_seq=acked)

    def _fetch_failed(self, message: str) -> None:
        fetch = transport_state(self.db)["fetch"]
        attempts = int(fetch["attempts"]) + 1
        next_at = self.clock() + self.policy.delay(attempts, self.rng)
        fetch = {"attempts": attempts, "next_at": next_at.isoformat(), "last_error": message}
        _update_state(self.db, fetch=fetch)

    def _postpone_fetch(self, until: datetime, message: str) -> None:
        fetch = transport_state(self.db)["fetch"]
        fetch = {**fetch, "next_at": until.isoformat(), "last_error": message}
        _update_state(self.db, fetch=fetch)

    def _fetch_succeeded(self) -> None:
        next_at = (self.clock() + self.fetch_interval).isoformat()
        _update_state(self.db, fetch={"attempts": 0, "next_at": next_at, "last_error": None})

    # --- helpers ------------------------------------------------------------------------------

    def _require_client(self) -> WebDavClient:
        assert self._client is not None, "only during a round"
        return self._client

    def _scratch(self, name: str) -> Path:
        folder = self.data_dir / INBOX_DIR
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder / name

    def _note_round(self, report: RoundReport) -> None:
        message = report.error or next(
            (f["error"] for f in report.failed + report.update_errors), None
        )
        changes: dict[str, Any] = {
            "last_round": {"at": report.at.isoformat(), "ok": report.ok, "message": message}
        }
        if report.error is None and not report.cancelled:
            changes["last_success_at"] = report.at.isoformat()
        _update_state(self.db, **changes)


def _acknowledgement_made_at(path: Path) -> datetime | None:
    """When the coordinator wrote an acknowledgement file (None for anything else)."""
    import json

    if not path.name.endswith(ACK_SUFFIX):
        return None
    try:
        moment = datetime.fromisoformat(json.loads(path.read_bytes())["created_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _either(first: Cancelled | None, second: Cancelled) -> Cancelled:
    return (lambda: first() or second()) if first is not None else second


def _fork_name(item: QueueItem) -> str:
    """Where other bytes under the same bundle number go: beside it, for the coordinator to see
    the fork (a desk restored from an old backup numbers its bundles again)."""
    stem = item.name.removesuffix(BUNDLE_SUFFIX)
    return f"{stem}-{item.sha256[:12]}{BUNDLE_SUFFIX}"


def _wanted(
    listing: list[RemoteFile], desk_id: str, fetched: dict[str, str]
) -> tuple[list[RemoteFile], list[RemoteFile]]:
    """This desk's acknowledgement and the directory snapshots, those that changed since read."""
    files = [f for f in listing if not f.is_folder and fetched.get(f.name) != f.fingerprint()]
    acks = [f for f in files if f.name == f"{desk_id}{ACK_SUFFIX}"]
    directories = sorted(
        (f for f in files if f.name.endswith(DIRECTORY_SUFFIX)),
        key=lambda f: (_http_date(f.modified), f.name),
        reverse=True,  # the likeliest newest first; every one is still compared
    )
    return acks, directories


def _http_date(text: str | None) -> datetime:
    earliest = datetime.min.replace(tzinfo=UTC)
    try:
        moment = parsedate_to_datetime(text) if text else earliest
    except (TypeError, ValueError):
        return earliest
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
