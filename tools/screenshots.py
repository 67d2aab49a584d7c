"""Regenerate the documentation screenshots in ``docs/screenshots/`` from the sample directory.

Usage::

    python tools/screenshots.py [--output DIR]

Runs offscreen (no display needed). If text renders as boxes, point ``QT_QPA_FONTDIR`` to a
folder of TrueType fonts, e.g. ``/usr/share/fonts/truetype/dejavu``. The Qt code lives in
``spro_desk.ui.screenshots``: nothing outside ``spro_desk.ui`` imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spro_desk.ui.screenshots import capture, prepare_environment

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
