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
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson
from sqlalchemy import Connection, text
from sqlmodel import Session

from spro_desk import clock
from spro_desk.directory.networks import infer_level
from spro_desk.storage.dialects import Rows, execute_many, run
from spro_desk.sync import indicator_summary

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database

_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit
MERGED_TABLES = (
    "merged_tombstone", "merged_contact", "merged_referral", "merged_desk",
)  # fmt: skip


class MergeEvent(NamedTuple):
    """One change of one entity, as a bundle (or the desk's own table) describes it.

    A named tuple: built for every event merged, ten times cheaper than a frozen dataclass."""

    desk_id: str
    seq: int
    entity: str  # contact, referral
    entity_id: str
    op: str  # create, update, delete
    payload: dict[str, Any]
    branch: str = ""  # the desk's history branch (sync.branches): a later one wins
    event_id: str = ""  # last resort: two events can never tie, whatever the import order

    @property
    def rank(self) -> tuple[str, int, str, str]:
        return (self.branch, self.seq, self.desk_id, self.event_id)


# Each statement's TextClause made once: building one parses it and recomputes its cache key,
# more than the statement itself costs SQLite (500 bundles: thousands of statements).
_sql = functools.cache(text)

# --- from payloads to rows -------------------------------------------------------------------


def parse_moment(value: str | datetime | None) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_day(moment: datetime) -> date:
    """Days and weeks are the site's calendar days (spro_desk.clock: the site's time zone, set
    when its database opens), whatever the clock of the machine that merges."""
    return clock.local(moment).date()


def week_start(day: date) -> date:
    """The Monday of the ISO week of `day`."""
    return day - timedelta(days=day.weekday())


def _handicap(value: Any) -> str:
    return "non-renseigne" if value is None else ("oui" if value else "non")


def contact_row(event: MergeEvent) -> tuple[Any, ...] | None:
    """The merged_contact row of a contact's state; None when that state is deleted."""
    payload = event.payload
    if event.op == "delete" or payload.get("deleted_at"):
        return None
    occurred = parse_moment(payload["occurred_at"])
    assert occurred is not None
    day = local_day(occurred)
    iso_day = day.isoformat()
    return (
        event.entity_id,
        event.desk_id,
        event.seq,
        occurred.astimezone(UTC).isoformat(),
        iso_day,
        week_start(day).isoformat(),
        iso_day[:7],
        str(payload["canal"]),
        str(payload["statut"]),
        str(payload.get("tranche_age") or "non-renseigne"),
        str(payload.get("sexe") or "non-renseigne"),
        _handicap(payload.get("handicap")),
        payload.get("commune") or None,
        payload.get("duree"),
        codes_text(payload.get("besoins")),
        codes_text(payload.get("reponses")),
        event.branch,
        event.event_id,
    )


def codes_text(codes: Iterable[Any] | None) -> str:
    """Needs or responses as merged_contact keeps them: the distinct codes, sorted, as a compact
    JSON array (unambiguous whatever a code holds; `codes_of` reads it back)."""
    if not codes:
        return "[]"
    return orjson.dumps(sorted({str(code) for code in codes})).decode()


def codes_of(text: str) -> list[str]:
    return list(orjson.loads(text)) if text else []


def referral_row(
    event: MergeEvent, day: str | None, at: str | None, reseau: str | None, niveau: int | None
) -> tuple[Any, ...]:
    """The merged_referral row of a referral's state, with its contact's day and moment."""
    p = event.payload
    head = (event.entity_id, event.desk_id, event.seq, str(p["contact_id"]), day, at)
    names = (str(p.get("structure_nom") or ""), str(p.get("service_nom") or ""))
    rdv = parse_moment(p.get("rdv_at"))
    rdv_day = local_day(rdv).isoformat() if rdv else None
    moments = (_iso(rdv), rdv_day, _iso(p["created_at"]), _iso(p["updated_at"]))
    kind = (str(p["type"]), str(p["statut"]))
    return (
        *head,
        str(p["service_id"]),
        str(p["structure_id"]),
        *names,
        *kind,
        *moments,
        reseau,
        niveau,
        event.branch,
        event.event_id,
    )


def _iso(value: Any) -> str | None:
    moment = parse_moment(value)
    return moment.astimezone(UTC).isoformat() if moment else None


# --- the destination's network and level, from the directory ----------------------------------


def _destinations(
    connection: Connection, referrals: Sequence[MergeEvent]
) -> dict[str, tuple[str | None, int | None]]:
    """service id -> (network, level of service), as the directory of this database says.

    Level: the service's own `niveau` (x_spro); otherwise 2 for a CEP operator's service or
    structure (the CEP is level-2 by law); otherwise the structure's single declared level;
    otherwise the level the directory infers from the service type (information: 1, else 2,
    as the suggestions do); else unknown (None).
    """
    service_ids = sorted({str(e.payload.get("service_id")) for e in referrals})
    found: dict[str, tuple[str | None, int | None]] = {}
    query = (
        "SELECT v.id, s.reseau, v.niveau, v.operateur_cep, s.operateur_cep, s.niveaux, v.type "
        "FROM service v JOIN structure s ON s.pk = v.structure_pk WHERE v.id IN :ids"
    )
    for chunk in _chunks(service_ids):
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


def _in(connection: Connection, sql: str, **lists: Sequence[Any]) -> Rows:
    """`sql` whose `:name` placeholders each stand for a list (an IN of as many parameters),
    run by the driver: SQLAlchemy's expanding parameters cost more to render than the query
    costs SQLite (bench/bench_sync.py --profile). An empty list matches nothing."""
    params: list[Any] = []
    for name, values in lists.items():
        sql = sql.replace(f":{name}", f"({','.join('?' * len(values))})" if values else "(NULL)")
        params.extend(values)
    return run(connection, sql, params)


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# Where an entity's current rank is kept: its live row, or its tombstone.
_CONTACT, _REFERRAL, _TOMBSTONE = "c", "r", "t"


def _current_ranks(
    connection: Connection, latest: dict[str, MergeEvent]
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
    connection: Connection, events: Iterable[MergeEvent]
) -> tuple[list[MergeEvent], dict[str, str]]:
    """The events newer than both the rest of the batch and the merged state, and where the
    merged state keeps the ones it knew (only those have rows to replace)."""
    latest: dict[str, MergeEvent] = {}
    for event in events:
        known = latest.get(event.entity_id)
        if known is None or event.rank > known.rank:
            latest[event.entity_id] = event
    current = _current_ranks(connection, latest)
    winners = [
        e for e in latest.values() if e.entity_id not in current or e.rank > current[e.entity_id][1]
    ]
    return winners, {entity_id: place for entity_id, (place, _rank) in current.items()}


def merge_events(
    connection: Connection, events: Iterable[MergeEvent], *, summary: bool = False
) -> int:
    """Bring the merged tables up to date with `events`; returns how many entities changed.

    Works on any connection where the `merged_*` names resolve (main tables at the
    coordinator, TEMP tables on a desk), inside the caller's transaction. `summary`: keep the
    coordinator's `indicator_summary` exact too (`sync.indicator_summary`).
    """
    winners, known = _winners(connection, events)
    if not winners:
        return 0
    if summary and indicator_summary.is_ready(connection):
        # Contacts' counts follow their rows one by one (taken away, added); referrals'
        # counts, some of them distinct contacts, are counted again over their (day, desk)
        # pairs (see sync/indicator_summary.py).
        tally: Counter[indicator_summary.Key] = Counter()
        with indicator_summary.kept_by(connection, _referral_pairs(connection, winners), tally):
            _apply(connection, winners, known, tally)
    else:
        _apply(connection, winners, known)
    return len(winners)


def _referral_pairs(connection: Connection, winners: list[MergeEvent]) -> set[tuple[str, str]]:
    """The (day, desk) pairs whose merged referrals the winners change (see `kept_by`)."""

    def lookup(sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        return [tuple(row) for chunk in _chunks(ids) for row in _in(connection, sql, ids=chunk)]

    contacts = {e.entity_id: e for e in winners if e.entity == "contact"}
    referrals = [
        (e.entity_id, e.desk_id, str(e.payload.get("contact_id")))
        for e in winners
        if e.entity == "referral"
    ]
    days = functools.cache(lambda contact_id: _day_after(contacts[contact_id]))
    return indicator_summary.referral_pairs(contacts.keys(), referrals, days, lookup)


def _day_after(contact: MergeEvent) -> str | None:
    """The day `contact_row` gives the contact (None: deleted), without the rest of its row."""
    if not _is_live(contact):
        return None
    occurred = parse_moment(contact.payload["occurred_at"])
    assert occurred is not None
    return local_day(occurred).isoformat()


def _apply(
    connection: Connection,
    winners: list[MergeEvent],
    known: dict[str, str],
    tally: Counter[Any] | None = None,
) -> None:
    """`tally`: where the summary counts of the contact rows replaced and written go."""
    buried = [e.entity_id for e in winners if known.get(e.entity_id) == _TOMBSTONE]
    for chunk in _chunks(buried):
        _in(connection, "DELETE FROM merged_tombstone WHERE entity_id IN :ids", ids=chunk)
    execute_many(
        connection,
        _INSERT_TOMBSTONE,
        [
            (e.entity_id, e.entity, e.desk_id, e.seq, e.branch, e.event_id)
            for e in winners
            if not _is_live(e)
        ],
    )
    contacts = [e for e in winners if e.entity == "contact"]
    referrals = [e for e in winners if e.entity == "referral"]
    if contacts:
        _merge_contacts(connection, contacts, known, tally)
    if referrals:
        _merge_referrals(connection, referrals, known)


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


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_INSERT_CONTACT = _insert("merged_contact", CONTACT_COLUMNS)
_INSERT_REFERRAL = _insert("merged_referral", REFERRAL_COLUMNS)
_INSERT_TOMBSTONE = _insert("merged_tombstone", _TOMBSTONE_COLUMNS)


def _is_live(event: MergeEvent) -> bool:
    return event.op != "delete" and not event.payload.get("deleted_at")


def _merge_contacts(
    connection: Connection,
    contacts: list[MergeEvent],
    known: dict[str, str],
    tally: Counter[Any] | None = None,
) -> None:
    ids = [e.entity_id for e in contacts if known.get(e.entity_id) == _CONTACT]
    if tally is not None:
        indicator_summary.take_away_contacts(connection, ids, tally)
    for chunk in _chunks(ids):
        _in(connection, "DELETE FROM merged_contact WHERE id IN :ids", ids=chunk)
    rows: list[tuple[Any, ...]] = []
    days: list[tuple[Any, ...]] = []
    for event in contacts:
        row = contact_row(event)
        if row is not None:
            rows.append(row)
        days.append((row[4] if row else None, row[3] if row else None, event.entity_id))
    execute_many(connection, _INSERT_CONTACT, rows)
    if tally is not None:
        indicator_summary.add_contacts(rows, tally)
    # Referrals merged before this state of their contact follow it (day, or nowhere): only
    # the contacts that have some are updated (one look-up per 500, not one UPDATE each).
    followed = _with_referrals(connection, [day[2] for day in days])
    execute_many(
        connection,
        "UPDATE merged_referral SET contact_day = ?, contact_at = ? WHERE contact_id = ?",
        [day for day in days if day[2] in followed],
    )


def _with_referrals(connection: Connection, contact_ids: Sequence[str]) -> set[str]:
    query = "SELECT DISTINCT contact_id FROM merged_referral WHERE contact_id IN :ids"
    found: set[str] = set()
    for chunk in _chunks(contact_ids):
        found.update(row[0] for row in _in(connection, query, ids=chunk))
    return found


def _merge_referrals(
    connection: Connection, referrals: list[MergeEvent], known: dict[str, str]
) -> None:
    gone = [e.entity_id for e in referrals if known.get(e.entity_id) == _REFERRAL]
    for chunk in _chunks(gone):
        _in(connection, "DELETE FROM merged_referral WHERE id IN :ids", ids=chunk)
    live = [e for e in referrals if _is_live(e)]
    if not live:
        return
    destinations = _destinations(connection, live)
    orphans = [str(e.payload.get("structure_id")) for e in live]
    networks = _structure_networks(connection, orphans)
    contact_ids = sorted({str(e.payload["contact_id"]) for e in live})
    contacts: dict[str, tuple[str, str]] = {}
    query = "SELECT id, day, occurred_at FROM merged_contact WHERE id IN :ids"
    for chunk in _chunks(contact_ids):
        found = _in(connection, query, ids=chunk)
        contacts.update({row[0]: (row[1], row[2]) for row in found})
    rows = []
    for event in live:
        p = event.payload
        reseau, niveau = destinations.get(
            str(p["service_id"]), (networks.get(str(p["structure_id"])), None)
        )
        day, at = contacts.get(str(p["contact_id"]), (None, None))
        rows.append(referral_row(event, day, at, reseau, niveau))
    execute_many(connection, _INSERT_REFERRAL, rows)


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


def merge_stored(connection: Connection, rows: Sequence[Sequence[Any]]) -> bool:
    """Merge the `received_event` rows an import just stored, in its transaction, and move the
    watermark past them; whether it was done.

    The caller checked `merged_state_current` before storing them, so these rows are all
    the merged state lacks: merging them from memory spares the catch-up reading them back,
    parsing them again and committing apart. Should the merge fail, its savepoint is rolled
    back and the import stands: the catch-up merges the events later, as before.
    """
    if not rows:
        return True
    savepoint = connection.begin_nested()
    try:
        indicator_summary.ensure_ready(connection)
        merge_events(connection, [_stored_event(row) for row in rows], summary=True)
        _set_watermark(connection, _last_rowid(connection))
    except (KeyError, TypeError, ValueError, AttributeError):
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def _stored_event(row: Sequence[Any]) -> MergeEvent:
    """id, desk_id, seq, content_sha256, entity, entity_id, op, at, payload, branch."""
    event_id, desk, seq, _content, entity, entity_id, op, _at, payload, branch = row
    return MergeEvent(desk, seq, entity, entity_id, op, orjson.loads(payload), branch, event_id)


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
    found = manifest.get("directory")
    directory: dict[str, Any] = found if isinstance(found, dict) else {}
    connection.execute(
        _sql(
            "INSERT INTO merged_desk (desk_id, bundle_seq, bundle_created_at, directory_version, "
            "directory_published_at, directory_imported_at) "
            "VALUES (:desk, :seq, :made, :version, :published, :imported) "
            "ON CONFLICT (desk_id) DO UPDATE SET "
            "bundle_seq = excluded.bundle_seq, bundle_created_at = excluded.bundle_created_at, "
            "directory_version = excluded.directory_version, "
            "directory_published_at = excluded.directory_published_at, "
            "directory_imported_at = excluded.directory_imported_at "
            "WHERE excluded.bundle_seq >= merged_desk.bundle_seq"
        ),
        {
            "desk": desk_id,
            "seq": int(manifest.get("bundle_seq") or 0),
            "made": _text(manifest.get("created_at")),
            "version": _text(directory.get("version")),
            "published": _text(directory.get("published_at")),
            "imported": _text(directory.get("imported_at")),
        },
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
