"""Locking the coordination's window after some minutes without a key, a click or a mouse
move (the team's setting, `spro_desk.agents.coordination_lock`, 15 minutes by default): the
tabs give way to a panel asking the signed-in person's password again, the menus and their
shortcuts are disabled and open dialogs are cancelled. Only the same account unlocks (what the
window offers follows its role); someone else quits and signs in. Background work (the
automatic collection) goes on: it was started by that account and needs no screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spro_desk.agents.coordination_accounts import CoordinatorAccountError, sign_in
from spro_desk.agents.coordination_lock import idle_lock_minutes
from spro_desk.agents.coordination_roles import coordination_session
from spro_desk.storage.engine import Database
from spro_desk.ui.common.confirm import cancel_open_dialogs
from spro_desk.ui.common.idle import IdleWatcher
from spro_desk.ui.common.widgets import plain_label

UNLOCK_VIA = "fenêtre de la coordination, après verrouillage"  # audit trail (French data)


class LockPanel(QWidget):
    unlock_requested = Signal(str)  # the password
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Coordination verrouillée"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = plain_label("", self.tr("Explication du verrouillage"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mot de passe"))
        self.unlock_button = QPushButton(self.tr("&Se reconnecter"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("&Quitter"))
        self.message = plain_label("", self.tr("Message de reconnexion"))
        form = QFormLayout()
        label = QLabel(self.tr("&Mot de passe :"))
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for label_widget in (self.title, self.explanation):
            column.addWidget(label_widget)
        column.addLayout(form)
        for button in (self.unlock_button, self.quit_button):
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.message)
        column.addStretch(2)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.quit_button.clicked.connect(self.quit_requested)

    def reset(self, name: str) -> None:
        self.explanation.setText(
            self.tr(
                "La fenêtre s'est verrouillée faute d'activité. {name}, saisissez votre mot de "
                "passe pour reprendre ; une autre personne quitte puis se connecte."
            ).format(name=name)
        )
        self.password.clear()
        self.message.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, text: str) -> None:
        self.password.clear()
        self.message.setText(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        password = self.password.text()
        self.password.clear()  # the field never keeps it, whatever the outcome
        if password:
            self.unlock_requested.emit(password)


class IdleLock(QObject):
    """The window's idle timer and lock; started only when someone is signed in."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, db: Database, stack: QStackedWidget) -> None:
        super().__init__(window)
        self._db = db
        self._stack = stack
        screens = stack.currentWidget()
        assert screens is not None
        self._screens: QWidget = screens
        self.panel = LockPanel()
        stack.addWidget(self.panel)
        self.panel.unlock_requested.connect(self.unlock)
        self.panel.quit_requested.connect(self._quit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._idle_ms: int | None = None  # None: the team's setting
        self._disabled: list[QAction] = []
        self._name: str | None = None
        self._watching = False
        self._watcher = IdleWatcher(self.timer, self)

    @property
    def is_locked(self) -> bool:
        return self._name is not None

    def start(self) -> None:
        if coordination_session(self._db).account is None:
            return  # the set-up phase: nobody to sign in again
        app = QApplication.instance()
        if not self._watching and app is not None:
            app.installEventFilter(self._watcher)
            self._watching = True
        self._arm()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self._watcher)
        self._watching = False

    def set_idle_ms(self, milliseconds: int | None) -> None:
        """Another idle time than the team's (tests); None goes back to the setting."""
        self._idle_ms = milliseconds
        self._arm()

    def rearm(self) -> None:
        """The setting may have changed (Comptes tab): count again from now."""
        self._arm()

    def _arm(self) -> None:
        if not self._watching or self.is_locked:
            return
        milliseconds = self._idle_ms
        if milliseconds is None:
            milliseconds = idle_lock_minutes(self._db) * 60_000
        self.timer.start(milliseconds)

    @property
    def _window(self) -> QMainWindow:
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def lock(self) -> None:
        account = coordination_session(self._db).account
        if self.is_locked or account is None:
            return
        self._name = account.nom
        self.timer.stop()
        cancel_open_dialogs(self._window)
        self._disabled = [a for a in self._window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        self._window.menuBar().setEnabled(False)
        self._stack.setCurrentWidget(self.panel)
        self.panel.reset(account.nom)
        self.locked_changed.emit(True)

    def unlock(self, password: str) -> None:
        if self._name is None:
            return
        try:
            sign_in(self._db, self._name, password, via=UNLOCK_VIA)
        except CoordinatorAccountError as error:
            self.panel.refuse(str(error))
            return
        self._name = None
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        self._window.menuBar().setEnabled(True)
        self._stack.setCurrentWidget(self._screens)
        self._arm()
        self.locked_changed.emit(False)

    def _quit(self) -> None:
        self._window.close()
