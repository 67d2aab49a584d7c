"""Starting the desktop application: Qt, language, crash reporting, database, main window."""

from __future__ import annotations

import logging
import sqlite3
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import SQLAlchemyError

from spro_desk.paths import database_path, ensure_private_dir
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import NewerDatabaseError
from spro_desk.ui.errors import install_excepthook, show_fatal
from spro_desk.ui.i18n import install_translators, remove_translators
from spro_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "SPRO Desk"
ORGANISATION = "SPRO"
LOG_FILE = "spro-desk.log"
LOG_MAX_BYTES = 1_000_000


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION)
    return QApplication(sys.argv)


def _configure_logging(data_dir: Path) -> None:
    """A log file next to the data, unless the caller (CLI, tests) already set logging up.

    Best effort: a folder that cannot be written is reported when the database opens.
    """
    root = logging.getLogger()
    if root.handlers:
        return
    try:
        logs = ensure_private_dir(data_dir / "logs")
        handler = RotatingFileHandler(
            logs / LOG_FILE, maxBytes=LOG_MAX_BYTES, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_database(data_dir: Path) -> Database | None:
    """The desk database, or None after telling the agent in French why it cannot be opened."""
    path = database_path(data_dir)
    try:
        ensure_private_dir(data_dir)
        return Database(path)
    except NewerDatabaseError as error:
        show_fatal(str(error))
    except (SQLAlchemyError, sqlite3.Error, OSError) as error:
        log.exception("Cannot open the database %s", path)
        show_fatal(
            QCoreApplication.translate(
                "App",
                "La base de données «\u00a0{path}\u00a0» ne peut pas être ouverte ({error}). "
                "Vérifiez que le dossier est accessible et qu'aucune autre fenêtre de SPRO Desk "
                "ne l'utilise.",
            ).format(path=path, error=type(error).__name__)
        )
    return None


def run_app(data_dir: Path, *, use_sample_if_empty: bool) -> int:
    """Run the desktop application until its window closes; returns the exit status."""
    app = _application()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    translators = install_translators(app)
    _configure_logging(data_dir)
    previous_hook = install_excepthook()
    try:
        return _run_window(app, data_dir, use_sample_if_empty)
    finally:
        sys.excepthook = previous_hook
        remove_translators(app, translators)


def _run_window(app: QApplication, data_dir: Path, use_sample_if_empty: bool) -> int:
    db = open_database(data_dir)
    if db is None:
        return 1
    try:
        window = MainWindow(db, settings=QSettings())
        window.show()
        window.offer_first_start(use_sample_if_empty)
        status = app.exec()
        # quit() can end the loop without a close event: stop background work regardless.
        window.shutdown()
        return status
    finally:
        db.close()
