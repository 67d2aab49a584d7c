"""A screen of the main window: one tab, built over the shared DeskContext."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from spro_desk.ui.context import DeskContext


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


class PlaceholderScreen(Screen):
    """Stands for a screen under construction."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Écran en cours de construction.")))
