"""What can go wrong with the disk under the database, as exceptions that speak French.

SQLite reports a full disk, a read-only disk or a failing one with result codes; the sqlite3
module (3.11+) carries them on its exceptions, SQLAlchemy wraps those. `translated` turns them
into `StorageError`s whose message says what happened and what to do. Every message promises
what the code guarantees: the transaction was rolled back, nothing already recorded is lost.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from spro_desk.text import Worded
from spro_desk.vocab import QT_TRANSLATE_NOOP

# Primary SQLite result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageError(Worded, RuntimeError):
    """The database could not be read or written; the message is for the agent, in French
    (templates marked for the window's catalogue, context "StorageErrors")."""

    def __init__(self, template: str = "", **values: object) -> None:
        super().__init__(self._keep(template, values))


class DiskFullError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "StorageErrors",
                "Le disque de l'ordinateur est plein : l'enregistrement n'a pas pu être fait. "
                "Rien de ce qui était déjà enregistré n'est perdu. Libérez de la place "
                "(corbeille, téléchargements) puis enregistrez à nouveau : SPRO Desk n'a pas "
                "besoin d'être relancé.",
            )
        )


class ReadOnlyStorageError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "StorageErrors",
                "Le disque ou le dossier des données est en lecture seule : l'enregistrement "
                "n'a pas pu être fait. Rien de ce qui était déjà enregistré n'est perdu. "
                "Vérifiez les droits du dossier ou faites vérifier le disque, puis enregistrez "
                "à nouveau.",
            )
        )


class StorageIOError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "StorageErrors",
                "Le disque n'a pas répondu correctement (erreur de lecture ou d'écriture) : "
                "l'opération n'a pas abouti. Rien de ce qui était déjà enregistré n'est perdu. "
                "Réessayez ; si l'erreur revient, fermez SPRO Desk et faites vérifier le "
                "disque de l'ordinateur.",
            )
        )


class CannotOpenError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "StorageErrors",
                "Le fichier de la base de données ne peut pas être ouvert : le dossier des "
                "données a peut-être été déplacé, renommé ou rendu inaccessible. Vérifiez qu'il "
                "existe et que vous pouvez y écrire, puis réessayez.",
            )
        )


class CorruptDatabaseError(StorageError):
    def __init__(self, detail: str = "") -> None:
        tail = QT_TRANSLATE_NOOP(
            "StorageErrors",
            " : SPRO Desk n'y écrit plus rien pour ne pas aggraver le problème. Restaurez la "
            "dernière sauvegarde (Paramètres › Restaurer une sauvegarde ; si SPRO Desk ne "
            "s'ouvre plus : « spro-desk backup list » puis « spro-desk backup restore "
            "FICHIER ») ; la base actuelle est gardée de côté.",
        )
        if detail:  # SQLite's own words, kept as it says them
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "StorageErrors", "La base de données est endommagée ({detail}){tail}"
                ),
                detail=detail,
                tail=tail,
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP("StorageErrors", "La base de données est endommagée{tail}"),
                tail=tail,
            )


class DatabaseBusyError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "StorageErrors",
                "La base de données est occupée par une autre fenêtre ou commande de SPRO "
                "Desk : l'opération n'a pas été faite. Rien de ce qui était déjà enregistré "
                "n'est perdu. Réessayez dans un instant.",
            )
        )


_BY_SQLITE_CODE: dict[int, type[StorageError]] = {
    SQLITE_FULL: DiskFullError,
    SQLITE_READONLY: ReadOnlyStorageError,
    SQLITE_IOERR: StorageIOError,
    SQLITE_CANTOPEN: CannotOpenError,
    SQLITE_CORRUPT: CorruptDatabaseError,
    SQLITE_NOTADB: CorruptDatabaseError,
    SQLITE_BUSY: DatabaseBusyError,
}

_BY_ERRNO: dict[int, type[StorageError]] = {
    errno.ENOSPC: DiskFullError,
    errno.EDQUOT: DiskFullError,
    errno.EFBIG: DiskFullError,
    errno.EROFS: ReadOnlyStorageError,
    errno.EACCES: ReadOnlyStorageError,
    errno.EPERM: ReadOnlyStorageError,
    errno.EIO: StorageIOError,
}


def sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite result code carried by the error (or the one it wraps)."""
    # SQLAlchemy's DBAPIError keeps the driver's exception in `orig` (not imported here: the
    # window imports this module before the database layer).
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translated(error: BaseException) -> StorageError | None:
    """The StorageError that tells the agent about `error`, or None if it is not a disk fault."""
    if isinstance(error, StorageError):
        return error
    code = sqlite_code(error)
    if code is not None:
        kind = _BY_SQLITE_CODE.get(code)
        return kind() if kind is not None else None
    if isinstance(error, OSError) and error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]()
    return None


@contextmanager
def storage_errors(*, file_errors: bool = False) -> Iterator[None]:
    """Re-raise disk faults met inside the block as StorageErrors; anything else unchanged.

    Only SQLite's errors by default: an OSError of other work done inside a session (writing a
    bundle, reading an import) keeps its type for the code that handles it. `file_errors` also
    maps the OSErrors of the block (backups, which copy files themselves).
    """
    try:
        yield
    except Exception as error:
        if isinstance(error, OSError) and not file_errors:
            raise
        mapped = translated(error)
        if mapped is None or mapped is error:
            raise
        raise mapped from error
