"""The signals of orientation-rules.md for one candidate, and the order they decide.

`Signals.sort_key` is the one place where the order of the rules is written down; everything
else computes a signal from a directory field. `real_choices` then lists distinct structures
first, as the charters' « liberté de choix de la personne » asks.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from spro_desk.clock import partner_clock
from spro_desk.directory.hours import Hours, is_open_within
from spro_desk.geo import Commune, Geography
from spro_desk.orientation.candidates import Candidate
from spro_desk.orientation.mandates import is_advice_need
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.vocab import category_of, is_category

# Need (judged on the best match): a sub-thématique asked for is offered exactly, before a
# category asked for that is offered through one of its sub-thématiques; a structure without
# services only by its network's mandate (what it does not publish is never a match).
EXACT, CATEGORY, BY_MANDATE, NO_MATCH = 3, 2, 1, 0
# Public: named explicitly > covered by a broad public > not published > declared for others.
EXPLICIT, BROAD, UNKNOWN_PUBLIC, EXCLUDED = 3, 2, 1, 0
# Fees: free > not said > paid (an unknown is never counted as free).
FREE, UNKNOWN_FEES, PAID = 2, 1, 0
# Proximity: same commune > same EPCI > same département (or usable remotely) > further.
COMMUNE, EPCI, DEPARTEMENT, FURTHER = 3, 2, 1, 0

# data·inclusion publics that name a statut specifically, and those that cover it broadly.
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
# Publics that say who a service is for by status: a service declaring only these, none of
# them the person's, is for other people. Other publics (femmes, exilés, QPV…) are criteria
# the profile does not record, so they never exclude.
STATUS_PUBLICS = frozenset(
    {"tous-publics", "jeunes", "etudiants", "demandeurs-emploi", "actifs", "familles", "seniors",
     HANDICAP_PUBLIC}
)  # fmt: skip
# Statuts data·inclusion has no public for: its publics can neither name nor exclude them.
_STATUTS_WITHOUT_PUBLIC = frozenset({"benevole", "autre"})
AVAILABILITY_WORKING_DAYS = 3


@dataclass(frozen=True)
class Signals:
    """The comparable signals of one candidate (eligibility, a filter, is decided before)."""

    need: int
    public: int
    designated: int
    free: int
    level: int
    proximity: int
    distance_km: float | None
    remote_only: bool
    availability: int
    needs_met: int
    rotation: int
    # Received in the site's catchment area (« zone desservie », site/catchment.py), where the
    # site knows its partners and refers its people: near, before others of the same level.
    catchment: bool = False

    def sort_key(self) -> tuple[float, ...]:
        """The order of orientation-rules.md, most important first (smaller sorts first):

        1. need: meets at least one need, an exact sub-thématique before a category match;
        2. public: named explicitly, then broadly, then not published, then others';
        3. designated: the network holding the mandate for the situation and every need;
        4. free: free of charge before unknown before paid (« gratuité »);
        5. level: conseil–accompagnement for an advice need;
        6. proximity: commune, EPCI, département (where a remote service and the site's
           catchment area count), further; then the catchment area, then the distance, a
           remote-only service after the located ones of its level;
        7. availability: open now, or within the next working days;
        8. needs met: covering more of the needs only breaks ties among otherwise equal ones;
        9. rotation: the day's rotation, so that no partner is always first among equals.
        """
        distance = self.distance_km if self.distance_km is not None else math.inf
        return (
            -self.need, -self.public, -self.designated, -self.free, -self.level,
            -self.proximity, -self.catchment, distance, -self.availability, -self.needs_met,
            self.rotation,
        )  # fmt: skip

    def score(self) -> float:
        """One number for display and JSON: the weights mirror the order of the signals."""
        return float(
            self.need * 10**7 + self.public * 10**6 + self.designated * 10**5
            + self.free * 10**4 + self.level * 10**3 + self.proximity * 10**2
            + self.availability * 10 + self.needs_met
        )  # fmt: skip


def matched_needs(candidate: Candidate, needs: Sequence[str]) -> list[str]:
    """The sub-thématiques of the service that answer one of the needs exactly."""
    matched = []
    for need in needs:
        if is_category(need):
            matched.extend(sorted(t for t in candidate.thematiques if category_of(t) == need))
        elif need in candidate.thematiques:
            matched.append(need)
    return list(dict.fromkeys(matched))


def _split_needs(needs: Sequence[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The sub-thématiques asked for, and the categories asked for."""
    return tuple(n for n in needs if not is_category(n)), frozenset(filter(is_category, needs))


def _need_fit(
    candidate: Candidate,
    exact: tuple[str, ...],
    categories: frozenset[str],
    designated: Sequence[str],
) -> int:
    if not candidate.has_service:
        return BY_MANDATE if candidate.summary.reseau in designated else NO_MATCH
    offered = candidate.thematiques
    if any(need in offered for need in exact):
        return EXACT
    return CATEGORY if any(category_of(t) in categories for t in offered) else NO_MATCH


def needs_met(candidate: Candidate, needs: Sequence[str]) -> int:
    return sum(1 for need in needs if matched_needs(candidate, (need,)))


def age_ok(candidate: Candidate, profile: VisitorProfile) -> bool:
    """A band (45-54) is not an age: a service open to any age of it may serve the person."""
    ages = profile.ages
    if ages is None:
        return True
    low = candidate.age_min if candidate.age_min is not None else 0
    high = candidate.age_max if candidate.age_max is not None else 200
    return low <= ages[1] and ages[0] <= high


def public_fit(candidate: Candidate, profile: VisitorProfile) -> int:
    if profile.handicap and HANDICAP_PUBLIC in candidate.publics:
        return EXPLICIT
    if candidate.ages_inferred and not age_ok(candidate, profile):
        return EXCLUDED
    if candidate.spro_publics:
        return EXPLICIT if profile.statut in candidate.spro_publics else EXCLUDED
    return _plain_public_fit(candidate.publics, profile)


def _plain_public_fit(publics: frozenset[str], profile: VisitorProfile) -> int:
    if not publics:
        return UNKNOWN_PUBLIC
    if SPECIFIC_PUBLIC.get(profile.statut) in publics:
        return EXPLICIT
    broad = (
        "tous-publics" in publics
        or (profile.statut == "cadre" and "actifs" in publics)
        or (profile.is_young_adult and "jeunes" in publics)
    )
    if broad:
        return BROAD
    if profile.statut in _STATUTS_WITHOUT_PUBLIC or not publics <= STATUS_PUBLICS:
        return UNKNOWN_PUBLIC
    return EXCLUDED


def requires_handicap(candidate: Candidate) -> bool:
    """Cap emploi serves people with a recognised handicap (or one being recognised)."""
    return candidate.summary.reseau == "cap-emploi"


def is_eligible(candidate: Candidate, profile: VisitorProfile, geo: Geography) -> bool:
    """The hard filters: explicit age limits, Cap emploi's handicap condition, and for a
    structure without services, its own département (it publishes no zone)."""
    if not candidate.ages_inferred and not age_ok(candidate, profile):
        return False
    if requires_handicap(candidate) and not profile.handicap:
        return False
    if candidate.has_service:
        return True
    here, there = geo.commune(profile.commune), geo.commune(candidate.summary.code_insee or "")
    return here is not None and there is not None and here.departement == there.departement


def designated_fit(candidate: Candidate, designated: Sequence[str]) -> int:
    reseau = candidate.summary.reseau
    if reseau is None or reseau not in designated:
        return 0
    return len(designated) - list(designated).index(reseau)


def free_fit(candidate: Candidate) -> int:
    if candidate.frais == "gratuit":
        return FREE
    return PAID if candidate.frais == "payant" else UNKNOWN_FEES


def level_of(candidate: Candidate) -> int | None:
    if candidate.niveau is not None:
        return candidate.niveau
    if not candidate.has_service:
        return None  # not published: never counted as a match
    return 1 if candidate.type == "information" else 2


def _level_fit(candidate: Candidate, advice: bool) -> int:
    return 1 if advice and level_of(candidate) == 2 else 0


def physical_proximity(candidate: Candidate, profile: VisitorProfile, geo: Geography) -> int:
    here = geo.commune(profile.commune)
    return _physical_proximity(candidate, here, geo.commune(candidate.summary.code_insee or ""))


def _physical_proximity(candidate: Candidate, here: Commune | None, there: Commune | None) -> int:
    if not candidate.in_person:
        return FURTHER
    if here is None or there is None:
        return FURTHER
    # Paris, Lyon, Marseille: the city and each of its arrondissements are one commune, for a
    # service coded with the city and a person with her arrondissement, or two arrondissements
    if (there.parent or there.code) == (here.parent or here.code):
        return COMMUNE
    if here.epci and here.epci == there.epci:
        return EPCI
    return DEPARTEMENT if here.departement == there.departement else FURTHER


def _proximity(
    candidate: Candidate, here: Commune | None, there: Commune | None
) -> tuple[int, bool]:
    """The proximity level, and whether it comes from remote use alone.

    A remote service counts as if it were in the person's département (signal 7): never pushed
    behind far-away services, never ahead of one in the commune or the intercommunality.
    """
    physical = _physical_proximity(candidate, here, there)
    if candidate.remote and physical < DEPARTEMENT:
        return DEPARTEMENT, True
    return physical, False


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
    # Hours are the partner's wall clock: a Réunion desk's 10:30 is 07:30 in Bourges.
    at = partner_clock(profile.at, candidate.summary.code_insee)
    if hours.is_open(at):
        return 2
    return 1 if is_open_within(hours, at, AVAILABILITY_WORKING_DAYS) else 0


def daily_rotation(day: str, key: str) -> int:
    digest = hashlib.blake2b(f"{day}|{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


@dataclass(frozen=True)
class RankingContext:
    """What every candidate of one request is judged against."""

    profile: VisitorProfile
    needs: tuple[str, ...]
    designated: tuple[str, ...]
    geo: Geography
    origin: tuple[float, float] | None
    # The communes (INSEE) the site serves; empty: no catchment area known.
    catchment: frozenset[str] = frozenset()


def _in_catchment(
    candidate: Candidate, area: frozenset[str], here: Commune | None, there: Commune | None
) -> bool:
    if not area or not candidate.in_person:
        return False
    if here is None or there is None:
        return False
    return bool({here.code, here.parent} & area) and bool({there.code, there.parent} & area)


# The signals that decide the order before availability (sort_key's leading part): need,
# public, designated, free, level, proximity, remote_only, catchment, rounded distance.
Leading = tuple[int, int, int, int, int, int, bool, bool, float | None]


class Request:
    """What the leading signals of every candidate of one request share: computed once."""

    def __init__(self, context: RankingContext) -> None:
        self.context = context
        self.exact, self.categories = _split_needs(context.needs)
        self.advice = any(is_advice_need(n) for n in context.needs)
        self.here = context.geo.commune(context.profile.commune)
        self._communes: dict[str, Commune | None] = {}

    def commune(self, code: str) -> Commune | None:
        if code not in self._communes:
            self._communes[code] = self.context.geo.commune(code)
        return self._communes[code]


def leading_signals(
    candidate: Candidate, context: RankingContext, request: Request | None = None
) -> Leading:
    request = request or Request(context)
    profile = context.profile
    there = request.commune(candidate.summary.code_insee or "")
    level, remote_only = _proximity(candidate, request.here, there)
    near = _in_catchment(candidate, context.catchment, request.here, there)
    if near and level < DEPARTEMENT:  # a catchment area may cross a département's border
        level, remote_only = DEPARTEMENT, False
    distance = None if remote_only else distance_km(context.origin, candidate.coordinates)
    return (
        _need_fit(candidate, request.exact, request.categories, context.designated),
        public_fit(candidate, profile),
        designated_fit(candidate, context.designated),
        free_fit(candidate),
        _level_fit(candidate, request.advice),
        level,
        remote_only,
        near,
        round(distance, 1) if distance is not None else None,
    )


def leading_key(leading: Leading) -> tuple[float, ...]:
    """`Signals.sort_key` up to the distance, from the leading signals alone."""
    need, public, designated, free, level, proximity_level, _, near, distance = leading
    far = distance if distance is not None else math.inf
    return (-need, -public, -designated, -free, -level, -proximity_level, -near, far)


def _completed(candidate: Candidate, context: RankingContext, leading: Leading) -> Signals:
    need, public, designated, free, level, proximity_level, remote_only, near, distance = leading
    profile = context.profile
    return Signals(
        need=need,
        public=public,
        designated=designated,
        free=free,
        level=level,
        proximity=proximity_level,
        distance_km=distance,
        remote_only=remote_only,
        availability=availability(candidate, profile),
        needs_met=needs_met(candidate, context.needs),
        rotation=daily_rotation(profile.at.date().isoformat(), candidate.key),
        catchment=near,
    )


def signals_of(candidate: Candidate, context: RankingContext) -> Signals:
    return _completed(candidate, context, leading_signals(candidate, context))


def rank(
    candidates: Sequence[Candidate], context: RankingContext
) -> list[tuple[Signals, Candidate]]:
    """Eligible candidates meeting a need, in the order of the rules, distinct structures first."""
    request = Request(context)  # what every candidate's signals share, computed once
    scored = [
        (_completed(c, context, leading_signals(c, context, request)), c)
        for c in candidates
        if is_eligible(c, context.profile, context.geo)
    ]
    kept = [pair for pair in scored if pair[0].need > NO_MATCH]
    kept.sort(key=lambda pair: pair[0].sort_key())
    return real_choices(kept)


def rank_first(
    candidates: Sequence[Candidate], context: RankingContext, limit: int
) -> list[tuple[Signals, Candidate]]:
    """`rank(candidates, context)[:limit]`, computing the costly signals (opening hours, needs
    met, rotation) only where they can change it: a dense commune has thousands of candidates
    and shows ten.

    Sorting by the leading signals, then each group of equal leading signals by the whole key,
    is the (stable) sort by the whole key. Once the groups sorted so far hold `limit` distinct
    structures, the first `limit` of real_choices are all among them: every later candidate
    ranks after them, and its structure's first service (if it is new) with it.
    """
    if limit < 1:
        return rank(candidates, context)[:limit]
    profile, geo = context.profile, context.geo
    request = Request(context)
    leading = [
        (leading_signals(c, context, request), c)
        for c in candidates
        if is_eligible(c, profile, geo)
    ]
    kept = [(leading_key(signals), signals, c) for signals, c in leading if signals[0] > NO_MATCH]
    if any(math.isnan(key[-1]) for key, _, _ in kept):
        return rank(candidates, context)[:limit]  # NaN has no order: leave it to the full sort
    kept.sort(key=lambda triple: triple[0])
    ranked: list[tuple[Signals, Candidate]] = []
    structures: set[str] = set()
    start = 0
    while start < len(kept) and len(structures) < limit:
        end = start + 1
        while end < len(kept) and kept[end][0] == kept[start][0]:
            end += 1
        group = [(_completed(c, context, signals), c) for _, signals, c in kept[start:end]]
        group.sort(key=lambda pair: pair[0].sort_key())
        ranked.extend(group)
        structures.update(c.summary.structure_id for _, c in group)
        start = end
    return real_choices(ranked)[:limit]


def real_choices(ranked: list[tuple[Signals, Candidate]]) -> list[tuple[Signals, Candidate]]:
    """The best service of each structure first, in rank order; then the other services of
    those structures, grouped under each structure (in the same order), nearest first."""
    firsts: dict[str, tuple[Signals, Candidate]] = {}
    others: dict[str, list[tuple[Signals, Candidate]]] = {}
    for pair in ranked:
        structure = pair[1].summary.structure_id
        if structure in firsts:
            others[structure].append(pair)
        else:
            firsts[structure] = pair
            others[structure] = []
    grouped = [
        pair
        for structure in firsts
        for pair in sorted(others[structure], key=lambda p: _nearest_first(p[0]))
    ]
    return [*firsts.values(), *grouped]


def _nearest_first(signals: Signals) -> tuple[float, ...]:
    distance = signals.distance_km if signals.distance_km is not None else math.inf
    return (-signals.proximity, distance, *signals.sort_key())
