"""Questions asked before an action that discards something; replaced by a stub in tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:  # QMessageBox is loaded when asked: not on the way to the first paint
    from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton

# (parent, title, question, label of the button that goes ahead, undoable) -> went ahead
Confirm = Callable[[QWidget, str, str, str, bool], bool]
# (parent, question) -> "save", "discard" or "cancel"
AskUnsaved = Callable[[QWidget, str], str]


def ask(parent: QWidget, title: str, question: str, go_ahead: str, undoable: bool) -> bool:
    """A French question whose buttons say what they do; Échap keeps things as they are."""
    from PySide6.QtWidgets import QMessageBox

    cancel_text = QCoreApplication.translate("Confirm", "Annuler")
    box, accept, cancel = _question_box(
        parent,
        QMessageBox.Icon.Question,
        title,
        question,
        go_ahead,
        QMessageBox.ButtonRole.AcceptRole,
        cancel_text,
    )
    # Entrée goes ahead only when the action can be undone: the agent already chose it.
    box.setDefaultButton(accept if undoable else cancel)
    box.exec()
    return box.clickedButton() is accept


def ask_unsaved(parent: QWidget, question: str) -> str:
    """Edits not saved, before the window closes: « Enregistrer » (Entrée), « Fermer sans
    enregistrer » or « Annuler » (Échap): "save", "discard" or "cancel"."""
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("Confirm", "Modifications non enregistrées")
    box, save, _cancel = _question_box(
        parent, QMessageBox.Icon.Question, title, question,
        QCoreApplication.translate("Confirm", "&Enregistrer"), QMessageBox.ButtonRole.AcceptRole,
        QCoreApplication.translate("Confirm", "Annuler"),
    )  # fmt: skip
    discard = box.addButton(
        QCoreApplication.translate("Confirm", "&Fermer sans enregistrer"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def open_destructive_question(
    parent: QWidget,
    title: str,
    question: str,
    go_ahead: str,
    answered: Callable[[bool], None],
    closed: Callable[[], None],
) -> QMessageBox:
    """A warning before an action that cannot be undone, window-modal but not blocking
    (background work keeps reporting meanwhile). Entrée and Échap keep things as they are;
    `answered(True)` only for the `go_ahead` button; `closed()` once it is gone."""
    from PySide6.QtWidgets import QMessageBox

    keep_text = QCoreApplication.translate("Confirm", "&Annuler")
    box, go, keep = _question_box(
        parent,
        QMessageBox.Icon.Warning,
        title,
        question,
        go_ahead,
        QMessageBox.ButtonRole.DestructiveRole,
        keep_text,
    )
    box.setDefaultButton(keep)  # the choice must be explicit
    from PySide6.QtCore import Qt  # not at import: ui/common/named_values

    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: answered(button is go))
    box.finished.connect(closed)
    box.open()
    return box


def _question_box(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    question: str,
    go_ahead: str,
    role: QMessageBox.ButtonRole,
    cancel_text: str,
) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """A plain-text question whose two buttons say what they do; Échap is the cancel one.
    Returns the box, the button that goes ahead and the one that cancels."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    go = box.addButton(go_ahead, role)
    cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(cancel)
    return box, go, cancel


def button_named(box: QMessageBox | None, text: str) -> QAbstractButton | None:
    """The button of `box` whose text, without its mnemonic, is `text` (tests, screenshots)."""
    if box is None:
        return None
    return next((b for b in box.buttons() if b.text().replace("&", "") == text), None)


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
