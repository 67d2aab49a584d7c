"""Issue 18's new surfaces of personal data (corrections, the consent added later, Suivi's
call list, « Données de cette personne » by phone), used in the real window as an agent does
and then looked at as a colleague at the same desk would: after a lock, with another role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.background import ImmediateRunner
from test_privacy_support import AGENT_PIN, FAST, MANAGER_PIN

from .conftest import WindowFactory
from .lock_support import desk_with_agents, type_code
from .test_accueil import CTRL, Desk, open_accueil
from .test_lock import widget_texts

ALT = Qt.KeyboardModifier.AltModifier
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
