"""Profiles with several needs, as agents enter them: the answer of a plain reading of the rules.

Each row of EXPERT_TABLE was written from orientation-rules.md alone (the mandate table, the
order of the signals), not from the engine's output. The same table runs on the fixture
directory with its x_spro extension and on the plain data·inclusion variant without it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from spro_desk.directory.importer import import_directory
from spro_desk.directory.networks import infer_network
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.suggest import Suggester, Suggestion
from spro_desk.storage.engine import Database

from conftest import CVL

WEDNESDAY_10AM = datetime(2026, 11, 18, 10, 0)
BOURGES, TOURS, ORLEANS, BLOIS, CHARTRES, CHATEAUROUX, DREUX = (
    "18033", "37261", "45234", "41018", "28085", "36044", "28134",
)  # fmt: skip
VIERZON = "18279"
CV = "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"
CONFIRM = "choisir-un-metier--confirmer-son-choix-de-metier"
VALUE_SKILLS = "preparer-sa-candidature--valoriser-ses-competences"
FIND_TRAINING = "se-former--trouver-sa-formation"
FUND_TRAINING = "se-former--monter-son-dossier-de-formation"


@dataclass(frozen=True)
class Row:
    situation: str
    commune: str
    statut: str
    age: int
    besoins: tuple[str, ...]
    expected: tuple[str, ...]  # networks an expert accepts first, per the mandate table
    handicap: bool = False
    # On plain data·inclusion, when the rules' answer differs: the public signal comes before
    # the mandate, and a plain row only says « tous publics » where x_spro names the statut.
    expected_plain: tuple[str, ...] | None = None

    def profile(self) -> VisitorProfile:
        return VisitorProfile(
            commune=self.commune, statut=self.statut, besoins=self.besoins, age=self.age,
            handicap=self.handicap, at=WEDNESDAY_10AM,
        )  # fmt: skip


EXPERT_TABLE = [
    Row("RQTH job seeker: find a job and prepare applications", BOURGES, "demandeur-emploi", 45,
        ("trouver-un-emploi", "preparer-sa-candidature"), ("cap-emploi",), handicap=True),
    Row("RQTH job seeker: answer offers and write a CV (two sub-thématiques)", TOURS,
        "demandeur-emploi", 38, ("trouver-un-emploi--repondre-a-des-offres-demploi", CV),
        ("cap-emploi",), handicap=True),
    # Signal 2 first: the CV asked precisely is offered exactly by France Travail's workshop;
    # Cap emploi's published services answer « trouver un emploi » only by its category.
    Row("RQTH job seeker: a CV asked precisely, a job by its category", CHATEAUROUX,
        "demandeur-emploi", 50, (CV, "trouver-un-emploi"), ("france-travail",), handicap=True),
    Row("student changing course who also looks for a job", TOURS, "etudiant", 21,
        ("choisir-un-metier", "trouver-un-emploi"), ("suio", "cio")),
    Row("student changing course, far from the universities", BOURGES, "etudiant", 20,
        ("choisir-un-metier", "trouver-un-emploi"), ("suio", "cio")),
    Row("employee changing job who wants his skills recognised", TOURS, "salarie", 40,
        (CONFIRM, VALUE_SKILLS), ("avenir-actifs", "transitions-pro")),
    Row("employee: skills first, then a change of job", CHARTRES, "salarie", 45,
        (VALUE_SKILLS, CONFIRM), ("avenir-actifs", "transitions-pro")),
    Row("employee who wants to fund a training to change job", BLOIS, "salarie", 40,
        (FUND_TRAINING, CONFIRM), ("transitions-pro", "avenir-actifs")),
    Row("job seeker creating a business who also looks for a job", TOURS, "demandeur-emploi", 35,
        ("creer-une-entreprise", "trouver-un-emploi"), ("cma", "cci"),
        expected_plain=("france-travail",)),
    Row("job seeker: a job, and a business project", ORLEANS, "demandeur-emploi", 42,
        ("trouver-un-emploi", "creer-une-entreprise"), ("cma", "cci"),
        expected_plain=("france-travail",)),
    Row("bénévole who wants his experience recognised", BLOIS, "benevole", 50,
        (VALUE_SKILLS,), ("vae",)),
    Row("bénévole: recognition of experience and its file", CHATEAUROUX, "benevole", 55,
        (VALUE_SKILLS, FUND_TRAINING), ("vae",)),
    Row("bénévole far from the VAE relay's town", VIERZON, "benevole", 60,
        (VALUE_SKILLS,), ("vae",)),
    Row("disabled employee at risk of unfitness, thinking of a change", TOURS, "salarie", 50,
        ("trouver-un-emploi--maintien-dans-lemploi", CONFIRM), ("cap-emploi",), handicap=True),
    Row("lycéen choosing a métier and a training", BOURGES, "scolaire", 16,
        ("choisir-un-metier", FIND_TRAINING), ("cio",)),
    Row("young drop-out: a job or a training", ORLEANS, "decrocheur", 19,
        ("trouver-un-emploi", FIND_TRAINING), ("mission-locale",)),
    Row("young job seeker: a training, then a job", BLOIS, "demandeur-emploi", 22,
        (FIND_TRAINING, "trouver-un-emploi"), ("mission-locale",)),
    Row("adult job seeker: a job and a CV", CHATEAUROUX, "demandeur-emploi", 50,
        ("trouver-un-emploi", CV), ("france-travail",)),
    Row("cadre thinking of a change, open to offers", TOURS, "cadre", 45,
        (CONFIRM, "trouver-un-emploi"), ("apec",)),
    Row("retiree without a computer, with paperwork", DREUX, "retraite", 72,
        ("numerique--acceder-a-des-services-en-ligne",
         "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"),
        ("france-services",)),
    Row("student leaving abroad who needs a room", TOURS, "etudiant", 20,
        ("souvrir-a-linternational", "logement-hebergement--louer-un-logement"),
        ("information-jeunesse",)),
    Row("young drop-out to remobilise, then a job", BOURGES, "decrocheur", 18,
        ("remobilisation", "trouver-un-emploi"), ("mission-locale", "e2c")),
]  # fmt: skip


def _plain_copy(folder: Path) -> Path:
    for name in ("structures.json", "services.json"):
        rows = json.loads((CVL / name).read_text())
        for row in rows:
            row.pop("x_spro", None)
        (folder / name).write_text(json.dumps(rows, ensure_ascii=False))
    return folder


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    folder = _plain_copy(tmp_path_factory.mktemp("plain"))
    database = Database(folder / "desk.sqlite")
    import_directory(database, folder)
    return database


def _top(suggestions: list[Suggestion]) -> list[tuple[str | None, str]]:
    return [(s.summary.reseau, s.summary.structure_id) for s in suggestions[:3]]


@pytest.mark.parametrize("row", EXPERT_TABLE, ids=[r.situation for r in EXPERT_TABLE])
def test_several_needs_first_suggestion_follows_the_rules(cvl_db: Database, row: Row) -> None:
    suggestions = Suggester(cvl_db).suggest(row.profile(), limit=5)
    assert suggestions and suggestions[0].summary.reseau in row.expected, _top(suggestions)


@pytest.mark.parametrize("row", EXPERT_TABLE, ids=[r.situation for r in EXPERT_TABLE])
def test_several_needs_on_plain_data_inclusion(plain_db: Database, row: Row) -> None:
    suggestions = Suggester(plain_db).suggest(row.profile(), limit=5)
    expected = row.expected_plain or row.expected
    assert suggestions and suggestions[0].summary.reseau in expected, _top(suggestions)


def test_the_creation_need_never_puts_the_womens_service_first(cvl_db: Database) -> None:
    for commune in (TOURS, BOURGES, ORLEANS, BLOIS, CHATEAUROUX, CHARTRES):
        profile = VisitorProfile(
            commune=commune, statut="demandeur-emploi", age=35, at=WEDNESDAY_10AM,
            besoins=("creer-une-entreprise", "trouver-un-emploi"),
        )  # fmt: skip
        first = Suggester(cvl_db).suggest(profile, limit=1)[0]
        assert first.summary.reseau != "cidff", commune


@pytest.mark.parametrize(
    ("nom", "porteurs", "network"),
    [
        ("CIO de Bourges", (), "cio"),
        ("Centre d'information et d'orientation de Vierzon", (), "cio"),
        ("SCUIO-IP Université d'Orléans", (), "suio"),
        ("Service universitaire d'information et d'orientation", (), "suio"),
        ("Mission Locale de l'Arrondissement de Dreux", (), "mission-locale"),
        ("Agence France Travail Bourges Nord", (), "france-travail"),
        ("Pôle-Emploi Tours Sud", (), "france-travail"),
        ("Cap'Emploi 41", (), "cap-emploi"),
        ("Association", ("cap-emploi-reseau-cheops",), "cap-emploi"),
        ("Avenir Actif Centre-Val de Loire", (), "avenir-actifs"),
        ("Association pour l'emploi des cadres — Tours", (), "apec"),
        ("Transitions Professionnelles Centre", (), "transitions-pro"),
        ("Chambre des métiers du Loiret", ("chambres-consulaires",), "cma"),
        ("CCI Centre", ("chambres-consulaires",), "cci"),
        ("Point Relais Conseil en validation des acquis", (), "vae"),
        ("PRC VAE du Cher", (), "vae"),
        ("Info Jeunes Chartres", (), "information-jeunesse"),
        ("Maison de services au public", ("msap",), "france-services"),
    ],
)
def test_every_network_of_the_mandate_table_is_inferred_from_plain_rows(
    nom: str, porteurs: tuple[str, ...], network: str
) -> None:
    assert infer_network(nom, porteurs) == network


def test_plain_vae_relay_is_first_and_the_reason_says_it_was_inferred_from_the_name(
    plain_db: Database,
) -> None:
    profile = VisitorProfile(
        commune=BLOIS, statut="benevole", age=50, at=WEDNESDAY_10AM, besoins=(VALUE_SKILLS,)
    )
    first = Suggester(plain_db).suggest(profile, limit=1)[0]
    assert first.summary.reseau == "vae"
    assert any(
        "réseau déduit du nom « Point relais conseil VAE Blois »" in r for r in first.reasons
    ), first.reasons
