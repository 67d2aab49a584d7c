"""Paramètres › Affichage: the contrast mode, kept in the desk's user settings (QSettings).

The choice is a display preference of whoever sits at the desk, not a setting of the site:
it lives with the window geometry, not in the database.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from spro_desk.ui.common.contrast_mode import CONTRAST_KEY, ContrastMode

__all__ = ["CONTRAST_KEY", "ContrastMode", "DisplayPanel"]


class DisplayPanel(QGroupBox):
    """Three radio buttons under their legend « Contraste »; a choice applies at once."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Affichage : contraste"), parent)
        self._settings = settings
        self.group = QButtonGroup(self)
        self.buttons = {
            ContrastMode.SYSTEM: QRadioButton(self.tr("Comme le système")),
            ContrastMode.HIGH: QRadioButton(self.tr("Contraste élevé (blanc sur noir)")),
            ContrastMode.NORMAL: QRadioButton(self.tr("Contraste normal")),
        }
        layout = QVBoxLayout(self)
        for button in self.buttons.values():
            self.group.addButton(button)
            layout.addWidget(button)
        self.buttons[self.mode()].setChecked(True)
        self.group.buttonToggled.connect(self._toggled)

    def mode(self) -> ContrastMode:
        value = str(self._settings.value(CONTRAST_KEY, ContrastMode.SYSTEM.value))
        try:
            return ContrastMode(value)
        except ValueError:  # a value from a newer version: the system decides
            return ContrastMode.SYSTEM

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        mode = next(m for m, b in self.buttons.items() if b is button)
        self._settings.setValue(CONTRAST_KEY, mode.value)
        self._settings.sync()
        self.changed.emit()
