"""Where the drill-down is: « Retour » (Alt+←), then each step back to the overview."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from spro_desk.ui.common.widgets import plain_label


class Breadcrumb(QWidget):
    step_requested = Signal(int)  # the number of the step to go back to (0: the overview)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_action = QAction(self.tr("◀ Retour"), self)
        self.back_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        # The window's shortcut while the breadcrumb shows (the dashboard's tab is current).
        self.back_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.back_action.setToolTip(self.tr("Revenir au chiffre précédent (Alt+←)"))
        self.back_action.triggered.connect(self._back)
        self.back_button = QToolButton()
        self.back_button.setDefaultAction(self.back_action)
        self.back_button.setAccessibleName(self.tr("Retour"))
        self.back_button.setAccessibleDescription(self.back_action.toolTip())
        self.setAccessibleName(self.tr("Chemin du détail"))
        self._steps: list[QWidget] = []
        self._count = 1
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.back_button)
        self._row.addStretch(1)

    def set_path(self, titles: list[str]) -> None:
        """`titles`: the overview first, the breakdown shown last."""
        for widget in self._steps:
            self._row.removeWidget(widget)
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
        self._steps = []
        self._count = len(titles)
        for number, title in enumerate(titles):
            if number:
                self._add(QLabel("›"))
            if number == len(titles) - 1:
                current = plain_label(title, self.tr("Détail affiché"))
                current.setWordWrap(False)
                font = current.font()
                font.setBold(True)
                current.setFont(font)
                self._add(current)
            else:
                self._add(self._step_button(number, title))
        self.back_action.setEnabled(len(titles) > 1)

    def steps(self) -> int:
        return self._count

    def _step_button(self, number: int, title: str) -> QToolButton:
        button = QToolButton()
        button.setText(title.replace("&", "&&"))
        button.setAutoRaise(True)
        button.setAccessibleName(self.tr("Revenir à : {title}").format(title=title))
        button.clicked.connect(lambda _checked=False: self.step_requested.emit(number))
        return button

    def _add(self, widget: QWidget) -> None:
        self._row.insertWidget(self._row.count() - 1, widget)  # before the stretch
        self._steps.append(widget)

    def _back(self) -> None:
        if self._count > 1:
            self.step_requested.emit(self._count - 2)
