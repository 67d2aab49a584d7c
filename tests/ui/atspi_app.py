"""The application side of the AT-SPI test (tests/ui/test_atspi.py), run under Xvfb.

Opens the real main window with accessibility on, then, once the AT-SPI client is listening:
visits every screen through its shortcut action (waiting for the client to audit the tree
between two screens), measures the focus ring after each programmatic move, and triggers
status messages. Writes what it showed to app.json for the test to compare with what the
client heard.

Usage: python atspi_app.py DATABASE SETTINGS.ini FOLDER
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from spro_desk.storage.engine import Database
from spro_desk.ui.accueil.today import TodayColumn
from spro_desk.ui.app.contrast import apply_display
from spro_desk.ui.app.focus_style import install_focus_style
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.app.screens import SCREEN_ORDER

WAIT_S = 60
Step = Iterator[Callable[[], bool] | None]


def ring_width(widget: QWidget) -> int:
    """Widest run of pixels the focus changes, from the left edge, on the middle row."""
    focused = widget.grab().toImage()
    widget.clearFocus()
    unfocused = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    row = focused.height() // 2
    best = run = 0
    for x in range(focused.width() // 3):
        run = run + 1 if focused.pixel(x, row) != unfocused.pixel(x, row) else 0
        best = max(best, run)
    return best


class Scenario:
    def __init__(self, window: MainWindow, folder: Path) -> None:
        self.window = window
        self.folder = folder
        self.report: dict[str, object] = {"focus": {}, "messages": [], "screens": []}
        self._steps = self._run()
        self._waiting: Callable[[], bool] | None = None
        self._deadline = time.monotonic() + WAIT_S
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(100)

    def _exists(self, name: str) -> Callable[[], bool]:
        return lambda: (self.folder / name).exists()

    def _tick(self) -> None:
        if self._waiting is not None and not self._waiting():
            if time.monotonic() < self._deadline:
                return
            self.report["timeout"] = True
        self._waiting = None
        self._deadline = time.monotonic() + WAIT_S
        try:
            self._waiting = next(self._steps)
        except StopIteration:
            self.timer.stop()
            (self.folder / "app.json").write_text(json.dumps(self.report), encoding="utf-8")
            (self.folder / "done").write_text("1")
            QTimer.singleShot(3000, QApplication.quit)  # the last events reach the client

    def _say(self, label: QWidget) -> None:
        self.report["messages"].append(label.text())  # type: ignore[union-attr]

    def _run(self) -> Step:
        yield self._exists("ready")
        window = self.window
        for name in SCREEN_ORDER:
            window.screen_actions[name].trigger()  # what Ctrl+1 … Ctrl+7 do
            yield None
            focused = QApplication.focusWidget()
            width = ring_width(focused) if focused is not None else 0
            self.report["focus"][name] = width  # type: ignore[index]
            self.report["screens"].append(window.tabs.tabText(window.tabs.currentIndex()))  # type: ignore[union-attr]
            (self.folder / f"screen-{name}").write_text(name)
            yield self._exists(f"ack-{name}")
        yield from self._messages()

    def _messages(self) -> Step:
        window = self.window
        window.screen_actions["accueil"].trigger()
        yield None
        accueil = window.screens["accueil"]
        form = accueil.form
        form.statut.setCurrentIndex(form.statut.findData("etudiant"))
        form.besoins.quick_buttons[0].click()
        form.reponses.set_codes(["information-orale", "documentation"])
        accueil.record_action.trigger()  # Ctrl+Entrée
        yield None
        self._say(accueil.feedback)
        self._say(accueil.today.count)
        responses = accueil.today.model.index(0, TodayColumn.REPONSES)
        self.report["today_responses"] = {
            "shown": responses.data(),
            "words": responses.data(Qt.ItemDataRole.ToolTipRole),
        }
        (self.folder / "table-today").write_text(accueil.today.table.accessibleName())
        yield self._exists("ack-table-today")
        self.report["focus"]["after Ctrl+Entrée"] = ring_width(QApplication.focusWidget())  # type: ignore[index]
        window.screen_actions["annuaire"].trigger()
        view = window.directory_view
        assert view is not None
        view.search_box.setText("CIO")
        view.run_search()
        yield None
        self._say(view.result_count)
        window.screen_actions["suivi"].trigger()
        suivi = window.screens["suivi"]
        suivi.table.clearSelection()
        suivi.set_status("honoree")
        yield None
        self._say(suivi.message)
        window.screen_actions["parametres"].trigger()
        settings = window.screens["parametres"]
        settings.save()
        yield None
        self._say(settings.status)


def main(database: str, settings_file: str, folder: str) -> int:
    app = QApplication(["spro-desk"])
    app.setApplicationName("SPRO Desk")
    install_focus_style(app)
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    apply_display(app, settings)
    db = Database(Path(database))
    window = MainWindow(db, settings=settings, clock=lambda: datetime(2026, 3, 10, 10, 0))
    window.show()
    window.activateWindow()
    scenario = Scenario(window, Path(folder))
    status = app.exec()
    scenario.timer.stop()
    window.close()
    window.shutdown()
    db.close()
    return status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
