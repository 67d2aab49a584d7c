"""Keyboard access Qt leaves out: date fields as one Tab stop, splitters moved from the keyboard.

- QDateTimeEdit walks its sections with Tab (day, month, year, hour, minute): five silent
  presses before the next field. Here Tab leaves the field; Left/Right move between sections.
- A QSplitter's handle only follows the mouse. Ctrl+Alt+Left/Right (Up/Down for a vertical
  splitter) move the first handle by a step while the focus is inside the splitter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QSplitter, QWidget

SPLITTER_STEP = 40  # pixels per key press: a few presses cross a panel


class OneStopDateTimeEdit(QDateTimeEdit):
    """A date and time field that Tab enters and leaves at once (RGAA 12.13)."""

    def focusNextPrevChild(self, next_child: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_child)


class OneStopDateEdit(QDateEdit):
    """A date field that Tab enters and leaves at once."""

    def focusNextPrevChild(self, next_child: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_child)


def keyboard_splitter(splitter: QSplitter) -> tuple[QAction, QAction]:
    """Let the keyboard move the splitter's first handle; returns (shrink, grow) actions."""
    horizontal = splitter.orientation() == Qt.Orientation.Horizontal
    keys = ("Ctrl+Alt+Left", "Ctrl+Alt+Right") if horizontal else ("Ctrl+Alt+Up", "Ctrl+Alt+Down")
    actions = []
    for key, step in zip(keys, (-SPLITTER_STEP, SPLITTER_STEP), strict=True):
        action = QAction(splitter)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False, s=step: move_first_handle(splitter, s))
        splitter.addAction(action)
        actions.append(action)
    return actions[0], actions[1]


def move_first_handle(splitter: QSplitter, step: int) -> None:
    sizes = splitter.sizes()
    if len(sizes) < 2:
        return
    moved = max(0, min(sizes[0] + step, sizes[0] + sizes[1]))
    sizes[1] += sizes[0] - moved
    sizes[0] = moved
    splitter.setSizes(sizes)
