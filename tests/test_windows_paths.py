"""What Windows desks meet, exercised on Linux: data folders whose names hold spaces and
accents (« Mes Documents », « Données »), and the bundle-reading worker started as a fresh
interpreter (Windows has no fork: the worker must not rely on inheriting the parent's state).

What only a Windows machine can check is listed in installer/README.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spro_desk.sync import reader_process
from spro_desk.sync.coordinator import BundleRefused, import_bundles
from test_coordinator_import import Region

ROOT = Path(__file__).resolve().parents[1]
WINDOWS_LIKE = Path("Données du poste") / "Été 2026 – accueil"


def _cli(data_dir: Path, *arguments: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "spro_desk", "--data-dir", str(data_dir), *arguments, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_data_folder_with_spaces_and_accents_holds_a_working_desk(tmp_path: Path) -> None:
    data = tmp_path / WINDOWS_LIKE
    sample = ROOT / "resources" / "sample-directory"
    imported = _cli(data, "directory", "import", str(sample))
    recorded = _cli(data, "contact", "add", "--canal", "telephone", "--statut", "scolaire")
    listed = _cli(data, "contact", "list")
    backup = _cli(data, "backup", "create")
    assert imported["services"] > 0
    assert [c["id"] for c in listed["contacts"]] == [recorded["id"]]
    assert (data / "spro-desk.sqlite").is_file()
    assert Path(backup["file"]).parent == data / "backups" and backup["contacts"] == 1


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Region:
    return Region(tmp_path_factory.mktemp("region") / WINDOWS_LIKE)


def test_the_worker_process_reads_bundles_from_a_folder_with_accents(region: Region) -> None:
    """Enough bundles for the import to start its worker (a new interpreter, as `spawn` would)
    over paths with spaces and accents; every bundle is imported, in order."""
    bundles = [region.week(number % 2, 1) for number in range(reader_process.MIN_BUNDLES + 2)]
    assert all(" " in str(path) and "é" in str(path) for path in bundles)
    db = region.coordinator("coordination é.sqlite")
    results = import_bundles(db, region.coordinator_dir, bundles)
    assert [path for path, _ in results] == bundles
    assert not [r for _path, r in results if isinstance(r, BundleRefused)]
    assert sum(result.events_new for _path, result in results) == len(bundles)
    db.close()
