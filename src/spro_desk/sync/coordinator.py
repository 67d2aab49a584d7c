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
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlmodel import Session, col, func, select

from spro_desk.storage.engine import Database
from spro_desk.storage.tables import ReceivedEvent, RegisteredDesk, SyncAlert
from spro_desk.sync.bundle_opening import (
    BundleOpener,
    BundleRefused,
    OpenedBundle,
    encryption_identities,
)
from spro_desk.sync.identity import REGISTRATION_FORMAT
from spro_desk.sync.merged import record_desk, start_watermark
from spro_desk.sync.reader_process import opened_in_order


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


# --- reading the bundles ------------------------------------------------------------------


def _opener(db: Database, data_dir: Path) -> BundleOpener:
    """The coordinator's keys and the registered desks, read once for the batch."""
    with db.session() as session:
        desks = {
            d.desk_id: (d.public_key, d.revoked) for d in session.exec(select(RegisteredDesk)).all()
        }
    return BundleOpener(encryption_identities(data_dir), desks)


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
    opened = opened_in_order(_opener(db, data_dir), data_dir, paths)
    try:
        accepted = _accepted(opened, results, len(paths), progress, is_cancelled)
        while _apply_batch(db, accepted, results):
            pass
    finally:
        opened.close()  # stops the reading worker, whatever happened
    if progress is not None and len(results) == len(paths):
        progress("", len(paths), len(paths))
    return [results[index] for index in sorted(results)]


_Accepted = tuple[int, Path, OpenedBundle]


def _accepted(
    opened: Iterator[tuple[int, Path, OpenedBundle | BundleRefused]],
    results: dict[int, ImportResult],
    total: int,
    progress: Progress | None,
    is_cancelled: Callable[[], bool] | None,
) -> Iterator[_Accepted]:
    """The bundles that opened, in order; refusals go straight to `results`."""
    for index, path, bundle in opened:
        if is_cancelled is not None and is_cancelled():
            return
        if progress is not None:
            progress(path.name, index, total)
        if isinstance(bundle, BundleRefused):
            results[index] = (path, bundle)
        else:
            yield index, path, bundle


class _BundleFailed(Exception):
    """A bundle failed while applied with the others of its batch (see `_apply_batch`)."""


_APPLY_FAULTS = (KeyError, TypeError, ValueError, AttributeError, sqlite3.IntegrityError)


def _apply_batch(
    db: Database, accepted: Iterator[_Accepted], results: dict[int, ImportResult]
) -> bool:
    """Apply the next bundles in one transaction, each as soon as it is opened (the worker
    opens the following ones meanwhile), up to the batch's bounds; whether more may follow.

    A bundle that fails while applied must leave no trace and spare the others; a savepoint
    per bundle would cost a statement journal per bundle for a failure the opening checks
    (sync.bundle_opening) make exceptional, so the batch is first applied without, and only
    when one bundle fails is it applied again, each bundle in its savepoint.
    """
    first = next(accepted, None)
    if first is None:
        return False
    applied: list[_Accepted] = []
    held = 0
    try:
        with db.transaction() as session:
            connection = _driver(session)
            start_watermark(connection)  # before any event is stored: see sync.merged
            for index, path, bundle in itertools.chain((first,), accepted):
                applied.append((index, path, bundle))
                try:
                    results[index] = (path, _apply_bundle(connection, bundle))
                except _APPLY_FAULTS as error:
                    raise _BundleFailed from error  # rolls the whole batch back
                held += len(bundle.rows)
                if len(applied) >= BATCH_BUNDLES or held >= BATCH_EVENTS:
                    return True
            return False
    except _BundleFailed:
        results.update(_apply_each_in_a_savepoint(db, applied))
        return True


def _driver(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session (the import writes with it, in its transaction)."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _apply_each_in_a_savepoint(
    db: Database, batch: list[tuple[int, Path, OpenedBundle]]
) -> dict[int, ImportResult]:
    results: dict[int, ImportResult] = {}
    with db.transaction() as session:
        connection = _driver(session)
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


def _apply_bundle(connection: sqlite3.Connection, opened: OpenedBundle) -> ImportOutcome:
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
    connection: sqlite3.Connection, outcome: ImportOutcome, opened: OpenedBundle, now: str
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
