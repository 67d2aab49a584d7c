"""Replace the cached directory in one transaction: readers see the old one until commit."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from spro_desk.directory.report import ImportCancelled, ImportReport
from spro_desk.directory.rows import SERVICE_COLUMNS, STRUCTURE_COLUMNS, DirectoryTables
from spro_desk.storage.engine import Database


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"


def _sql_utc(moment: datetime) -> str:
    """The layout SQLAlchemy's SQLite DateTime reads back: naive UTC with microseconds."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def write_directory(
    db: Database,
    tables: DirectoryTables,
    report: ImportReport,
    is_cancelled: Callable[[], bool],
) -> None:
    with db.engine.begin() as connection:
        run = connection.exec_driver_sql
        run("DELETE FROM service_tag")
        run("DELETE FROM service")
        run("DELETE FROM structure")
        run("INSERT INTO service_fts(service_fts) VALUES ('delete-all')")
        inserts = (
            (_insert_sql("structure", STRUCTURE_COLUMNS), tables.structures),
            (_insert_sql("service", SERVICE_COLUMNS), tables.services),
            # in key order: appending to the WITHOUT ROWID b-tree instead of inserting at random
            (
                "INSERT INTO service_tag (kind, value, service_pk) VALUES (?, ?, ?)",
                sorted(tables.tags),
            ),
            (
                "INSERT INTO service_fts (rowid, nom, structure_nom, description, commune) "
                "VALUES (?, ?, ?, ?, ?)",
                tables.fts,
            ),
        )
        for sql, rows in inserts:
            if rows:  # an empty list would be taken for "no parameters"
                run(sql, rows)
        run(
            "INSERT INTO directory_import "
            "(source, imported_at, structures, services, rejected, warnings, report) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                report.source,
                _sql_utc(report.imported_at),
                len(tables.structures),
                len(tables.services),
                len(report.rejected),
                len(report.warnings),
                json.dumps(report.as_json(), ensure_ascii=False),
            ),
        )
        if is_cancelled():  # leaving the block by an exception rolls everything back
            raise ImportCancelled("Import annulé : l'annuaire actuel est conservé.")
