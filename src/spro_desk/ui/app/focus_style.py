"""The platform style, plus the focus marks it leaves out (keyboard users must see the focus)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QWidget,
)

FOCUS_FRAME_WIDTH = 2


class VisibleFocusStyle(QProxyStyle):
    """The platform style, plus the focus marks it leaves out.

    Fusion (and other styles) mark a focused line edit but draw nothing around a focused item
    view or read-only text: with an empty list, a keyboard user cannot see where the focus is.
    A dialog's default button is drawn the same with or without the focus. Both get a mark in
    the palette's highlight colour, so a high-contrast palette applies too.

    Only what it must change is overridden in Python: every override is a call from Qt into
    Python for each query. `styleHint`, overridden once to turn animations off, was asked
    ~3,000 times before the first paint (8–9 ms of a start of about 200 ms,
    bench/start_costs.py), and turned off none that SPRO Desk shows (a line edit's clear button
    fades over a fixed 160 ms).
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        frame = element == QStyle.PrimitiveElement.PE_Frame
        if frame and focused and isinstance(widget, QAbstractScrollArea):
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
        default = isinstance(option, QStyleOptionButton) and bool(
            option.features & QStyleOptionButton.ButtonFeature.DefaultButton
        )
        button = element == QStyle.ControlElement.CE_PushButton
        if button and default and (option.state & keyboard) == keyboard:
            self._focus_rect(option, painter, widget)

    @staticmethod
    def _focus_frame(option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = FOCUS_FRAME_WIDTH // 2
        painter.drawRect(option.rect.adjusted(inset, inset, -inset, -inset))
        painter.restore()

    def _focus_rect(self, option: QStyleOption, painter: QPainter, widget: QWidget | None) -> None:
        focus = QStyleOptionFocusRect()
        focus.state = option.state
        focus.palette = option.palette
        focus.rect = self.subElementRect(QStyle.SubElement.SE_PushButtonFocusRect, option, widget)  # type: ignore[arg-type]  # Qt takes no widget
        self.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, widget)


def install_focus_style(app: QApplication) -> str:
    """Wrap the current style in VisibleFocusStyle; returns the style's name to restore it."""
    name = app.style().name()
    app.setStyle(VisibleFocusStyle(name))
    return name
