"""Shared fixtures: a fresh SQLite file per test, the copied fixture directories."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from spro_desk import clock
from spro_desk.directory.importer import import_directory
from spro_desk.storage.engine import Database

DATA = Path(__file__).parent / "data"
CVL = DATA / "cvl"
CVL_DIRTY = CVL / "dirty"


def import_smaller_directory(db: Database, tmp_path: Path, services: int = 60) -> None:
    """Import over the CVL directory a smaller one: its first `services`, the same structures."""
    folder = tmp_path / "smaller"
    folder.mkdir()
    rows = json.loads((CVL / "services.json").read_text(encoding="utf-8"))
    (folder / "services.json").write_text(json.dumps(rows[:services]), encoding="utf-8")
    shutil.copy(CVL / "structures.json", folder / "structures.json")
    import_directory(db, folder, force=True)


# The files that take longest, longest first: the workers (pytest-xdist, one file at a time)
# start with them, and the many short files fill in around them, so that no long file is left
# alone at the end of a run. Measured with `--durations`; order only, nothing is skipped.
LONGEST_FIRST = (
    "tests/test_sync_model.py",
    "tests/test_coordination_cli.py",
    "tests/test_lint.py",
    "tests/test_installer_build.py",
    "tests/test_crash_loop.py",
    "tests/test_hostile_bundles.py",
    "tests/ui/test_atspi.py",
    "tests/test_packaging.py",
    "tests/test_windows_paths.py",
    "tests/test_coordination_watch.py",
    "tests/test_sync_integrity.py",
    "tests/test_directory_update.py",
    "tests/ui/test_first_run.py",
    "tests/ui/test_accessibility.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: number for number, name in enumerate(LONGEST_FIRST)}
    root = Path(__file__).parent.parent

    def weight(item: pytest.Item) -> int:
        return rank.get(item.path.relative_to(root).as_posix(), len(rank))

    items.sort(key=weight)  # stable: the order inside a file, and of the other files, is kept


@pytest.fixture(autouse=True)
def computer_time_zone() -> Iterator[None]:
    """A test that opens a site in another time zone leaves the process on the computer's."""
    yield
    clock.use_zone(None)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "desk.sqlite")
    yield database
    database.close()


@pytest.fixture(scope="session")
def cvl_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Centre-Val de Loire directory imported once; tests copy the file."""
    path = tmp_path_factory.mktemp("cvl") / "desk.sqlite"
    database = Database(path)
    import_directory(database, CVL)
    database.close()
    return path


def _copied(source_file: Path, target: Path) -> Database:
    import sqlite3

    with sqlite3.connect(source_file) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return Database(target)


@pytest.fixture
def cvl_db(cvl_db_file: Path, tmp_path: Path) -> Iterator[Database]:
    database = _copied(cvl_db_file, tmp_path / "desk.sqlite")
    yield database
    database.close()


@pytest.fixture(scope="module")
def cvl_module_db(
    cvl_db_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A copy of the Centre-Val de Loire directory shared by a module's tests (read only)."""
    database = _copied(cvl_db_file, tmp_path_factory.mktemp("cvl-module") / "desk.sqlite")
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def coordinations(request: pytest.FixtureRequest) -> Iterator[object]:
    """Coordination databases on SQLite, then on PostgreSQL (tests/coordination_db.py)."""
    from coordination_db import Coordinations

    opened = Coordinations(request.param)
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_coordinations(request: pytest.FixtureRequest) -> Iterator[object]:
    """The same, shared by a module's tests (a region built once per backend)."""
    from coordination_db import Coordinations

    opened = Coordinations(request.param)
    yield opened
    opened.close()
