"""Issue 15, finding 6: codes typed in password fields must not reach the accessibility bus.

Checked through Qt's own accessibility layer, which is what the AT-SPI bridge (Linux), UI
Automation (Windows) and NSAccessibility (macOS) read: the field's accessible interface (its
name, value and text interface) and every accessibility event Qt emits while typing, caught by
an update handler installed with QAccessible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleTextInterface, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from spro_desk.ui.common.secret_field import SecretLineEdit

CODE = "73910462"


def _exposed(field: QLineEdit) -> list[str]:
    """Everything the field's accessible interface tells an assistive technology."""
    interface = QAccessible.queryAccessibleInterface(field)
    assert interface is not None
    texts = [interface.text(kind) for kind in (QAccessible.Text.Name, QAccessible.Text.Value,
                                               QAccessible.Text.Description)]  # fmt: skip
    text_interface = interface.textInterface()
    if text_interface is not None:
        assert isinstance(text_interface, QAccessibleTextInterface)
        count = text_interface.characterCount()
        texts.append(text_interface.text(0, count))
    value_interface = interface.valueInterface()
    if value_interface is not None:
        texts.append(str(value_interface.currentValue()))
    return texts


def _leaks(texts: list[str]) -> list[str]:
    return [text for text in texts if any(digit in text for digit in set(CODE))]


def _typed(qtbot: QtBot, field: QLineEdit) -> list[str]:
    """Type the code; what Qt's own text was after each key (the accessibility events Qt
    emits — text inserted, text updated — are built from that text and its changes)."""
    seen: list[str] = []
    # Connected to the C++ signal: its argument is Qt's text, not the Python override's.
    field.textChanged.connect(seen.append)
    field.textEdited.connect(seen.append)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    qtbot.keyClicks(field, CODE)
    seen.append(field.displayText())
    return seen


def test_a_plain_password_field_leaks_the_code_through_its_text_interface(qtbot: QtBot) -> None:
    """What the issue saw: Qt's QLineEdit in password mode still hands out the typed digits."""
    QAccessible.setActive(True)
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    qtbot.addWidget(field)
    changes = _typed(qtbot, field)
    print(f"\nplain QLineEdit (password mode): exposes {_exposed(field)}; text changes carry "
          f"{_leaks(changes)[-1:]}")  # fmt: skip
    assert field.text() == CODE and _leaks(changes)


def test_the_secret_field_exposes_only_masked_text_and_gives_the_code_to_the_code(
    qtbot: QtBot,
) -> None:
    QAccessible.setActive(True)
    field = SecretLineEdit()
    qtbot.addWidget(field)
    changes = _typed(qtbot, field)
    exposed = _exposed(field)
    print(f"\nSecretLineEdit exposes: {exposed}; text changes carry {changes[-1:]}")
    assert _leaks(exposed) == [] and _leaks(changes) == [] and len(changes) >= len(CODE)
    assert field.text() == CODE  # what the application reads
    assert QLineEdit.text(field) == "\u2022" * len(CODE)  # what Qt (and the bus) hold
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == CODE[:-1] and len(QLineEdit.text(field)) == len(CODE) - 1
    field.selectAll()
    qtbot.keyClicks(field, "5")
    assert field.text() == "5"
    field.clear()
    assert field.text() == "" and QLineEdit.text(field) == ""


def test_the_secret_field_keeps_its_rules_and_refuses_copying(qtbot: QtBot) -> None:
    from PySide6.QtCore import QRegularExpression
    from PySide6.QtGui import QKeySequence, QRegularExpressionValidator

    field = SecretLineEdit()
    qtbot.addWidget(field)
    field.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]*")))
    field.setMaxLength(10)
    _typed(qtbot, field)
    qtbot.keyClicks(field, "ab999")  # letters refused, then only up to 10 characters
    assert field.text() == CODE + "99"
    QGuiApplication.clipboard().setText("rien")
    field.selectAll()
    qtbot.keySequence(field, QKeySequence.StandardKey.Copy)
    assert QGuiApplication.clipboard().text() == "rien"  # a secret is never copied out
    QGuiApplication.clipboard().setText("12")
    field.clear()
    qtbot.keySequence(field, QKeySequence.StandardKey.Paste)
    assert field.text() == "12"
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_every_password_field_of_the_desk_is_a_secret_field(qtbot: QtBot) -> None:
    from spro_desk.site.settings import spec
    from spro_desk.ui.common.agents_dialog import AgentForm
    from spro_desk.ui.common.setting_editors import make_editor
    from spro_desk.ui.lock.guard import LockScreen

    password = make_editor(spec("sync.secret"), None).widget  # type: ignore[arg-type]
    assert isinstance(password, SecretLineEdit)
    widgets: list[QWidget] = [LockScreen(), AgentForm(with_role=True)]
    for widget in widgets:
        qtbot.addWidget(widget)
        for field in widget.findChildren(QLineEdit):
            if field.echoMode() != QLineEdit.EchoMode.Normal:
                assert isinstance(field, SecretLineEdit), field.accessibleName()
