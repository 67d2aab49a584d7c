"""Count phrases follow the plural rule of the interface's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from spro_desk.ui.common.formatting import count_phrase


@pytest.fixture
def restore_locale() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


@pytest.mark.usefixtures("restore_locale")
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (QLocale.Language.French, ["0 contact", "1 contact", "2 contacts"]),
        (QLocale.Language.English, ["0 contacts", "1 contact", "2 contacts"]),
    ],
)
def test_plural_rule(language: QLocale.Language, expected: list[str]) -> None:
    QLocale.setDefault(QLocale(language))
    assert [count_phrase(n, "{n} contact", "{n} contacts") for n in (0, 1, 2)] == expected
