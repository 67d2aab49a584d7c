"""« Envois par semaine »: the desk × week matrix of what the coordination received (issue 12).

Counted by the week each bundle was made on its desk; active desks only, revoked ones are named
below it. Read-only, a plain table a screen reader walks cell by cell.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from spro_desk.ui.common.formatting import one_line


class WeekMatrix(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Envois reçus par poste et par semaine"))
        self.setAccessibleDescription(
            self.tr(
                "Une ligne par poste actif, une colonne par semaine (du lundi), selon le jour où "
                "le poste a fait l'envoi ; un tiret : rien reçu cette semaine-là."
            )
        )
        self.setMaximumHeight(220)

    def fill(self, matrix: dict[str, Any]) -> None:
        weeks = [date.fromisoformat(w) for w in matrix["weeks"]]
        desks = matrix["desks"]
        self.clear()
        self.setColumnCount(len(weeks))
        self.setRowCount(len(desks))
        self.setHorizontalHeaderLabels(
            [self.tr("sem. du {day}").format(day=w.strftime("%d/%m")) for w in weeks]
        )
        self.setVerticalHeaderLabels([one_line(d["site_nom"]) for d in desks])
        for row, desk in enumerate(desks):
            for column, count in enumerate(desk["weeks"]):
                item = QTableWidgetItem(str(count) if count else "—")
                if not count:
                    item.setToolTip(self.tr("Aucun envoi fait cette semaine-là"))
                self.setItem(row, column, item)
