"""Questions asked before an action that discards something; replaced by a stub in tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# (parent, title, question, label of the button that goes ahead, undoable) -> went ahead
Confirm = Callable[[QWidget, str, str, str, bool], bool]


def ask(parent: QWidget, title: str, question: str, go_ahead: str, undoable: bool) -> bool:
    """A French question whose buttons say what they do; Échap keeps things as they are."""
    from PySide6.QtWidgets import QMessageBox  # when asked: not on the way to the first paint

    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    accept = box.addButton(go_ahead, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        QCoreApplication.translate("Confirm", "Annuler"), QMessageBox.ButtonRole.RejectRole
    )
    box.setEscapeButton(cancel)
    # Entrée goes ahead only when the action can be undone: the agent already chose it.
    box.setDefaultButton(accept if undoable else cancel)
    box.exec()
    return box.clickedButton() is accept


def cancel_open_dialogs(window: QWidget) -> None:
    """A question or form left open must not stay over a locked window: it is cancelled."""
    for _attempt in range(10):  # a dialog may have opened another
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None or widget is window:
            return
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()
