"""`rank_first` (what Suggester.suggest ranks with) gives exactly the first `limit` of the full
ranking: the same candidates, order, signals and explanations, ties and short lists included.

The reference below is `rank`, `signals_of` and the signals they shared work with, as they were
before the costly signals were deferred, computing every signal of every candidate.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spro_desk.geo import Geography
from spro_desk.orientation.candidates import Candidate, directory_facts, load_candidates
from spro_desk.orientation.mandates import designated_networks, is_advice_need
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.ranking import (
    BY_MANDATE,
    CATEGORY,
    COMMUNE,
    DEPARTEMENT,
    EPCI,
    EXACT,
    FURTHER,
    NO_MATCH,
    RankingContext,
    Signals,
    availability,
    daily_rotation,
    designated_fit,
    distance_km,
    free_fit,
    is_eligible,
    level_of,
    needs_met,
    public_fit,
    rank,
    rank_first,
    real_choices,
)
from spro_desk.orientation.reasons import explain
from spro_desk.orientation.suggest import Suggester, Suggestion, requested_codes, suggestions_for
from spro_desk.storage.engine import Database
from spro_desk.vocab import category_of, is_category

from conftest import CVL

# A weekday morning, a Friday evening (next opening after a weekend), a Sunday.
MOMENTS = [datetime(2026, 11, 18, 10, 0), datetime(2026, 11, 20, 19, 30),
           datetime(2026, 11, 22, 15, 0)]  # fmt: skip
LIMITS = [1, 2, 3, 10, 25, 100_000]
# The densest communes of the fixture (Tours, Orléans, Bourges, Chartres, Blois).
DENSE = ["37261", "45234", "18033", "28085", "41018"]
NEEDS = [
    "choisir-un-metier", "trouver-un-emploi", "preparer-sa-candidature",
    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
    "se-former--trouver-sa-formation", "creer-une-entreprise", "remobilisation",
    "numerique--acceder-a-des-services-en-ligne",
    "choisir-un-metier--confirmer-son-choix-de-metier",
]  # fmt: skip
STATUTS = ["scolaire", "etudiant", "decrocheur", "demandeur-emploi", "salarie", "cadre",
           "benevole", "retraite", "autre"]  # fmt: skip


def reference_need_fit(
    candidate: Candidate, needs: Sequence[str], designated: Sequence[str]
) -> int:
    if not candidate.has_service:
        return BY_MANDATE if candidate.summary.reseau in designated else NO_MATCH
    offered = candidate.thematiques
    if any(need in offered for need in needs if not is_category(need)):
        return EXACT
    categories = {category_of(t) for t in offered}
    return CATEGORY if any(need in categories for need in needs if is_category(need)) else NO_MATCH


def reference_level_fit(candidate: Candidate, needs: Sequence[str]) -> int:
    advice = any(is_advice_need(n) for n in needs)
    return 1 if advice and level_of(candidate) == 2 else 0


def reference_physical_proximity(
    candidate: Candidate, profile: VisitorProfile, geo: Geography
) -> int:
    if not candidate.in_person:
        return FURTHER
    here = geo.commune(profile.commune)
    there = geo.commune(candidate.summary.code_insee or "")
    if here is None or there is None:
        return FURTHER
    # Paris, Lyon, Marseille: the city and all its arrondissements are one commune
    # (docs/orientation-rules.md, 7), written out differently from the ranking's test
    if there.code == here.code or geo.same_place(there.code, here.code):
        return COMMUNE
    if here.epci and here.epci == there.epci:
        return EPCI
    return DEPARTEMENT if here.departement == there.departement else FURTHER


def reference_proximity(
    candidate: Candidate, profile: VisitorProfile, geo: Geography
) -> tuple[int, bool]:
    """The proximity level, and whether it comes from remote use alone.

    A remote service counts as if it were in the person's département (signal 7): never pushed
    behind far-away services, never ahead of one in the commune or the intercommunality.
    """
    physical = reference_physical_proximity(candidate, profile, geo)
    if candidate.remote and physical < DEPARTEMENT:
        return DEPARTEMENT, True
    return physical, False


def reference_in_catchment(candidate: Candidate, context: RankingContext) -> bool:
    """Received in the site's catchment area, for a person who lives in it: the area is then
    theirs too (a person from elsewhere is still sent near home first)."""
    area = context.catchment
    if not area or not candidate.in_person:
        return False
    here = context.geo.commune(context.profile.commune)
    there = context.geo.commune(candidate.summary.code_insee or "")
    if here is None or there is None:
        return False
    return bool({here.code, here.parent} & area) and bool({there.code, there.parent} & area)


def reference_signals(candidate: Candidate, context: RankingContext) -> Signals:
    profile = context.profile
    level, remote_only = reference_proximity(candidate, profile, context.geo)
    near = reference_in_catchment(candidate, context)
    if near and level < DEPARTEMENT:
        level, remote_only = DEPARTEMENT, False
    distance = None if remote_only else distance_km(context.origin, candidate.coordinates)
    return Signals(
        need=reference_need_fit(candidate, context.needs, context.designated),
        public=public_fit(candidate, profile),
        designated=designated_fit(candidate, context.designated),
        free=free_fit(candidate),
        level=reference_level_fit(candidate, context.needs),
        proximity=level,
        distance_km=round(distance, 1) if distance is not None else None,
        remote_only=remote_only,
        availability=availability(candidate, profile),
        needs_met=needs_met(candidate, context.needs),
        rotation=daily_rotation(profile.at.date().isoformat(), candidate.key),
        catchment=near,
    )


def reference_rank(
    candidates: Sequence[Candidate], context: RankingContext
) -> list[tuple[Signals, Candidate]]:
    scored = [
        (reference_signals(c, context), c)
        for c in candidates
        if is_eligible(c, context.profile, context.geo)
    ]
    kept = [pair for pair in scored if pair[0].need > NO_MATCH]
    kept.sort(key=lambda pair: pair[0].sort_key())
    return real_choices(kept)


def reference_suggestions(
    candidates: list[Candidate], context: RankingContext, limit: int
) -> list[Suggestion]:
    return [
        Suggestion(c.summary, signals, explain(c, signals, context), c.has_service)
        for signals, c in reference_rank(candidates, context)[: max(1, limit)]
    ]


@pytest.fixture(scope="module")
def suggester(cvl_module_db: Database) -> Suggester:
    return Suggester(cvl_module_db)


def request(
    suggester: Suggester,
    profile: VisitorProfile,
    catchment: frozenset[str] = frozenset(),
    loaded: tuple[str, ...] = (),
) -> tuple[list[Candidate], RankingContext]:
    """The candidates and context Suggester.suggest ranks, loaded the same way (or loaded for
    the `loaded` needs: then many of them meet none of the person's)."""
    zones = suggester.geo.zones_of_commune(profile.commune)
    needs = requested_codes(profile.besoins)
    designated = designated_networks(profile, needs)
    with suggester.db.engine.connect() as connection:
        facts = directory_facts(connection, str(suggester.db.path))
        candidates = load_candidates(connection, zones, loaded or needs)
    candidates += facts.structure_candidates(designated)
    origin = facts.commune_centres.get(profile.commune)
    context = RankingContext(profile, needs, designated, suggester.geo, origin, catchment)
    return candidates, context


def scenario_profiles() -> list[VisitorProfile]:
    scenarios = json.loads((CVL / "scenarios.json").read_text("utf-8"))
    return [
        VisitorProfile(
            commune=s["visiteur"]["commune"],
            statut=s["visiteur"]["statut"],
            besoins=(s["visiteur"]["besoin"],),
            age=s["visiteur"].get("age"),
            handicap=bool(s["visiteur"].get("handicap")),
            at=moment,
        )
        for s in scenarios
        for moment in MOMENTS
    ]


def test_every_scenario_of_the_fixture_gives_the_same_suggestions(suggester: Suggester) -> None:
    compared = 0
    for profile in scenario_profiles():
        candidates, context = request(suggester, profile)
        full = reference_rank(candidates, context)
        for limit in LIMITS:
            assert rank_first(candidates, context, limit) == full[:limit], (profile, limit)
        assert rank(candidates, context) == full
        for limit in (0, 1, 10, 100_000):
            expected = reference_suggestions(candidates, context, limit)
            assert suggestions_for(candidates, context, limit) == expected
        assert suggester.suggest(profile) == reference_suggestions(candidates, context, 10)
        compared += len(full)
    assert compared > 1000  # the fixture's scenarios do rank many candidates


@st.composite
def candidate_sets(draw: st.DrawFn, pool: list[Candidate]) -> list[Candidate]:
    """A shuffled choice of candidates with repeats (equal keys: whole ties), some of them
    moved to a few shared structures (fewer structures than the limit, many others)."""
    indexes = draw(st.lists(st.integers(0, len(pool) - 1), max_size=60))
    chosen = [pool[i] for i in indexes]
    if draw(st.booleans()):
        structures = draw(st.lists(st.sampled_from(["s-a", "s-b", "s-c"]), min_size=len(chosen),
                                   max_size=len(chosen)))  # fmt: skip
        chosen = [
            replace(c, summary=replace(c.summary, structure_id=s))
            for c, s in zip(chosen, structures, strict=True)
        ]
    return chosen


SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(data=st.data())
def test_generated_candidate_sets_give_the_same_ranking(
    suggester: Suggester, data: st.DataObject
) -> None:
    commune = data.draw(st.sampled_from(DENSE))
    needs = tuple(data.draw(st.lists(st.sampled_from(NEEDS), min_size=1, max_size=3)))
    profile = VisitorProfile(
        commune=commune,
        statut=data.draw(st.sampled_from(STATUTS)),
        besoins=needs,
        age=data.draw(st.integers(min_value=16, max_value=70)),
        handicap=data.draw(st.booleans()),
        at=data.draw(st.sampled_from(MOMENTS)),
    )
    catchment = data.draw(st.sampled_from([frozenset(), frozenset({commune, "37050", "45234"})]))
    loaded = data.draw(st.sampled_from([(), tuple(NEEDS)]))
    pool, context = request(suggester, profile, catchment, loaded)
    candidates = data.draw(candidate_sets(pool)) if data.draw(st.booleans()) else pool
    full = reference_rank(candidates, context)
    for limit in (*LIMITS, len(full), len(full) + 1):
        assert rank_first(candidates, context, limit) == full[:limit]
