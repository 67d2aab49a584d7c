"""Dates as an agent reads them aloud: « mercredi 18 novembre 2026 à 10 h 00 ».

The slip and the booking dialog speak the interface's language: the day and month names come
from the locale the catalogue names (« fr_FR » translated « en_GB »), never from the system's,
which may be neither.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from spro_desk.clock import wall_clock

NBSP = "\u00a0"


def interface_locale() -> QLocale:
    """The interface language's locale (French unless a catalogue says otherwise)."""
    return QLocale(QCoreApplication.translate("Dates", "fr_FR"))


def local_wall_clock(moment: datetime) -> datetime:
    """Stored moments are aware (UTC); the agent and the person read local time."""
    return wall_clock(moment) if moment.tzinfo else moment


def long_date_fr(day: date) -> str:
    locale = interface_locale()
    number = QCoreApplication.translate("Dates", "1er") if day.day == 1 else str(day.day)
    return QCoreApplication.translate("Dates", "{weekday} {day} {month} {year}").format(
        weekday=locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat),
        day=number,
        month=locale.monthName(day.month, QLocale.FormatType.LongFormat),
        year=day.year,
    )


def clock_time_fr(moment: datetime) -> str:
    """Always with minutes (« 10 h 00 »): an appointment time is read, not estimated."""
    return QCoreApplication.translate("Dates", "{hour}\u00a0h\u00a0{minute}").format(
        hour=moment.hour, minute=f"{moment.minute:02d}"
    )


def long_datetime_fr(moment: datetime) -> str:
    moment = local_wall_clock(moment)
    return QCoreApplication.translate("Dates", "{date} à {time}").format(
        date=long_date_fr(moment.date()), time=clock_time_fr(moment)
    )


def short_datetime_fr(moment: datetime | None) -> str:
    """« 05/03/2026 14:00 » for table cells, where width counts."""
    if moment is None:
        return ""
    return local_wall_clock(moment).strftime("%d/%m/%Y %H:%M")
