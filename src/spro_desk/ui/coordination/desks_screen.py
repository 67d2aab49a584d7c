"""« Postes »: the registered desks, the late ones first; register a desk, revoke one."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMessageBox,
    QSpinBox,
    QTableView,
    QToolBar,
    QWidget,
)

from spro_desk.agents.coordination_roles import CoordinationDenied
from spro_desk.directory.networks import network_label
from spro_desk.storage.coordination_tables import RegisteredDesk
from spro_desk.sync.completeness import completeness
from spro_desk.sync.coordinator import BundleRefused, register_desk, revoke_desk
from spro_desk.sync.coordinator_views import (
    LATE_AFTER_DAYS_RANGE,
    DeskOverview,
    desk_overview,
    late_after_days,
    set_late_after_days,
)
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.common.confirm import button_named, open_destructive_question
from spro_desk.ui.common.formatting import count_phrase, one_line
from spro_desk.ui.common.widgets import action_bar, plain_label, table_screen_layout
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.models import DeskColumn, DeskModel
from spro_desk.ui.coordination.tables import selected_row, sorted_table
from spro_desk.ui.coordination.week_matrix import WeekMatrix

log = logging.getLogger(__name__)

_COLUMN_WIDTHS = {
    DeskColumn.SITE: 280,
    DeskColumn.RESEAU: 150,
    DeskColumn.COMMUNE: 130,
    DeskColumn.ENREGISTRE: 140,
    DeskColumn.DERNIER_ENVOI: 190,
    DeskColumn.SILENCE: 140,
}


class DesksScreen(CoordinatorScreen):
    name = "postes"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = DeskModel(context.commune_name, self)
        self.table = self._make_table()
        self.late_after = self._make_late_after()
        self.summary = plain_label("", self.tr("Résumé des postes"))
        self.message = plain_label("", self.tr("Message de l'écran Postes"))
        self.register_action = self._make_register()
        self.revoke_action = self._make_revoke()
        self.toolbar = self._make_toolbar()
        self.matrix = WeekMatrix(self)  # issue 12: completeness at a glance
        self.confirmation: QMessageBox | None = None
        self._layout()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.late_after.valueChanged.connect(self._late_after_changed)
        self._update_actions()

    def title(self) -> str:
        return self.tr("Postes")

    def menu_actions(self) -> list[QAction]:
        return [self.register_action, self.revoke_action]

    # --- construction -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = sorted_table(
            self.model,
            self.tr("Postes enregistrés"),
            self.tr(
                "Les postes en retard d'abord ; cliquez un en-tête pour trier. "
                "Suppr révoque le poste choisi, après confirmation."
            ),
            _COLUMN_WIDTHS,
            (DeskColumn.ETAT, Qt.SortOrder.AscendingOrder),
        )
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    def _make_late_after(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*LATE_AFTER_DAYS_RANGE)
        spin.setSuffix(self.tr(" jours"))
        spin.setValue(late_after_days(self.context.db))
        spin.setAccessibleName(self.tr("En retard après"))  # the label's words (WCAG 2.5.3)
        spin.setAccessibleDescription(
            self.tr("Un poste actif sans envoi depuis plus de ce nombre de jours est en retard.")
        )
        return spin

    def _make_register(self) -> QAction:
        action = QAction(self.tr("&Enregistrer un poste…"), self)
        action.setShortcut(QKeySequence("Ctrl+E"))
        action.setToolTip(
            self.tr("Importer le fichier d'enregistrement d'un poste (spro-desk desk registration)")
        )
        action.triggered.connect(self.choose_registration)
        return action

    def _make_revoke(self) -> QAction:
        action = QAction(self.tr("&Révoquer…"), self)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Only while the table has focus: Suppr typed elsewhere stays Suppr.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(
            self.tr("Refuser désormais les envois du poste choisi (poste perdu ou volé)")
        )
        action.triggered.connect(self.request_revoke)
        self.table.addAction(action)
        return action

    def _make_toolbar(self) -> QToolBar:
        actions = (self.register_action, self.revoke_action)
        return action_bar(self.tr("Actions sur les postes"), actions)

    def _layout(self) -> None:
        below = (self.table, self.toolbar, self.matrix, self.message)
        table_screen_layout(
            self, self.tr("En re&tard après :"), self.late_after, self.summary, below
        )

    # --- reading ------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        kept = self.selected_desk()
        now = self.context.clock()
        self.model.set_rows(desk_overview(self.context.db, now, self.late_after.value()))
        self.matrix.fill(completeness(self.context.db, now))
        self._show_summary()
        self._reselect(kept.desk_id if kept else None)

    def _show_summary(self) -> None:
        total = self.model.rowCount()
        if total == 0:
            self.summary.setText(
                self.tr(
                    "Aucun poste enregistré : « Enregistrer un poste… » importe le fichier "
                    "qu'un site produit avec « spro-desk desk registration »."
                )
            )
            return
        desks = count_phrase(
            total, self.tr("{n} poste enregistré"), self.tr("{n} postes enregistrés")
        )
        late = count_phrase(
            self.model.late_count(), self.tr("{n} en retard"), self.tr("{n} en retard")
        )
        revoked = count_phrase(
            self.model.revoked_count(), self.tr("{n} révoqué"), self.tr("{n} révoqués")
        )
        self.summary.setText(
            self.tr("{desks} : {late}, {revoked}.").format(desks=desks, late=late, revoked=revoked)
        )

    def selected_desk(self) -> DeskOverview | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def select_desk(self, desk_id: str) -> bool:
        row = self.model.row_of(desk_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _reselect(self, desk_id: str | None) -> None:
        if not (desk_id and self.select_desk(desk_id)) and self.model.rowCount():
            self.table.selectRow(0)
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        desk = self.selected_desk()
        self.revoke_action.setEnabled(desk is not None and not desk.revoked)

    def _late_after_changed(self, days: int) -> None:
        self.refresh()
        db = self.context.db
        self.context.runner.submit(
            lambda _task: set_late_after_days(db, days), Callbacks(on_error=self._failed)
        )

    # --- registering --------------------------------------------------------------------------

    def choose_registration(self) -> None:
        selected, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Enregistrer un poste"),
            str(Path.home()),
            self.tr("Enregistrement de poste (*.json);;Tous les fichiers (*)"),
        )
        if selected:
            self.register(Path(selected))

    def register(self, path: Path) -> None:
        known = {desk.desk_id for desk in self.model.rows()}
        db = self.context.db

        def work(_task: TaskContext) -> RegisteredDesk:
            return register_desk(db, path)

        self.context.runner.submit(work, Callbacks(
            on_result=lambda desk: self._registered(desk, desk.desk_id in known),
            on_error=self._failed,
        ))  # fmt: skip

    def _registered(self, desk: RegisteredDesk, already: bool) -> None:
        site = one_line(desk.site_nom)
        text = (
            self.tr("Le poste « {site} » était déjà enregistré : rien n'a changé.")
            if already
            else self.tr(
                "Poste « {site} » enregistré. Ses envois seront acceptés dès qu'il aura "
                "importé l'identité de la coordination."
            )
        ).format(site=site)
        self._tell(text)
        self.context.navigator.data_changed.emit()
        self.select_desk(desk.desk_id)

    # --- revoking -----------------------------------------------------------------------------

    def request_revoke(self) -> None:
        """Ask first, naming the desk: revoking cannot be undone from here."""
        desk = self.selected_desk()
        if desk is None or desk.revoked:
            self._tell(self.tr("Choisissez d'abord un poste actif dans la liste."))
            return
        self.confirmation = open_destructive_question(
            self,
            self.tr("Révoquer un poste"),
            self._revoke_question(desk),
            self.tr("&Révoquer ce poste"),
            partial(self._answered, desk_id=desk.desk_id),
            self._confirmation_closed,
        )

    def _revoke_question(self, desk: DeskOverview) -> str:
        return self.tr(
            "Révoquer le poste « {site} » ({reseau}, {commune}) ?\n\n"
            "Ses envois seront refusés à partir de maintenant ; ce qui a déjà été reçu est "
            "conservé. À faire seulement pour un poste perdu, volé ou remplacé : pour "
            "l'accepter à nouveau, le site devra créer une nouvelle identité et se faire "
            "enregistrer.\n\n"
            "Identifiant du poste : {id}"
        ).format(
            site=one_line(desk.site_nom),
            reseau=network_label(desk.reseau),
            commune=one_line(self.context.commune_name(desk.commune)),
            id=desk.desk_id,
        )

    def _confirmation_closed(self) -> None:
        self.confirmation = None

    def _answered(self, go_ahead: bool, desk_id: str) -> None:
        if not go_ahead:
            self._tell(self.tr("Révocation abandonnée : le poste reste actif."))
            return
        db = self.context.db

        def work(_task: TaskContext) -> RegisteredDesk:
            return revoke_desk(db, desk_id)

        self.context.runner.submit(work, Callbacks(on_result=self._revoked, on_error=self._failed))

    def _revoked(self, desk: RegisteredDesk) -> None:
        self._tell(
            self.tr("Poste « {site} » révoqué : ses prochains envois seront refusés.").format(
                site=one_line(desk.site_nom)
            )
        )
        self.context.navigator.data_changed.emit()
        self.select_desk(desk.desk_id)

    # --- telling ------------------------------------------------------------------------------

    def _tell(self, text: str) -> None:
        self.message.setText(text)
        self.context.navigator.message.emit(text)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, BundleRefused | CoordinationDenied):
            text = str(error)
        else:
            log.error("A desk operation failed", exc_info=error)
            text = self.tr("L'opération n'a pas abouti ({error}) : rien n'a été modifié.").format(
                error=type(error).__name__
            )
        self._tell(text)

    def confirmation_button(self, text: str) -> QAbstractButton | None:
        """The button of the open confirmation whose text is `text` (tests, screenshots)."""
        return button_named(self.confirmation, text)
