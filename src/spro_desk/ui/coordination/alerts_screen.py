"""« Alertes »: forks, gaps and quarantined events, each explained: what it means, what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.sync.coordinator_views import AlertView, alert_views
from spro_desk.ui.common.errors import show_warning
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.coordination.alert_text import FORK, GAP, QUARANTINE, alert_explanation
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.models import AlertColumn, AlertModel
from spro_desk.ui.coordination.tables import selected_row, sorted_table

_COLUMN_WIDTHS = {AlertColumn.TYPE: 170, AlertColumn.POSTE: 220, AlertColumn.RESUME: 420}


class AlertsScreen(CoordinatorScreen):
    name = "alertes"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AlertModel(self)
        self.table = sorted_table(
            self.model,
            self.tr("Alertes"),
            self.tr("Les plus récentes d'abord ; l'explication de l'alerte choisie suit la liste."),
            _COLUMN_WIDTHS,
            (AlertColumn.SIGNALEE_LE, Qt.SortOrder.DescendingOrder),
        )
        self.summary = plain_label("", self.tr("Résumé des alertes"))
        self.explanation = self._make_explanation()
        self.handle_button = QPushButton(self.tr("&Marquer comme traitée…"))
        self.handle_button.setToolTip(
            self.tr("Note ce qui a été fait ; la note est gardée dans le journal des alertes.")
        )
        self.handle_button.clicked.connect(self.handle_selected)
        self._layout()
        self.table.selectionModel().selectionChanged.connect(self._show_explanation)

    def title(self) -> str:
        return self.tr("Alertes")

    def _make_explanation(self) -> QPlainTextEdit:
        # Read-only text that takes the focus: a keyboard or screen-reader user can read it.
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setTabChangesFocus(True)
        text.setAccessibleName(self.tr("Explication de l'alerte choisie"))
        text.setPlaceholderText(self.tr("Choisissez une alerte pour savoir ce qu'elle signifie."))
        return text

    def _layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.explanation)
        splitter.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter)
        layout.addWidget(self.handle_button, 0, Qt.AlignmentFlag.AlignLeft)

    # --- reading ------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        kept = self.selected_alert()
        self.model.set_rows(alert_views(self.context.db))
        self._show_summary()
        row = next((n for n, a in enumerate(self.model.rows()) if kept and a.pk == kept.pk), None)
        if row is not None:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._show_explanation()

    def _show_summary(self) -> None:
        total = self.model.rowCount()
        if total == 0:
            self.summary.setText(
                self.tr("Aucune alerte : tout ce qui a été reçu se suit, sans trou ni doublon.")
            )
            return
        phrases = {
            FORK: (self.tr("{n} bifurcation"), self.tr("{n} bifurcations")),
            GAP: (
                self.tr("{n} poste avec des événements manquants"),
                self.tr("{n} postes avec des événements manquants"),
            ),
            QUARANTINE: (
                self.tr("{n} événement en quarantaine"),
                self.tr("{n} événements en quarantaine"),
            ),
        }
        counts = [
            count_phrase(self.model.count_of(kind), one, many)
            for kind, (one, many) in phrases.items()
            if self.model.count_of(kind)
        ]
        alerts = count_phrase(total, self.tr("{n} alerte"), self.tr("{n} alertes"))
        self.summary.setText(
            self.tr("{alerts} : {details}.").format(alerts=alerts, details=", ".join(counts))
        )

    def selected_alert(self) -> AlertView | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _show_explanation(self, *_args: object) -> None:
        alert = self.selected_alert()
        self.handle_button.setEnabled(alert is not None)
        if alert is None:
            self.explanation.setPlainText("")
            return
        said = f"{alert.message}\n\n" if alert.message else ""
        self.explanation.setPlainText(said + alert_explanation(alert))

    def handle_selected(self) -> None:
        """Mark the chosen alert handled, with a note kept in the audit trail."""
        from spro_desk.sync.completeness import handle_alert

        alert = self.selected_alert()
        if alert is None:
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("Marquer l'alerte comme traitée"),
            self.tr("Ce qui a été fait (gardé dans le journal des alertes) :"),
        )
        if not ok or not note.strip():
            return
        try:
            handle_alert(self.context.db, alert.pk, note)
        except CoordinationDenied as refusal:
            show_warning(self, self.tr("Action refusée"), str(refusal))
            return
        self.refresh()
