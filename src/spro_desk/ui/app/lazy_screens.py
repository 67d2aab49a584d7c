"""The main window's screens, each built the first time it is shown or asked for."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QVBoxLayout, QWidget

from spro_desk.ui.app.screens import Screen, screen_class
from spro_desk.ui.common.context import DeskContext


class LazyScreens(Mapping[str, Screen]):
    """Maps a screen name to its screen; `page(name)` is the tab's placeholder widget."""

    def __init__(
        self, context: DeskContext, names: tuple[str, ...], on_built: Callable[[Screen], None]
    ) -> None:
        self._context = context
        self._pages = {name: _page() for name in names}
        self._built: dict[str, Screen] = {}
        self._on_built = on_built

    def page(self, name: str) -> QWidget:
        return self._pages[name]

    def built(self) -> list[Screen]:
        return list(self._built.values())

    def __getitem__(self, name: str) -> Screen:
        if name not in self._built:
            screen = screen_class(name)(self._context)
            layout = self._pages[name].layout()
            assert layout is not None  # each page is built with its layout
            layout.addWidget(screen)
            screen.show()  # a child added to an already visible window stays hidden otherwise
            self._pages[name].setAccessibleName(screen.title())  # no nameless panel
            self._built[name] = screen
            self._on_built(screen)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)


def _page() -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return page
