"""The « Suivi » screen: what became of each referral, the overdue rendez-vous first; one key
records an outcome."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QTableView,
    QToolBar,
    QWidget,
)

from spro_desk.contacts.follow_up import FollowUpItem, follow_up, is_overdue
from spro_desk.contacts.model import ContactError
from spro_desk.contacts.service import (
    ReferralView,
    StatusChangeNeedsConfirmation,
    as_aware,
    check_status_change,
)
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.background import Callbacks, TaskContext
from spro_desk.ui.common.confirm import Confirm, ask
from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.errors import error_text
from spro_desk.ui.common.formatting import count_phrase, one_line
from spro_desk.ui.common.labels import (
    referral_status_label,
    referral_status_labels,
    referral_type_labels,
)
from spro_desk.ui.common.screen import Screen
from spro_desk.ui.common.widgets import (
    FittedColumns,
    action_bar,
    plain_label,
    setup_row_table,
    table_screen_layout,
)
from spro_desk.ui.suivi.call_card import CallCard, call_question
from spro_desk.ui.suivi.follow_up_model import FollowUpColumn, FollowUpModel

log = logging.getLogger(__name__)

# A screen left open: a rendez-vous whose time passes becomes late within this time.
CLOCK_TICK_MS = 60_000

# One key per outcome, on the selected row: the agent calls the partner and types the answer.
STATUS_KEYS = (
    ("honore", "H"),
    ("non-honore", "N"),
    ("annule", "A"),
    ("rdv-pris", "R"),
    ("propose", "P"),
)
_COLUMN_WIDTHS = {
    FollowUpColumn.DATE_CONTACT: 130,
    FollowUpColumn.STRUCTURE: 200,
    FollowUpColumn.SERVICE: 240,
    FollowUpColumn.TYPE: 100,  # widened to its longest label (_type_width)
    FollowUpColumn.RENDEZ_VOUS: 130,
}
# Of « Statut » kept in view (« En retard · Rendez-vous pris »); the names take the rest.
_STATUS_CHARS = 32


class SuiviScreen(Screen):
    name = "suivi"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = FollowUpModel(self)
        self.filter = self._make_filter()
        self.table = self._make_table()
        self.summary = plain_label("", self.tr("Résumé du suivi"))
        self.message = StatusLabel()
        self.call_card = CallCard()
        self.confirm: Confirm = ask
        self.status_actions = {code: self._status_action(code, key) for code, key in STATUS_KEYS}
        self.undo_action = self._make_undo()
        self.erase_action = self._make_erase()
        self.toolbar = self._make_toolbar()
        self._undo: tuple[str, str] | None = None
        self._layout()
        self.filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._show_call)
        self.model.modelReset.connect(self._show_call)  # a reset selects nothing, silently
        self.call_card.call_list_toggled.connect(self._call_list_toggled)
        self.call_card.erase_requested.connect(self.erase_person)
        context.navigator.contacts_changed.connect(self._contacts_changed)
        self._update_actions()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_TICK_MS)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()

    def title(self) -> str:
        return self.tr("Suivi")

    # --- construction -------------------------------------------------------------------------

    def _make_filter(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Tous les statuts"), None)
        for code, label in referral_status_labels().items():
            combo.addItem(label, code)
        combo.setAccessibleName(self.tr("Filtrer par statut"))
        combo.setAccessibleDescription(self.tr("Les rendez-vous en retard restent en tête."))
        return combo

    def _make_table(self) -> QTableView:
        table = QTableView()
        widths = {**_COLUMN_WIDTHS, FollowUpColumn.TYPE: _type_width(table)}
        setup_row_table(
            table,
            self.model,
            self.tr("Orientations à suivre"),
            self.tr(
                "En retard d'abord. Sur la ligne choisie : H honoré, N non honoré, A annulé, "
                "R rendez-vous pris, P proposé ; Ctrl+Z annule le dernier changement."
            ),
            widths,
        )
        self.fitted_columns = FittedColumns(
            table, widths, _STATUS_CHARS, grow=(FollowUpColumn.STRUCTURE, FollowUpColumn.SERVICE)
        )
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    def _status_action(self, code: str, key: str) -> QAction:
        label = referral_status_label(code)
        action = QAction(self.tr("{label} ({key})").format(label=label, key=key), self)
        action.setShortcut(QKeySequence(key))
        # Only while the table has focus: a letter typed elsewhere stays a letter.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(
            self.tr("Marquer l'orientation choisie « {label} » (touche {key})").format(
                label=label, key=key
            )
        )
        action.triggered.connect(lambda _checked=False, c=code: self.set_status(c))
        self.table.addAction(action)
        return action

    def _make_undo(self) -> QAction:
        action = QAction(self.tr("Annuler (Ctrl+Z)"), self)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(
            self.tr("Remettre le statut précédent de la dernière orientation modifiée")
        )
        action.triggered.connect(self.undo)
        self.addAction(action)
        self.table.addAction(action)
        return action

    def _make_erase(self) -> QAction:
        action = QAction(self.tr("Effacer les données de cette personne"), self)
        action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))  # as in Accueil
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.erase_person)
        self.addAction(action)
        return action

    def _make_toolbar(self) -> QToolBar:
        actions = [*self.status_actions.values(), self.undo_action]
        return action_bar(self.tr("Changer le statut de l'orientation choisie"), actions)

    def _layout(self) -> None:
        below = (self.table, self.toolbar, self.message, self.call_card)
        table_screen_layout(self, self.tr("&Statut :"), self.filter, self.summary, below)

    # --- reading ------------------------------------------------------------------------------

    def activate(self) -> None:
        self._call_list_right()
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        self.clock_timer.stop()

    def _tick(self) -> None:
        """Reloaded when a rendez-vous listed has become late meanwhile (the order and the
        summary follow), and only then: the agent's place in the list is kept."""
        if not self.isVisible():
            return
        now = as_aware(self.context.clock())
        if any(is_overdue(item.referral, now) != item.overdue for item in self.model.rows()):
            self.refresh()

    def refresh(self) -> None:
        """Reload, keeping the selected referral selected even when its row moved."""
        kept = self.selected_item()
        code = self.filter.currentData()
        to_call = self.call_card.call_list.isChecked()
        items = follow_up(
            self.context.database,
            [code] if code else None,
            now=self.context.clock(),
            to_call=to_call,
        )
        self.model.set_items(items)
        self._show_summary()
        self._reselect(kept.referral.id if kept else None)

    def _reselect(self, referral_id: str | None) -> None:
        row = self.model.row_of(referral_id) if referral_id else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    def _show_summary(self) -> None:
        total, late = self.model.rowCount(), self.model.overdue_count()
        if total == 0 and self.call_card.call_list.isChecked():
            text = self.tr("Personne à rappeler.")
        elif total == 0:
            text = self.tr("Aucune orientation avec ce statut.")
        else:
            count = count_phrase(total, self.tr("{n} orientation"), self.tr("{n} orientations"))
            text = (
                self.tr("{count}, dont {late} rendez-vous en retard (sans résultat noté).")
                if late
                else self.tr("{count}, aucune en retard.")
            ).format(count=count, late=late)
        self.summary.setText(text)

    def selected_item(self) -> FollowUpItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _update_actions(self, *_args: object) -> None:
        item = self.selected_item()
        for code, action in self.status_actions.items():
            possible = item is not None and item.referral.statut != code
            if code == "rdv-pris" and item is not None and item.referral.type != "rendez-vous":
                possible = False  # an information has no rendez-vous to be taken
            action.setEnabled(possible)
        self.undo_action.setEnabled(self._undo is not None)

    # --- the call list ------------------------------------------------------------------------

    def _call_list_right(self) -> None:
        """The call list for the agent signed in: greyed out when her role may not see."""
        from spro_desk.agents.roles import Permission, can
        from spro_desk.agents.sessions import desk_session
        from spro_desk.ui.common.agents_dialog import role_label

        agent = desk_session(self.context.database).agent
        if agent is None:  # nobody signed in yet: the domain answers on the toggle
            self.call_card.allow(True, "")
            return
        self.call_card.allow(
            can(agent.role, Permission.VIEW_PERSONAL),
            role_label(agent.role),
            can(agent.role, Permission.ERASE_PERSONAL),
        )

    def _call_list_toggled(self, _on: bool) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_call(self, *_args: object) -> None:
        """In the call list, the selected person's name and phone (an access, logged)."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.security.keys import PersonalDataLocked

        item = self.selected_item()
        if item is None or not self.call_card.call_list.isChecked():
            self.call_card.clear()
            return
        person = None
        if item.has_personal_data:
            try:
                person = self.context.contacts.personal_data(item.referral.contact_id)
            except (AccessDenied, PersonalDataLocked) as error:
                self.message.set_message(str(error))
        self.call_card.show_call(person, call_question(item, self.context.clock()))

    def erase_person(self) -> None:
        """The person called back withdraws her consent: erased at once, after a question
        that names nobody (a colleague may be looking); she leaves the call list."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.privacy.erasure import erase_person

        item = self.selected_item()
        if item is None or not self.call_card.erase_button.isEnabled():
            return
        question = self.tr(
            "Effacer les données personnelles de cette personne ? Son nom, son téléphone, son "
            "courriel et la note sont effacés définitivement ; l'orientation reste suivie, "
            "sans identité."
        )
        title = self.tr("Effacer les données de cette personne")
        if not self.confirm(self, title, question, self.tr("Effacer définitivement"), False):
            return
        try:
            erase_person(self.context.database, item.referral.contact_id)
        except AccessDenied as error:
            self.message.set_message(str(error))
            return
        self.call_card.clear()
        self.message.set_message(
            self.tr("Données personnelles effacées ; l'orientation reste suivie.")
        )
        self.context.navigator.contacts_changed.emit()  # Accueil's panel too

    def hide_personal_data(self) -> None:
        """The desk locks: no name or phone stays on screen (ui/lock/guard.py)."""
        self.call_card.clear()

    def restore_personal_data(self) -> None:
        if self.context.ready:  # another agent may have unlocked: her rights
            self._call_list_right()  # (a coordinator's call list goes off)
        self._show_call()

    def _contacts_changed(self) -> None:
        # A hidden screen catches up in activate(); no query for a tab nobody looks at.
        if self.isVisible():
            self.refresh()

    # --- changing -----------------------------------------------------------------------------

    def set_status(self, statut: str) -> None:
        item = self.selected_item()
        if item is None:
            self.message.set_message(self.tr("Sélectionnez d'abord une orientation dans la liste."))
            return
        if item.referral.statut == statut:
            return
        confirmed = False
        try:
            check_status_change(item.referral.type, item.referral.statut, statut, False)
        except StatusChangeNeedsConfirmation as reason:
            title = self.tr("Rouvrir une orientation")
            go = self.tr("Remettre « {label} »").format(label=referral_status_label(statut))
            question = f"{error_text(reason)}\n\n" + self.tr("Continuer ?")
            if not self.confirm(self, title, question, go, True):
                return
            confirmed = True
        except ContactError as error:
            self.message.set_message(error_text(error))
            return
        self._change(item.referral.id, statut, previous=item.referral.statut, confirmed=confirmed)

    def undo(self) -> None:
        if self._undo is not None:
            referral_id, previous = self._undo
            self._undo = None
            # Ctrl+Z puts back what the agent just changed: no question to ask.
            self._change(referral_id, previous, previous=None, confirmed=True)

    def _change(
        self, referral_id: str, statut: str, previous: str | None, confirmed: bool = False
    ) -> None:
        contacts = self.context.contacts

        def work(_task: TaskContext) -> ReferralView:
            return contacts.set_referral_status(referral_id, statut, confirmed=confirmed)

        self.context.runner.submit(work, Callbacks(
            on_result=lambda view: self._changed(view, previous), on_error=self._failed,
        ))  # fmt: skip

    def _changed(self, view: ReferralView, previous: str | None) -> None:
        self._undo = (view.id, previous) if previous is not None else None
        label = referral_status_label(view.statut)
        text = self.tr("{structure} : « {label} » enregistré.").format(
            structure=one_line(view.structure_nom), label=label
        )
        if previous is not None:
            text += " " + self.tr("Ctrl+Z remet « {previous} ».").format(
                previous=referral_status_label(previous)
            )
        self.message.set_message(text)
        # The whole desk hears it (Tableau de bord, Accueil) and this screen refreshes with it.
        self.context.navigator.contacts_changed.emit()
        self._reselect(view.id)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ContactError):
            text = error_text(error)
        else:
            log.error("Changing a referral status failed", exc_info=error)
            text = self.tr("Le statut n'a pas pu être enregistré. Réessayez dans un instant.")
        self.message.set_message(text)


def _type_width(table: QTableView) -> int:
    """« Information (adresse remise) » whole: there are only two types."""
    longest = max(
        table.fontMetrics().horizontalAdvance(label) for label in referral_type_labels().values()
    )
    return longest + 4 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 4
