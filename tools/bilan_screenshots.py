"""Render the first pages of a bilan d'activité PDF to docs/screenshots/ (issue 5).

The bilan is computed on a synthetic region (fictitious data, no real person) and rendered
with `pdftoppm` (Debian/Ubuntu package poppler-utils), the PDF rasteriser most machines have.

    python tools/bilan_screenshots.py [--pages 3] [--dpi 70]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from spro_desk.reports.filters import Filters, Options
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.pdf import write_pdf
from spro_desk.reports.publish import build_bilan
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database

# The dev-only package is not installed with the product: found in the tree.
sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from spro_desk_dev.synthetic import generate

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm est introuvable : installez poppler-utils (apt-get).")
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "coordinator.sqlite")
        connection = sqlite3.connect(db.path)
        dataset = generate(connection, desks=40, contacts=20_000, referrals=5_000, keep=False)
        connection.close()
        indicators = compute_indicators(
            CoordinatorSource(db), Filters(dataset.period), Options(as_of=dataset.as_of)
        )
        pdf = write_pdf(build_bilan(indicators), Path(folder) / "bilan.pdf")
        db.close()
        prefix = Path(folder) / "page"
        subprocess.run(
            [pdftoppm, "-png", "-r", str(args.dpi), "-f", "1", "-l", str(args.pages),
             str(pdf), str(prefix)],
            check=True,
        )  # fmt: skip
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(sorted(Path(folder).glob("page-*.png")), start=1):
            target = SCREENSHOTS / f"bilan-page-{number}.png"
            shutil.copyfile(page, target)
            print(target)


if __name__ == "__main__":
    main()
