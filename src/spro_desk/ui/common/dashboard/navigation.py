"""The drill-down path: from the overview to a breakdown, to a row's own breakdown… (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spro_desk.reports.filters import Filters
from spro_desk.ui.common.dashboard.breakdowns import Drill

Path = tuple["Level", ...]


@dataclass(frozen=True)
class Level:
    """One step: the figures of `filters`, shown as the overview ("") or one breakdown."""

    filters: Filters
    breakdown: str = ""
    focus: str = ""
    label: str = ""  # the row it was drilled from, when it changed the filters ("mars 2026")
    title: str = ""  # set once shown: the breadcrumb's text


def start(filters: Filters) -> Path:
    return (Level(filters),)


def drill_into(path: Path, drill: Drill) -> Path:
    """The path one step deeper, following `drill` from the last step."""
    here = path[-1]
    label = drill.label if drill.filters is not None else ""
    return (*path, Level(drill.filters or here.filters, drill.breakdown, drill.focus, label))


def open_breakdown(path: Path, key: str, focus: str = "") -> Path:
    """The path with breakdown `key` of the same figures shown next."""
    return (*path, Level(path[-1].filters, key, focus))


def titled(path: Path, title: str) -> Path:
    return (*path[:-1], replace(path[-1], title=title))
