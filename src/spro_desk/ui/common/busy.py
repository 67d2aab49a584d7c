"""The application's busy cursor for work the agent waits on (the database layer still loading)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


class BusyCursor:
    """Shown at most once however often asked: Qt stacks override cursors, and one left on
    the stack keeps the busy cursor for good."""

    def __init__(self) -> None:
        self._shown = False

    def show(self, busy: bool) -> None:
        from PySide6.QtCore import Qt  # not at import: ui/common/named_values

        if busy and not self._shown:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif self._shown and not busy:
            QApplication.restoreOverrideCursor()
        self._shown = busy
