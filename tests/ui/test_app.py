"""Starting the application: language, crash reporting, an unusable database, the event loop."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTimer
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
