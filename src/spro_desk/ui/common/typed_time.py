"""Date and time fields an agent types into: « 1430 » gives 14:30, « 1203 » the 12th of March.

Qt's editors only accept typing over a selected section; entering the field by Tab, a mnemonic
or a click selects the first section, so digits typed go in at once (no arrow-stepping).
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit, QWidget

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


class TypedTimeEdit(QTimeEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(FRENCH)
        self.setDisplayFormat("HH:mm")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setSelectedSection(QDateTimeEdit.Section.HourSection)

    def value(self) -> time:
        chosen = self.time()
        return time(chosen.hour(), chosen.minute())

    def set_value(self, moment: time) -> None:
        self.setTime(QTime(moment.hour, moment.minute))


class TypedDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(FRENCH)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def value(self) -> date:
        chosen = self.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, day: date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))


def combined(day: TypedDateEdit, hour: TypedTimeEdit) -> datetime:
    return datetime.combine(day.value(), hour.value())
