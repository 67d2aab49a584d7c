"""Structures without any service, as candidates the suggestion engine can rank (issue 10)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from spro_desk.directory.catalog import SUMMARY_SELECT, ServiceSummary


@dataclass(frozen=True, slots=True)
class StructureCandidate:
    summary: ServiceSummary  # summary.structure_only is True; summary.service_nom is its name
    coordinates: tuple[float, float] | None


def structure_candidates(
    connection: Connection, zones: tuple[str, ...], reseaux: tuple[str, ...] | None = None
) -> list[StructureCandidate]:
    """Structures without service standing in one of `zones` (a visitor's zones_of_commune),
    optionally of the given SPRO networks; ordered by name."""
    if not zones:
        return []
    marks = ", ".join("?" for _ in zones)
    sql = (
        SUMMARY_SELECT.replace("SELECT ", "SELECT COALESCE(s.latitude, st.latitude), "
                               "COALESCE(s.longitude, st.longitude), ", 1)
        + " WHERE s.structure_only AND s.pk IN (SELECT service_pk FROM service_tag "
        f"WHERE kind = 'zone' AND value IN ({marks}))"
    )  # fmt: skip
    params: list[str] = list(zones)
    if reseaux:
        sql += f" AND st.reseau IN ({', '.join('?' for _ in reseaux)})"
        params.extend(reseaux)
    rows = connection.exec_driver_sql(sql + " ORDER BY st.nom, s.pk", tuple(params)).all()
    return [
        StructureCandidate(
            ServiceSummary.from_row(tuple(row[2:])),
            (row[0], row[1]) if row[0] is not None and row[1] is not None else None,
        )
        for row in rows
    ]
