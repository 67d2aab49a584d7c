"""Turning directory values into display text: outside text made inert, French dates and numbers."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from spro_desk.clock import place_zone, wall_clock
from spro_desk.text import strip_bidi_controls

if TYPE_CHECKING:
    from spro_desk.directory.catalog import DirectoryInfo
    from spro_desk.directory.hours import Hours

NBSP = "\u00a0"
_SPACES = re.compile(r"\s+")
_FRENCH_PHONE = re.compile(r"\+33\s*([1-9](?:\s*\d){8})")


def one_line(value: object) -> str:
    """Directory text for a cell or a title: no bidi controls, no line breaks."""
    if value is None:
        return ""
    return _SPACES.sub(" ", strip_bidi_controls(str(value))).strip()


def paragraph(value: object) -> str:
    """Directory text kept on several lines (descriptions), without bidi controls."""
    if value is None:
        return ""
    return strip_bidi_controls(str(value)).strip()


def tooltip(text: str) -> str:
    """Tooltip markup showing `text` literally.

    Qt renders a tooltip as HTML whenever it merely looks like HTML, so directory text cannot
    be passed as is: it is escaped inside an explicit rich-text wrapper.
    """
    import html  # only for tooltips: not on the way to the first paint

    escaped = html.escape(paragraph(text)).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


def interface_is_english() -> bool:
    """Whether the window speaks English (install_translators sets the default locale)."""
    return QLocale().language() == QLocale.Language.English


def number(value: int) -> str:
    """« 1 751 » (U+00A0: some Windows fonts lack U+202F); « 1,751 » in an English window."""
    grouped = f"{value:,}"
    return grouped if interface_is_english() else grouped.replace(",", NBSP)


def french_date(value: str | date | None) -> str:
    """``14/09/2026`` from an ISO date; anything unreadable is shown as given."""
    if value is None:
        return ""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return one_line(value)
    return day.strftime("%d/%m/%Y")


def french_datetime(value: datetime) -> str:
    local = wall_clock(value) if value.tzinfo else value
    return QCoreApplication.translate("Formatting", "{date} à {time}").format(
        date=local.strftime("%d/%m/%Y"), time=local.strftime("%H:%M")
    )


def phone(value: object) -> str:
    """``05 13 90 99 60`` for a French number in international form; others unchanged."""
    text = one_line(value)
    match = _FRENCH_PHONE.fullmatch(text)
    if not match:
        return text
    digits = "0" + re.sub(r"\s", "", match.group(1))
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def count_phrase(value: int, one: str, many: str) -> str:
    """The singular or plural phrase, by the rule of the interface's language."""
    # French puts 0 and 1 in the singular; English only 1.
    singular = value == 1 if interface_is_english() else value <= 1
    return (one if singular else many).format(n=number(value))


def structures_count(value: int) -> str:
    return count_phrase(
        value,
        QCoreApplication.translate("Formatting", "{n} structure"),
        QCoreApplication.translate("Formatting", "{n} structures"),
    )


def services_count(value: int) -> str:
    return count_phrase(
        value,
        QCoreApplication.translate("Formatting", "{n} service"),
        QCoreApplication.translate("Formatting", "{n} services"),
    )


def directory_summary(info: DirectoryInfo) -> str:
    """The status bar line: what the desk's directory holds and when it was imported."""
    if info.services == 0 and info.structures == 0:
        return QCoreApplication.translate("Formatting", "Annuaire vide")
    counts = f"{structures_count(info.structures)} · {services_count(info.services)}"
    if info.imported_at is None:
        return counts
    return QCoreApplication.translate("Formatting", "{counts} · importé le {when}").format(
        counts=counts, when=french_datetime(info.imported_at)
    )


def hours_words(text: str) -> str:
    """The window's words for a text of the opening hours (directory.hours marks them)."""
    return QCoreApplication.translate("OpeningHours", text)


# The contexts of the texts the domain marks and a suggestion's reasons are made of.
_REASON_CONTEXTS = ("Reasons", "Vocabulary", "OpeningHours")


def reason_words(text: str) -> str:
    """The window's words for a text of a suggestion's reasons (orientation.reasons marks
    them; their statuts and opening hours come from the vocabularies and directory.hours)."""
    for context in _REASON_CONTEXTS:
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


def opening_status(hours: Hours, at: datetime, code_insee: str | None) -> str:
    """« Ouvert jusqu'à 12 h 30 », « Fermé · ouvre demain à 9 h », in the window's language."""
    return hours.status(at, code_insee, hours_words)


def opening_week(hours: Hours, code_insee: str | None) -> list[str]:
    """A service's week, as its hours say, on its own clock: said so when that clock is not the
    desk's, lest an agent in La Réunion read a Bourges partner's « 9 h » as her own."""
    lines = hours.describe(hours_words)
    if hours.structured and place_zone(code_insee) is not None:
        lines.append(
            QCoreApplication.translate(
                "OpeningHours", "(heures locales du service, pas celles du poste)"
            )
        )
    return lines
