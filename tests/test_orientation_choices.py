"""Real choices, wrong publics made visible, free before paid, near before remote, structures
without services: the list an agent reads aloud to the person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spro_desk.directory.importer import import_directory
from spro_desk.geo import geography
from spro_desk.orientation.candidates import load_candidates, structure_candidate
from spro_desk.orientation.mandates import designated_networks
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.ranking import COMMUNE, RankingContext, physical_proximity
from spro_desk.orientation.suggest import Suggester, Suggestion, suggestions_for
from spro_desk.storage.engine import Database
from test_orientation_multi import EXPERT_TABLE, WEDNESDAY_10AM

from conftest import CVL

BOURGES, TOURS, VIERZON = "18033", "37261", "18279"


def _profile(commune: str, statut: str, besoins: tuple[str, ...], age: int, **kw) -> VisitorProfile:
    return VisitorProfile(commune, statut, besoins, age, at=WEDNESDAY_10AM, **kw)


def _structures(suggestions: list[Suggestion]) -> list[str]:
    return [s.summary.structure_id for s in suggestions]


# --- real choices -------------------------------------------------------------------------


@pytest.mark.parametrize("row", EXPERT_TABLE, ids=[r.situation for r in EXPERT_TABLE])
def test_top_three_are_three_structures_whenever_three_exist(cvl_db: Database, row) -> None:
    everything = Suggester(cvl_db).suggest(row.profile(), limit=500)
    distinct = len(set(_structures(everything)))
    top = _structures(everything[:3])
    assert len(set(top)) == min(3, distinct), top


def test_rqth_job_seeker_is_offered_several_structures(cvl_db: Database) -> None:
    profile = _profile(TOURS, "demandeur-emploi", ("trouver-un-emploi",), 40, handicap=True)
    suggestions = Suggester(cvl_db).suggest(profile, limit=10)
    assert suggestions[0].summary.reseau == "cap-emploi"
    assert len(set(_structures(suggestions[:3]))) == 3
    # the other Cap emploi services come after every distinct structure, together
    structures = _structures(suggestions)
    first_repeat = next(i for i, s in enumerate(structures) if s in structures[:i])
    assert len(set(structures[:first_repeat])) == first_repeat
    cap = [i for i, s in enumerate(structures) if s == structures[0]]
    assert cap[1:] == list(range(cap[1], cap[1] + len(cap) - 1))


def test_permanences_of_a_mission_locale_are_grouped_nearest_first(cvl_db: Database) -> None:
    profile = _profile(BOURGES, "decrocheur", ("trouver-un-emploi",), 19)
    suggestions = Suggester(cvl_db).suggest(profile, limit=50)
    ml = [s for s in suggestions if s.summary.reseau == "mission-locale"]
    assert len(ml) >= 3 and suggestions[0].summary.reseau == "mission-locale"
    later = ml[1:]
    positions = [suggestions.index(s) for s in later]
    assert positions == list(range(positions[0], positions[0] + len(later)))  # grouped
    distances = [s.signals.distance_km or 0.0 for s in later if s.signals.proximity == 1]
    assert distances == sorted(distances)  # nearest first among the permanences


# --- wrong public, made visible -----------------------------------------------------------


def test_wrong_public_comes_after_and_says_so(cvl_db: Database) -> None:
    profile = _profile(BOURGES, "demandeur-emploi", ("trouver-un-emploi",), 50)
    suggestions = Suggester(cvl_db).suggest(profile, limit=50)
    apec = next(s for s in suggestions if s.summary.reseau == "apec")
    assert "s'adresse aux cadres et étudiants — pas à votre situation" in apec.reasons
    structures = _structures(suggestions)
    firsts = [s for i, s in enumerate(suggestions) if structures.index(structures[i]) == i]
    fitting = [s for s in firsts if not any("pas à votre situation" in r for r in s.reasons)]
    assert fitting and all(suggestions.index(s) < suggestions.index(apec) for s in fitting)


def test_a_pupil_sees_why_the_university_service_is_not_for_him(cvl_db: Database) -> None:
    profile = _profile(TOURS, "scolaire", ("choisir-un-metier",), 16)
    suggestions = Suggester(cvl_db).suggest(profile, limit=50)
    assert suggestions[0].summary.reseau == "cio"
    suio = next(s for s in suggestions if s.summary.reseau == "suio")
    assert "s'adresse aux étudiants — pas à votre situation" in suio.reasons


def test_hard_conditions_of_the_data_stay_filters(cvl_db: Database) -> None:
    profile = _profile(BOURGES, "demandeur-emploi", ("trouver-un-emploi", "choisir-un-metier"), 45)
    networks = {s.summary.reseau for s in Suggester(cvl_db).suggest(profile, limit=500)}
    assert "mission-locale" not in networks  # x_spro 16-25
    assert "cap-emploi" not in networks  # RQTH


# --- free before paid, near before remote -------------------------------------------------


def _row(rows: list[dict], row_id: str) -> dict:
    return json.loads(json.dumps(next(r for r in rows if r["id"] == row_id)))


@pytest.fixture
def fees_and_distance_db(tmp_path: Path) -> Database:
    """France services of the Cher, a paid one in Bourges, a national remote one (Paris) and
    one in Orléans whose zone covers the Cher."""
    structures = [s for s in json.loads((CVL / "structures.json").read_text())
                  if s["code_insee"].startswith("18")]  # fmt: skip
    ids = {s["id"] for s in structures}
    services = [s for s in json.loads((CVL / "services.json").read_text())
                if s["structure_id"] in ids]  # fmt: skip
    model = "spro-annuaire--france-services-bourges"
    base_st, base_sv = _row(structures, model), _row(services, model + "--1")
    place = {"commune": "Paris", "code_postal": "75001", "code_insee": "75056",
             "latitude": 48.8566, "longitude": 2.3522}  # fmt: skip
    orleans = {"commune": "Orléans", "code_postal": "45000", "code_insee": "45234",
               "latitude": 47.9025, "longitude": 1.909}  # fmt: skip
    extra = {
        "payant": ({"nom": "France services Bourges Espace conseil"},
                   {"frais": "payant"}),
        "national": ({"nom": "France services numérique à distance", **place},
                     {"zone_eligibilite": ["france"], "modes_accueil": ["a-distance"], **place}),
        "orleans": ({"nom": "France services Orléans", **orleans},
                    {"zone_eligibilite": ["18"], "modes_accueil": ["en-presentiel"], **orleans}),
    }  # fmt: skip
    for key, (st_fields, sv_fields) in extra.items():
        sid = f"test--{key}"
        structures.append({**base_st, "id": sid, **st_fields})
        services.append({**base_sv, "id": f"{sid}--1", "structure_id": sid, **sv_fields})
    (tmp_path / "structures.json").write_text(json.dumps(structures, ensure_ascii=False))
    (tmp_path / "services.json").write_text(json.dumps(services, ensure_ascii=False))
    database = Database(tmp_path / "desk.sqlite")
    import_directory(database, tmp_path)
    return database


NUMERIQUE = ("numerique--acceder-a-des-services-en-ligne",)


def test_free_before_paid_and_the_commune_before_a_national_remote_service(
    fees_and_distance_db: Database,
) -> None:
    profile = _profile(BOURGES, "retraite", NUMERIQUE, 70)
    suggestions = Suggester(fees_and_distance_db).suggest(profile, limit=20)
    order = _structures(suggestions)
    local = order.index("spro-annuaire--france-services-bourges")
    national, paid = order.index("test--national"), order.index("test--payant")
    assert local == 0 and local < national < paid
    assert "payant" in suggestions[paid].reasons
    assert "à distance, service national" in suggestions[national].reasons
    assert "gratuit" in suggestions[local].reasons


def test_remote_counts_as_the_departement_never_behind_far_away(
    fees_and_distance_db: Database,
) -> None:
    profile = _profile(VIERZON, "retraite", NUMERIQUE, 70)
    order = _structures(Suggester(fees_and_distance_db).suggest(profile, limit=20))
    assert order[0] == "spro-annuaire--france-services-vierzon"
    assert order.index("test--national") < order.index("test--orleans")


# --- structures without services ----------------------------------------------------------


def _context(profile: VisitorProfile) -> RankingContext:
    needs = profile.besoins
    return RankingContext(profile, needs, designated_networks(profile, needs), geography(), None)


def test_structures_without_services_are_ranked_by_the_same_signals() -> None:
    profile = _profile(BOURGES, "demandeur-emploi", ("trouver-un-emploi",), 40)

    def agency(name: str, commune: str, reseau: str | None) -> object:
        return structure_candidate(
            structure_id=name, nom=name, reseau=reseau, code_insee=commune,
            horaires="Mo-Fr 09:00-12:00", contacts=("+33248000000",),
        )  # fmt: skip

    candidates = [
        agency("ft-vierzon", VIERZON, "france-travail"),
        agency("ft-bourges", BOURGES, "france-travail"),
        agency("asso-bourges", BOURGES, None),  # no mandate, nothing published: not suggested
        agency("ft-tours", TOURS, "france-travail"),  # another département: no zone published
    ]
    suggestions = suggestions_for(candidates, _context(profile))
    assert _structures(suggestions) == ["ft-bourges", "ft-vierzon"]
    best = suggestions[0]
    assert not best.has_service and best.as_json()["service_id"] is None
    assert "aucun service détaillé publié — contacter la structure : +33248000000" in best.reasons
    assert "dans votre commune" in best.reasons
    assert not any(r.startswith("propose") or r.startswith("public") for r in best.reasons)


def test_a_published_service_beats_an_unknown_at_equal_mandate(cvl_db: Database) -> None:
    profile = _profile(BOURGES, "demandeur-emploi", ("trouver-un-emploi",), 40)
    context = _context(profile)
    with cvl_db.engine.connect() as connection:
        services = load_candidates(
            connection, geography().zones_of_commune(BOURGES), ("trouver-un-emploi",)
        )
    agency = structure_candidate(
        structure_id="ft-agence-bourges", nom="Agence France Travail Bourges Nord",
        reseau="france-travail", code_insee=BOURGES,
    )  # fmt: skip
    order = _structures(suggestions_for([*services, agency], context, limit=50))
    assert order[0] == "spro-annuaire--france-travail-bourges"
    assert "ft-agence-bourges" in order


def test_directory_structures_without_services_are_suggested(tmp_path: Path) -> None:
    structures = json.loads((CVL / "structures.json").read_text())
    services = json.loads((CVL / "services.json").read_text())
    agency = {
        **_row(structures, "spro-annuaire--france-travail-bourges"),
        "id": "test--agence-ft-bourges-nord",
        "nom": "Agence France Travail Bourges Nord",
        "reseaux_porteurs": None,
    }
    agency.pop("x_spro")  # a plain row: the network comes from the name
    (tmp_path / "services.json").write_text(json.dumps(services))
    (tmp_path / "structures.json").write_text(json.dumps(structures))
    database = Database(tmp_path / "desk.sqlite")
    import_directory(database, tmp_path)
    profile = _profile(BOURGES, "demandeur-emploi", ("trouver-un-emploi",), 40)
    before = Suggester(database).suggest(profile, limit=10)
    assert agency["id"] not in _structures(before)
    # the next import brings the agency: what was read of the previous directory is not reused
    (tmp_path / "structures.json").write_text(json.dumps([*structures, agency]))
    import_directory(database, tmp_path)
    suggestions = Suggester(database).suggest(profile, limit=10)
    found = next(s for s in suggestions if s.summary.structure_id == agency["id"])
    assert not found.has_service
    assert any("réseau déduit du nom « Agence France Travail Bourges Nord »" in r
               for r in found.reasons)  # fmt: skip
    assert suggestions[0].summary.structure_id == "spro-annuaire--france-travail-bourges"
    database.close()


def test_an_arrondissement_is_in_its_city() -> None:
    profile = _profile("75110", "retraite", NUMERIQUE, 70)
    city = structure_candidate(structure_id="fs", nom="France services Paris", reseau=None,
                               code_insee="75056")  # fmt: skip
    assert physical_proximity(city, profile, geography()) == COMMUNE
