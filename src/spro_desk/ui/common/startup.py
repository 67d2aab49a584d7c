"""Opening the database after the window's first paint, off the UI thread.

Importing the database layer (SQLAlchemy, SQLModel, the directory and contact services) costs
several times what Qt itself costs. The window is therefore drawn first, from the few values of
`storage.quick_read`, and the agent can start filling in the Accueil form while a worker thread
imports those modules and opens (and if needed migrates) the database. The open database is
handed back to the UI thread through a queued signal.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from spro_desk.paths import database_path, ensure_private_dir
from spro_desk.ui.common.background import Callbacks, TaskRunner

if TYPE_CHECKING:
    from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

UI_SWITCH_INTERVAL_S = 0.001
# What the window needs once the database is open: imported by the worker, not the UI thread.
# The directory's search loads after the database is attached, with the Annuaire's screen
# (ui/app/start.AFTER_ATTACH_MODULES): no first screen searches the directory.
WARM_MODULES = (
    # First: the lock screen's code check without the ORM (argon2, cryptography, sqlite3;
    # agents/early_unlock), so that a code typed at once is checked while the ORM loads, with
    # no import of its own competing with this thread for the GIL.
    "spro_desk.agents.early_unlock",
    # What attaching the database reads and writes with: the agents' accounts and keys, the
    # sealed personal data and its purge (privacy.personal), the status bar's directory
    # summary (directory.catalog).
    "spro_desk.privacy.personal",
    "spro_desk.directory.catalog",
)


def load_geography() -> None:
    from spro_desk.geo import geography

    geography()  # read once per process: the commune fields find it ready


Step = str | Callable[[], object]  # a module to import, or a function to call
# What the Accueil screen reads as soon as it is built: today's contacts (contacts.service)
# and its commune field's geography. A window opening on Accueil (a desk without accounts)
# loads them before it attaches the database; a window opening on its lock screen attaches
# the database without them (nothing behind the lock reads them) and loads them right after,
# on the same thread, long before an agent has typed a code and Argon2id checked it.
ACCUEIL_STEPS: tuple[Step, ...] = ("spro_desk.contacts.service", load_geography)


def run_steps(steps: tuple[Step, ...]) -> None:
    for step in steps:
        if isinstance(step, str):
            import_module(step)
        else:
            step()


def open_database_or_explain(data_dir: Path, url: str | None = None) -> Database | str:
    """The desk database (or the coordination's server at `url`), or a French message saying
    why it cannot be opened and what to do."""
    from sqlalchemy.exc import SQLAlchemyError

    from spro_desk.storage.engine import Database
    from spro_desk.storage.errors import StorageError
    from spro_desk.storage.migrate import NewerDatabaseError

    path = database_path(data_dir)
    try:
        ensure_private_dir(data_dir)
        return Database(path, url=url)
    except (NewerDatabaseError, StorageError) as error:  # their messages are French already
        return str(error)
    except (SQLAlchemyError, sqlite3.Error, OSError) as error:
        log.exception("Cannot open the database %s", path)
        return QCoreApplication.translate(
            "App",
            "La base de données «\u00a0{path}\u00a0» ne peut pas être ouverte ({error}). "
            "Vérifiez que le dossier est accessible et qu'aucune autre fenêtre de SPRO Desk "
            "ne l'utilise.",
        ).format(path=path if url is None else _server(url), error=type(error).__name__)


def _server(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


class DatabaseOpener(QObject):
    """Opens the database on the project's background runner; `opened(db)` or
    `failed(message)` on the UI thread."""

    opened = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        first: Callable[[], None] | None = None,
        screens_locked: Callable[[], bool] | None = None,
    ) -> None:
        """`first` runs on the worker before anything else (e.g. setting up the log file).
        `screens_locked`: the window opened on its lock screen; asked on the worker just
        before the database opens (thread-safe), it says whether the screens are still
        behind the lock: then the database is attached without what only they read
        (`ACCUEIL_STEPS`, loaded right after by `import_then`). An agent who unlocked with a
        code checked early gets Accueil at once, which reads them on attaching."""
        super().__init__(parent)
        self._data_dir = data_dir
        self._first = first
        self._screens_locked = screens_locked
        self._runner = TaskRunner(self)
        self._waited = False
        # Kept here too: a database opened as the window closes must still be closed.
        self.database: Database | None = None

    def start(self) -> None:
        # Imports hold the GIL; handing it back to the UI thread every millisecond instead of
        # every 5 keeps the window answering keys while the worker runs. Set before the worker
        # starts, or its first imports keep the UI thread waiting the default 5 ms.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
        self._runner.submit(
            lambda _context: self._run(interval), Callbacks(on_result=self._deliver)
        )

    def import_then(self, steps: tuple[Step, ...], then: Callable[[], None]) -> None:
        """Run `steps` (imports, loads) on the opener's thread, then call `then` on the UI
        thread: what the window needs soon after the start (QtNetwork, a screen's modules)
        loads without freezing it. Nothing once the opener has been waited for: the window is
        closing (a timer posted on attaching may still fire then)."""
        if self._waited:
            return
        interval = sys.getswitchinterval()
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)

        def work(_context: object) -> None:
            try:
                run_steps(steps)
            finally:
                sys.setswitchinterval(interval)

        self._runner.submit(work, Callbacks(on_result=lambda _none: then()))

    def wait(self) -> None:
        """Wait for the worker; a result it had not delivered yet is dropped (see `database`)."""
        self._waited = True
        self._runner.shutdown()

    def _deliver(self, result: Database | str) -> None:
        if isinstance(result, str):
            self.failed.emit(result)
        else:
            self.opened.emit(result)

    def _run(self, interval: float) -> Database | str:
        try:
            return self._open()
        finally:
            sys.setswitchinterval(interval)  # the usual interval, once the imports are done

    def _open(self) -> Database | str:
        try:
            if self._first is not None:
                self._first()
            run_steps(WARM_MODULES)
            if self._screens_locked is None or not self._screens_locked():
                run_steps(ACCUEIL_STEPS)
            result = open_database_or_explain(self._data_dir)
        except Exception as error:  # reported to the agent, never lost in a thread
            log.exception("Unexpected error while opening the database")
            return QCoreApplication.translate(
                "App", "Erreur inattendue à l'ouverture de la base de données ({error})."
            ).format(error=type(error).__name__)
        if not isinstance(result, str):
            self.database = result
            _prepare(result)
        return result


def _prepare(db: Database) -> None:
    """What the window reads first, read here: the site's time zone is set before any screen
    shows a time, and the first ORM query (SQLAlchemy configuring its mappers and compiling
    the statement, ~0.1-0.4 s) is paid on this thread instead of freezing the window."""
    from spro_desk.site.settings import SiteSettings, apply_site_zone

    apply_site_zone(SiteSettings(db).get)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, callback)  # after this paint has reached the screen
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` from the event loop once `widget` has painted for the first time."""
    widget.installEventFilter(_FirstPaint(widget, callback))
    widget.update()
