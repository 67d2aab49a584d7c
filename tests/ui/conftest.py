"""UI fixtures: real widgets over real databases, nothing left running after a test.

Fixture order matters: a fixture that yields a Database must be set up before `make_window`
(list it first, or depend on it) so that windows close, and their workers stop, before the
database does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spro_desk.directory.importer import import_directory
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.collector import UiThreadCollector

CVL = Path(__file__).parents[1] / "data" / "cvl"
# A Tuesday morning outside school holidays: opening statuses are stable.
FIXED_NOW = datetime(2026, 3, 10, 10, 0)
IMPORT_TIMEOUT_MS = 60_000

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def collector_on_ui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the application: no worker thread collects (and destroys) the tests' widgets."""
    collector = UiThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English catalogue (and locale) for one test; French comes back after."""
    from PySide6.QtCore import QLocale

    from spro_desk.ui.app.i18n import install_translators, remove_translators

    previous = QLocale()
    translators = install_translators(qapp, preferred="en")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(previous)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def assert_nothing_running(window: MainWindow) -> None:
    assert not window.is_working
    active = [timer for timer in window.findChildren(QTimer) if timer.isActive()]
    assert not active, f"timers still running after close: {active}"


@pytest.fixture
def make_window(qtbot: QtBot, settings: QSettings) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(db: Database, **options: Any) -> MainWindow:
        options.setdefault("settings", settings)
        options.setdefault("clock", lambda: FIXED_NOW)
        window = MainWindow(db, **options)
        # Paramètres edited and left unsaved: closed at the end without the question's box.
        window.ask_unsaved = lambda _parent, _question: "discard"
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert_nothing_running(window)


@pytest.fixture
def window(cvl_db: Database, make_window: WindowFactory) -> MainWindow:
    return make_window(cvl_db)


@pytest.fixture
def empty_window(db: Database, make_window: WindowFactory) -> MainWindow:
    return make_window(db)


def cvl_rows(name: str) -> list[dict[str, Any]]:
    return json.loads((CVL / name).read_text(encoding="utf-8"))


def write_directory(folder: Path, structures: list[dict], services: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("structures.json", structures), ("services.json", services)):
        (folder / name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return folder


def one_service_directory(
    folder: Path, structure_fields: dict[str, Any], service_fields: dict[str, Any]
) -> Database:
    """A desk whose directory is the CVL fixture's first structure and one of its services,
    with these fields changed (directory text as partners publish it); the caller closes it."""
    structure = {**cvl_rows("structures.json")[0], **structure_fields}
    service = next(s for s in cvl_rows("services.json") if s["structure_id"] == structure["id"])
    directory = write_directory(folder / "annuaire", [structure], [{**service, **service_fields}])
    database = Database(folder / "desk.sqlite")
    import_directory(database, directory)
    return database
