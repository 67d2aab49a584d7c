"""Suggestions follow orientation-rules.md on the 60 expert scenarios, with and without x_spro."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from spro_desk.directory.importer import import_directory
from spro_desk.orientation.profile import ProfileError, VisitorProfile
from spro_desk.orientation.suggest import Suggester
from spro_desk.storage.engine import Database

from conftest import CVL

SCENARIOS = json.loads((CVL / "scenarios.json").read_text())
WEDNESDAY_10AM = datetime(2026, 11, 18, 10, 0)


def _profile(scenario: dict, at: datetime = WEDNESDAY_10AM) -> VisitorProfile:
    visitor = scenario["visiteur"]
    return VisitorProfile(
        commune=visitor["commune"],
        statut=visitor["statut"],
        besoins=(visitor["besoin"],),
        age=visitor["age"],
        handicap=visitor["handicap"],
        at=at,
    )


def _is_expected(suggestion, scenario: dict) -> bool:
    expected = scenario["attendu"]
    return (
        suggestion.summary.reseau in expected["reseaux"]
        and suggestion.summary.structure_id in expected["structures_eligibles"]
    )


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """The same directory as a plain data·inclusion export: every x_spro removed."""
    folder = tmp_path_factory.mktemp("plain")
    for name in ("structures.json", "services.json"):
        rows = json.loads((CVL / name).read_text())
        for row in rows:
            row.pop("x_spro", None)
        (folder / name).write_text(json.dumps(rows, ensure_ascii=False))
    database = Database(folder / "desk.sqlite")
    import_directory(database, folder)
    return database


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_first_suggestion_is_what_an_expert_expects(cvl_db: Database, scenario: dict) -> None:
    suggestions = Suggester(cvl_db).suggest(_profile(scenario), limit=3)
    assert suggestions, scenario["situation"]
    assert _is_expected(suggestions[0], scenario), [s.summary.structure_id for s in suggestions]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_without_x_spro_the_expected_structure_is_in_the_top_three(
    plain_db: Database, scenario: dict
) -> None:
    suggestions = Suggester(plain_db).suggest(_profile(scenario), limit=3)
    assert any(_is_expected(s, scenario) for s in suggestions), scenario["situation"]


def test_reasons_come_from_the_directory(cvl_db: Database) -> None:
    profile = VisitorProfile(
        commune="18197", statut="decrocheur", besoins=("trouver-un-emploi",), age=20,
        at=WEDNESDAY_10AM,
    )  # fmt: skip
    best = Suggester(cvl_db).suggest(profile, limit=1)[0]
    assert best.summary.reseau == "mission-locale"
    text = " | ".join(best.reasons)
    assert "couvre votre" in text
    assert "de 16 à 25 ans" in text
    assert "opérateur du conseil en évolution professionnelle" in text


def test_plain_export_says_the_network_was_inferred(plain_db: Database) -> None:
    profile = VisitorProfile(
        commune="18033", statut="scolaire", besoins=("choisir-un-metier",), age=15,
        at=WEDNESDAY_10AM,
    )  # fmt: skip
    best = Suggester(plain_db).suggest(profile, limit=1)[0]
    assert best.summary.reseau == "cio"
    assert any("déduit" in reason for reason in best.reasons)


def test_hard_filters_exclude_ineligible_services(cvl_db: Database) -> None:
    adult = VisitorProfile(
        commune="18033", statut="demandeur-emploi", besoins=("trouver-un-emploi",), age=45,
        at=WEDNESDAY_10AM,
    )  # fmt: skip
    suggestions = Suggester(cvl_db).suggest(adult, limit=50)
    networks = {s.summary.reseau for s in suggestions}
    assert "mission-locale" not in networks  # 16-25 only (x_spro age limits)
    assert "cap-emploi" not in networks  # needs a recognised handicap
    assert suggestions[0].summary.reseau == "france-travail"
    # another département's services never cover Bourges
    assert all(not s.summary.structure_id.endswith("-loiret") for s in suggestions)


def test_handicap_moves_cap_emploi_first(cvl_db: Database) -> None:
    profile = VisitorProfile(
        commune="18033", statut="demandeur-emploi", besoins=("trouver-un-emploi",), age=45,
        handicap=True, at=WEDNESDAY_10AM,
    )  # fmt: skip
    assert Suggester(cvl_db).suggest(profile, limit=1)[0].summary.reseau == "cap-emploi"


def test_a_service_matching_no_need_is_never_suggested(cvl_db: Database) -> None:
    profile = VisitorProfile(
        commune="18033", statut="retraite", besoins=("numerique--acceder-a-des-services-en-ligne",),
        age=70, at=WEDNESDAY_10AM,
    )  # fmt: skip
    suggestions = Suggester(cvl_db).suggest(profile, limit=50)
    assert suggestions
    assert {s.summary.reseau for s in suggestions} == {"france-services"}


@pytest.fixture
def tied_db(tmp_path: Path) -> Database:
    """Five copies of one France services structure: every signal ties but the rotation."""
    structure = json.loads((CVL / "structures.json").read_text())[24]
    service = next(
        s for s in json.loads((CVL / "services.json").read_text())
        if s["structure_id"] == structure["id"]
    )  # fmt: skip
    structures, services = [], []
    for n in range(5):
        structures.append({**structure, "id": f"fs-{n}", "latitude": None, "longitude": None})
        services.append({**service, "id": f"fs-{n}--1", "structure_id": f"fs-{n}",
                         "latitude": None, "longitude": None})  # fmt: skip
    (tmp_path / "structures.json").write_text(json.dumps(structures))
    (tmp_path / "services.json").write_text(json.dumps(services))
    database = Database(tmp_path / "desk.sqlite")
    import_directory(database, tmp_path)
    return database


def test_same_day_same_list_and_rotation_changes_with_the_day(tied_db: Database) -> None:
    def ids(at: datetime) -> list[str]:
        profile = VisitorProfile(
            commune="18033", statut="retraite",
            besoins=("numerique--acceder-a-des-services-en-ligne",), age=70, at=at,
        )  # fmt: skip
        return [s.summary.service_id for s in Suggester(tied_db).suggest(profile, limit=50)]

    monday = [ids(datetime(2026, 11, 16, 10, minute)) for minute in (0, 5)]
    assert len(monday[0]) == 5 and monday[0] == monday[1]
    firsts = {ids(datetime(2026, 11, d, 10, 0))[0] for d in range(16, 21)}
    assert len(firsts) > 1  # no partner is always first among equals


def test_availability_depends_on_the_moment_asked(cvl_db: Database) -> None:
    profile = dict(commune="18033", statut="scolaire", besoins=("choisir-un-metier",), age=15)
    open_now = Suggester(cvl_db).suggest(VisitorProfile(**profile, at=WEDNESDAY_10AM), limit=1)[0]
    assert any(r.startswith("ouvert") for r in open_now.reasons)
    sunday = Suggester(cvl_db).suggest(
        VisitorProfile(**profile, at=datetime(2026, 11, 22, 10, 0)), limit=1
    )[0]
    assert any(r.startswith("fermé") for r in sunday.reasons)


def test_bad_profiles_are_refused_in_french(cvl_db: Database) -> None:
    with pytest.raises(ProfileError, match="Statut"):
        VisitorProfile(commune="18033", statut="astronaute", besoins=("choisir-un-metier",))
    with pytest.raises(ProfileError, match="Besoin inconnu"):
        VisitorProfile(commune="18033", statut="scolaire", besoins=("voler",))
    with pytest.raises(ProfileError, match="Commune"):
        Suggester(cvl_db).suggest(
            VisitorProfile(commune="00000", statut="scolaire", besoins=("choisir-un-metier",))
        )


def test_directory_without_any_row_gives_no_suggestion(db: Database, tmp_path: Path) -> None:
    profile = VisitorProfile(commune="18033", statut="scolaire", besoins=("choisir-un-metier",))
    assert Suggester(db).suggest(profile) == []
