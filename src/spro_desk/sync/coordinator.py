"""The coordinator's side of the bundles: register desks, import their bundles, report.

A bundle is applied only once decrypted, signed by a registered desk and consistent with its
own manifest; it is applied atomically (a savepoint), and the bundles of one batch share a
commit: with synchronous=FULL a commit is an fsync, which a bundle per transaction would pay
hundreds of times per import (bench/bench_sync.py). An event already stored with the same content
counts as a duplicate, the same id with other content is quarantined, never overwritten; a
reused bundle number or a broken hash chain raises a fork alert; holes in a desk's sequence
are kept as gap alerts.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import queue
import sqlite3
import tarfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlmodel import Session, col, func, select

from spro_desk.reports.merged import mergeable, record_desk, start_watermark
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import ReceivedEvent, RegisteredDesk, SyncAlert
from spro_desk.sync.bundle import BUNDLE_FORMAT, EVENTS_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER
from spro_desk.sync.coordinator_identity import encryption_identities
from spro_desk.sync.identity import REGISTRATION_FORMAT
from spro_desk.sync.signing import signature_valid

MAX_BUNDLE_BYTES = 256 * 1024 * 1024  # age does not compress: plaintext ≈ file size
MAX_MEMBER_BYTES = {MANIFEST_MEMBER: 1024 * 1024, SIGNATURE_MEMBER: 1024}


class BundleRefused(ValueError):
    """The bundle (or registration) is refused as a whole; nothing was changed."""


@dataclass
class ImportOutcome:
    desk_id: str
    bundle_seq: int
    events_new: int = 0
    events_duplicate: int = 0
    quarantined: int = 0
    alerts: list[str] = field(default_factory=list)


# --- registering desks ---------------------------------------------------------------------


def register_desk(db: Database, path: Path) -> RegisteredDesk:
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise BundleRefused(f"Fichier d'enregistrement illisible : {path.name}.") from error
    if not isinstance(document, dict) or document.get("format") != REGISTRATION_FORMAT:
        raise BundleRefused("Ce fichier n'est pas un enregistrement de poste SPRO Desk.")
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(document["public_key"]))
        desk = RegisteredDesk(
            desk_id=str(document["desk_id"]),
            public_key=str(document["public_key"]),
            site_nom=str(document["site_nom"]),
            reseau=str(document["reseau"]),
            commune=str(document["commune"]),
            registered_at=datetime.now(UTC),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise BundleRefused("Enregistrement de poste incomplet ou clé invalide.") from error
    with db.transaction() as session:
        known = session.get(RegisteredDesk, desk.desk_id)
        if known is not None and known.public_key != desk.public_key:
            raise BundleRefused(
                f"Le poste {desk.desk_id} est déjà enregistré avec une autre clé : refusé."
            )
        if known is None:
            session.add(desk)
    return desk


def revoke_desk(db: Database, desk_id: str) -> RegisteredDesk:
    """A lost or stolen desk: its bundles are refused from now on (what was received stays)."""
    with db.transaction() as session:
        desk = session.get(RegisteredDesk, desk_id)
        if desk is None:
            raise BundleRefused(f"Poste inconnu : {desk_id}.")
        desk.revoked = True
        session.add(desk)
    return desk


# --- reading a bundle ----------------------------------------------------------------------


def _members(archive: bytes) -> dict[str, bytes]:
    """The three expected regular files, with bounded sizes; anything else is refused.

    Headers are read one by one and reading stops at the fourth: an archive of a million
    entries costs no more than one of four.
    """
    expected = {MANIFEST_MEMBER, SIGNATURE_MEMBER, EVENTS_MEMBER}
    contents: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
            while (member := tar.next()) is not None:
                if member.name not in expected - contents.keys() or not member.isreg():
                    raise BundleRefused(
                        "Contenu inattendu dans l'envoi (fichier en trop ou étranger)."
                    )
                if member.size > MAX_MEMBER_BYTES.get(member.name, MAX_BUNDLE_BYTES):
                    raise BundleRefused(f"« {member.name} » est anormalement volumineux.")
                extracted = tar.extractfile(member)
                contents[member.name] = extracted.read() if extracted else b""
    except (tarfile.TarError, EOFError) as error:
        raise BundleRefused("Archive de l'envoi illisible.") from error
    if contents.keys() != expected:
        raise BundleRefused("L'envoi est incomplet : un fichier manque.")
    return contents


def _checked_manifest(desks: dict[str, tuple[str, bool]], members: dict[str, bytes]) -> dict:
    try:
        manifest = json.loads(members[MANIFEST_MEMBER])
    except ValueError as error:
        raise BundleRefused("Manifeste illisible.") from error
    if not isinstance(manifest, dict):
        raise BundleRefused("Manifeste illisible.")
    if manifest.get("format") != BUNDLE_FORMAT:
        raise BundleRefused(
            f"Format d'envoi non pris en charge ({manifest.get('format')}) : "
            "mettez SPRO Desk à jour côté coordination."
        )
    public_key, revoked = desks.get(str(manifest.get("desk_id")), ("", True))
    if revoked:
        raise BundleRefused(f"Poste inconnu ou révoqué : {manifest.get('desk_id')}.")
    if not signature_valid(public_key, members[SIGNATURE_MEMBER], members[MANIFEST_MEMBER]):
        raise BundleRefused("Signature du poste invalide : envoi altéré ou contrefait.")
    declared = manifest.get("members", {}).get(EVENTS_MEMBER, {})
    events = members[EVENTS_MEMBER]
    if declared != {"size": len(events), "sha256": hashlib.sha256(events).hexdigest()}:
        raise BundleRefused("Les événements ne correspondent pas au manifeste signé.")
    if not isinstance(manifest.get("bundle_seq"), int):
        raise BundleRefused("Manifeste incomplet : numéro d'envoi absent.")
    return manifest


_ENTITIES = ("contact", "referral")


def _well_formed(event: Any) -> bool:
    """What applying needs of an event (the merged state reads the payload further)."""
    return (
        type(event) is dict
        and type(event.get("id")) is str
        and type(event.get("seq")) is int
        and event["seq"] >= 1
        and event.get("entity") in _ENTITIES
        and type(event.get("entity_id")) is str
        and type(event.get("op")) is str
        and type(event.get("at")) is str
        and type(event.get("payload")) is dict
    )


def _event_rows(desk_id: str, manifest: dict[str, Any], data: bytes) -> list[tuple[Any, ...]]:
    """Each event parsed, checked and turned into its `received_event` row, here in the
    reading thread, so the writing thread only compares and inserts."""
    rows = []
    sha256 = hashlib.sha256
    for line in data.splitlines():
        try:
            # orjson: strict JSON (no NaN, no lone surrogate), and twice as fast as json for
            # the import's largest cost after the database writes.
            event = orjson.loads(line)
        except (ValueError, RecursionError) as error:
            raise BundleRefused("Événement illisible dans l'envoi.") from error
        if not _well_formed(event):
            raise BundleRefused("Événement incomplet dans l'envoi.")
        payload = event["payload"]
        if not mergeable(event["entity"], event["op"], payload):
            # what is stored must be mergeable: the indicators merge it after the commit
            raise BundleRefused("Contenu de l'envoi incohérent : refusé.")
        rows.append(
            (
                event["id"], desk_id, event["seq"], sha256(line).hexdigest(), event["entity"],
                event["entity_id"], event["op"], event["at"],
                orjson.dumps(payload).decode(),  # json.dumps: 8 times slower
            )
        )  # fmt: skip
    if len(rows) != manifest.get("events", {}).get("count"):
        raise BundleRefused("Le nombre d'événements ne correspond pas au manifeste.")
    return rows


@dataclass(frozen=True)
class _Opened:
    """A bundle decrypted and checked, ready to apply."""

    digest: str  # SHA-256 of the file as received
    manifest: dict[str, Any]
    rows: list[tuple[Any, ...]]  # its events as `received_event` rows, in file order


class _Reader:
    """Opens the bundles of one batch with the coordinator's keys and the registered desks,
    read once for the batch."""

    def __init__(self, db: Database, data_dir: Path) -> None:
        self.identities = encryption_identities(data_dir)
        with db.session() as session:
            self.desks = {
                d.desk_id: (d.public_key, d.revoked)
                for d in session.exec(select(RegisteredDesk)).all()
            }

    def open(self, path: Path) -> _Opened:
        try:
            if path.stat().st_size > MAX_BUNDLE_BYTES:
                raise BundleRefused("Envoi anormalement volumineux : refusé sans être ouvert.")
            sealed = path.read_bytes()
        except OSError as error:
            raise BundleRefused(f"Fichier illisible : {error.strerror}.") from error
        try:
            archive = pyrage.decrypt(sealed, self.identities)
        except Exception as error:  # pyrage's DecryptError and its header errors
            raise BundleRefused(
                "Envoi indéchiffrable : chiffré pour une autre clé, tronqué ou altéré."
            ) from error
        members = _members(archive)
        manifest = _checked_manifest(self.desks, members)
        rows = _event_rows(str(manifest["desk_id"]), manifest, members[EVENTS_MEMBER])
        return _Opened(hashlib.sha256(sealed).hexdigest(), manifest, rows)


# --- applying it ---------------------------------------------------------------------------

BATCH_BUNDLES = 1000  # bundles per commit at most …
BATCH_EVENTS = 100_000  # … and events held in memory at once (and a write lock of seconds)
Progress = Callable[[str, int, int], None]
ImportResult = tuple[Path, ImportOutcome | BundleRefused]


def import_bundle(db: Database, data_dir: Path, path: Path) -> ImportOutcome:
    """Import one bundle; raises BundleRefused (nothing changed) when it is refused."""
    [(_path, result)] = import_bundles(db, data_dir, [path])
    if isinstance(result, BundleRefused):
        raise result
    return result


def import_bundles(
    db: Database,
    data_dir: Path,
    paths: list[Path],
    *,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Import the bundles in order, each accepted or refused on its own, batches committed
    together; one result per path, in the order of `paths`. A cancel stops between two
    bundles (the paths not reached have no result); what was applied before it is kept."""
    results: dict[int, ImportResult] = {}
    pending: list[tuple[int, Path, _Opened]] = []
    held = 0
    for index, path, opened in _opened_ahead(_Reader(db, data_dir), paths):
        if is_cancelled is not None and is_cancelled():
            break
        if progress is not None:
            progress(path.name, index, len(paths))
        if isinstance(opened, BundleRefused):
            results[index] = (path, opened)
            continue
        pending.append((index, path, opened))
        held += len(opened.rows)
        if len(pending) >= BATCH_BUNDLES or held >= BATCH_EVENTS:
            results.update(_apply_batch(db, pending))
            pending, held = [], 0
    results.update(_apply_batch(db, pending))
    if progress is not None and len(results) == len(paths):
        progress("", len(paths), len(paths))
    return [results[index] for index in sorted(results)]


OPEN_AHEAD = 32  # bundles decrypted and parsed ahead of the one being applied


def _opened_ahead(
    reader: _Reader, paths: list[Path]
) -> Iterator[tuple[int, Path, _Opened | BundleRefused]]:
    """The bundles opened by a second thread, in order, while this one writes the previous
    ones: SQLite lets go of the GIL while it writes and syncs, so reading (decryption, JSON)
    no longer adds to writing (bench/bench_sync.py)."""
    ahead: queue.Queue[tuple[int, Path, Any] | None] = queue.Queue(maxsize=OPEN_AHEAD)
    stop = threading.Event()

    def read_all() -> None:
        for index, path in enumerate(paths):
            if stop.is_set():
                break
            try:
                item: Any = reader.open(path)
            except BaseException as error:  # a refusal, or a fault re-raised by the writer
                item = error
            ahead.put((index, path, item))
        ahead.put(None)

    thread = threading.Thread(target=read_all, name="bundle-reader", daemon=True)
    thread.start()
    try:
        while (entry := ahead.get()) is not None:
            index, path, item = entry
            if isinstance(item, BaseException) and not isinstance(item, BundleRefused):
                raise item
            yield index, path, item
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting for room, then let it end
            with contextlib.suppress(queue.Empty):
                ahead.get(timeout=0.05)
        thread.join()


class _BundleFailed(Exception):
    """A bundle failed while applied with the others of its batch (see `_apply_batch`)."""


_APPLY_FAULTS = (KeyError, TypeError, ValueError, AttributeError, sqlite3.IntegrityError)


def _apply_batch(db: Database, batch: list[tuple[int, Path, _Opened]]) -> dict[int, ImportResult]:
    """One transaction for the batch. A bundle that fails while applied must leave no trace
    and spare the others; a savepoint per bundle would cost a statement journal per bundle
    for a failure the reading thread's checks make exceptional, so the batch is first
    applied without, and only when one bundle fails is it applied again, each bundle in its
    savepoint."""
    if not batch:
        return {}
    try:
        with db.transaction() as session:
            connection = session.connection().connection.driver_connection
            start_watermark(connection)  # before any event is stored: see reports.merged
            results: dict[int, ImportResult] = {}
            for index, path, opened in batch:
                try:
                    results[index] = (path, _apply_bundle(connection, opened))
                except _APPLY_FAULTS as error:
                    raise _BundleFailed from error  # rolls the whole batch back
            return results
    except _BundleFailed:
        return _apply_each_in_a_savepoint(db, batch)


def _apply_each_in_a_savepoint(
    db: Database, batch: list[tuple[int, Path, _Opened]]
) -> dict[int, ImportResult]:
    results: dict[int, ImportResult] = {}
    with db.transaction() as session:
        connection = session.connection().connection.driver_connection
        start_watermark(connection)
        for index, path, opened in batch:
            connection.execute("SAVEPOINT bundle")
            try:
                outcome = _apply_bundle(connection, opened)
            except _APPLY_FAULTS:
                connection.execute("ROLLBACK TO bundle")
                connection.execute("RELEASE bundle")
                refused = BundleRefused("Contenu de l'envoi incohérent : refusé.")
                results[index] = (path, refused)
                continue
            connection.execute("RELEASE bundle")
            results[index] = (path, outcome)
    return results


def _sql_utc(moment: datetime) -> str:
    """The layout SQLAlchemy's SQLite DateTime reads back: naive UTC with microseconds."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _apply_bundle(connection: sqlite3.Connection, opened: _Opened) -> ImportOutcome:
    manifest, rows = opened.manifest, opened.rows
    outcome = ImportOutcome(str(manifest["desk_id"]), int(manifest["bundle_seq"]))
    run = connection.execute
    if run("SELECT 1 FROM received_bundle WHERE sha256 = ?", (opened.digest,)).fetchone():
        outcome.events_duplicate = len(rows)
        return outcome
    now = _sql_utc(datetime.now(UTC))
    _check_chain(connection, manifest, outcome, now)
    _store_events(connection, outcome, opened, now)
    run(
        "INSERT INTO received_bundle (sha256, desk_id, bundle_seq, previous_sha256, received_at, "
        "events) VALUES (?, ?, ?, ?, ?, ?)",
        (
            opened.digest, outcome.desk_id, outcome.bundle_seq,
            manifest.get("previous_bundle_sha256"), now, len(rows),
        ),
    )  # fmt: skip
    _record_gaps(connection, outcome, now)
    # The indicators' merged tables are a view of the stored events, brought up to date after
    # the commit (reports.merged.catch_up_merged_state); what the desk says of itself
    # (its directory's age) is in no event, so it is kept here.
    record_desk(connection, outcome.desk_id, manifest)
    return outcome


def _alert(
    connection: sqlite3.Connection,
    outcome: ImportOutcome,
    kind: str,
    detail: dict[str, Any],
    now: str,
) -> None:
    connection.execute(
        "INSERT INTO sync_alert (desk_id, kind, detail, raised_at) VALUES (?, ?, ?, ?)",
        (outcome.desk_id, kind, json.dumps(detail), now),
    )
    outcome.alerts.append(kind)


def _check_chain(
    connection: sqlite3.Connection, manifest: dict[str, Any], outcome: ImportOutcome, now: str
) -> None:
    query = "SELECT sha256 FROM received_bundle WHERE desk_id = ? AND bundle_seq = ?"
    if connection.execute(query, (outcome.desk_id, outcome.bundle_seq)).fetchone():
        # a desk restored from an old backup numbers again
        detail = {"bundle_seq": outcome.bundle_seq, "reason": "numéro réutilisé"}
        _alert(connection, outcome, "fork", detail, now)
        return
    previous = connection.execute(query, (outcome.desk_id, outcome.bundle_seq - 1)).fetchone()
    if previous is not None and previous[0] != manifest.get("previous_bundle_sha256"):
        detail = {"bundle_seq": outcome.bundle_seq, "reason": "chaîne rompue"}
        _alert(connection, outcome, "fork", detail, now)


def _stored_contents(connection: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    stored: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, content_sha256 FROM received_event WHERE id IN ({marks})"
        stored.update(connection.execute(query, chunk).fetchall())
    return stored


def _store_events(
    connection: sqlite3.Connection, outcome: ImportOutcome, opened: _Opened, now: str
) -> None:
    """New events stored; the same content again counted; the same id with other content
    quarantined, never overwritten."""
    rows = opened.rows
    stored = _stored_contents(connection, [row[0] for row in rows])
    if not stored and len({row[0] for row in rows}) == len(rows):
        new = rows  # the usual case: nothing of this bundle was received before
    else:
        new = []
        for row in rows:
            known = stored.get(row[0])
            if known == row[3]:
                outcome.events_duplicate += 1
            elif known is not None:
                outcome.quarantined += 1
                detail = {"event_id": row[0], "seq": row[2], "event": _event_of(row)}
                _alert(connection, outcome, "quarantine", detail, now)
            else:
                stored[row[0]] = row[3]
                new.append(row)
    connection.executemany(
        "INSERT INTO received_event (id, desk_id, seq, content_sha256, entity, entity_id, op, "
        "at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        new,
    )
    outcome.events_new += len(new)


_ROW_FIELDS = ("id", "desk_id", "seq", "content_sha256", "entity", "entity_id", "op", "at")


def _event_of(row: tuple[Any, ...]) -> dict[str, Any]:
    """The event a `received_event` row was made of, to show a quarantined one."""
    event = dict(zip(_ROW_FIELDS, row, strict=False))
    del event["desk_id"], event["content_sha256"]
    return {**event, "payload": orjson.loads(row[8])}


def desk_gaps(session: Session, desk_id: str) -> list[int]:
    seqs = session.exec(select(ReceivedEvent.seq).where(ReceivedEvent.desk_id == desk_id)).all()
    present = set(seqs)
    return [n for n in range(1, max(present, default=0) + 1) if n not in present]


def _record_gaps(connection: sqlite3.Connection, outcome: ImportOutcome, now: str) -> None:
    connection.execute(
        "DELETE FROM sync_alert WHERE desk_id = ? AND kind = 'gap'", (outcome.desk_id,)
    )
    count, top = connection.execute(
        "SELECT COUNT(DISTINCT seq), MAX(seq) FROM received_event WHERE desk_id = ?",
        (outcome.desk_id,),
    ).fetchone()
    if not top or count == top:  # sequence numbers start at 1: as many as the last, no hole
        return
    present = {
        seq
        for (seq,) in connection.execute(
            "SELECT seq FROM received_event WHERE desk_id = ?", (outcome.desk_id,)
        )
    }
    missing = [n for n in range(1, top + 1) if n not in present]
    _alert(connection, outcome, "gap", {"missing": missing[:1000], "count": len(missing)}, now)


# --- what the coordinator sees -------------------------------------------------------------


def coordinator_status(db: Database) -> dict[str, Any]:
    with db.session() as session:
        desks = session.exec(select(RegisteredDesk)).all()
        alerts = session.exec(select(SyncAlert).order_by(col(SyncAlert.pk))).all()

        def distinct(entity: str) -> int:
            query = select(func.count(func.distinct(ReceivedEvent.entity_id))).where(
                ReceivedEvent.entity == entity
            )
            return session.exec(query).one()

        return {
            "desks": [
                {"desk_id": d.desk_id, "site_nom": d.site_nom, "revoked": d.revoked} for d in desks
            ],
            "contacts": distinct("contact"),
            "referrals": distinct("referral"),
            "gaps": [{"desk_id": a.desk_id, **a.detail} for a in alerts if a.kind == "gap"],
            "alerts": [{"desk_id": a.desk_id, "kind": a.kind} for a in alerts if a.kind != "gap"],
        }
