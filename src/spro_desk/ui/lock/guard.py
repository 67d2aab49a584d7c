"""Locking the desk: after the idle time set in Paramètres, on Ctrl+L, and at start when the desk
has accounts; unlocking with an agent's PIN or password, back where the agent was.

Locking does not cover the window, it empties it: every screen drops the personal data it
shows (`hide_personal_data()`; the Accueil form keeps what was being typed sealed to the desk
key, readable again only after an unlock), open dialogs are closed, the screens are taken out
of the window (`takeCentralWidget`) and the lock screen takes their place, the menus are
disabled, and the session forgets the desk's private key. The same place shows the first site
manager's account form while the desk has none.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from spro_desk.ui.common.announce import StatusLabel, announce
from spro_desk.ui.common.background import Callbacks, Runner
from spro_desk.ui.common.busy import BusyCursor
from spro_desk.ui.common.confirm import cancel_open_dialogs
from spro_desk.ui.common.idle import IdleWatcher
from spro_desk.ui.common.named_values import set_by_name
from spro_desk.ui.common.secret_field import SecretLineEdit
from spro_desk.ui.lock.clipboard import ClipboardWatch

if TYPE_CHECKING:  # loaded with the database, after the first paint
    from spro_desk.agents.accounts import AgentView
    from spro_desk.agents.early_unlock import EarlyOpened, EarlyRefused
    from spro_desk.agents.sessions import DeskSession
    from spro_desk.privacy.purge import PurgeReport
    from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)

DAY_MS = 24 * 60 * 60 * 1000


def _open_account_early(path: Path, agent_id: str, secret: str) -> EarlyOpened:
    # Imported here, on the runner's thread: argon2 and cryptography would hold the UI thread
    # for a few tenths of a second while the opener's thread imports the ORM.
    from spro_desk.agents.early_unlock import open_account_early

    return open_account_early(path, agent_id, secret)


class LockScreen(QWidget):
    """Who is there (the last agent first) and their secret."""

    unlock_requested = Signal(str, str)  # agent id, secret

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("SPRO Desk est verrouillé"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        explanation = QLabel(
            self.tr(
                "Les données personnelles sont masquées. Choisissez votre nom et saisissez "
                "votre code pour reprendre là où vous en étiez."
            )
        )
        explanation.setWordWrap(True)
        self.agent = QComboBox()
        self.secret = SecretLineEdit()  # silent on the accessibility bus
        self.unlock_button = QPushButton(self.tr("&Déverrouiller"))
        self.unlock_button.setDefault(True)
        self.message = StatusLabel()
        for label in (explanation, self.message):
            set_by_name(label, "textFormat", "PlainText")
            label.setWordWrap(True)
        form = QFormLayout()
        for text, field in ((self.tr("&Agent :"), self.agent), (self.tr("&Code :"), self.secret)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        column = QVBoxLayout()
        column.addStretch(1)
        for widget in (self.title, explanation):
            column.addWidget(widget)
        column.addLayout(form)
        button_row = QHBoxLayout()  # the button at its own width, on the left
        button_row.addWidget(self.unlock_button)
        button_row.addStretch(1)
        column.addLayout(button_row)
        column.addWidget(self.message)
        column.addStretch(2)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 2)
        outer.addStretch(1)
        self.agent.setAccessibleName(self.tr("Agent"))
        self.secret.setAccessibleName(self.tr("Code ou mot de passe"))
        self.unlock_button.setAccessibleName(self.tr("Déverrouiller le poste"))
        self.unlock_button.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)

    def set_agents(self, agents: list[AgentView], preferred: str | None) -> None:
        self.set_agent_names([(agent.id, agent.nom) for agent in agents], preferred)

    def set_agent_names(self, agents: Sequence[tuple[str, str]], preferred: str | None) -> None:
        """`agents`: (id, name) pairs, in the order offered."""
        self.agent.clear()
        for agent_id, name in agents:
            self.agent.addItem(name, agent_id)
        index = self.agent.findData(preferred) if preferred else -1
        self.agent.setCurrentIndex(max(index, 0))
        self.secret.clear()
        self.message.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool, *, opening: bool = False) -> None:
        """`opening`: the code waits for the database layer, still loading at start."""
        for widget in (self.agent, self.secret, self.unlock_button):
            widget.setEnabled(not busy)
        if opening:
            self.message.set_message(
                self.tr("Ouverture de la base… Le code sera vérifié dès qu'elle est prête.")
            )
        elif busy:
            self.message.set_message(self.tr("Vérification du code…"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.secret.clear()
        self.message.set_message(text, error=True, field=self.secret, focus=True)

    def focus_secret(self) -> None:
        self.secret.setFocus()  # Qt::OtherFocusReason

    def _submit(self) -> None:
        agent_id = self.agent.currentData()
        if agent_id and self.secret.text():
            secret = self.secret.text()
            self.secret.clear()  # the field never keeps it, whatever the outcome
            self.unlock_requested.emit(agent_id, secret)


class PrivacyGuard(QObject):
    """The window's locking, idle timer, first-account panel and purge schedule."""

    locked_changed = Signal(bool)
    purge_done = Signal(object)  # PurgeReport

    def __init__(self, window: QMainWindow, runner: Runner) -> None:
        super().__init__(window)
        # No Python reference to the window (its parent) nor its screens: a reference held by a
        # pending callback or a connection must never keep a closed window alive.
        self._runner = runner
        self._db: Database | None = None
        self._held: QWidget | None = None  # the screens, out of the window while locked
        self._focus: QWidget | None = None
        self._disabled: list[QAction] = []
        self._screens: Callable[[], Callable[[], list[Any]] | None] = lambda: None
        self._screens_widget: Callable[[], Callable[[], QWidget] | None] = lambda: None
        self._lock_screen: LockScreen | None = None
        self._first_agent: QWidget | None = None
        self._closed = False  # the window shut down: nothing may start any more
        self._parked: QWidget | None = None
        # Locked before the database layer was loaded (`lock_at_start`), and the code typed
        # meanwhile: checked once the database is attached (`start`).
        self._locked_at_start = False
        self._waiting_unlock: tuple[str, str] | None = None
        # The database file, read with sqlite3 to check a code before the layer is attached
        # (agents.early_unlock); the codes checked so, whose writes wait for the layer; the
        # session opened so, adopted once attached.
        self._early_path: Path | None = None
        self._early_attempts: list[EarlyOpened | EarlyRefused] = []
        self._early_session: EarlyOpened | None = None
        self._busy = BusyCursor()  # shown while a code waits for the database layer
        self.lock_action = QAction(self.tr("&Verrouiller le poste"), window)
        set_by_name(self.lock_action, "shortcut", "Ctrl+L")
        self.lock_action.setStatusTip(self.tr("Masquer les données personnelles jusqu'au code"))
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self._idle_ms: int | None = None  # None: from the desk's policy
        self._watcher = IdleWatcher(self.idle_timer, self)
        self._watching = False
        self.purge_timer = QTimer(self)
        self.purge_timer.setInterval(DAY_MS)
        self.purge_timer.timeout.connect(self.purge_now)
        self._clipboard = ClipboardWatch(self)

    # --- state --------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._held is not None

    @property
    def checks_codes_early(self) -> bool:
        """Locked at start, checking codes with sqlite3 while the database layer loads."""
        return self._early_path is not None and self.is_locked

    def set_screens(self, screens: Callable[[], list[Any]]) -> None:
        """Where to find the built screens (their hide/restore_personal_data hooks)."""
        self._screens = weakref.WeakMethod(screens)

    def set_screens_widget(self, screens_widget: Callable[[], QWidget]) -> None:
        """What to give back to the window at the unlock, when what the lock took was a
        stand-in (a window that opened locked builds its screens only then)."""
        self._screens_widget = weakref.WeakMethod(screens_widget)

    @property
    def _window(self) -> QMainWindow:
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def _built_screens(self) -> list[Any]:
        screens = self._screens()
        return screens() if screens is not None else []

    def set_idle_ms(self, milliseconds: int | None) -> None:
        """Override the policy's idle time (tests); None goes back to the policy."""
        self._idle_ms = milliseconds
        self._arm()

    def _agents_exist(self) -> bool:
        from spro_desk.agents.accounts import has_agents

        return self._db is not None and has_agents(self._db)

    def _session(self) -> DeskSession:
        from spro_desk.agents.sessions import desk_session

        assert self._db is not None
        return desk_session(self._db)

    # --- start and stop -----------------------------------------------------------------------

    def lock_at_start(
        self, agents: Sequence[tuple[str, str]], database: Path | None = None
    ) -> None:
        """A desk with accounts opens on its lock screen, before the database layer is loaded:
        `agents` (id, name) were read with sqlite3 (storage.quick_read). The agent types the
        code at once: checked with sqlite3 in `database` (the file) while the layer loads,
        or, without it, once the database is attached (`start`)."""
        if self._db is not None or self.is_locked or not agents:
            return
        self._early_path = database
        screen = self._lock_screen_widget()
        screen.set_agent_names(agents, None)
        self._locked_at_start = True
        self._take_screens(screen)
        screen.focus_secret()
        self.locked_changed.emit(True)

    def start(self, db: Database) -> None:
        """The database is attached: lock at once when the desk has accounts."""
        self._db = db
        if self._closed:  # the database opened after the window closed
            self._forget_waiting_unlock()
            return
        at_start, self._locked_at_start = self._locked_at_start, False
        self._early_path = None  # from now on, codes are checked through the database layer
        if self._agents_exist():
            self._record_early()
            early, self._early_session = self._early_session, None
            if early is not None:  # unlocked already, with sqlite3: the session opens now
                self._adopt(early)
                return
            if at_start:  # locked already: the lock action comes back with the screens
                self._hold_actions()
                self._unlock_waiting()
                return
            self.lock_action.setEnabled(True)
            if not self._session().is_open():
                self.lock()
            else:
                self._watch()
        elif at_start and self.is_locked:  # no account after all (a stale read): screens back
            self._forget_waiting_unlock()
            self._give_back_screens()
            self.locked_changed.emit(False)

    def _unlock_waiting(self) -> None:
        waiting, self._waiting_unlock = self._waiting_unlock, None
        if waiting is not None:
            self._busy.show(False)
            self.unlock(*waiting)

    def _forget_waiting_unlock(self) -> None:
        self._waiting_unlock = None
        self._busy.show(False)

    def start_app_duties(self) -> None:
        """What the real application does and the tests' windows do not: ask for the first
        account when there is none, purge now and every day."""
        if self._db is None or self._closed:
            return
        if not self._agents_exist():
            self.require_first_agent()
        self.purge_now()
        self.purge_timer.start()

    def shutdown(self) -> None:
        self._closed = True
        self._clipboard.clear_ours()  # Windows keeps a closed program's clipboard
        self._forget_waiting_unlock()
        self.idle_timer.stop()
        self.purge_timer.stop()
        self._unwatch()

    def _watch(self) -> None:
        app = QApplication.instance()
        if not self._watching and app is not None:
            app.installEventFilter(self._watcher)
            self._watching = True
        self._arm()

    def _unwatch(self) -> None:
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self._watcher)
        self._watching = False

    def _arm(self) -> None:
        if not self._watching or self.is_locked:
            return
        milliseconds = self._idle_ms
        if milliseconds is None:
            from spro_desk.privacy.policy import load_policy

            assert self._db is not None
            milliseconds = load_policy(self._db).idle_minutes * 60_000
        self.idle_timer.start(milliseconds)

    def policy_changed(self) -> None:
        self._arm()

    # --- the window's content -----------------------------------------------------------------

    def _take_screens(self, replacement: QWidget) -> None:
        focus = QApplication.focusWidget()  # possibly in another window: not ours to restore
        self._focus = focus if focus is not None and self._window.isAncestorOf(focus) else None
        cancel_open_dialogs(self._window)
        self._hold_actions()
        self.lock_action.setEnabled(False)
        self._held = self._window.takeCentralWidget()
        if self._held is not None:
            self._held.setParent(self._parking())  # out of the window, never a window of its own
        self._window.setCentralWidget(replacement)

    def _hold_actions(self) -> None:
        """Disable the window's actions until the screens come back (those enabled since
        the lock too: attaching the database enables importing)."""
        held = [
            action
            for action in self._window.findChildren(QAction)
            if action.isEnabled() and action is not self.lock_action
        ]
        for action in held:
            action.setEnabled(False)
        self._disabled.extend(held)

    def _give_back_screens(self) -> None:
        replacement = self._window.takeCentralWidget()
        if replacement is not None:
            replacement.setParent(self._parking())
        held, self._held = self._held, None
        assert held is not None
        screens_widget = self._screens_widget()
        if screens_widget is not None:
            screens = screens_widget()
            if screens is not held:  # the stand-in of a window that opened locked
                held.deleteLater()
                held = screens
        self._window.setCentralWidget(held)
        held.show()
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        self.lock_action.setEnabled(True)
        focus, self._focus = self._focus, None
        if focus is not None and isValid(focus) and focus.isVisible():  # not deleted meanwhile
            focus.setFocus()  # Qt::OtherFocusReason

    def _parking(self) -> QWidget:
        """A hidden child of the window for what is taken out of it (a widget taken out of a
        main window has no parent: it would become a top-level window)."""
        if self._parked is None:
            self._parked = QWidget(self._window)
            self._parked.hide()
        return self._parked

    # --- locking ------------------------------------------------------------------------------

    def lock(self) -> None:
        if self._db is None or self._closed or self.is_locked or not self._agents_exist():
            return
        for screen in self._built_screens():
            hide = getattr(screen, "hide_personal_data", None)
            if hide is not None:
                hide()
        self._clipboard.clear_ours()
        session = self._session()
        last = session.agent.id if session.agent else session.last_agent_id
        session.lock()
        screen = self._lock_screen_widget()
        from spro_desk.agents.accounts import list_agents

        screen.set_agents(list_agents(self._db), last)
        self.idle_timer.stop()
        self._take_screens(screen)
        screen.focus_secret()
        announce(screen, self.tr("Poste verrouillé : saisissez votre code pour reprendre."))
        self.locked_changed.emit(True)

    def _lock_screen_widget(self) -> LockScreen:
        if self._lock_screen is None:
            self._lock_screen = LockScreen()
            self._lock_screen.unlock_requested.connect(self.unlock)
        return self._lock_screen

    def unlock(self, agent_id: str, secret: str) -> None:
        """Checks the secret off the UI thread (Argon2id takes a few tenths of a second)."""
        if self._closed:
            return
        screen = self._lock_screen_widget()
        if self._db is None and self._early_path is not None:
            self._check_early(self._early_path, agent_id, secret)
            return
        if self._db is None:  # the database layer is still loading: checked once attached
            self._wait_for_database(agent_id, secret)
            return
        screen.set_busy(True)
        session = self._session()
        self._runner.submit(
            lambda _context: session.login(agent_id, secret),
            Callbacks(on_result=lambda _agent: self._unlocked(), on_error=self._refused),
        )

    def _wait_for_database(self, agent_id: str, secret: str) -> None:
        self._busy.show(True)
        self._waiting_unlock = (agent_id, secret)
        self._lock_screen_widget().set_busy(True, opening=True)

    # --- the code checked before the database layer is attached --------------------------------

    def _check_early(self, path: Path, agent_id: str, secret: str) -> None:
        """Argon2id with sqlite3 on the window's runner, while the opener imports the ORM."""
        self._lock_screen_widget().set_busy(True)
        self._runner.submit(
            lambda _context: _open_account_early(path, agent_id, secret),
            Callbacks(
                on_result=self._opened_early,
                on_error=lambda error: self._early_failed(error, agent_id, secret),
            ),
        )

    def _early_failed(self, error: Exception, agent_id: str, secret: str) -> None:
        from spro_desk.agents.early_unlock import EarlyRefused, NotReady

        if self._closed:
            return
        if not isinstance(error, EarlyRefused):  # NotReady, or unexpected: the layer checks it
            if not isinstance(error, NotReady):
                log.error("Early code check failed: %s", type(error).__name__)
            if self._db is None:
                self._wait_for_database(agent_id, secret)
            else:
                self.unlock(agent_id, secret)
            return
        self._early_attempts.append(error)
        if self._db is not None:  # attached while the code was being checked
            self._record_early()
        self._lock_screen_widget().show_error(str(error))

    def _opened_early(self, opened: EarlyOpened) -> None:
        if self._closed or not self.is_locked:
            return
        self._early_attempts.append(opened)
        if self._db is not None:  # attached while the code was being checked
            self._record_early()
            self._adopt(opened)
            return
        self._early_session = opened
        self._give_back_screens()
        self.lock_action.setEnabled(False)  # until the database is attached (`start`)
        announce(self._window, self.tr("Poste déverrouillé."))
        self.locked_changed.emit(False)

    def _adopt(self, opened: EarlyOpened) -> None:
        """The session of a code checked early opens once the database is attached."""
        try:
            self._session().adopt(opened)
        except Exception as error:  # e.g. the desk key rotated meanwhile: the code again
            log.error("Adopting the early unlock failed: %s", type(error).__name__)
            self.lock()  # the screens given back early are taken again
            self._lock_screen_widget().show_error(
                self.tr("Le poste n'a pas pu être déverrouillé. Réessayez.")
            )
            return
        if self.is_locked:  # checked while the database attached: the screens come back now
            self._unlocked()
            return
        self.lock_action.setEnabled(True)
        self._watch()
        if self._session().must_change_secret:
            self._ask_for_a_new_secret()

    def _record_early(self) -> None:
        """The writes of the codes checked early (counter's copy, re-wrap, access log), on the
        runner, in order, before any code checked through the database layer."""
        attempts, self._early_attempts = self._early_attempts, []
        if not attempts or self._db is None:
            return
        from spro_desk.agents.sessions import record_early

        db = self._db
        self._runner.submit(
            lambda _context: record_early(db, attempts),
            Callbacks(on_error=self._record_failed),
        )

    @staticmethod
    def _record_failed(error: Exception) -> None:
        log.error("Recording the early sign-ins failed: %s", type(error).__name__)

    def _refused(self, error: Exception) -> None:
        from spro_desk.agents.accounts import AgentError

        if not isinstance(error, AgentError):
            log.error("Unlock failed: %s", type(error).__name__)
            error = AgentError(self.tr("Le poste n'a pas pu être déverrouillé. Réessayez."))
        self._lock_screen_widget().show_error(str(error))

    def _unlocked(self) -> None:
        if not self.is_locked:
            return
        self._give_back_screens()
        for screen in self._built_screens():
            restore = getattr(screen, "restore_personal_data", None)
            if restore is not None:
                restore()
        self._watch()
        announce(self._window, self.tr("Poste déverrouillé."))
        self.locked_changed.emit(False)
        if self._session().must_change_secret:
            self._ask_for_a_new_secret()

    def _ask_for_a_new_secret(self) -> None:
        """A code of an earlier version, shorter than today's rules: a new one, now."""
        from spro_desk.ui.common.agents_dialog import SecretDialog

        agent = self._session().agent
        if agent is None or self._db is None:
            return
        dialog = SecretDialog(self._db, agent, self._window)
        dialog.form.show_error(
            self.tr(
                "Votre code est désormais trop court pour protéger les données personnelles : "
                "choisissez-en un nouveau (8 chiffres ou plus, ou un mot de passe)."
            )
        )
        from PySide6.QtCore import Qt  # not before the first paint (ui/common/named_values)

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_secret_dialog = dialog
        dialog.open()

    # --- the first account --------------------------------------------------------------------

    def require_first_agent(self) -> None:
        """No account yet: the site manager's form takes the screens' place until created."""
        if self._db is None or self._closed or self._agents_exist() or self.is_locked:
            return
        from spro_desk.ui.common.agents_dialog import FirstAgentPanel

        panel = FirstAgentPanel(self._db)
        panel.created.connect(self._first_agent_created)
        panel.quit_requested.connect(self._quit)
        self._first_agent = panel
        self._take_screens(panel)
        panel.focus_first_field()

    def _quit(self) -> None:
        # Through the guard: a connection to the window's own bound method would keep the
        # window alive after it closed.
        self._window.close()

    def _first_agent_created(self, _agent: AgentView) -> None:
        self._first_agent = None
        self._give_back_screens()
        show = getattr(self._window, "show_screen", None)
        if show is not None:  # the desk is ready: its first task is the next person at Accueil
            show("accueil")
        self.lock_action.setEnabled(True)
        self._watch()
        self.locked_changed.emit(False)

    # --- the retention purge ------------------------------------------------------------------

    def purge_now(self) -> None:
        """Off the UI thread; the result goes to `purge_done` (status bar, Paramètres)."""
        if self._db is None or self._closed:
            return
        from spro_desk.privacy.purge import run_purge

        db = self._db
        self._runner.submit(
            lambda _context: run_purge(db),
            Callbacks(on_result=self._purged, on_error=self._purge_failed),
        )

    def _purged(self, report: PurgeReport) -> None:
        if report.audit_problem and not self._closed:
            # Said at every purge (start, then daily) for as long as the log stays broken.
            self._window.statusBar().showMessage(report.audit_problem)
        self.purge_done.emit(report)

    @staticmethod
    def _purge_failed(error: Exception) -> None:
        # Never the error's text: it could quote a row. The next run tries again.
        log.error("Retention purge failed: %s", type(error).__name__)
