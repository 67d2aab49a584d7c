"""What the lock screen's tests share: a desk with two accounts, and a code typed as an agent
types it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.agents.sessions import desk_session
from spro_desk.storage.engine import Database
from spro_desk.storage.quick_read import read_startup_snapshot
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.background import ImmediateRunner
from spro_desk.ui.lock.guard import LockScreen
from test_privacy_support import AGENT_PIN, FAST, MANAGER_PIN, manager


def desk_with_agents(db: Database) -> tuple[str, str]:
    """A locked desk with its manager Claire and the agent Samir: their ids."""
    claire = manager(db)
    session = desk_session(db)
    session.login(claire.id, MANAGER_PIN)
    samir = create_agent(db, "Samir", AGENT_PIN, Role.AGENT, cost=FAST)
    session.lock()
    return claire.id, samir.id


def type_code(qtbot: QtBot, window: MainWindow, agent_id: str, code: str) -> LockScreen:
    """Choose the account on the lock screen, type the code, press Entrée."""
    screen = window.centralWidget()
    assert isinstance(screen, LockScreen)
    screen.agent.setCurrentIndex(screen.agent.findData(agent_id))
    qtbot.keyClicks(screen.secret, code)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    return screen


def locked_window(
    qtbot: QtBot, db: Database, settings: QSettings, early_check: Path | None = None
) -> MainWindow:
    """The window as a desk in service starts: its lock screen painted from the accounts read
    with sqlite3, before the database is attached; `early_check`: the database file the lock
    screen may check codes in before then."""
    window = MainWindow(
        None,
        settings=settings,
        runner=ImmediateRunner(),
        startup_agents=read_startup_snapshot(db.path, ()).agents,
        startup_database=early_check,
    )
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.centralWidget(), LockScreen) and window.privacy.is_locked
    return window
