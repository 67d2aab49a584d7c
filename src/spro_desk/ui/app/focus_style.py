"""The platform style, plus the focus marks it leaves out (keyboard users must see the focus)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QProxyStyle,
    QScrollArea,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

FOCUS_FRAME_WIDTH = 2
FOCUS_MARKER = "spro_desk_focus_marker"
DARK_WINDOW_LIGHTNESS = 80  # as ui.app.contrast: a high-contrast (dark) palette
OUTLINED_PRIMITIVES = (
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
    QStyle.PrimitiveElement.PE_FrameGroupBox,
)
OUTLINED_CONTROLS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)


class VisibleFocusStyle(QProxyStyle):
    """The platform style, plus the focus marks it leaves out.

    Fusion (and other styles) mark a focused line edit but draw nothing around a focused item
    view or read-only text: with an empty list, a keyboard user cannot see where the focus is.
    A dialog's default button is drawn the same with or without the focus, and the marks Fusion
    does draw are 1 px lines. Every focused control gets a 2 px frame in the palette's
    highlight colour, so a high-contrast palette applies too.

    Only what it must change is overridden in Python: every override is a call from Qt into
    Python for each query. `styleHint`, overridden once to turn animations off, was asked
    ~3,000 times before the first paint (8–9 ms of a start of about 200 ms,
    bench/start_costs.py), and turned off none that SPRO Desk shows (a line edit's clear button
    fades over a fixed 160 ms). Likewise the lists' wider frame comes from `subElementRect`
    (~500 calls before the first paint), not from `pixelMetric` (~2,000 calls, ~10 ms).
    """

    def subElementRect(
        self,
        element: QStyle.SubElement,
        option: QStyleOption,
        widget: QWidget | None = None,
    ) -> QRect:
        # QProxyStyle's stub wants a widget; Qt itself passes none (nullptr) for some queries.
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]
        if element == QStyle.SubElement.SE_FrameContents and isinstance(
            widget, QAbstractScrollArea
        ):
            # A list's viewport covers all but the frame: a 1 px frame left 1 px of the ring.
            inset = max(rect.left() - option.rect.left(), FOCUS_FRAME_WIDTH)
            return option.rect.adjusted(inset, inset, -inset, -inset)
        return rect

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            # The platform's mark is a 1 px line: RGAA 10.7 / WCAG 2.4.7 ask for one seen at a
            # glance, so every focus rectangle is the 2 px frame in the highlight colour.
            self._focus_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in OUTLINED_PRIMITIVES:
            self._outline(option, painter)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        framed = element in (
            QStyle.PrimitiveElement.PE_Frame,
            QStyle.PrimitiveElement.PE_FrameLineEdit,
        )
        if framed and focused and isinstance(widget, QAbstractScrollArea | QLineEdit):
            self._focus_frame(option, painter)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        keyboard = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        button = element == QStyle.ControlElement.CE_PushButton
        if button and (option.state & keyboard) == keyboard:
            # Every focused button, not only the default one: Fusion's mark is a 1 px outline.
            self._focus_frame(option, painter)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in OUTLINED_CONTROLS:
            self._outline(option, painter)
        keyboard = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        boxed = control in (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)
        if boxed and (option.state & keyboard) == keyboard:
            # Combo and spin boxes (dates too) get the same 2 px frame as the other fields.
            self._focus_frame(option, painter)

    @staticmethod
    def _outline(option: QStyleOption, painter: QPainter) -> None:
        """On a dark (high-contrast) palette, Fusion's frames are shades of black: a 1 px line
        in the text colour keeps buttons, combo boxes and group frames at 21:1 (RGAA 3.3)."""
        palette = option.palette
        if palette.color(QPalette.ColorRole.Window).lightness() >= DARK_WINDOW_LIGHTNESS:
            return
        painter.save()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
        painter.setBrush(QBrush())  # none
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()

    @staticmethod
    def _focus_frame(option: QStyleOption, painter: QPainter) -> None:
        # Four bands of a one-pixel image, not a pen or a brush: PySide6 weighs the overloads
        # of those (and of fillRect) that take `Qt` enums, and builds the namespace's ~90
        # enums at once (~30 ms); the lock screen's first paint frames its code field with
        # nothing else needing them (ui/common/named_values).
        colour = QPixmap(1, 1)
        colour.fill(option.palette.color(QPalette.ColorRole.Highlight))
        rect, width = option.rect, FOCUS_FRAME_WIDTH
        for band in (
            QRect(rect.left(), rect.top(), rect.width(), width),
            QRect(rect.left(), rect.bottom() - width + 1, rect.width(), width),
            QRect(rect.left(), rect.top(), width, rect.height()),
            QRect(rect.right() - width + 1, rect.top(), width, rect.height()),
        ):
            painter.drawPixmap(band, colour)


def mark_keyboard_focus(_old: QWidget | None, new: QWidget | None) -> None:
    """Show the focus mark wherever the focus goes, except where a mouse click put it.

    Styles draw the mark only once the window has seen a keyboard focus change (Tab): after a
    shortcut (Ctrl+1) or a focus the application moves itself (after Ctrl+Entrée), a keyboard
    user saw no mark at all until Tab was pressed (RGAA 10.7).
    """
    from PySide6.QtCore import Qt  # the namespace's enums: not before the first paint

    if new is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
        return
    window = new.window()
    if not window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        new.update()


def bring_focus_into_view(_old: QWidget | None, new: QWidget | None) -> None:
    """Scroll the form holding the new focus to it, wherever the focus came from.

    Qt scrolls an area to the widget Tab reaches, not to the one a shortcut (Alt+N) or the
    application (the next person's statut after Ctrl+Entrée) gives the focus to: at
    1024 × 768 the agent typed a name she could not see. A click leaves the view where it is:
    what was clicked is in view already.
    """
    from PySide6.QtCore import Qt  # the namespace's enums: not before the first paint

    if new is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
        return
    area = new.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    content = area.widget() if area is not None else None
    if area is not None and content is not None and content.isAncestorOf(new):
        area.ensureWidgetVisible(new)


def install_focus_style(app: QApplication) -> str:
    """Wrap the current style in VisibleFocusStyle; returns the style's name to restore it."""
    name = app.style().name()
    app.setStyle(VisibleFocusStyle(name))
    mark_focus_changes(app)
    return name


def mark_focus_changes(app: QApplication) -> None:
    """`mark_keyboard_focus` and `bring_focus_into_view` on every focus change from now on,
    and the mark on the current focus."""
    # A signal, not an event filter: Python is then called on focus changes only.
    if not app.property(FOCUS_MARKER):
        app.focusChanged.connect(mark_keyboard_focus)
        app.focusChanged.connect(bring_focus_into_view)
        app.setProperty(FOCUS_MARKER, True)
        mark_keyboard_focus(None, app.focusWidget())
