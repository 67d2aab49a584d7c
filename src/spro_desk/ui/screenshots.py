"""Documentation screenshots of the real window, rendered offscreen (used by tools/screenshots.py).

Everything that varies between runs is pinned (clock, import date, window size, settings) so
that regenerating the images only changes them when the interface changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from spro_desk.directory.importer import import_directory
from spro_desk.storage.engine import Database
from spro_desk.ui.app import APP_NAME, ORGANISATION
from spro_desk.ui.background import ImmediateRunner
from spro_desk.ui.i18n import install_translators, remove_translators
from spro_desk.ui.import_flow import sample_directory
from spro_desk.ui.main_window import MainWindow

# A Tuesday morning: most services are open, so the statuses read naturally.
SCREENSHOT_NOW = datetime(2026, 3, 10, 10, 15)
IMPORTED_AT = datetime(2026, 3, 9, 8, 30, tzinfo=UTC)
WINDOW_SIZE = (1280, 800)
SEARCH_TEXT = "orientation"
# Offscreen Qt finds no fonts on a bare system; DejaVu is on most Linux machines.
FALLBACK_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts"))


def prepare_environment() -> None:
    """Platform plugin and font folder; read by Qt when the application object is created."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "QT_QPA_FONTDIR" not in os.environ:
        found = next((d for d in FALLBACK_FONT_DIRS if d.is_dir()), None)
        if found is not None:
            os.environ["QT_QPA_FONTDIR"] = str(found)


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    prepare_environment()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION)
    return QApplication(sys.argv)


def capture(output_dir: Path) -> list[Path]:
    """Write annuaire.png and premier-demarrage.png into `output_dir`; returns their paths."""
    app = _application()
    translators = install_translators(app)
    output_dir.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="spro-desk-screens-") as temp:
            root = Path(temp)
            return [
                _directory_screen(root / "annuaire", output_dir / "annuaire.png"),
                _first_start_screen(root / "vide", output_dir / "premier-demarrage.png"),
            ]
    finally:
        remove_translators(app, translators)


def _window(data_dir: Path, db: Database) -> MainWindow:
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        db, settings=settings, runner=ImmediateRunner(), clock=lambda: SCREENSHOT_NOW
    )
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def _save(window: MainWindow, target: Path) -> Path:
    QApplication.processEvents()
    saved = window.grab().save(str(target))
    window.close()
    window.deleteLater()
    if not saved:
        raise OSError(f"cannot write {target}")
    return target


def _directory_screen(data_dir: Path, target: Path) -> Path:
    db = Database(data_dir / "desk.sqlite")
    try:
        import_directory(db, sample_directory(), now=IMPORTED_AT)
        window = _window(data_dir, db)
        view = window.directory_view
        view.search_box.setText(SEARCH_TEXT)
        view.run_search()
        view.table.selectRow(0)
        return _save(window, target)
    finally:
        db.close()


def _first_start_screen(data_dir: Path, target: Path) -> Path:
    db = Database(data_dir / "desk.sqlite")
    try:
        return _save(_window(data_dir, db), target)
    finally:
        db.close()
