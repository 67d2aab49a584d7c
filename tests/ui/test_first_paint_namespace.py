"""The locked desk's first paint does without PySide6's `Qt` namespace and focus style.

PySide6 builds all ~90 enums of the `Qt` namespace the first time any is touched (~30 ms of a
start, which a bare window never pays). The lock screen paints without them
(ui/common/named_values.py); the focus style (its 2 px frame), the marks that follow the
keyboard and the system's contrast preference come one turn after the paint. These tests run
the real start (`spro-desk --data-dir`) in a fresh process and watch what it has built at its
first paint, when it is usable, and a moment later.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from spro_desk.paths import database_path
from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database
from test_privacy_support import manager

START = """
import json, sys
import PySide6.QtCore as core
import PySide6.QtWidgets as widgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from spro_desk.cli.main import main

seen = {}
real_exec = QApplication.exec


def window():
    return next(w for w in QApplication.topLevelWidgets()
                if w.inherits("QMainWindow") and w.isVisible())


def later():
    from PySide6.QtCore import Qt

    app = QApplication.instance()
    seen["ring"] = ring()
    seen["palette_kept"] = placeholder() == seen["placeholder"]
    seen["marks_focus"] = bool(app.property("spro_desk_focus_marker"))
    seen["keyboard_marked"] = window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    print(json.dumps(seen), flush=True)
    app.quit()


def usable():
    screen = window().centralWidget()
    seen["screen"] = type(screen).__name__
    seen["code_focused"] = QApplication.focusWidget() is screen.secret
    seen["placeholder"] = placeholder()
    QTimer.singleShot(50, later)


def placeholder():
    from PySide6.QtGui import QPalette

    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText).name()


def ring():
    from PySide6.QtGui import QPalette

    field = window().centralWidget().secret
    image = field.grab().toImage()
    highlight = field.palette().color(QPalette.ColorRole.Highlight).name()
    middle = image.height() // 2
    return [image.pixelColor(x, middle).name() == highlight for x in (0, 1)]


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "namespace_at_paint" not in seen:
            seen["namespace_at_paint"] = "Qt" in vars(core)
            seen["style_at_paint"] = "QStyle" in vars(widgets)
            QTimer.singleShot(0, usable)
        return False


def exec_with_watch(app):
    watcher = FirstPaint(window())
    window().centralWidget().installEventFilter(watcher)
    return real_exec()


QApplication.exec = exec_with_watch
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _desk_in_service(folder: Path) -> None:
    folder.mkdir()
    db = Database(database_path(folder))
    try:
        SiteSettings(db).set("site.nom", "CIO de démonstration")
        manager(db)
    finally:
        db.close()


def _start(folder: Path, config: Path) -> dict:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    done = subprocess.run(
        [sys.executable, "-c", START, str(folder)],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_lock_screen_paints_framed_without_the_qt_namespace(tmp_path: Path) -> None:
    folder = tmp_path / "donnees"
    _desk_in_service(folder)
    first = _start(folder, tmp_path / "config")
    # The very first start asks the system and the style before painting.
    assert first["screen"] == "LockScreen" and first["code_focused"]
    second = _start(folder, tmp_path / "config")
    # Its answer and the style's palette are remembered from then on.
    assert second["namespace_at_paint"] is False and second["style_at_paint"] is False
    assert second["screen"] == "LockScreen"
    assert second["code_focused"]  # the agent types the code at once
    # One turn later: the 2 px focus frame, and marks that follow the keyboard, as before;
    # the accessible palette (placeholders at 4.5:1) is kept when the focus style comes.
    assert second["ring"] == [True, True]
    assert second["marks_focus"] and second["keyboard_marked"]
    assert second["palette_kept"]
