"""Rank the directory's services for a visitor, with the reasons, per orientation-rules.md.

Signals are compared in order of weight (eligibility is a filter; then need, public,
designated network, level, proximity, availability), ties broken by a rotation that changes
every day so that no partner is always first among equals.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

from spro_desk.directory.catalog import ServiceSummary
from spro_desk.directory.hours import Hours, is_open_within
from spro_desk.geo import Geography, geography
from spro_desk.orientation.candidates import Candidate, commune_coordinates, load_candidates
from spro_desk.orientation.mandates import is_advice_need, preferred_networks
from spro_desk.orientation.profile import ProfileError, VisitorProfile
from spro_desk.orientation.reasons import explain
from spro_desk.storage.engine import Database
from spro_desk.vocab import category_of, is_category, thematiques

# Publics of data·inclusion that name a statut specifically, and those that cover it broadly.
SPECIFIC_PUBLIC = {
    "scolaire": "jeunes",
    "apprenti": "jeunes",
    "decrocheur": "jeunes",
    "etudiant": "etudiants",
    "demandeur-emploi": "demandeurs-emploi",
    "salarie": "actifs",
    "independant": "actifs",
    "famille": "familles",
    "retraite": "seniors",
}
HANDICAP_PUBLIC = "personnes-en-situation-de-handicap"
AVAILABILITY_WORKING_DAYS = 3
EXPLICIT, BROAD, NONE = 2, 1, 0


@dataclass(frozen=True)
class Signals:
    """The comparable signals of one candidate, most important first."""

    need: int
    public: int
    network: int
    level: int
    proximity: int
    distance_km: float | None
    availability: int
    rotation: int

    def sort_key(self) -> tuple[float, ...]:
        distance = self.distance_km if self.distance_km is not None else math.inf
        return (
            -self.need, -self.public, -self.network, -self.level, -self.proximity,
            distance, -self.availability, self.rotation,
        )  # fmt: skip

    def score(self) -> float:
        """One number for display and JSON: the weights mirror the order of the signals."""
        return float(
            self.need * 10**6 + self.public * 10**5 + self.network * 10**4
            + self.level * 10**3 + self.proximity * 10**2 + self.availability * 10
        )  # fmt: skip


@dataclass(frozen=True)
class Suggestion:
    summary: ServiceSummary
    signals: Signals
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return self.summary.result_json(self.signals.score(), self.reasons)


def requested_codes(besoins: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(besoins))


def matched_needs(candidate: Candidate, besoins: tuple[str, ...]) -> list[str]:
    """The sub-thématiques of the service that answer one of the requested needs."""
    matched = []
    for need in besoins:
        if is_category(need):
            matched.extend(sorted(t for t in candidate.thematiques if category_of(t) == need))
        elif need in candidate.thematiques:
            matched.append(need)
    return list(dict.fromkeys(matched))


def _needs_met(candidate: Candidate, besoins: tuple[str, ...]) -> int:
    return sum(1 for need in besoins if matched_needs(candidate, (need,)))


def public_fit(candidate: Candidate, profile: VisitorProfile) -> int:
    if profile.handicap and HANDICAP_PUBLIC in candidate.publics:
        return EXPLICIT
    if candidate.ages_inferred and not _age_ok(candidate, profile):
        return NONE
    if candidate.spro_publics is not None:
        if profile.statut in candidate.spro_publics:
            return EXPLICIT
    elif SPECIFIC_PUBLIC.get(profile.statut) in candidate.publics:
        return EXPLICIT
    broad = "tous-publics" in candidate.publics or (
        profile.statut == "cadre" and "actifs" in candidate.publics
    )
    return BROAD if broad else NONE


def _age_ok(candidate: Candidate, profile: VisitorProfile) -> bool:
    """A band (45-54) is not an age: a service open to any age of it may serve the person."""
    ages = profile.ages
    if ages is None:
        return True
    low = candidate.age_min if candidate.age_min is not None else 0
    high = candidate.age_max if candidate.age_max is not None else 200
    return low <= ages[1] and ages[0] <= high


def _requires_handicap(candidate: Candidate) -> bool:
    """Cap emploi serves people with a recognised handicap (or one being recognised)."""
    return candidate.summary.reseau == "cap-emploi"


def is_eligible(candidate: Candidate, profile: VisitorProfile) -> bool:
    if not candidate.ages_inferred and not _age_ok(candidate, profile):
        return False
    return profile.handicap or not _requires_handicap(candidate)


def network_fit(candidate: Candidate, profile: VisitorProfile, besoins: tuple[str, ...]) -> int:
    best = 0
    for need in matched_needs(candidate, besoins) or besoins:
        preferred = preferred_networks(profile, need)
        if candidate.summary.reseau in preferred:
            best = max(best, len(preferred) - preferred.index(candidate.summary.reseau))
    return best


def level_of(candidate: Candidate) -> int:
    if candidate.niveau is not None:
        return candidate.niveau
    return 1 if candidate.type == "information" else 2


def _level_fit(candidate: Candidate, besoins: tuple[str, ...]) -> int:
    advice = any(is_advice_need(n) for n in besoins)
    return 1 if advice and level_of(candidate) == 2 else 0


def proximity(candidate: Candidate, profile: VisitorProfile, geo: Geography) -> int:
    """3 same commune, 2 same EPCI, 1 same département, 0 further; remote use is not far."""
    if candidate.remote:
        return 3
    here = geo.commune(profile.commune)
    there = geo.commune(candidate.summary.code_insee or "")
    if here is None or there is None:
        return 0
    if here.code == there.code:
        return 3
    if here.epci and here.epci == there.epci:
        return 2
    return 1 if here.departement == there.departement else 0


def distance_km(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def availability(candidate: Candidate, profile: VisitorProfile) -> int:
    hours = Hours.parse(candidate.summary.horaires)
    if hours.is_open(profile.at):
        return 2
    return 1 if is_open_within(hours, profile.at, AVAILABILITY_WORKING_DAYS) else 0


def daily_rotation(day: str, service_id: str) -> int:
    digest = hashlib.blake2b(f"{day}|{service_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class Suggester:
    """Suggests services of one desk's directory for visitor profiles."""

    def __init__(self, db: Database, geo: Geography | None = None) -> None:
        self.db = db
        self.geo = geo or geography()

    def suggest(self, profile: VisitorProfile, limit: int = 10) -> list[Suggestion]:
        zones = self.geo.zones_of_commune(profile.commune)
        if not zones:
            raise ProfileError(f"Commune « {profile.commune} » inconnue (code INSEE attendu).")
        besoins = requested_codes(profile.besoins)
        with self.db.engine.connect() as connection:
            candidates = load_candidates(connection, zones, besoins)
            origin = commune_coordinates(connection, profile.commune)
        eligible = [c for c in candidates if is_eligible(c, profile)]
        scored = [(self._signals(c, profile, besoins, origin), c) for c in eligible]
        scored.sort(key=lambda pair: pair[0].sort_key())
        return [
            Suggestion(c.summary, signals, explain(c, signals, profile, besoins, self.geo))
            for signals, c in scored[: max(1, limit)]
        ]

    def _signals(
        self,
        candidate: Candidate,
        profile: VisitorProfile,
        besoins: tuple[str, ...],
        origin: tuple[float, float] | None,
    ) -> Signals:
        level = proximity(candidate, profile, self.geo)
        distance = None if candidate.remote else distance_km(origin, candidate.coordinates)
        return Signals(
            need=_needs_met(candidate, besoins),
            public=public_fit(candidate, profile),
            network=network_fit(candidate, profile, besoins),
            level=_level_fit(candidate, besoins),
            proximity=level,
            distance_km=round(distance, 1) if distance is not None else None,
            availability=availability(candidate, profile),
            rotation=daily_rotation(profile.at.date().isoformat(), candidate.summary.service_id),
        )


__all__ = ["Suggester", "Suggestion", "VisitorProfile", "thematiques"]
