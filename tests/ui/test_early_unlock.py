"""A desk in service checks the code typed on its lock screen before the database layer (the
ORM) is attached: sqlite3 and the same Argon2id / key functions (`agents.early_unlock`). The
"opener held back" is a window built without a database (`MainWindow(None, …)`) that is
attached only when the test says so. Real SQLite file, real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from spro_desk.agents.code_check import FREE_ATTEMPTS
from spro_desk.agents.sessions import desk_session
from spro_desk.contacts.service import ContactService
from spro_desk.security import failures
from spro_desk.security.audit import audit_log
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Agent
from spro_desk.ui.lock.guard import LockScreen
from test_privacy_support import AGENT_PIN, MANAGER_PIN

from .lock_support import desk_with_agents, locked_window, type_code


def _actions(db: Database) -> list[str]:
    return [entry["action"] for entry in audit_log(db).entries()]


def _row(db: Database, agent_id: str) -> Agent:
    with Session(db.engine) as session:
        row = session.get(Agent, agent_id)
        assert row is not None
        return row


def test_the_right_code_unlocks_before_the_database_layer_is_attached(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    _claire, samir = desk_with_agents(db)
    logged = len(_actions(db))
    window = locked_window(qtbot, db, settings, db.path)
    try:
        type_code(qtbot, window, samir, AGENT_PIN)
        # Unlocked with the database layer still loading: no busy cursor, the screens back.
        assert not window.privacy.is_locked
        assert not isinstance(window.centralWidget(), LockScreen)
        assert QApplication.overrideCursor() is None
        assert not window.database_ready
        assert not window.privacy.lock_action.isEnabled()  # until attached
        # Nothing of the session exists before the layer: the key stays out of the vault,
        # the access log's entry waits for it.
        assert desk_session(db).agent is None and not vault(db).is_unlocked()
        assert len(_actions(db)) == logged

        window.attach_database(db)
        session = desk_session(db)
        assert session.agent is not None and session.agent.id == samir
        assert vault(db).is_unlocked()
        assert _actions(db)[logged:] == ["connexion"]  # once
        assert window.privacy.lock_action.isEnabled()
        assert not window.privacy.is_locked
        window.privacy.lock()  # Ctrl+L works once attached, as after any unlock
        assert window.privacy.is_locked and desk_session(db).agent is None
    finally:
        window.close()


def test_a_wrong_code_is_refused_before_the_database_layer_and_logged_once_attached(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    claire, _samir = desk_with_agents(db)
    logged = len(_actions(db))
    window = locked_window(qtbot, db, settings, db.path)
    try:
        screen = type_code(qtbot, window, claire, "00000000")
        assert (
            window.privacy.is_locked and screen.message.text() == "Code ou mot de passe incorrect."
        )
        assert screen.secret.isEnabled() and screen.secret.text() == ""
        assert QApplication.overrideCursor() is None
        assert failures.read(db, claire)[0] == 1  # counted beside the keys at once
        assert _row(db, claire).failed_attempts == 0  # the database's copy waits for the layer
        # Then the right code, still before the layer.
        type_code(qtbot, window, claire, MANAGER_PIN)
        assert not window.privacy.is_locked
        assert failures.read(db, claire)[0] == 0

        window.attach_database(db)
        assert _actions(db)[logged:] == ["connexion-refusee", "connexion"]
        assert _row(db, claire).failed_attempts == 0
        assert desk_session(db).agent is not None
    finally:
        window.close()


def test_wrong_codes_before_the_database_layer_count_towards_the_wait(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    claire, _samir = desk_with_agents(db)
    window = locked_window(qtbot, db, settings, db.path)
    try:
        for _attempt in range(FREE_ATTEMPTS):
            screen = type_code(qtbot, window, claire, "00000000")
            assert screen.message.text() == "Code ou mot de passe incorrect."
        # The wait has begun: even the right code is refused, without being tried.
        screen = type_code(qtbot, window, claire, MANAGER_PIN)
        assert screen.message.text().startswith("Trop de codes erronés")
        assert window.privacy.is_locked
        assert failures.read(db, claire)[0] == FREE_ATTEMPTS

        window.attach_database(db)
        row = _row(db, claire)
        assert row.failed_attempts == FREE_ATTEMPTS and row.blocked_until is not None
        refused = [a for a in _actions(db) if a == "connexion-refusee"]
        assert len(refused) == FREE_ATTEMPTS + 1
        # Through the database layer now: still waiting.
        screen = type_code(qtbot, window, claire, MANAGER_PIN)
        assert screen.message.text().startswith("Trop de codes erronés")
        assert window.privacy.is_locked and desk_session(db).agent is None
    finally:
        window.close()


def test_the_first_save_after_an_early_unlock_is_recorded_once_in_the_agents_name(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    _claire, samir = desk_with_agents(db)
    window = locked_window(qtbot, db, settings, db.path)
    try:
        type_code(qtbot, window, samir, AGENT_PIN)
        assert window.current_screen_name() == "accueil"
        accueil = window.screens["accueil"]
        qtbot.keyClicks(accueil.form.statut, "e")
        accueil.record()
        accueil.record()  # pressed again while waiting: still one contact
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
        assert ContactService(db).list() == []

        window.attach_database(db)
        qtbot.waitUntil(lambda: len(ContactService(db).list()) == 1)
        recorded = ContactService(db).list()
        assert len(recorded) == 1 and recorded[0].agent == "Samir"
        assert QApplication.overrideCursor() is None
    finally:
        window.close()


def test_a_database_to_migrate_leaves_the_code_to_the_database_layer(
    qtbot: QtBot, db: Database, settings: QSettings, tmp_path: Path
) -> None:
    """sqlite3 reads only a database at the shipped schema; otherwise the code waits, as
    before, for the opening (which migrates) — here a file that is not there."""
    _claire, samir = desk_with_agents(db)
    window = locked_window(qtbot, db, settings, tmp_path / "absente.sqlite")
    try:
        screen = type_code(qtbot, window, samir, AGENT_PIN)
        assert screen.message.text().startswith("Ouverture de la base")
        assert window.privacy.is_locked
        window.attach_database(db)
        qtbot.waitUntil(lambda: not window.privacy.is_locked)
        assert desk_session(db).agent is not None
        assert _actions(db).count("connexion") == 2  # the test's set-up, then this one
    finally:
        window.close()
