"""What SPRO Desk put on the computer's clipboard — a phone copied to dial it, a name — is
cleared when the desk locks (the lock is the application's, the computer's session stays open
behind it, and any program could paste what was copied) and when its window closes (Windows
keeps a closed program's clipboard)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication


class ClipboardWatch(QObject):
    """Remembers whether the clipboard's content was copied in this application (it was the
    active one when the content changed): a copy made in another program is left alone."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = False
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        from PySide6.QtCore import Qt  # its namespace costs the lock screen's first paint

        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        self._ours = active and QGuiApplication.focusWindow() is not None

    def clear_ours(self) -> None:
        from PySide6.QtGui import QClipboard

        clipboard = QGuiApplication.clipboard()
        if self._ours or clipboard.ownsClipboard():
            clipboard.clear()
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)  # X11: text merely selected
        self._ours = False
