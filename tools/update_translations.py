"""Refresh the English catalog from the interface sources, then compile it.

Usage::

    python tools/update_translations.py [--no-release]

Runs ``pyside6-lupdate`` over every ``src/spro_desk/ui/**/*.py`` into
``resources/translations/spro_desk_en.ts`` (French source, British English target): existing
translations are kept, messages that left the code are dropped. New messages arrive
"unfinished": translate them (Qt Linguist or any editor), then run the script again so that
``pyside6-lrelease`` writes ``spro_desk_en.qm``. Both files are committed; the compiled one
is small and spares packagers a build step. ``tests/ui/test_i18n.py`` fails while the catalog
is stale or incomplete.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_SOURCES = ROOT / "src" / "spro_desk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOG = TRANSLATIONS / "spro_desk_en.ts"
COMPILED = TRANSLATIONS / "spro_desk_en.qm"
SOURCE_LANGUAGE = "fr_FR"
TARGET_LANGUAGE = "en_GB"

Message = tuple[str, str]  # (context, French source text)


class ToolError(RuntimeError):
    """A Qt translation tool is missing or failed."""


def qt_tool(name: str) -> str:
    """The tool installed next to this interpreter (the venv) first, then anywhere on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise ToolError(f"{name} not found: install the dev dependencies (PySide6) first")
    return found


# French texts marked in the (Qt-free) domain, translated by the UI: the vocabularies' labels,
# the system's reasons, the words of opening hours, the reasons of a suggestion, the audit
# trail's actions, the refusals of the walk-in's checks, the storage's faults, a bundle's
# export folder that cannot be written.
MARKED_DOMAIN_SOURCES = tuple(
    ROOT / "src" / "spro_desk" / name
    for name in (
        "vocab.py",
        "paths.py",
        "directory/hours.py",
        "orientation/reasons.py",
        "agents/coordination_audit.py",
        "coordinates.py",
        "contacts/service.py",
        "site/declared.py",
        "storage/errors.py",
        "sync/bundle.py",
    )
)


def ui_sources() -> list[Path]:
    return [*sorted(UI_SOURCES.rglob("*.py")), *MARKED_DOMAIN_SOURCES]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise ToolError(f"{Path(command[0]).name} failed:\n{done.stdout}{done.stderr}")


def extract(catalog: Path = CATALOG) -> None:
    """Merge the interface's messages into `catalog`, keeping translations of unchanged ones."""
    _run(
        [
            qt_tool("pyside6-lupdate"),
            *(str(path) for path in ui_sources()),
            "-no-obsolete",
            "-locations",
            "absolute",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            TARGET_LANGUAGE,
            "-ts",
            str(catalog),
        ]
    )


def compile_catalog(catalog: Path = CATALOG, compiled: Path = COMPILED) -> None:
    _run([qt_tool("pyside6-lrelease"), str(catalog), "-qm", str(compiled)])


def messages(catalog: Path) -> set[Message]:
    """Every (context, source) pair of a .ts file."""
    root = ET.parse(catalog).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def unfinished(catalog: Path) -> list[Message]:
    """Messages still to translate: marked unfinished, or with an empty translation (form)."""
    root = ET.parse(catalog).getroot()
    missing = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                complete = False
            else:
                # A plural message holds one <numerusform> per form, all of them needed.
                forms = translation.findall("numerusform") or [translation]
                complete = all((form.text or "").strip() for form in forms)
            if not complete:
                missing.append((context.findtext("name", ""), message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-release", action="store_true", help="update the .ts only, do not compile the .qm"
    )
    args = parser.parse_args(argv)
    extract()
    todo = unfinished(CATALOG)
    for context, source in todo:
        print(f"to translate: [{context}] {source}")
    if not args.no_release:
        compile_catalog()
        print(f"wrote {COMPILED.relative_to(ROOT)}")
    print(f"{len(messages(CATALOG))} messages, {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
