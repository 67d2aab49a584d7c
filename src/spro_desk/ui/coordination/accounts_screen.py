"""« Comptes »: the coordination's accounts — list, add with a role, disable, reset a password
— and the idle time after which the window locks. Only a coordinator changes them: the
buttons are greyed out for the other roles, and the domain refuses it regardless (in French).
Every change is in the audit trail (spro_desk.agents.coordination_accounts)."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents.coordination_accounts import (
    CoordinatorAccountError,
    Permission,
    change_password,
    create_coordinator,
    disable_coordinator,
    list_coordinators,
)
from spro_desk.agents.coordination_lock import (
    IDLE_LOCK_BOUNDS,
    idle_lock_minutes,
    set_idle_lock_minutes,
)
from spro_desk.agents.coordination_roles import (
    ROLE_LABELS,
    CoordinationDenied,
    CoordinationRole,
    CoordinatorView,
)
from spro_desk.ui.common.background import Runner
from spro_desk.ui.common.confirm import button_named, open_destructive_question
from spro_desk.ui.common.rows_model import RowsModel
from spro_desk.ui.common.widgets import plain_label, table_screen_layout
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext
from spro_desk.ui.coordination.password_task import PasswordTask, unexpected
from spro_desk.ui.coordination.tables import selected_row, sorted_table

# (name, role, password) -> raises CoordinatorAccountError / CoordinationDenied
Apply = Callable[[str, str, str], object]


class AccountColumn(IntEnum):
    NOM = 0
    ROLE = 1
    ETAT = 2


class AccountsModel(RowsModel[CoordinatorView]):
    COLUMNS = AccountColumn

    def column_title(self, column: AccountColumn) -> str:
        titles = {
            AccountColumn.NOM: self.tr("Nom"),
            AccountColumn.ROLE: self.tr("Rôle"),
            AccountColumn.ETAT: self.tr("État"),
        }
        return titles[column]

    def display(self, row: CoordinatorView, column: AccountColumn) -> str:
        if column == AccountColumn.NOM:
            return row.nom
        if column == AccountColumn.ROLE:
            return row.role_label
        return self.tr("Actif") if row.active else self.tr("Désactivé")


class AccountDialog(QDialog):
    """A new account (name, role, password twice) or a new password for `name`; what the
    domain refuses is said in the dialog, which stays open."""

    def __init__(
        self,
        apply: Apply,
        name: str | None,
        parent: QWidget | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self.work = PasswordTask(self, runner)
        self._fixed_name = name
        self.setWindowTitle(
            self.tr("Nouveau compte") if name is None else self.tr("Nouveau mot de passe")
        )
        self.name = QLineEdit(name or "")
        self.name.setReadOnly(name is not None)
        self.name.setAccessibleName(self.tr("Nom de la personne"))
        self.role = QComboBox()
        for role in CoordinationRole:
            self.role.addItem(ROLE_LABELS[role], str(role))
        self.role.setCurrentIndex(self.role.findData(str(CoordinationRole.LECTURE)))
        self.role.setAccessibleName(self.tr("Rôle"))
        self.password = self._secret(self.tr("Mot de passe"))
        self.again = self._secret(self.tr("Mot de passe, pour vérifier"))
        self.message = plain_label("", self.tr("Message du compte"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(
            self.tr("&Créer le compte") if name is None else self.tr("&Changer le mot de passe")
        )
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("&Annuler"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Nom :"), self.name)
        if name is None:
            form.addRow(self.tr("&Rôle :"), self.role)
        form.addRow(self.tr("&Mot de passe :"), self.password)
        form.addRow(self.tr("&Vérification :"), self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if name is not None else self.name).setFocus()

    @staticmethod
    def _secret(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def submit(self) -> None:
        """The password hashed off the UI thread (Argon2): the dialog says so meanwhile."""
        if self.password.text() != self.again.text():
            self._refuse(self.tr("Les deux mots de passe diffèrent : rien n'a été fait."))
            return
        apply = self._apply
        name, role, password = self.name.text(), str(self.role.currentData()), self.password.text()
        self.work.run(
            lambda: apply(name, role, password),
            (self.name, self.role, self.password, self.again, self.ok_button, self.cancel_button),
            self.message,
            self.tr("Chiffrement du mot de passe…"),
            lambda _result: self.accept(),
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, (CoordinatorAccountError, CoordinationDenied)):
            self._refuse(str(error))
            return
        unexpected(error)
        self._refuse(
            self.tr("Le compte n'a pas pu être enregistré ({error}) : rien n'a été fait.").format(
                error=type(error).__name__
            )
        )

    def reject(self) -> None:
        if not self.work.busy:  # Échap while the password is hashed: wait for the answer
            super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self.work.shutdown()

    def _refuse(self, text: str) -> None:
        self.password.clear()
        self.again.clear()
        self.message.setText(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)


class AccountsScreen(CoordinatorScreen):
    name = "comptes"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AccountsModel(self)
        self.table = self._make_table()
        self.idle_lock = self._make_idle_lock()
        self.summary = plain_label("", self.tr("Résumé des comptes"))
        self.message = plain_label("", self.tr("Message de l'écran Comptes"))
        self.add_button = self._button(self.tr("A&jouter un compte…"), self.request_add)
        self.disable_button = self._button(self.tr("Dé&sactiver…"), self.request_disable)
        self.reset_button = self._button(
            self.tr("&Réinitialiser le mot de passe…"), self.request_reset
        )
        self.disable_action = QAction(self.tr("Désactiver le compte"), self)
        self.disable_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.disable_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.disable_action.triggered.connect(self.request_disable)
        self.table.addAction(self.disable_action)
        self.dialog: AccountDialog | None = None
        self.confirmation: QMessageBox | None = None
        buttons = QWidget()
        row = QVBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.disable_button, self.reset_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        below = (self.table, buttons, self.message)
        table_screen_layout(
            self, self.tr("&Verrouiller après :"), self.idle_lock, self.summary, below
        )
        self.idle_lock.editingFinished.connect(self._idle_lock_changed)
        self._apply_role()

    def title(self) -> str:
        return self.tr("Comptes")

    # --- construction -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        return sorted_table(
            self.model,
            self.tr("Comptes de la coordination"),
            self.tr(
                "Chaque personne et son rôle. Suppr désactive le compte choisi, après confirmation."
            ),
            {AccountColumn.NOM: 240, AccountColumn.ROLE: 200},
            (AccountColumn.NOM, Qt.SortOrder.AscendingOrder),
        )

    def _make_idle_lock(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*IDLE_LOCK_BOUNDS)
        spin.setSuffix(self.tr(" minutes"))
        spin.setValue(idle_lock_minutes(self.context.db))
        spin.setAccessibleName(self.tr("Verrouiller après"))
        spin.setAccessibleDescription(
            self.tr(
                "Sans clavier ni souris pendant ce temps, la fenêtre demande de se reconnecter."
            )
        )
        return spin

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _apply_role(self) -> None:
        why = self.refusal(Permission.MANAGE_ACCOUNTS)
        if why is None:
            return
        for widget in (self.add_button, self.disable_button, self.reset_button, self.idle_lock):
            widget.setEnabled(False)
            widget.setToolTip(why)
        self.disable_action.setEnabled(False)

    # --- reading ------------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        accounts = list_coordinators(self.context.db, include_disabled=True)
        self.model.set_rows(accounts)
        active = sum(account.active for account in accounts)
        self.summary.setText(
            self.tr("{n} compte(s) actif(s) sur {total}.").format(n=active, total=len(accounts))
        )

    def selected_account(self) -> CoordinatorView | None:
        row = selected_row(self.table)
        return self.model.rows()[row] if row is not None else None

    def select_account(self, name: str) -> None:
        for row, account in enumerate(self.model.rows()):
            if account.nom == name:
                self.table.selectRow(row)
                return

    # --- adding, resetting --------------------------------------------------------------------

    def request_add(self) -> None:
        db = self.context.db

        def apply(name: str, role: str, password: str) -> object:
            return create_coordinator(db, name, password, role)

        self._open_dialog(AccountDialog(apply, None, self), self.tr("Compte « {name} » créé."))

    def request_reset(self) -> None:
        account = self.selected_account()
        if account is None:
            self._tell(self.tr("Choisissez d'abord un compte dans la liste."))
            return
        db = self.context.db

        def apply(name: str, _role: str, password: str) -> object:
            change_password(db, name, password)
            return None

        dialog = AccountDialog(apply, account.nom, self)
        self._open_dialog(dialog, self.tr("Mot de passe de « {name} » changé."))

    def _open_dialog(self, dialog: AccountDialog, done: str) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed(done.format(name=dialog.name.text())))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _changed(self, text: str) -> None:
        self.refresh()
        self._tell(text)
        self.context.navigator.data_changed.emit()  # the Journal tab

    # --- disabling ----------------------------------------------------------------------------

    def request_disable(self) -> None:
        """Ask first, naming the person: only a coordinator can undo it by a new account."""
        account = self.selected_account()
        if account is None or not account.active:
            self._tell(self.tr("Choisissez d'abord un compte actif dans la liste."))
            return
        self.confirmation = open_destructive_question(
            self,
            self.tr("Désactiver un compte"),
            self.tr(
                "Désactiver le compte « {name} » ({role}) ?\n\nCette personne ne pourra plus "
                "se connecter ; ses actions passées restent au journal."
            ).format(name=account.nom, role=account.role_label),
            self.tr("&Désactiver ce compte"),
            partial(self._disable_answered, name=account.nom),
            self._confirmation_closed,
        )

    def _confirmation_closed(self) -> None:
        self.confirmation = None

    def _disable_answered(self, go_ahead: bool, name: str) -> None:
        if not go_ahead:
            self._tell(self.tr("Désactivation abandonnée : le compte reste actif."))
            return
        try:
            disable_coordinator(self.context.db, name)
        except (CoordinatorAccountError, CoordinationDenied) as error:
            self._tell(str(error))
            return
        self._changed(self.tr("Compte « {name} » désactivé.").format(name=name))

    def confirmation_button(self, text: str) -> QAbstractButton | None:
        """The button of the open confirmation whose text is `text` (tests, screenshots)."""
        return button_named(self.confirmation, text)

    # --- the idle lock ------------------------------------------------------------------------

    def _idle_lock_changed(self) -> None:
        try:
            set_idle_lock_minutes(self.context.db, self.idle_lock.value())
        except (CoordinatorAccountError, CoordinationDenied) as error:
            self._tell(str(error))
            self.idle_lock.setValue(idle_lock_minutes(self.context.db))
            return
        self._changed(
            self.tr("La fenêtre se verrouillera après {n} minute(s) sans activité.").format(
                n=self.idle_lock.value()
            )
        )

    # --- telling ------------------------------------------------------------------------------

    def _tell(self, text: str) -> None:
        self.message.setText(text)
        self.context.navigator.message.emit(text)
