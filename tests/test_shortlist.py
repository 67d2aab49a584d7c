"""`Suggester.suggest` loads only the shortlist (orientation/shortlist.py): the candidates that can
reach the first `limit` structures. Its suggestions must be those of the full ranking of every
candidate (`test_ranking_first.reference_suggestions`, the ranking before any pruning), on the
Centre-Val de Loire fixture and on a generated Île-de-France directory whose Paris visitors have
hundreds of candidates with many ties; and the shortlist must hold every candidate that ranks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spro_desk.directory.importer import import_directory
from spro_desk.orientation.candidates import Candidate, load_candidates
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.ranking import (
    NO_MATCH,
    RankingContext,
    Request,
    is_eligible,
    leading_key,
    leading_signals,
)
from spro_desk.orientation.shortlist import (
    _INDEXES,
    _Ranked,
    candidate_index,
    load_shortlist,
    ready_index,
    shortlist,
)
from spro_desk.orientation.suggest import Suggester
from spro_desk.storage.engine import Database
from spro_desk_dev.gen_directory import generate
from test_ranking_first import DENSE, MOMENTS, NEEDS, STATUTS, reference_rank, request

from conftest import CVL

# Paris (the city and arrondissements), Bobigny, Boulogne-Billancourt, Créteil.
DENSE_IDF = ["75056", "75112", "75115", "75101", "93008", "92012", "94028"]
LIMITS = [1, 2, 3, 10, 25, 100_000]
VISITORS = [("demandeur-emploi", 45, False), ("scolaire", 16, True), ("etudiant", 22, False),
            ("benevole", None, False)]  # fmt: skip
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def idf_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The benchmark generator's Île-de-France at scale 1: ~1,300 structures, ~2,600 services,
    ~670 of them for a Parisian looking for a job, copied from a few templates (many ties)."""
    folder = tmp_path_factory.mktemp("idf")
    generate(folder / "directory", "11", 1.0, 10)
    database = Database(folder / "desk.sqlite")
    import_directory(database, folder / "directory")
    yield database
    database.close()


@pytest.fixture(scope="module", params=["cvl", "idf"])
def directory(
    request: pytest.FixtureRequest, cvl_module_db: Database, idf_db: Database
) -> tuple[Database, list[str]]:
    return (cvl_module_db, DENSE) if request.param == "cvl" else (idf_db, DENSE_IDF)


@st.composite
def profiles(draw: st.DrawFn, communes: list[str]) -> VisitorProfile:
    return VisitorProfile(
        commune=draw(st.sampled_from(communes)),
        statut=draw(st.sampled_from(STATUTS)),
        besoins=tuple(draw(st.lists(st.sampled_from(NEEDS), min_size=1, max_size=3))),
        age=draw(st.one_of(st.none(), st.integers(min_value=14, max_value=70))),
        handicap=draw(st.booleans()),
        at=draw(st.sampled_from(MOMENTS)),
    )


def catchments(profile: VisitorProfile) -> st.SearchStrategy[frozenset[str]]:
    return st.sampled_from([frozenset(), frozenset({profile.commune, "75056", "37261", "45234"})])


def everything(
    suggester: Suggester, profile: VisitorProfile
) -> tuple[list[Candidate], RankingContext]:
    """Every candidate of the request (as before the shortlist) and its context."""
    return request(suggester, profile, suggester.catchment)


def prepared(database: Database, catchment: frozenset[str] = frozenset()) -> Suggester:
    """A window's suggester: the directory's index built (another test may have cleared it)."""
    suggester = Suggester(database, catchment=catchment)
    suggester.prepare()
    return suggester


def identity(candidate: Candidate) -> tuple[int, bool]:
    return candidate.summary.pk, candidate.has_service


@SETTINGS
@given(data=st.data())
def test_suggestions_are_those_of_the_full_ranking(
    directory: tuple[Database, list[str]], data: st.DataObject
) -> None:
    database, communes = directory
    profile = data.draw(profiles(communes))
    suggester = prepared(database, data.draw(catchments(profile)))
    candidates, context = everything(suggester, profile)
    full = reference_rank(candidates, context)
    for limit in (*data.draw(st.lists(st.sampled_from(LIMITS), min_size=1, max_size=3)), 0):
        expected = [
            (c.summary, signals) for signals, c in full[: max(1, limit)]
        ]  # the reasons: test_ranking_first compares them on the same rank
        got = suggester.suggest(profile, limit)
        assert [(s.summary, s.signals) for s in got] == expected, (profile, limit)


def test_every_fixture_scenario_suggests_the_full_rankings_first_ten(
    directory: tuple[Database, list[str]],
) -> None:
    from test_ranking_first import reference_suggestions, scenario_profiles

    database, communes = directory
    suggester = prepared(database)
    profiles_ = scenario_profiles() + [
        replace(p, commune=c) for p in scenario_profiles()[:30] for c in communes
    ]
    ranked = 0
    for profile in profiles_:
        candidates, context = everything(suggester, profile)
        expected = reference_suggestions(candidates, context, 10)
        assert suggester.suggest(profile) == expected, profile
        ranked += len(expected)
    assert ranked > 500
    _INDEXES.clear()  # not prepared: every candidate ranked, the same list
    for profile in profiles_[::5]:
        candidates, context = everything(suggester, profile)
        assert suggester.suggest(profile) == reference_suggestions(candidates, context, 10)
    assert _INDEXES == {}  # a request never builds the index: it would wait ~1.5 s for it


@SETTINGS
@given(data=st.data())
def test_the_shortlist_holds_every_candidate_that_ranks(
    directory: tuple[Database, list[str]], data: st.DataObject
) -> None:
    """What the shortlist leaves out ranks after all it keeps: it holds every candidate
    eligible and meeting a need whose leading signals sort before or with its last one, hence
    every candidate of the first `limit` of the full ranking."""
    database, communes = directory
    profile = data.draw(profiles(communes))
    suggester = Suggester(database, catchment=data.draw(catchments(profile)))
    candidates, context = everything(suggester, profile)
    limit = data.draw(st.sampled_from(LIMITS))
    with database.engine.connect() as connection:
        index = candidate_index(connection, str(database.path))
        zones = suggester.geo.zones_of_commune(profile.commune)
        others = [c for c in candidates if not c.has_service]
        kept = load_shortlist(connection, shortlist(index, context, zones, others, limit))
    held = {identity(c) for c in kept}
    for _, candidate in reference_rank(candidates, context)[:limit]:
        assert identity(candidate) in held, (profile, limit, candidate.summary)
    request_ = Request(context)
    keys = {
        identity(c): leading_key(leading_signals(c, context, request_))
        for c in candidates
        if is_eligible(c, profile, context.geo)
        and leading_signals(c, context, request_)[0] > NO_MATCH
    }
    assert {identity(c) for c in kept} <= set(keys)  # only candidates that can rank
    if kept:
        last = max(keys[identity(c)] for c in kept)
        assert {i for i, key in keys.items() if key <= last} <= held
    assert [c for c in kept if not c.has_service] == [
        c for c in others if identity(c) in held
    ]  # in memory: kept in their order


@pytest.mark.parametrize("catchment", [frozenset(), frozenset({"75056", "37261", "45234"})])
def test_the_index_gives_each_service_its_leading_signals(
    directory: tuple[Database, list[str]], catchment: frozenset[str]
) -> None:
    """Each service's signals from the index (its kind and coordinates) are those of its row."""
    database, communes = directory
    suggester = Suggester(database, catchment=catchment)
    compared = 0
    for commune in communes:
        for statut, age, handicap in VISITORS:
            needs = (NEEDS[1],) if statut == "scolaire" else tuple(NEEDS)
            profile = VisitorProfile(commune, statut, needs, age, handicap, MOMENTS[0])
            _, context = everything(suggester, profile)
            with database.engine.connect() as connection:
                index = candidate_index(connection, str(database.path))
                every = load_candidates(connection, suggester.geo.zones_of_commune(commune),
                                        tuple(NEEDS))  # fmt: skip
            position = {pk: p for p, pk in enumerate(index.pk)}
            request_ = Request(context)
            for candidate in every:
                entry = position[candidate.summary.pk]
                ranked = _Ranked(index, context)
                ranked.gather([entry])
                found = [
                    ranked.with_distance(e, lead) for g in ranked.groups.values() for e, lead in g
                ]
                signals = leading_signals(candidate, context, request_)
                if is_eligible(candidate, profile, context.geo) and signals[0] > NO_MATCH:
                    assert found == [signals], candidate.summary
                    compared += 1
                else:
                    assert found == [], candidate.summary
    assert compared > 300


def test_a_new_import_reads_the_index_again(db: Database, tmp_path: Path) -> None:
    """The index is the directory's: after an import, suggestions come from the new one, by
    every candidate until the window has prepared the new index, then by the new index."""
    import_directory(db, CVL)
    suggester = prepared(db)
    profile = VisitorProfile("37261", "demandeur-emploi", ("trouver-un-emploi",), 30, False,
                             MOMENTS[0])  # fmt: skip
    assert suggester.suggest(profile)
    with db.engine.connect() as connection:
        first = ready_index(connection, str(db.path))
    assert first is not None
    generate(tmp_path / "idf", "11", 0.2, 1)
    import_directory(db, tmp_path / "idf")
    with db.engine.connect() as connection:
        assert ready_index(connection, str(db.path)) is None  # the old one is not used
    assert suggester.suggest(profile) == []  # no Tours service in Île-de-France
    paris = replace(profile, commune="75056")
    candidates, context = everything(suggester, paris)
    expected = [(c.summary, s) for s, c in reference_rank(candidates, context)[:10]]
    assert expected and [(s.summary, s.signals) for s in suggester.suggest(paris)] == expected
    suggester.prepare()
    with db.engine.connect() as connection:
        again = ready_index(connection, str(db.path))
    assert again is not None and again is not first
    assert [(s.summary, s.signals) for s in suggester.suggest(paris)] == expected
    assert list(_INDEXES) == [str(db.path)]


def test_the_command_line_suggests_without_reading_the_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One suggestion per process: the index would cost more than the request (~1.5 s on the
    national directory); the full ranking gives the same list."""
    from spro_desk.cli.main import main

    assert main(["--data-dir", str(tmp_path), "directory", "import", str(CVL)]) == 0
    _INDEXES.clear()
    arguments = ["--commune", "37261", "--statut", "demandeur-emploi", "--besoin",
                 "trouver-un-emploi", "--at", "2026-11-18T10:00", "--json"]  # fmt: skip
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "suggest", *arguments]) == 0
    assert json.loads(capsys.readouterr().out)["results"]
    assert _INDEXES == {}
