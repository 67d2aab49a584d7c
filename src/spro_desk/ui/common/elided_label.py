"""A one-line label that shortens its text with « … » instead of widening the window (a
300-character name typed without a space); the whole text stays in the tooltip and for screen
readers."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 4, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """Each line on its own: several values (name, phone…) one under the other."""
        width = max(self.width(), self.minimumSizeHint().width())
        metrics = self.fontMetrics()
        lines = self._full.split("\n")
        shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
        QLabel.setText(self, "\n".join(shown))

    def clear(self) -> None:
        self.set_full_text("")
