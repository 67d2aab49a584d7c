"""Issue 18's new surfaces of personal data (corrections, the consent added later, Suivi's
call list, « Données de cette personne » by phone), used in the real window as an agent does
and then looked at as a colleague at the same desk would: after a lock, with another role."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.service import ContactService
from spro_desk.security.audit import audit_log
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.background import ImmediateRunner
from spro_desk.ui.suivi.screen import SuiviScreen
from test_privacy_support import (
    AGENT_PIN,
    CANARY_NAME,
    CANARY_PHONE,
    FAST,
    MANAGER_PIN,
    record_canary,
)

from .conftest import WindowFactory
from .lock_support import desk_with_agents, type_code
from .test_accueil import CTRL, Desk, open_accueil
from .test_agent_day import CAP_EMPLOI, consenting_caller, suivi_screen
from .test_lock import widget_texts

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
COORDINATOR_CODE = "coordination 2026"


def _desk_with_a_coordinator(db: Database) -> tuple[str, str, str]:
    """Claire (site manager), Samir (agent) and Léa (coordinator, who may not see names)."""
    claire, samir = desk_with_agents(db)
    session = desk_session(db)
    session.login(claire, MANAGER_PIN)
    lea = create_agent(db, "Léa", COORDINATOR_CODE, Role.COORDINATEUR, cost=FAST)
    session.lock()
    return claire, samir, lea.id


def _unlocked(qtbot: QtBot, window: MainWindow, agent_id: str, code: str) -> None:
    type_code(qtbot, window, agent_id, code)
    qtbot.waitUntil(lambda: not window.privacy.is_locked)


def _on_screen(window: MainWindow, *needles: str) -> list[str]:
    _count, texts = widget_texts(window)
    return [text for text in texts for needle in needles if needle.casefold() in text.casefold()]


def test_a_refused_email_is_not_left_on_screen_for_the_next_agent(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """« Courriel « zephyrine.canarivaux@exemple » invalide » stayed under the form through
    the lock, for a coordinator to read after unlocking."""
    _claire, samir, lea = _desk_with_a_coordinator(db)
    window = make_window(db, runner=ImmediateRunner())
    _unlocked(qtbot, window, samir, AGENT_PIN)
    desk: Desk = open_accueil(qtbot, window, db)
    keys = desk.keyboard
    keys.press("E")
    keys.press(Qt.Key.Key_Tab)
    keys.press("2")
    keys.press("O", ALT)
    qtbot.waitUntil(desk.screen.form.consent.is_given)
    keys.press("I", ALT)  # Courriel, its domain cut short
    keys.type("zephyrine.canarivaux@exemple")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.list() == []
    assert "invalide" in desk.screen.feedback.text()  # refused, said under the form
    window.privacy.lock()
    _unlocked(qtbot, window, lea, COORDINATOR_CODE)
    assert _on_screen(window, "canarivaux") == []


# --- Suivi's call list --------------------------------------------------------------------------


def _call_list(qtbot: QtBot, window: MainWindow) -> SuiviScreen:
    screen = suivi_screen(qtbot, window)
    qtbot.keyClick(screen.table, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(screen.table.hasFocus)
    return screen


def test_a_person_who_withdraws_her_consent_on_the_call_back_is_erased_from_suivi(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """Called back from the call list days later, Lea Martin asks to be forgotten: only
    Accueil's list of today's contacts could erase her, so she stayed on the call list, name
    and phone, until the retention purge months later."""
    contact = consenting_caller(cvl_db)
    ContactService(cvl_db).add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    window = make_window(cvl_db, runner=ImmediateRunner())
    screen = _call_list(qtbot, window)
    assert screen.call_card.name.full_text() == "Lea Martin"
    asked: list[str] = []

    def confirm(_parent: object, _title: str, question: str, _go: str, _undo: bool) -> bool:
        asked.append(question)
        return True

    screen.confirm = confirm
    button = screen.call_card.erase_button
    assert button.isEnabled() and button.accessibleName()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert asked and "Lea Martin" not in asked[0]  # the question names nobody
    assert not ContactService(cvl_db).has_personal_data(contact)
    assert audit_log(cvl_db).entries()[-1]["action"] == "effacement"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert screen.call_card.name.full_text() == "" and not button.isEnabled()
    assert _on_screen(window, "Lea Martin", "06 01 02 03 04") == []


def test_the_daily_purge_takes_the_person_off_an_open_call_list(
    qtbot: QtBot, cvl_db: Database, make_window: WindowFactory
) -> None:
    """The purge (at start, then every 24 hours while the window is open) erased a person
    whose time was up, while Suivi's call card showed her name and phone: they stayed there,
    and her row on the call list, until the agent moved."""
    from datetime import UTC, timedelta

    window = make_window(cvl_db, runner=ImmediateRunner())
    seven_months_ago = datetime.now(UTC) - timedelta(days=7 * 31)
    contact = record_canary(cvl_db, seven_months_ago)
    ContactService(cvl_db).add_referral(contact, CAP_EMPLOI, rdv_at=datetime(2026, 3, 5, 14, 0))
    screen = _call_list(qtbot, window)
    assert screen.call_card.name.full_text() == CANARY_NAME
    window.privacy.purge_now()
    assert not ContactService(cvl_db).has_personal_data(contact)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert _on_screen(window, CANARY_NAME, CANARY_PHONE) == []


# --- Accueil's corrections ----------------------------------------------------------------------


def test_a_contact_whose_data_was_erased_is_corrected_without_the_consent_box(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """Its consent box was offered, the details typed, then refused by the domain (they
    would have been erased again by the next purge)."""
    from spro_desk.privacy.erasure import erase_person

    from .conftest import FIXED_NOW
    from .test_agent_day import edit_first_row

    contact = record_canary(db, FIXED_NOW)
    erase_person(db, contact)
    desk = open_accueil(qtbot, make_window(db), db)
    edit_first_row(qtbot, desk)
    box = desk.screen.form.consent
    assert not box.isEnabled() and not box.consent.isEnabled()
    assert "effacées" in desk.screen.form.edit_note.text()
    desk.keyboard.press("D")  # the anonymous part is still corrected
    desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    assert desk.contacts.get(contact).statut == "demandeur-emploi"
