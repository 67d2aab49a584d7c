"""Benchmark directories: the sample directory's structures copied over a whole region or France.

Usage::

    python -m spro_desk_dev.gen_directory OUT [--regions all|24,84] [--scale 1] [--scenarios 200]

Writes OUT/structures.json, OUT/services.json (data·inclusion v1, as the importer reads them)
and OUT/scenarios.json (visitors for the suggestion benchmark). Everything comes from the
project itself: the structures and services of ``resources/sample-directory`` are the
templates, the communes come from the geography the desk ships (``resources/geo``).

A structure is placed in a commune drawn in proportion to its population (scale 1 ≈ one
structure per 11,500 inhabitants: about 5,900 over France, 44,000 at scale 7.5); its services
follow it, their zones moved to the new commune's (same kind: commune, EPCI or département).
Coordinates are a deterministic point of the commune's département box: distances between
communes are plausible in magnitude, not true (the benchmarks time the ranking, not its
geography). The same arguments and seed give the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spro_desk.geo import Commune, Geography, geography
from spro_desk.resources import resource_path

INHABITANTS_PER_STRUCTURE = 11_500
# Mainland France's box: the generated points fall inside it.
LATITUDES = (42.5, 51.0)
LONGITUDES = (-4.5, 8.0)
STATUTS = ("scolaire", "etudiant", "demandeur-emploi", "salarie", "decrocheur", "apprenti")
SOURCE = "spro-bench"


@dataclass(frozen=True)
class Templates:
    structures: list[dict[str, Any]]
    services_of: dict[str, list[dict[str, Any]]]


def load_templates() -> Templates:
    folder = resource_path("sample-directory")
    structures = json.loads((folder / "structures.json").read_text("utf-8"))
    services_of: dict[str, list[dict[str, Any]]] = {}
    for service in json.loads((folder / "services.json").read_text("utf-8")):
        services_of.setdefault(service["structure_id"], []).append(service)
    return Templates([s for s in structures if s["id"] in services_of], services_of)


def communes_of(geo: Geography, regions: str) -> list[Commune]:
    wanted = None if regions == "all" else set(regions.split(","))
    found = (geo.commune(code) for code in sorted(geo.communes_in_zone("france")))
    return [
        c
        for c in found
        if c is not None and c.population > 0 and (wanted is None or c.region in wanted)
    ]


def point_in(commune: Commune) -> tuple[float, float]:
    """A stable point: the département picks a cell of the box, the commune a spot in it."""
    cell = int(hashlib.sha256(commune.departement.encode()).hexdigest()[:8], 16)
    spot = int(hashlib.sha256(commune.code.encode()).hexdigest()[:8], 16)
    row, column = divmod(cell % 100, 10)
    lat = LATITUDES[0] + (row + (spot % 1000) / 1000) * (LATITUDES[1] - LATITUDES[0]) / 10
    lon = (
        LONGITUDES[0]
        + (column + (spot // 1000 % 1000) / 1000) * (LONGITUDES[1] - LONGITUDES[0]) / 10
    )
    return round(lat, 6), round(lon, 6)


def _placed(record: dict[str, Any], commune: Commune) -> dict[str, Any]:
    latitude, longitude = point_in(commune)
    postal = commune.codes_postaux[0] if commune.codes_postaux else None
    return record | {
        "source": SOURCE,
        "commune": commune.nom,
        "code_postal": postal,
        "code_insee": commune.code,
        "latitude": latitude,
        "longitude": longitude,
    }


def _moved_zones(zones: Sequence[str] | None, geo: Geography, commune: Commune) -> list[str]:
    """The template's zones, each replaced by the new commune's zone of the same kind."""
    if not zones:
        return [commune.code]
    moved = []
    for zone in zones:
        kind = geo.zone_kind(zone)
        if kind == "france":
            moved.append(zone)
        elif kind == "departement":
            moved.append(commune.departement)
        elif kind == "epci" and commune.epci:
            moved.append(commune.epci)
        else:
            moved.append(commune.code)
    return list(dict.fromkeys(moved))


def structure_and_services(
    number: int, template: dict[str, Any], templates: Templates, geo: Geography, commune: Commune
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    structure_id = f"{SOURCE}--{number}"
    structure = _placed(template, commune) | {
        "id": structure_id,
        "nom": f"{template['nom']} — {commune.nom}",
        "siret": None,
    }
    services = [
        _placed(service, commune)
        | {
            "id": f"{structure_id}--{index}",
            "structure_id": structure_id,
            "zone_eligibilite": _moved_zones(service.get("zone_eligibilite"), geo, commune),
        }
        for index, service in enumerate(templates.services_of[template["id"]], start=1)
    ]
    return structure, services


def scenarios(
    rng: random.Random, communes: list[Commune], needs: list[str], count: int
) -> list[dict[str, Any]]:
    chosen = rng.choices(communes, weights=[c.population for c in communes], k=count)
    return [
        {
            "id": f"S{number:03d}",
            "situation": "visiteur tiré au hasard (benchmark)",
            "visiteur": {
                "commune": commune.code,
                "commune_nom": commune.nom,
                "statut": rng.choice(STATUTS),
                "handicap": rng.random() < 0.05,
                "age": rng.randint(15, 55),
                "besoin": rng.choice(needs),
            },
        }
        for number, commune in enumerate(chosen, start=1)
    ]


def generate(
    out: Path, regions: str = "all", scale: float = 1.0, scenario_count: int = 200, seed: int = 1
) -> dict[str, int]:
    """Write the three files into `out`; returns how many of each were written."""
    rng = random.Random(seed)
    geo = geography()
    templates = load_templates()
    communes = communes_of(geo, regions)
    if not communes:
        raise SystemExit(f"aucune commune pour les régions « {regions} »")
    count = max(1, round(scale * sum(c.population for c in communes) / INHABITANTS_PER_STRUCTURE))
    places = rng.choices(communes, weights=[c.population for c in communes], k=count)
    structures, services = [], []
    for number, commune in enumerate(places, start=1):
        template = rng.choice(templates.structures)
        structure, its_services = structure_and_services(number, template, templates, geo, commune)
        structures.append(structure)
        services.extend(its_services)
    needs = sorted({t.split("--")[0] for s in services for t in s.get("thematiques") or ()})
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "structures.json": structures,
        "services.json": services,
        "scenarios.json": scenarios(rng, communes, needs, scenario_count),
    }
    for name, rows in written.items():
        (out / name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return {name: len(rows) for name, rows in written.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--regions", default="all", help="all, or region codes: 24,84")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--scenarios", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    counts = generate(args.out, args.regions, args.scale, args.scenarios, args.seed)
    print(", ".join(f"{name}: {count}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
