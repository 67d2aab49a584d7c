"""The merged state's rows, built from one event alone: what `sync.merged` writes.

Kept apart from `sync.merged` (and free of the database layer) because the coordinator's bundle
reader builds them in a process of its own (sync.reader_process) while the coordinator writes
the previous bundles: the writer then only chooses the winners and inserts. Every path (the
import, the catch-up, a desk's own view) goes through `prepared`, so the merged figures are the
same whichever process built the rows.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

import orjson

from spro_desk import clock
from spro_desk.sync.event_shape import readable_contact, readable_referral


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


Rank = tuple[str, int, str, str]


class PreparedEvent(NamedTuple):
    """An event reduced to what merging it needs: its entity, its rank, and the row it would
    write — the whole `merged_contact` row, or the `merged_referral` row without what the
    merging database adds (the contact's day and moment, the destination's network and
    level: `REFERRAL_FILLED`); None for a deleted state (a tombstone)."""

    entity: str
    entity_id: str
    rank: Rank
    row: tuple[Any, ...] | None


# A plain tuple made a PreparedEvent by tuple.__new__ in C: `PreparedEvent._make` and the
# named tuple's own __new__ are a Python call per event (45,000 per 500 desk-weeks).
as_prepared = functools.partial(tuple.__new__, PreparedEvent)

# Positions, in a merged_referral row, of what the merging database fills in.
REFERRAL_CONTACT_ID, REFERRAL_DAY, REFERRAL_AT = 3, 4, 5
REFERRAL_SERVICE_ID, REFERRAL_STRUCTURE_ID = 6, 7
REFERRAL_RESEAU, REFERRAL_NIVEAU = 16, 17


def prepared(event: MergeEvent) -> PreparedEvent:
    """The event's rank and row (KeyError, ValueError, TypeError when its payload cannot be
    read: `sync.event_shape.mergeable` refuses those before anything is stored)."""
    return prepared_of(*event)


def prepared_of(
    desk_id: str,
    seq: int,
    entity: str,
    entity_id: str,
    op: str,
    payload: dict[str, Any],
    branch: str = "",
    event_id: str = "",
) -> PreparedEvent:
    """`prepared` of a `MergeEvent`'s fields, without building one."""
    row: tuple[Any, ...] | None = None
    if op != "delete" and not payload.get("deleted_at"):
        if entity == "contact":
            row = _contact_row(entity_id, desk_id, seq, payload, branch, event_id)
        else:
            row = _referral_row(entity_id, desk_id, seq, payload, branch, event_id)
    return as_prepared((entity, entity_id, (branch, seq, desk_id, event_id), row))


def checked_plain(
    desk_id: str,
    seq: int,
    entity: str,
    entity_id: str,
    op: str,
    payload: dict[str, Any],
    branch: str = "",
    event_id: str = "",
) -> tuple[str, str, Rank, tuple[Any, ...] | None] | None:
    """`prepared_of` as a plain tuple (what the bundle reader's worker process sends: 45,000 per
    500 desk-weeks) of an event that `sync.event_shape.mergeable` accepts; None for one it
    refuses. The checks and the row read the same fields, and a contact's moment is parsed
    once."""
    row: tuple[Any, ...] | None = None
    if op != "delete" and not payload.get("deleted_at"):
        try:
            if entity == "contact":
                if (occurred := readable_contact(payload)) is None:
                    return None
                row = _contact_row(entity_id, desk_id, seq, payload, branch, event_id, occurred)
            elif readable_referral(payload):
                row = _referral_row(entity_id, desk_id, seq, payload, branch, event_id)
            else:
                return None
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError):
            return None  # a payload `mergeable` accepts but the row cannot read: a bug
    return (entity, entity_id, (branch, seq, desk_id, event_id), row)


# --- the indicators' summary counts of contact rows (sync.indicator_summary) ------------------

Key = tuple[str, str, str, str]  # a summary count's month, kind, code, code2
# Where each field of a contact's keys is in a row: month, day, canal, statut, tranche d'âge,
# sexe, handicap, commune (None counts as ""), desk, besoins, reponses.
Layout = tuple[int, int, int, int, int, int, int, int, int, int, int]
WRITTEN: Layout = (6, 4, 7, 8, 9, 10, 11, 12, 1, 14, 15)  # `contact_row`'s order
# A bundle's summary counts (`bundle_counts`): its distinct entities, and the counts of the
# contact rows it would write if each of its entities' latest event won.
BundleCounts = tuple[int, dict[Key, int]]


def add_counts(
    tally: Counter[Key], rows: Sequence[Sequence[Any]], at: Layout, sign: int = 1
) -> None:
    """Each contact row's ten summary counts added to `tally` (`sign` -1: taken away).

    The rows are first grouped in C by the few fields of each kind (a merge's thousands of
    contacts fall in a few thousand profiles, days, communes…), and only the groups' keys
    are built here: ten key tuples built in Python per contact cost twice as much."""
    month, day, canal, statut, age, sexe, handicap, commune, desk, besoins, reponses = at

    def groups(*fields: int) -> Iterable[tuple[tuple[Any, ...], int]]:
        return Counter(map(itemgetter(month, *fields), rows)).items()

    for (m, value), n in groups(day):
        tally[(m, "day", value, "")] += sign * n
    for (m, c, s, a, x, h), n in groups(canal, statut, age, sexe, handicap):
        for key in (
            (m, "canal", c, ""), (m, "statut", s, ""), (m, "tranche_age", a, ""),
            (m, "sexe", x, ""), (m, "handicap", h, ""), (m, "sexe_age", x, a),
        ):  # fmt: skip
            tally[key] += sign * n
    for (m, value), n in groups(commune):
        tally[(m, "commune", value or "", "")] += sign * n
    for (m, d, c), n in groups(desk, canal):
        tally[(m, "desk_canal", d, c)] += sign * n
    for (m, b, r), n in groups(besoins, reponses):
        tally[(m, "codes", b, r)] += sign * n


_Event = TypeVar("_Event", bound=tuple[Any, ...])  # a PreparedEvent, or its plain tuple


def latest_of(events: Iterable[_Event]) -> dict[str, _Event]:
    """Each entity's event of highest rank (the first of equal ones): what a merge of these
    events alone would write (`sync.merged`). By position: the reading worker's events are
    plain tuples (`checked_plain`)."""
    latest: dict[str, _Event] = {}
    for event in events:
        known = latest.get(event[1])
        if known is None or event[2] > known[2]:
            latest[event[1]] = event
    return latest


def bundle_counts(events: Iterable[tuple[Any, ...]]) -> BundleCounts:
    """A bundle's distinct entities and the summary counts of the contact rows of their latest
    events. Counted as the bundle is opened (by the reading worker, off the importing process):
    a merge of whole bundles, none of whose entities is in another, then adds these and takes
    away only the rows that lose to the merged state (`sync.merged.merge_prepared`)."""
    latest = latest_of(events)
    rows = [e[3] for e in latest.values() if e[0] == "contact" and e[3] is not None]
    counts: Counter[Key] = Counter()
    add_counts(counts, rows, WRITTEN)
    return len(latest), dict(counts)


def is_live(event: MergeEvent) -> bool:
    return event.op != "delete" and not event.payload.get("deleted_at")


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


def contact_row(event: MergeEvent) -> tuple[Any, ...] | None:
    """The merged_contact row of a contact's state; None when that state is deleted."""
    payload = event.payload
    if event.op == "delete" or payload.get("deleted_at"):
        return None
    return _contact_row(
        event.entity_id, event.desk_id, event.seq, payload, event.branch, event.event_id
    )


def _contact_row(
    entity_id: str,
    desk_id: str,
    seq: int,
    payload: dict[str, Any],
    branch: str,
    event_id: str,
    parsed: datetime | None = None,
) -> tuple[Any, ...]:
    """`parsed`: the moment `payload["occurred_at"]` was already read as, if it was."""
    text = payload["occurred_at"]
    aware = parsed is not None and parsed.tzinfo is not None  # as parse_moment would return it
    occurred = parsed if aware else parse_moment(text if parsed is None else parsed)
    assert occurred is not None
    iso_day, week, month = _day_texts(clock.local(occurred).date())
    handicap = payload.get("handicap")
    return (
        entity_id,
        desk_id,
        seq,
        _utc_text(occurred, text),
        iso_day,
        week,
        month,
        shared(str(payload["canal"])),
        shared(str(payload["statut"])),
        shared(str(payload.get("tranche_age") or "non-renseigne")),
        shared(str(payload.get("sexe") or "non-renseigne")),
        "non-renseigne" if handicap is None else ("oui" if handicap else "non"),
        shared(payload.get("commune") or None),
        payload.get("duree"),
        codes_text(payload.get("besoins")),
        codes_text(payload.get("reponses")),
        branch,
        event_id,
    )


def _day_texts(day: date) -> tuple[str, str, str]:
    """A day's ISO text, its week's Monday and its month: a bundle's contacts share a few
    days, so each is worked out once (every contact did it: a fifth of the reader's time)."""
    found = _DAY_TEXTS.get(day)
    if found is None:
        if len(_DAY_TEXTS) >= _MAX_DAYS:
            _DAY_TEXTS.clear()  # bounded, whatever days a desk sends
        iso_day = day.isoformat()
        found = _DAY_TEXTS[day] = (iso_day, week_start(day).isoformat(), iso_day[:7])
    return found


_DAY_TEXTS: dict[date, tuple[str, str, str]] = {}
_MAX_DAYS = 10_000  # 27 years of days


def shared(value: Any) -> Any:
    """`value`, as the one object of its text met before when it is a text: a bundle's rows
    repeat a few canals, statuts, communes, structures. Sent by the reader's worker, one shared
    object travels once per bundle (`marshal` writes a reference for the next ones), and the
    importing process then reads, hashes and compares it once, not once per row (the summary
    counts contacts grouped by these fields)."""
    if type(value) is not str:
        return value
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) >= _MAX_SHARED:
            _SHARED.clear()  # bounded, whatever texts a desk sends
        found = _SHARED[value] = value
    return found


_SHARED: dict[str, str] = {}
_MAX_SHARED = 50_000


def codes_text(codes: Iterable[Any] | None) -> str:
    """Needs or responses as merged_contact keeps them: the distinct codes, sorted, as a compact
    JSON array (unambiguous whatever a code holds; `codes_of` reads it back)."""
    if not codes:
        return "[]"
    key = tuple(codes)
    try:
        # Only texts are kept: a JSON number, boolean or null never equals a text, so a
        # combination found is one of texts (1 and True, equal as keys, are never looked up).
        return _KNOWN_CODES[key]
    except (KeyError, TypeError):  # TypeError: a list or an object among the codes
        pass
    text = _codes_text(key)
    if len(_KNOWN_CODES) < _MAX_KNOWN_CODES and all(type(code) is str for code in key):
        _KNOWN_CODES[key] = text  # a few combinations, met again and again
    return text


def _codes_text(codes: Iterable[Any]) -> str:
    return orjson.dumps(sorted({str(code) for code in codes})).decode()


_KNOWN_CODES: dict[tuple[Any, ...], str] = {}
_MAX_KNOWN_CODES = 4096


def codes_of(text: str) -> list[str]:
    return list(orjson.loads(text)) if text else []


def referral_row(
    event: MergeEvent, day: str | None, at: str | None, reseau: str | None, niveau: int | None
) -> tuple[Any, ...]:
    """The merged_referral row of a referral's state, with its contact's day and moment."""
    return _referral_row(
        event.entity_id, event.desk_id, event.seq, event.payload, event.branch, event.event_id,
        day, at, reseau, niveau,
    )  # fmt: skip


def _referral_row(
    entity_id: str,
    desk_id: str,
    seq: int,
    p: dict[str, Any],
    branch: str,
    event_id: str,
    day: str | None = None,
    at: str | None = None,
    reseau: str | None = None,
    niveau: int | None = None,
) -> tuple[Any, ...]:
    rdv = parse_moment(p.get("rdv_at"))
    return (
        entity_id,
        desk_id,
        seq,
        str(p["contact_id"]),
        day,
        at,
        shared(str(p["service_id"])),
        shared(str(p["structure_id"])),
        shared(str(p.get("structure_nom") or "")),
        shared(str(p.get("service_nom") or "")),
        shared(str(p["type"])),
        shared(str(p["statut"])),
        _iso(rdv),
        local_day(rdv).isoformat() if rdv else None,
        _iso(p["created_at"]),
        _iso(p["updated_at"]),
        reseau,
        niveau,
        branch,
        event_id,
    )


def _iso(value: Any) -> str | None:
    moment = parse_moment(value)
    return _utc_text(moment, value) if moment else None


def _utc_text(moment: datetime, value: Any) -> str:
    """`moment` in UTC as `isoformat` writes it; `value`, the text it was read from, when that
    is already so (as desks write their moments): formatting it again cost a tenth of the
    bundle reader's time. Hours 00-23 only: a newer Python reads 24:00 as the next day."""
    if type(value) is str and _UTC_ISO(value) and not value.endswith(".000000+00:00"):
        return value
    return moment.astimezone(UTC).isoformat()


_UTC_ISO = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?\+00:00"
).fullmatch
