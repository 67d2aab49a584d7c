"""« Journal »: the coordination's audit trail, read-only — who did what, when (UTC), why."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlmodel import select

from spro_desk.agents.coordination_audit import AuditEntry, audit_entries
from spro_desk.agents.coordination_roles import ROLE_LABELS, CoordinationRole
from spro_desk.storage.coordination_tables import RegisteredDesk
from spro_desk.ui.common.rows_model import RowsModel
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.tables import sorted_table

SHOWN = 5000  # the newest actions; `coordinator audit --json` gives them all


class AuditColumn(IntEnum):
    QUAND = 0
    QUI = 1
    ACTION = 2
    CIBLE = 3
    NOTE = 4


class AuditModel(RowsModel[AuditEntry]):
    COLUMNS = AuditColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.site_names: dict[str, str] = {}  # desk id → its site's name

    def target_text(self, target: str) -> str:
        """A desk is named by its site first: a coordinator knows « CIO de Bourges », not its
        identifier (kept after it, as the trail records it)."""
        site = self.site_names.get(target.split(" ", 1)[0])
        return f"{site} — {target}" if site else target

    def column_title(self, column: AuditColumn) -> str:
        titles = {
            AuditColumn.QUAND: self.tr("Quand (UTC)"),
            AuditColumn.QUI: self.tr("Qui"),
            AuditColumn.ACTION: self.tr("Action"),
            AuditColumn.CIBLE: self.tr("Sur quoi"),
            AuditColumn.NOTE: self.tr("Note"),
        }
        return titles[column]

    def display(self, row: AuditEntry, column: AuditColumn) -> str:
        if column == AuditColumn.QUAND:
            return row.at.strftime("%d/%m/%Y %H:%M:%S")
        if column == AuditColumn.QUI:
            if row.account is None:
                return self.tr("(avant tout compte)")
            role = ROLE_LABELS.get(CoordinationRole(row.role)) if row.role else None
            return f"{row.account} ({role})" if role else row.account
        if column == AuditColumn.ACTION:
            return QCoreApplication.translate("AuditActions", row.action_label)
        if column == AuditColumn.CIBLE:
            return self.target_text(row.target)
        return row.note

    def tooltip_text(self, row: AuditEntry, column: Any) -> str:
        return self.display(row, column)

    def sort_key(self, row: AuditEntry, column: AuditColumn) -> Any:
        if column == AuditColumn.QUAND:
            return row.pk
        return super().sort_key(row, column)


class AuditScreen(CoordinatorScreen):
    name = "journal"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AuditModel(self)
        self.table = sorted_table(
            self.model,
            self.tr("Journal de la coordination"),
            self.tr("Chaque action sensible, la plus récente d'abord ; en lecture seule."),
            {
                AuditColumn.QUAND: 150,
                AuditColumn.QUI: 200,
                AuditColumn.ACTION: 170,
                AuditColumn.CIBLE: 260,
            },
            (AuditColumn.QUAND, Qt.SortOrder.DescendingOrder),
        )
        self.summary = plain_label("", self.tr("Résumé du journal"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def title(self) -> str:
        return self.tr("Journal")

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        entries = audit_entries(self.context.db, limit=SHOWN)
        with self.context.db.session() as session:
            desks = session.exec(select(RegisteredDesk.desk_id, RegisteredDesk.site_nom)).all()
        self.model.site_names = dict(desks)
        self.model.set_rows(entries)
        if not entries:
            self.summary.setText(self.tr("Aucune action enregistrée pour l'instant."))
        else:
            self.summary.setText(
                self.tr("{n} action(s) enregistrée(s) ; heures en temps universel (UTC).").format(
                    n=len(entries)
                )
            )
