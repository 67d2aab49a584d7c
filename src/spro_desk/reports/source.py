"""Where indicators read from: the coordinator's merged tables, or a desk's own rows.

Both sources hand the indicator code a SQLAlchemy connection on which the names
`merged_contact`, `merged_referral` (and `merged_tombstone`) resolve to the right rows:

- `CoordinatorSource`: the main tables (SQLite or PostgreSQL), a view of the received events
  that every connection first brings up to date (`sync.merged.catch_up_merged_state`), so no
  figure is stale;
- `DeskSource`: TEMP tables of the same names and indexes (SQLite looks in `temp` first),
  filled from the desk's `contact` and `referral` tables through the very functions that merge
  bundle events — the site's own view and the region's share every line of code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection

from spro_desk import clock
from spro_desk.geo.cog import Geography, geography
from spro_desk.reports import queries
from spro_desk.reports.filters import Period, Site, locate
from spro_desk.storage.dialects import run
from spro_desk.storage.engine import Database
from spro_desk.storage.records import read_record
from spro_desk.sync.merged import (
    BUNDLE_MADE_AT,
    MergeEvent,
    catch_up_merged_state,
    merge_events,
    merged_state_behind,
    parse_moment,
)

MERGED_FOR_INDICATORS = ("merged_tombstone", "merged_contact", "merged_referral")
LOCAL_DESK_ID = "local"  # a desk with no sync identity yet


class Source(Protocol):
    label: str  # "Coordination régionale", or the site's name
    tracks_bundles: bool  # whether desks' bundles (and lateness) are known
    parallel: bool  # whether `connect` may be called for concurrent queries
    summarised: bool  # whether the connection's database keeps `indicator_summary`

    def connect(self, periods: Sequence[Period] = ()) -> AbstractContextManager[Connection]: ...

    def sites(self) -> list[Site]: ...

    def freshness(self) -> datetime | None:
        """The moment the data is as fresh as: the last bundle received, or now on a desk."""


class CoordinatorSource:
    label = "Coordination régionale"
    tracks_bundles = True  # desks without a recent bundle are "late"
    parallel = True  # independent queries may run on several connections at once
    summarised = True  # the merge keeps the indicators' summary (sync/indicator_summary.py)

    def __init__(self, db: Database, geo: Geography | None = None) -> None:
        self.db = db
        self.geo = geo or geography()

    @contextmanager
    def connect(self, periods: Sequence[Period] = ()) -> Iterator[Connection]:
        # Events imported but not merged yet (the import's catch-up interrupted, or running
        # in another process) are merged before anything is read. Checking costs two index
        # reads; no transaction stays open on the reading connection meanwhile.
        with self.db.engine.connect() as probe:
            behind = merged_state_behind(probe)
        if behind:
            catch_up_merged_state(self.db)
        with self.db.engine.connect() as connection:
            dialect = self.db.dialect
            dialect.prepare_reading(connection)
            try:
                yield connection
            finally:
                # A pooled connection: what the report left (TEMP tables, a larger cache, an
                # aborted transaction on PostgreSQL) goes before it is handed out again.
                connection.rollback()
                queries.drop_temporary(connection)
                dialect.end_reading(connection)
                connection.commit()

    def sites(self) -> list[Site]:
        with self.connect() as connection:
            rows = run(
                connection,
                "SELECT d.desk_id, d.site_nom, d.reseau, d.commune, b.last, "
                "COALESCE(m.directory_published_at, m.directory_imported_at) "
                "FROM registered_desk d "
                f"LEFT JOIN (SELECT desk_id, MAX({BUNDLE_MADE_AT}) AS last FROM received_bundle "
                "GROUP BY desk_id) b ON b.desk_id = d.desk_id "
                "LEFT JOIN merged_desk m ON m.desk_id = d.desk_id "
                # a revoked desk is out of coverage and late counts (issue 12); what it sent
                # before stays in the figures
                "WHERE NOT d.revoked "
                "ORDER BY d.site_nom, d.desk_id",
            ).fetchall()
        sites = (
            Site(desk, nom, reseau, commune, last_bundle_at=_moment(last),
                 directory_date=_moment(directory))
            for desk, nom, reseau, commune, last, directory in rows
        )  # fmt: skip
        return [locate(site, self.geo) for site in sites]

    def freshness(self) -> datetime | None:
        with self.connect() as connection:
            last = run(connection, "SELECT MAX(received_at) FROM received_bundle").scalar()
        return _moment(last)


def _moment(value: str | datetime | None) -> datetime | None:
    """A moment as SQLite gives it (ISO text, maybe with a space) or PostgreSQL (a datetime)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return parse_moment(value.replace(" ", "T")) if value else None


# --- the desk's own view ------------------------------------------------------------------


def _temp_copies(connection: Connection) -> None:
    """TEMP tables and indexes with the definitions of the main merged tables (a desk is
    SQLite: its TEMP tables hide the main ones of the same name)."""
    marks = ",".join("?" * len(MERGED_FOR_INDICATORS))
    rows = connection.exec_driver_sql(
        f"SELECT type, sql FROM sqlite_master WHERE tbl_name IN ({marks}) AND sql IS NOT NULL "
        "ORDER BY type DESC",  # tables before their indexes
        MERGED_FOR_INDICATORS,
    ).fetchall()
    for kind, sql in rows:
        if kind == "table":
            connection.exec_driver_sql(re.sub(r"^CREATE TABLE", "CREATE TEMP TABLE", sql))
        else:
            sql = re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX temp.", sql)
            connection.exec_driver_sql(sql)


def _utc_bounds(periods: Sequence[Period]) -> tuple[str, str]:
    """A UTC window that surely holds every local day of the periods."""
    start = clock.local(datetime.combine(min(p.start for p in periods), time()))
    end = clock.local(datetime.combine(max(p.end for p in periods) + timedelta(days=1), time()))
    return (
        start.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
        end.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
    )


class DeskSource:
    """The site's own contacts and referrals, as the coordinator would merge them."""

    tracks_bundles = False
    parallel = False  # the TEMP tables live on one connection
    summarised = False  # the desk's merged rows are TEMP tables, made for each report

    def __init__(self, db: Database, geo: Geography | None = None) -> None:
        self.db = db
        self.geo = geo or geography()
        identity = read_record(db, "desk.identity") or {}
        self.label = self._setting("site.nom") or identity.get("site_nom") or "Ce site"

    def _setting(self, key: str) -> str | None:
        record = read_record(self.db, key)
        return record["v"] if record else None

    def desk_id(self) -> str:
        identity = read_record(self.db, "desk.identity")
        return str(identity["desk_id"]) if identity and "desk_id" in identity else LOCAL_DESK_ID

    @contextmanager
    def connect(self, periods: Sequence[Period] = ()) -> Iterator[Connection]:
        # One of the engine's connections: the merge writes the TEMP tables of this
        # connection, the indicators read them on it.
        with self.db.engine.connect() as connection:
            try:
                self.db.dialect.prepare_reading(connection)  # invalidated after: no end
                _temp_copies(connection)
                if periods:
                    self._fill(connection, periods)
                yield connection
            finally:
                connection.invalidate()  # the TEMP tables go with it, never back to the pool

    def _fill(self, connection: Connection, periods: Sequence[Period]) -> None:
        from spro_desk.sync.changelog import CONTACT_FIELDS, REFERRAL_FIELDS

        start, end = _utc_bounds(periods)
        desk = self.desk_id()
        columns = ", ".join(CONTACT_FIELDS)
        contacts = connection.exec_driver_sql(
            f"SELECT id, {columns} FROM main.contact WHERE deleted_at IS NULL "
            "AND occurred_at >= ? AND occurred_at < ?",
            (start, end),
        ).fetchall()
        merge_events(connection, (_event(desk, "contact", row, CONTACT_FIELDS) for row in contacts))
        columns = ", ".join(f"r.{name}" for name in REFERRAL_FIELDS)
        referrals = connection.exec_driver_sql(
            f"SELECT r.id, {columns} FROM main.referral r JOIN main.contact c "
            "ON c.id = r.contact_id WHERE c.deleted_at IS NULL "
            "AND c.occurred_at >= ? AND c.occurred_at < ?",
            (start, end),
        ).fetchall()
        merge_events(
            connection, (_event(desk, "referral", row, REFERRAL_FIELDS) for row in referrals)
        )

    def sites(self) -> list[Site]:
        from spro_desk.sync.bundle import directory_summary

        summary = directory_summary(self.db)
        directory = _moment(summary.get("published_at") or summary.get("imported_at"))
        identity = read_record(self.db, "desk.identity") or {}
        site = Site(
            self.desk_id(),
            self.label,
            self._setting("site.reseau") or str(identity.get("reseau") or ""),
            self._setting("site.commune") or identity.get("commune"),
            directory_date=directory,
        )
        return [replace(locate(site, self.geo), catchment=self._catchment())]

    def _catchment(self) -> tuple[str, ...]:
        from spro_desk.site.catchment import catchment_zones
        from spro_desk.site.settings import spec

        def get(key: str) -> object:
            record = read_record(self.db, key)
            return record["v"] if record else spec(key).default

        return catchment_zones(get, self.geo)

    def freshness(self) -> datetime | None:
        return datetime.now(UTC)


_JSON_FIELDS = {"besoins", "reponses", "motif"}


def _event(desk: str, entity: str, row: Sequence[Any], fields: Sequence[str]) -> MergeEvent:
    import json

    payload = {
        name: json.loads(value) if name in _JSON_FIELDS and isinstance(value, str) else value
        for name, value in zip(fields, row[1:], strict=True)
    }
    return MergeEvent(desk, 0, entity, row[0], "update", payload)
