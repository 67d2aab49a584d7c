"""A screen of the main window: one tab, built over the shared DeskContext."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from spro_desk.ui.common.context import DeskContext


class Screen(QWidget):
    """Base of every tab. Subclasses build their widgets in __init__ and refresh in activate()."""

    name = "screen"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the tab is shown: refresh what may have changed elsewhere."""

    def shutdown(self) -> None:
        """Stop timers and pending work before the database closes."""

    def has_unsaved_edits(self) -> bool:
        """Edits the window must not drop unasked when it closes (Paramètres)."""
        return False

    def save_edits(self) -> bool:
        """Save them; False when refused (the screen says why)."""
        return True

    def fill_with_scrolled(self, content: QWidget, accessible_name: str) -> None:
        """The screen is `content`, scrolled when the window is smaller than it."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(content)
        area.setAccessibleName(accessible_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)


class PlaceholderScreen(Screen):
    """Stands for a screen under construction."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Écran en cours de construction.")))
