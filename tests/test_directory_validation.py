"""The import's e-mail fast path agrees with the data·inclusion model's own check."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic.networks import validate_email

from spro_desk.directory.rows import _spaced_words
from spro_desk.directory.validation import checked_email, is_plain_email
from spro_desk.text import (
    has_bidi_controls,
    has_control_chars,
    has_html_markup,
    looks_like_formula,
    none_need_neutralising,
    strip_bidi_controls,
    strip_control_chars,
)


def library_check(value: str) -> str | None:
    try:
        return validate_email(value)[1]
    except ValueError:
        return None


_ATOM = st.text("abz09_+-", min_size=1, max_size=70)
_LABEL = st.text("abz09-", min_size=1, max_size=66)
_TLD = st.sampled_from(
    [
        "fr",
        "com",
        "c",
        "a1",
        "local",
        "localhost",
        "test",
        "invalid",
        "onion",
        "home.arpa",
        "example",
        "xn--p1ai",
        "alt",
    ]
)


@st.composite
def near_plain_addresses(draw: st.DrawFn) -> str:
    local = ".".join(draw(st.lists(_ATOM, min_size=1, max_size=3)))
    labels = draw(st.lists(_LABEL, max_size=4))
    return local + "@" + ".".join([*labels, draw(_TLD)])


@settings(max_examples=1000, deadline=None)
@given(near_plain_addresses())
def test_plain_addresses_are_what_the_library_returns_unchanged(address: str) -> None:
    if is_plain_email(address):
        assert library_check(address) == address


@pytest.mark.parametrize(
    "address",
    [
        "contact@cio-de-les-abymes.example.fr",
        "accueil.jeunes@mission-locale.fr",
        "a" * 64 + "@x.fr",
        "a@" + "b" * 63 + ".fr",
    ],
)
def test_ordinary_addresses_take_the_fast_path(address: str) -> None:
    assert is_plain_email(address)
    assert checked_email(address) == library_check(address) == address


@pytest.mark.parametrize(
    "address",
    [
        "Contact@Mission-Locale.FR",  # normalised by the library: not plain
        "a@xn--p1ai.fr",  # Punycode
        "a@ab--cd.fr",  # reserved R-LDH label
        "a@x.local",  # special use
        "a@localhost",  # no dot
        "a@x.fr1",  # top-level domain must end with a letter
        "a" * 65 + "@x.fr",  # local part too long
        "élodie@exemple.fr",  # internationalised
        "a..b@x.fr",
        "a@-x.fr",
    ],
)
def test_other_addresses_get_the_library_answer(address: str) -> None:
    assert not is_plain_email(address)
    assert checked_email(address) == library_check(address)


_MARKUP_AND_CONTROLS = ["a", " ", "\n", "<", ">", "b", "/", "=", "+", "3", "\x1b", "[", "\u202e"]
_FORMULA_AND_UNICODE = ["\t", "\r", "-", "@", "(", "\x00", "\x85", "\u200e", "\u200b", "é", "ß"]
_PIECES = st.sampled_from([*_MARKUP_AND_CONTROLS, *_FORMULA_AND_UNICODE, "\u0301", "\u0130"])
_TEXTS = st.lists(st.text(_PIECES, max_size=12), max_size=5)
_CHECKS = (has_bidi_controls, has_control_chars, has_html_markup, looks_like_formula)


@settings(max_examples=1000, deadline=None)
@given(_TEXTS)
def test_one_scan_of_the_row_never_misses_what_a_text_check_finds(texts: list[str]) -> None:
    if any(check(text) for check in _CHECKS for text in texts):
        assert not none_need_neutralising(texts)


@settings(max_examples=1000, deadline=None)
@given(_TEXTS)
def test_the_texts_of_a_harmless_row_go_in_as_they_are(texts: list[str]) -> None:
    """The importer copies the texts of such a row without stripping them (rows.add_service)."""
    if none_need_neutralising(texts):
        assert [strip_control_chars(strip_bidi_controls(text)) for text in texts] == texts


@settings(max_examples=1000, deadline=None)
@given(st.text(_PIECES, max_size=12), st.text(_PIECES, max_size=12))
def test_the_words_of_two_joined_descriptions_are_those_of_each(first: str, second: str) -> None:
    """A service's description and its structure's are folded apart, each found in the cache."""
    assert _spaced_words(first + " " + second) == _spaced_words(first) + _spaced_words(second)


@pytest.mark.parametrize(
    ("texts", "harmless"),
    [
        (["Mission locale", "Accueil\nsur rendez-vous", "contact@ml.fr"], True),
        (["Mission locale", "+33 5 13 90 99 60"], True),
        (["Mission locale", "<b>gras</b>"], False),
        (["=SOMME(A1)", "x"], False),
        (["x", "nom\x00"], False),
        (["x", "\x1b[31mrouge"], False),
        (["Accueil", "Nos services :\n- accueil\n=fin", "\t02 38 00 00 00"], True),
        (["x", "@Formule"], False),
        (["x", "\r=1+1"], False),
    ],
)
def test_rows_with_something_to_neutralise_are_not_harmless(
    texts: list[str], harmless: bool
) -> None:
    assert none_need_neutralising(texts) is harmless
