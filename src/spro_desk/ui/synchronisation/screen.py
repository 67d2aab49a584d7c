"""The « Synchronisation » screen: what waits for the coordinator, the last export, the last
acknowledgement, the directory's version and age, an export to a USB stick and the upload queue.

Everything is read and written off the UI thread; nothing here opens a dialog on its own (only
the folder and file choosers the agent asks for).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.clock import local
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.errors import error_text, file_error_reason
from spro_desk.ui.common.folders import last_folder, remember_folder
from spro_desk.ui.common.formatting import count_phrase
from spro_desk.ui.common.screen import Screen
from spro_desk.ui.common.widgets import plain_label, setup_row_table
from spro_desk.ui.synchronisation import summary
from spro_desk.ui.synchronisation.queue_model import QueueColumn, QueueModel
from spro_desk.ui.synchronisation.rounds import SyncRounds
from spro_desk.ui.synchronisation.setup import DeskSetup

if TYPE_CHECKING:
    from spro_desk.sync.bundle import ExportResult
    from spro_desk.sync.transport import RoundReport

log = logging.getLogger(__name__)

_COLUMN_WIDTHS = {
    QueueColumn.NAME: 110, QueueColumn.SIZE: 80, QueueColumn.ATTEMPTS: 60,
    QueueColumn.NEXT_ATTEMPT: 170,
}  # fmt: skip
TABLE_LINES = 6


class SynchronisationScreen(Screen):
    name = "synchronisation"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.rounds: SyncRounds | None = None
        self.state: summary.SyncState | None = None
        self._busy = False
        self.readiness = plain_label("", self.tr("Ce qui manque pour synchroniser"))
        self.init_button = QPushButton(self.tr("&Créer l'identité du poste"))
        self.registration_button = QPushButton(self.tr("Enregistrer le fichier d'&inscription…"))
        self.trust_button = QPushButton(self.tr("Importer l'identité du coo&rdinateur…"))
        self.pending = plain_label("", self.tr("En attente de confirmation"))
        self.last_export = plain_label("", self.tr("Dernier export"))
        self.export_button = QPushButton(self.tr("&Exporter sur une clé maintenant…"))
        self.acknowledgement = plain_label("", self.tr("Dernier accusé de réception"))
        self.directory = plain_label("", self.tr("Version et âge de l'annuaire"))
        self.directory_warning = plain_label("", self.tr("Avertissement sur l'annuaire"))
        self.server = plain_label("", self.tr("Serveur de synchronisation"))
        self.send_button = QPushButton(self.tr("En&voyer maintenant"))
        self.progress_label = plain_label("", self.tr("Opération en cours"))
        self.progress = QProgressBar()
        self.model = QueueModel(self)
        self.table = self._make_table()
        self.message = StatusLabel()
        self.setup = DeskSetup(context, self)
        self._describe()
        self._layout()
        self._connect()
        self._show_busy(None)
        self._say("")

    def title(self) -> str:
        return self.tr("Synchronisation")

    # --- construction -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = setup_row_table(
            QTableView(),
            self.model,
            self.tr("Envois en attente vers le serveur"),
            self.tr("Un envoi quitte la file quand le serveur l'a confirmé, octet pour octet."),
            _COLUMN_WIDTHS,
        )
        table.setMinimumHeight(table.fontMetrics().height() * TABLE_LINES)
        return table

    def _describe(self) -> None:
        buttons = {
            self.init_button: self.tr(
                "Crée la clé de signature du poste avec le site réglé dans Paramètres."
            ),
            self.registration_button: self.tr(
                "Écrit le fichier à remettre à votre coordination pour inscrire ce poste."
            ),
            self.trust_button: self.tr(
                "Lit le fichier d'identité remis par votre coordination : ses clés publiques."
            ),
            self.export_button: self.tr(
                "Écrit l'envoi chiffré de tout ce que le coordinateur n'a pas confirmé dans le "
                "dossier choisi (une clé USB)."
            ),
            self.send_button: self.tr(
                "Envoie au serveur ce qui attend et reçoit les mises à jour, sans attendre le "
                "prochain passage automatique."
            ),
        }
        for button, description in buttons.items():
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        self.progress.setAccessibleName(self.tr("Progression de la synchronisation"))
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(False)

    def _group(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        return box

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            line.addWidget(widget)
        line.addStretch(1)
        return row

    def _layout(self) -> None:
        self.setup_box = self._group(
            self.tr("Mise en service"),
            self.readiness,
            self._row(self.init_button, self.registration_button, self.trust_button),
        )
        content = QWidget()
        column = QVBoxLayout(content)
        # What the agent just asked for answers at the top, where it is seen.
        self.progress_row = self._row(self.progress, self.progress_label)
        column.addWidget(self.progress_row)
        column.addWidget(self.message)
        column.addWidget(self.setup_box)
        column.addWidget(self._group(self.tr("En attente"), self.pending))
        column.addWidget(
            self._group(self.tr("Clé USB"), self.last_export, self._row(self.export_button))
        )
        column.addWidget(self._group(self.tr("Accusé de réception"), self.acknowledgement))
        column.addWidget(self._group(self.tr("Annuaire"), self.directory, self.directory_warning))
        queue_label = QLabel(self.tr("Fi&le d'envoi :"))
        queue_label.setBuddy(self.table)
        column.addWidget(
            self._group(
                self.tr("Serveur"), self.server, self._row(self.send_button), queue_label,
                self.table,
            )
        )  # fmt: skip
        column.addStretch(1)
        self.fill_with_scrolled(content, self.tr("État de la synchronisation"))

    def _connect(self) -> None:
        self.export_button.clicked.connect(self.choose_export_folder)
        self.send_button.clicked.connect(self.send_now)
        self.init_button.clicked.connect(self.setup.create_identity)
        self.registration_button.clicked.connect(self.setup.choose_registration_file)
        self.trust_button.clicked.connect(self.setup.choose_coordinator_identity)
        self.setup.answered.connect(self._say)
        self.setup.changed.connect(self.refresh)
        self.context.navigator.contacts_changed.connect(self._contacts_changed)
        self.context.navigator.directory_changed.connect(self._contacts_changed)

    def bind_sync_rounds(self, rounds: SyncRounds) -> None:
        """The window's background rounds: « Envoyer maintenant » runs one, and every round's
        outcome refreshes the screen."""
        self.rounds = rounds
        rounds.started.connect(lambda: self._show_busy(self.tr("Échange avec le serveur…")))
        rounds.progressed.connect(self._progressed)
        rounds.finished.connect(self._round_finished)
        rounds.failed.connect(self._round_failed)
        self._update_actions()

    # --- reading ------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def _contacts_changed(self) -> None:
        if self.isVisible():  # a hidden screen catches up in activate()
            self.refresh()

    def refresh(self) -> None:
        db, now = self.context.db, self.context.clock()
        if db is None:
            return

        def work(_task: TaskContext) -> summary.SyncState:
            return summary.read_state(db, now)

        self.context.runner.submit(
            work, Callbacks(on_result=self.show_state, on_error=self._read_failed)
        )

    def show_state(self, state: summary.SyncState) -> None:
        self.state = state
        readiness = summary.readiness_text(state)
        self.readiness.setText(readiness or "")
        # the registration file can always be shown and saved again (issue 12)
        self.readiness.setVisible(readiness is not None)
        self.pending.setText(summary.pending_text(state))
        self.last_export.setText(summary.export_text(state))
        self.acknowledgement.setText(summary.acknowledgement_text(state))
        self.directory.setText(summary.directory_text(state))
        self.directory_warning.setText(state.freshness.message or "")
        self.directory_warning.setVisible(bool(state.freshness.message))
        self.server.setText(summary.server_text(state))
        self.model.set_items(state.overview.queue, self._now_utc())
        self._update_actions()

    def _now_utc(self) -> datetime:
        return local(self.context.clock()).astimezone(UTC)  # a naive clock is the site's time

    def _update_actions(self) -> None:
        state = self.state
        overview = state.overview if state else None
        has_identity = overview is not None and overview.desk_id is not None
        ready = has_identity and overview is not None and overview.coordinator_trusted
        busy = self._busy
        self.init_button.setVisible(overview is not None and not has_identity)
        self.registration_button.setVisible(has_identity)
        self.trust_button.setVisible(overview is not None and not overview.coordinator_trusted)
        self.export_button.setEnabled(bool(ready) and not busy)
        configured = overview is not None and overview.endpoint_url is not None
        rounds_free = self.rounds is not None and not self.rounds.is_running
        self.send_button.setEnabled(bool(ready) and configured and rounds_free and not busy)

    def _read_failed(self, error: Exception) -> None:
        log.error("Reading the synchronisation state failed", exc_info=error)
        self._say(
            self.tr("L'état de la synchronisation n'a pas pu être lu. Réessayez dans un instant.")
        )

    # --- progress -----------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.set_message(text)
        self.message.setVisible(bool(text))  # no blank line at the top when there is nothing

    def _show_busy(self, label: str | None) -> None:
        self._busy = label is not None
        self.progress_row.setVisible(self._busy)
        self.progress.setRange(0, 0)  # busy until a real step arrives
        self.progress_label.setText(label or "")
        self._update_actions()

    def _progressed(self, label: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(label)

    # --- export to a stick --------------------------------------------------------------------

    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choisir la clé USB (ou le dossier) où écrire l'envoi"),
            str(last_folder(self.context.qsettings, "envoi")),
        )
        if folder:
            remember_folder(self.context.qsettings, "envoi", folder)
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        db = self.context.db
        if db is None:
            return

        def work(_task: TaskContext) -> ExportResult:
            from spro_desk.sync.transport import export_to_folder

            return export_to_folder(db, summary.data_dir(db), folder)

        self._show_busy(self.tr("Écriture de l'envoi dans {folder}…").format(folder=folder))
        self._say("")
        self.context.runner.submit(
            work, Callbacks(on_result=self._exported, on_error=self._export_failed)
        )

    def _exported(self, result: ExportResult) -> None:
        self._show_busy(None)
        self._say(
            self.tr(
                "Envoi n° {sequence} écrit et relu : {path}. Remettez la clé à votre coordination."
            ).format(sequence=result.sequence, path=result.path)
        )
        self.refresh()

    def _export_failed(self, error: Exception) -> None:
        from spro_desk.sync.bundle import ExportFolderError
        from spro_desk.sync.identity import IdentityError

        self._show_busy(None)
        if isinstance(error, IdentityError | ExportFolderError):  # said whole by the domain
            text = error_text(error)
        elif isinstance(error, OSError):
            text = self.tr(
                "L'envoi n'a pas pu être écrit ({reason}) : vérifiez que la clé est branchée, "
                "non protégée en écriture et pas pleine, puis recommencez."
            ).format(reason=file_error_reason(error))
        else:
            log.error("Exporting a bundle failed", exc_info=error)
            text = self.tr("L'export a échoué de façon inattendue ; rien n'a été perdu.")
        self._say(text)

    # --- the server ---------------------------------------------------------------------------

    def send_now(self) -> None:
        if self.rounds is not None and not self.rounds.run_now():
            self._say(self.tr("Un échange avec le serveur est déjà en cours."))

    def _round_finished(self, report: RoundReport | None) -> None:
        self._show_busy(None)
        if report is not None:
            self._say(self._round_message(report))
        self.refresh()

    def _round_message(self, report: RoundReport) -> str:
        if report.busy:
            return self.tr("Un autre échange était en cours : réessayez dans un instant.")
        sent = len(report.sent) + len(report.confirmed)
        if report.error:
            return self.tr("Échange interrompu : {error}").format(error=report.error)
        parts = [
            count_phrase(
                sent,
                self.tr("{n} envoi confirmé par le serveur."),
                self.tr("{n} envois confirmés par le serveur."),
            )
            if sent
            else self.tr("Rien de nouveau à envoyer.")
        ]
        parts += [f"{u['name']} : {u['error']}" for u in report.update_errors]
        parts += [f"{f['name']} : {f['error']}" for f in report.failed]
        return " ".join(parts)

    def _round_failed(self, message: str) -> None:
        self._show_busy(None)
        self._say(message)
        self.refresh()
