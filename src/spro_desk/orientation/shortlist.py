"""The few candidates of a request that can reach its first suggestions, found without loading
the others.

In a dense commune (Paris: ≈ 5,500 services meet a common need) reading every candidate's row
and computing its leading signals cost most of a suggestion (≈ 200 ms of CPU). The services'
fields those signals read repeat a lot, so the directory is read once per import into a
compact index (`candidate_index`, ~1.5 s and ~16 MB for the national bench directory, built
off the request: `Suggester.prepare`; until it is built a request ranks every candidate): each
service's zones, thématiques, structure, coordinates and kind (its fields and commune: 45,000
kinds for its 97,000 services). A request computes the leading signals once per kind, the
distance only in the best groups, and loads the rows of the candidates that can reach the first
`limit` distinct structures: every candidate whose leading signals sort before or with the
last group needed (`shortlist`). `rank_first`
over those gives exactly what it gives over all of them (`tests/test_shortlist.py`).
"""

from __future__ import annotations

import json
import math
import threading
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.orientation.candidates import (
    CANDIDATE_COLUMNS,
    Candidate,
    candidate_of,
    codes_of,
    directory_version,
    inferred_ages,
    ordered_codes,
)
from spro_desk.orientation.ranking import (
    NO_MATCH,
    Leading,
    RankingContext,
    Request,
    distance_km,
    is_eligible,
    leading_key,
    leading_signals,
)

# Every service once, in the order `load_candidates` returns them (its primary key), with what
# its leading signals and eligibility read; publics_precisions only where ages are read from it.
_INDEX_SERVICES = """
SELECT s.pk, s.structure_pk, COALESCE(s.code_insee, st.code_insee),
       COALESCE(s.latitude, st.latitude), COALESCE(s.longitude, st.longitude),
       st.reseau, s.modes_accueil, s.thematiques, s.publics, s.spro_publics, s.age_min,
       s.age_max, s.niveau, s.type, s.frais,
       CASE WHEN s.age_min IS NULL AND s.age_max IS NULL AND s.spro_publics IS NULL
            THEN s.publics_precisions END
FROM service s JOIN structure st ON st.pk = s.structure_pk
ORDER BY s.pk
"""
# The tags load_candidates finds services by: their zones, and the needs they meet.
_INDEX_TAGS = "SELECT value, service_pk FROM service_tag WHERE kind = ?"
_LOAD_BY_PK = CANDIDATE_COLUMNS + "WHERE s.pk IN (SELECT value FROM json_each(?)) ORDER BY s.pk"


@dataclass(frozen=True)
class CandidateIndex:
    """The directory's services as columns, by position (in primary key order)."""

    pk: array[int]
    structure_pk: array[int]
    kind: array[int]  # the position's fields and commune, numbered (`kinds`)
    latitude: array[float]  # NaN: none (SQLite stores no NaN)
    longitude: array[float]
    # A service standing for those of a kind (what their leading signals and eligibility read,
    # no coordinates), and their commune.
    kinds: list[tuple[Candidate, str | None]]
    by_zone: dict[str, array[int]]  # tag -> positions
    by_thematique: dict[str, array[int]]

    def coordinates(self, position: int) -> tuple[float, float] | None:
        latitude, longitude = self.latitude[position], self.longitude[position]
        return None if math.isnan(latitude) or math.isnan(longitude) else (latitude, longitude)

    def positions(self, zones: Iterable[str], needs: Iterable[str]) -> list[int]:
        """The services tagged with one of `zones` and one of `needs`, once each, in primary
        key order (those of `load_candidates`)."""
        found: set[int] = set()
        for zone in zones:
            found.update(self.by_zone.get(zone, ()))
        meeting: set[int] = set()
        for need in needs:  # a need's services are many more nationally than a zone's
            meeting.update(found.intersection(self.by_thematique.get(need, ())))
        return sorted(meeting)


_INDEXES: dict[str, tuple[Any, CandidateIndex]] = {}
_BUILDING = threading.Lock()  # one build at a time: a second caller finds the first's index


def ready_index(connection: Connection, database_key: str) -> CandidateIndex | None:
    """The index of the directory now in `database_key` if it has been built since its latest
    import, else None (a request then ranks every candidate: it never waits for a build)."""
    cached = _INDEXES.get(database_key)
    if cached is not None and cached[0] == directory_version(connection):
        return cached[1]
    return None


def candidate_index(connection: Connection, database_key: str) -> CandidateIndex:
    """The index of the directory now in `database_key`, read again after each import."""
    with _BUILDING:
        version = directory_version(connection)
        cached = _INDEXES.get(database_key)
        if cached is not None and cached[0] == version:
            return cached[1]
        index = _read_index(connection)
        _INDEXES.clear()  # one directory at a time: a desk has one
        _INDEXES[database_key] = (version, index)
        return index


def _read_index(connection: Connection) -> CandidateIndex:
    pk, structure_pk, kind = array("q"), array("q"), array("q")
    latitude, longitude = array("d"), array("d")
    kinds: list[tuple[Candidate, str | None]] = []
    numbered: dict[tuple[int, str | None], int] = {}
    standing: dict[tuple[Any, ...], Candidate] = {}
    for row in _raw_rows(connection, _INDEX_SERVICES):
        ages = inferred_ages(row[10], row[11], row[9], row[15])  # not the text: fewer kinds
        fields = (*row[5:10], *ages, *row[12:15])
        if fields not in standing:
            standing[fields] = _standing_for(fields)
        key = (id(standing[fields]), row[2])
        number = numbered.get(key)
        if number is None:
            number = numbered[key] = len(kinds)
            kinds.append((standing[fields], row[2]))
        pk.append(row[0])
        structure_pk.append(row[1])
        kind.append(number)
        located = row[3] is not None and row[4] is not None
        latitude.append(row[3] if located else math.nan)
        longitude.append(row[4] if located else math.nan)
    position = {service: index for index, service in enumerate(pk)}
    return CandidateIndex(
        pk, structure_pk, kind, latitude, longitude, kinds,
        by_zone=_tagged(connection, "zone", position),
        by_thematique=_tagged(connection, "thematique", position),
    )  # fmt: skip


def _tagged(connection: Connection, kind: str, position: dict[int, int]) -> dict[str, array[int]]:
    """Each tag of `kind`: its services, as positions, in order (the tags' key is (kind,
    value, service): read in that order)."""
    rows = _raw_rows(connection, _INDEX_TAGS + " ORDER BY value, service_pk", (kind,))
    return {
        value: array("q", [position[s] for _, s in services if s in position])  # no foreign key
        for value, services in groupby(rows, key=itemgetter(0))
    }


def _raw_rows(connection: Connection, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
    """The rows of `sql` as the driver's tuples: SQLAlchemy's rows cost more than reading
    the directory's ~800,000 rows of services and tags."""
    return connection.connection.driver_connection.execute(sql, parameters)  # type: ignore[union-attr]


def _standing_for(fields: tuple[Any, ...]) -> Candidate:
    """A candidate with the fields that the leading signals and eligibility read (réseau,
    modes, thématiques, publics, SPRO publics, ages and whether inferred, niveau, type, frais),
    as `candidates.candidate_of` decodes them."""
    reseau, modes, thematiques, publics, spro_publics, age_min, age_max, inferred = fields[:8]
    niveau, type_, frais = fields[8:]
    summary = ServiceSummary(
        pk=0, service_id="", structure_id="", service_nom="", structure_nom="", commune=None,
        code_insee=None, horaires=None, reseau=reseau, modes_accueil=ordered_codes(modes),
    )  # fmt: skip
    return Candidate(
        summary=summary,
        thematiques=codes_of(thematiques),
        publics=codes_of(publics),
        spro_publics=codes_of(spro_publics) if spro_publics is not None else None,
        age_min=age_min,
        age_max=age_max,
        ages_inferred=inferred,
        operateur_cep=False,
        niveau=niveau,
        type=type_,
        reseau_infere=False,
        zones=(),
        conditions_acces=None,
        coordinates=None,
        frais=frais,
    )


def _located(standing: Candidate, code_insee: str | None) -> Candidate:
    """`standing` received in the commune `code_insee` (dataclasses.replace, without its
    cost: this runs for each combination and commune of a request)."""
    s = standing.summary
    summary = ServiceSummary(
        s.pk, s.service_id, s.structure_id, s.service_nom, s.structure_nom, s.commune,
        code_insee, s.horaires, s.reseau, s.modes_accueil,
    )  # fmt: skip
    c = standing
    return Candidate(summary, c.thematiques, c.publics, c.spro_publics, c.age_min, c.age_max,
                     c.ages_inferred, c.operateur_cep, c.niveau, c.type, c.reseau_infere,
                     c.zones, c.conditions_acces, c.coordinates, c.frais)  # fmt: skip


# One entry of a request: a service of the index (its position) or a candidate in memory.
Entry = int | Candidate


# Entries by their leading signals (sort keys), in the candidates' order.
Groups = dict[tuple[float, ...], list[tuple[Entry, Leading]]]


def _group(groups: Groups, leading: Leading) -> list[tuple[Entry, Leading]]:
    """The group of the entries with these leading signals, the distance left out."""
    return groups.setdefault(leading_key(leading)[:7], [])


@dataclass(frozen=True)
class Shortlist:
    """The services (primary keys, in order) and the candidates in memory that can reach the
    first `limit` structures."""

    service_pks: list[int]
    others: list[Candidate]


class _Ranked:
    """The leading signals of one request's entries, each combination and commune once."""

    def __init__(self, index: CandidateIndex, context: RankingContext):
        self.index = index
        self.context = context
        self.request = Request(context)
        self.groups: Groups = {}
        self._distances: dict[tuple[float, float] | None, float | None] = {}
        self._by_kind: dict[int, tuple[Leading, list[tuple[Entry, Leading]]] | None] = {}

    def gather(self, positions: Iterable[int]) -> None:
        """Add to `self.groups` (by leading signals without the distance) the services at
        `positions` that are eligible and meet a need, in order: their signals computed once
        per kind."""
        kinds, by_kind, kind_of, groups = (
            self.index.kinds,
            self._by_kind,
            self.index.kind,
            self.groups,
        )
        for position in positions:
            kind = kind_of[position]
            if kind in by_kind:
                found = by_kind[kind]
            else:
                leading = self._of_kind(*kinds[kind])
                found = by_kind[kind] = (
                    None if leading is None else (leading, _group(groups, leading))
                )
            if found is not None:
                found[1].append((position, found[0]))

    def _of_kind(self, standing: Candidate, code_insee: str | None) -> Leading | None:
        return self.kept(_located(standing, code_insee))

    def kept(self, candidate: Candidate) -> Leading | None:
        """The leading signals of an eligible candidate meeting a need, else None."""
        if not is_eligible(candidate, self.context.profile, self.context.geo):
            return None
        signals = leading_signals(candidate, self.context, self.request)
        return signals if signals[0] > NO_MATCH else None

    def with_distance(self, entry: Entry, leading: Leading) -> Leading:
        """The leading signals of a service of the index, its distance included."""
        if isinstance(entry, Candidate) or leading[6]:  # in memory, or remote only: no distance
            return leading
        coordinates = self.index.coordinates(entry)
        if coordinates not in self._distances:  # services of a building share them
            distance = distance_km(self.context.origin, coordinates)
            self._distances[coordinates] = round(distance, 1) if distance is not None else None
        return (*leading[:8], self._distances[coordinates])

    def structure(self, entry: Entry) -> int:
        return entry.summary.pk if isinstance(entry, Candidate) else self.index.structure_pk[entry]


def shortlist(
    index: CandidateIndex,
    context: RankingContext,
    zones: Sequence[str],
    others: Sequence[Candidate],
    limit: int,
) -> Shortlist:
    """What `rank_first(all, context, limit)` needs of all the candidates of `zones` meeting a
    need of `context` (from the index) followed by `others`: every one whose leading signals
    sort before or with the group that completes `limit` distinct structures (every one when
    they hold fewer: the others of their structures then complete the list).

    Equal leading signals without the distance first gather the groups (the distance only
    breaks their ties), then the distance of their entries orders them: both steps keep every
    entry that sorts before or with the last group needed, in the candidates' order.
    """
    ranked = _Ranked(index, context)
    ranked.gather(index.positions(zones, context.needs))
    groups = ranked.groups
    for candidate in others:
        if (leading := ranked.kept(candidate)) is not None:
            _group(groups, leading).append((candidate, leading))
    reached = _first_groups(sorted(groups.items()), ranked, limit)
    exact: Groups = {}
    for entry, signals in reached:
        key = leading_key(ranked.with_distance(entry, signals))
        exact.setdefault(key, []).append((entry, signals))
    chosen = _first_groups(sorted(exact.items()), ranked, limit)
    services = sorted(e for e, _ in chosen if not isinstance(e, Candidate))
    memory = {id(e) for e, _ in chosen if isinstance(e, Candidate)}
    return Shortlist(
        [index.pk[position] for position in services], [c for c in others if id(c) in memory]
    )


def _first_groups(
    groups: list[tuple[tuple[float, ...], list[tuple[Entry, Leading]]]],
    ranked: _Ranked,
    limit: int,
) -> list[tuple[Entry, Leading]]:
    """The entries of the first groups that hold `limit` distinct structures (all of them
    when they hold fewer)."""
    entries: list[tuple[Entry, Leading]] = []
    structures: set[int] = set()
    for _, group in groups:
        entries.extend(group)
        structures.update(ranked.structure(entry) for entry, _ in group)
        if len(structures) >= limit:
            break
    return entries


def load_shortlist(connection: Connection, found: Shortlist) -> list[Candidate]:
    """The candidates of a shortlist, as `load_candidates` builds them, in its order."""
    rows = connection.exec_driver_sql(_LOAD_BY_PK, (json.dumps(found.service_pks),)).all()
    return [*(candidate_of(tuple(row)) for row in rows), *found.others]
