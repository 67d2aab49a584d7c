"""The Linux build, built and run: `bash installer/build-linux.sh`, then the frozen program.

Slow (about a minute on two cores: PyInstaller's analysis, then gzip of the .deb) and run by CI
with the rest of the suite: the acceptance of issue 7 is that CI builds the one-folder build
and smoke-tests it. The program under test is the one the .deb installs (extracted with
dpkg-deb), started as an agent would: version, import of the sample directory, a contact
recorded through the CLI, the window opened offscreen and closed, an older data folder
upgraded, and the first-run assistant on a new folder.
"""

from __future__ import annotations

import io
import json
import marshal
import os
import pickle
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from spro_desk.version import app_version

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "previous-version"
SIZE_LIMIT_MB = 200
SAMPLE_SERVICES = 679
RUN_TIMEOUT_S = 120

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Build:
    folder: Path  # the one-folder build, as PyInstaller wrote it
    deb: Path
    installed: Path  # the .deb extracted: what `dpkg -i` puts on disk
    seconds: float

    @property
    def program(self) -> Path:
        return self.installed / "opt" / "spro-desk" / "spro-desk"


def _size_mb(folder: Path) -> float:
    """Bytes of the files, in MB (10⁶); PyInstaller's symbolic links counted once."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    if shutil.which("dpkg-deb") is None:
        pytest.fail("dpkg-deb est nécessaire pour construire le paquet (Debian, Ubuntu).")
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")  # never the shared build/installer/
    started = time.perf_counter()
    script = ROOT / "installer" / "build-linux.sh"
    done = subprocess.run(
        ["bash", str(script), "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, f"build failed:\n{done.stdout}\n{done.stderr}"
    debs = list(dist.glob("spro-desk_*.deb"))
    assert len(debs) == 1, list(dist.iterdir())
    installed = tmp_path_factory.mktemp("installed")
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(installed)], check=True)
    yield Build(dist / "spro-desk", debs[0], installed, seconds)


def _environment(home: Path) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "SPRO_DESK_", "VIRTUAL_ENV"))
    }
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        SPRO_DESK_KEYRING="0",  # no desktop keyring in CI: the key file is used
    )
    return environment


def run(build: Build, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(build.program), *args],
        env=_environment(home),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


def run_json(build: Build, home: Path, *args: str) -> dict[str, Any]:
    done = run(build, home, *args, "--json")
    assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stderr}"
    return json.loads(done.stdout)


def test_the_build_is_small_enough(build: Build) -> None:
    folder_mb, deb_mb = _size_mb(build.folder), build.deb.stat().st_size / 1e6
    print(
        f"\nbuild: {build.seconds:.0f} s; one folder {folder_mb:.0f} MB "
        f"(limit {SIZE_LIMIT_MB} MB); .deb {deb_mb:.0f} MB"
    )
    assert folder_mb < SIZE_LIMIT_MB
    qt = build.folder / "_internal" / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == [
        "qtbase_en.qm",
        "qtbase_fr.qm",
    ]
    assert not list(qt.rglob("*Qt6Quick*")) and not list(qt.rglob("*Qt6Qml*"))
    platforms = sorted(p.name for p in (qt / "plugins" / "platforms").iterdir())
    assert platforms == ["libqoffscreen.so", "libqxcb.so"]


def _needed(library: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\).*\[(.*)\]", out)


def test_no_bundled_library_is_left_unused(build: Build) -> None:
    """Every shared library copied next to the program is needed by something kept: the
    libraries of the plugins the spec drops go with them, whichever the build machine has
    installed (the spec's _without_orphans), not only those DROPPED_QT_FILES names."""
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is needed to read the libraries' dependencies")
    internal = build.folder / "_internal"
    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    by_name = {p.name: p for p in files}
    by_name.update({p.name: p.resolve() for p in internal.iterdir() if p.is_symlink()})
    loaded_by_the_bootloader = {"libpython3.11.so.1.0"}
    roots = [p for p in files if p.parent != internal or not p.name.startswith("lib")]
    roots += [p for p in files if p.name in loaded_by_the_bootloader]
    reached: set[Path] = set()
    while roots:
        library = roots.pop()
        if library not in reached:
            reached.add(library)
            roots += [by_name[name] for name in _needed(library) if name in by_name]
    unused = sorted(p.name for p in files if p not in reached)
    assert not unused, f"libraries nothing needs: {unused}"


def test_the_package_installs_the_program_menu_entry_and_icon(build: Build) -> None:
    root = build.installed
    assert build.program.is_file() and os.access(build.program, os.X_OK)
    assert os.readlink(root / "usr" / "bin" / "spro-desk") == "/opt/spro-desk/spro-desk"
    entry = (root / "usr" / "share" / "applications" / "spro-desk.desktop").read_text("utf-8")
    assert "Exec=spro-desk" in entry and "Icon=spro-desk" in entry
    icons = root / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "256x256" / "apps" / "spro-desk.png").is_file()
    assert (icons / "scalable" / "apps" / "spro-desk.svg").is_file()
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(build.deb), "Package", "Version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Version: {app_version()}" in fields
    licences = json.loads(
        (build.folder / "_internal" / "resources" / "licences.json").read_text("utf-8")
    )
    names = {c["name"] for c in licences["components"]}
    assert {"Python", "SQLAlchemy", "cryptography"} <= names


def test_frozen_version_import_contact_and_window(build: Build, tmp_path: Path) -> None:
    data = tmp_path / "donnees"
    done = run(build, tmp_path, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"spro-desk {app_version()}"
    base = ("--data-dir", str(data))
    sample = build.program.parent / "_internal" / "resources" / "sample-directory"
    imported = run_json(build, tmp_path, *base, "directory", "import", str(sample))
    assert imported["services"] == SAMPLE_SERVICES
    run_json(build, tmp_path, *base, "desk", "init", "--site-nom", "CIO de Bourges",
             "--reseau", "cio", "--commune", "18033")  # fmt: skip
    recorded = run_json(build, tmp_path, *base, "contact", "add", "--canal", "accueil-physique",
                        "--statut", "scolaire", "--besoin", "trouver-un-emploi")  # fmt: skip
    listed = run_json(build, tmp_path, *base, "contact", "list")
    assert [c["id"] for c in listed["contacts"]] == [recorded["id"]]
    found = run_json(build, tmp_path, *base, "directory", "search", "mission locale")
    assert found["results"]
    started = time.perf_counter()
    window = run(build, tmp_path, *base, "--smoke-quit-after", "300")
    assert window.returncode == 0, window.stderr
    report = json.loads(window.stdout.strip().splitlines()[-1])
    assert report["window"] == "MainWindow"
    print(f"\nfrozen window opened and closed in {time.perf_counter() - started:.1f} s")


def test_frozen_program_shows_the_assistant_on_a_new_folder(build: Build, tmp_path: Path) -> None:
    data = tmp_path / "nouveau"
    window = run(build, tmp_path, "--data-dir", str(data), "--smoke-quit-after", "100")
    assert window.returncode == 0, window.stderr
    assert json.loads(window.stdout.strip().splitlines()[-1])["window"] == "FirstRunWizard"
    assert not (data / "keys").exists()  # left without « Créer »: nothing set up


def test_frozen_program_upgrades_an_older_data_folder(build: Build, tmp_path: Path) -> None:
    expected = json.loads((FIXTURE / "expected.json").read_text("utf-8"))
    data = tmp_path / "donnees"
    shutil.copytree(FIXTURE / "data", data)
    (data / "keys" / "desk-signing.pem").chmod(0o600)
    listed = run_json(build, tmp_path, "--data-dir", str(data), "contact", "list")
    assert len(listed["contacts"]) == expected["contacts_listed"]
    assert expected["sample_contact"]["id"] in {c["id"] for c in listed["contacts"]}
    assert list((data / "backups").glob("avant-migration-*"))


def test_frozen_program_opens_bundles_as_the_coordinators_worker(
    build: Build, tmp_path: Path
) -> None:
    """A large coordinator import opens bundles in a worker: for the frozen program, itself
    started with reader_process.WORKER_FLAG (installer/entry.py)."""
    from spro_desk import clock
    from spro_desk.sync import reader_process
    from spro_desk.sync.bundle_opening import opened_of
    from spro_desk.sync.coordinator import _opener
    from test_coordinator_import import Region

    region = Region(tmp_path / "region")
    bundles = [region.week(0, 2), region.week(1, 3)]
    opener = _opener(region.coordinator(), region.coordinator_dir)
    requests = b"".join(
        pickle.dumps(message)
        for message in (
            (str(region.coordinator_dir), opener.desks, clock.zone_name()),
            *map(str, bundles),
            None,
        )
    )
    done = subprocess.run(
        [str(build.program), reader_process.WORKER_FLAG],
        input=requests, env=_environment(tmp_path), capture_output=True, timeout=RUN_TIMEOUT_S,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    replies, rows = io.BytesIO(done.stdout), []
    while header := replies.read(reader_process.FRAME_HEADER):
        # the frozen interpreter's marshal data, read by this one as the coordinator reads it
        verdict, opened = marshal.loads(replies.read(int.from_bytes(header, "little")))
        assert verdict == "opened"
        rows.append(opened_of(opened).rows)
    assert rows == [opener.open(bundle).rows for bundle in bundles]
