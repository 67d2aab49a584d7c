"""Issue 18's fourth walk: a reception agent and her site manager on inputs shaped unlike the
fixtures (territories with unusual codes, clocks that change, a process killed mid-save, the
keyboard alone), each acted out as she would (real widgets, real files, real processes)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.storage.engine import Database

from .conftest import WindowFactory
from .test_accueil import CTRL, open_accueil


def test_a_desk_left_open_past_midnight_starts_a_new_today(
    qtbot: QtBot, db: Database, make_window: WindowFactory
) -> None:
    """A walk-in at 23:50, the desk left open: at 00:05 « Date et heure » moved to the new
    day but « Aujourd'hui » still listed yesterday's contact until something was recorded."""
    now = [datetime(2026, 3, 10, 23, 50)]
    desk = open_accueil(qtbot, make_window(db, clock=lambda: now[0]), db)
    desk.keyboard.press("E")
    desk.keyboard.press(Qt.Key.Key_Tab)
    desk.keyboard.press("1")
    desk.keyboard.press(Qt.Key.Key_Return, CTRL)
    today = desk.screen.today
    qtbot.waitUntil(lambda: today.model.rowCount() == 1)
    now[0] = datetime(2026, 3, 11, 0, 5)
    desk.screen.clock_timer.setInterval(20)
    when = desk.screen.form.when
    qtbot.waitUntil(lambda: when.dateTime().toPython().strftime("%d %H:%M") == "11 00:05")
    qtbot.wait(100)
    assert today.model.rowCount() == 0
