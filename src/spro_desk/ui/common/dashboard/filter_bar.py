"""The dashboard's filters: a period (a preset or two dates) and, for the coordinator, the sites
by desk, network, département or EPCI. Changes are announced once the user pauses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from spro_desk.directory.networks import network_label
from spro_desk.geo.cog import Geography
from spro_desk.reports.filters import Filters, Period, Site
from spro_desk.ui.common.dashboard import periods
from spro_desk.ui.common.keyboard import OneStopDateEdit

SETTLE_MS = 300  # a burst of changes (arrows in a date) computes once
SITE_FILTERS = ("site", "reseau", "departement", "epci")
COMBO_WIDTH_CHARS = 18


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class FilterBar(QWidget):
    changed = Signal()  # the filters changed and the user paused

    def __init__(
        self,
        presets: tuple[str, ...],
        today: Callable[[], date],
        with_sites: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._presets = presets
        self._today = today
        self.preset = self._preset_combo()
        self.start = self._date_edit(self.tr("Du (premier jour de la période)"))
        self.end = self._date_edit(self.tr("Au (dernier jour de la période, inclus)"))
        self.site_combos: dict[str, QComboBox] = {}
        if with_sites:
            self.site_combos = {name: self._site_combo(name) for name in SITE_FILTERS}
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self._layout()
        self.set_preset(presets[0])
        self._connect()

    # --- construction -------------------------------------------------------------------------

    def _preset_combo(self) -> QComboBox:
        combo = QComboBox()
        names = {
            periods.THIS_WEEK: self.tr("Cette semaine"),
            periods.THIS_MONTH: self.tr("Ce mois"),
            periods.LAST_MONTH: self.tr("Le mois dernier"),
            periods.THIS_YEAR: self.tr("Cette année"),
            periods.LAST_YEAR: self.tr("L'année dernière"),
        }
        for preset in self._presets:
            combo.addItem(names[preset], preset)
        combo.addItem(self.tr("Période choisie"), periods.CUSTOM)
        combo.setAccessibleName(self.tr("Période"))
        combo.setAccessibleDescription(self.tr("Une période type, ou « Période choisie » : les "
                                               "deux dates qui suivent"))  # fmt: skip
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = OneStopDateEdit()  # one Tab stop; the arrows move between sections
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        return edit

    def _site_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_WIDTH_CHARS)
        titles = {"site": self.tr("Site"), "reseau": self.tr("Réseau"),
                  "departement": self.tr("Département"), "epci": self.tr("EPCI")}  # fmt: skip
        combo.setAccessibleName(titles[name])
        combo.setAccessibleDescription(self.tr("Restreint les chiffres aux sites choisis"))
        return combo

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        period = QLabel(self.tr("Péri&ode :"))
        period.setBuddy(self.preset)
        since, until = QLabel(self.tr("du")), QLabel(self.tr("au"))
        since.setBuddy(self.start)
        until.setBuddy(self.end)
        row = [period, self.preset, since, self.start, until, self.end]
        for column, widget in enumerate(row):
            grid.addWidget(widget, 0, column)
        mnemonics = {
            "site": self.tr("S&ite :"),
            "reseau": self.tr("&Réseau :"),
            "departement": self.tr("Dépar&tement :"),
            "epci": self.tr("EP&CI :"),
        }
        for number, (name, combo) in enumerate(self.site_combos.items()):
            label = QLabel(mnemonics[name])
            label.setBuddy(combo)
            grid.addWidget(label, 1 + number // 2, 2 * (number % 2))
            grid.addWidget(combo, 1 + number // 2, 2 * (number % 2) + 1, 1, 1 + 3 * (number % 2))
        grid.setColumnStretch(len(row), 1)

    def _connect(self) -> None:
        self.preset.activated.connect(self._preset_chosen)
        self.start.dateChanged.connect(self._start_changed)
        self.end.dateChanged.connect(self._end_changed)
        for combo in self.site_combos.values():
            # (not connected to start() itself: the index would become its interval)
            combo.activated.connect(lambda _index: self._settle.start())

    # --- reading and setting ------------------------------------------------------------------

    def period(self) -> Period:
        return Period(_pydate(self.start.date()), _pydate(self.end.date()))

    def filters(self) -> Filters:
        chosen = {name: combo.currentData() for name, combo in self.site_combos.items()}
        return Filters(self.period(), **chosen)

    def preset_code(self) -> str:
        return str(self.preset.currentData())

    def set_preset(self, preset: str) -> None:
        """Choose a preset (its dates follow); an unknown one falls back to the first."""
        index = self.preset.findData(preset)
        if index < 0 or preset == periods.CUSTOM:
            index = 0
        self.preset.setCurrentIndex(index)
        self._show_period(periods.preset_period(self.preset_code(), self._today()))

    def set_period(self, period: Period) -> None:
        self._show_period(period)
        self._follow_dates()

    def _show_period(self, period: Period) -> None:
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def set_choices(self, sites: Sequence[Site], geo: Geography) -> None:
        """The sites, networks, départements and EPCI of the registered desks."""
        if not self.site_combos:
            return
        choices = {
            "site": {s.desk_id: s.nom for s in sites},
            "reseau": {s.reseau: network_label(s.reseau) for s in sites if s.reseau},
            "departement": {s.departement: geo.zone_label(s.departement)
                            for s in sites if s.departement},
            "epci": {s.epci: geo.zone_label(s.epci) for s in sites if s.epci},
        }  # fmt: skip
        every = {"site": self.tr("Tous les sites"), "reseau": self.tr("Tous les réseaux"),
                 "departement": self.tr("Tous les départements"),
                 "epci": self.tr("Tous les EPCI")}  # fmt: skip
        for name, combo in self.site_combos.items():
            _fill(combo, every[name], choices[name])

    @property
    def pending(self) -> bool:
        """A change waits for the user's pause."""
        return self._settle.isActive()

    def stop(self) -> None:
        """Forget a pending change (the window closes)."""
        self._settle.stop()

    # --- changes ------------------------------------------------------------------------------

    def _preset_chosen(self) -> None:
        if self.preset_code() != periods.CUSTOM:
            self._show_period(periods.preset_period(self.preset_code(), self._today()))
        self._settle.start()

    def _start_changed(self, day: QDate) -> None:
        if self.end.date() < day:  # a period never ends before it starts
            self.end.blockSignals(True)
            self.end.setDate(day)
            self.end.blockSignals(False)
        self._dates_edited()

    def _end_changed(self, day: QDate) -> None:
        if self.start.date() > day:
            self.start.blockSignals(True)
            self.start.setDate(day)
            self.start.blockSignals(False)
        self._dates_edited()

    def _dates_edited(self) -> None:
        self._follow_dates()
        self._settle.start()

    def _follow_dates(self) -> None:
        """The preset that names the dates, or « Période choisie »."""
        preset = periods.preset_of(self.period(), self._today(), self._presets)
        self.preset.setCurrentIndex(self.preset.findData(preset))


def _fill(combo: QComboBox, every: str, choices: dict[str, str]) -> None:
    """Every choice by name; the current one stays chosen when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(every, None)
    for code, label in sorted(choices.items(), key=lambda item: (item[1], item[0])):
        combo.addItem(label, code)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
