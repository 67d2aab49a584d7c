"""The directory screen as an agent uses it: typing, reading results, opening a service."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from spro_desk.directory.catalog import service_record
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.service_results import Column

from .a11y import read_name
from .conftest import WindowFactory


def _column(window: MainWindow, column: Column) -> list[str]:
    model = window.directory_view.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _select_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.directory_view.table
    rect = table.visualRect(table.model().index(row, Column.SERVICE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_screens_are_tabs_reached_with_ctrl_and_a_number(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("accueil")
    assert window.windowTitle() == "SPRO Desk — Accueil"
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Accueil",
        "Annuaire",
        "Orientation",
        "Suivi",
        "Tableau de bord",
        "Paramètres",
        "Synchronisation",
    ]
    for number, name in enumerate(("accueil", "annuaire", "orientation", "suivi"), start=1):
        qtbot.keyClick(window, Qt.Key.Key_0 + number, Qt.KeyboardModifier.ControlModifier)
        assert window.current_screen_name() == name
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen_name() == "annuaire"
    assert window.directory_view.search_box.hasFocus()


def test_title_status_bar_and_headers(window: MainWindow) -> None:
    window.show_screen("annuaire")
    assert window.windowTitle() == "SPRO Desk — Annuaire"
    assert not window.directory_is_empty
    assert window.summary_label.text().startswith("329 structures · 679 services · importé le ")
    model = window.directory_view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Service", "Structure", "Commune", "Réseau", "Horaires"]
    assert model.rowCount() == 679
    assert window.directory_view.search_box.placeholderText() == (
        "Rechercher un service, une structure, une commune…"
    )


def test_typing_searches_once_the_queued_keys_are_handled(qtbot: QtBot, window: MainWindow) -> None:
    view = window.directory_view
    searched: list[str] = []
    view.model.modelReset.connect(lambda: searched.append(view.search_box.text()))
    qtbot.keyClicks(view.search_box, "mission locale")
    # Keys handled in one go make one search, as soon as the event queue is empty.
    qtbot.waitUntil(lambda: searched == ["mission locale"])
    qtbot.keyClick(view.search_box, Qt.Key.Key_Backspace)  # a key after the paint: at once
    qtbot.waitUntil(lambda: searched[-1] == "mission local")
    assert len(searched) == 2
    structures = _column(window, Column.STRUCTURE)
    assert all("Mission locale" in name for name in structures[:10])
    assert all(status for status in _column(window, Column.HORAIRES)[:10])
    assert view.result_count.text() == f"{len(structures)} services"


def test_a_search_without_match_says_so(qtbot: QtBot, window: MainWindow) -> None:
    view = window.directory_view
    qtbot.keyClicks(view.search_box, "zzzqqq")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.result_count.text() == "Aucun service ne correspond à cette recherche."


def test_selecting_a_row_shows_the_service(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    view = window.directory_view
    qtbot.keyClicks(view.search_box, "mission locale")
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < 679)
    assert "Sélectionnez un service" in view.detail.toPlainText()
    _select_row(qtbot, window, 0)
    record = service_record(cvl_db, view.model.service_id(0))
    assert record is not None
    structure = record["structure"]
    text = view.detail.toPlainText()
    assert text.startswith(record["service"]["nom"])
    assert structure["nom"] in text
    assert structure["adresse"] in text
    assert f"{structure['code_postal']} {structure['commune']}" in text
    assert "Horaires" in text and "Thématiques" in text


def test_enter_moves_to_the_results(qtbot: QtBot, window: MainWindow) -> None:
    view = window.directory_view
    qtbot.keyClicks(view.search_box, "cio de bourges")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert view.table.selectionModel().selectedRows()[0].row() == 0
    assert "CIO de Bourges" in view.detail.toPlainText()


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.directory_view
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search_box.hasFocus)


def test_menu_and_shortcuts(window: MainWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&Fichier"
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    view = window.directory_view
    controls = [
        view.search_box,
        view.table,
        view.detail,
        window.progress.bar,
        window.progress.cancel_button,
        window.empty_state.sample_button,
        window.empty_state.import_button,
    ]
    assert all(control.accessibleName() for control in controls)
    # The result count and the directory's state are read as their text, not a fixed name.
    assert read_name(view.result_count) == view.result_count.text() != ""
    assert read_name(window.summary_label) == window.summary_label.text() != ""


def test_quit_closes_and_geometry_is_remembered(
    qtbot: QtBot,
    window: MainWindow,
    make_window: WindowFactory,
    cvl_db: Database,
    settings: QSettings,
) -> None:
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.size().width() == 700)
    window.quit_action.trigger()
    assert not window.isVisible()
    reopened = make_window(cvl_db, settings=settings)
    assert (reopened.width(), reopened.height()) == (700, 500)


def test_opening_statuses_follow_the_clock(window: MainWindow) -> None:
    model = window.directory_view.model
    before = _column(window, Column.HORAIRES)
    model.refresh_clock()
    assert _column(window, Column.HORAIRES) == before  # same fixed clock, same statuses
