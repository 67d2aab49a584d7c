"""The period presets of the dashboard's filters, as calendar days around today (Qt-free)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from spro_desk.clock import local
from spro_desk.reports.filters import Period
from spro_desk.sync.merged import week_start

THIS_WEEK = "cette-semaine"
THIS_MONTH = "ce-mois"
LAST_MONTH = "mois-dernier"
THIS_YEAR = "cette-annee"
LAST_YEAR = "annee-derniere"
CUSTOM = "periode-choisie"

# The coordinator's bilan is yearly; a desk looks at its week first.
COORDINATOR_PRESETS = (THIS_MONTH, LAST_MONTH, THIS_YEAR, LAST_YEAR)
DESK_PRESETS = (THIS_WEEK, THIS_MONTH, LAST_MONTH, THIS_YEAR, LAST_YEAR)


def _month(day: date) -> Period:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(first, following - timedelta(days=1))


def preset_period(preset: str, today: date) -> Period:
    """The days `preset` covers on `today` (first and last day included)."""
    if preset == THIS_WEEK:
        monday = week_start(today)
        return Period(monday, monday + timedelta(days=6))
    if preset == THIS_MONTH:
        return _month(today)
    if preset == LAST_MONTH:
        return _month(today.replace(day=1) - timedelta(days=1))
    if preset == THIS_YEAR:
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    if preset == LAST_YEAR:
        return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
    raise ValueError(f"unknown period preset {preset!r}")


def preset_of(period: Period, today: date, presets: tuple[str, ...]) -> str:
    """The preset that covers exactly `period` on `today`, else CUSTOM."""
    return next((p for p in presets if preset_period(p, today) == period), CUSTOM)


def reference_moment(clock_now: datetime) -> datetime:
    """The clock's moment in UTC, for "sans suite" and lateness (a naive clock reads the site's
    wall clock, spro_desk.clock)."""
    return local(clock_now).astimezone(UTC)
