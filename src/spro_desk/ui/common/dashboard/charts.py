"""A breakdown as a Qt Charts chart that the keyboard drives like the mouse.

Qt Charts comes with PySide6-Addons: this module is imported when a dashboard is first shown,
never on the way to the desk's first paint. Arrows move from bar to bar (the current bar is
drawn in the text colour), Entrée or Espace activates it as a click does. Every colour comes
from the palette (a high-contrast theme applies as is), every size from the font.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QWidget

from spro_desk.ui.common.dashboard.breakdowns import (
    BARS,
    GROUPED,
    HBARS,
    LINE,
    STACKED,
    Breakdown,
    Row,
    Value,
)
from spro_desk.ui.common.formatting import number

MAX_BARS = 20  # bars of an unordered breakdown (the table has every row)
MAX_AXIS_LABELS = 12  # labels under a line of weeks
DESCRIBED_ROWS = 30  # rows read out in the accessible description
LABEL_CHARS = 26  # a bar's label, at most (the table and the description have it whole)
MIN_LINE_POINTS = 3  # a line needs a few weeks to mean something; fewer are bars
MIN_LINES = 11  # the smallest chart, in lines of text: axis labels stay readable
# Okabe–Ito: told apart with the common colour-vision deficiencies; outlined in the text colour.
SET_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
               "#999999")  # fmt: skip
HORIZONTAL = (HBARS, STACKED)
_SERIES = {HBARS: QHorizontalBarSeries, BARS: QBarSeries, GROUPED: QBarSeries,
           STACKED: QHorizontalStackedBarSeries}  # fmt: skip
_PREVIOUS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
_NEXT = (Qt.Key.Key_Right, Qt.Key.Key_Down)
_ACTIVATE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def nice_step(highest: float, ticks: int = 5) -> float:
    """A round tick interval (1, 2 or 5 × 10^k, at least 1) for an axis up to `highest`."""
    raw = max(highest / ticks, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class BreakdownChart(QChartView):
    row_activated = Signal(str)  # the code of the row whose bar (or point) was activated

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setChart(_new_chart())
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # the style draws the focus on the frame
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop: the chart
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._breakdown: Breakdown | None = None
        self._rows: tuple[Row, ...] = ()
        self._sets: list[QBarSet] = []
        self._line: QLineSeries | None = None
        self._current = -1
        self._empty_text = ""
        self._update_minimum()

    # --- data ---------------------------------------------------------------------------------

    def show_breakdown(self, breakdown: Breakdown, empty_text: str) -> None:
        self._breakdown, self._empty_text = breakdown, empty_text
        rows = breakdown.chart_rows(MAX_BARS)
        self._rows = rows if any(row.total for row in rows) else ()
        self._current = -1
        self._rebuild()
        self.setAccessibleName(breakdown.title)
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()

    def breakdown(self) -> Breakdown | None:
        return self._breakdown

    def shown_rows(self) -> tuple[Row, ...]:
        return self._rows

    def bars(self) -> tuple[tuple[str, Value], ...]:
        """(label, first column) of each bar or point, top to bottom or left to right."""
        return tuple((row.label, row.total if len(row.values) > 1 else row.values[0])
                     for row in self._rows)  # fmt: skip

    def current_row(self) -> Row | None:
        return self._rows[self._current] if 0 <= self._current < len(self._rows) else None

    def describe(self) -> str:
        """What the chart shows, as a sentence for assistive technologies."""
        if not self._rows:
            return self._empty_text
        pair = self.tr("{label}\u00a0: {value}")  # French typography differs from English
        shown = [pair.format(label=row.label, value=number(row.total))
                 for row in self._rows[:DESCRIBED_ROWS]]  # fmt: skip
        return self.tr(" ; ").join(shown)

    # --- building -----------------------------------------------------------------------------

    def _clear(self) -> None:
        """A new chart: the old one leaves the scene at once, nothing of it is drawn again
        (removed axes are otherwise painted until their deferred deletion)."""
        old = self.chart()
        self.setChart(_new_chart())
        old.deleteLater()
        self._sets, self._line = [], None

    def _rebuild(self) -> None:
        self._clear()
        chart = self.chart()
        chart.setTitle("" if self._rows else self._empty_text)
        chart.legend().hide()
        if self._rows and self._breakdown is not None:
            if self._kind() == LINE:
                self._build_line()
            else:
                self._build_bars(self._kind())
        self._apply_style()

    def _kind(self) -> str:
        """The breakdown's chart; bars for a line of fewer than three points (one week)."""
        kind = self._breakdown.chart if self._breakdown else BARS
        return BARS if kind == LINE and len(self._rows) < MIN_LINE_POINTS else kind

    def _columns(self) -> list[int]:
        """Columns drawn as bar sets: those with a count in the rows shown."""
        assert self._breakdown is not None
        count = len(self._breakdown.columns)
        used = [c for c in range(count) if any(_count(row, c) for row in self._rows)]
        return used or [0]

    def _category_rows(self, kind: str) -> list[Row]:
        # Horizontal charts stack categories upwards: reversed, the first row is on top.
        return list(reversed(self._rows)) if kind in HORIZONTAL else list(self._rows)

    def _build_bars(self, kind: str) -> None:
        assert self._breakdown is not None
        series: QAbstractBarSeries = _SERIES[kind]()
        rows = self._category_rows(kind)
        columns = self._columns()
        for column in columns:
            bar_set = QBarSet(self._breakdown.columns[column][1])
            bar_set.append([float(_count(row, column)) for row in rows])
            bar_set.clicked.connect(lambda index, k=kind: self._clicked(self._row_of(index, k)))
            series.append(bar_set)
            self._sets.append(bar_set)
        single = len(columns) == 1
        series.setLabelsVisible(single)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(12)  # counts, never in scientific notation
        self.chart().addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(self._category_labels(rows, kind))
        categories.setTruncateLabels(False)  # labels are made short enough here
        stacked = kind == STACKED
        highest = max(row.total if stacked else max(_count(row, c) for c in columns)
                      for row in rows)  # fmt: skip
        horizontal = kind in HORIZONTAL
        self._attach(series, categories, Qt.AlignmentFlag.AlignLeft if horizontal
                     else Qt.AlignmentFlag.AlignBottom)  # fmt: skip
        # Room on the value axis for the labels drawn past the end of the bars.
        self._attach(
            series,
            _value_axis(highest * (1.15 if single else 1.0)),
            Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft,
        )
        if not single:
            self.chart().legend().show()

    def _build_line(self) -> None:
        series = QLineSeries()
        series.setName(self._breakdown.columns[0][1] if self._breakdown else "")
        for index, row in enumerate(self._rows):
            series.append(float(index), float(_count(row, 0)))
        series.setPointsVisible(True)
        series.clicked.connect(lambda point: self._clicked(round(point.x())))
        self.chart().addSeries(series)
        self._line = series
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = max(1, math.ceil(len(self._rows) / MAX_AXIS_LABELS))
        labels = _time_labels(self._rows)
        for index in range(0, len(self._rows), step):
            axis.append(labels[index], float(index))
        axis.setTruncateLabels(False)
        axis.setRange(0.0, float(max(len(self._rows) - 1, 1)))
        self._attach(series, axis, Qt.AlignmentFlag.AlignBottom)
        highest = max(_count(row, 0) for row in self._rows)
        self._attach(series, _value_axis(highest), Qt.AlignmentFlag.AlignLeft)

    def _category_labels(self, rows: list[Row], kind: str) -> list[str]:
        """Short enough to leave the bars room; unique, as the axis requires."""
        if kind not in HORIZONTAL:
            return _time_labels(rows)
        metrics, room = self.fontMetrics(), self.fontMetrics().averageCharWidth() * LABEL_CHARS
        labels: list[str] = []
        for row in rows:
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, room)
            while label in labels:  # two names alike up to the ellipsis
                label += "\u200b"
            labels.append(label)
        return labels

    def _attach(self, series: object, axis: QAbstractAxis, where: Qt.AlignmentFlag) -> None:
        self.chart().addAxis(axis, where)
        series.attachAxis(axis)  # type: ignore[attr-defined]

    def _row_of(self, category: int, kind: str) -> int:
        return len(self._rows) - 1 - category if kind in HORIZONTAL else category

    def _category_of(self, row: int) -> int:
        return self._row_of(row, self._kind())  # the mapping is its own inverse

    # --- palette and fonts --------------------------------------------------------------------

    def _apply_style(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        grid = palette.color(QPalette.ColorRole.Mid)
        chart = self.chart()
        chart.setBackgroundBrush(window)
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.setTitleBrush(text)
        chart.setTitleFont(self.font())
        chart.legend().setLabelColor(text)
        chart.legend().setFont(self.font())
        for axis in chart.axes():
            axis.setLabelsColor(text)
            axis.setLabelsFont(self.font())
            axis.setLinePenColor(text)
            axis.setGridLineColor(grid)
        outline = QPen(text, 1)
        for index, bar_set in enumerate(self._sets):
            single = len(self._sets) == 1
            colour = palette.color(QPalette.ColorRole.Highlight) if single else QColor(
                SET_COLOURS[index % len(SET_COLOURS)])  # fmt: skip
            bar_set.setColor(colour)
            bar_set.setBorderColor(text)
            bar_set.setPen(outline)
            bar_set.setSelectedColor(text)  # the keyboard's current bar
            bar_set.setLabelColor(text)
            bar_set.setLabelFont(self.font())
        if self._line is not None:
            self._line.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            self._line.setColor(palette.color(QPalette.ColorRole.Highlight))
            self._line.setSelectedColor(text)
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_style()
            self._update_minimum()
            self.updateGeometry()

    def preferred_height(self) -> int:
        """Room for every bar of a horizontal chart (within bounds), else a fixed height."""
        line = self.fontMetrics().height()
        kind = self._kind()
        height = line * (5 + 2 * len(self._rows)) if kind in HORIZONTAL else line * 16
        return min(max(height, line * MIN_LINES), line * 34)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 56, self.preferred_height())

    def _update_minimum(self) -> None:
        # Layouts do not consult a Python minimumSizeHint() of a QChartView: set it outright.
        line = self.fontMetrics().height()
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 24, line * MIN_LINES)

    # --- keyboard and mouse -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if not self._rows or key not in (*_PREVIOUS, *_NEXT, *_ACTIVATE, Qt.Key.Key_Home,
                                         Qt.Key.Key_End):  # fmt: skip
            super().keyPressEvent(event)
            return
        last = len(self._rows) - 1
        if key in _ACTIVATE:
            self.activate_current()
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(last)
        else:
            step = -1 if key in _PREVIOUS else 1
            self.set_current(min(max(self._current + step, 0), last))
        event.accept()

    def set_current(self, row: int) -> None:
        self._current = row
        self._show_current()
        current = self.current_row()
        if current is not None:
            pair = self.tr("{label}\u00a0: {value}")
            self.setAccessibleDescription(
                pair.format(label=current.label, value=number(current.total))
            )

    def activate_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.row_activated.emit(row.code)

    def _clicked(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.set_current(row)
            self.activate_current()

    def _show_current(self) -> None:
        """Draw the current bar in the text colour while the chart has the focus."""
        shown = self._current if self.hasFocus() else -1
        for bar_set in self._sets:
            bar_set.deselectAllBars()
            if shown >= 0:
                bar_set.selectBar(self._category_of(shown))
        if self._line is not None:
            self._line.deselectAllPoints()
            if shown >= 0:
                self._line.selectPoint(shown)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._current < 0 and self._rows:
            self._current = 0
        self._show_current()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_current()

    # --- where things are drawn (tests) -------------------------------------------------------

    def bar_centre(self, row: int) -> QPoint:
        """The middle of row `row`'s bar (or its point), in this widget's coordinates."""
        chart = self.chart()
        series = chart.series()[0]
        value = float(self._rows[row].total)
        kind = self._kind()
        category = float(self._category_of(row))
        if kind == LINE:
            point = QPointF(category, value)
        elif kind in HORIZONTAL:
            point = QPointF(value / 2, category)
        else:
            point = QPointF(category, value / 2)
        scene = chart.mapToScene(chart.mapToPosition(point, series))
        return self.mapFromScene(scene)


def _new_chart() -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _count(row: Row, column: int) -> int:
    value = row.values[column] if column < len(row.values) else 0
    return value if isinstance(value, int) else 0


def _value_axis(highest: float) -> QValueAxis:
    axis = QValueAxis()
    step = nice_step(highest)
    axis.setRange(0.0, max(math.ceil(highest / step), 1) * step)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0.0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    return axis


def _time_labels(rows: list[Row] | tuple[Row, ...]) -> list[str]:
    """A week's Monday as "05/01", a month of a single year as "janv."; others as labelled."""
    labels = []
    for row in rows:
        try:
            labels.append(date.fromisoformat(row.code).strftime("%d/%m"))
        except ValueError:
            labels.append(row.label)
    months = [row.code for row in rows if len(row.code) == 7 and row.code[4] == "-"]
    if months and len(months) == len(rows) and len({code[:4] for code in months}) == 1:
        labels = [label.split(" ")[0] for label in labels]
    return labels
