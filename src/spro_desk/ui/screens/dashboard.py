"""The « Tableau de bord » screen: this week's or this month's activity, as charts and a table."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.reports.activity import activity, month_of, week_of
from spro_desk.ui.context import DeskContext
from spro_desk.ui.dashboard.bar_chart import BarChart
from spro_desk.ui.dashboard.figures import (
    BREAKDOWNS,
    FigureGroup,
    FiguresTableModel,
    activity_groups,
)
from spro_desk.ui.formatting import french_date, number
from spro_desk.ui.screens.base import Screen

WEEK, MONTH = "semaine", "mois"
PERIOD_KEY = "tableau-de-bord/periode"


class DashboardScreen(Screen):
    name = "tableau-de-bord"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.week_button = QRadioButton(self.tr("Cette &semaine"))
        self.month_button = QRadioButton(self.tr("Ce &mois"))
        self.period_label = QLabel()
        self.headline = QLabel()
        self.charts: dict[str, BarChart] = {}
        self.table_model = FiguresTableModel(self)
        self.table = self._make_table()
        self._periods = QButtonGroup(self)
        self._build()
        self._restore_period()
        self._periods.buttonToggled.connect(self._period_toggled)
        context.navigator.contacts_changed.connect(self._contacts_changed)

    def title(self) -> str:
        return self.tr("Tableau de bord")

    # --- construction -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("dashboardTable")
        table.setModel(self.table_model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The label gives way (elided) so that the count always stays in view.
        header.setSectionResizeMode(FiguresTableModel.LABEL, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName(self.tr("Chiffres de la période"))
        table.setAccessibleDescription(
            self.tr("Les mêmes chiffres que les graphiques, en tableau.")
        )
        return table

    def _build(self) -> None:
        for button, description in (
            (self.week_button, self.tr("Activité du lundi au dimanche de cette semaine")),
            (self.month_button, self.tr("Activité du mois en cours")),
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAccessibleDescription(description)
            self._periods.addButton(button)
        for label, name in ((self.period_label, self.tr("Période affichée")),
                            (self.headline, self.tr("Totaux de la période"))):  # fmt: skip
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAccessibleName(name)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        layout = QVBoxLayout(self)
        layout.addLayout(self._period_row())
        layout.addWidget(self.headline)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._chart_area())
        splitter.addWidget(self.table)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.week_button)
        row.addWidget(self.month_button)
        row.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        row.addWidget(self.period_label)
        row.addStretch(1)
        return row

    def _chart_area(self) -> QScrollArea:
        charts = QWidget()
        column = QVBoxLayout(charts)
        for key in BREAKDOWNS:
            self.charts[key] = BarChart()
            column.addWidget(self.charts[key])
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(charts)
        area.setAccessibleName(self.tr("Graphiques de la période"))
        return area

    # --- behaviour ----------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def period(self) -> str:
        return MONTH if self.month_button.isChecked() else WEEK

    def set_period(self, period: str) -> None:
        (self.month_button if period == MONTH else self.week_button).setChecked(True)

    def refresh(self) -> None:
        now = self.context.clock()
        start, end = month_of(now) if self.period() == MONTH else week_of(now)
        figures = activity(self.context.db, start, end)
        self.period_label.setText(self._period_text(start, end))
        self.headline.setText(self._headline(figures.contacts, figures.referrals))
        groups = activity_groups(figures)
        self.table_model.set_groups(groups)
        for group in groups:
            if group.key in self.charts:
                self._show_chart(group)

    def _show_chart(self, group: FigureGroup) -> None:
        empty = self.tr("Rien sur la période.")
        self.charts[group.key].set_data(group.title, group.rows, empty)

    def _period_text(self, start: datetime, end: datetime) -> str:
        last_day = (end - timedelta(days=1)).date()
        text = self.tr("Du {start} au {end}")
        return text.format(start=french_date(start.date()), end=french_date(last_day))

    def _headline(self, contacts: int, referrals: int) -> str:
        # French puts 0 and 1 in the singular.
        contacts_text = self.tr("{n} contact") if contacts <= 1 else self.tr("{n} contacts")
        referrals_text = (
            self.tr("{n} orientation") if referrals <= 1 else self.tr("{n} orientations")
        )
        parts = (
            contacts_text.format(n=number(contacts)),
            referrals_text.format(n=number(referrals)),
        )
        return " · ".join(parts)

    def _period_toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return  # the other button of the pair reports the change
        self.context.qsettings.setValue(PERIOD_KEY, self.period())
        self.refresh()

    def _restore_period(self) -> None:
        self.set_period(str(self.context.qsettings.value(PERIOD_KEY, WEEK)))

    def _contacts_changed(self) -> None:
        if self.isVisible():
            self.refresh()
