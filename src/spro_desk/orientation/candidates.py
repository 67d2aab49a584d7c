"""Loading the services that could suit a visitor: eligible zone and a requested need."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from spro_desk.directory.catalog import ServiceSummary

_AGE_RANGE = re.compile(r"(\d{1,2})\s*(?:à|a|-|–)\s*(\d{1,2})\s*ans", re.IGNORECASE)

_SELECT = """
SELECT s.pk, s.id, st.id, s.nom, st.nom, COALESCE(s.commune, st.commune),
       COALESCE(s.code_insee, st.code_insee), COALESCE(s.horaires_accueil, st.horaires_accueil),
       st.reseau, s.modes_accueil,
       s.thematiques, s.publics, s.spro_publics, s.age_min, s.age_max, s.operateur_cep,
       st.operateur_cep, s.niveau, s.type, st.reseau_infere, s.zone_eligibilite,
       s.publics_precisions, s.conditions_acces,
       COALESCE(s.latitude, st.latitude), COALESCE(s.longitude, st.longitude)
FROM service s JOIN structure st ON st.pk = s.structure_pk
WHERE s.pk IN (SELECT service_pk FROM service_tag WHERE kind = 'zone' AND value IN ({zones}))
  AND s.pk IN (SELECT service_pk FROM service_tag WHERE kind = 'thematique' AND value IN ({needs}))
"""


@dataclass(frozen=True, slots=True)
class Candidate:
    summary: ServiceSummary
    thematiques: frozenset[str]
    publics: frozenset[str]
    spro_publics: frozenset[str] | None
    age_min: int | None
    age_max: int | None
    ages_inferred: bool
    operateur_cep: bool
    niveau: int | None
    type: str | None
    reseau_infere: bool
    zones: tuple[str, ...]
    conditions_acces: str | None
    coordinates: tuple[float, float] | None

    @property
    def remote(self) -> bool:
        return "a-distance" in self.summary.modes_accueil


def _ages(row: tuple[Any, ...]) -> tuple[int | None, int | None, bool]:
    age_min, age_max, precisions = row[13], row[14], row[21]
    if age_min is not None or age_max is not None or row[12] is not None:
        return age_min, age_max, False
    match = _AGE_RANGE.search(precisions or "")
    if match:  # a plain export: read "De 16 à 25 ans." from publics_precisions
        return int(match.group(1)), int(match.group(2)), True
    return None, None, False


def _candidate(row: tuple[Any, ...]) -> Candidate:
    age_min, age_max, inferred = _ages(row)
    spro = json.loads(row[12]) if row[12] is not None else None
    cep = row[15] if row[15] is not None else bool(row[16])
    has_coordinates = row[23] is not None and row[24] is not None
    return Candidate(
        summary=ServiceSummary.from_row(row[:10]),
        thematiques=frozenset(json.loads(row[10])),
        publics=frozenset(json.loads(row[11])),
        spro_publics=frozenset(spro) if spro is not None else None,
        age_min=age_min,
        age_max=age_max,
        ages_inferred=inferred,
        operateur_cep=bool(cep),
        niveau=row[17],
        type=row[18],
        reseau_infere=bool(row[19]),
        zones=tuple(json.loads(row[20])),
        conditions_acces=row[22],
        coordinates=(row[23], row[24]) if has_coordinates else None,
    )


def load_candidates(
    connection: Connection, zones: tuple[str, ...], needs: tuple[str, ...]
) -> list[Candidate]:
    sql = _SELECT.format(zones=", ".join("?" for _ in zones), needs=", ".join("?" for _ in needs))
    rows = connection.exec_driver_sql(sql, (*zones, *needs)).all()
    return [_candidate(tuple(row)) for row in rows]


def commune_coordinates(connection: Connection, commune: str) -> tuple[float, float] | None:
    """Where a commune is, from the directory rows located in it (the directory's own field)."""
    row = connection.exec_driver_sql(
        "SELECT AVG(latitude), AVG(longitude) FROM structure "
        "WHERE code_insee = ? AND latitude IS NOT NULL AND longitude IS NOT NULL",
        (commune,),
    ).one()
    return (row[0], row[1]) if row[0] is not None else None
