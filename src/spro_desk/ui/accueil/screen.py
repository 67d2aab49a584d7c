"""The « Accueil » screen: record a contact from the keyboard, correct or delete today's ones."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from spro_desk.contacts.model import ContactError, ContactInput, PersonalDataInput
from spro_desk.storage.errors import StorageError
from spro_desk.ui.accueil import defaults
from spro_desk.ui.accueil.draft import DraftKeeper
from spro_desk.ui.accueil.form import ContactForm, local_wall_time
from spro_desk.ui.accueil.personal_panel import PersonalDataKeeper, PersonalPanel
from spro_desk.ui.accueil.today import TodayColumn, cell_text
from spro_desk.ui.accueil.today_panel import TodayPanel
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.busy import BusyCursor
from spro_desk.ui.common.commune_field import commune_label
from spro_desk.ui.common.confirm import Confirm, ask
from spro_desk.ui.common.context import DeskContext, OrientationRequest
from spro_desk.ui.common.errors import error_text
from spro_desk.ui.common.keyboard import keyboard_splitter
from spro_desk.ui.common.screen import Screen
from spro_desk.ui.common.widgets import scroll_area
from spro_desk.vocab import is_need

if TYPE_CHECKING:  # the service (SQLAlchemy) loads after the window is shown
    from spro_desk.contacts.service import ContactView

SPLITTER_KEY = "accueil/splitter"
# « Date et heure » follows the clock while nobody edits it: a walk-in recorded at 09:50 must
# not show 09:46, the time the form was last reset.
CLOCK_TICK_MS = 10_000
TODAY_WIDTH = 440


def frequent_needs(value: object) -> tuple[str, ...]:
    """The desk's own list of one-key needs when it set a valid one, the default list otherwise."""
    chosen = [value] if isinstance(value, str) else value
    if isinstance(chosen, list):
        needs = tuple(code for code in chosen if isinstance(code, str) and is_need(code))
        if needs:
            return needs
    return defaults.FREQUENT_NEEDS


class AccueilScreen(Screen):
    name = "accueil"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        stored = context.qsettings.value(defaults.FREQUENT_NEEDS_KEY)
        self.form = ContactForm(lambda: context.geo, frequent_needs(stored))
        self.today = TodayPanel()
        self.personal = PersonalPanel()
        self.record_button = QPushButton()
        self.orient_button = QPushButton(self.tr("Orienter (Ctrl+O)"))
        self.cancel_edit_button = QPushButton(self.tr("Abandonner la modification"))
        self.feedback = StatusLabel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        keyboard_splitter(self.splitter)  # Ctrl+Alt+Left/Right
        self.confirm: Confirm = ask
        self._editing: ContactView | None = None
        self._deleted: list[str] = []  # most recent last, for Ctrl+Z
        # Enregistrer or Orienter pressed while the database layer was still loading: done
        # as soon as it is ready (or the desk unlocked), never lost nor refused.
        self._waiting: Callable[[], object] | None = None
        self._locked = False
        self._listed_day: date | None = None  # the day « Aujourd'hui » lists
        # The id the contact being typed will have: kept in the draft, so that a contact saved
        # just before a crash is not recorded again from the draft restored.
        self._new_id = str(uuid.uuid4())
        self._restored_id: str | None = None  # a draft's, until the database says if it is in
        self._busy = BusyCursor()
        self._build_actions()
        self._layout()
        self._describe()
        self.draft = DraftKeeper(context.qsettings, self._draft_state, self)
        self._connect()
        self.personal_data = PersonalDataKeeper(self)
        left_over = self.draft.pending()  # read before the blank form below clears it
        self._new_contact()
        self._restore_draft(left_over)
        self.draft.start()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_TICK_MS)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()

    def title(self) -> str:
        return self.tr("Accueil")

    # --- construction -------------------------------------------------------------------------

    def _action(self, text: str, shortcuts: list[QKeySequence]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        # Only while the focus is on this screen: other tabs may use the same keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.record_action = self._action(
            self.tr("Enregistrer le contact"),
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"), QKeySequence("Ctrl+S")],
        )
        self.orient_action = self._action(
            self.tr("Enregistrer et orienter"), [QKeySequence("Ctrl+O")]
        )
        self.undo_action = self._action(
            self.tr("Rétablir le dernier contact supprimé"), [QKeySequence("Ctrl+Z")]
        )
        self.undo_action.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event first: the attributes are gone while the collector destroys the screen.
        if event.type() == QEvent.Type.Resize and watched is self.form_area.viewport():
            self.form.fit_width(self.form_area.viewport().width())
        return super().eventFilter(watched, event)

    def _layout(self) -> None:
        scroll = scroll_area()
        self.form_area = scroll
        scroll.viewport().installEventFilter(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Frameless, it could not show its focus: Tab goes straight to the form's fields.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(self.tr("Formulaire du contact"))
        buttons = QHBoxLayout()
        for button in (self.record_button, self.orient_button, self.cancel_edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        column.addWidget(self.feedback)
        self.splitter.addWidget(left)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.today, 1)
        side.addWidget(self.personal)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self._restore_splitter()
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        chain = [
            self.form.last_field(),
            self.record_button,
            self.orient_button,
            self.cancel_edit_button,
            self.today.table,
            self.today.edit_button,
            self.today.delete_button,
            self.today.undo_bar.undo_button,
            self.personal.show_button,
            self.personal.erase_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _restore_splitter(self) -> None:
        state = self.context.qsettings.value(SPLITTER_KEY)
        if not isinstance(state, QByteArray) or not self.splitter.restoreState(state):
            # The whole form visible first; the list takes what is left.
            self.splitter.setSizes([self.form.sizeHint().width(), TODAY_WIDTH])

    def _describe(self) -> None:
        self.orient_button.setAccessibleName(self.tr("Enregistrer et orienter"))
        self.orient_button.setAccessibleDescription(
            self.tr("Enregistre le contact puis cherche les structures adaptées à la personne.")
        )
        self.cancel_edit_button.setAccessibleName(self.tr("Abandonner la modification"))
        self.cancel_edit_button.setAccessibleDescription(
            self.tr("Laisse le contact tel qu'il était et vide le formulaire.")
        )

    def _connect(self) -> None:
        self.record_action.triggered.connect(self.record)
        self.record_button.clicked.connect(self.record)
        self.orient_action.triggered.connect(self.orient)
        self.orient_button.clicked.connect(self.orient)
        self.undo_action.triggered.connect(self.undo_delete)
        self.today.undo_bar.undo_requested.connect(self.undo_delete)
        self.cancel_edit_button.clicked.connect(self._abandon_edit)
        self.today.edit_requested.connect(self.edit)
        self.today.delete_requested.connect(self.delete)
        self.context.navigator.contacts_changed.connect(self.refresh_today)
        # The form is usable before the database is open; today's list fills in when it is.
        self.context.navigator.database_ready.connect(self.refresh_today)
        self.context.navigator.database_ready.connect(self.refresh_catchment)
        self.context.navigator.database_ready.connect(self._do_waiting)
        self.context.navigator.database_ready.connect(self._drop_draft_already_recorded)

    # --- screen lifetime ----------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh_today()
        self.refresh_catchment()
        self.form.set_permanences(self.context.site.get("site.permanences"))
        if self._editing is None and not self.form.has_changes():
            self.form.reset(self._default_canal(), self.context.clock())
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _tick(self) -> None:
        now = self.context.clock()
        if self._editing is None and not self.form.when.hasFocus():
            self.form.follow_clock(now)
        if self._listed_day is not None and now.date() != self._listed_day:
            self.refresh_today()  # a desk left open past midnight: yesterday is not today

    def shutdown(self) -> None:
        self._waiting = None  # the form's content stays in the draft below
        self._busy.show(False)
        self.clock_timer.stop()
        self.draft.save()
        self.draft.stop()
        self.today.undo_bar.dismiss()
        self.context.qsettings.setValue(SPLITTER_KEY, self.splitter.saveState())

    def hide_personal_data(self) -> None:
        """The desk locks: no personal data may stay in a widget (ui/lock/guard.py)."""
        self._locked = True
        self._busy.show(False)  # a save waiting for the database waits for the unlock too
        self.personal_data.hide()

    def restore_personal_data(self) -> None:
        self._locked = False
        self.personal_data.restore()
        self._do_waiting()

    # --- pressed before the database layer was ready ---------------------------------------

    def _wait_for_database(self, then: Callable[[], object]) -> None:
        """The agent sees the desk is busy and why; `then` runs once the database is ready."""
        self._busy.show(True)
        self._waiting = then  # pressed twice: recorded once
        self.show_message(
            self.tr(
                "Ouverture de la base… Le contact sera enregistré dès qu'elle est prête, "
                "votre saisie est conservée."
            )
        )

    def _do_waiting(self) -> None:
        if self._waiting is None or not self.context.ready or self._locked:
            return
        then, self._waiting = self._waiting, None
        self._busy.show(False)
        then()

    def refresh_catchment(self) -> None:
        """The communes the completer offers first; read once the database (and the
        geography) are open, never before the first paint."""
        if not self.context.ready:
            return
        from spro_desk.site.catchment import catchment_communes

        self.form.commune.prefer = catchment_communes(self.context.site.get, self.context.geo)

    def refresh_today(self) -> None:
        if not self.context.ready:
            return
        selected = self.today.current_id()
        self._listed_day = self.context.clock().date()
        midnight = datetime.combine(self._listed_day, time.min)
        self.today.model.set_contacts(self.context.contacts.list(since=midnight))
        if selected:
            self.today.select(selected)

    # --- recording ----------------------------------------------------------------------------

    def _default_canal(self) -> str:
        return str(self.context.site.get("site.canal_defaut") or "accueil-physique")

    def _draft_state(self) -> dict[str, object] | None:
        """A new contact being typed; corrections of recorded contacts are not drafts."""
        if self._editing is not None or not self.form.has_changes():
            return None
        return {**self.form.anonymous_state(), "id": self._new_id}

    def _restore_draft(self, state: dict[str, object] | None) -> None:
        if state is None:
            return
        self.form.restore_state(state)
        if isinstance(state.get("id"), str):
            self._new_id = self._restored_id = str(state["id"])
        self.feedback.set_message(
            self.tr(
                "Saisie en cours retrouvée : SPRO Desk s'était fermé avant son enregistrement. "
                "Vérifiez-la puis enregistrez (les coordonnées personnelles ne sont jamais "
                "conservées hors de la base)."
            )
        )
        self._drop_draft_already_recorded()

    def _drop_draft_already_recorded(self) -> None:
        """A draft whose contact is in the database was saved: the desk stopped between the
        save and the blank form. The form is blanked, and the agent told."""
        if self._restored_id is None or not self.context.ready:
            return
        restored, self._restored_id = self._restored_id, None
        if self._editing is not None or not self.context.contacts.exists(restored):
            return
        self._new_contact()
        self.feedback.set_message(
            self.tr(
                "Le contact en cours avait bien été enregistré avant la fermeture de SPRO "
                "Desk : il est dans « Aujourd'hui »."
            )
        )

    def _new_contact(self) -> None:
        self.draft.clear()
        self._new_id = str(uuid.uuid4())
        self.personal_data.forget_draft()
        self._editing = None
        self.form.reset(self._default_canal(), self.context.clock())
        self.record_button.setText(self.tr("Enregistrer (Ctrl+Entrée)"))
        self.record_button.setAccessibleName(self.tr("Enregistrer le contact"))
        self.cancel_edit_button.hide()
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _input(self) -> ContactInput | None:
        self.form.commune.settle()
        if self.form.statut.code() is None:
            self.show_error(self.tr("Choisissez le statut de la personne (une touche suffit)."))
            self.form.statut.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        site = self.context.site
        from spro_desk.agents.sessions import desk_session

        logged_in = desk_session(self.context.database).agent  # else the name set in Paramètres
        data = self.form.contact_input(
            now=self.context.clock(),
            agent=logged_in.nom if logged_in else site.get("agent.courant") or None,
            site=site.get("site.nom") or None,
        )
        return data if self._editing is not None else replace(data, id=self._new_id)

    def _store(self, data: ContactInput) -> str | None:
        """Record or update through the domain; on refusal the form keeps everything typed."""
        from spro_desk.agents.roles import Permission
        from spro_desk.agents.sessions import AccessDenied, require
        from spro_desk.contacts.model import checked_personal

        service = self.context.contacts
        try:
            if self._editing is None:
                return service.record(data)
            personal = self.form.personal_changed()
            if personal is not None:  # a bad phone or a refusal changes nothing at all
                checked_personal(personal)
                require(self.context.database, Permission.VIEW_PERSONAL)
            service.update(self._editing.id, data, personal)  # both, or neither
            return self._editing.id
        except (ContactError, AccessDenied) as error:
            self.show_error(self.tr("Contact non enregistré : %s") % error_text(error))
            return None
        except StorageError as error:  # disk full, read-only, failing: the form keeps it all
            self.draft.save()
            self.show_error(self.tr("Contact non enregistré : %s") % error_text(error))
            return None

    def _save(self) -> tuple[str, ContactInput] | None:
        if not self.context.ready:
            self._wait_for_database(self.save)
            return None
        data = self._input()
        if data is None:
            return None
        updating = self._editing is not None
        contact_id = self._store(data)
        if contact_id is None:
            return None
        when = local_wall_time(data.occurred_at or self.context.clock()).strftime("%H:%M")
        if updating:
            message = self.tr("Contact de %s modifié.") % when
        else:
            message = self.tr("Contact enregistré à %s.") % when
        self.show_message(message + self._commune_note(data.commune))
        self._new_contact()
        self.context.navigator.contacts_changed.emit()
        # Selected in « Aujourd'hui »: Ctrl+O now orients the person just recorded.
        self.today.select(contact_id)
        return contact_id, data

    def _commune_note(self, code: str | None) -> str:
        """Names the commune taken for a name typed but not picked: the agent can check it."""
        commune = self.context.geo.commune(code) if code else None
        return " " + self.tr("Commune : %s.") % commune_label(commune) if commune else ""

    def save(self) -> str | None:
        """Record the form (or the correction); the id, or None when nothing was stored."""
        saved = self._save()
        return saved[0] if saved else None

    def record(self) -> None:
        if not self.context.ready:
            self._wait_for_database(self.record)
            return
        self.save()

    def orient(self) -> None:
        """Record, then hand the person's situation over to the Orientation screen; with the
        focus on « Aujourd'hui » (or a blank form), the contact selected there is oriented."""
        if not self.context.ready:
            self._wait_for_database(self.orient)
            return
        selected = self._selected_for_orientation()
        if selected is not None:
            self.context.navigator.orientation_requested.emit(selected)
            return
        saved = self._save()
        if saved is None:
            return
        contact_id, data = saved
        request = OrientationRequest(
            contact_id=contact_id,
            commune=data.commune,
            statut=data.statut,
            tranche_age=data.tranche_age,
            handicap=data.handicap is True,
            besoins=data.besoins,
        )
        self.context.navigator.orientation_requested.emit(request)

    def _selected_for_orientation(self) -> OrientationRequest | None:
        contact_id = self.today.current_id()
        in_list = self.today.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        if contact_id is None or self._editing is not None:
            return None
        if not in_list and self.form.has_changes():
            return None  # the person being typed is the one to orient
        row = self.today.model.row_of(contact_id)
        if row is None:
            return None
        contact = self.today.model.contact(row)
        return OrientationRequest(
            contact_id=contact.id,
            commune=contact.commune,
            statut=contact.statut,
            tranche_age=contact.tranche_age,
            handicap=contact.handicap is True,
            besoins=tuple(contact.besoins),
        )

    # --- today's contacts ---------------------------------------------------------------------

    def edit(self, contact_id: str) -> None:
        """Load a contact of today's list into the form; a half-typed one is never lost."""
        if self.form.has_changes() and not self._confirm_discard():
            return
        try:
            contact = self.context.contacts.get(contact_id)
        except ContactError as error:
            self.show_error(error_text(error))
            return
        self._editing = contact
        self.personal_data.forget_draft()
        self.form.load(contact)
        if contact.has_personal_data:
            self.form.load_personal(self._personal_for_correction(contact_id))
        elif self.context.contacts.personal_erased(contact_id):
            self.form.refuse_personal(
                self.tr(
                    "Ses données personnelles ont été effacées : un nouvel accord de la "
                    "personne s'enregistre avec un nouveau contact."
                )
            )
        elif not self._may_add_personal():
            self.form.refuse_personal(
                self.tr("Votre rôle ne permet pas d'y ajouter des coordonnées.")
            )
        self.record_button.setText(self.tr("Enregistrer la modification (Ctrl+Entrée)"))
        self.record_button.setAccessibleName(self.tr("Enregistrer la modification du contact"))
        self.cancel_edit_button.show()
        self.show_message("")  # the form itself says which contact is being corrected
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _may_add_personal(self) -> bool:
        """Whether the agent signed in may add a consent and details to a saved contact (the
        domain refuses it to a role that may not see them: greyed out rather than refused)."""
        from spro_desk.agents.roles import Permission, can
        from spro_desk.agents.sessions import desk_session

        agent = desk_session(self.context.database).agent
        return agent is None or can(agent.role, Permission.VIEW_PERSONAL)

    def _personal_for_correction(self, contact_id: str) -> PersonalDataInput | None:
        """Opened to be corrected (an access, logged); None when this agent may not see them."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.security.keys import PersonalDataLocked

        try:
            return self.context.contacts.personal_data(contact_id)
        except (AccessDenied, PersonalDataLocked):
            return None

    def _confirm_discard(self) -> bool:
        return self.confirm(
            self,
            self.tr("Saisie en cours"),
            self.tr(
                "Le formulaire contient une saisie non enregistrée. "
                "L'abandonner pour modifier le contact choisi ?"
            ),
            self.tr("Abandonner la saisie"),
            False,
        )

    def _abandon_edit(self) -> None:
        self._new_contact()
        self.show_message(self.tr("Modification abandonnée : le contact est inchangé."))

    def delete(self, contact_id: str) -> None:
        row = self.today.model.row_of(contact_id)
        if row is None:
            return
        when = cell_text(self.today.model.contact(row), TodayColumn.HEURE)
        question = self.tr("Supprimer le contact de %s ? Ctrl+Z le rétablit.") % when
        if not self.confirm(
            self, self.tr("Supprimer un contact"), question, self.tr("Supprimer"), True
        ):
            return
        try:
            self.context.contacts.delete(contact_id)
        except ContactError as error:
            self.show_error(error_text(error))
            return
        self._deleted.append(contact_id)
        self.undo_action.setEnabled(True)
        self.today.undo_bar.announce(self.tr("Contact de %s supprimé.") % when)
        if self._editing is not None and self._editing.id == contact_id:
            self._new_contact()
        self.context.navigator.contacts_changed.emit()
        self.today.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        contact_id = self._deleted.pop()
        self.undo_action.setEnabled(bool(self._deleted))
        self.today.undo_bar.dismiss()
        try:
            self.context.contacts.restore(contact_id)
        except ContactError as error:
            self.show_error(error_text(error))
            return
        self.context.navigator.contacts_changed.emit()
        self.today.select(contact_id)
        self.show_message(self.tr("Contact rétabli."))

    # --- messages -----------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        font = self.feedback.font()
        font.setBold(False)
        self.feedback.setFont(font)
        self.feedback.set_message(text)

    def show_error(self, text: str) -> None:
        font = self.feedback.font()
        font.setBold(True)
        self.feedback.setFont(font)
        self.feedback.set_message(text, error=True)
