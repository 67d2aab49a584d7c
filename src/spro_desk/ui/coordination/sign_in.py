"""Signing in to the coordination's window: once the coordination has accounts, the window
opens only to someone signed in, and what they may do follows their role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents.coordination_accounts import (
    CoordinatorAccountError,
    list_coordinators,
    sign_in,
)
from spro_desk.agents.coordination_roles import CoordinatorView
from spro_desk.storage.engine import Database
from spro_desk.ui.common.background import Runner
from spro_desk.ui.common.widgets import plain_label
from spro_desk.ui.coordination.password_task import PasswordTask, unexpected

# Written in the audit trail (French data, not UI text).
SIGN_IN_VIA = "fenêtre de la coordination"


class SignInDialog(QDialog):
    """Name and password; a wrong one is said in the dialog, which stays open."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.account: CoordinatorView | None = None
        self.work = PasswordTask(self, runner)
        self.setWindowTitle(self.tr("SPRO Desk — Coordination — Connexion"))
        self.name = QComboBox()
        self.name.setEditable(True)  # a name typed is accepted too (the list may be long)
        self.name.addItems([account.nom for account in list_coordinators(db)])
        self.name.setAccessibleName(self.tr("Compte"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mot de passe"))
        self.message = plain_label("", self.tr("Message de connexion"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Se &connecter"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Compte :"), self.name)
        form.addRow(self.tr("&Mot de passe :"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr("Connectez-vous : ce que vous pouvez faire dépend du rôle de votre compte.")
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_sign_in(self) -> None:
        """The password checked off the UI thread (Argon2): the dialog says so meanwhile."""
        db, name, password = self._db, self.name.currentText(), self.password.text()
        self.work.run(
            lambda: sign_in(db, name, password, via=SIGN_IN_VIA),
            (self.name, self.password, self.ok_button, self.cancel_button),
            self.message,
            self.tr("Vérification du mot de passe…"),
            self._signed_in,
            self._refused,
        )

    def _signed_in(self, account: CoordinatorView) -> None:
        self.account = account
        self.accept()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, CoordinatorAccountError):
            text = str(error)
        else:
            unexpected(error)
            text = self.tr("La connexion n'a pas abouti ({error}) : réessayez.").format(
                error=type(error).__name__
            )
        self.password.clear()
        self.message.setText(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if not self.work.busy:  # Échap while the password is checked: wait for the answer
            super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self.work.shutdown()
