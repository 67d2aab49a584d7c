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
import functools
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from spro_desk.agents.coordination_accounts import Permission, require_coordination
from spro_desk.agents.coordination_audit import record_action
from spro_desk.collector import collector_paused
from spro_desk.storage.coordination_tables import RegisteredDesk, SyncAlert, SyncAlertLog
from spro_desk.storage.dialects import execute_many, insert_rows, postgresql, run_raw, run_raw_in
from spro_desk.storage.engine import Database
from spro_desk.sync import indicator_summary
from spro_desk.sync.bundle_opening import (
    BundleKeys,
    BundleOpener,
    BundleRefused,
    OpenedBundle,
    bundle_keys,
    encryption_identities,
)
from spro_desk.sync.identity import REGISTRATION_FORMAT
from spro_desk.sync.merged import (
    merge_stored,
    merged_state_current,
    record_desk,
    record_desks,
    start_watermark,
)
from spro_desk.sync.merged_rows import PreparedEvent
from spro_desk.sync.reader_process import opened_in_order

# Each statement's TextClause made once: building one parses it and recomputes its cache key,
# more than the statement itself costs SQLite (500 bundles: thousands of statements).
_sql = functools.cache(text)


@dataclass
class ImportOutcome:
    desk_id: str
    bundle_seq: int
    events_new: int = 0
    events_duplicate: int = 0
    quarantined: int = 0
    refused: int = 0  # events naming another desk's contacts or referrals
    alerts: list[str] = field(default_factory=list)
    events_merged: int = 0  # new events merged into the indicators by the import itself


# --- registering desks ---------------------------------------------------------------------


def register_desk(db: Database, path: Path) -> RegisteredDesk:
    require_coordination(db, Permission.MANAGE_DESKS, f"enregistrer un poste ({path.name})")
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
        if known is not None and known.revoked:
            raise BundleRefused(
                f"Le poste {desk.desk_id} ({known.site_nom}) a été révoqué : l'enregistrer à "
                "nouveau ne suffit pas. Pour le réintégrer délibérément : « spro-desk "
                f"coordinator reinstate {desk.desk_id} --note MOTIF »."
            )
        if known is None:
            session.add(desk)
            target = f"{desk.desk_id} ({desk.site_nom})"
            record_action(db, None, "enregistrement-poste", target, session=session)
    return desk


def reinstate_desk(db: Database, desk_id: str, note: str) -> RegisteredDesk:
    """Take a revoked desk back, deliberately: its bundles are accepted again (what it sent
    while revoked is resent by its next bundle). Kept in the audit trail with its note."""
    require_coordination(db, Permission.MANAGE_DESKS, f"réintégrer le poste {desk_id}")
    if not note.strip():
        raise BundleRefused("Réintégration refusée : indiquez son motif (--note).")
    with db.transaction() as session:
        desk = session.get(RegisteredDesk, desk_id)
        if desk is None:
            raise BundleRefused(f"Poste inconnu : {desk_id}.")
        if not desk.revoked:
            raise BundleRefused(f"Le poste {desk_id} n'est pas révoqué : rien à réintégrer.")
        desk.revoked = False
        session.add(desk)
        session.add(
            SyncAlertLog(
                alert_pk=0, at=datetime.now(UTC), action=f"reinstated:{desk_id}", note=note.strip()
            )
        )
        target = f"{desk_id} ({desk.site_nom})"
        record_action(db, None, "reintegration-poste", target, note, session=session)
    return desk


def revoke_desk(db: Database, desk_id: str) -> RegisteredDesk:
    """A lost or stolen desk: its bundles are refused from now on (what was received stays)."""
    require_coordination(db, Permission.MANAGE_DESKS, f"révoquer le poste {desk_id}")
    with db.transaction() as session:
        desk = session.get(RegisteredDesk, desk_id)
        if desk is None:
            raise BundleRefused(f"Poste inconnu : {desk_id}.")
        desk.revoked = True
        session.add(desk)
        session.add(SyncAlertLog(alert_pk=0, at=datetime.now(UTC), action=f"revoked:{desk_id}",
                                 note=""))  # fmt: skip
        target = f"{desk_id} ({desk.site_nom})"
        record_action(db, None, "revocation-poste", target, session=session)
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
# A colleague's import of the same drop may hold the write lock for a few batches: wait for
# it (its events are then counted as duplicates here) rather than fail after 5 seconds.
IMPORT_WAIT_S = 600.0
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
    require_coordination(db, Permission.IMPORT)
    results: dict[int, ImportResult] = {}
    opened = opened_in_order(_opener(db, data_dir), data_dir, paths)
    try:
        accepted = _accepted(opened, results, len(paths), progress, is_cancelled)
        with collector_paused():
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


_APPLY_FAULTS = (KeyError, TypeError, ValueError, AttributeError, IntegrityError)


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
        with (
            db.transaction(wait_s=IMPORT_WAIT_S) as session,
            _batch_cache(db, session) as connection,
        ):
            start_watermark(connection)  # before any event is stored: see sync.merged
            # When the merged state is current, the batch's events are merged in its own
            # transaction, from memory; else the catch-up merges them (sync.merged).
            batch = _Batch(_desks_with_gaps(connection), pending=_pending_for(connection))
            current = merged_state_current(connection)
            merging = _Merging(connection, batch.pending is not None) if current else None
            more = False
            for index, path, bundle in itertools.chain((first,), accepted):
                applied.append((index, path, bundle))
                stored = merging.stored if merging is not None else None
                entities = merging.entities if merging is not None else None
                flushed = False
                try:
                    outcome = _apply_bundle(connection, bundle, stored, batch, entities)
                    results[index] = (path, outcome)
                    if merging is not None:
                        merging.note_counts(bundle, outcome)
                    if batch.pending is not None and batch.pending.full():
                        batch.pending.flush(connection)
                        flushed = True
                except _APPLY_FAULTS as error:
                    raise _BundleFailed from error  # rolls the whole batch back
                held += len(bundle.rows)
                if merging is not None:
                    merging = merging.after(index, results, final=False, flushed=flushed)
                if flushed and batch.pending is not None:
                    _analyse_merged_once(connection, batch.pending)
                if len(applied) >= BATCH_BUNDLES or held >= BATCH_EVENTS:
                    more = True
                    break
            try:
                if batch.pending is not None:
                    batch.pending.flush(connection)
                record_desks(connection, batch.desks)
            except _APPLY_FAULTS as error:
                raise _BundleFailed from error
            if merging is not None:
                merging.after(None, results, final=True)
            return more
    except _BundleFailed:
        results.update(_apply_each_in_a_savepoint(db, applied))
        return True


# Events of a batch merged together (sync.merged.merge_stored) while the reading worker opens
# the next bundles: merged all at the batch's end instead, they kept the writer busy after the
# worker had finished, and it idle while waiting for the worker before.
MERGE_EVERY = 4_000


def _merge_every(connection: Connection) -> int | None:
    """Events merged together during a batch on SQLite; None on a server, where a batch
    merges each time it sends the writes it held back (`_Pending.flush`): merging needs them stored,
    and the server then writes the merged rows while the reading worker opens the next
    bundles (BENCHMARKS.md, branches issue-i19k and issue-i19l)."""
    return MERGE_EVERY if connection.dialect.name == "sqlite" else None


def _analyse_merged_once(connection: Connection, pending: _Pending) -> None:
    """After a server's batch first merged what it sent, the planner learns of the merged
    tables (analysed empty, or never, a prepared look-up keeps a full-scan plan: an import
    about 5× slower)."""
    if not pending.merged_analysed:
        for table, columns in _MERGE_LOOKS_UP:
            postgresql.analyse_if_unknown(connection, table, columns)
        pending.merged_analysed = True


# The columns a merge's look-ups filter on (sync.merged, sync.indicator_summary): the
# planner's statistics of a first import (`postgresql.analyse_if_unknown`).
_MERGE_LOOKS_UP = (
    ("merged_contact", ("id",)),
    ("merged_referral", ("id", "contact_id", "contact_day", "desk_id")),
)
# … and those of `_look_up`, of the gaps' counts and of the catch-up's reading (rowid: without
# its statistics the catch-up after the import read the whole table, 0.08 s instead of 0.01 s)
_IMPORT_LOOKS_UP = ("id", "entity_id", "desk_id", "seq", "rowid")


@dataclass
class _Merging:
    """The batch's stored events not merged yet, and the bundles they came from. Merged every
    `_merge_every` events and at the batch's end, each time in the import's transaction; should
    one merge fail, the rest of the batch is left to the catch-up (the watermark stands after
    the last events merged)."""

    connection: Connection
    # A server's batch holds its writes back (`_Pending`): its events can only be merged once
    # sent, so it merges at each flush instead of every `_merge_every` events.
    holds_back: bool
    stored: list[PreparedEvent] = field(default_factory=list)
    bundles: list[int] = field(default_factory=list)
    entities: _Entities = field(default_factory=lambda: _Entities())
    # The indicators' summary's change, written once at the batch's end: each merge's own
    # upsert of a few thousand summary rows was a round trip each on a server.
    summary: Counter[indicator_summary.Key] = field(default_factory=Counter)
    # The stored bundles' own summary counts (`merged_rows.bundle_counts`, counted by the
    # reading worker), summed for the next merge: counting its 40,000 contact rows again
    # was a twentieth of the importing process's work (bench/import_instructions.py). None
    # once a bundle was stored in part: the merge then counts its rows itself.
    counted: Counter[indicator_summary.Key] | None = field(default_factory=Counter)
    entities_counted: int = 0

    def note_counts(self, opened: OpenedBundle, outcome: ImportOutcome) -> None:
        """`opened` applied: its counts added when every one of its events was stored."""
        if self.counted is None or not outcome.events_new:
            return
        if opened.counts is None or outcome.events_new != len(opened.rows):
            self.counted = None
            return
        entities, counts = opened.counts
        self.entities_counted += entities
        self.counted.update(counts)

    def after(
        self,
        index: int | None,
        results: dict[int, ImportResult],
        *,
        final: bool,
        flushed: bool = False,
    ) -> _Merging | None:
        """Note bundle `index` applied, merge when enough events wait, when a server's batch
        has just sent its held-back writes (`flushed`) or at the batch's end (`final`); the
        merging to go on with, None once a merge failed."""
        if index is not None:
            self.bundles.append(index)
        every = None if self.holds_back else _merge_every(self.connection)
        due = final or flushed or (every is not None and len(self.stored) >= every)
        if not due:
            return self
        fresh = self.entities.unseen - self.entities.seen
        counts = None if self.counted is None else (self.entities_counted, self.counted)
        done = merge_stored(self.connection, self.stored, self.summary, fresh, counts)
        if final or not done:  # what the merges done so far changed, written once
            indicator_summary.add(self.connection, self.summary)
            self.summary = Counter()
        if not done:
            return None
        for index in self.bundles:
            outcome = results[index][1]
            if isinstance(outcome, ImportOutcome):
                outcome.events_merged = outcome.events_new
        self.stored, self.bundles, self.entities = [], [], _Entities()
        self.counted, self.entities_counted = Counter(), 0
        return self


@dataclass
class _Entities:
    """The entities of the events stored since the last merge, as their look-up before they
    were stored found them: `seen`, some event of theirs was received before; `unseen`, none
    (the merged state, a view of the received events, has no row of theirs: not looked up)."""

    seen: set[str] = field(default_factory=set)
    unseen: set[str] = field(default_factory=set)

    def note(
        self, rows: list[tuple[Any, ...]], received: set[str], own: list[str] | None = None
    ) -> None:
        """`rows` stored; `received`: the entities of which events were received before;
        `own`: the entities of `rows`, when known."""
        if own is None:
            own = [row[5] for row in rows]
        if not received:  # the usual case: a bundle of new entities
            self.unseen.update(own)
            return
        for entity_id in own:
            (self.seen if entity_id in received else self.unseen).add(entity_id)


@dataclass
class _Batch:
    """What a batch applied without savepoints writes once at its end, or skips: the desks'
    own words (`record_desks`), and the gap alerts' removal for desks that have none (each
    a round trip per bundle on a server). A bundle applied in its own savepoint has none:
    a savepoint rolled back would leave this out of step with the database."""

    gap_desks: set[str]  # desks with a gap alert, kept up to date by the batch
    desks: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    pending: _Pending | None = None  # on a server: the writes held back (see `_Pending`)


# Events held back on a server before they are sent in one COPY: the server inserts them while
# the reading worker opens the next bundles, in memory bounded well below BATCH_EVENTS.
FLUSH_EVENTS = 10_000
FLUSH_BUNDLES = 200


def _pending_for(connection: Connection) -> _Pending | None:
    """On PostgreSQL each statement is a round trip to the server (a wake-up of its process):
    a batch holds its writes back (`_Pending`). SQLite answers in the process: nothing held."""
    return _Pending() if connection.dialect.name == "postgresql" else None


@dataclass
class _Pending:
    """What a batch on a server has stored but not yet sent: its events, bundles and the
    access-log witnesses of its desks, sent together by `flush` (one COPY per table, instead
    of seven round trips per bundle). Until then every look-up of the batch's bundles reads the
    database *and* these (`_look_up`): the same verdicts as writing bundle by bundle. What is
    rarely needed and costly to follow here (a gap's missing runs, a desk's branches) is read
    after a flush."""

    events: list[tuple[Any, ...]] = field(default_factory=list)
    bundles: list[tuple[Any, ...]] = field(default_factory=list)  # received_bundle rows
    digests: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # … by their SHA-256
    bundles_of: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)  # … by desk
    witnesses: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    contents: dict[str, str] = field(default_factory=dict)  # event id → content's digest
    owners: dict[str, str] = field(default_factory=dict)  # entity id → the desk that wrote it
    # desk → its sequence numbers held here that the database does not have
    numbers: dict[str, set[int]] = field(default_factory=dict)
    analysed: bool = False  # the events' statistics checked after the first COPY
    merged_analysed: bool = False  # the merged tables' too, after the first merge

    def add_events(self, desk_id: str, rows: list[tuple[Any, ...]], stored: set[int]) -> None:
        """`rows` stored for `desk_id`; `stored`: the desk's numbers the database has."""
        self.events.extend(rows)
        numbers = self.numbers.setdefault(desk_id, set())
        for row in rows:
            self.contents[row[0]] = row[3]
            self.owners.setdefault(row[5], desk_id)
            if row[2] not in stored:
                numbers.add(row[2])

    def add_bundle(self, row: tuple[Any, ...]) -> None:
        self.bundles.append(row)
        self.digests[row[0]] = row
        self.bundles_of.setdefault(row[1], []).append(row)

    def full(self) -> bool:
        return len(self.events) >= FLUSH_EVENTS or len(self.bundles) >= FLUSH_BUNDLES

    def flush(self, connection: Connection) -> None:
        insert_rows(connection, "received_event", _EVENT_COLUMNS, self.events)
        if self.events and not self.analysed:
            postgresql.analyse_if_unknown(connection, "received_event", _IMPORT_LOOKS_UP)
            self.analysed = True
        insert_rows(connection, "received_bundle", _BUNDLE_COLUMNS, self.bundles)
        witnesses = [(desk_id, *held) for desk_id, held in self.witnesses.items()]
        execute_many(connection, _WITNESS_UPSERT, witnesses)
        for held in (self.events, self.bundles):
            held.clear()
        kept: dict[str, Any]
        for kept in (self.digests, self.bundles_of, self.witnesses, self.contents, self.owners,
                     self.numbers):  # fmt: skip
            kept.clear()


@dataclass
class _LookedUp:
    """What the database and the batch's held writes say of a bundle before it is stored."""

    bundles: list[tuple[Any, ...]]  # (sha256, desk, manifest's, number) as `_apply_bundle` reads
    stored: dict[str, str]
    owners: dict[str, str]
    contact_of: dict[str, str]
    numbers_stored: set[int]  # the bundle's sequence numbers the database has for the desk
    numbers: int  # the desk's distinct numbers and the highest, in the database
    top: int | None
    witness: tuple[Any, ...] | None


# One round trip for every look-up of a bundle (PostgreSQL only: ids as JSON arrays).
_LOOK_UP = (
    "SELECT 'b', sha256, desk_id, manifest_sha256, CAST(bundle_seq AS TEXT), NULL "
    "FROM received_bundle WHERE sha256 = ? OR (desk_id = ? AND (manifest_sha256 = ? "
    "OR bundle_seq IN (?, ?))) "
    "UNION ALL SELECT 's', id, content_sha256, NULL, NULL, NULL FROM received_event "
    f"WHERE id {postgresql.TEXT_LIST} "
    "UNION ALL SELECT 'o', entity_id, desk_id, NULL, NULL, NULL FROM received_event "
    f"WHERE entity_id {postgresql.TEXT_LIST} AND desk_id != ? "
    "UNION ALL SELECT 'q', CAST(seq AS TEXT), NULL, NULL, NULL, NULL FROM received_event "
    f"WHERE desk_id = ? AND seq {postgresql.INTEGER_LIST} "
    "UNION ALL SELECT 'n', CAST(COUNT(DISTINCT seq) AS TEXT), CAST(MAX(seq) AS TEXT), NULL, "
    "NULL, NULL FROM received_event WHERE desk_id = ? "
    "UNION ALL SELECT 'w', branch, CAST(audit_seq AS TEXT), audit_mac, "
    "CAST(bundle_seq AS TEXT), bundle_created_at FROM audit_witness WHERE desk_id = ?"
)


def _look_up(connection: Connection, pending: _Pending, opened: OpenedBundle) -> _LookedUp:
    """`_apply_bundle`'s bundle look-up, `_known_events` and `_desk_state` in one statement,
    each completed by what the batch holds back."""
    desk, seq = str(opened.manifest["desk_id"]), int(opened.manifest["bundle_seq"])
    rows = opened.rows
    contact_of, entity_ids = _keys_of(opened)[:2]
    event_ids = [row[0] for row in rows]
    ids, entities = postgresql.json_list(event_ids), postgresql.json_list(entity_ids)
    numbers = postgresql.json_list(sorted({row[2] for row in rows}))
    found = run_raw(
        connection,
        _LOOK_UP,
        (opened.digest, desk, opened.manifest_digest, seq, seq - 1, ids, entities, desk, desk,
         numbers, desk, desk),
    )  # fmt: skip
    looked = _LookedUp([], {}, {}, contact_of, set(), 0, None, None)
    for kind, first, second, third, fourth, fifth in found:
        if kind == "b":
            looked.bundles.append((first, second, third, int(fourth)))
        elif kind == "s":
            looked.stored[first] = second
        elif kind == "o":
            looked.owners[first] = second
        elif kind == "q":
            looked.numbers_stored.add(int(first))
        elif kind == "n":
            looked.numbers, looked.top = int(first), None if second is None else int(second)
        else:
            looked.witness = (first, int(second), third, int(fourth), fifth)
    _held_back(pending, opened, desk, seq, looked, event_ids, entity_ids)
    return looked


def _held_back(
    pending: _Pending,
    opened: OpenedBundle,
    desk: str,
    seq: int,
    looked: _LookedUp,
    event_ids: list[str],
    entity_ids: list[str],
) -> None:
    """What the batch holds back, added to what the database said."""
    same = pending.digests.get(opened.digest)
    if same is not None and same[1] != desk:
        looked.bundles.append((same[0], same[1], same[8], same[2]))
    for row in pending.bundles_of.get(desk, ()):
        if row[0] == opened.digest or row[8] == opened.manifest_digest or row[2] in (seq, seq - 1):
            looked.bundles.append((row[0], row[1], row[8], row[2]))
    for event_id in event_ids:
        content = pending.contents.get(event_id)
        if content is not None:
            looked.stored[event_id] = content
    for entity_id in entity_ids:
        owner = pending.owners.get(entity_id)
        if owner is not None and owner != desk:
            looked.owners[entity_id] = owner


def _desks_with_gaps(connection: Connection) -> set[str]:
    found = run_raw(connection, "SELECT DISTINCT desk_id FROM sync_alert WHERE kind = 'gap'")
    return {row[0] for row in found}


@contextmanager
def _batch_cache(db: Database, session: Session) -> Iterator[Connection]:
    """The session's connection, with the dialect's page cache for an import's batch."""
    connection = _driver(session)
    db.dialect.prepare_import(connection)
    try:
        yield connection
    finally:
        db.dialect.end_import(connection)


def _driver(session: Session) -> Connection:
    """The session's connection (the import writes with it, in its transaction)."""
    return session.connection()


def _apply_each_in_a_savepoint(
    db: Database, batch: list[tuple[int, Path, OpenedBundle]]
) -> dict[int, ImportResult]:
    results: dict[int, ImportResult] = {}
    with db.transaction(wait_s=IMPORT_WAIT_S) as session:
        connection = _driver(session)
        start_watermark(connection)
        for index, path, opened in batch:
            savepoint = connection.begin_nested()
            try:
                outcome = _apply_bundle(connection, opened)
            except _APPLY_FAULTS:
                savepoint.rollback()
                refused = BundleRefused("Contenu de l'envoi incohérent : refusé.")
                results[index] = (path, refused)
                continue
            savepoint.commit()
            results[index] = (path, outcome)
    return results


# --- the desks' access-log heads (issue 15) --------------------------------------------------

MAX_MAC = 128  # characters of an access-log MAC (64 hex today)


def _audit_head(manifest: dict[str, Any]) -> tuple[int, str | None] | None:
    """(entries, MAC of the last) the bundle carries; None when it says nothing usable (a desk
    older than issue 15, or a malformed value: the bundle is signed, so that is a bug, not an
    attack, and it must not stop the import). A null head is a desk with no log at all."""
    if "audit_head" not in manifest:
        return None
    head = manifest["audit_head"]
    if head is None:
        return 0, None
    if not isinstance(head, dict):
        return None
    seq, mac = head.get("seq"), head.get("mac")
    if type(seq) is not int or seq < 0 or not isinstance(mac, str) or len(mac) > MAX_MAC:
        return None
    return seq, mac


def _witness_audit_head(
    connection: Connection,
    outcome: ImportOutcome,
    manifest: dict[str, Any],
    now: str,
    state: _DeskState | None = None,
    pending: _Pending | None = None,
) -> None:
    """Compare the head with the witness held, then keep the newest. A log only grows: fewer
    entries than already witnessed, or as many with another MAC, means it was cut or rewritten
    on the desk, where the anchor may have been rewritten to match. `state`: the witness as
    `_desk_state` read it, when it did; `pending`: where the batch holds the newest back."""
    head = _audit_head(manifest)
    if head is None:
        return
    branch = manifest["branch"]
    if state is None:
        state = _desk_state(connection, outcome.desk_id)
    held = state.witness
    if held is not None:
        same_branch = held[0] == branch["id"]
        # the first history has no id and is every branch's ancestor (sync.branches)
        descendant = not held[0] or any(step[0] == held[0] for step in branch["lineage"])
        if (same_branch and outcome.bundle_seq <= held[3]) or not (same_branch or descendant):
            return  # an older bundle arriving late says nothing of the log today
        _compare_audit_heads(connection, outcome, head, held, same_branch, now)
    witness = (branch["id"], head[0], head[1], outcome.bundle_seq,
               _text(manifest.get("created_at")))  # fmt: skip
    if pending is not None:
        pending.witnesses[outcome.desk_id] = witness
    else:
        run_raw(connection, _WITNESS_UPSERT, (outcome.desk_id, *witness))


_WITNESS_UPSERT = (
    "INSERT INTO audit_witness (desk_id, branch, audit_seq, audit_mac, bundle_seq, "
    "bundle_created_at) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (desk_id) DO UPDATE SET "
    "branch = excluded.branch, audit_seq = excluded.audit_seq, "
    "audit_mac = excluded.audit_mac, bundle_seq = excluded.bundle_seq, "
    "bundle_created_at = excluded.bundle_created_at"
)


def _compare_audit_heads(
    connection: Connection,
    outcome: ImportOutcome,
    head: tuple[int, str | None],
    held: tuple[Any, ...],
    same_branch: bool,
    now: str,
) -> None:
    (seq, mac), (held_seq, held_mac, held_bundle, held_made) = head, held[1:5]
    if seq > held_seq or (seq == held_seq and (mac == held_mac or not same_branch)):
        return
    before = f"l'envoi n° {held_bundle}" + (
        f" (fait le {str(held_made)[:10]})" if held_made else ""
    )
    now_said = f"l'envoi n° {outcome.bundle_seq} en atteste {seq} entrée(s)"
    detail = {
        "reason": "journal coupé" if same_branch else "restauration",
        "held_seq": held_seq,
        "received_seq": seq,
        "held_bundle_seq": held_bundle,
        "bundle_seq": outcome.bundle_seq,
        "message": (
            _audit_cut_message(now_said, before, seq, held_seq)
            if same_branch
            else _audit_restored_message(now_said, before, held_seq)
        ),
    }
    _alert(connection, outcome, "audit", detail, now, key=f"{held_seq}:{seq}:{mac}")


def _audit_cut_message(now_said: str, before: str, seq: int, held_seq: int) -> str:
    if seq < held_seq:
        what = f"{now_said}, alors que {before} en attestait {held_seq} : {held_seq - seq} "
        what += "entrée(s) ont disparu."
    else:
        what = f"{now_said}, comme {before}, mais la dernière n'est plus la même : des entrées "
        what += "ont été refaites."
    return (
        f"Journal des accès du poste raccourci ou réécrit : {what} Faites vérifier le poste "
        "(« spro-desk privacy audit --verify ») et gardez cette alerte comme preuve."
    )


def _audit_restored_message(now_said: str, before: str, held_seq: int) -> str:
    """A new branch: the desk was restored, and a whole-folder restore takes the log back too."""
    return (
        f"Journal des accès du poste revenu en arrière : {now_said}, {before} en attestait "
        f"{held_seq}. Le poste a été restauré depuis une sauvegarde entre les deux (nouvelle "
        "branche d'historique). « Restaurer une sauvegarde » ne touche pas au journal des "
        "accès, mais la restauration de tout le dossier du poste (sauvegarde du système) le "
        "ramène aussi en arrière : c'est alors attendu. Sinon, des entrées ont été retirées "
        "du journal : faites vérifier le poste."
    )


def _sql_utc(moment: datetime) -> str:
    """The layout SQLAlchemy's SQLite DateTime reads back: naive UTC with microseconds."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _apply_bundle(
    connection: Connection,
    opened: OpenedBundle,
    stored: list[PreparedEvent] | None = None,
    batch: _Batch | None = None,
    entities: _Entities | None = None,
) -> ImportOutcome:
    """`stored`, when given, receives the events stored, as the merged state takes them;
    `batch`, when given, what is written at the batch's end; `entities`, what the look-up
    found of the stored events' entities."""
    manifest, rows = opened.manifest, opened.rows
    outcome = ImportOutcome(str(manifest["desk_id"]), int(manifest["bundle_seq"]))
    # The same file again (a duplicate), the same signed content re-encrypted (no fork), this
    # bundle's number and the one before (the chain): one look-up, one round trip on a server.
    desk, seq = outcome.desk_id, outcome.bundle_seq
    pending = batch.pending if batch is not None else None
    if pending is not None and manifest["branch"]["id"]:
        # a restored desk's branches are read from the database, bundle by bundle
        pending.flush(connection)
        pending = None
    looked = None if pending is None else _look_up(connection, pending, opened)
    if looked is not None:
        known = looked.bundles
    else:
        known = run_raw(
            connection,
            "SELECT sha256, desk_id, manifest_sha256, bundle_seq FROM received_bundle "
            "WHERE sha256 = ? OR (desk_id = ? AND (manifest_sha256 = ? OR bundle_seq IN (?, ?)))",
            (opened.digest, desk, opened.manifest_digest, seq, seq - 1),
        ).fetchall()
    if any(found[0] == opened.digest for found in known):
        outcome.events_duplicate = len(rows)
        return outcome
    now = _sql_utc(datetime.now(UTC))
    mine = [found for found in known if found[1] == desk]
    same_content = any(found[2] == opened.manifest_digest for found in mine) or None
    if same_content is None:  # the same signed content re-encrypted is no fork
        numbered = [(found[3], found[0]) for found in mine if found[3] in (seq, seq - 1)]
        _check_chain(connection, manifest, outcome, now, numbered)
    _store_events(
        connection, outcome, opened, now, stored, pending, looked, entities, batch is not None
    )
    branch = manifest["branch"]
    bundle_row = (
        opened.digest, outcome.desk_id, outcome.bundle_seq,
        manifest.get("previous_bundle_sha256"), now, len(rows), branch["id"],
        json.dumps(branch["lineage"]), opened.manifest_digest,
        _text(manifest.get("created_at")),
    )  # fmt: skip
    if pending is not None:
        pending.add_bundle(bundle_row)
    else:
        run_raw(connection, _INSERT_BUNDLE, bundle_row)
    if same_content is None:
        _announce_branch(connection, outcome, branch, now)
        if pending is not None and looked is not None:
            state = _held_state(pending, looked, desk)
            if state.numbers != (state.top or 0):
                pending.flush(connection)  # the missing runs are read from the database
        else:
            state = _desk_state(connection, outcome.desk_id)  # one round trip for the two
        _record_gaps(connection, outcome, now, batch, state)
        _witness_audit_head(connection, outcome, manifest, now, state=state, pending=pending)
    # The indicators' merged tables are a view of the stored events, merged as the batch goes
    # (`_Merging`) or by the catch-up (sync.merged); what the desk says of itself
    # (its directory's age) is in no event, so it is kept here.
    if batch is None:
        record_desk(connection, outcome.desk_id, manifest)
    else:
        batch.desks.append((outcome.desk_id, manifest))
    return outcome


def _text(value: Any) -> str | None:
    return None if value is None else str(value)[:64]


def _alert(
    connection: Connection,
    outcome: ImportOutcome,
    kind: str,
    detail: dict[str, Any],
    now: str,
    key: str | None = None,
) -> None:
    """Raise an alert once: the same one again (same kind, desk and `key`) is counted on it and
    its detail refreshed; handled, it is reopened (the handling stays in the audit trail)."""
    fingerprint = f"{kind}:{outcome.desk_id}:{key if key is not None else json.dumps(detail)}"
    outcome.alerts.append(kind)
    said = json.dumps(detail)
    # detail compared as text (PostgreSQL's json type has no equality), and written from a
    # parameter of its own (a parameter compared with text is typed text there)
    updated = run_raw(
        connection,
        "UPDATE sync_alert SET occurrences = occurrences + 1, last_raised_at = ?, "
        "handled_at = CASE WHEN CAST(detail AS TEXT) = ? THEN handled_at END, "
        "handled_note = CASE WHEN CAST(detail AS TEXT) = ? THEN handled_note END, "
        "detail = ? WHERE fingerprint = ?",
        (now, said, said, said, fingerprint),
    )
    if updated.rowcount:
        return
    run_raw(
        connection,
        "INSERT INTO sync_alert (desk_id, kind, detail, raised_at, fingerprint, occurrences, "
        "last_raised_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
        (outcome.desk_id, kind, said, now, fingerprint, now),
    )


def _check_chain(
    connection: Connection,
    manifest: dict[str, Any],
    outcome: ImportOutcome,
    now: str,
    found: list[tuple[int, str]],
) -> None:
    """`found`: (number, SHA-256) of the desk's bundles received with this bundle's number or
    the one before."""
    branch = manifest["branch"]["id"]
    if branch and not _known_branch(connection, outcome.desk_id, branch):
        return  # a new branch: announced as such (_announce_branch)
    if any(seq == outcome.bundle_seq for seq, _sha in found):
        # a desk restored from an old backup, by hand, numbers again
        detail = {
            "bundle_seq": outcome.bundle_seq,
            "reason": "numéro réutilisé",
            "message": (
                f"L'envoi n° {outcome.bundle_seq} a été reçu deux fois avec des contenus "
                "différents (poste restauré sans passer par « Restaurer une sauvegarde » ?). "
                "Les deux sont gardés et fusionnés par identifiant d'événement : rien n'est perdu."
            ),
        }
        _alert(connection, outcome, "fork", detail, now, key=f"seq:{outcome.bundle_seq}")
        return
    previous = next((sha for seq, sha in found if seq == outcome.bundle_seq - 1), None)
    if previous is not None and previous != manifest.get("previous_bundle_sha256"):
        detail = {
            "bundle_seq": outcome.bundle_seq,
            "reason": "chaîne rompue",
            "message": (
                f"L'envoi n° {outcome.bundle_seq} ne suit pas l'envoi n° "
                f"{outcome.bundle_seq - 1} reçu. Les deux sont gardés : rien n'est perdu."
            ),
        }
        _alert(connection, outcome, "fork", detail, now, key=f"chain:{outcome.bundle_seq}")


def _known_branch(connection: Connection, desk_id: str, branch: str) -> bool:
    found = run_raw(
        connection,
        "SELECT 1 FROM received_bundle WHERE desk_id = ? AND branch = ? LIMIT 1",
        (desk_id, branch),
    )
    return found.fetchone() is not None


def _announce_branch(
    connection: Connection, outcome: ImportOutcome, branch: dict[str, Any], now: str
) -> None:
    """A desk restored from a backup: say exactly what happened, and that nothing was lost."""
    if not branch["id"]:
        return
    history = branch["lineage"]
    first = int(history[-1][1])
    parent = history[-2][0] if len(history) > 1 else ""
    (old,) = run_raw(
        connection,
        "SELECT COUNT(*) FROM received_event WHERE desk_id = ? AND seq >= ? AND branch != ?",
        (outcome.desk_id, first, branch["id"]),
    ).fetchone()
    detail = {
        "reason": "restauration",
        "branch": branch["id"],
        "branch_number": branch["number"],
        "parent_branch": parent,
        "from_seq": first,
        "old_branch_events": int(old),
        "bundle_seq": outcome.bundle_seq,
        "message": (
            f"Le poste a été restauré depuis une sauvegarde : il continue sur la branche "
            f"b{branch['number']} à partir de l'événement n° {first}. Les {old} événement(s) "
            f"n° {first} et suivants de l'ancienne branche déjà reçus restent comptés, et les "
            "deux branches sont fusionnées par identifiant d'événement : rien n'est perdu."
        ),
    }
    _alert(connection, outcome, "fork", detail, now, key=f"branch:{branch['id']}")


def _stored_contents(connection: Connection, ids: list[str]) -> dict[str, str]:
    stored: dict[str, str] = {}
    query = "SELECT id, content_sha256 FROM received_event WHERE id IN :ids"
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found = run_raw_in(connection, query, {"ids": chunk})
        stored.update((row[0], row[1]) for row in found)
    return stored


def _foreign_owners(
    connection: Connection, desk_id: str, entity_ids: list[str]
) -> tuple[dict[str, str], set[str]]:
    """entity id → the other desk that created it, for the ids another desk already wrote;
    and the ids of which any desk's event was received."""
    owners: dict[str, str] = {}
    received: set[str] = set()
    query = "SELECT entity_id, desk_id FROM received_event WHERE entity_id IN :ids"
    for start in range(0, len(entity_ids), _CHUNK):
        chunk = entity_ids[start : start + _CHUNK]
        for entity_id, owner in run_raw_in(connection, query, {"ids": chunk}):
            received.add(entity_id)
            if owner != desk_id:
                owners[entity_id] = owner
    return owners, received


def _known_events(
    connection: Connection, desk_id: str, opened: OpenedBundle, optimistic: bool = False
) -> tuple[dict[str, str], dict[str, str], dict[str, str], set[str]]:
    """What is stored of the bundle's events and entities: event id → its content's digest,
    entity id → the other desk that wrote it; each referral event's contact id; and the
    entities of which any desk's event was received. One look-up for a bundle of the usual
    size (a round trip on a server), in chunks beyond. (Every desk's rows of an entity are
    read: the index has no desk, so the rows were read to compare it anyway.)

    `optimistic` (a batch applied without savepoints): an event stored before is found among
    its entity's rows, read anyway, instead of by its id (≈ 90 key seeks a bundle). Only an
    event id stored for another entity escapes that; its insert then breaks the key, and the
    batch is applied again bundle by bundle (`_apply_batch`), where every id is looked up."""
    rows = opened.rows
    contact_of, entity_ids = _keys_of(opened)[:2]
    if len(entity_ids) > _CHUNK or len(rows) > _CHUNK:
        foreign, any_desk = _foreign_owners(connection, desk_id, entity_ids)
        stored_ids = _stored_contents(connection, [row[0] for row in rows])
        return stored_ids, foreign, contact_of, any_desk
    if optimistic:
        among, foreign, any_desk = _by_entities(connection, desk_id, rows, entity_ids)
        return among, foreign, contact_of, any_desk
    event_ids = [row[0] for row in rows]
    stored: dict[str, str] = {}
    owners: dict[str, str] = {}
    received: set[str] = set()
    found = run_raw_in(
        connection,
        "SELECT 's', id, content_sha256 FROM received_event WHERE id IN :ids UNION ALL "
        "SELECT 'o', entity_id, desk_id FROM received_event WHERE entity_id IN :entities",
        {"ids": event_ids, "entities": entity_ids},
    )
    for kind, key, value in found:
        if kind == "s":
            stored[key] = value
        else:
            received.add(key)
            if value != desk_id:
                owners[key] = value
    return stored, owners, contact_of, received


_CHUNK = 500  # ids per look-up at most


def _by_entities(
    connection: Connection, desk_id: str, rows: list[tuple[Any, ...]], entity_ids: list[str]
) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """`_known_events` from the entities' rows alone (at most `_CHUNK` entities): the stored
    events of `rows` among them, the other desks' entities, the entities received."""
    stored: dict[str, str] = {}
    owners: dict[str, str] = {}
    received: set[str] = set()
    event_ids: set[str] | None = None  # only when some entity was received before
    query = (
        "SELECT entity_id, desk_id, id, content_sha256 FROM received_event WHERE entity_id IN :ids"
    )
    for entity_id, owner, event_id, content in run_raw_in(connection, query, {"ids": entity_ids}):
        received.add(entity_id)
        if owner != desk_id:
            owners[entity_id] = owner
        if event_ids is None:
            event_ids = {row[0] for row in rows}
        if event_id in event_ids:
            stored[event_id] = content
    return stored, owners, received


def _keys_of(opened: OpenedBundle) -> BundleKeys:
    """What `_known_events` looks up of the bundle: as its reader worked it out, or here."""
    return opened.keys or bundle_keys(opened.rows, opened.merged)


def _unauthorised(
    connection: Connection,
    outcome: ImportOutcome,
    rows: list[tuple[Any, ...]],
    now: str,
    owners: dict[str, str],
    contact_of: dict[str, str],
) -> list[tuple[Any, ...]]:
    """The rows the desk may write: only its own contacts and referrals, and referrals of its
    own contacts (`owners`: the entities another desk wrote). The others are left out and
    named in an alert."""
    if not owners:
        return rows
    kept: list[tuple[Any, ...]] = []
    refused: list[tuple[Any, ...]] = []
    for row in rows:
        owner = owners.get(row[5]) or owners.get(contact_of.get(row[0], ""))
        (refused if owner else kept).append(row)
    if refused:
        foreign = sorted({owners.get(r[5]) or owners[contact_of[r[0]]] for r in refused})
        outcome.refused += len(refused)
        detail = {
            "count": len(refused),
            "owner_desks": foreign,
            "entity_ids": sorted({r[5] for r in refused})[:50],
            "event_ids": [r[0] for r in refused[:50]],
            "message": (
                f"{len(refused)} changement(s) de ce poste portent sur des contacts ou "
                "orientations d'un autre poste : refusés, rien n'a été modifié chez l'autre "
                "poste. Un poste ne peut changer que ce qu'il a créé."
            ),
        }
        _alert(connection, outcome, "unauthorised", detail, now, key=",".join(foreign))
    return kept


def _store_events(
    connection: Connection,
    outcome: ImportOutcome,
    opened: OpenedBundle,
    now: str,
    stored_events: list[PreparedEvent] | None = None,
    pending: _Pending | None = None,
    looked: _LookedUp | None = None,
    entities: _Entities | None = None,
    optimistic: bool = False,
) -> None:
    """New events stored; the same content again counted; the same id with other content
    quarantined, never overwritten; a change of another desk's entity refused. `pending`:
    where they are held back, `looked`: what `_look_up` found of them; `entities`: where the
    stored events' entities are noted as received before or not (`_Merging`); `optimistic`:
    a batch applied without savepoints (see `_known_events`)."""
    received: set[str] | None = None
    if looked is None:
        stored, owners, contact_of, received = _known_events(
            connection, outcome.desk_id, opened, optimistic
        )
    else:
        stored, owners, contact_of = looked.stored, looked.owners, looked.contact_of
    rows = _unauthorised(connection, outcome, opened.rows, now, owners, contact_of)
    keys = _keys_of(opened)
    distinct = keys[3] if rows is opened.rows else len({row[0] for row in rows}) == len(rows)
    if not stored and distinct:
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
                _alert(connection, outcome, "quarantine", detail, now, key=row[0])
            else:
                stored[row[0]] = row[3]
                new.append(row)
    if pending is not None and looked is not None:
        pending.add_events(outcome.desk_id, new, looked.numbers_stored)
    else:
        insert_rows(connection, "received_event", _EVENT_COLUMNS, new)
    outcome.events_new += len(new)
    if entities is not None and received is not None:
        entities.note(new, received, keys[2] if new is opened.rows else None)
    if stored_events is not None:
        stored_events.extend(opened.merged if new is opened.rows else _merged_of(opened, new))


def _merged_of(opened: OpenedBundle, rows: list[tuple[Any, ...]]) -> list[PreparedEvent]:
    """The merged state's events of `rows`, some of the bundle's (by event id: the first)."""
    by_id: dict[str, PreparedEvent] = {}
    for row, event in zip(opened.rows, opened.merged, strict=True):
        by_id.setdefault(row[0], event)
    return [by_id[row[0]] for row in rows]


_EVENT_COLUMNS = (
    "id", "desk_id", "seq", "content_sha256", "entity", "entity_id", "op", "at", "payload",
    "branch",
)  # fmt: skip
# Writers are serialised (Database.transaction), so an event stored meanwhile by another
# import is seen in `_store_events` and counted as a duplicate; the unique key stays the last
# guard.
_BUNDLE_COLUMNS = (
    "sha256", "desk_id", "bundle_seq", "previous_sha256", "received_at", "events", "branch",
    "lineage", "manifest_sha256", "created_at",
)  # fmt: skip
_INSERT_BUNDLE = (
    f"INSERT INTO received_bundle ({', '.join(_BUNDLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_BUNDLE_COLUMNS))})"
)
_ROW_FIELDS = ("id", "desk_id", "seq", "content_sha256", "entity", "entity_id", "op", "at")


def _event_of(row: tuple[Any, ...]) -> dict[str, Any]:
    """The event a `received_event` row was made of, to show a quarantined one."""
    event = dict(zip(_ROW_FIELDS, row, strict=False))
    del event["desk_id"], event["content_sha256"]
    return {**event, "payload": orjson.loads(row[8])}


MAX_RANGES = 100  # missing runs kept in a gap alert; the count covers them all


@dataclass(frozen=True)
class _DeskState:
    """What a bundle's desk has once its events are stored: its distinct sequence numbers and
    the highest (the gaps), and the access-log witness held (audit_witness row, or None)."""

    numbers: int
    top: int | None
    witness: tuple[Any, ...] | None


def _held_state(pending: _Pending, looked: _LookedUp, desk_id: str) -> _DeskState:
    """`_desk_state` once the bundle's events are held, from what `_look_up` read before and
    what the batch holds back: the database's distinct numbers plus those only held."""
    held = pending.numbers.get(desk_id, set())
    top = max(held, default=looked.top)
    if looked.top is not None and top is not None:
        top = max(top, looked.top)
    witness = pending.witnesses.get(desk_id, looked.witness)
    return _DeskState(looked.numbers + len(held), top, witness)


def _desk_state(connection: Connection, desk_id: str) -> _DeskState:
    # The distinct numbers as the (desk_id, seq) index gives them, in order: COUNT(DISTINCT)
    # put every one of the desk's events into a temporary B-tree (≈ 4,700 a bundle by a
    # desk's 52nd week; twice the time).
    row = run_raw(
        connection,
        "SELECT c.n, c.top, w.branch, w.audit_seq, w.audit_mac, w.bundle_seq, "
        "w.bundle_created_at FROM (SELECT COUNT(*) AS n, MAX(seq) AS top "
        "FROM (SELECT DISTINCT seq FROM received_event WHERE desk_id = ?) AS d) AS c "
        "LEFT JOIN audit_witness AS w ON w.desk_id = ?",
        (desk_id, desk_id),
    ).fetchone()
    witness = tuple(row[2:]) if row[3] is not None else None  # audit_seq is never null
    return _DeskState(int(row[0] or 0), row[1], witness)


def missing_ranges(
    connection: Connection,
    desk_id: str,
    limit: int = MAX_RANGES,
    counted: tuple[int, int | None] | None = None,
) -> tuple[int, list[list[int]]]:
    """How many sequence numbers of the desk are missing below its highest, and the first
    missing runs `[first, last]`: computed by SQLite over the index, in bounded memory,
    however large the numbers. `counted`: (distinct numbers, highest), when already read."""
    if counted is None:
        counted = run_raw(
            connection,
            "SELECT COUNT(DISTINCT seq), MAX(seq) FROM received_event WHERE desk_id = ?",
            (desk_id,),
        ).fetchone()
    count, top = counted
    if not top or count == top:  # sequence numbers start at 1: as many as the last, no hole
        return 0, []
    ranges = connection.execute(
        _sql(
            "SELECT previous + 1, seq - 1 FROM (SELECT seq, LAG(seq, 1, 0) OVER (ORDER BY seq) "
            "AS previous FROM (SELECT DISTINCT seq FROM received_event WHERE desk_id = :desk) "
            "AS numbers) AS runs WHERE seq > previous + 1 ORDER BY seq LIMIT :limit"
        ),
        {"desk": desk_id, "limit": limit},
    ).fetchall()
    return int(top) - int(count), [[int(a), int(b)] for a, b in ranges]


def missing_bundles(connection: Connection, desk_id: str) -> tuple[int, list[list[int]]]:
    """Bundle numbers below the desk's highest that never arrived, as runs."""
    count, top = connection.execute(
        _sql(
            "SELECT COUNT(DISTINCT bundle_seq), MAX(bundle_seq) FROM received_bundle "
            "WHERE desk_id = :desk"
        ),
        {"desk": desk_id},
    ).one()
    if not top or count == top:
        return 0, []
    ranges = connection.execute(
        _sql(
            "SELECT previous + 1, n - 1 FROM (SELECT n, LAG(n, 1, 0) OVER (ORDER BY n) AS "
            "previous FROM (SELECT DISTINCT bundle_seq AS n FROM received_bundle "
            "WHERE desk_id = :desk) AS numbers) AS runs WHERE n > previous + 1 ORDER BY n "
            "LIMIT :limit"
        ),
        {"desk": desk_id, "limit": MAX_RANGES},
    ).fetchall()
    return int(top) - int(count), [[int(a), int(b)] for a, b in ranges]


def desk_gaps(session: Session, desk_id: str, limit: int = 1000) -> list[int]:
    """The first missing sequence numbers of the desk (at most `limit`)."""
    connection = _driver(session)
    _count, ranges = missing_ranges(connection, desk_id)
    return _expanded(ranges, limit)


def _expanded(ranges: list[list[int]], limit: int) -> list[int]:
    numbers: list[int] = []
    for first, last in ranges:
        numbers.extend(range(first, min(last, first + limit - len(numbers) - 1) + 1))
        if len(numbers) >= limit:
            break
    return numbers


def _record_gaps(
    connection: Connection,
    outcome: ImportOutcome,
    now: str,
    batch: _Batch | None = None,
    state: _DeskState | None = None,
) -> None:
    counted = None if state is None else (state.numbers, state.top)
    count, ranges = missing_ranges(connection, outcome.desk_id, counted=counted)
    if not count:
        if batch is not None:
            if outcome.desk_id not in batch.gap_desks:
                return  # no gap alert to close
            batch.gap_desks.discard(outcome.desk_id)
        run_raw(
            connection,
            "DELETE FROM sync_alert WHERE desk_id = ? AND kind = 'gap'",
            (outcome.desk_id,),
        )
        return
    detail = {"missing": _expanded(ranges, 1000), "count": count, "ranges": ranges}
    _alert(connection, outcome, "gap", detail, now, key="")
    if batch is not None:
        batch.gap_desks.add(outcome.desk_id)


# --- what the coordinator sees -------------------------------------------------------------


def coordinator_status(db: Database) -> dict[str, Any]:
    """Desks (active and revoked apart), live contacts and referrals (a deleted contact is not
    counted: the merged state, brought up to date first), open alerts by kind."""
    from spro_desk.sync.merged import catch_up_merged_state

    catch_up_merged_state(db)
    with db.session() as session:
        desks = session.exec(select(RegisteredDesk)).all()
        alerts = session.exec(
            select(SyncAlert).where(col(SyncAlert.handled_at).is_(None)).order_by(col(SyncAlert.pk))
        ).all()
        connection = _driver(session)
        contacts = connection.execute(_sql("SELECT COUNT(*) FROM merged_contact")).scalar_one()
        referrals = connection.execute(_sql("SELECT COUNT(*) FROM merged_referral")).scalar_one()
        events = connection.execute(_sql("SELECT COUNT(*) FROM received_event")).scalar_one()
        open_by_kind: dict[str, int] = {}
        for alert in alerts:
            open_by_kind[alert.kind] = open_by_kind.get(alert.kind, 0) + 1
        return {
            "desks": [
                {"desk_id": d.desk_id, "site_nom": d.site_nom, "revoked": d.revoked}
                for d in desks
                if not d.revoked
            ],
            "revoked_desks": [
                {"desk_id": d.desk_id, "site_nom": d.site_nom, "revoked": d.revoked}
                for d in desks
                if d.revoked
            ],
            "contacts": int(contacts),
            "referrals": int(referrals),
            "events": int(events),
            "gaps": [_gap(a) for a in alerts if a.kind == "gap"],
            "alerts": [
                {"id": a.pk, "desk_id": a.desk_id, "kind": a.kind}
                for a in alerts
                if a.kind != "gap"
            ],
            "open_alerts": open_by_kind,
        }


def _gap(alert: SyncAlert) -> dict[str, Any]:
    detail = alert.detail
    return {"desk_id": alert.desk_id, "count": detail.get("count"), "ranges": detail.get("ranges")}
