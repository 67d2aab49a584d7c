"""The site's activity as labelled figures, shared by the dashboard's chart and its table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from spro_desk.reports.activity import Activity
from spro_desk.ui import labels
from spro_desk.ui.formatting import number, tooltip
from spro_desk.vocab import categories

Index = QModelIndex | QPersistentModelIndex

TOTALS = "totaux"
# The breakdowns drawn as charts, in screen order (the totals are the screen's headline).
BREAKDOWNS = ("canal", "statut", "besoin", "orientation-statut", "orientation-type")


@dataclass(frozen=True)
class FigureGroup:
    """One breakdown ("Contacts par canal"): labelled counts, in display order."""

    key: str
    title: str
    rows: tuple[tuple[str, int], ...]


def _by_count(counts: Counter[str], names: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """Non-zero counts, largest first; ties keep the vocabulary's order."""
    rank = {code: i for i, code in enumerate(names)}
    codes = sorted(
        (code for code, value in counts.items() if value),
        key=lambda code: (-counts[code], rank.get(code, len(rank)), code),
    )
    return tuple((names.get(code, code), counts[code]) for code in codes)


def _every(counts: Counter[str], names: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """Every code of the vocabulary, zeros included: the outcomes read as a whole."""
    return tuple((label, counts.get(code, 0)) for code, label in names.items())


def activity_groups(activity: Activity) -> list[FigureGroup]:
    """Totals first, then each breakdown of the period (keys of BREAKDOWNS)."""
    totals = (
        (QCoreApplication.translate("Dashboard", "Contacts"), activity.contacts),
        (QCoreApplication.translate("Dashboard", "Orientations"), activity.referrals),
    )
    type_labels = labels.labels_of(labels.REFERRAL_TYPES)
    breakdowns = {
        "canal": (QCoreApplication.translate("Dashboard", "Contacts par canal"),
                  _by_count(activity.by_canal, labels.labels_of(labels.CANAUX))),
        "statut": (QCoreApplication.translate("Dashboard", "Contacts par statut"),
                   _by_count(activity.by_statut, labels.statut_labels())),
        "besoin": (QCoreApplication.translate("Dashboard", "Contacts par besoin"),
                   _by_count(activity.by_besoin, categories())),
        "orientation-statut": (
            QCoreApplication.translate("Dashboard", "Orientations par résultat"),
            _every(activity.referrals_by_statut, labels.referral_status_labels())),
        "orientation-type": (QCoreApplication.translate("Dashboard", "Orientations par type"),
                             _every(activity.referrals_by_type, type_labels)),
    }  # fmt: skip
    return [
        FigureGroup(TOTALS, QCoreApplication.translate("Dashboard", "Totaux"), totals),
        *(FigureGroup(key, *breakdowns[key]) for key in BREAKDOWNS),
    ]


class FiguresTableModel(QAbstractTableModel):
    """One row per figure: breakdown, label, count. The chart's accessible twin."""

    GROUP, LABEL, VALUE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, int]] = []

    def set_groups(self, groups: list[FigureGroup]) -> None:
        self.beginResetModel()
        self._rows = [(g.title, label, value) for g in groups for label, value in g.rows]
        self.endResetModel()

    def figures(self) -> list[tuple[str, str, int]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column()]
            return number(value) if isinstance(value, int) else value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.LABEL:
            return tooltip(row[1])  # the label may be elided in a narrow window
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.VALUE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Rubrique"), self.tr("Libellé"), self.tr("Nombre"))
        return titles[section] if 0 <= section < len(titles) else None
