"""A screen of the coordination's window: one tab over the shared CoordinatorContext."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from spro_desk.agents.coordination_roles import (
    CoordinationPermission,
    can,
    coordination_session,
    denied_message,
)
from spro_desk.ui.coordination.context import CoordinatorContext


class CoordinatorScreen(QWidget):
    """Subclasses build their widgets in __init__ and read the database in refresh()."""

    name = "screen"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        context.navigator.data_changed.connect(self._data_changed)

    def title(self) -> str:
        raise NotImplementedError

    def menu_title(self) -> str:
        """The title of the screen's menu, with its mnemonic."""
        return "&" + self.title()

    def menu_actions(self) -> list[QAction]:
        """The screen's actions, also offered in a menu of the window named after the screen."""
        return []

    def activate(self) -> None:
        """Called each time the tab is shown."""
        self.refresh()

    def refresh(self) -> None:
        """Read the database again."""

    def shutdown(self) -> None:
        """Stop timers and pending work before the database closes."""

    def refusal(self, permission: CoordinationPermission) -> str | None:
        """Why the signed-in account may not do this (French, naming the role that may), or
        None when it may or nobody signs in. Widgets are greyed with it; the domain refuses
        regardless."""
        account = coordination_session(self.context.db).account
        if account is None or can(account.role, permission):
            return None
        return denied_message(permission, account.role)

    def _data_changed(self) -> None:
        # A hidden screen catches up in activate(): no query for a tab nobody looks at.
        if self.isVisible():
            self.refresh()
