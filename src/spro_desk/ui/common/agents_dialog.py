"""Agents' accounts in the window: the form of an account, the first site manager's panel, the
dialog that adds an agent, and the Paramètres section that lists them (site manager only).

The rules (roles, PIN strength, who may do what) are spro_desk.agents': these widgets only ask
and show the domain's French refusals.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents import accounts, management
from spro_desk.agents.accounts import AgentError, AgentView
from spro_desk.agents.roles import Permission, Role, can
from spro_desk.agents.sessions import AccessDenied, desk_session
from spro_desk.storage.engine import Database
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.secret_field import SecretLineEdit
from spro_desk.ui.common.widgets import field_label

AGENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def role_label(role: Role | str) -> str:
    translate = QCoreApplication.translate
    return {
        Role.AGENT: translate("Agents", "Agent d'accueil"),
        Role.RESPONSABLE: translate("Agents", "Responsable de site"),
        Role.COORDINATEUR: translate("Agents", "Coordinateur·rice"),
    }[Role(role)]


class AgentForm(QWidget):
    """Name, role (optional), PIN or password twice, and the domain's refusal if any."""

    submitted = Signal()

    def __init__(self, *, with_role: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.AGENT, Role.RESPONSABLE, Role.COORDINATEUR):
            self.role.addItem(role_label(role), str(role))
        self.secret = SecretLineEdit()  # silent on the accessibility bus
        self.confirmation = SecretLineEdit()
        for field in (self.secret, self.confirmation):
            field.returnPressed.connect(self.submitted)
        self.message = StatusLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QFormLayout(self)
        self._row(layout, self.tr("&Nom de l'agent :"), self.name)
        if with_role:
            self._row(layout, self.tr("&Rôle :"), self.role)
        else:
            self.role.hide()
        self._row(layout, self.tr("&Code (8 chiffres ou plus) ou mot de passe :"), self.secret)
        self._row(layout, self.tr("C&onfirmation :"), self.confirmation)
        layout.addRow(self.message)
        self.name.setAccessibleName(self.tr("Nom de l'agent"))
        self.role.setAccessibleName(self.tr("Rôle"))
        self.secret.setAccessibleDescription(
            self.tr("Au moins 8 chiffres, ou un mot de passe d'au moins 8 caractères.")
        )
        self.confirmation.setAccessibleName(self.tr("Confirmation du code"))

    @staticmethod
    def _row(layout: QFormLayout, text: str, field: QWidget) -> None:
        layout.addRow(field_label(text, field), field)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def checked_secret(self) -> str | None:
        if self.secret.text() != self.confirmation.text():
            text = self.tr("Les deux saisies du code diffèrent.")
            self.message.set_message(text, error=True, field=self.confirmation, focus=True)
            return None
        return self.secret.text()

    def show_error(self, text: str) -> None:
        self.message.set_message(text, error=True)

    def clear_secrets(self) -> None:
        self.secret.clear()
        self.confirmation.clear()


def create_from_form(db: Database, form: AgentForm, role: Role) -> AgentView | None:
    """Create the account the form describes; on refusal the form says why (nothing stored)."""
    secret = form.checked_secret()
    if secret is None:
        return None
    try:
        return management.create_agent(db, form.name.text(), secret, role)
    except (AgentError, AccessDenied) as error:
        form.show_error(str(error))
        return None


class FirstAgentPanel(QWidget):
    """Shown in place of the screens while the desk has no account: create the site manager
    (then they are logged in), or quit. The same form as the first-run assistant's rules."""

    created = Signal(object)  # AgentView
    quit_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.form = AgentForm(with_role=False)
        intro = QLabel(
            self.tr(
                "Ce poste n'a encore aucun compte. Créez celui de la ou du responsable de site : "
                "son code protège les données personnelles des personnes reçues et permet "
                "d'ajouter ensuite les autres agents. Un code oublié ne peut pas être "
                "retrouvé : notez-le en lieu sûr."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        title = QLabel(self.tr("Premier compte du poste"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        self.create_button = QPushButton(self.tr("C&réer le compte"))
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Créer le compte de responsable de site"))
        self.quit_button = QPushButton(self.tr("&Quitter"))
        self.quit_button.setAccessibleName(self.tr("Quitter SPRO Desk"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        for widget in (title, intro, self.form):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 80)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 3)
        outer.addStretch(1)
        self.create_button.clicked.connect(self.create_account)
        self.form.submitted.connect(self.create_account)
        self.quit_button.clicked.connect(self.quit_requested)

    def focus_first_field(self) -> None:
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def create_account(self) -> None:
        secret = self.form.secret.text()
        agent = create_from_form(self._db, self.form, Role.RESPONSABLE)
        if agent is None:
            return
        desk_session(self._db).login(agent.id, secret)
        self.form.clear_secrets()
        self.created.emit(agent)


class FirstAgentDialog(QDialog):
    """The same as a dialog, for callers that want one (exec() returns Accepted once created)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Premier compte du poste"))
        self.panel = FirstAgentPanel(db)
        self.agent: AgentView | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.created.connect(self._created)
        self.panel.quit_requested.connect(self.reject)

    def _created(self, agent: AgentView) -> None:
        self.agent = agent
        self.accept()


class NewAgentDialog(QDialog):
    """« Ajouter un agent » (site manager)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ajouter un agent"))
        self._db = db
        self.form = AgentForm(with_role=True)
        self.agent: AgentView | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer le compte"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.create_account)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def create_account(self) -> None:
        self.agent = create_from_form(self._db, self.form, self.form.chosen_role())
        if self.agent is not None:
            self.form.clear_secrets()
            self.accept()


class SecretDialog(QDialog):
    """« Changer le code » of one agent (their own, or any for a site manager)."""

    def __init__(self, db: Database, agent: AgentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouveau code de %s") % agent.nom)
        self._db, self._agent = db, agent
        self.form = AgentForm(with_role=False)
        self.form.name.setText(agent.nom)
        self.form.name.setReadOnly(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Changer le code"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def change(self) -> None:
        secret = self.form.checked_secret()
        if secret is None:
            return
        try:
            management.change_secret(self._db, self._agent.id, secret)
        except (AgentError, AccessDenied) as error:
            self.form.show_error(str(error))
            return
        self.form.clear_secrets()
        self.accept()


class AgentsPanel(QGroupBox):
    """The desk's accounts in Paramètres: a site manager adds, resets and disables them; any
    agent changes their own code."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Comptes des agents"))
        self._db = db
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Comptes des agents du poste"))
        self.add_button = QPushButton(self.tr("&Ajouter un agent…"))
        self.secret_button = QPushButton(self.tr("Changer le &code…"))
        self.disable_button = QPushButton(self.tr("&Désactiver le compte"))
        self.add_button.setAccessibleName(self.tr("Ajouter un agent"))
        self.secret_button.setAccessibleName(self.tr("Changer le code de l'agent choisi"))
        self.disable_button.setAccessibleName(self.tr("Désactiver le compte choisi"))
        self.disable_button.setAccessibleDescription(
            self.tr("Le compte ne peut plus ouvrir le poste ; sa copie de la clé est détruite.")
        )
        self.status = StatusLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.secret_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_agent)
        self.secret_button.clicked.connect(self.change_secret)
        self.disable_button.clicked.connect(self.disable)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def _manager(self) -> bool:
        agent = desk_session(self._db).agent
        return agent is not None and can(agent.role, Permission.MANAGE_AGENTS)

    def refresh(self) -> None:
        self.list.clear()
        for agent in accounts.list_agents(self._db):
            item = QListWidgetItem(f"{agent.nom} — {role_label(agent.role)}")
            item.setData(AGENT_ID_ROLE, agent.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _selected(self) -> AgentView | None:
        item = self.list.currentItem()
        return accounts.get_agent(self._db, item.data(AGENT_ID_ROLE)) if item else None

    def _update_buttons(self) -> None:
        manager = self._manager()
        current = desk_session(self._db).agent
        selected = self.list.currentItem()
        own = (
            selected is not None
            and current is not None
            and selected.data(AGENT_ID_ROLE) == current.id
        )
        self.add_button.setEnabled(manager)
        self.disable_button.setEnabled(manager and selected is not None and not own)
        self.secret_button.setEnabled(selected is not None and (manager or own))
        if not manager:
            self.status.set_message(
                self.tr("Seul·e la ou le responsable de site gère les comptes du poste.")
            )

    def add_agent(self) -> None:
        dialog = NewAgentDialog(self._db, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.agent is not None:
            self.status.set_message(self.tr("Compte de %s créé.") % dialog.agent.nom)
            self.refresh()

    def change_secret(self) -> None:
        agent = self._selected()
        if agent is None:
            return
        if SecretDialog(self._db, agent, self).exec() == QDialog.DialogCode.Accepted:
            self.status.set_message(self.tr("Code de %s changé.") % agent.nom)

    def disable(self) -> None:
        agent = self._selected()
        if agent is None:
            return
        from spro_desk.ui.common.confirm import ask

        question = (
            self.tr("Désactiver le compte de %s ? Il ne pourra plus ouvrir le poste.") % agent.nom
        )
        if not ask(self, self.tr("Désactiver un compte"), question, self.tr("Désactiver"), False):
            return
        try:
            management.disable_agent(self._db, agent.id)
        except (AgentError, AccessDenied) as error:
            self.status.set_message(str(error))
            return
        self.status.set_message(self.tr("Compte de %s désactivé.") % agent.nom)
        self.refresh()
