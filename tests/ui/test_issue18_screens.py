"""Issue 18, through the screens: what the checklist's weak rows only checked in a function."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.dashboard.screen import DashboardScreen

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
