"""« Coordonnées de la personne » under today's contacts: whether the selected contact holds
personal data, the data itself only when the agent asks (each display is in the access log),
and « Effacer les données de cette personne ». A view: the Accueil screen does the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from spro_desk.contacts.model import PersonalDataInput
from spro_desk.ui.accueil.today import TodayColumn, cell_text
from spro_desk.ui.common.elided_label import ElidedLabel

if TYPE_CHECKING:
    from spro_desk.ui.accueil.screen import AccueilScreen

# What the Accueil form held when the desk locked is sealed under this name, not a contact's.


class PersonalPanel(QGroupBox):
    show_requested = Signal(str)  # contact id
    erase_requested = Signal(str)
    access_requested = Signal(str)  # « Données de cette personne » (right of access)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Coordonnées de la personne"))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        # Typed by people, plain text; a 300-character name without a space is shortened with
        # « … » (whole in the tooltip), it does not widen the window.
        self.details = ElidedLabel()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_button = QPushButton(self.tr("&Afficher les coordonnées"))
        self.erase_button = QPushButton(self.tr("Effacer les données de cette personne"))
        self.access_button = QPushButton(self.tr("&Données de cette personne…"))
        self.access_button.setAccessibleName(self.tr("Données de cette personne"))
        self.access_button.setAccessibleDescription(
            self.tr(
                "Droit d'accès : tout ce que le poste détient sur elle, à afficher, "
                "imprimer ou exporter (responsable de site)."
            )
        )
        self._contact_id: str | None = None
        self._build_actions()
        self._layout()
        self._describe()
        self._descriptions = {
            button: button.accessibleDescription()
            for button in (self.show_button, self.erase_button, self.access_button)
        }
        self.show_button.clicked.connect(self._show)
        self.erase_button.clicked.connect(self._erase)
        self.access_button.clicked.connect(self._access)
        self.set_contact(None, False)

    def _build_actions(self) -> None:
        self.show_action = QAction(self.tr("Afficher les coordonnées"), self)
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.erase_action = QAction(self.tr("Effacer les données de cette personne"), self)
        self.erase_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        for action in (self.show_action, self.erase_action):
            # Like the screen's other actions: only while the focus is on Accueil.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.show_action.triggered.connect(self._show)
        self.erase_action.triggered.connect(self._erase)

    def actions_for_screen(self) -> tuple[QAction, ...]:
        return (self.show_action, self.erase_action)

    def _layout(self) -> None:
        # One above the other: the list beside the form stays narrow (and readable at 200 %).
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        for button in (self.show_button, self.erase_button, self.access_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _describe(self) -> None:
        self.show_button.setAccessibleName(self.tr("Afficher les coordonnées"))
        self.show_button.setAccessibleDescription(
            self.tr("Ctrl+Maj+A ; chaque affichage est inscrit au journal d'accès.")
        )
        self.erase_button.setAccessibleName(self.tr("Effacer les données de cette personne"))
        self.erase_button.setAccessibleDescription(
            self.tr(
                "Efface à la demande de la personne son nom, son téléphone, son courriel et la "
                "note (Ctrl+Maj+Suppr) ; le contact reste compté, sans identité."
            )
        )

    @property
    def contact_id(self) -> str | None:
        return self._contact_id

    def set_contact(
        self,
        contact_id: str | None,
        has_personal: bool,
        allowed: tuple[bool, bool, bool] = (True, True, True),
        role: str = "",
    ) -> None:
        """The selected contact; what was displayed for another one is cleared first.
        `allowed`: whether the agent's `role` may show, erase, give a copy of the data (the
        domain refuses the others: greyed out, and said why, rather than refused on a click)."""
        self.clear_details()
        self._contact_id = contact_id if has_personal else None
        if contact_id is None:
            self.summary.setText(self.tr("Sélectionnez un contact de la liste."))
        elif has_personal:
            self.summary.setText(self.tr("Coordonnées enregistrées avec l'accord de la personne."))
        else:
            self.summary.setText(self.tr("Contact anonyme : aucune coordonnée enregistrée."))
        buttons = (self.show_button, self.erase_button, self.access_button)
        actions = (self.show_action, self.erase_action, None)
        reserved = self.tr("Réservé à un autre rôle : le vôtre (« {role} ») ne le permet pas.")
        for button, action, may in zip(buttons, actions, allowed, strict=True):
            button.setEnabled(self._contact_id is not None and may)
            if action is not None:
                action.setEnabled(self._contact_id is not None and may)
            why = "" if may else reserved.format(role=role)
            button.setToolTip(why)
            button.setAccessibleDescription(why or self._descriptions.get(button, ""))

    def show_values(self, values: PersonalDataInput) -> None:
        lines = [
            (self.tr("Nom"), values.nom),
            (self.tr("Téléphone"), values.telephone),
            (self.tr("Courriel"), values.courriel),
            (self.tr("Note"), values.note),
        ]
        self.details.set_full_text("\n".join(f"{name} : {value}" for name, value in lines if value))

    def clear_details(self) -> None:
        self.details.clear()

    def _show(self) -> None:
        if self._contact_id is not None:
            self.show_requested.emit(self._contact_id)

    def _erase(self) -> None:
        if self._contact_id is not None:
            self.erase_requested.emit(self._contact_id)

    def _access(self) -> None:
        if self._contact_id is not None:
            self.access_requested.emit(self._contact_id)


class PersonalDataKeeper(QObject):
    """The Accueil screen's personal data: the panel above, and the consent fields of the form
    emptied while the desk is locked (their content sealed to the desk key meanwhile)."""

    def __init__(self, screen: AccueilScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._stash: bytes | None = None
        panel = screen.personal
        for action in panel.actions_for_screen():
            screen.addAction(action)
        screen.today.table.selectionModel().selectionChanged.connect(self._selection_changed)
        screen.today.model.modelReset.connect(self._selection_changed)
        panel.show_requested.connect(self.show)
        panel.erase_requested.connect(self.erase)
        panel.access_requested.connect(self.open_access)
        self.access_dialog: QObject | None = None

    def _selection_changed(self, *_args: object) -> None:
        today = self._screen.today
        contact_id = today.current_id()
        row = today.model.row_of(contact_id) if contact_id else None
        has = row is not None and today.model.contact(row).has_personal_data
        if contact_id != self._screen.personal.contact_id or not has:
            self._screen.personal.set_contact(contact_id, has, *self._rights())

    def _rights(self) -> tuple[tuple[bool, bool, bool], str]:
        """What the agent signed in may do with a person's data (show, erase, give a copy),
        and her role's name; no one signed in yet: the domain answers on the click."""
        from spro_desk.agents.roles import Permission, can
        from spro_desk.agents.sessions import desk_session
        from spro_desk.ui.common.agents_dialog import role_label

        agent = desk_session(self._screen.context.database).agent
        if agent is None:
            return (True, True, True), ""
        wanted = (Permission.VIEW_PERSONAL, Permission.ERASE_PERSONAL, Permission.EXPORT_PERSONAL)
        show, erase, access = (can(agent.role, permission) for permission in wanted)
        return (show, erase, access), role_label(agent.role)

    def show(self, contact_id: str) -> None:
        """Open the person's data for the agent at the desk (written to the access log)."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.security.keys import PersonalDataLocked

        try:
            values = self._screen.context.contacts.personal_data(contact_id)
        except (AccessDenied, PersonalDataLocked) as error:
            self._screen.show_error(str(error))
            return
        if values is None:
            self._screen.personal.set_contact(contact_id, False)
        else:
            self._screen.personal.show_values(values)

    def erase(self, contact_id: str) -> None:
        """« Effacer les données de cette personne », after a confirmation naming only the time."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.privacy.erasure import erase_person

        screen = self._screen
        row = screen.today.model.row_of(contact_id)
        contact = screen.today.model.contact(row) if row is not None else None
        when = cell_text(contact, TodayColumn.HEURE) if contact is not None else ""
        question = (
            self.tr(
                "Effacer les données personnelles de la personne reçue à %s ? Son nom, son "
                "téléphone, son courriel et la note sont effacés définitivement ; le contact reste "
                "compté, sans identité."
            )
            % when
        )
        title = self.tr("Effacer les données de cette personne")
        if not screen.confirm(screen, title, question, self.tr("Effacer définitivement"), False):
            return
        try:
            erase_person(screen.context.database, contact_id)
        except AccessDenied as error:
            screen.show_error(str(error))
            return
        screen.personal.set_contact(contact_id, False)
        screen.show_message(self.tr("Données personnelles effacées ; le contact reste compté."))
        screen.context.navigator.contacts_changed.emit()

    def open_access(self, contact_id: str) -> None:
        from spro_desk.ui.common.person_data_dialog import open_person_data

        dialog = open_person_data(self._screen.context.database, contact_id, self._screen)
        dialog.erased.connect(self._erased_from_access)
        self.access_dialog = dialog

    def _erased_from_access(self, _contact_id: str) -> None:
        self._screen.context.navigator.contacts_changed.emit()  # every screen drops her

    # --- the lock -----------------------------------------------------------------------------

    def hide(self) -> None:
        """Empty every widget holding personal data; keep the typing sealed, not in clear."""
        from spro_desk.privacy.personal import FIELDS, seal_draft

        self._screen.personal.clear_details()
        box = self._screen.form.consent
        personal = box.personal()
        if personal is None:
            return
        values = dict(zip(FIELDS, (personal.nom, personal.telephone, personal.courriel,
                                   personal.note), strict=True))  # fmt: skip
        self._stash = seal_draft(self._screen.context.database, values)
        box.reset()

    def forget_draft(self) -> None:
        """The form was emptied or given another contact while the desk was locked away from
        the agent who typed (a colleague unlocked meanwhile): what was sealed belonged to the
        form as it was, and must not come back into another person's."""
        self._stash = None

    def restore(self) -> None:
        """Back as it was, when the agent now at the desk may see personal data."""
        from spro_desk.agents.sessions import AccessDenied
        from spro_desk.privacy.personal import open_draft
        from spro_desk.security.keys import PersonalDataLocked

        panel = self._screen.personal  # another agent may have unlocked: her rights, not his
        panel.set_contact(panel.contact_id, panel.contact_id is not None, *self._rights())
        if self._stash is None:
            return
        try:
            values = open_draft(self._screen.context.database, self._stash)
        except (AccessDenied, PersonalDataLocked):
            return  # kept sealed until an agent who may see it unlocks
        self._stash = None
        box = self._screen.form.consent
        box.consent.setChecked(True)
        box.nom.setText(values["nom"] or "")
        box.telephone.setText(values["telephone"] or "")
        box.courriel.setText(values["courriel"] or "")
        box.note.setPlainText(values["note"] or "")
