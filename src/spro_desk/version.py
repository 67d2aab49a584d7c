"""What this copy of SPRO Desk is: its version, the components it ships and their licences.

From a source tree the package metadata is read live. A frozen build (PyInstaller) carries the
metadata of ``spro-desk`` itself, plus ``resources/licences.json`` written at build time from the
metadata of the packages it was built with (``python -m spro_desk.version --write-licences``):
the packages' own metadata is not in the build. No Qt here: the build script and the CLI use it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spro_desk.resources import resource_path

if TYPE_CHECKING:
    from importlib import metadata

DISTRIBUTION = "spro-desk"
OWN_LICENCE = "EUPL-1.2"
LICENCES_FILE = "licences.json"
UNKNOWN_VERSION = "0.0.0+source"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_SHORT_LICENCE = 80  # longer "License" fields are the whole licence text, not its name
_VAGUE_LICENCES = {"", "UNKNOWN", "Dual License", "Other/Proprietary License"}


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    url: str = ""


@dataclass(frozen=True)
class DataSource:
    name: str
    producer: str
    licence: str
    url: str


# The reference data the application ships or imports (checked against the packages' licences).
DATA_SOURCES: tuple[DataSource, ...] = (
    DataSource(
        "Code officiel géographique (communes, EPCI, départements, régions)",
        "INSEE",
        "Licence Ouverte / Open Licence 2.0 (Etalab)",
        "https://www.insee.fr/fr/information/2560452",
    ),
    DataSource(
        "@etalab/decoupage-administratif (mise en forme du COG, ressource geo/cog.json.gz)",
        "Etalab",
        "MIT (code) ; données INSEE sous Licence Ouverte 2.0",
        "https://github.com/etalab/decoupage-administratif",
    ),
    DataSource(
        "data·inclusion : schéma des structures et services d'insertion, et format des "
        "annuaires importés",
        "GIP de la Plateforme de l'inclusion",
        "Licence Ouverte / Open Licence 2.0 (Etalab) — les jeux de données publiés sur "
        "data.gouv.fr ; une source agrégée peut avoir ses propres conditions",
        "https://www.data.inclusion.gouv.fr/",
    ),
)


def app_version() -> str:
    """The source tree's version (pyproject.toml, the one place it is written) when running
    from a checkout, where an editable install's metadata can be stale; else the installed
    package's; else what a frozen build recorded."""
    from_tree = _source_tree_version()
    if from_tree:
        return from_tree
    from importlib import metadata  # ~50 ms: only when the version is asked for

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    recorded = _recorded().get("version")
    if isinstance(recorded, str) and recorded:
        return recorded
    return UNKNOWN_VERSION


def _source_tree_project() -> dict[str, Any] | None:
    """The [project] table of the source tree's pyproject.toml (None when installed or frozen)."""
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        import tomllib

        return dict(tomllib.loads(pyproject.read_text("utf-8"))["project"])
    except (OSError, KeyError, ValueError):
        return None


def _source_tree_version() -> str | None:
    project = _source_tree_project()
    if not project or project.get("name") != DISTRIBUTION or "version" not in project:
        return None
    return str(project["version"])


def _recorded() -> dict[str, object]:
    """The licences file written at build time (empty when running from source)."""
    try:
        document = json.loads(resource_path(LICENCES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def components() -> list[Component]:
    """The third-party components of this copy, with their licences, sorted by name."""
    recorded = _recorded().get("components")
    if isinstance(recorded, list) and recorded:
        return [Component(**entry) for entry in recorded if isinstance(entry, dict)]
    return installed_components()


def installed_components() -> list[Component]:
    """Walk the installed requirements of SPRO Desk (extras they ask for included).

    From a source tree the roots are pyproject.toml's dependencies: an editable install's
    metadata keeps the list of the day it was installed.
    """
    from importlib import metadata

    found: dict[str, Component] = {}
    pending = [parsed for parsed in map(_wanted_root, _root_requirements()) if parsed]
    while pending:
        name, extras = pending.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or platform-specific dependency not installed here
        key = _canonical(dist.metadata["Name"] or name)
        if key in found:
            continue
        found[key] = _component(dist)
        for requirement in dist.requires or []:
            parsed = _wanted(requirement, extras)
            if parsed is not None:
                pending.append(parsed)
    return sorted(found.values(), key=lambda c: c.name.lower())


def _root_requirements() -> list[str]:
    from importlib import metadata

    project = _source_tree_project()
    if project is not None and isinstance(project.get("dependencies"), list):
        return [str(requirement) for requirement in project["dependencies"]]
    try:
        return list(metadata.requires(DISTRIBUTION) or [])
    except metadata.PackageNotFoundError:
        return []


def _wanted_root(requirement: str) -> tuple[str, frozenset[str]] | None:
    return _wanted(requirement, frozenset())


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wanted(requirement: str, extras: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    """The requirement's name and extras, or None when it belongs to an extra not asked for.

    Other markers (platform, implementation) are kept: only installed packages are listed.
    """
    text, _, marker = requirement.partition(";")
    match = _REQUIREMENT.match(text)
    if match is None:
        return None
    asked = re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
    if asked and not extras.intersection(asked):
        return None
    requested = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
    return match.group(1), requested


def _component(dist: metadata.Distribution) -> Component:
    meta = dist.metadata
    return Component(
        name=meta["Name"] or "?",
        version=dist.version,
        licence=_licence(dist),
        url=_home(meta),
    )


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _first(meta, "License-Expression")
    if expression:
        return expression.strip()
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    field = (_first(meta, "License") or "").strip()
    if field not in _VAGUE_LICENCES and len(field) <= _SHORT_LICENCE and "\n" not in field:
        return field
    if classifiers:
        return " / ".join(classifiers)
    return _licence_file_title(dist) or "voir le paquet"


def _licence_file_title(dist: metadata.Distribution) -> str | None:
    """The first line of a shipped licence file (« The MIT License (MIT) »)."""
    for file in dist.files or []:
        if "LICEN" in file.name.upper() or "COPYING" in file.name.upper():
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for line in text.splitlines():
                title = line.strip().strip("#=*- ").strip()
                if title:
                    return title[:_SHORT_LICENCE]
    return None


def _first(meta: metadata.PackageMetadata, field: str) -> str | None:
    """The field's first value, or None (PackageMetadata has no typed `get`)."""
    values = meta.get_all(field)
    return values[0] if values else None


def _home(meta: metadata.PackageMetadata) -> str:
    if _first(meta, "Home-page") and meta["Home-page"] != "UNKNOWN":
        return meta["Home-page"]
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return ""


def build_record(extra: list[Component]) -> dict[str, object]:
    """What a frozen build ships in resources/licences.json."""
    return {
        "version": app_version(),
        "licence": OWN_LICENCE,
        "components": [asdict(c) for c in [*installed_components(), *extra]],
    }


def _bundled_runtime() -> list[Component]:
    """What a frozen build adds to the Python packages: the interpreter and the bootloader."""
    python = Component(
        "Python", ".".join(map(str, sys.version_info[:3])), "PSF-2.0", "https://www.python.org"
    )
    bootloader = Component(
        "PyInstaller (bootloader)",
        _version_or_blank("pyinstaller"),
        "GPL-2.0-or-later WITH Bootloader-exception",
        "https://pyinstaller.org",
    )
    return [python, bootloader]


def _version_or_blank(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Version et licences de SPRO Desk.")
    parser.add_argument("--write-licences", metavar="FILE", help="écrire licences.json (build)")
    args = parser.parse_args(argv)
    if args.write_licences:
        record = build_record(_bundled_runtime())
        Path(args.write_licences).write_text(
            json.dumps(record, ensure_ascii=False, indent=1), "utf-8"
        )
        print(f"{args.write_licences}: {len(record['components'])} composants")  # type: ignore[arg-type]
        return 0
    print(app_version())
    return 0


if __name__ == "__main__":
    sys.exit(main())
