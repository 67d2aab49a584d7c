"""The merged state: the latest contact and referral of every desk, in tables built for GROUP BY.

Indicators over a million contacts cannot read JSON events; they read these tables instead
(`merged_contact`, `merged_referral`, see storage/tables.py). They are a pure function of the
events received:

- per entity, the event with the highest (branch, desk seq, desk id, event id) wins, whatever
  the order in which bundles arrive; a live entity's row keeps that winner's rank, a deleted
  one keeps it in `merged_tombstone`, so an older event arriving late cannot bring a deleted
  contact back;
- a contact whose latest state is deleted (op `delete`, or `deleted_at` set) leaves the tables;
  its referrals stay but lose their contact's day, so they count nowhere until it comes back;
- a referral's destination network and level of service come from the directory of the
  database that merges (the coordinator's), looked up once when merged.

At the coordinator the tables are a materialised view of `received_event`, with a watermark
(the highest `received_event` rowid merged, in the `setting` record `coordinator.merged_upto`).
An import whose transaction finds the view current merges the events it stores in that same
transaction, from memory, and moves the watermark (`merge_stored`): one commit, nothing read
back. Otherwise (the view behind, or that merge failing) the events wait for
`catch_up_merged_state`, which merges every event above the watermark in transactions of its
own, each moving the watermark with the rows it merged. A crash in between only leaves the view
behind: the next catch-up — after the next import, or at the start of any indicators
computation (`reports.source.CoordinatorSource`) — merges the rest, and merging an event twice
changes nothing ("the highest rank wins"). `rebuild_merged_state` recomputes everything from
`received_event`. A desk feeds its own rows through `merge_events` into TEMP tables of the same
names (see `reports.source`), so the desk's view and the coordinator's share every line of the
indicator code.
"""

from __future__ import annotations

import functools
import json
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Connection, text
from sqlmodel import Session

from spro_desk.directory.networks import infer_level
from spro_desk.storage.dialects import execute_many, insert_rows, run_raw_in
from spro_desk.sync import indicator_summary
from spro_desk.sync.merged_rows import (
    REFERRAL_AT,
    REFERRAL_CONTACT_ID,
    REFERRAL_DAY,
    REFERRAL_NIVEAU,
    REFERRAL_RESEAU,
    REFERRAL_SERVICE_ID,
    REFERRAL_STRUCTURE_ID,
    WRITTEN,
    BundleCounts,
    MergeEvent,
    PreparedEvent,
    add_counts,
    latest_of,
    prepared,
)

# The row builders moved to sync.merged_rows (the bundle reader's process builds the rows);
# still named here for the reports, the dev tools and the tests that read them from here.
from spro_desk.sync.merged_rows import codes_of as codes_of
from spro_desk.sync.merged_rows import codes_text as codes_text
from spro_desk.sync.merged_rows import contact_row as contact_row
from spro_desk.sync.merged_rows import local_day as local_day
from spro_desk.sync.merged_rows import parse_moment as parse_moment
from spro_desk.sync.merged_rows import referral_row as referral_row
from spro_desk.sync.merged_rows import week_start as week_start

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database

_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit
MERGED_TABLES = (
    "merged_tombstone", "merged_contact", "merged_referral", "merged_desk",
)  # fmt: skip


# Each statement's TextClause made once: building one parses it and recomputes its cache key,
# more than the statement itself costs SQLite (500 bundles: thousands of statements).
_sql = functools.cache(text)

# --- the destination's network and level, from the directory ----------------------------------


def _destinations(
    connection: Connection, service_ids: Iterable[str]
) -> dict[str, tuple[str | None, int | None]]:
    """service id -> (network, level of service), as the directory of this database says.

    Level: the service's own `niveau` (x_spro); otherwise 2 for a CEP operator's service or
    structure (the CEP is level-2 by law); otherwise the structure's single declared level;
    otherwise the level the directory infers from the service type (information: 1, else 2,
    as the suggestions do); else unknown (None).
    """
    found: dict[str, tuple[str | None, int | None]] = {}
    query = (
        "SELECT v.id, s.reseau, v.niveau, v.operateur_cep, s.operateur_cep, s.niveaux, v.type "
        "FROM service v JOIN structure s ON s.pk = v.structure_pk WHERE v.id IN :ids"
    )
    for chunk in _chunks(sorted(set(service_ids))):
        rows = _in(connection, query, ids=chunk)
        for service_id, reseau, niveau, service_cep, structure_cep, niveaux, kind in rows:
            level = _level(niveau, service_cep, structure_cep, niveaux, kind)
            found[service_id] = (reseau, level)
    return found


def _level(
    niveau: int | None,
    service_cep: bool | None,
    structure_cep: bool,
    niveaux: str | None,
    service_type: str | None,
) -> int | None:
    if niveau in (1, 2):
        return int(niveau)
    if service_cep or structure_cep:
        return 2
    declared = json.loads(niveaux) if niveaux else []
    if len(declared) == 1 and declared[0] in (1, 2):
        return int(declared[0])
    return infer_level(service_type) if service_type else None


def _structure_networks(
    connection: Connection, structure_ids: Iterable[str]
) -> dict[str, str | None]:
    """Network of structures whose service is no longer in the directory."""
    found: dict[str, str | None] = {}
    query = "SELECT id, reseau FROM structure WHERE id IN :ids"
    for chunk in _chunks(sorted(set(structure_ids))):
        found.update((row[0], row[1]) for row in _in(connection, query, ids=chunk))
    return found


# --- merging ---------------------------------------------------------------------------------


def _in(connection: Connection, sql: str, **lists: Sequence[Any]) -> Any:
    """`sql` whose `IN :name` each stand for a list, run by the driver: SQLAlchemy's expanding
    parameters cost more to render than the query costs SQLite (bench/bench_sync.py
    --profile). An empty list matches nothing."""
    return run_raw_in(connection, sql, lists)


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# Where an entity's current rank is kept: its live row, or its tombstone.
_CONTACT, _REFERRAL, _TOMBSTONE = "c", "r", "t"


def _current_ranks(
    connection: Connection, latest: dict[str, PreparedEvent]
) -> dict[str, tuple[str, tuple]]:
    """entity id -> (where its state is, its rank), for the ids the merged state knows."""
    ranks: dict[str, tuple[str, tuple]] = {}
    query = (
        "SELECT id, 'c', branch, seq, desk_id, event_id FROM merged_contact WHERE id IN :c "
        "UNION ALL SELECT id, 'r', branch, seq, desk_id, event_id FROM merged_referral "
        "WHERE id IN :r UNION ALL SELECT entity_id, 't', branch, seq, desk_id, event_id "
        "FROM merged_tombstone WHERE entity_id IN :t"
    )
    for chunk in _chunks(list(latest)):
        contacts = [i for i in chunk if latest[i].entity == "contact"]
        referrals = [i for i in chunk if latest[i].entity == "referral"]
        rows = _in(connection, query, c=contacts, r=referrals, t=chunk)
        ranks.update({row[0]: (row[1], tuple(row[2:])) for row in rows})
    return ranks


def _winners(
    connection: Connection, events: Iterable[PreparedEvent], fresh: Collection[str] = ()
) -> tuple[list[PreparedEvent], dict[str, str], dict[str, PreparedEvent]]:
    """The events newer than both the rest of the batch and the merged state, where the
    merged state keeps the ones it knew (only those have rows to replace), and each entity's
    newest of `events`. `fresh`: entities the merged state cannot know, not looked up."""
    latest = latest_of(events)
    asked = {i: e for i, e in latest.items() if i not in fresh} if fresh else latest
    current = _current_ranks(connection, asked)
    winners = [
        e for e in latest.values() if e.entity_id not in current or e.rank > current[e.entity_id][1]
    ]
    return winners, {entity_id: place for entity_id, (place, _rank) in current.items()}, latest


def merge_events(
    connection: Connection, events: Iterable[MergeEvent], *, summary: bool = False
) -> int:
    """Bring the merged tables up to date with `events`; returns how many entities changed.

    Works on any connection where the `merged_*` names resolve (main tables at the
    coordinator, TEMP tables on a desk), inside the caller's transaction. `summary`: keep the
    coordinator's `indicator_summary` exact too (`sync.indicator_summary`).
    """
    return merge_prepared(connection, (prepared(event) for event in events), summary=summary)


def merge_prepared(
    connection: Connection,
    events: Iterable[PreparedEvent],
    *,
    summary: bool = False,
    pending: Counter[indicator_summary.Key] | None = None,
    fresh: Collection[str] = (),
    counts: BundleCounts | None = None,
) -> int:
    """`merge_events` for events whose rows are already built (`merged_rows.prepared`: by the
    import's bundle reader, in its own process). `pending`: where the summary's change goes
    when the caller writes it later (`indicator_summary.kept_by`). `fresh`: entities of
    `events` the merged state cannot know (see `merge_stored`). `counts`: `events` are whole
    bundles, and these the sum of their `merged_rows.bundle_counts`."""
    winners, known, latest = _winners(connection, events, fresh)
    if not winners:
        return 0
    if summary and indicator_summary.is_ready(connection):
        # Contacts' counts follow their rows one by one (taken away, added); referrals'
        # counts, some of them distinct contacts, are counted again over their (day, desk)
        # pairs (see sync/indicator_summary.py).
        written = _written_counts(counts, latest, winners)
        tally: Counter[indicator_summary.Key] = Counter(written)
        followed: set[str] = set()
        pairs = _referral_pairs(connection, winners, followed, fresh)
        with indicator_summary.kept_by(connection, pairs, tally, pending):
            _apply(connection, winners, known, tally, followed, counted=written is not None)
    else:
        _apply(connection, winners, known)
    return len(winners)


def _written_counts(
    counts: BundleCounts | None, latest: dict[str, PreparedEvent], winners: list[PreparedEvent]
) -> Counter[indicator_summary.Key] | None:
    """The summary counts of the contact rows the winners write, from their bundles' counts:
    those bundles counted their entities' latest rows, which are `latest`'s when no entity is
    in two of them (as many entities as the bundles counted); the rows that lose to the
    merged state are taken away. None: the merge counts its rows itself."""
    if counts is None or counts[0] != len(latest):
        return None
    written = Counter(counts[1])
    if len(winners) != len(latest):
        won = {e.entity_id for e in winners}
        lost = [
            e.row
            for e in latest.values()
            if e.entity == "contact" and e.row is not None and e.entity_id not in won
        ]
        add_counts(written, lost, WRITTEN, -1)
    return written


def _referral_pairs(
    connection: Connection,
    winners: list[PreparedEvent],
    followed: set[str],
    fresh: Collection[str] = (),
) -> set[tuple[str, str]]:
    """The (day, desk) pairs whose merged referrals the winners change (see `kept_by`). A
    deleted referral goes nowhere: only where it is counts (its contact: none). `followed`
    receives the winning contacts that have merged referrals; `fresh`: entities the merged
    state cannot hold (not looked up)."""

    def lookup(sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        return [tuple(row) for chunk in _chunks(ids) for row in _in(connection, sql, ids=chunk)]

    days = {
        e.entity_id: e.row[4] if e.row is not None else None
        for e in winners
        if e.entity == "contact"
    }
    referrals = [
        (e.entity_id, e.rank[2], e.row[REFERRAL_CONTACT_ID] if e.row is not None else "")
        for e in winners
        if e.entity == "referral"
    ]
    return indicator_summary.referral_pairs(
        days.keys(), referrals, days.__getitem__, lookup, followed, fresh
    )


def _apply(
    connection: Connection,
    winners: list[PreparedEvent],
    known: dict[str, str],
    tally: Counter[Any] | None = None,
    followed: set[str] | None = None,
    *,
    counted: bool = False,
) -> None:
    """`tally`: where the summary counts of the contact rows replaced and written go;
    `followed`: the winning contacts that have merged referrals, when already looked up;
    `counted`: `tally` already holds the counts of the rows written (`_written_counts`)."""
    buried = [e.entity_id for e in winners if known.get(e.entity_id) == _TOMBSTONE]
    for chunk in _chunks(buried):
        _in(connection, "DELETE FROM merged_tombstone WHERE entity_id IN :ids", ids=chunk)
    insert_rows(
        connection,
        "merged_tombstone",
        _TOMBSTONE_COLUMNS,
        [(e.entity_id, e.entity, e.rank[2], e.rank[1], e.rank[0], e.rank[3])
         for e in winners if e.row is None],
    )  # fmt: skip
    contacts = [e for e in winners if e.entity == "contact"]
    referrals = [e for e in winners if e.entity == "referral"]
    days: dict[str, tuple[str | None, str | None]] = {}
    if contacts:
        days = _merge_contacts(connection, contacts, known, tally, followed, counted=counted)
    if referrals:
        _merge_referrals(connection, referrals, known, days)


# Public: the dev tools' synthetic regions write the same rows (spro_desk_dev.synthetic).
CONTACT_COLUMNS = (
    "id", "desk_id", "seq", "occurred_at", "day", "week", "month", "canal", "statut",
    "tranche_age", "sexe", "handicap", "commune", "duree", "besoins", "reponses", "branch",
    "event_id",
)  # fmt: skip
REFERRAL_COLUMNS = (
    "id", "desk_id", "seq", "contact_id", "contact_day", "contact_at", "service_id",
    "structure_id", "structure_nom", "service_nom", "type", "statut", "rdv_at", "rdv_day",
    "created_at", "updated_at", "reseau", "niveau", "branch", "event_id",
)  # fmt: skip
_TOMBSTONE_COLUMNS = ("entity_id", "entity", "desk_id", "seq", "branch", "event_id")


def _merge_contacts(
    connection: Connection,
    contacts: list[PreparedEvent],
    known: dict[str, str],
    tally: Counter[Any] | None = None,
    followed: set[str] | None = None,
    *,
    counted: bool = False,
) -> dict[str, tuple[str | None, str | None]]:
    """Write the contacts' new states; returns each one's (day, moment), None when deleted:
    what its referrals carry. `tally`: the summary counts of the rows replaced and written
    (`counted`: those of the rows written are there already); `followed`: those of
    `contacts` that have merged referrals (None: looked up here)."""
    ids = [e.entity_id for e in contacts if known.get(e.entity_id) == _CONTACT]
    if tally is not None:
        indicator_summary.take_away_contacts(connection, ids, tally)
    for chunk in _chunks(ids):
        _in(connection, "DELETE FROM merged_contact WHERE id IN :ids", ids=chunk)
    rows = [e.row for e in contacts if e.row is not None]
    insert_rows(connection, "merged_contact", CONTACT_COLUMNS, rows)
    if tally is not None and not counted:
        indicator_summary.add_contacts(rows, tally)
    days: dict[str, tuple[str | None, str | None]] = {
        e.entity_id: (e.row[4], e.row[3]) if e.row is not None else (None, None) for e in contacts
    }
    # Referrals merged before this state of their contact follow it (day, or nowhere): only
    # the contacts that have some are updated (one look-up per 500, not one UPDATE each).
    # (Writing contacts changes no referral: what the summary's look-up found still holds.)
    if followed is None:
        followed = _with_referrals(connection, list(days))
    execute_many(
        connection,
        "UPDATE merged_referral SET contact_day = ?, contact_at = ? WHERE contact_id = ?",
        [(*days[contact_id], contact_id) for contact_id in days if contact_id in followed],
    )
    return days


def _with_referrals(connection: Connection, contact_ids: Sequence[str]) -> set[str]:
    query = "SELECT DISTINCT contact_id FROM merged_referral WHERE contact_id IN :ids"
    found: set[str] = set()
    for chunk in _chunks(contact_ids):
        found.update(row[0] for row in _in(connection, query, ids=chunk))
    return found


def _merge_referrals(
    connection: Connection,
    referrals: list[PreparedEvent],
    known: dict[str, str],
    days: dict[str, tuple[str | None, str | None]],
) -> None:
    """Write the referrals' new states, each with its contact's day and moment: those of the
    contacts merged just before (`days`), the others' as the merged state has them."""
    gone = [e.entity_id for e in referrals if known.get(e.entity_id) == _REFERRAL]
    for chunk in _chunks(gone):
        _in(connection, "DELETE FROM merged_referral WHERE id IN :ids", ids=chunk)
    live = [e.row for e in referrals if e.row is not None]
    if not live:
        return
    destinations = _destinations(connection, (row[REFERRAL_SERVICE_ID] for row in live))
    networks = _structure_networks(connection, (row[REFERRAL_STRUCTURE_ID] for row in live))
    contacts = dict(days)
    elsewhere = sorted({row[REFERRAL_CONTACT_ID] for row in live} - contacts.keys())
    query = "SELECT id, day, occurred_at FROM merged_contact WHERE id IN :ids"
    for chunk in _chunks(elsewhere):
        found = _in(connection, query, ids=chunk)
        contacts.update({row[0]: (row[1], row[2]) for row in found})
    rows = []
    for row in live:
        reseau, niveau = destinations.get(
            row[REFERRAL_SERVICE_ID], (networks.get(row[REFERRAL_STRUCTURE_ID]), None)
        )
        day, at = contacts.get(row[REFERRAL_CONTACT_ID], (None, None))
        filled = list(row)
        filled[REFERRAL_DAY], filled[REFERRAL_AT] = day, at
        filled[REFERRAL_RESEAU], filled[REFERRAL_NIVEAU] = reseau, niveau
        rows.append(tuple(filled))
    insert_rows(connection, "merged_referral", REFERRAL_COLUMNS, rows)


# --- the coordinator's materialised view: catch-up, desks, rebuild ----------------------------

# When a bundle was made: the desk's `created_at`, but never later than its arrival (a desk
# clock ahead would hide a late desk); bundles of older desks have only their arrival.
# (A CASE, not SQLite's two-argument MIN nor PostgreSQL's LEAST: both databases read it.)
_ARRIVED = "replace(CAST(received_at AS TEXT), ' ', 'T')"
_MADE = f"COALESCE(substr(created_at, 1, 26), {_ARRIVED})"
BUNDLE_MADE_AT = f"(CASE WHEN {_MADE} < {_ARRIVED} THEN {_MADE} ELSE {_ARRIVED} END)"


WATERMARK_KEY = "coordinator.merged_upto"  # {"rowid": the highest received_event rowid merged}
CATCH_UP_BATCH = 20_000  # events per catch-up transaction: bounded memory, short write locks
_catch_up_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _driver_connection(session: Session) -> Connection:
    session.flush()  # rows the session holds must be visible to the statements below
    return session.connection()


def _watermark(connection: Connection) -> int | None:
    value = connection.execute(
        _sql("SELECT CAST(value AS TEXT) FROM setting WHERE key = :key"), {"key": WATERMARK_KEY}
    ).scalar()
    found = json.loads(value).get("rowid") if value else None
    return None if found is None else int(found)


def _set_watermark(connection: Connection, rowid: int) -> None:
    connection.execute(
        _sql(
            "INSERT INTO setting (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": WATERMARK_KEY, "value": json.dumps({"rowid": rowid})},
    )


def _last_rowid(connection: Connection) -> int:
    """The order of arrival: SQLite's rowid, a PostgreSQL identity column of the same name
    (migration 0006); events are stored by one writer at a time (Database.transaction)."""
    last = connection.execute(_sql("SELECT MAX(rowid) FROM received_event")).scalar()
    return int(last or 0)


def start_watermark(connection: Connection) -> None:
    """Called by the import before it stores events, in its transaction: the first import
    since the view was decoupled sets the watermark below its events.

    Why: `received_event` rows are never deleted, so their rowids only grow (and VACUUM, which
    may renumber rowids, has no hole to close). Before this record existed, every stored event
    was merged inside its import; so a missing record means "everything stored is merged",
    and an import that finds it missing records exactly that before adding anything.
    """
    if _watermark(connection) is None:
        _set_watermark(connection, _last_rowid(connection))


def merged_state_current(connection: Connection) -> bool:
    """Whether the merged tables reflect every stored event (in a write transaction: then
    the events the transaction stores can be merged in it, see `merge_stored`)."""
    upto = _watermark(connection)
    return upto is None or upto >= _last_rowid(connection)


def merge_stored(
    connection: Connection,
    events: Sequence[PreparedEvent],
    pending: Counter[indicator_summary.Key] | None = None,
    fresh: Collection[str] = (),
    counts: BundleCounts | None = None,
) -> bool:
    """Merge the events an import just stored (their rows built as the bundles were opened),
    in its transaction, and move the watermark past them; whether it was done.

    The caller checked `merged_state_current` before storing them, so these events are all
    the merged state lacks: merging them from memory spares the catch-up reading them back,
    parsing them again and committing apart. Should the merge fail, its savepoint is rolled
    back and the import stands: the catch-up merges the events later, as before.
    `pending`: where the summary's change is added, for the caller to write once
    (`indicator_summary.add`) before its commit, after several merges; else written here.
    `fresh`: entities of `events` of which no event had been received before them: the merged
    state, a view of the received events, has no row of theirs to look up (most of an
    import's: its new contacts and referrals). `counts`: `events` are whole bundles, and
    these the sum of their `merged_rows.bundle_counts` (see `merge_prepared`).
    """
    if not events:
        return True
    change: Counter[indicator_summary.Key] | None = None if pending is None else Counter()
    savepoint = connection.begin_nested()
    try:
        indicator_summary.ensure_ready(connection)
        merge_prepared(connection, events, summary=True, pending=change, fresh=fresh, counts=counts)
        _set_watermark(connection, _last_rowid(connection))
    except (KeyError, TypeError, ValueError, AttributeError):
        savepoint.rollback()
        return False
    savepoint.commit()
    if pending is not None and change is not None:
        pending.update(change)
    return True


def merged_state_behind(connection: Connection) -> bool:
    """Whether events were stored that the merged tables do not reflect yet (two index reads)."""
    upto = _watermark(connection)
    return upto is not None and _last_rowid(connection) > upto


def _lock_for(db: Database) -> threading.Lock:
    """One catch-up at a time per database file in this process: parallel indicator
    connections wait here for the first one's work rather than on SQLite's busy timeout."""
    key = str(db.path.resolve()) if db.is_sqlite else db.name
    with _locks_guard:
        return _catch_up_locks.setdefault(key, threading.Lock())


def catch_up_merged_state(db: Database, batch: int = CATCH_UP_BATCH) -> int:
    """Merge every received event above the watermark; returns how many events were merged.

    Each batch is one transaction that merges its events and moves the watermark past them,
    so an interruption keeps what was done and the next call resumes after it. Events are
    merged as stored: a quarantined event (same id, other content) was never stored, so it
    never reaches the indicators.
    """
    merged = 0
    with _lock_for(db):
        while True:
            with db.transaction() as session:
                connection = _driver_connection(session)
                upto = _watermark(connection)
                if upto is None:  # no import since the view was decoupled: all merged
                    _set_watermark(connection, _last_rowid(connection))
                    return merged
                rows = connection.execute(
                    _sql(
                        f"SELECT rowid, {_EVENT_FIELDS} FROM received_event WHERE rowid > :upto "
                        "ORDER BY rowid LIMIT :batch"
                    ),
                    {"upto": upto, "batch": batch},
                ).fetchall()
                if not rows:
                    return merged
                indicator_summary.ensure_ready(connection)
                merge_events(connection, [_merge_event(row[1:]) for row in rows], summary=True)
                _set_watermark(connection, rows[-1][0])
                merged += len(rows)


# payload as text: PostgreSQL's driver would parse a json column itself, more slowly
_EVENT_FIELDS = "desk_id, seq, entity, entity_id, op, CAST(payload AS TEXT), branch, id"


def _merge_event(row: Sequence[Any]) -> MergeEvent:
    """desk_id, seq, entity, entity_id, op, payload, branch, id of a `received_event` row."""
    desk, seq, entity, entity_id, op, payload, branch, event_id = row
    return MergeEvent(desk, seq, entity, entity_id, op, orjson.loads(payload), branch, event_id)


def record_desk(connection: Connection, desk_id: str, manifest: dict[str, Any]) -> None:
    """Keep what the desk's newest bundle says about itself (an older bundle changes nothing).

    Called by the import in its own transaction: the manifest is not kept anywhere else, and
    it is one row per bundle.
    """
    record_desks(connection, [(desk_id, manifest)])


def record_desks(connection: Connection, bundles: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """`record_desk` of each (desk id, manifest), in their order, in one executemany (a batch
    of bundles, in one round trip on a server)."""
    rows = [_desk_row(desk, manifest) for desk, manifest in bundles]
    execute_many(connection, _RECORD_DESK, rows)


_RECORD_DESK = (
    "INSERT INTO merged_desk (desk_id, bundle_seq, bundle_created_at, directory_version, "
    "directory_published_at, directory_imported_at) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (desk_id) DO UPDATE SET "
    "bundle_seq = excluded.bundle_seq, bundle_created_at = excluded.bundle_created_at, "
    "directory_version = excluded.directory_version, "
    "directory_published_at = excluded.directory_published_at, "
    "directory_imported_at = excluded.directory_imported_at "
    "WHERE excluded.bundle_seq >= merged_desk.bundle_seq"
)


def _desk_row(desk_id: str, manifest: dict[str, Any]) -> tuple[Any, ...]:
    found = manifest.get("directory")
    directory: dict[str, Any] = found if isinstance(found, dict) else {}
    return (
        desk_id,
        int(manifest.get("bundle_seq") or 0),
        _text(manifest.get("created_at")),
        _text(directory.get("version")),
        _text(directory.get("published_at")),
        _text(directory.get("imported_at")),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)[:64]


def rebuild_merged_state(session: Session, batch: int = 20_000) -> int:
    """Recompute contacts and referrals from every received event (merged_desk is kept); the
    watermark then stands at the last event."""
    connection = _driver_connection(session)
    for table in ("merged_tombstone", "merged_contact", "merged_referral"):
        connection.execute(_sql(f"DELETE FROM {table}"))
    changed = 0
    # Contacts first, so referrals find their contact's day without a second pass.
    for entity in ("contact", "referral"):
        result = connection.execute(
            _sql(f"SELECT {_EVENT_FIELDS} FROM received_event WHERE entity = :entity"),
            {"entity": entity},
        )
        while rows := result.fetchmany(batch):
            changed += merge_events(connection, [_merge_event(row) for row in rows])
    _set_watermark(connection, _last_rowid(connection))
    indicator_summary.refresh_summary(connection)
    return changed
