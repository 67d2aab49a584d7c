"""The merged state's rows, built from one event alone: what `sync.merged` writes.

Kept apart from `sync.merged` (and free of the database layer) because the coordinator's bundle
reader builds them in a process of its own (sync.reader_process) while the coordinator writes
the previous bundles: the writer then only chooses the winners and inserts. Every path (the
import, the catch-up, a desk's own view) goes through `prepared`, so the merged figures are the
same whichever process built the rows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

import orjson

from spro_desk import clock


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


# Positions, in a merged_referral row, of what the merging database fills in.
REFERRAL_CONTACT_ID, REFERRAL_DAY, REFERRAL_AT = 3, 4, 5
REFERRAL_SERVICE_ID, REFERRAL_STRUCTURE_ID = 6, 7
REFERRAL_RESEAU, REFERRAL_NIVEAU = 16, 17


def prepared(event: MergeEvent) -> PreparedEvent:
    """The event's rank and row (KeyError, ValueError, TypeError when its payload cannot be
    read: `sync.event_shape.mergeable` refuses those before anything is stored)."""
    row: tuple[Any, ...] | None = None
    if is_live(event):
        if event.entity == "contact":
            row = contact_row(event)
        else:
            row = referral_row(event, None, None, None, None)
    return PreparedEvent(event.entity, event.entity_id, event.rank, row)


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
    key = tuple(codes)
    if all(type(code) is str for code in key):  # 1 and True would be one key: text only
        return _known_codes_text(key)  # a few combinations, met again and again
    return _codes_text(key)


def _codes_text(codes: Iterable[Any]) -> str:
    return orjson.dumps(sorted({str(code) for code in codes})).decode()


_known_codes_text = functools.lru_cache(maxsize=4096)(_codes_text)


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
