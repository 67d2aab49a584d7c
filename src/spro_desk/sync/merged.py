"""The merged state: the latest contact and referral of every desk, in tables built for GROUP BY.

Indicators over a million contacts cannot read JSON events; they read these tables instead
(`merged_contact`, `merged_contact_code`, `merged_referral`, see storage/tables.py). They are a
pure function of the events received:

- per entity, the event with the highest (desk seq, desk id) wins, whatever the order in which
  bundles arrive; `merged_version` keeps that winner, deletions included (a tombstone), so an
  older event arriving late cannot bring a deleted contact back;
- a contact whose latest state is deleted (op `delete`, or `deleted_at` set) leaves the tables;
  its referrals stay but lose their contact's day, so they count nowhere until it comes back;
- a referral's destination network and level of service come from the directory of the
  database that merges (the coordinator's), looked up once when merged.

At the coordinator the tables are a materialised view of `received_event`, kept apart from
the import: the import stores a bundle's events atomically and commits; then
`catch_up_merged_state` merges every event above a watermark (the highest `received_event`
rowid merged, in the `setting` record `coordinator.merged_upto`) in transactions of its own,
each moving the watermark with the rows it merged. A crash in between only leaves the view
behind: the next catch-up — after the next import, or at the start of any indicators
computation (`reports.source.CoordinatorSource`) — merges the rest, and merging an event twice
changes nothing ("the highest rank wins"). `rebuild_merged_state` recomputes everything from
`received_event`. A desk feeds its own rows through `merge_events` into TEMP tables of the same
names (see `reports.source`), so the desk's view and the coordinator's share every line of the
indicator code.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson
from sqlmodel import Session

from spro_desk import clock
from spro_desk.directory.networks import infer_level
from spro_desk.vocab import category_of

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database

_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit
MERGED_TABLES = (
    "merged_version", "merged_contact", "merged_contact_code", "merged_referral", "merged_desk",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MergeEvent:
    """One change of one entity, as a bundle (or the desk's own table) describes it."""

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
    return (
        event.entity_id,
        event.desk_id,
        event.seq,
        occurred.astimezone(UTC).isoformat(),
        day.isoformat(),
        week_start(day).isoformat(),
        day.isoformat()[:7],
        str(payload["canal"]),
        str(payload["statut"]),
        str(payload.get("tranche_age") or "non-renseigne"),
        str(payload.get("sexe") or "non-renseigne"),
        _handicap(payload.get("handicap")),
        payload.get("commune") or None,
        payload.get("duree"),
    )


def contact_codes(contact: tuple[Any, ...], payload: dict[str, Any]) -> list[tuple[str, ...]]:
    """merged_contact_code rows: needs as recorded, their categories once, responses."""
    contact_id, desk_id, day = contact[0], contact[1], contact[4]
    needs = {str(code) for code in payload.get("besoins") or ()}
    codes = {("besoin", code) for code in needs}
    codes |= {("categorie", category_of(code)) for code in needs}
    codes |= {("reponse", str(code)) for code in payload.get("reponses") or ()}
    return [(kind, code, day, desk_id, contact_id) for kind, code in sorted(codes)]


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
    )


def _iso(value: Any) -> str | None:
    moment = parse_moment(value)
    return moment.astimezone(UTC).isoformat() if moment else None


# --- the destination's network and level, from the directory ----------------------------------


def _destinations(
    connection: sqlite3.Connection, referrals: Sequence[MergeEvent]
) -> dict[str, tuple[str | None, int | None]]:
    """service id -> (network, level of service), as the directory of this database says.

    Level: the service's own `niveau` (x_spro); otherwise 2 for a CEP operator's service or
    structure (the CEP is level-2 by law); otherwise the structure's single declared level;
    otherwise the level the directory infers from the service type (information: 1, else 2,
    as the suggestions do); else unknown (None).
    """
    service_ids = sorted({str(e.payload.get("service_id")) for e in referrals})
    found: dict[str, tuple[str | None, int | None]] = {}
    for chunk in _chunks(service_ids):
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            "SELECT v.id, s.reseau, v.niveau, v.operateur_cep, s.operateur_cep, s.niveaux, v.type "
            f"FROM service v JOIN structure s ON s.pk = v.structure_pk WHERE v.id IN ({marks})",
            chunk,
        )
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
    connection: sqlite3.Connection, structure_ids: Iterable[str]
) -> dict[str, str | None]:
    """Network of structures whose service is no longer in the directory."""
    found: dict[str, str | None] = {}
    for chunk in _chunks(sorted(set(structure_ids))):
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, reseau FROM structure WHERE id IN ({marks})"
        found.update(connection.execute(query, chunk).fetchall())
    return found


# --- merging ---------------------------------------------------------------------------------


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _current_ranks(connection: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple]:
    ranks: dict[str, tuple] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        query = (
            "SELECT entity_id, branch, seq, desk_id, event_id FROM merged_version "
            f"WHERE entity_id IN ({marks})"
        )
        ranks.update({row[0]: tuple(row[1:]) for row in connection.execute(query, chunk)})
    return ranks


def _winners(
    connection: sqlite3.Connection, events: Iterable[MergeEvent]
) -> tuple[list[MergeEvent], set[str]]:
    """The events newer than both the rest of the batch and the merged state, and the ids
    the merged state already knew (only those have rows to replace)."""
    latest: dict[str, MergeEvent] = {}
    for event in events:
        known = latest.get(event.entity_id)
        if known is None or event.rank > known.rank:
            latest[event.entity_id] = event
    current = _current_ranks(connection, list(latest))
    winners = [
        e for e in latest.values() if e.entity_id not in current or e.rank > current[e.entity_id]
    ]
    return winners, set(current)


def merge_events(connection: sqlite3.Connection, events: Iterable[MergeEvent]) -> int:
    """Bring the merged tables up to date with `events`; returns how many entities changed.

    Works on any connection where the `merged_*` names resolve (main tables at the
    coordinator, TEMP tables on a desk), inside the caller's transaction.
    """
    winners, known = _winners(connection, events)
    if not winners:
        return 0
    connection.executemany(
        "INSERT OR REPLACE INTO merged_version (entity_id, entity, desk_id, seq, live, branch, "
        "event_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (e.entity_id, e.entity, e.desk_id, e.seq, int(_is_live(e)), e.branch, e.event_id)
            for e in winners
        ],
    )
    contacts = [e for e in winners if e.entity == "contact"]
    referrals = [e for e in winners if e.entity == "referral"]
    if contacts:
        _merge_contacts(connection, contacts, known)
    if referrals:
        _merge_referrals(connection, referrals, known)
    return len(winners)


def _is_live(event: MergeEvent) -> bool:
    return event.op != "delete" and not event.payload.get("deleted_at")


def _merge_contacts(
    connection: sqlite3.Connection, contacts: list[MergeEvent], known: set[str]
) -> None:
    ids = [(e.entity_id,) for e in contacts if e.entity_id in known]
    connection.executemany("DELETE FROM merged_contact WHERE id = ?", ids)
    connection.executemany("DELETE FROM merged_contact_code WHERE contact_id = ?", ids)
    rows, codes, days = [], [], []
    for event in contacts:
        row = contact_row(event)
        if row is not None:
            rows.append(row)
            codes.extend(contact_codes(row, event.payload))
        days.append((row[4] if row else None, row[3] if row else None, event.entity_id))
    connection.executemany(f"INSERT INTO merged_contact VALUES ({','.join('?' * 14)})", rows)
    connection.executemany("INSERT INTO merged_contact_code VALUES (?, ?, ?, ?, ?)", codes)
    # Referrals recorded before this state of their contact follow it (day, or nowhere).
    connection.executemany(
        "UPDATE merged_referral SET contact_day = ?, contact_at = ? WHERE contact_id = ?", days
    )


def _merge_referrals(
    connection: sqlite3.Connection, referrals: list[MergeEvent], known: set[str]
) -> None:
    connection.executemany(
        "DELETE FROM merged_referral WHERE id = ?",
        [(e.entity_id,) for e in referrals if e.entity_id in known],
    )
    live = [e for e in referrals if _is_live(e)]
    if not live:
        return
    destinations = _destinations(connection, live)
    orphans = [str(e.payload.get("structure_id")) for e in live]
    networks = _structure_networks(connection, orphans)
    contact_ids = sorted({str(e.payload["contact_id"]) for e in live})
    contacts: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(contact_ids):
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, day, occurred_at FROM merged_contact WHERE id IN ({marks})"
        contacts.update({row[0]: (row[1], row[2]) for row in connection.execute(query, chunk)})
    rows = []
    for event in live:
        p = event.payload
        reseau, niveau = destinations.get(
            str(p["service_id"]), (networks.get(str(p["structure_id"])), None)
        )
        day, at = contacts.get(str(p["contact_id"]), (None, None))
        rows.append(referral_row(event, day, at, reseau, niveau))
    connection.executemany(f"INSERT INTO merged_referral VALUES ({','.join('?' * 18)})", rows)


# --- the coordinator's materialised view: catch-up, desks, rebuild ----------------------------

# When a bundle was made: the desk's `created_at`, but never later than its arrival (a desk
# clock ahead would hide a late desk); bundles of older desks have only their arrival.
BUNDLE_MADE_AT = (
    "MIN(COALESCE(substr(created_at, 1, 26), replace(received_at, ' ', 'T')), "
    "replace(received_at, ' ', 'T'))"
)


WATERMARK_KEY = "coordinator.merged_upto"  # {"rowid": the highest received_event rowid merged}
CATCH_UP_BATCH = 20_000  # events per catch-up transaction: bounded memory, short write locks
_catch_up_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _driver_connection(session: Session) -> sqlite3.Connection:
    session.flush()  # rows the session holds must be visible to the plain connection
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def _watermark(connection: sqlite3.Connection) -> int | None:
    row = connection.execute(
        "SELECT json_extract(value, '$.rowid') FROM setting WHERE key = ?", (WATERMARK_KEY,)
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _set_watermark(connection: sqlite3.Connection, rowid: int) -> None:
    connection.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (WATERMARK_KEY, json.dumps({"rowid": rowid})),
    )


def _last_rowid(connection: sqlite3.Connection) -> int:
    (last,) = connection.execute("SELECT MAX(rowid) FROM received_event").fetchone()
    return int(last or 0)


def start_watermark(connection: sqlite3.Connection) -> None:
    """Called by the import before it stores events, in its transaction: the first import
    since the view was decoupled sets the watermark below its events.

    Why: `received_event` rows are never deleted, so their rowids only grow (and VACUUM, which
    may renumber rowids, has no hole to close). Before this record existed, every stored event
    was merged inside its import; so a missing record means "everything stored is merged",
    and an import that finds it missing records exactly that before adding anything.
    """
    if _watermark(connection) is None:
        _set_watermark(connection, _last_rowid(connection))


def merged_state_behind(connection: sqlite3.Connection) -> bool:
    """Whether events were stored that the merged tables do not reflect yet (two index reads)."""
    upto = _watermark(connection)
    return upto is not None and _last_rowid(connection) > upto


def _lock_for(db: Database) -> threading.Lock:
    """One catch-up at a time per database file in this process: parallel indicator
    connections wait here for the first one's work rather than on SQLite's busy timeout."""
    key = str(db.path.resolve())
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
                    "SELECT rowid, desk_id, seq, entity, entity_id, op, payload, branch, id "
                    "FROM received_event WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    (upto, batch),
                ).fetchall()
                if not rows:
                    return merged
                merge_events(connection, [_merge_event(row[1:]) for row in rows])
                _set_watermark(connection, rows[-1][0])
                merged += len(rows)


def _merge_event(row: Sequence[Any]) -> MergeEvent:
    """desk_id, seq, entity, entity_id, op, payload, branch, id of a `received_event` row."""
    desk, seq, entity, entity_id, op, payload, branch, event_id = row
    return MergeEvent(desk, seq, entity, entity_id, op, orjson.loads(payload), branch, event_id)


def record_desk(connection: sqlite3.Connection, desk_id: str, manifest: dict[str, Any]) -> None:
    """Keep what the desk's newest bundle says about itself (an older bundle changes nothing).

    Called by the import in its own transaction: the manifest is not kept anywhere else, and
    it is one row per bundle.
    """
    found = manifest.get("directory")
    directory: dict[str, Any] = found if isinstance(found, dict) else {}
    connection.execute(
        "INSERT INTO merged_desk (desk_id, bundle_seq, bundle_created_at, directory_version, "
        "directory_published_at, directory_imported_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (desk_id) DO UPDATE SET "
        "bundle_seq = excluded.bundle_seq, bundle_created_at = excluded.bundle_created_at, "
        "directory_version = excluded.directory_version, "
        "directory_published_at = excluded.directory_published_at, "
        "directory_imported_at = excluded.directory_imported_at "
        "WHERE excluded.bundle_seq >= merged_desk.bundle_seq",
        (
            desk_id,
            int(manifest.get("bundle_seq") or 0),
            _text(manifest.get("created_at")),
            _text(directory.get("version")),
            _text(directory.get("published_at")),
            _text(directory.get("imported_at")),
        ),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)[:64]


def rebuild_merged_state(session: Session, batch: int = 20_000) -> int:
    """Recompute contacts and referrals from every received event (merged_desk is kept); the
    watermark then stands at the last event."""
    connection = _driver_connection(session)
    for table in ("merged_version", "merged_contact", "merged_contact_code", "merged_referral"):
        connection.execute(f"DELETE FROM {table}")
    changed = 0
    # Contacts first, so referrals find their contact's day without a second pass.
    for entity in ("contact", "referral"):
        cursor = connection.execute(
            "SELECT desk_id, seq, entity, entity_id, op, payload, branch, id FROM received_event "
            "WHERE entity = ?",
            (entity,),
        )
        while rows := cursor.fetchmany(batch):
            changed += merge_events(connection, [_merge_event(row) for row in rows])
    _set_watermark(connection, _last_rowid(connection))
    return changed
