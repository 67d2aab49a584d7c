"""Where the desk keeps its data: resolved once, overridable for tests and portable setups."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

APP_NAME = "spro-desk"
APP_AUTHOR = "SPRO"
DATA_DIR_ENV = "SPRO_DESK_DATA_DIR"
DATABASE_FILE = "spro-desk.sqlite"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The --data-dir option wins over the environment, which wins over the platform default."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    if chosen:
        path = Path(chosen)
    else:  # platformdirs: ~5 ms of imports a desk started on its folder does without
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    return path.expanduser().resolve()


def ensure_private_dir(path: Path) -> Path:
    """Create the folder readable by its owner only: it will hold personal data."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the very name lupdate looks for
    """Marks a French text for the interface's catalogue (no Qt here: the window translates)."""
    return source


# The system's reasons, which Python gives in English whatever the desk's language
# (« Permission denied »): what an agent is told about a folder, in the desk's words.
_OS_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("OsErrors", "accès refusé à ce compte"),
    errno.EPERM: QT_TRANSLATE_NOOP("OsErrors", "accès refusé à ce compte"),
    errno.EROFS: QT_TRANSLATE_NOOP("OsErrors", "disque en lecture seule"),
    errno.ENOENT: QT_TRANSLATE_NOOP("OsErrors", "chemin introuvable"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OsErrors", "un fichier occupe la place d'un dossier"),
    errno.EEXIST: QT_TRANSLATE_NOOP("OsErrors", "un fichier occupe la place d'un dossier"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("OsErrors", "disque plein"),
    errno.EIO: QT_TRANSLATE_NOOP("OsErrors", "erreur de lecture ou d'écriture du disque"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("OsErrors", "chemin trop long"),
}
_OTHER_REASON = QT_TRANSLATE_NOOP("OsErrors", "erreur du système : {detail}")


def os_reason(error: OSError, words: Callable[[str], str] = str) -> str:
    """Why the system refused, in French (`words`: the window's translation of each text, in
    the catalogue's context "OsErrors"); an unlisted error keeps the system's own words."""
    reason = _OS_REASONS.get(error.errno or 0)
    if reason is not None:
        return words(reason)
    return words(_OTHER_REASON).format(detail=error.strerror or type(error).__name__)
