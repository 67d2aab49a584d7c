"""What the coordinator looks at and does in its window, without Qt.

Read-only queries over the coordinator's tables (desks and their lateness, bundles received,
alerts), its one setting (the lateness threshold), the import of a batch of bundle files and
the export of its identity file: the coordinator window shows and calls these as they are, and
a script can use them the same way. Times are stored in UTC without a zone; they come
out of here as aware UTC datetimes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import literal_column
from sqlalchemy import select as core_select
from sqlmodel import col, func, select

from spro_desk.agents.coordination_audit import record_bundle_import
from spro_desk.site.settings import VALUE_FIELD, as_record
from spro_desk.storage.coordination_tables import ReceivedBundle, RegisteredDesk, SyncAlert
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record, write_record
from spro_desk.sync.coordinator import (
    BundleRefused,
    ImportOutcome,
    _driver,
    import_bundles,
    missing_bundles,
)
from spro_desk.sync.coordinator_identity import signed_identity_file
from spro_desk.sync.merged import BUNDLE_MADE_AT, catch_up_merged_state

BUNDLE_SUFFIX = ".spro-bundle"
LATE_AFTER_DAYS_KEY = "coordinator.late_after_days"
DEFAULT_LATE_AFTER_DAYS = 14
LATE_AFTER_DAYS_RANGE = (1, 365)

ProgressCallback = Callable[[str, int, int], None]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# --- the lateness threshold ----------------------------------------------------------------


def late_after_days(db: Database) -> int:
    """Days without a bundle after which a desk counts as late (a coordinator setting)."""
    record = read_record(db, LATE_AFTER_DAYS_KEY)
    value = record.get(VALUE_FIELD) if record else None
    return value if isinstance(value, int) else DEFAULT_LATE_AFTER_DAYS


def set_late_after_days(db: Database, days: int) -> None:
    low, high = LATE_AFTER_DAYS_RANGE
    if not low <= days <= high:
        raise ValueError(f"Le délai de retard doit être compris entre {low} et {high} jours.")
    # Shaped as the declared settings are, so the settings reader can list it too.
    write_record(db, LATE_AFTER_DAYS_KEY, as_record(days))


# --- desks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeskOverview:
    desk_id: str
    site_nom: str
    reseau: str
    commune: str
    registered_at: datetime
    revoked: bool
    bundles: int
    last_bundle_seq: int | None
    last_received_at: datetime | None
    days_silent: int  # since the last bundle, or since registration when none came yet
    late: bool  # active, and silent for longer than the threshold
    missing_bundles: tuple[tuple[int, int], ...] = ()  # bundle numbers never received (runs)
    missing_bundle_count: int = 0


def _days_between(earlier: datetime, now: datetime) -> int:
    return max(0, (now - earlier).days)


def desk_overview(db: Database, now: datetime, late_after: int) -> list[DeskOverview]:
    """Every registered desk: the late ones first (longest silence first), revoked ones last."""
    now = _utc(now)
    # "late" counts from when the desk made its last bundle (issue 12), not when it arrived;
    # the number shown is that of the bundle made last (after a fork it is not the highest)
    made_at: Any = literal_column(BUNDLE_MADE_AT)
    ranked = core_select(
        col(ReceivedBundle.desk_id),
        func.count().over(partition_by=col(ReceivedBundle.desk_id)).label("bundles"),
        made_at.label("made_at"),
        col(ReceivedBundle.bundle_seq),
        func.row_number()
        .over(partition_by=col(ReceivedBundle.desk_id), order_by=made_at.desc())
        .label("rank"),
    ).subquery()
    received = select(
        ranked.c.desk_id, ranked.c.bundles, ranked.c.made_at, ranked.c.bundle_seq
    ).where(ranked.c.rank == 1)
    with db.session() as session:
        desks = session.exec(select(RegisteredDesk)).all()
        stats = {row[0]: row[1:] for row in session.exec(received).all()}
        connection = _driver(session)
        missing = {d.desk_id: missing_bundles(connection, d.desk_id) for d in desks}
    rows = []
    for desk in desks:
        count, made, last_seq = stats.get(desk.desk_id, (0, None, None))
        last_at = _utc(datetime.fromisoformat(made)) if made is not None else None
        silent = _days_between(last_at or _utc(desk.registered_at), now)
        rows.append(
            DeskOverview(
                desk_id=desk.desk_id,
                site_nom=desk.site_nom,
                reseau=desk.reseau,
                commune=desk.commune,
                registered_at=_utc(desk.registered_at),
                revoked=desk.revoked,
                bundles=count,
                last_bundle_seq=last_seq,
                last_received_at=last_at,
                days_silent=silent,
                late=not desk.revoked and silent > late_after,
                missing_bundles=tuple((a, b) for a, b in missing[desk.desk_id][1]),
                missing_bundle_count=missing[desk.desk_id][0],
            )
        )
    rows.sort(key=lambda d: (not d.late, d.revoked, -d.days_silent, d.site_nom.casefold()))
    return rows


def _site_names(db: Database) -> dict[str, str]:
    with db.session() as session:
        return dict(session.exec(select(RegisteredDesk.desk_id, RegisteredDesk.site_nom)).all())


# --- bundles received ----------------------------------------------------------------------


@dataclass(frozen=True)
class BundleReceived:
    desk_id: str
    site_nom: str
    bundle_seq: int
    events: int
    received_at: datetime


def received_bundles(db: Database) -> list[BundleReceived]:
    """Every bundle received, the latest first."""
    names = _site_names(db)
    # Columns, not ORM objects: a year of weekly bundles from 500 desks is 26,000 rows.
    query = select(
        ReceivedBundle.desk_id,
        ReceivedBundle.bundle_seq,
        ReceivedBundle.events,
        ReceivedBundle.received_at,
    ).order_by(col(ReceivedBundle.received_at).desc(), col(ReceivedBundle.bundle_seq).desc())
    with db.session() as session:
        rows = session.exec(query).all()
    return [
        BundleReceived(desk_id, names.get(desk_id, ""), seq, events, _utc(received_at))
        for desk_id, seq, events, received_at in rows
    ]


# --- alerts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertView:
    pk: int
    kind: str  # fork, gap, quarantine, unauthorised, audit
    desk_id: str
    site_nom: str
    raised_at: datetime
    bundle_seq: int | None = None  # fork
    reason: str = ""  # fork: « numéro réutilisé » or « chaîne rompue »
    missing: tuple[tuple[int, int], ...] = ()  # gap: ranges of missing event numbers
    missing_count: int = 0
    event_seq: int | None = None  # quarantine
    event_id: str = ""
    message: str = ""  # what happened, in French, when the import said it (issue 12)
    occurrences: int = 1  # raised again: counted, not repeated


def missing_ranges(numbers: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """(4, 7), (12, 12) from 4, 5, 6, 7, 12: a gap is read as ranges, not as a list."""
    ranges: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], number)
        else:
            ranges.append((number, number))
    return tuple(ranges)


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def _alert_view(alert: SyncAlert, site_nom: str) -> AlertView:
    detail = alert.detail if isinstance(alert.detail, dict) else {}
    missing = [n for n in detail.get("missing", []) if isinstance(n, int)]
    runs = detail.get("ranges")
    ranges = (
        tuple((int(a), int(b)) for a, b in runs) if isinstance(runs, list) else None
    )  # bounded runs, however many numbers are missing
    return AlertView(
        pk=alert.pk or 0,
        kind=alert.kind,
        desk_id=alert.desk_id,
        site_nom=site_nom,
        raised_at=_utc(alert.raised_at),
        bundle_seq=_int_or_none(detail.get("bundle_seq")),
        reason=str(detail.get("reason", "")),
        missing=ranges if ranges is not None else missing_ranges(missing),
        missing_count=_int_or_none(detail.get("count")) or len(missing),
        event_seq=_int_or_none(detail.get("seq")),
        event_id=str(detail.get("event_id", "")),
        message=str(detail.get("message", "")),
        occurrences=alert.occurrences or 1,
    )


def alert_views(db: Database) -> list[AlertView]:
    """The open alerts (not marked handled), the latest first."""
    names = _site_names(db)
    query = (
        select(SyncAlert)
        .where(col(SyncAlert.handled_at).is_(None))
        .order_by(col(SyncAlert.raised_at).desc(), col(SyncAlert.pk).desc())
    )
    with db.session() as session:
        alerts = session.exec(query).all()
    return [_alert_view(a, names.get(a.desk_id, "")) for a in alerts]


# --- importing a batch of files ------------------------------------------------------------


@dataclass(frozen=True)
class RefusedFile:
    path: Path
    reason: str  # French, from the import


@dataclass
class BatchImport:
    """What became of each file of a batch; files after a cancel are left untouched."""

    accepted: list[tuple[Path, ImportOutcome]] = field(default_factory=list)
    refused: list[RefusedFile] = field(default_factory=list)
    not_imported: list[Path] = field(default_factory=list)
    events_merged: int = 0  # events brought into the indicators by the import or after it

    @property
    def cancelled(self) -> bool:
        return bool(self.not_imported)

    @property
    def events_new(self) -> int:
        return sum(outcome.events_new for _path, outcome in self.accepted)

    @property
    def events_duplicate(self) -> int:
        return sum(outcome.events_duplicate for _path, outcome in self.accepted)

    @property
    def alerts(self) -> list[str]:
        return [kind for _path, outcome in self.accepted for kind in outcome.alerts]


def bundle_files_in(folder: Path) -> list[Path]:
    """The bundle files of a drop folder, by name: each desk's bundles in their order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == BUNDLE_SUFFIX)


def import_bundle_files(
    db: Database,
    data_dir: Path,
    paths: list[Path],
    *,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    via: str = "fenêtre de la coordination",
) -> BatchImport:
    """Import the files as one batched import (`sync.coordinator.import_bundles`: each file
    accepted or refused on its own, commits shared); a cancel stops between two files. Then,
    unless cancelled, the indicators' merged tables catch up with the events just committed
    (a cancelled import leaves that to the next indicators computation). The run goes to the
    coordination's audit trail, said to come from `via`."""
    batch = BatchImport()
    results = import_bundles(db, data_dir, paths, progress=progress, is_cancelled=is_cancelled)
    for path, result in results:
        if isinstance(result, BundleRefused):
            batch.refused.append(RefusedFile(path, str(result)))
        else:
            batch.accepted.append((path, result))
    batch.not_imported = list(paths[len(results) :])
    batch.events_merged = sum(outcome.events_merged for _path, outcome in batch.accepted)
    if not batch.cancelled:
        batch.events_merged += catch_up_merged_state(db)
    if paths:
        record_bundle_import(
            db,
            len(batch.accepted),
            len(batch.refused),
            via=via,
            events_new=batch.events_new,
            not_imported=len(batch.not_imported),
        )
    return batch


# --- the coordinator's identity, for the desks ---------------------------------------------


def write_identity_file(data_dir: Path, path: Path) -> Path:
    """The signed public identity the desks import once (`spro-desk desk trust-coordinator`)."""
    path.write_text(json.dumps(signed_identity_file(data_dir), indent=1), "utf-8")
    return path
