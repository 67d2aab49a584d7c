"""How often the first suggestion is the written rules' answer, with one need and with two.

Usage: ``python bench/suggest_quality.py [--national]``.

On a held-out directory (regions 27 and 53, never used by the tests, 120 generated scenarios):
- top-1 with x_spro and on the plain data·inclusion variant (every x_spro stripped);
- the same people with a second need they also have (SECOND_NEED, written from the mandate
  table of orientation-rules.md: adding it does not change the network the rules designate);
- whether the top 3 are 3 distinct structures whenever 3 eligible structures exist.
With --national: suggestion latency with two needs on the national directory (200 scenarios).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search_bench import Latencies
from suggest_bench import MOMENT, SUGGEST_P95_TARGET_MS
from support import BENCH_OUT, Dataset, Figure, ensure_reference_dataset, milliseconds, print_table

from spro_desk.directory.importer import import_directory
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.suggest import Suggester, Suggestion
from spro_desk.storage.engine import Database

HELD_OUT = Dataset("heldout-27-53", regions="27,53", scale=1.0, scenarios=120)
# The national directory of the reference generator (its scenarios hold the expected answers).
NATIONAL_REFERENCE = Dataset("national-reference", regions="all", scale=7.5, scenarios=200)
CV = "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"
CONFIRM = "choisir-un-metier--confirmer-son-choix-de-metier"
# For each situation of the generator's scenarios, a second need the same person also has.
SECOND_NEED = {
    "lycéen qui hésite sur son orientation": "se-former--trouver-sa-formation",
    "collégien et sa famille : choix d'une voie après la 3e":
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
    "jeune sorti du lycée sans diplôme": CV,
    "jeune sans emploi ni formation qui cherche un apprentissage": "trouver-un-emploi",
    "jeune décrocheur qui veut reprendre une formation": "se-former--trouver-sa-formation",
    "étudiant en licence qui veut se réorienter": "trouver-un-emploi",
    "adulte demandeur d'emploi": "preparer-sa-candidature",
    "demandeur d'emploi qui veut se reconvertir": "se-former--monter-son-dossier-de-formation",
    "salarié du privé qui veut changer de métier":
        "preparer-sa-candidature--valoriser-ses-competences",
    "salarié qui veut financer une formation longue": CONFIRM,
    "cadre en poste qui réfléchit à une évolution": "trouver-un-emploi",
    "personne en situation de handicap qui cherche un emploi": "preparer-sa-candidature",
    "salarié handicapé menacé d'inaptitude": CONFIRM,
    "porteur de projet de création d'entreprise artisanale": "trouver-un-emploi",
    "bénévole associatif qui veut faire reconnaître son expérience":
        "se-former--monter-son-dossier-de-formation",
    "jeune qui veut partir travailler à l'étranger": "logement-hebergement--louer-un-logement",
    "retraité sans ordinateur pour ses démarches en ligne":
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
}  # fmt: skip


@dataclass(frozen=True)
class Case:
    id: str
    profile: VisitorProfile
    networks: tuple[str, ...]
    structures: frozenset[str]

    def is_right(self, suggestion: Suggestion) -> bool:
        summary = suggestion.summary
        return summary.reseau in self.networks and summary.structure_id in self.structures


def cases(scenarios: list[dict[str, Any]], second_need: bool) -> list[Case]:
    found = []
    for scenario in scenarios:
        visitor, expected = scenario["visiteur"], scenario["attendu"]
        needs = (visitor["besoin"],)
        if second_need:
            needs += (SECOND_NEED[scenario["situation"]],)
        profile = VisitorProfile(
            commune=visitor["commune"], statut=visitor["statut"], besoins=needs,
            age=visitor.get("age"), handicap=bool(visitor.get("handicap")), at=MOMENT,
        )  # fmt: skip
        found.append(
            Case(scenario["id"], profile, tuple(expected["reseaux"]),
                 frozenset(expected["structures_eligibles"]))
        )  # fmt: skip
    return found


def plain_copy(folder: Path) -> Path:
    """The directory as a plain data·inclusion export: every x_spro removed."""
    plain = folder.with_name(folder.name + "-plain")
    plain.mkdir(exist_ok=True)
    for name in ("structures.json", "services.json"):
        rows = json.loads((folder / name).read_text("utf-8"))
        for row in rows:
            row.pop("x_spro", None)
        (plain / name).write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    return plain


def imported(folder: Path) -> Database:
    path = BENCH_OUT / f"{folder.name}.sqlite3"
    fresh = not path.is_file()
    database = Database(path)
    if fresh:
        import_directory(database, folder)
    return database


@dataclass(frozen=True)
class Quality:
    label: str
    right: int
    total: int
    distinct_ok: int
    wrong: list[str]


def measure_quality(label: str, suggester: Suggester, chosen: list[Case]) -> Quality:
    right, distinct_ok, wrong = 0, 0, []
    for case in chosen:
        everything = suggester.suggest(case.profile, limit=1000)
        if everything and case.is_right(everything[0]):
            right += 1
        else:
            first = everything[0].summary if everything else None
            wrong.append(f"{case.id} {case.profile.besoins} -> {first and first.structure_id}")
        structures = [s.summary.structure_id for s in everything]
        distinct_ok += len(set(structures[:3])) == min(3, len(set(structures)))
    return Quality(label, right, len(chosen), distinct_ok, wrong)


def quality_figures(results: list[Quality]) -> list[Figure]:
    figures = []
    for q in results:
        target = f"{q.total}/{q.total}"
        unit = f"/ {q.total}"
        figures += [
            Figure(f"top-1 = rules, {q.label}", q.right, unit, target, q.right == q.total),
            Figure(f"top 3 distinct when possible, {q.label}", q.distinct_ok, unit, target,
                   q.distinct_ok == q.total),
        ]  # fmt: skip
    return figures


def national_latency() -> list[Figure]:
    folder = ensure_reference_dataset(NATIONAL_REFERENCE)
    database = imported(folder)
    scenarios = json.loads((folder / "scenarios.json").read_text("utf-8"))
    suggester = Suggester(database)
    figures = []
    for second in (False, True):
        label = "two needs" if second else "one need"
        profiles = [c.profile for c in cases(scenarios, second_need=second)]
        for profile in profiles:  # warm-up (also reads the directory's facts once)
            suggester.suggest(profile)
        samples = [
            (milliseconds(lambda p=profile: suggester.suggest(p)), "+".join(profile.besoins))
            for _ in range(2)
            for profile in profiles
        ]
        latencies = Latencies(f"Suggester.suggest, {label}, national", samples)
        print("  " + latencies.describe())
        p95 = latencies.p(0.95)
        target = f"< {SUGGEST_P95_TARGET_MS:g} ms"
        met = p95 < SUGGEST_P95_TARGET_MS
        figures.append(Figure(f"suggest p95, {label}, national", p95, "ms", target, met))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="also the national latency")
    args = parser.parse_args()
    folder = ensure_reference_dataset(HELD_OUT)
    scenarios = json.loads((folder / "scenarios.json").read_text("utf-8"))
    results = []
    for variant, source in (("x_spro", folder), ("plain", plain_copy(folder))):
        suggester = Suggester(imported(source))
        for second in (False, True):
            label = f"{variant}, {'two needs' if second else 'one need'}"
            quality = measure_quality(label, suggester, cases(scenarios, second))
            results.append(quality)
            print(f"{label}: {quality.right}/{quality.total}", flush=True)
            for line in quality.wrong:
                print("    wrong: " + line)
    figures = quality_figures(results)
    if args.national:
        figures += national_latency()
    print()
    print_table(figures)
    sys.exit(0)


if __name__ == "__main__":
    main()
