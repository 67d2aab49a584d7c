"""The site's dashboard: this week's and this month's activity at a glance, checked against
known contacts — headline tiles, charts and the tables of every breakdown."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput
from spro_desk.reports.filters import Period
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.dashboard.screen import DashboardScreen

from .conftest import WindowFactory

CIO_SERVICE = "spro-annuaire--cio-de-bourges--1"
# The fixed clock is Tuesday 10 March 2026: its week runs from the 9th to the 15th.
THIS_WEEK = datetime(2026, 3, 9, 14, 0)
THIS_MONTH = datetime(2026, 3, 2, 11, 0)
LAST_MONTH = datetime(2026, 2, 27, 9, 0)
EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi"
LOAD_MS = 20_000


def _contact(when: datetime, canal: str, statut: str, *besoins: str) -> ContactInput:
    return ContactInput(canal=canal, statut=statut, besoins=besoins, occurred_at=when)


@pytest.fixture
def busy_window(window: MainWindow) -> MainWindow:
    contacts = window.context.contacts
    first = contacts.record(_contact(THIS_WEEK, "accueil-physique", "decrocheur", EMPLOI))
    contacts.record(_contact(THIS_WEEK, "accueil-physique", "etudiant", EMPLOI))
    contacts.record(_contact(THIS_WEEK, "telephone", "decrocheur"))
    contacts.record(_contact(THIS_MONTH, "permanence", "salarie", EMPLOI))
    contacts.record(_contact(LAST_MONTH, "telephone", "retraite"))
    honoured = contacts.add_referral(first, CIO_SERVICE)
    contacts.set_referral_status(honoured, "honore")
    contacts.add_referral(first, CIO_SERVICE, rdv_at=datetime(2026, 3, 12, 9, 30))
    return window


def _shown(qtbot: QtBot, window: MainWindow) -> DashboardScreen:
    screen = window.screens["tableau-de-bord"]
    assert isinstance(screen, DashboardScreen)
    qtbot.waitUntil(lambda: screen.view.settled, timeout=LOAD_MS)
    return screen


def _tables(screen: DashboardScreen) -> dict[tuple[str, str], str]:
    """(table title, row label) → the count as the « Tous les tableaux » tree shows it."""
    assert screen.view.overview is not None
    model = screen.view.overview.tree_model
    shown = {}
    for top in range(model.rowCount()):
        parent = model.index(top, 0)
        title = model.data(parent)
        for row in range(model.rowCount(parent)):
            label = model.data(model.index(row, 0, parent))
            shown[(title, label)] = model.data(model.index(row, 1, parent))
    return shown


def _tile(screen: DashboardScreen, key: str) -> str:
    return screen.view.summary.buttons[key].figure.text()


def test_this_week_as_tiles_charts_and_tables(qtbot: QtBot, busy_window: MainWindow) -> None:
    qtbot.keyClick(busy_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert busy_window.current_screen_name() == "tableau-de-bord"
    screen = _shown(qtbot, busy_window)
    bar = screen.view.filter_bar
    assert bar.preset.currentText() == "Cette semaine"
    assert bar.period() == Period(date(2026, 3, 9), date(2026, 3, 15))
    assert "Période du 09/03/2026 au 15/03/2026" in screen.view.shown.text()
    assert (_tile(screen, "contacts"), _tile(screen, "orientations")) == ("3", "2")
    assert "postes_retard" not in screen.view.summary.buttons  # a coordinator's tile
    tables = _tables(screen)
    assert tables[("Contacts par canal", "Accueil physique")] == "2"
    assert tables[("Contacts par canal", "Téléphone")] == "1"
    assert tables[("Contacts par canal", "Permanence")] == "0"
    assert tables[("Besoins par catégorie", "Trouver un emploi")] == "2"
    assert tables[("Orientations par issue", "Honoré")] == "1"
    assert tables[("Orientations par issue", "En cours")] == "1"  # rendez-vous on the 12th
    assert tables[("Orientations par issue", "Non honoré")] == "0"
    assert tables[("Orientations par type", "Rendez-vous")] == "1"
    assert screen.charts["contacts.canal"].bars() == (("Accueil physique", 2), ("Téléphone", 1))
    statuts = screen.charts["contacts.statut"]
    assert statuts.bars()[0] == ("Jeune sorti sans diplôme, sans emploi ni formation", 2)
    assert statuts.accessibleName() == "Contacts par statut"
    assert "Étudiant\u00a0: 1" in statuts.accessibleDescription()


def test_this_month_and_the_choice_is_remembered(
    qtbot: QtBot, busy_window: MainWindow, make_window: WindowFactory, cvl_db: Database
) -> None:
    busy_window.show_screen("tableau-de-bord")
    screen = _shown(qtbot, busy_window)
    preset = screen.view.filter_bar.preset
    preset.setFocus()
    qtbot.keyClick(preset, Qt.Key.Key_Down)  # the next preset: « Ce mois »
    assert preset.currentText() == "Ce mois"
    qtbot.waitUntil(lambda: screen.view.settled, timeout=LOAD_MS)
    assert "Période du 01/03/2026 au 31/03/2026" in screen.view.shown.text()
    tables = _tables(screen)
    assert tables[("Contacts par canal", "Permanence")] == "1"
    assert tables[("Besoins par catégorie", "Trouver un emploi")] == "3"
    assert tables[("Contacts par statut", "Retraité")] == "0"  # February
    assert _tile(screen, "contacts") == "4"
    busy_window.close()
    again = make_window(cvl_db)
    again.show_screen("tableau-de-bord")
    assert _shown(qtbot, again).view.filter_bar.preset.currentText() == "Ce mois"


def test_recording_a_contact_refreshes_the_open_dashboard(
    qtbot: QtBot, busy_window: MainWindow
) -> None:
    busy_window.show_screen("tableau-de-bord")
    screen = _shown(qtbot, busy_window)
    busy_window.context.contacts.record(_contact(THIS_WEEK, "courriel", "cadre"))
    busy_window.context.navigator.contacts_changed.emit()
    qtbot.waitUntil(lambda: screen.view.settled and _tile(screen, "contacts") == "4",
                    timeout=LOAD_MS)  # fmt: skip
    assert screen.charts["contacts.canal"].bars()[-1] == ("Courriel", 1)


def test_drilling_from_the_total_to_a_week(qtbot: QtBot, busy_window: MainWindow) -> None:
    busy_window.show_screen("tableau-de-bord")
    view = _shown(qtbot, busy_window).view
    contacts = view.summary.buttons["contacts"]
    contacts.setFocus()
    qtbot.keyClick(contacts, Qt.Key.Key_Return)  # a tile opens its breakdown
    qtbot.waitUntil(lambda: view.settled and len(view.path) == 2, timeout=LOAD_MS)
    months = view.current_breakdown()
    assert months is not None and months.key == "contacts.mois"
    assert months.as_counts() == {"2026-03": 3}  # this week falls in March
    assert view.detail is not None and view.detail.table.hasFocus()
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Return)  # March: its weeks, computed again
    qtbot.waitUntil(lambda: view.settled and len(view.path) == 3, timeout=LOAD_MS)
    weeks = view.current_breakdown()
    assert weeks is not None and weeks.key == "contacts.semaine"
    assert weeks.total == 3 and view.path[-1].title == "Contacts par semaine — mars 2026"
    qtbot.keyClick(view.detail.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert [level.breakdown for level in view.path] == ["", "contacts.mois"]  # kept: instant


def test_an_empty_period_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("tableau-de-bord")
    screen = _shown(qtbot, window)
    assert _tile(screen, "contacts") == "0"
    chart = screen.charts["contacts.canal"]
    assert chart.bars() == () and chart.accessibleDescription() == "Rien sur la période."


def test_the_chart_grows_with_the_font(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("tableau-de-bord")
    chart = _shown(qtbot, window).charts["contacts.canal"]
    normal = chart.minimumHeight()
    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * 2)  # as at 200 % scaling
    chart.setFont(font)
    assert chart.minimumHeight() >= 2 * normal - 4
    assert not chart.grab().isNull()  # paints at the doubled size
