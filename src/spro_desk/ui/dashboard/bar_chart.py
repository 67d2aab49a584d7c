"""A small horizontal bar chart drawn with QPainter (Qt Charts is not part of PySide6-Essentials).

Every size derives from the font, so the chart grows with 200 % scaling; every colour comes
from the palette, so a high-contrast theme applies as is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from spro_desk.ui.formatting import number

# Labels take at most this share of the width; longer ones are elided (the table has them).
LABEL_SHARE = 0.45
# Width before the layout stretches the chart: room for a label, a bar and a value.
PREFERRED_WIDTH_EM = 28


@dataclass(frozen=True)
class _Geometry:
    """Positions for one paint, from the font metrics and the widget's width."""

    margin: int
    title_height: int
    row_height: int
    bar_height: int
    label_width: int
    bar_left: int
    bar_room: int


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._bars: tuple[tuple[str, int], ...] = ()
        self._empty_text = ""
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers reach it with Tab
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # --- data ---------------------------------------------------------------------------------

    def set_data(self, title: str, bars: tuple[tuple[str, int], ...], empty_text: str) -> None:
        self._title, self._bars, self._empty_text = title, tuple(bars), empty_text
        self.setAccessibleName(title)
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def title(self) -> str:
        return self._title

    def bars(self) -> tuple[tuple[str, int], ...]:
        return self._bars

    def describe(self) -> str:
        """What the chart shows, as a sentence for assistive technologies."""
        if not self._bars:
            return self._empty_text
        pair = self.tr("{label}\u00a0: {value}")  # French typography differs from English
        return self.tr(" ; ").join(
            pair.format(label=label, value=number(value)) for label, value in self._bars
        )

    # --- geometry -----------------------------------------------------------------------------

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _geometry(self) -> _Geometry:
        metrics = self.fontMetrics()
        line = metrics.height()
        margin = max(line // 2, 2)
        widest_label = max((metrics.horizontalAdvance(label) for label, _ in self._bars), default=0)
        # A little slack: fractional glyph widths would otherwise elide the widest label.
        label_width = min(widest_label + margin // 2, int(self.width() * LABEL_SHARE))
        value_width = max((metrics.horizontalAdvance(number(v)) for _, v in self._bars), default=0)
        bar_left = margin + label_width + margin
        return _Geometry(
            margin=margin,
            title_height=QFontMetrics(self._title_font()).height() + margin,
            row_height=line + margin,
            bar_height=line,
            label_width=label_width,
            bar_left=bar_left,
            bar_room=max(self.width() - bar_left - value_width - 2 * margin, 1),
        )

    def sizeHint(self) -> QSize:
        geometry = self._geometry()
        rows = max(len(self._bars), 1)
        height = geometry.title_height + rows * geometry.row_height + geometry.margin
        return QSize(self.fontMetrics().averageCharWidth() * PREFERRED_WIDTH_EM, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 12, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
        super().changeEvent(event)

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        geometry = self._geometry()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.setFont(self._title_font())
        title_rect = QRect(geometry.margin, 0, self.width() - 2 * geometry.margin,
                           geometry.title_height)  # fmt: skip
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, self._title)
        painter.setFont(self.font())
        if not self._bars:
            self._paint_empty(painter, geometry)
        top = geometry.title_height
        highest = max((value for _, value in self._bars), default=0)
        for label, value in self._bars:
            self._paint_row(painter, geometry, top, (label, value), highest)
            top += geometry.row_height
        if self.hasFocus():
            self._paint_focus(painter)
        painter.end()

    def _paint_empty(self, painter: QPainter, geometry: _Geometry) -> None:
        rect = QRect(geometry.margin, geometry.title_height, self.width() - 2 * geometry.margin,
                     geometry.row_height)  # fmt: skip
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, self._empty_text)

    def _paint_row(
        self, painter: QPainter, geometry: _Geometry, top: int, bar: tuple[str, int], highest: int
    ) -> None:
        label, value = bar
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        middle = Qt.AlignmentFlag.AlignVCenter
        label_rect = QRect(geometry.margin, top, geometry.label_width, geometry.row_height)
        elided = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                               geometry.label_width)  # fmt: skip
        painter.setPen(text_color)
        painter.drawText(label_rect, middle | Qt.AlignmentFlag.AlignRight, elided)
        length = round(geometry.bar_room * value / highest) if highest else 0
        if value:
            length = max(length, 2)  # a count of one stays visible next to large ones
        if length:
            bar_top = top + (geometry.row_height - geometry.bar_height) // 2
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            # An outline in the text colour keeps the bar visible on any theme.
            painter.setPen(QPen(text_color, 1))
            painter.drawRect(QRect(geometry.bar_left, bar_top, length, geometry.bar_height))
        value_left = geometry.bar_left + length + geometry.margin // 2
        value_rect = QRect(value_left, top, self.width() - value_left, geometry.row_height)
        painter.drawText(value_rect, middle, number(value))

    def _paint_focus(self, painter: QPainter) -> None:
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
