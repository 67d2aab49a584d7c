"""First start: an empty directory offers the sample or an import, and never a blank screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from spro_desk.directory.catalog import directory_info
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow

from .conftest import CVL, IMPORT_TIMEOUT_MS, WindowFactory

SAMPLE_SERVICES = 679


def _rows(window: MainWindow) -> int:
    return window.directory_view.model.rowCount()


def test_empty_directory_shows_the_first_start_panel(empty_window: MainWindow) -> None:
    assert empty_window.directory_is_empty
    panel = empty_window.empty_state
    assert panel.isVisible()
    assert panel.sample_button.text() == "Charger l'annuaire d'exemple"
    assert panel.import_button.text() == "Importer un annuaire…"
    assert empty_window.summary_label.text() == "Annuaire vide"


def test_loading_the_sample_fills_the_directory(qtbot: QtBot, empty_window: MainWindow) -> None:
    qtbot.mouseClick(empty_window.empty_state.sample_button, Qt.MouseButton.LeftButton)
    assert not empty_window.empty_state.sample_button.isEnabled()
    qtbot.waitUntil(lambda: _rows(empty_window) == SAMPLE_SERVICES, timeout=IMPORT_TIMEOUT_MS)
    assert not empty_window.directory_is_empty
    assert empty_window.directory_view.isVisible()
    assert "679 services" in empty_window.summary_label.text()
    assert empty_window.statusBar().currentMessage().startswith("Annuaire importé : ")
    assert empty_window.import_action.isEnabled()


def test_sample_loads_by_itself_and_the_screen_is_never_blank(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    empty_window.offer_first_start(use_sample_if_empty=True)
    busy = empty_window.empty_state.busy_label
    assert busy.isVisible()
    assert busy.text() == "Chargement de l'annuaire d'exemple…"
    qtbot.waitUntil(lambda: _rows(empty_window) == SAMPLE_SERVICES, timeout=IMPORT_TIMEOUT_MS)


def test_no_automatic_sample_when_not_asked(empty_window: MainWindow) -> None:
    empty_window.offer_first_start(use_sample_if_empty=False)
    assert not empty_window.importer.running
    assert empty_window.empty_state.sample_button.isEnabled()


def test_import_menu_accepts_a_folder_through_its_json_file(
    qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = (str(CVL / "services.json"), "")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: chosen)
    empty_window.import_action.trigger()
    qtbot.waitUntil(lambda: _rows(empty_window) == 679, timeout=IMPORT_TIMEOUT_MS)


def test_an_unusable_file_is_explained_in_french(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    bogus = tmp_path / "annuaire.txt"
    bogus.write_text("pas un annuaire", encoding="utf-8")
    empty_window.importer.import_path(bogus)
    qtbot.waitUntil(lambda: empty_window.findChild(QMessageBox) is not None, timeout=10_000)
    box = empty_window.findChild(QMessageBox)
    assert box.windowTitle() == "Import impossible"
    assert "annuaire.txt" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    assert empty_window.directory_is_empty
    assert empty_window.empty_state.sample_button.isEnabled()


def test_cancelling_keeps_the_current_directory(qtbot: QtBot, empty_window: MainWindow) -> None:
    empty_window.importer.import_sample()
    # The flag is set long before the importer first checks it (after reading every row).
    empty_window.progress.cancel_button.click()
    qtbot.waitUntil(lambda: not empty_window.importer.running, timeout=IMPORT_TIMEOUT_MS)
    assert empty_window.statusBar().currentMessage().startswith("Import annulé")
    assert empty_window.directory_is_empty


def test_closing_during_an_import_waits_for_it(db: Database, make_window: WindowFactory) -> None:
    window = make_window(db)
    window.importer.import_sample()
    window.close()
    assert not window.is_working
    # Cancelled at its next check or finished: never half-written.
    assert directory_info(db).services in (0, SAMPLE_SERVICES)
