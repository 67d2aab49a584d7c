"""Properties of the ranking over generated profiles: adding a need the person also has never
moves the designated operator below a service of another network of the same level, and every
reason comes from a directory field."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from spro_desk.directory.networks import network_label
from spro_desk.orientation.mandates import designated_networks
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.ranking import EXACT
from spro_desk.orientation.suggest import Suggester, Suggestion
from spro_desk.storage.engine import Database

from conftest import CVL

COMMUNES = ["18033", "18279", "18197", "37261", "37050", "45234", "41018", "28085", "28134",
            "36044"]  # fmt: skip
NEEDS = [
    "choisir-un-metier", "choisir-un-metier--confirmer-son-choix-de-metier",
    "trouver-un-emploi", "trouver-un-emploi--maintien-dans-lemploi", "preparer-sa-candidature",
    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
    "preparer-sa-candidature--valoriser-ses-competences", "se-former--trouver-sa-formation",
    "se-former--monter-son-dossier-de-formation", "creer-une-entreprise", "remobilisation",
    "numerique--acceder-a-des-services-en-ligne", "souvrir-a-linternational",
    "logement-hebergement--louer-un-logement",
]  # fmt: skip
STATUTS = ["scolaire", "etudiant", "apprenti", "decrocheur", "demandeur-emploi", "salarie",
           "cadre", "independant", "benevole", "retraite", "famille", "autre"]  # fmt: skip
MOMENT = datetime(2026, 11, 18, 10, 0)


@pytest.fixture(scope="module")
def suggester(cvl_module_db: Database) -> Suggester:
    return Suggester(cvl_module_db)


profiles = st.builds(
    lambda commune, statut, age, handicap, first, added: (
        VisitorProfile(commune, statut, (first,), age, handicap, at=MOMENT),
        VisitorProfile(commune, statut, (first, added), age, handicap, at=MOMENT),
    ),
    st.sampled_from(COMMUNES),
    st.sampled_from(STATUTS),
    st.integers(min_value=14, max_value=70),
    st.booleans(),
    st.sampled_from(NEEDS),
    st.sampled_from(NEEDS),
)


def _operator_first(suggestions: list[Suggestion], profile: VisitorProfile) -> Suggestion | None:
    designated = designated_networks(profile, profile.besoins)
    return next((s for s in suggestions if s.summary.reseau in designated[:1]), None)


SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _pair(commune: str, statut: str, age: int, handicap: bool, first: str, added: str) -> tuple:
    return (
        VisitorProfile(commune, statut, (first,), age, handicap, at=MOMENT),
        VisitorProfile(commune, statut, (first, added), age, handicap, at=MOMENT),
    )


@SETTINGS
@given(pair=profiles)
@example(pair=_pair("18033", "demandeur-emploi", 45, True, "trouver-un-emploi",
                    "preparer-sa-candidature"))  # fmt: skip
@example(pair=_pair("37261", "etudiant", 21, False, "choisir-un-metier", "trouver-un-emploi"))
@example(pair=_pair("37261", "salarie", 40, False, NEEDS[1], NEEDS[6]))
def test_adding_a_need_never_moves_the_operator_below_another_network(
    suggester: Suggester, pair: tuple[VisitorProfile, VisitorProfile]
) -> None:
    one, two = pair
    assume(one.besoins != two.besoins)
    designated = designated_networks(two, two.besoins)
    assume(designated and designated == designated_networks(one, one.besoins))
    before = suggester.suggest(one, limit=500)
    after = suggester.suggest(two, limit=500)
    operator_before, operator = _operator_first(before, one), _operator_first(after, two)
    assume(operator is not None and operator_before is not None)
    assert operator_before is not None and operator is not None
    position = after.index(operator)
    for other in after[:position]:
        if other.summary.reseau == operator.summary.reseau:
            continue
        # a service of another network may come first only for an earlier signal of the rules:
        # a better match of the needs, or a public that fits better — never for the count
        same_rank_so_far = (
            other.signals.need == operator.signals.need
            and other.signals.public == operator.signals.public
            and other.signals.level == operator.signals.level
        )
        assert not same_rank_so_far, (other.summary.structure_id, other.reasons)
    # and those it was ahead of with one need, it stays ahead of with two
    behind = {
        s.summary.service_id or s.summary.structure_id
        for s in before[before.index(operator_before) + 1 :]
        if s.summary.reseau != operator_before.summary.reseau
        and s.signals.public <= operator_before.signals.public
        and operator_before.signals.need == EXACT
    }
    overtaking = [
        s.summary.structure_id
        for s in after[:position]
        if (s.summary.service_id or s.summary.structure_id) in behind
        and s.signals.public <= operator.signals.public
        and level_of_suggestion(s) == level_of_suggestion(operator)
    ]
    assert not overtaking, overtaking


def level_of_suggestion(suggestion: Suggestion) -> int:
    return suggestion.signals.level


@settings(max_examples=40, deadline=None)
@given(pair=profiles)
def test_every_reason_comes_from_a_directory_field(
    cvl_db_file: Path, pair: tuple[VisitorProfile, VisitorProfile]
) -> None:
    profile = pair[1]
    rows = {s["id"]: s for s in json.loads((CVL / "services.json").read_text())}
    owners = {s["id"]: s for s in json.loads((CVL / "structures.json").read_text())}
    database = Database(cvl_db_file)
    try:
        suggestions = Suggester(database).suggest(profile, limit=5)
    finally:
        database.close()
    for suggestion in suggestions:
        row = rows[suggestion.summary.service_id]
        owner = owners[row["structure_id"]]
        for reason in suggestion.reasons:
            assert _traceable(reason, row) or _network_traceable(reason, owner), (reason, row["id"])


def _network_traceable(reason: str, owner: dict) -> bool:
    """A network reason names the network the structure's x_spro declares."""
    label = network_label(owner.get("x_spro", {}).get("reseau"))
    mandate = "opérateur du conseil" in reason or "réseau de référence" in reason
    return mandate and reason.startswith(label + " : ")


def _traceable(reason: str, row: dict) -> bool:
    """Which field of the row a reason is read from; False for a reason from nowhere."""
    checks = {
        "payant": lambda: row.get("frais") == "payant",
        "gratuit": lambda: row.get("frais") == "gratuit",
        "à distance": lambda: "a-distance" in (row.get("modes_accueil") or []),
        "possible à distance": lambda: "a-distance" in (row.get("modes_accueil") or []),
        "propose : ": lambda: bool(row.get("thematiques")),
        "répond à vos besoins": lambda: bool(row.get("thematiques")),
        "couvre votre": lambda: bool(row.get("zone_eligibilite")),
        "sans zone": lambda: not row.get("zone_eligibilite"),
        "ouvert à toute la France": lambda: "france" in (row.get("zone_eligibilite") or []),
        "s'adresse aux": lambda: bool(row.get("publics") or row.get("x_spro")),
        "accueille le public": lambda: bool(row.get("x_spro", {}).get("publics")),
        "public": lambda: bool(row.get("publics")),
        "conseil et accompagnement": lambda: row.get("type") != "information",
        "dans votre": lambda: bool(row.get("code_insee")),
        "à ": lambda: row.get("latitude") is not None,
        "ouvert": lambda: bool(row.get("horaires_accueil")),
        "fermé": lambda: bool(row.get("horaires_accueil")),
    }
    return any(reason.startswith(prefix) and check() for prefix, check in checks.items())
