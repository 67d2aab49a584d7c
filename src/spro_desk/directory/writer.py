"""Replace the cached directory in one transaction, batch by batch: readers see the old one
until commit, and a failure anywhere before it rolls everything back."""

from __future__ import annotations

import itertools
import json
from array import array
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from spro_desk.directory.rows import (
    SERVICE_COLUMNS,
    STRUCTURE_COLUMNS,
    DirectoryTables,
)

if TYPE_CHECKING:
    from spro_desk.directory.report import ImportReport


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"


def _sql_utc(moment: datetime) -> str:
    """The layout SQLAlchemy's SQLite DateTime reads back: naive UTC with microseconds."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


_STRUCTURE_INSERT = _insert_sql("structure", STRUCTURE_COLUMNS)
_SERVICE_INSERT = _insert_sql("service", SERVICE_COLUMNS)
# One statement per (kind, value) with its pks as a JSON array: SQLite unpacks them at C speed
# instead of Python binding 1.6 M three-value rows (3.5 times faster on a national import).
_TAG_INSERT = (
    "INSERT INTO service_tag (kind, value, service_pk) SELECT ?, ?, value FROM json_each(?)"
)
_SERVICE_STRUCTURE_INDEX = "CREATE INDEX ix_service_structure_pk ON service (structure_pk)"
_TAG_KEYS_CHUNK = 16  # keys with ~100 k pks each make ~700 kB of JSON
_FTS_INSERT = (
    "INSERT INTO service_fts (rowid, nom, structure_nom, description, commune) "
    "VALUES (?, ?, ?, ?, ?)"
)
# FTS5 writes its pending terms as a new segment every megabyte and, by default, merges
# segments as soon as 4 share a level (automerge 4, crisismerge 16): a national load merged
# the same postings again and again. During the load segments only pile up (up to 64 a level),
# then one 'optimize' leaves a single segment, which queries read fastest; the defaults are put
# back for later writes. Settings and merge are in the import's transaction, rolled back with it.
_FTS_BULK_SETTINGS = (("automerge", 0), ("crisismerge", 64))
_FTS_DEFAULT_SETTINGS = (("automerge", 4), ("crisismerge", 16))
_FTS_SETTING = "INSERT INTO service_fts (service_fts, rank) VALUES (?, ?)"


class BatchWriter:
    """Writes one import inside the caller's transaction; the old directory is cleared first."""

    def __init__(self, connection: Connection) -> None:
        self._run = connection.exec_driver_sql
        # The tag table is keyed by (kind, value, service pk). Services arrive in pk order, so
        # each (kind, value) gets its pks already sorted: kept as compact arrays (8 bytes a tag)
        # and written at the end in key order, one sequential pass through the b-tree.
        self._tags: dict[tuple[str, str], array[int]] = {}
        self._run("DELETE FROM service_tag")
        self._run("DELETE FROM service")
        self._run("DELETE FROM structure")
        self._run("INSERT INTO service_fts(service_fts) VALUES ('delete-all')")
        self._run(_FTS_SETTING, list(_FTS_BULK_SETTINGS))
        # Built once from the sorted column at the end rather than row by row (rolled back
        # with the rest if the import fails).
        self._run("DROP INDEX ix_service_structure_pk")

    def structures(self, rows: list[tuple[Any, ...]]) -> None:
        if rows:  # an empty list would be taken for "no parameters"
            self._run(_STRUCTURE_INSERT, rows)

    def services(self, tables: DirectoryTables) -> None:
        for sql, rows in (
            (_SERVICE_INSERT, tables.services),
            (_FTS_INSERT, tables.fts),
        ):
            if rows:
                self._run(sql, rows)
        tags = self._tags
        for pk, keys in tables.tags:
            for key in keys:
                pks = tags.get(key)
                if pks is None:
                    pks = tags[key] = array("q")
                pks.append(pk)
        tables.services.clear()
        tables.tags.clear()
        tables.fts.clear()

    def services_written(self) -> None:
        """Every service row is in: the index dropped for the bulk load is rebuilt."""
        self._run(_SERVICE_STRUCTURE_INDEX)

    def lone_structures(self, batch: int) -> Iterator[list[dict[str, Any]]]:
        """Structures no service row points to, `batch` at a time, as column dicts."""
        # The pks first: the rows written meanwhile must not change what this reads.
        pks = (
            self._run(
                "SELECT pk FROM structure WHERE pk NOT IN (SELECT structure_pk FROM service) "
                "ORDER BY pk"
            )
            .scalars()
            .all()
        )
        for start in range(0, len(pks), batch):
            chunk = pks[start : start + batch]
            marks = ", ".join("?" for _ in chunk)
            rows = self._run(
                f"SELECT * FROM structure WHERE pk IN ({marks}) ORDER BY pk", tuple(chunk)
            ).mappings()
            yield [dict(row) for row in rows]

    def _sorted_tags(self) -> Iterator[tuple[str, str, str]]:
        for key in sorted(self._tags):
            kind, value = key
            yield kind, value, json.dumps(self._tags.pop(key).tolist())

    def record(self, report: ImportReport) -> None:
        """The last writes: tags, the full-text index merged, the import's report."""
        self._run("INSERT INTO service_fts (service_fts) VALUES ('optimize')")
        self._run(_FTS_SETTING, list(_FTS_DEFAULT_SETTINGS))
        tags = self._sorted_tags()
        while chunk := list(itertools.islice(tags, _TAG_KEYS_CHUNK)):
            self._run(_TAG_INSERT, chunk)
        self._run(
            "INSERT INTO directory_import "
            "(source, imported_at, structures, services, rejected, warnings, report) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                report.source,
                _sql_utc(report.imported_at),
                report.structures,
                report.services,
                len(report.rejected),
                len(report.warnings),
                json.dumps(report.as_json(), ensure_ascii=False),
            ),
        )
