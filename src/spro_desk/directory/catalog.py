"""Reading the cached directory: its summary, and the full record of a service."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from spro_desk.directory.richtext import plain_text
from spro_desk.storage.engine import Database

# Columns read for a search hit or a suggestion candidate (service s, structure st).
SUMMARY_SELECT = """
SELECT s.pk, s.id, st.id, s.nom, st.nom, COALESCE(s.commune, st.commune),
       COALESCE(s.code_insee, st.code_insee), COALESCE(s.horaires_accueil, st.horaires_accueil),
       st.reseau, s.modes_accueil, s.structure_only
FROM service s JOIN structure st ON st.pk = s.structure_pk
"""


@dataclass(frozen=True, slots=True)
class ServiceSummary:
    pk: int
    service_id: str
    structure_id: str
    service_nom: str
    structure_nom: str
    commune: str | None
    code_insee: str | None
    horaires: str | None
    reseau: str | None
    modes_accueil: tuple[str, ...]
    # The row stands for a structure without any service (see rows._add_structure_only).
    structure_only: bool = False

    @classmethod
    def from_row(
        cls, row: tuple[Any, ...], modes: Callable[[str | None], tuple[str, ...]] | None = None
    ) -> ServiceSummary:
        """A row of SUMMARY_SELECT, its columns named in the SELECT's order; `modes` decodes
        the JSON list of modes d'accueil (a caller decoding many rows may cache it). An 11th
        column, when given, says whether the row stands for a structure without service."""
        pk, service_id, structure_id, service_nom, structure_nom, commune, code_insee = row[:7]
        horaires, reseau, modes_accueil = row[7:10]
        return cls(
            pk=pk,
            service_id=service_id,
            structure_id=structure_id,
            service_nom=service_nom,
            structure_nom=structure_nom,
            commune=commune,
            code_insee=code_insee,
            horaires=horaires,
            reseau=reseau,
            modes_accueil=modes(modes_accueil)
            if modes
            else tuple(json.loads(modes_accueil or "[]")),
            structure_only=bool(row[10]) if len(row) > 10 else False,
        )

    def result_json(self, score: float, reasons: list[str]) -> dict[str, Any]:
        """One result of `directory search` or `suggest` in the CLI's JSON contract."""
        return {
            "service_id": None if self.structure_only else self.service_id,
            "structure_id": self.structure_id,
            "structure_seule": self.structure_only,
            "service_nom": None if self.structure_only else self.service_nom,
            "structure_nom": self.structure_nom,
            "commune": self.commune,
            "reseau": self.reseau,
            "score": score,
            "reasons": reasons,
        }


@dataclass(frozen=True)
class DirectoryInfo:
    structures: int
    services: int
    source: str | None
    imported_at: datetime | None
    rejected: int
    warnings: int
    oldest_update: str | None
    newest_update: str | None
    structures_without_service: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "structures": self.structures,
            "services": self.services,
            "structures_sans_service": self.structures_without_service,
            "source": self.source or "",
            "imported_at": self.imported_at.isoformat() if self.imported_at else "",
            "rejected": self.rejected,
            "warnings": self.warnings,
            "oldest_update": self.oldest_update,
            "newest_update": self.newest_update,
        }


def directory_info(db: Database) -> DirectoryInfo:
    with db.engine.connect() as connection:
        run = connection.exec_driver_sql
        structures = run("SELECT COUNT(*) FROM structure").scalar_one()
        services, lone = run(
            "SELECT COUNT(*) - COALESCE(SUM(structure_only), 0), COALESCE(SUM(structure_only), 0) "
            "FROM service"
        ).one()
        last = run(
            "SELECT source, imported_at, rejected, warnings FROM directory_import "
            "ORDER BY pk DESC LIMIT 1"
        ).first()
        oldest, newest = run("SELECT MIN(date_maj), MAX(date_maj) FROM service").one()
    imported_at = datetime.fromisoformat(last[1]).replace(tzinfo=UTC) if last else None
    return DirectoryInfo(
        structures=structures,
        services=services,
        source=last[0] if last else None,
        imported_at=imported_at,
        rejected=last[2] if last else 0,
        warnings=last[3] if last else 0,
        oldest_update=oldest,
        newest_update=newest,
        structures_without_service=lone,
    )


def summaries(connection: Connection, pks: list[int]) -> dict[int, ServiceSummary]:
    if not pks:
        return {}
    marks = ", ".join("?" for _ in pks)
    rows = connection.exec_driver_sql(f"{SUMMARY_SELECT} WHERE s.pk IN ({marks})", tuple(pks))
    return {row[0]: ServiceSummary.from_row(tuple(row)) for row in rows}


def service_record(db: Database, service_id: str) -> dict[str, Any] | None:
    """Everything the directory says about a service and its structure (for the detail pane).

    A structure without service is found by the id of the row that stands for it.
    """
    with db.engine.connect() as connection:
        service = (
            connection.exec_driver_sql("SELECT * FROM service WHERE id = ?", (service_id,))
            .mappings()
            .first()
        )
        if service is None:
            return None
        structure = (
            connection.exec_driver_sql(
                "SELECT * FROM structure WHERE pk = ?", (service["structure_pk"],)
            )
            .mappings()
            .one()
        )
    return {"service": _decoded(service), "structure": _decoded(structure)}


def entry_record(db: Database, entry_id: str) -> dict[str, Any] | None:
    """A service (with its structure) or a structure alone, by the id data·inclusion gives it.

    For a structure, "service" is None; "services" lists the names of its services.
    """
    record = service_record(db, entry_id)
    if record is not None and not record["service"]["structure_only"]:
        return record
    with db.engine.connect() as connection:
        structure = (
            connection.exec_driver_sql("SELECT * FROM structure WHERE id = ?", (entry_id,))
            .mappings()
            .first()
        )
        if structure is None and record is None:
            return None
        if structure is None:
            structure = record["structure"]  # type: ignore[index]
        names = connection.exec_driver_sql(
            "SELECT id, nom FROM service WHERE structure_pk = ? AND NOT structure_only "
            "ORDER BY nom, id",
            (structure["pk"],),
        ).all()
    return {
        "service": None,
        "structure": _decoded(structure) if not isinstance(structure, dict) else structure,
        "services": [{"id": row[0], "nom": row[1]} for row in names],
    }


_JSON_COLUMNS = frozenset(
    {
        "thematiques", "publics", "modes_accueil", "modes_mobilisation", "mobilisable_par",
        "zone_eligibilite", "spro_publics", "reseaux_porteurs", "niveaux",
    }
)  # fmt: skip


def _decoded(row: Any) -> dict[str, Any]:
    decoded = {
        key: json.loads(value) if key in _JSON_COLUMNS and value is not None else value
        for key, value in dict(row).items()
    }
    # What the detail pane, the slip and `directory show` display: markup never reaches them.
    decoded["description_texte"] = plain_text(decoded.get("description"))
    if "structure_only" in decoded:
        decoded["structure_only"] = bool(decoded["structure_only"])
    return decoded
