"""Errors the agent must see: French dialogs instead of a traceback or a vanished window."""

from __future__ import annotations

import errno
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication

from spro_desk.text import Worded

if TYPE_CHECKING:  # QMessageBox costs ~15 ms to set up: only when a message is shown
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def file_error_reason(error: OSError) -> str:
    """Why a file could not be written, in the window's words (the system's `strerror` is
    English on Linux: « No space left on device » in a French sentence)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return QCoreApplication.translate("Errors", "le support est plein")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return QCoreApplication.translate(
            "Errors", "le support refuse l'écriture : protégé en écriture ou droits insuffisants"
        )
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return QCoreApplication.translate("Errors", "le dossier n'existe plus")
    if error.errno == errno.ENAMETOOLONG:
        return QCoreApplication.translate("Errors", "le nom du fichier est trop long")
    return QCoreApplication.translate("Errors", "erreur du système, code {code}").format(
        code=error.errno if error.errno is not None else type(error).__name__
    )


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A box whose text is never read as HTML: messages quote file names and directory text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_warning(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Window-modal and non-blocking: background work keeps reporting while it is open."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# The contexts of the domain's refusals, of the storage's faults and of the vocabularies' and
# settings' labels they quote.
_REFUSAL_CONTEXTS = ("DomainErrors", "StorageErrors", "Vocabulary", "Settings")


def _refusal_words(text: str) -> str:
    for context in _REFUSAL_CONTEXTS:
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


def error_text(error: BaseException) -> str:
    """An error in the window's words: the domain's Worded ones translated (their str is
    French), any other as it says itself."""
    if isinstance(error, Worded):
        return error.worded(_refusal_words)
    return str(error)


def show_fatal(text: str) -> None:
    """For failures before any window exists (the database cannot be opened)."""
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("Errors", "SPRO Desk ne peut pas démarrer")
    message_box(None, QMessageBox.Icon.Critical, title, text).exec()


def _on_ui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


class CrashReporter:
    """sys.excepthook: log the error, then tell the agent in French; one dialog at a time."""

    def __init__(self) -> None:
        self._showing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("Unexpected error", exc_info=(kind, error, tb))
        if self._showing or not _on_ui_thread():
            return
        self._showing = True
        try:
            self._dialog("".join(traceback.format_exception(kind, error, tb))).exec()
        finally:
            self._showing = False

    def _dialog(self, details: str) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = message_box(
            QApplication.activeWindow(),
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Errors", "Erreur inattendue"),
            QCoreApplication.translate(
                "Errors",
                "Une erreur inattendue s'est produite. L'opération en cours n'a peut-être pas "
                "abouti ; les données déjà enregistrées sont conservées.\n\n"
                "Si le problème se reproduit, transmettez le détail ci-dessous au support.",
            ),
        )
        box.setDetailedText(details)
        return box


def install_excepthook() -> ExceptHook:
    """Install the crash reporter; returns the previous hook so it can be put back."""
    previous = sys.excepthook
    sys.excepthook = CrashReporter()
    return previous
