"""Text helpers shared by search, import and exports: folding, neutralising outside text."""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections.abc import Callable

# Bidirectional embedding/override/isolate controls: they can reorder what an agent reads.
_BIDI_CONTROLS = dict.fromkeys(
    [0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
_BIDI_PATTERN = re.compile("[" + "".join(map(chr, _BIDI_CONTROLS)) + "]")

# A tag name ends at a space, "/" or ">": markdown autolinks (<https://…>, <a@b.fr>) are not HTML.
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--")
# Terminal escape sequences first (their parameters would stay behind), then C0, DEL and C1
# controls; tab and line breaks are layout, not controls.
_CONTROLS = re.compile(
    r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_WORD = re.compile(r"\w+", re.UNICODE)
# A signed number or phone number ("+33 5 13 90 99 60"): a spreadsheet reads it as a value.
_PLAIN_NUMBER = re.compile(r"[+-]?[\d\s().]+")


def fold(text: str) -> str:
    """Lower-case, accent-free form used to compare what people type with names."""
    if text.isascii():  # most directory text: no decomposition needed
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    # The few distinct marks of the text, removed in one C-level pass.
    marks = "".join(sorted(c for c in set(decomposed) if unicodedata.combining(c)))
    if marks:
        decomposed = re.sub(f"[{re.escape(marks)}]", "", decomposed)
    return decomposed.casefold()


def words(text: str) -> list[str]:
    """The folded words of a text; everything that is not a letter or digit separates."""
    return _WORD.findall(fold(text))


def strip_bidi_controls(text: str) -> str:
    if text.isprintable():  # bidi controls are format characters: never printable
        return text
    return text.translate(_BIDI_CONTROLS) if _BIDI_PATTERN.search(text) else text


def has_bidi_controls(text: str) -> bool:
    return _BIDI_PATTERN.search(text) is not None


def has_control_chars(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def strip_control_chars(text: str) -> str:
    if text.isprintable():  # C-speed: no control, format or separator character at all
        return text
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def has_html_markup(text: str) -> bool:
    return bool(_HTML_TAG.search(text))


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(text)


def neutralise_formula(text: str) -> str:
    """Make a spreadsheet show the text instead of evaluating it (OWASP CSV injection)."""
    return "'" + text if looks_like_formula(text) else text


_SUSPICIOUS = re.compile(_BIDI_PATTERN.pattern + "|" + _HTML_TAG.pattern + "|" + _CONTROLS.pattern)


def might_need_neutralising(text: str) -> bool:
    """One quick scan before the precise checks: almost every text is harmless."""
    if text.startswith(FORMULA_PREFIXES):
        return True
    if text.isprintable() and "<" not in text:  # C-speed: no control, no tag
        return False
    return _SUSPICIOUS.search(text) is not None


_starts_like_formula = operator.methodcaller("startswith", FORMULA_PREFIXES)


def none_need_neutralising(texts: list[str]) -> bool:
    """True when no text has bidi or control characters, HTML markup or a formula's start, in
    one scan of the joined texts: the patterns have no anchor, so the join matches wherever
    one of them would (a match across two texts is only a false alarm)."""
    starts = itertools.compress(texts, map(_starts_like_formula, texts))  # no Python call per text
    if any(looks_like_formula(text) for text in starts):  # a phone number "+33 …" is not one
        return False
    joined = " ".join(texts)
    if joined.isprintable() and "<" not in joined:
        return True
    return _SUSPICIOUS.search(joined) is None


class Worded:
    """A message said in French (its str), kept as its template and values so that a window
    can say it in its own words (`worded`). Templates are marked for the catalogue where they
    are written; a message already written out (no values) is its own template, never
    formatted again (outside text may hold braces)."""

    template: str
    values: dict[str, object]

    def _keep(self, template: str, values: dict[str, object]) -> str:
        self.template, self.values = template, values
        return template.format(**values) if values else template

    def worded(self, words: Callable[[str], str]) -> str:
        """The message in `words` (a window's translation); its values through them too, for
        the vocabularies' and settings' labels (text a person typed has no translation: it
        stays), a quoted refusal worded in turn."""
        if not self.values:
            return words(self.template)
        values = {key: _worded(value, words) for key, value in self.values.items()}
        return words(self.template).format(**values)


def _worded(value: object, words: Callable[[str], str]) -> object:
    if isinstance(value, Worded):  # a refusal quoting another one (a setting's phone)
        return value.worded(words)
    return words(value) if isinstance(value, str) else value


class WordedError(Worded, ValueError):
    """A refusal of bad input (context "DomainErrors" for its templates)."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(self._keep(template, values))
