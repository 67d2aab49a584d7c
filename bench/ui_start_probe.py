"""Child process of bench_ui.py: start a window and say when it became usable.

Usage::

    python bench/ui_start_probe.py bare T0_NS
    python bench/ui_start_probe.py desk T0_NS DATA_DIR
    python bench/ui_start_probe.py orm T0_NS DATA_DIR

``T0_NS`` is ``time.time_ns()`` read by the parent just before it started this process, so the
figure includes the interpreter's own start. "Usable" means: the window is shown, it has been
painted once, and the event loop then ran a 0 ms timer (nothing else was queued before it).
The probe prints one JSON line with the milestones in milliseconds since T0 and quits, and the
CPU time the process had used at "usable" and "database_ready" (``cpu_usable``…).

``bare`` is a plain PySide6 QMainWindow with a QLabel. ``desk`` is SPRO Desk's real start,
``spro-desk --data-dir DATA_DIR``, importing as that command does (its command line first,
Qt when the window opens): only QApplication.exec is wrapped, to arm the probe. Kept free of
project imports before the measured code runs, so both start the same way.

``orm`` is the floor of the database layer the project is built on, with no window and no Qt:
a bare SQLModel program (one table, a SQLite file next to DATA_DIR, one select). "Usable" is
when its select has returned: no program on SQLModel attaches its database sooner.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

T0_NS = int(sys.argv[2])
MILESTONES: dict[str, float] = {"probe_started": (time.time_ns() - T0_NS) / 1e6}


# Also the CPU time the process has used by then (all its threads): on a machine shared with
# other work, wall times swing with the load, the CPU a start needs much less.
CPU_TOO = ("usable", "first_action", "unlocked", "database_ready")


def mark(name: str) -> None:
    MILESTONES[name] = (time.time_ns() - T0_NS) / 1e6
    if name in CPU_TOO:
        MILESTONES[f"cpu_{name}"] = time.process_time() * 1000


def arm(
    window_of: Callable[[], Any],
    until: Callable[[Any], bool] | None = None,
    wake: Callable[[Any], Any] | None = None,
    action: Callable[[Any], bool] | None = None,
    on_usable: Callable[[Any, Callable[[], None]], None] | None = None,
    also_wait: Callable[[Any], bool] | None = None,
) -> None:
    """When the window has painted once, a 0 ms timer reports and quits the event loop.

    With `until`, the probe also waits for `until(window)` and marks that moment as
    "database_ready" before it reports. It checks again each time the signal `wake(window)`
    fires, from a 0 ms timer (once the slot that emitted it has returned, as the event loop
    would paint); without `wake`, every millisecond. Polling would take the GIL from the thread
    opening the database a thousand times a second, which the application itself never does.
    With `action`, the first of those checks (the first at "usable") at which `action(window)`
    holds is marked "first_action": the desk's first database action can run. `on_usable(window,
    check)` runs at "usable" (the agent's first keys); `check` reports again, once
    `also_wait(window)` holds too (the code checked).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    waiting: list[Any] = []

    def report() -> None:
        window = window_of()
        if action is not None and "first_action" not in MILESTONES and action(window):
            mark("first_action")
        if until is not None and not until(window):
            if wake is None:
                QTimer.singleShot(1, report)
            elif not waiting:
                waiting.append(wake(window))
                waiting[0].connect(lambda: QTimer.singleShot(0, report))
            return
        if until is not None and "database_ready" not in MILESTONES:
            mark("database_ready")
            if action is not None and "first_action" not in MILESTONES:
                mark("first_action")
            MILESTONES["first_screen"] = first_screen[0] if first_screen else ""
        if also_wait is not None and not also_wait(window):
            return  # reported by `check` when it holds
        MILESTONES["visible"] = bool(window is not None and window.isVisible())
        print(json.dumps(MILESTONES), flush=True)
        QApplication.quit()

    first_screen: list[str] = []

    def usable() -> None:
        mark("usable")
        window = window_of()
        central = window.centralWidget() if hasattr(window, "centralWidget") else None
        first_screen.append(type(central).__name__)  # what the usable window shows
        if action is not None and action(window):  # before the agent's first keys
            mark("first_action")
        if on_usable is not None:
            on_usable(window, lambda: QTimer.singleShot(0, report))
        report()

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                mark("first_paint")
                QTimer.singleShot(0, usable)
            return False

    def watch() -> None:
        window = window_of()
        if not isinstance(window, QWidget):
            QTimer.singleShot(1, watch)
            return
        watcher = FirstPaint()
        watcher.setParent(window)  # kept alive with the window
        target = window.centralWidget() if hasattr(window, "centralWidget") else window
        (target or window).installEventFilter(watcher)
        target.update()

    watch()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    mark("imports_done")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6")
    window.setCentralWidget(QLabel("Bonjour"))
    window.resize(1280, 800)
    window.show()
    mark("exec")
    arm(lambda: window)
    app.exec()


def orm(data_dir: str) -> None:
    from sqlmodel import Field, Session, SQLModel, create_engine, select

    class Visit(SQLModel, table=True):
        id: int | None = Field(default=None, primary_key=True)
        canal: str

    mark("imports_done")
    engine = create_engine(f"sqlite:///{os.path.join(os.path.dirname(data_dir), 'floor.db')}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.exec(select(Visit)).all()
    mark("usable")
    MILESTONES["visible"] = True  # nothing to show: its database answered
    print(json.dumps(MILESTONES), flush=True)
    engine.dispose()


# With SPRO_BENCH_CODE set, the agent types that code on the lock screen as soon as the window
# is usable; "unlocked" is when the screens come back (the code checked, Argon2id included).
TYPED_CODE = os.environ.get("SPRO_BENCH_CODE", "")


def type_code(window: Any, check: Callable[[], None]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def unlocked(locked: bool) -> None:
        if not locked and "unlocked" not in MILESTONES:
            mark("unlocked")
            check()

    window.privacy.locked_changed.connect(unlocked)
    screen = window.centralWidget()
    screen.secret.setText(TYPED_CODE)
    QTest.keyClick(screen.secret, Qt.Key.Key_Return)


def after_import(name: str, then: Callable[[Any], None]) -> None:
    """Call `then(module)` once `name` is imported, by whichever module imports it first: the
    desk's own start imports Qt and its interface inside `main()`, in its own way (the garbage
    collector paused), and the probe must not import them before it."""

    class Watch:
        @staticmethod
        def find_spec(fullname: str, path: Any, target: Any = None) -> Any:
            if fullname != name:
                return None
            sys.meta_path.remove(Watch)  # type: ignore[arg-type]
            spec = next(filter(None, (finder.find_spec(fullname, path, target)
                                      for finder in sys.meta_path)))  # fmt: skip
            real_exec = spec.loader.exec_module

            def exec_module(module: Any) -> None:
                real_exec(module)
                then(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Watch)  # type: ignore[arg-type]


def desk(data_dir: str) -> None:
    # As `spro-desk` runs: its command line imported first, then `main()`, which imports Qt
    # and the interface when it opens the window (marked as they load, their costs apart).
    from spro_desk.cli.main import main

    mark("cli_imported")

    def wrap_exec(widgets: Any) -> None:
        mark("qt_imported")
        QApplication = widgets.QApplication
        real_exec = QApplication.exec

        def exec_with_probe(_app: Any) -> int:
            mark("exec")

            def main_window() -> object:
                return next((w for w in QApplication.topLevelWidgets()
                             if w.inherits("QMainWindow") and w.isVisible()), None)  # fmt: skip

            # The window paints before the database opens: say when that happens too (the
            # navigator's signal is emitted while the window attaches the database).
            arm(
                main_window,
                until=lambda window: (
                    bool(getattr(window, "database_ready", True))
                    and (not TYPED_CODE or "unlocked" in MILESTONES)
                ),
                wake=lambda window: window.context.navigator.database_ready,
                # A revision without the property: its first action waits for the attachment.
                action=lambda window: bool(getattr(window, "database_action_possible", False)),
                on_usable=type_code if TYPED_CODE else None,
            )
            return real_exec()

        QApplication.exec = exec_with_probe

    after_import("PySide6.QtWidgets", wrap_exec)
    after_import("spro_desk.ui.app.start", lambda _module: mark("imports_done"))
    status = main(["--data-dir", data_dir])
    if status != 0:
        raise SystemExit(status)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "desk":
        desk(sys.argv[3])
    elif sys.argv[1] == "orm":
        orm(sys.argv[3])
    else:
        raise SystemExit(__doc__)
