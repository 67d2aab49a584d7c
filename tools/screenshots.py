"""Regenerate the documentation screenshots in ``docs/screenshots/`` from the sample directory.

Usage::

    python tools/screenshots.py [--output DIR]

Writes, at 1280 × 800: accueil, annuaire, orientation, suivi, tableau-de-bord, parametres,
synchronisation,
premier-demarrage, annuaire-contraste (a high-contrast palette), coordination-postes,
coordination-envois, coordination-alertes, coordination-periodes, coordination-journal,
coordination-annuaire and coordination-comptes (the coordinator's window over a fictitious region
of eight desks, built with the real sync services), coordination-tableau-de-bord and
coordination-tableau-de-bord-detail (its dashboard over a generated year of 24 sites),
accueil-200 (``QT_SCALE_FACTOR=2`` in a process of its own) and fiche-de-liaison (the first
page of a real slip PDF, rendered with ``pdftoppm`` when it is installed, else by laying the same
document out on an image).

Runs offscreen (no display needed), with a pinned clock and the Europe/Paris time zone, so the
images only change when the interface does. If text renders as boxes, point ``QT_QPA_FONTDIR``
to a folder of TrueType fonts, e.g. ``/usr/share/fonts/truetype/dejavu``. The Qt code lives in
``spro_desk_dev.screenshots`` (dev-only, not shipped).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The dev-only package is not installed with the product: found in the tree.
sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from spro_desk_dev.screenshots import capture, prepare_environment

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    prepare_environment()
    for path in capture(args.output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
