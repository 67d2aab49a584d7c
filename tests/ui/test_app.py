"""Starting the application: language, crash reporting, an unusable database, the event loop."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from spro_desk.ui import run_app
from spro_desk.ui.app import start as app_module
from spro_desk.ui.app.i18n import install_translators, interface_language, remove_translators
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common import errors

from .conftest import IMPORT_TIMEOUT_MS


def test_qt_dialogs_speak_french(qapp: QApplication) -> None:
    translators = install_translators(qapp, QLocale(QLocale.Language.French))
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        remove_translators(qapp, translators)


def test_untranslated_languages_fall_back_to_french() -> None:
    assert interface_language(QLocale(QLocale.Language.German)) == "fr"
    assert interface_language(QLocale(QLocale.Language.French)) == "fr"


def _newer_database(data_dir: Path) -> None:
    Database(database_path(data_dir)).close()
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    connection.close()


def test_a_database_from_a_newer_version_is_refused_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_fatal", shown.append)
    _newer_database(tmp_path)
    assert app_module.open_database(tmp_path) is None
    assert "version plus récente" in shown[0]


def test_an_unreadable_database_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_fatal", shown.append)
    database_path(tmp_path).write_bytes(b"ceci n'est pas une base SQLite" * 100)
    assert app_module.open_database(tmp_path) is None
    assert "endommagée" in shown[0] and "Restaurez" in shown[0]


class _FakeDialog:
    def __init__(self, details: str, opened: list[str]) -> None:
        self.details = details
        self.opened = opened

    def exec(self) -> int:
        self.opened.append(self.details)
        return 0


def test_crash_reporter_logs_and_shows_a_dialog(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    opened: list[str] = []
    reporter = errors.CrashReporter()
    monkeypatch.setattr(reporter, "_dialog", lambda details: _FakeDialog(details, opened))
    try:
        raise ValueError("inattendu")
    except ValueError as error:
        with caplog.at_level(logging.CRITICAL):
            reporter(ValueError, error, error.__traceback__)
    assert "inattendu" in opened[0]
    assert "Unexpected error" in caplog.text


def test_the_crash_dialog_is_in_french(qapp: QApplication) -> None:
    box = errors.CrashReporter()._dialog("Traceback…")
    assert box.windowTitle() == "Erreur inattendue"
    assert box.text().startswith("Une erreur inattendue s'est produite.")
    assert box.detailedText() == "Traceback…"
    box.deleteLater()


def _close_when(condition: Callable[[MainWindow], bool], seen: dict[str, Any]) -> QTimer:
    """Poll from inside run_app's event loop; close the main window once `condition` holds."""
    timer = QTimer()
    timer.setInterval(50)

    def check() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        ready = windows and windows[0].database_ready
        if ready and windows[0].isVisible() and condition(windows[0]):
            seen["rows"] = windows[0].directory_view.model.rowCount()
            seen["title"] = windows[0].windowTitle()
            timer.stop()
            windows[0].close()
            windows[0].deleteLater()

    timer.timeout.connect(check)
    timer.start()
    return timer


@pytest.fixture
def isolated_settings(tmp_path: Path) -> None:
    # run_app uses the default QSettings: keep it out of the user's real configuration.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.mark.usefixtures("isolated_settings")
def test_run_app_loads_the_sample_on_first_start(qapp: QApplication, tmp_path: Path) -> None:
    desk = Database(database_path(tmp_path / "data"))
    SiteSettings(desk).set("langue", "fr")  # the title is checked in French, whatever the OS
    desk.close()
    seen: dict[str, Any] = {}
    previous_hook = sys.excepthook
    # If the sample never loads, end the event loop rather than hang the test run.
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(qapp.quit)
    watchdog.start(IMPORT_TIMEOUT_MS)
    timer = _close_when(lambda w: w.directory_view.model.rowCount() == 679, seen)
    status = run_app(tmp_path / "data", use_sample_if_empty=True)
    timer.stop()
    watchdog.stop()
    assert status == 0
    assert seen == {"rows": 679, "title": "SPRO Desk — Annuaire"}
    assert sys.excepthook is previous_hook
    assert database_path(tmp_path / "data").is_file()


def test_run_app_stops_on_an_unusable_database(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_fatal", shown.append)
    _newer_database(tmp_path)
    assert run_app(tmp_path, use_sample_if_empty=True) == 1
    assert shown


@pytest.mark.usefixtures("isolated_settings")
def test_a_desk_with_accounts_starts_on_its_lock_screen_and_unlocks(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The real start: the first window shown is the lock screen (read with sqlite3, before
    the database layer), nothing is built behind it, and the code typed on it opens the desk
    (on the Annuaire's first-start panel: this desk has no directory yet)."""
    from PySide6.QtTest import QTest

    from spro_desk.agents.management import create_agent
    from spro_desk.agents.roles import Role
    from spro_desk.ui.lock.guard import LockScreen
    from test_privacy_support import FAST, MANAGER_PIN

    desk = Database(database_path(tmp_path / "data"))
    SiteSettings(desk).set("site.nom", "CIO de Bourges")
    create_agent(desk, "Claire", MANAGER_PIN, Role.RESPONSABLE, cost=FAST)
    desk.close()
    seen: dict[str, Any] = {}
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(qapp.quit)
    watchdog.start(IMPORT_TIMEOUT_MS)
    timer = QTimer()
    timer.setInterval(5)

    def step() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible():
            return
        window = windows[0]
        screen = window.centralWidget()
        if "first" not in seen:
            seen["first"] = type(screen).__name__
            seen["built_behind"] = [s.name for s in window.screens.built()]
            if isinstance(screen, LockScreen):
                QTest.keyClicks(screen.secret, MANAGER_PIN)
                QTest.keyClick(screen.secret, Qt.Key.Key_Return)
        elif window.database_ready and not window.privacy.is_locked:
            seen["after"] = (type(screen).__name__, window.current_screen_name())
            timer.stop()
            window.close()
            window.deleteLater()

    timer.timeout.connect(step)
    timer.start()
    status = run_app(tmp_path / "data", use_sample_if_empty=False)
    timer.stop()
    watchdog.stop()
    assert status == 0
    assert seen == {
        "first": "LockScreen",
        "built_behind": [],
        "after": ("QTabWidget", "annuaire"),
    }
