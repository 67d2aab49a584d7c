"""The site dashboard: this week's and this month's activity, as charts and as a table."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spro_desk.contacts.model import ContactInput
from spro_desk.storage.engine import Database
from spro_desk.ui.dashboard.bar_chart import BarChart
from spro_desk.ui.main_window import MainWindow
from spro_desk.ui.screens.dashboard import DashboardScreen

from .conftest import WindowFactory

CIO_SERVICE = "spro-annuaire--cio-de-bourges--1"
# The fixed clock is Tuesday 10 March 2026: its week runs from the 9th to the 15th.
THIS_WEEK = datetime(2026, 3, 9, 14, 0)
THIS_MONTH = datetime(2026, 3, 2, 11, 0)
LAST_MONTH = datetime(2026, 2, 27, 9, 0)
EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi"


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


def _screen(window: MainWindow) -> DashboardScreen:
    screen = window.screens["tableau-de-bord"]
    assert isinstance(screen, DashboardScreen)
    return screen


def _table(screen: DashboardScreen) -> dict[tuple[str, str], str]:
    model = screen.table_model
    cell = lambda row, column: model.data(model.index(row, column))  # noqa: E731
    return {(cell(row, 0), cell(row, 1)): cell(row, 2) for row in range(model.rowCount())}


def test_this_week_as_table_and_chart(qtbot: QtBot, busy_window: MainWindow) -> None:
    qtbot.keyClick(busy_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    screen = _screen(busy_window)
    assert busy_window.current_screen_name() == "tableau-de-bord"
    assert screen.week_button.isChecked()
    assert screen.period_label.text() == "Du 09/03/2026 au 15/03/2026"
    assert screen.headline.text() == "3 contacts · 2 orientations"
    table = _table(screen)
    assert table[("Totaux", "Contacts")] == "3"
    assert table[("Contacts par canal", "Accueil physique")] == "2"
    assert table[("Contacts par canal", "Téléphone")] == "1"
    assert ("Contacts par canal", "Permanence") not in table
    assert table[("Contacts par besoin", "Trouver un emploi")] == "2"
    assert table[("Orientations par résultat", "Honoré")] == "1"
    assert table[("Orientations par résultat", "Rendez-vous pris")] == "1"
    assert table[("Orientations par résultat", "Non honoré")] == "0"
    assert table[("Orientations par type", "Rendez-vous")] == "1"
    assert screen.charts["canal"].bars() == (("Accueil physique", 2), ("Téléphone", 1))
    statuts = screen.charts["statut"]
    assert statuts.bars()[0] == ("Jeune sorti sans diplôme, sans emploi ni formation", 2)
    assert statuts.accessibleName() == "Contacts par statut"
    assert "Étudiant\u00a0: 1" in statuts.accessibleDescription()


def test_this_month_and_the_choice_is_remembered(
    qtbot: QtBot, busy_window: MainWindow, make_window: WindowFactory, cvl_db: Database
) -> None:
    busy_window.show_screen("tableau-de-bord")
    screen = _screen(busy_window)
    qtbot.mouseClick(screen.month_button, Qt.MouseButton.LeftButton)
    assert screen.period_label.text() == "Du 01/03/2026 au 31/03/2026"
    table = _table(screen)
    assert table[("Totaux", "Contacts")] == "4"
    assert table[("Contacts par canal", "Permanence")] == "1"
    assert table[("Contacts par besoin", "Trouver un emploi")] == "3"
    assert ("Contacts par statut", "Retraité") not in table  # February
    busy_window.close()
    assert _screen(make_window(cvl_db)).month_button.isChecked()


def test_recording_a_contact_refreshes_the_open_dashboard(busy_window: MainWindow) -> None:
    busy_window.show_screen("tableau-de-bord")
    screen = _screen(busy_window)
    busy_window.context.contacts.record(_contact(THIS_WEEK, "courriel", "cadre"))
    busy_window.context.navigator.contacts_changed.emit()
    assert screen.charts["canal"].bars()[-1] == ("Courriel", 1)
    assert _table(screen)[("Totaux", "Contacts")] == "4"


def test_an_empty_period_says_so(window: MainWindow) -> None:
    window.show_screen("tableau-de-bord")
    screen = _screen(window)
    assert screen.headline.text() == "0 contact · 0 orientation"
    chart = screen.charts["canal"]
    assert chart.bars() == () and chart.accessibleDescription() == "Rien sur la période."


def test_the_chart_grows_with_the_font(qapp: QApplication) -> None:
    chart = BarChart()
    chart.set_data("Contacts par canal", (("Accueil physique", 12), ("Téléphone", 3)), "")
    normal = chart.sizeHint().height()
    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * 2)  # as at 200 % scaling
    chart.setFont(font)
    assert chart.sizeHint().height() >= 2 * normal - 4
    chart.resize(chart.sizeHint())
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    chart.render(image)  # paints without error at the doubled size
    chart.deleteLater()
