"""Build ``resources/geo/cog.json.gz`` from the npm package ``@etalab/decoupage-administratif``.

Usage::

    python tools/build_geo.py [--package-dir DIR] [--output FILE]

Without ``--package-dir`` the pinned package version is fetched with ``npm pack`` into a
temporary folder. ``DIR`` is the unpacked package (the folder holding ``package.json`` and
``data/``).

The resource is column-oriented: one list per field instead of one object per commune, so
field names are not repeated 35 000 times and gzip sees long runs of similar values. The
output is deterministic (sorted keys, rows sorted by code, gzip mtime 0) so that rebuilding
from the same package version gives identical bytes and a clean diff.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PACKAGE = "@etalab/decoupage-administratif"
PACKAGE_VERSION = "6.0.0"
FORMAT_VERSION = 1
KEPT_COMMUNE_TYPES = frozenset({"commune-actuelle", "arrondissement-municipal"})
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "geo" / "cog.json.gz"

Record = dict[str, Any]


class BuildError(Exception):
    """The package data does not have the shape this script relies on."""


def fetch_package(workdir: Path) -> Path:
    """Download and unpack the pinned package; return the unpacked ``package`` folder."""
    spec = f"{PACKAGE}@{PACKAGE_VERSION}"
    completed = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = workdir / completed.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        # The "data" filter refuses absolute paths, links outside the folder and devices.
        archive.extractall(workdir, filter="data")
    return workdir / "package"


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def package_metadata(package_dir: Path) -> dict[str, str]:
    manifest = read_json(package_dir / "package.json")
    return {
        "package": str(manifest["name"]),
        "version": str(manifest["version"]),
        "licence": str(manifest.get("license", "")),
        "url": f"https://www.npmjs.com/package/{manifest['name']}",
    }


def kept_communes(communes: Iterable[Record]) -> list[Record]:
    kept = [c for c in communes if c.get("type") in KEPT_COMMUNE_TYPES]
    return sorted(kept, key=lambda c: str(c["code"]))


def epci_by_commune(epcis: Iterable[Record]) -> dict[str, str]:
    """Map each member commune code to the SIREN of its EPCI."""
    owner: dict[str, str] = {}
    for epci in epcis:
        for member in epci.get("membres", []):
            code = str(member["code"])
            if code in owner:
                raise BuildError(f"commune {code} belongs to {owner[code]} and {epci['code']}")
            owner[code] = str(epci["code"])
    return owner


def commune_epci(commune: Record, owner: dict[str, str]) -> str | None:
    # Arrondissements are not EPCI members themselves: they share their city's EPCI.
    code = str(commune["code"])
    return owner.get(code) or owner.get(str(commune.get("commune", "")))


def check_references(
    communes: list[Record], departements: list[Record], regions: list[Record]
) -> None:
    """Fail loudly rather than ship a resource with dangling codes."""
    region_codes = {str(r["code"]) for r in regions}
    departement_region = {str(d["code"]): str(d["region"]) for d in departements}
    for departement, region in departement_region.items():
        if region not in region_codes:
            raise BuildError(f"département {departement}: unknown region {region}")
    commune_codes = {str(c["code"]) for c in communes}
    for commune in communes:
        code, departement = str(commune["code"]), str(commune["departement"])
        if departement not in departement_region:
            raise BuildError(f"commune {code}: unknown département {departement}")
        # The region is not stored per commune: it must follow from the département.
        if departement_region[departement] != str(commune["region"]):
            raise BuildError(f"commune {code}: region differs from its département's")
        parent = commune.get("commune")
        if parent is not None and str(parent) not in commune_codes:
            raise BuildError(f"arrondissement {code}: unknown parent commune {parent}")


def communes_columns(communes: list[Record], owner: dict[str, str]) -> dict[str, list[Any]]:
    return {
        "code": [str(c["code"]) for c in communes],
        "nom": [str(c["nom"]) for c in communes],
        "departement": [str(c["departement"]) for c in communes],
        "epci": [commune_epci(c, owner) for c in communes],
        # Space-joined: one short string per commune instead of a nested list.
        "codes_postaux": [" ".join(sorted(c.get("codesPostaux", []))) for c in communes],
        "population": [int(c.get("population", 0)) for c in communes],
        "parent": [c.get("commune") for c in communes],
    }


def simple_columns(records: Iterable[Record], fields: tuple[str, ...]) -> dict[str, list[str]]:
    rows = sorted(records, key=lambda r: str(r["code"]))
    return {field: [str(row[field]) for row in rows] for field in fields}


def build_document(package_dir: Path) -> dict[str, Any]:
    data = package_dir / "data"
    communes = kept_communes(read_json(data / "communes.json"))
    epcis: list[Record] = read_json(data / "epci.json")
    departements: list[Record] = read_json(data / "departements.json")
    regions: list[Record] = read_json(data / "regions.json")
    check_references(communes, departements, regions)
    return {
        "format": FORMAT_VERSION,
        "source": package_metadata(package_dir),
        "regions": simple_columns(regions, ("code", "nom")),
        "departements": simple_columns(departements, ("code", "nom", "region")),
        "epci": simple_columns(epcis, ("code", "nom")),
        "communes": communes_columns(communes, epci_by_commune(epcis)),
    }


def encode(document: dict[str, Any]) -> bytes:
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    buffer = io.BytesIO()
    # An empty file name and mtime 0 keep the gzip header identical from one build to the next.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def build(package_dir: Path, output: Path) -> int:
    payload = encode(build_document(package_dir))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(payload)
    return len(payload)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-dir", type=Path, help="unpacked npm package folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="resource file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.package_dir is not None:
        size = build(args.package_dir, args.output)
    else:
        with tempfile.TemporaryDirectory() as workdir:
            size = build(fetch_package(Path(workdir)), args.output)
    print(f"{args.output}: {size} octets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
