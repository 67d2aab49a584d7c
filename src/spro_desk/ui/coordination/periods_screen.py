"""« Périodes publiées »: each period bilans were published for, closed at its first
publication; what late bundles would change (revisions); a new edition on decision."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents.coordination_roles import CoordinationPermission
from spro_desk.reports.filters import Period
from spro_desk.reports.periods import (
    PeriodRefused,
    PeriodSummary,
    Revisions,
    get_period,
    list_periods,
    new_edition,
    revisions,
    write_into,
)
from spro_desk.storage.coordination_tables import BilanPeriod
from spro_desk.ui.common.background import Callbacks
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext

log = logging.getLogger(__name__)

FORMATS = ("xlsx", "pdf", "csv", "json")


class PeriodsScreen(CoordinatorScreen):
    name = "periodes"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.periods: list[PeriodSummary] = []
        self.summary = plain_label("", self.tr("Résumé des périodes publiées"))
        self.table = self._make_table()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Révisions de la période choisie"))
        self.details.setPlaceholderText(
            self.tr("Choisissez une période puis « Voir les révisions ».")
        )
        self.revisions_button = QPushButton(self.tr("&Voir les révisions"))
        self.revisions_button.setToolTip(
            self.tr("Ce que les envois reçus depuis la clôture changeraient aux bilans publiés.")
        )
        self.revisions_button.clicked.connect(self.show_revisions)
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        self.format.setAccessibleName(self.tr("Format des bilans de la nouvelle édition"))
        self.edition_button = QPushButton(self.tr("&Nouvelle édition…"))
        self.edition_button.setToolTip(
            self.tr("Republier tous les bilans de la période avec les données d'aujourd'hui.")
        )
        self.edition_button.clicked.connect(self.publish_new_edition)
        self._layout()
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def title(self) -> str:
        return self.tr("Périodes publiées")

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Période"), self.tr("Édition"), self.tr("Close le"), self.tr("Bilans publiés")]
        )
        table.setAccessibleName(self.tr("Périodes publiées"))
        table.setAccessibleDescription(
            self.tr("Une ligne par période ; ses révisions s'affichent sous la liste.")
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 260)
        return table

    def _layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revisions_button)
        buttons.addStretch(1)
        buttons.addWidget(self.format)
        buttons.addWidget(self.edition_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter)
        layout.addLayout(buttons)

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        kept = self.selected_period()
        self.periods = list_periods(self.context.db)
        self.table.setRowCount(len(self.periods))
        for row, period in enumerate(self.periods):
            closed = (
                self.tr("{moment} par {who}").format(
                    moment=period.closed_at.strftime("%d/%m/%Y %H:%M"), who=period.closed_by
                )
                if period.closed_at
                else self.tr("ouverte")
            )
            cells = (period.label, str(period.edition), closed, ", ".join(period.bilans))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not self.periods:
            self.summary.setText(self.tr("Aucun bilan publié : aucune période close."))
        else:
            self.summary.setText(
                self.tr("{n} période(s) publiée(s). Un envoi reçu après la clôture ne change "
                        "aucun bilan publié : il apparaît dans les révisions, appliquées par une "
                        "nouvelle édition si vous le décidez.").format(n=len(self.periods))
            )  # fmt: skip
        row = next((n for n, p in enumerate(self.periods) if kept and p.pk == kept.pk), 0)
        if self.periods:
            self.table.selectRow(row)
        self._selection_changed()

    def selected_period(self) -> PeriodSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.periods[rows[0].row()] if rows and rows[0].row() < len(self.periods) else None

    def _selection_changed(self) -> None:
        chosen = self.selected_period() is not None
        self.revisions_button.setEnabled(chosen)
        refusal = self._refusal()
        self.edition_button.setEnabled(chosen and refusal is None)
        if refusal is not None:  # greyed out, saying which role may (the domain refuses too)
            self.edition_button.setToolTip(refusal)
        self.details.setPlainText("")

    def _refusal(self) -> str | None:
        return self.refusal(CoordinationPermission.CLOSE_PERIOD)

    def _days(self, period: PeriodSummary) -> Period:
        with self.context.db.session() as session:
            record = session.get(BilanPeriod, period.pk)
            assert record is not None
        return Period(date.fromisoformat(record.first_day), date.fromisoformat(record.last_day))

    def show_revisions(self) -> None:
        """Recomputing every published bilan can take a while: off the UI thread."""
        period = self.selected_period()
        if period is None or self._busy():
            return
        db, days = self.context.db, self._days(period)
        self._begin(self.tr("Calcul des révisions…"))
        self.context.runner.submit(
            lambda _task: revisions(db, days),
            Callbacks(self._revisions_found, self._revisions_refused),
        )

    def _revisions_found(self, found: Revisions) -> None:
        self._end()
        self.details.setPlainText(self.describe(found))

    def _revisions_refused(self, error: Exception) -> None:
        self._end()
        self.details.setPlainText(self._error_text(error))

    def describe(self, found: Revisions) -> str:
        lines = [
            self.tr("Édition {n} — {bundles} envoi(s) reçu(s) depuis la clôture.").format(
                n=found.period.edition, bundles=len(found.late_bundles)
            )
        ]
        for bundle in found.late_bundles:
            lines.append(
                self.tr("  • poste {desk}, envoi n° {seq}, reçu le {moment}").format(
                    desk=bundle.desk_id, seq=bundle.bundle_seq,
                    moment=bundle.received_at.strftime("%d/%m/%Y %H:%M"),
                )
            )  # fmt: skip
        if not found.changes:
            lines.append(self.tr("Aucun chiffre publié ne change."))
            return "\n".join(lines)
        lines.append(
            self.tr("{n} chiffre(s) changerai(en)t dans une nouvelle édition :").format(
                n=len(found.changes)
            )
        )
        for change in found.changes:
            shown = self.tr("masqué") if change.published is None else str(change.published)
            lines.append(
                self.tr("  • {bilan} — {table}, {row} / {column} : {before} → {after} "
                        "({delta:+d}) ; publié : {shown}").format(
                    bilan=change.scope_label, table=change.table_title, row=change.row_label,
                    column=change.column_label, before=change.before, after=change.after,
                    delta=change.delta, shown=shown,
                )
            )  # fmt: skip
        return "\n".join(lines)

    # --- deciding -----------------------------------------------------------------------------

    def confirm_new_edition(self, period: PeriodSummary) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Nouvelle édition"),
            self.tr("Publier l'édition {n} des {count} bilan(s) de la période {period} avec les "
                    "données d'aujourd'hui ? Les bilans déjà envoyés restent tels quels ; "
                    "cette décision est gardée dans le journal.").format(
                n=period.edition + 1, count=len(period.bilans), period=period.label
            ),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier où écrire les bilans de la nouvelle édition")
        )
        return Path(folder) if folder else None

    def publish_new_edition(self) -> None:
        period = self.selected_period()
        if period is None or self._busy() or not self.confirm_new_edition(period):
            return
        folder = self.choose_folder()
        if folder is None:
            return
        db, days, fmt = self.context.db, self._days(period), self.format.currentText()

        def work(_task: object) -> tuple[int, int]:
            edition = new_edition(db, days, write_into(folder, fmt, get_period(db, days)))
            return edition.edition, len(edition.records)

        self._begin(self.tr("Publication de la nouvelle édition…"))
        self.context.runner.submit(
            work,
            Callbacks(lambda done: self._edition_published(folder, *done), self._edition_refused),
        )

    def _edition_published(self, folder: Path, edition: int, count: int) -> None:
        self._end()
        self.context.navigator.message.emit(
            self.tr("Édition {n} publiée : {count} bilan(s) écrit(s) dans {folder}.").format(
                n=edition, count=count, folder=folder
            )
        )
        self.refresh()

    def _edition_refused(self, error: Exception) -> None:
        self._end()
        QMessageBox.warning(self, self.tr("Nouvelle édition"), self._error_text(error))

    # --- one computation at a time ------------------------------------------------------------

    def _busy(self) -> bool:
        return not self.table.isEnabled()

    def _begin(self, label: str) -> None:
        for widget in (self.table, self.revisions_button, self.edition_button):
            widget.setEnabled(False)
        self.context.navigator.message.emit(label)

    def _end(self) -> None:
        self.table.setEnabled(True)
        self._selection_changed_keeping_details()

    def _selection_changed_keeping_details(self) -> None:
        text = self.details.toPlainText()
        self._selection_changed()
        self.details.setPlainText(text)

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, PeriodRefused | OSError):
            return str(error)  # already French (PeriodRefused) or the system's own words
        log.error("Period computation failed", exc_info=error)
        return self.tr(
            "Le calcul s'est arrêté sur une erreur inattendue ({error}). Rien n'a été publié."
        ).format(error=type(error).__name__)
