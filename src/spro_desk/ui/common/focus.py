"""Where the focus lands when the application moves it: a control the agent can use.

Containers (a screen's page, a scroll area, a stack) take the focus only to pass it on; a
screen reader announces them as an unnamed « panneau » and a keyboard user sees no mark.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QStackedWidget, QTabBar, QWidget

CONTAINERS = (QScrollArea, QStackedWidget, QTabBar)


def is_container(widget: QWidget) -> bool:
    return type(widget) is QWidget or isinstance(widget, CONTAINERS)


def _usable(widget: QWidget, root: QWidget) -> bool:
    from PySide6.QtCore import Qt  # not at import: ui/common/named_values

    takes_tab = bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
    return (
        root.isAncestorOf(widget)
        and takes_tab
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and not is_container(widget)
    )


def first_useful_control(root: QWidget) -> QWidget | None:
    """The first control of `root` in Tab order, skipping containers."""
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root:
        if _usable(widget, root):
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_is_useful(root: QWidget, focused: QWidget | None) -> bool:
    return focused is not None and root.isAncestorOf(focused) and not is_container(focused)
