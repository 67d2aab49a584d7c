"""Colours every agent can read: the normal palette brought to WCAG AA, and a high-contrast mode.

The normal palette keeps the platform's colours but raises the pairs that fall short: the
placeholder (instructions such as « Une touche : S, E, A… ») and selected rows to 4.5:1 against
their background. The high-contrast mode (Paramètres › Affichage, or the system's preference
where Qt reports it) is white on black.

Fusion draws field frames and check boxes in shades derived from the window colour: on a black
palette they vanish. With such a palette, a small style sheet draws them in the text colour.
Combo boxes keep Fusion's drawing: a style sheet would take their arrow away.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from spro_desk.ui.common.contrast_mode import CONTRAST_KEY, ContrastMode

DARK_WINDOW_LIGHTNESS = 80
TEXT_RATIO = 4.5  # WCAG 2.1 AA 1.4.3, RGAA 3.2
# The system's contrast preference as it was at the last start (QSettings).
SYSTEM_ANSWER_KEY = "affichage/contraste_systeme"
# The style's standard palette as it was at the last start (QSettings).
STYLE_PALETTE_KEY = "affichage/palette_du_style"

OUTLINES = """
QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView {
    border: 1px solid palette(window-text);
}
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {
    width: 13px; height: 13px; border: 1px solid palette(window-text);
}
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked,
QAbstractItemView::indicator:checked {
    background: palette(highlight); border: 2px solid palette(window-text);
}
"""


def needs_outlines(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < DARK_WINDOW_LIGHTNESS


def apply_contrast_outlines(app: QApplication) -> str:
    """Add the outlines when the palette is dark (once); returns the style sheet to restore."""
    previous = app.styleSheet()
    base = previous.replace(OUTLINES, "")
    app.setStyleSheet(base + OUTLINES if needs_outlines(app.palette()) else base)
    return previous


# --- ratios --------------------------------------------------------------------------------


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    red, green, blue = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()


def drawn_over(front: QColor, back: QColor) -> QColor:
    """`front` as seen over `back` (Qt's default placeholder is the text at half opacity)."""
    alpha = front.alphaF()
    channels = zip(_rgb(front), _rgb(back), strict=True)
    return QColor.fromRgbF(*(f * alpha + b * (1 - alpha) for f, b in channels))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio, from 1 (same) to 21 (black on white), of `first` over `second`."""
    first = drawn_over(first, second)
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _reaching(colour: QColor, against: QColor, ratio: float) -> QColor:
    """`colour`, darkened (or lightened on a dark background) until it reaches `ratio`."""
    step = -4 if luminance(against) > 0.18 else 4
    result = copy.copy(colour)  # QColor(colour) would weigh its Qt.GlobalColor overload
    if contrast_ratio(result, against) >= ratio:
        return result
    result = drawn_over(colour, against)  # opaque, as it was seen
    while contrast_ratio(result, against) < ratio:
        lightness = max(0, min(255, result.lightness() + step))
        result.setHsl(max(result.hslHue(), 0), result.hslSaturation(), lightness)
        if lightness in (0, 255):
            break
    return result


def accessible_palette(palette: QPalette) -> QPalette:
    """`palette` with placeholders and selected rows at 4.5:1 or more (normal mode)."""
    fixed = copy.copy(palette)  # QPalette(palette) would weigh its Qt.GlobalColor overload
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        base = palette.color(group, roles.Base)
        placeholder = _reaching(palette.color(group, roles.PlaceholderText), base, TEXT_RATIO)
        fixed.setColor(group, roles.PlaceholderText, placeholder)
        selected_text = palette.color(group, roles.HighlightedText)
        highlight = _reaching(palette.color(group, roles.Highlight), selected_text, TEXT_RATIO)
        fixed.setColor(group, roles.Highlight, highlight)
    return fixed


# --- the mode ------------------------------------------------------------------------------


def system_wants_high_contrast() -> bool:
    """The desktop's contrast preference, where the platform reports one (Qt 6.10+)."""
    # Its answer is a value of the `Qt` namespace, whose ~90 enums PySide6 builds all at once
    # (~30 ms): imported here, the start can do without it before its first paint (`apply_display`).
    from PySide6.QtCore import Qt

    try:
        hints = QGuiApplication.styleHints().accessibility()
        return hints.contrastPreference() == Qt.ContrastPreference.HighContrast
    except RuntimeError:  # the hints of an application object torn down (tests, restarts)
        return False


def _system_answer(settings: QSettings, *, remembered: bool) -> bool:
    """The system's preference; with `remembered`, its answer at the last start if known."""
    if remembered:
        known = settings.value(SYSTEM_ANSWER_KEY)
        if known in ("true", "false", True, False):
            return known in ("true", True)
    answer = system_wants_high_contrast()
    settings.setValue(SYSTEM_ANSWER_KEY, answer)
    return answer


def high_contrast_wanted(settings: QSettings, *, remembered: bool = False) -> bool:
    mode = str(settings.value(CONTRAST_KEY, ContrastMode.SYSTEM.value))
    if mode == ContrastMode.HIGH.value:
        return True
    if mode == ContrastMode.NORMAL.value:
        return False
    return _system_answer(settings, remembered=remembered)


def _style_palette(app: QApplication, settings: QSettings, *, remembered: bool) -> QPalette:
    """The style's standard palette; with `remembered`, as it was at the last start if known.

    Asking the style for it brings PySide6's `QStyle` class in, whose enums (~400 values)
    are built at once: the lock screen's first paint does without them.
    """
    if remembered:
        known = settings.value(STYLE_PALETTE_KEY)
        if isinstance(known, QPalette):
            return known
    palette = app.style().standardPalette()
    settings.setValue(STYLE_PALETTE_KEY, palette)
    return palette


def apply_display(
    app: QApplication, settings: QSettings, *, remembered: bool = False
) -> tuple[QPalette, str]:
    """The palette and outlines the setting asks for; returns what to restore.

    `remembered` (the start, before its first paint): the system's contrast preference and the
    style's palette as they were at the last start; `recheck_display` asks again once the
    window has painted.
    """
    previous_palette = app.palette()
    if high_contrast_wanted(settings, remembered=remembered):
        app.setPalette(high_contrast_palette())
    else:
        app.setPalette(accessible_palette(_style_palette(app, settings, remembered=remembered)))
    return previous_palette, apply_contrast_outlines(app)


def recheck_display(app: QApplication, settings: QSettings) -> None:
    """Ask the system and the style again; apply what changed since the last start."""
    high = high_contrast_wanted(settings, remembered=True)
    palette = _style_palette(app, settings, remembered=True)
    if high_contrast_wanted(settings) != high or app.style().standardPalette() != palette:
        apply_display(app, settings)  # asks again, and remembers the answers


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
