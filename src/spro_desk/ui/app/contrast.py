"""Outlines that stay visible under a dark high-contrast palette.

Fusion draws field frames and check boxes in shades derived from the window colour: on a black
palette they vanish. With such a palette, a small style sheet draws them in the text colour.
Combo boxes keep Fusion's drawing: a style sheet would take their arrow away.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
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


def high_contrast_palette() -> QPalette:
    """White on black with cyan selection and yellow links, like a desktop high-contrast theme."""
    black, white, grey = QColor("#000000"), QColor("#ffffff"), QColor("#c0c0c0")
    roles = QPalette.ColorRole
    palette = QPalette()
    for role, color in (
        (roles.Window, black),
        (roles.WindowText, white),
        (roles.Base, black),
        (roles.AlternateBase, QColor("#1c1c1c")),
        (roles.Text, white),
        (roles.BrightText, white),
        (roles.Button, black),
        (roles.ButtonText, white),
        (roles.Light, white),
        (roles.Midlight, grey),
        (roles.Mid, grey),
        (roles.Dark, grey),
        (roles.Shadow, white),
        (roles.Highlight, QColor("#1aebff")),
        (roles.HighlightedText, black),
        (roles.Link, QColor("#ffff00")),
        (roles.LinkVisited, QColor("#ffff00")),
        (roles.ToolTipBase, black),
        (roles.ToolTipText, white),
        (roles.PlaceholderText, grey),
    ):
        palette.setColor(role, color)
    disabled = QColor("#3ff23f")  # the desktop themes' green for what cannot be used
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
