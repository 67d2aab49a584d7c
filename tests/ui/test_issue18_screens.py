"""Issue 18, through the screens: what the checklist's weak rows only checked in a function."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from spro_desk.contacts.service import ContactService
from spro_desk.directory.importer import import_directory
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.service_results import Column
from spro_desk.ui.dashboard.screen import DashboardScreen

from .conftest import WindowFactory, cvl_rows, write_directory
from .test_agent_day import CAP_EMPLOI, anonymous_contact, select_referral, statut_of, suivi_screen

CTRL = Qt.KeyboardModifier.ControlModifier


# --- the rendez-vous rate ------------------------------------------------------------------------


def test_an_honoured_information_is_not_counted_in_the_dashboards_rendez_vous_rate(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    service = ContactService(cvl_db)
    information = service.add_referral(anonymous_contact(cvl_db), CAP_EMPLOI)
    rendez_vous = service.add_referral(
        anonymous_contact(cvl_db), CAP_EMPLOI, rdv_at=datetime(2026, 3, 9, 14, 0)
    )
    screen = suivi_screen(qtbot, window)
    for referral in (information, rendez_vous):
        select_referral(screen, referral)
        qtbot.keyClick(screen.table, Qt.Key.Key_H)  # « Honoré », one key
        qtbot.waitUntil(lambda referral=referral: statut_of(cvl_db, referral) == "honore")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # Tableau de bord
    dashboard = window.screens["tableau-de-bord"]
    assert isinstance(dashboard, DashboardScreen)
    qtbot.waitUntil(lambda: dashboard.view.settled, timeout=20_000)
    tile = dashboard.view.summary.buttons["part_niveau2"]
    # Both contacts went to a level-2 service; only one had a rendez-vous to honour.
    assert tile.figure.text() == "100\u00a0%"
    assert tile.detail.text() == "rendez-vous honoré : 50\u00a0%"


# --- emoji in the directory ----------------------------------------------------------------------

HOUSE_SERVICE = "🏠 Logement d'urgence"
HOUSE_STRUCTURE = "🏠 Logement solidaire 👉 Bourges"
HOUSE_DESCRIPTION = "📞 Sur rendez-vous ✅ Gratuit"
EMOJI = {"🏠", "👉", "📞", "✅"}


@pytest.fixture
def emoji_db(tmp_path: Path) -> Iterator[Database]:
    structure = copy.deepcopy(cvl_rows("structures.json")[0])
    service = copy.deepcopy(
        next(s for s in cvl_rows("services.json") if s["structure_id"] == structure["id"])
    )
    structure["nom"] = HOUSE_STRUCTURE
    service["nom"] = HOUSE_SERVICE
    service["description"] = HOUSE_DESCRIPTION
    folder = write_directory(tmp_path / "annuaire", [structure], [service])
    database = Database(tmp_path / "desk.sqlite")
    import_directory(database, folder)
    yield database
    database.close()


def _empty_boxes(layout: QTextLayout) -> list[str]:
    """The characters a laid-out text draws as the empty .notdef box (glyph 0)."""
    return [
        f"{run.rawFont().familyName()}: {list(run.glyphIndexes())}"
        for run in layout.glyphRuns()
        if 0 in run.glyphIndexes()
    ]


def _cell_layout(view: QTableView, row: int, column: int) -> QTextLayout:
    """The cell's text laid out in the font its delegate paints it with."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    view.itemDelegate().initStyleOption(option, view.model().index(row, column))
    layout = QTextLayout(option.text, option.font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def test_the_directorys_emoji_are_drawn_in_the_annuaire(
    emoji_db: Database, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(emoji_db)
    window.show_screen("annuaire")
    view = window.directory_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    # The results table: the service and its structure, each cell in the table's own font.
    for column, text in ((Column.SERVICE, HOUSE_SERVICE), (Column.STRUCTURE, HOUSE_STRUCTURE)):
        layout = _cell_layout(view.table, 0, column)
        assert layout.text() == text
        assert _empty_boxes(layout) == []
    # The service's card beside it, as its document laid it out for the screen.
    view.table.selectRow(0)
    card = view.detail
    shown = card.toPlainText()
    assert HOUSE_SERVICE in shown and HOUSE_STRUCTURE in shown and HOUSE_DESCRIPTION in shown
    card.document().documentLayout().documentSize()  # lay the whole card out
    block = card.document().begin()
    drawn = ""
    while block.isValid():
        assert _empty_boxes(block.layout()) == [], block.text()
        drawn += block.text()
        block = block.next()
    assert set(drawn) >= EMOJI
