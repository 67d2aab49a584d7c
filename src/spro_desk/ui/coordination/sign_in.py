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
from spro_desk.ui.common.widgets import plain_label

# Written in the audit trail (French data, not UI text).
SIGN_IN_VIA = "fenêtre de la coordination"


class SignInDialog(QDialog):
    """Name and password; a wrong one is said in the dialog, which stays open."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.account: CoordinatorView | None = None
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
        try:
            self.account = sign_in(
                self._db, self.name.currentText(), self.password.text(), via=SIGN_IN_VIA
            )
        except CoordinatorAccountError as error:
            self.password.clear()
            self.message.setText(str(error))
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()
