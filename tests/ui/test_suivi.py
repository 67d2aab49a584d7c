"""Suivi: overdue rendez-vous first and marked, one key records what became of a referral."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from spro_desk.contacts.follow_up import follow_up
from spro_desk.contacts.model import ContactInput
from spro_desk.contacts.service import ContactService
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.suivi.follow_up_model import FollowUpColumn
from spro_desk.ui.suivi.screen import SuiviScreen

from .a11y import hidden_labels
from .conftest import FIXED_NOW

CAP_EMPLOI = "spro-annuaire--cap-emploi-cher--1"
CIO = "spro-annuaire--cio-de-bourges--1"


def _contact(db: Database, when: datetime) -> str:
    return ContactService(db).record(
        ContactInput(canal="accueil-physique", statut="demandeur-emploi", occurred_at=when)
    )


@pytest.fixture
def referrals(cvl_db: Database) -> dict[str, str]:
    """One overdue rendez-vous (last week), one to come, one address given yesterday."""
    contacts = ContactService(cvl_db)
    future = contacts.add_referral(
        _contact(cvl_db, datetime(2026, 3, 9, 11, 0)), CIO, rdv_at=datetime(2026, 3, 20, 9, 30)
    )
    overdue = contacts.add_referral(
        _contact(cvl_db, datetime(2026, 3, 2, 10, 0)),
        CAP_EMPLOI,
        rdv_at=datetime(2026, 3, 5, 14, 0),
        motif=["Cap emploi : opérateur du conseil en évolution professionnelle"],
    )
    information = contacts.add_referral(_contact(cvl_db, datetime(2026, 3, 9, 15, 0)), CIO)
    return {"overdue": overdue, "future": future, "information": information}


def _screen(qtbot: QtBot, window: MainWindow) -> SuiviScreen:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_screen("suivi")
    screen = window.screens["suivi"]
    assert isinstance(screen, SuiviScreen)
    qtbot.waitUntil(screen.table.hasFocus)
    return screen


def _cell(screen: SuiviScreen, row: int, column: FollowUpColumn) -> str:
    return screen.model.data(screen.model.index(row, column))


def _statut(db: Database, referral_id: str) -> str:
    item = next(i for i in follow_up(db, now=FIXED_NOW) if i.referral.id == referral_id)
    return item.referral.statut


def test_overdue_first_and_marked(
    qtbot: QtBot, window: MainWindow, referrals: dict[str, str]
) -> None:
    screen = _screen(qtbot, window)
    assert screen.model.rowCount() == 3
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in FollowUpColumn]
    assert headers == ["Date du contact", "Structure", "Service", "Type", "Rendez-vous", "Statut"]
    assert _cell(screen, 0, FollowUpColumn.STRUCTURE) == "Cap emploi Cher"
    assert _cell(screen, 0, FollowUpColumn.STATUT) == "En retard · Rendez-vous pris"
    assert _cell(screen, 0, FollowUpColumn.RENDEZ_VOUS).startswith("05/03/2026")
    assert _cell(screen, 0, FollowUpColumn.TYPE) == "Rendez-vous"
    font = screen.model.data(
        screen.model.index(0, FollowUpColumn.SERVICE), Qt.ItemDataRole.FontRole
    )
    assert isinstance(font, QFont) and font.bold()
    later = [_cell(screen, row, FollowUpColumn.STATUT) for row in (1, 2)]
    assert sorted(later) == ["Proposé", "Rendez-vous pris"]
    assert "dont 1 rendez-vous en retard" in screen.summary.text()
    assert screen.selected_item() is not None  # the first row is ready for a key


def test_one_key_records_the_outcome_and_ctrl_z_undoes_it(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, referrals: dict[str, str]
) -> None:
    screen = _screen(qtbot, window)
    heard: list[bool] = []
    window.context.navigator.contacts_changed.connect(lambda: heard.append(True))
    qtbot.keyClick(screen.table, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: bool(heard))  # the rest of the desk is told, once it is stored
    assert _statut(cvl_db, referrals["overdue"]) == "honore"
    assert not any(item.overdue for item in follow_up(cvl_db, now=FIXED_NOW))
    qtbot.waitUntil(lambda: screen.model.overdue_count() == 0)
    row = screen.model.row_of(referrals["overdue"])
    assert row is not None and _cell(screen, row, FollowUpColumn.STATUT) == "Honoré"
    assert screen.selected_item() is not None
    assert screen.selected_item().referral.id == referrals["overdue"]  # type: ignore[union-attr]
    assert "« Honoré » enregistré" in screen.message.text()
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _statut(cvl_db, referrals["overdue"]) == "rdv-pris")
    qtbot.waitUntil(lambda: screen.model.overdue_count() == 1)


def test_each_outcome_has_its_key_and_a_menu_entry(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, referrals: dict[str, str]
) -> None:
    screen = _screen(qtbot, window)
    for key, statut in ((Qt.Key.Key_N, "non-honore"), (Qt.Key.Key_A, "annule")):
        qtbot.keyClick(screen.table, key)
        qtbot.waitUntil(lambda s=statut: _statut(cvl_db, referrals["overdue"]) == s)
    menu = [action.text() for action in screen.table.actions()]
    assert "Honoré (H)" in menu and "Non honoré (N)" in menu and "Annulé (A)" in menu
    assert "Rendez-vous pris (R)" in menu


def test_the_filter_shows_one_status(
    qtbot: QtBot, window: MainWindow, referrals: dict[str, str]
) -> None:
    screen = _screen(qtbot, window)
    screen.filter.setCurrentIndex(screen.filter.findData("propose"))
    assert screen.model.rowCount() == 1
    assert screen.model.item(0).referral.id == referrals["information"]
    screen.filter.setCurrentIndex(screen.filter.findData("honore"))
    assert screen.model.rowCount() == 0
    assert screen.summary.text() == "Aucune orientation avec ce statut."


def test_a_referral_made_elsewhere_appears(
    qtbot: QtBot, window: MainWindow, cvl_db: Database, referrals: dict[str, str]
) -> None:
    screen = _screen(qtbot, window)
    ContactService(cvl_db).add_referral(_contact(cvl_db, FIXED_NOW), CAP_EMPLOI)
    window.context.navigator.contacts_changed.emit()
    assert screen.model.rowCount() == 4


def test_controls_are_named(window: MainWindow) -> None:
    screen = window.screens["suivi"]
    assert isinstance(screen, SuiviScreen)
    assert all(control.accessibleName() for control in (screen.filter, screen.table))
    assert hidden_labels(screen) == []  # the summary and the message are read as their text
