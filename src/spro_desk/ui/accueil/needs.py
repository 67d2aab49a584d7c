"""Searching the data·inclusion thématiques by any word of a category or sub-thématique label."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spro_desk.text import words
from spro_desk.vocab import categories, category_of, is_category, thematiques

SEPARATOR = " › "


def need_text(code: str) -> str:
    """A sub-thématique read with its category: « Se former › Trouver sa formation »."""
    if is_category(code):
        return categories()[code]
    label = thematiques().get(code)
    if label is None:
        return code
    return f"{categories().get(category_of(code), '')}{SEPARATOR}{label}"


@dataclass(frozen=True)
class _Entry:
    code: str
    text: str
    own_words: tuple[str, ...]  # of the need's own label
    all_words: tuple[str, ...]  # with the category's, for sub-thématiques


@cache
def _entries() -> tuple[_Entry, ...]:
    codes = [*categories(), *thematiques()]
    return tuple(
        _Entry(
            code,
            need_text(code),
            tuple(words(need_text(code).split(SEPARATOR)[-1])),
            tuple(words(need_text(code))),
        )
        for code in codes
    )


def _matches(query: list[str], candidates: tuple[str, ...]) -> bool:
    return all(any(word.startswith(q) for word in candidates) for q in query)


def search_needs(text: str, limit: int = 12) -> list[tuple[str, str]]:
    """(text, code) of the needs whose words start with every word typed, accents optional.

    A need matched by its own label comes before one matched only through its category.
    """
    query = words(text)
    if not query:
        return []
    found = [
        (0 if _matches(query, e.own_words) else 1, 0 if is_category(e.code) else 1, i, e)
        for i, e in enumerate(_entries())
        if _matches(query, e.all_words)
    ]
    return [(e.text, e.code) for *_rank, e in sorted(found, key=lambda f: f[:3])][:limit]
