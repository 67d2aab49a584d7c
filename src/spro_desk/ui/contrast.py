"""Outlines that stay visible under a dark high-contrast palette.

Fusion draws field frames and check boxes in shades derived from the window colour: on a black
palette they vanish. With such a palette, a small style sheet draws them in the text colour.
Combo boxes keep Fusion's drawing: a style sheet would take their arrow away.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

DARK_WINDOW_LIGHTNESS = 80

OUTLINES = """
QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView {
    border: 1px solid palette(window-text);
}
QCheckBox::indicator, QRadioButton::indicator {
    width: 13px; height: 13px; border: 1px solid palette(window-text);
}
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked {
    background: palette(highlight); border: 2px solid palette(window-text);
}
"""


def needs_outlines(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < DARK_WINDOW_LIGHTNESS


def apply_contrast_outlines(app: QApplication) -> str:
    """Add the outlines when the palette is dark; returns the style sheet to restore."""
    previous = app.styleSheet()
    if needs_outlines(app.palette()):
        app.setStyleSheet(previous + OUTLINES)
    return previous
