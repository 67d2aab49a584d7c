"""File dialogs open where the agent last went for the same purpose (a USB stick, a shared
folder), not in their home folder each time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

PREFIX = "dossiers/"


def last_folder(settings: QSettings, purpose: str) -> Path:
    """The folder last used for `purpose`, while it still exists; else the home folder."""
    stored = settings.value(PREFIX + purpose)
    folder = Path(str(stored)) if stored else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_folder(settings: QSettings, purpose: str, chosen: Path | str) -> None:
    """Keep the folder of a chosen file (or the chosen folder itself)."""
    path = Path(chosen)
    settings.setValue(PREFIX + purpose, str(path if path.is_dir() else path.parent))
