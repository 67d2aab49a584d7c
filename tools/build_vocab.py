"""Write ``resources/vocab/data-inclusion-v1.json`` from the installed ``data-inclusion-schema``.

Usage::

    python tools/build_vocab.py [--output FILE]

The desk shows the data·inclusion vocabularies (thématiques, publics, modes d'accueil, réseaux
porteurs) on its first screen. Importing the schema package pulls in pydantic and
email-validator, a tenth of a second before the window can open; the labels are therefore
shipped as a small JSON file generated from the package. ``tests/test_vocab_resource.py`` fails
when the file and the installed package disagree, so the package stays the one source of truth.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "resources" / "vocab" / "data-inclusion-v1.json"


def vocabularies() -> dict[str, Any]:
    """Each vocabulary as a {code: label} object, in the schema's order."""
    from importlib.metadata import version

    from data_inclusion.schema import v1 as di

    enums = {
        "categories": di.Categorie,
        "thematiques": di.Thematique,
        "publics": di.Public,
        "modes_accueil": di.ModeAccueil,
        "reseaux_porteurs": di.ReseauPorteur,
    }
    package = f"data-inclusion-schema {version('data-inclusion-schema')}"
    document: dict[str, Any] = {"package": package}
    for name, enum in enums.items():
        document[name] = {member.value: member.label for member in enum}
    return document


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(vocabularies()), encoding="utf-8")
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
