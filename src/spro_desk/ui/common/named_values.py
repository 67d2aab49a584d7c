"""Qt properties set from the names Qt reads (``"AlignCenter"``, ``"Ctrl+L"``), in C++.

PySide6 builds all ~90 enums of the `Qt` namespace the first time any of them is touched
(~30 ms, a tenth of a bare window's start), and so does passing a key sequence, whose
conversions go through `Qt.Key`. The lock screen's first paint needs none of them: what it
sets (an alignment, a text format, a shortcut…) goes through the property system, which
converts the names itself. After the first paint, code uses the `Qt` enums as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_by_name(target: QObject, name: str, value: str) -> None:
    """Set the property `name` of `target` to `value` as Qt spells it ("AlignLeft|AlignTop")."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__}.{name} cannot be set to {value!r}")
