"""Issue 18, through the screens: what the checklist's weak rows only checked in a function."""

from __future__ import annotations

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
from spro_desk.ui.orientation.screen import OrientationScreen
from spro_desk.ui.orientation.suggestion_model import SuggestionColumn
from spro_desk.ui.settings.screen import SettingsScreen

from .conftest import WindowFactory, cvl_rows, one_service_directory, write_directory
from .test_agent_day import CAP_EMPLOI, anonymous_contact, select_referral, statut_of, suivi_screen
from .test_orientation_screen import open_booking

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
    database = one_service_directory(
        tmp_path,
        {"nom": HOUSE_STRUCTURE},
        {"nom": HOUSE_SERVICE, "description": HOUSE_DESCRIPTION},
    )
    yield database
    database.close()


def _empty_boxes(layout: QTextLayout, text: str) -> list[str]:
    """The runs of a laid-out text that draw the empty .notdef box (glyph 0)."""
    # The range given: a document block's layout has no text of its own and, without it,
    # no run.
    runs = layout.glyphRuns(0, len(text))
    assert runs or not text.strip()  # nothing laid out would prove nothing
    glyphs = [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in runs]
    return [f"{family}: {indexes}" for family, indexes in glyphs if 0 in indexes]


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
        assert _empty_boxes(layout, text) == []
    # The service's card beside it, as its document laid it out for the screen.
    view.table.selectRow(0)
    card = view.detail
    shown = card.toPlainText()
    assert HOUSE_SERVICE in shown and HOUSE_STRUCTURE in shown and HOUSE_DESCRIPTION in shown
    card.document().documentLayout().documentSize()  # lay the whole card out
    block = card.document().begin()
    drawn = ""
    while block.isValid():
        assert _empty_boxes(block.layout(), block.text()) == [], block.text()
        drawn += block.text()
        block = block.next()
    assert set(drawn) >= EMOJI


def test_a_partners_emoji_are_printed_on_the_fiche_booked_in_orientation(
    emoji_db: Database, make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    from .test_slip_pdf import emoji_glyphs

    window = make_window(emoji_db)
    screen = _suggest(qtbot, window, "salarie", "se-former", rows=1)
    assert HOUSE_SERVICE in str(screen.model.index(0, SuggestionColumn.SERVICE).data())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen.table.setFocus()
    dialog = open_booking(qtbot, screen)
    dialog.accept()
    qtbot.waitUntil(lambda: screen.booking.slip_dialog is not None)
    slip_dialog = screen.booking.slip_dialog
    assert slip_dialog is not None
    path = tmp_path / "fiche.pdf"
    slip_dialog.save_pdf(path)  # what « Enregistrer en PDF » does once the file is chosen
    qtbot.waitUntil(lambda: path.exists() and not slip_dialog.busy)
    # 🏠 and 👉 (the partner's names), glyphs of the emoji font embedded in the PDF.
    assert emoji_glyphs(path) == 2


# --- the catchment area and the ranking ----------------------------------------------------------

AGENCIES = ("france-travail-vierzon", "france-travail-saint-amand-montrond")
AREA_REASON = "dans la zone desservie par votre site"


@pytest.fixture
def agencies_db(tmp_path: Path) -> Iterator[Database]:
    """Two France Travail agencies, Vierzon and Saint-Amand-Montrond, as far from Bourges."""
    ids = {f"spro-annuaire--{name}" for name in AGENCIES}
    structures = [s for s in cvl_rows("structures.json") if s["id"] in ids]
    services = [s for s in cvl_rows("services.json") if s["id"] in {f"{i}--1" for i in ids}]
    assert len(structures) == len(services) == 2
    for service in services:
        service["zone_eligibilite"] = ["18"]  # the whole Cher: a visitor from Bourges too
    folder = write_directory(tmp_path / "agences", structures, services)
    database = Database(tmp_path / "desk.sqlite")
    import_directory(database, folder)
    yield database
    database.close()


def _choose_area_in_parametres(qtbot: QtBot, window: MainWindow, *typed: str) -> None:
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    assert isinstance(screen, SettingsScreen)
    commune = screen.editors["site.commune"].widget
    commune.clear()
    qtbot.keyClicks(commune, "Bourges (18000)")
    commune.settle()
    editor = screen.editors["site.zone"]
    entry = editor.entry  # type: ignore[attr-defined]
    editor.set_value([])
    for place in typed:
        entry.setFocus()
        qtbot.keyClicks(entry, place)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Paramètres enregistrés."


def _suggest(
    qtbot: QtBot, window: MainWindow, statut: str, need: str, rows: int
) -> OrientationScreen:
    """A visitor from Bourges, as the agent fills the profile, and « Suggérer »."""
    window.show_screen("orientation")
    screen = window.screens["orientation"]
    assert isinstance(screen, OrientationScreen)
    profile = screen.profile
    profile.commune.clear()
    qtbot.keyClicks(profile.commune, "18033")
    if profile.commune.popup_visible():
        popup = profile.commune.completer().popup()
        qtbot.keyClick(popup, Qt.Key.Key_Return)  # the list's pick, the list closed
    assert profile.commune.code() == "18033" and not profile.commune.popup_visible()
    profile.statut.setCurrentIndex(profile.statut.findData(statut))
    profile.needs.set_codes((need,))
    screen.model.set_choices([])
    qtbot.mouseClick(screen.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == rows)
    screen.table.selectRow(0)
    return screen


def _suggest_for_a_job_seeker_in_bourges(qtbot: QtBot, window: MainWindow) -> OrientationScreen:
    return _suggest(qtbot, window, "demandeur-emploi", "trouver-un-emploi", rows=2)


def _first(screen: OrientationScreen) -> str:
    index = screen.model.index(0, SuggestionColumn.STRUCTURE)
    return str(index.data())


@pytest.mark.parametrize(
    ("served", "first"),
    [("Saint-Amand-Montrond", "Saint-Amand-Montrond"), ("Vierzon", "Vierzon")],
)
def test_the_catchment_area_chosen_in_parametres_ranks_the_agency_in_it_first(
    qtbot: QtBot, agencies_db: Database, make_window: WindowFactory, served: str, first: str
) -> None:
    from spro_desk.geo import geography

    geo = geography()
    code = next(c.code for c in geo.search_communes(served, 1) if c.departement == "18")
    epci = geo.commune(code).epci  # type: ignore[union-attr]
    assert epci
    window = make_window(agencies_db)
    _suggest_for_a_job_seeker_in_bourges(qtbot, window)  # the screen was shown before
    _choose_area_in_parametres(qtbot, window, "Bourges", geo.zone_label(epci))
    screen = _suggest_for_a_job_seeker_in_bourges(qtbot, window)
    assert first in _first(screen)
    why = screen.reasons.toPlainText()  # the « Pourquoi » pane, the first row selected
    assert AREA_REASON in why
    screen.table.selectRow(1)
    assert AREA_REASON not in screen.reasons.toPlainText()
