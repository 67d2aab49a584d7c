"""File dialogs open where the agent last went for the same purpose (a USB stick, a shared
folder), not in their home folder each time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

PREFIX = "dossiers/"


def first_folder() -> Path:
    """Where a file dialog opens the first time: Documents when there is one, else home (never
    the working folder, which for a desk started from a shortcut is the program's)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def stored_folder(settings: QSettings, key: str) -> Path:
    """The folder kept under `key`, while it still exists; else `first_folder()`."""
    stored = settings.value(key)
    folder = Path(str(stored)) if stored else None
    return folder if folder is not None and folder.is_dir() else first_folder()


def last_folder(settings: QSettings, purpose: str) -> Path:
    """The folder last used for `purpose`, while it still exists; else `first_folder()`."""
    return stored_folder(settings, PREFIX + purpose)


def remember_folder(settings: QSettings, purpose: str, chosen: Path | str) -> None:
    """Keep the folder of a chosen file (or the chosen folder itself)."""
    path = Path(chosen)
    settings.setValue(PREFIX + purpose, str(path if path.is_dir() else path.parent))
