"""Opening hours of directory services: OpenStreetMap ``opening_hours`` values, told in words.

Directory rows (data·inclusion) carry ``horaires_accueil`` in OSM syntax, e.g.
``"Mo-Fr 09:00-12:30,13:30-17:30; PH off"``. Parsing and evaluation are delegated to the
maintained ``opening-hours-py`` package, created with ``country="FR"``: its calendar of French
public holidays (national list, years 2000 to 2076) makes ``PH off`` close on 11 November,
25 December, Easter Monday, Ascension, Whit Monday, etc.

Datetimes are naive Europe/Paris wall-clock times, in and out. An aware datetime is converted
to the computer's local time and made naive, since the app runs on front-desk machines in France.

French typography (user-facing strings, compared exactly by the tests):

* every space *inside* a time or a time range is U+00A0 NO-BREAK SPACE: ``"12\u00a0h\u00a030"``,
  ``"9\u00a0h\u00a0–\u00a012\u00a0h"`` (en dash), so a range never wraps across lines;
  U+00A0 rather than U+202F because some Windows UI fonts lack the narrow no-break glyph;
* U+00A0 also before a colon and inside guillemets: ``"Vendredi\u00a0: …"``, ``"«\u00a0…\u00a0»"``;
* ordinary spaces everywhere else (between words, after commas, around ``·``);
* ASCII apostrophe: ``"jusqu'à"``.

Nothing here raises on outside data: an unparseable value is kept as text and reported.

The words are French by default (the command line, the import report, the search's reasons);
`Hours.describe` and `Hours.status` take `words`, the window's translation of each French text
(marked for the catalogue, context "OpeningHours"), so that an English window tells hours in
English. Every piece of a sentence is a whole template with its placeholders, never glued
words, so that a language may order them its own way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from opening_hours import OpeningHours, State

from spro_desk.clock import partner_clock, place_zone, site_clock, wall_clock
from spro_desk.text import strip_bidi_controls
from spro_desk.vocab import QT_TRANSLATE_NOOP

__all__ = ["Hours", "Words", "format_time_fr", "hours_kind", "hours_warning", "is_open_within"]

# The translation of one French text (a template of this module): the window passes the
# catalogue's; French, the default, is the text itself.
Words = Callable[[str], str]


def french(text: str) -> str:
    return text


NBSP = "\u00a0"

_COUNTRY = "FR"
# Bounds every search of the parser: one year covers any realistic seasonal closure, and
# expressions aimed at far-away years ("2099 Mo 10:00-12:00") stay cheap instead of scanning.
_MAX_INTERVAL_DAYS = 366
_MAX_STEPS = 64  # state changes walked by one search; a week of split opening hours is ~20
_STATUS_HORIZON_DAYS = 62  # long enough to announce the reopening after a summer closure
_CLOSES_HORIZON_DAYS = 31
_STATUS_RAW_MAX = 80
_PARSE_CACHE_SIZE = 4096

# A regular week without any French public holiday: its intervals describe the usual schedule.
_REFERENCE_MONDAY = datetime(2026, 3, 9)
_MINUTES_PER_DAY = 24 * 60

_WEEKDAYS_FR = (
    QT_TRANSLATE_NOOP("OpeningHours", "lundi"), QT_TRANSLATE_NOOP("OpeningHours", "mardi"),
    QT_TRANSLATE_NOOP("OpeningHours", "mercredi"), QT_TRANSLATE_NOOP("OpeningHours", "jeudi"),
    QT_TRANSLATE_NOOP("OpeningHours", "vendredi"), QT_TRANSLATE_NOOP("OpeningHours", "samedi"),
    QT_TRANSLATE_NOOP("OpeningHours", "dimanche"),
)  # fmt: skip
_MONTHS_FR = (
    QT_TRANSLATE_NOOP("OpeningHours", "janvier"), QT_TRANSLATE_NOOP("OpeningHours", "février"),
    QT_TRANSLATE_NOOP("OpeningHours", "mars"), QT_TRANSLATE_NOOP("OpeningHours", "avril"),
    QT_TRANSLATE_NOOP("OpeningHours", "mai"), QT_TRANSLATE_NOOP("OpeningHours", "juin"),
    QT_TRANSLATE_NOOP("OpeningHours", "juillet"), QT_TRANSLATE_NOOP("OpeningHours", "août"),
    QT_TRANSLATE_NOOP("OpeningHours", "septembre"),
    QT_TRANSLATE_NOOP("OpeningHours", "octobre"),
    QT_TRANSLATE_NOOP("OpeningHours", "novembre"),
    QT_TRANSLATE_NOOP("OpeningHours", "décembre"),
)  # fmt: skip

_RULE_SEPARATOR = re.compile(r'("[^"]*")|;|\|\|')
_PH_CLOSED_RULE = re.compile(r"PH\s+(?:off|closed)", re.IGNORECASE)
# Rules the reference week renders faithfully start with days, times or a plain state...
_WEEKLY_START = re.compile(
    r'(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)(?![\w\[])|\d{1,2}:\d{2}|24/7|off\b|closed\b|open\b|unknown\b|")'
)
# ...and mention no calendar feature that a single week cannot show.
_CALENDAR_FEATURE = re.compile(
    r"\b(?:PH|SH|easter|week|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d{4})\b|\[",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_PH_RULE = re.compile(r"\bPH\b")
# A day counts as "open all day" from this many minutes: forms write 00:00-23:59.
_ALL_DAY_MINUTES = _MINUTES_PER_DAY - 1
HOLIDAY_TO_CONFIRM = "jour férié : à confirmer"  # the state's note, never shown as such
NOT_GIVEN = QT_TRANSLATE_NOOP("OpeningHours", "Horaires non renseignés")
_TO_CONFIRM = QT_TRANSLATE_NOOP("OpeningHours", "à confirmer")  # an uncertain segment's note
_COMMENT = re.compile(r'"[^"]*"')

_FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)
_T = TypeVar("_T")

Segment = tuple[int, int, str]  # start minute, end minute (may exceed a day), note


def _guarded(call: Callable[[], _T]) -> _T | None:
    """Run a parser call; None instead of an error.

    The parser is Rust: a panic surfaces as pyo3's PanicException, which derives from
    BaseException, hence the second clause.
    """
    try:
        return call()
    except Exception:
        return None
    except BaseException as exc:
        if isinstance(exc, _FATAL):
            raise
        return None


def _naive(at: datetime) -> datetime:
    if at.tzinfo is None:
        return at
    return wall_clock(at)


def _clean(text: str) -> str:
    """Outside text made safe to show on one line."""
    return _SPACES.sub(" ", strip_bidi_controls(text)).strip()


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_time_fr(t: time, words: Words = french) -> str:
    """``9 h``, ``12 h 30`` with no-break spaces; seconds are not shown."""
    if t.minute:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "{hour}\u00a0h\u00a0{minute}")).format(
            hour=t.hour, minute=f"{t.minute:02d}"
        )
    return words(QT_TRANSLATE_NOOP("OpeningHours", "{hour}\u00a0h")).format(hour=t.hour)


def _format_minute(minute: int, words: Words) -> str:
    """A time of day from minutes; 24 h stays 24 h so that a range can end at midnight."""
    if minute == _MINUTES_PER_DAY:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "{hour}\u00a0h")).format(hour=24)
    minute %= _MINUTES_PER_DAY
    return format_time_fr(time(minute // 60, minute % 60), words)


def _format_date_fr(day: date, words: Words) -> str:
    month = words(_MONTHS_FR[day.month - 1])
    if day.day == 1:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "1er {month}")).format(month=month)
    return words(QT_TRANSLATE_NOOP("OpeningHours", "{day} {month}")).format(
        day=day.day, month=month
    )


def _opening_words(when: datetime, at: datetime, words: Words) -> str:
    """How an agent says when something happens, relative to now: "demain à 9 h"…"""
    delta = (when.date() - at.date()).days
    clock = format_time_fr(when.time(), words)
    if delta == 0:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "à {time}")).format(time=clock)
    if delta == 1:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "demain à {time}")).format(time=clock)
    if delta < 7:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "{weekday} à {time}")).format(
            weekday=words(_WEEKDAYS_FR[when.weekday()]), time=clock
        )
    return words(QT_TRANSLATE_NOOP("OpeningHours", "le {date} à {time}")).format(
        date=_format_date_fr(when.date(), words), time=clock
    )


def _closing_words(when: datetime, at: datetime, words: Words) -> str:
    delta = (when.date() - at.date()).days
    clock = format_time_fr(when.time(), words)
    if delta == 0:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "jusqu'à {time}")).format(time=clock)
    if delta == 1 and when.time() == time(0, 0):
        return words(QT_TRANSLATE_NOOP("OpeningHours", "jusqu'à minuit"))
    if delta == 1:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "jusqu'à demain {time}")).format(time=clock)
    if delta < 7:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "jusqu'à {weekday} {time}")).format(
            weekday=words(_WEEKDAYS_FR[when.weekday()]), time=clock
        )
    return words(QT_TRANSLATE_NOOP("OpeningHours", "jusqu'au {date} {time}")).format(
        date=_format_date_fr(when.date(), words), time=clock
    )


# --- describe_fr: reading the rules off a reference week -------------------------------------


def _split_rules(raw: str) -> list[str]:
    """Top-level rules of a value (``;`` and ``||`` separators outside quoted comments)."""
    # re.split alternates text and the captured group: the quoted comment, or None where a
    # separator matched.
    pieces = _RULE_SEPARATOR.split(raw)
    rules: list[str] = []
    current = [pieces[0]]
    for index in range(1, len(pieces), 2):
        captured = pieces[index]
        if captured is None:
            rules.append("".join(current).strip())
            current = []
        else:
            current.append(captured)
        current.append(pieces[index + 1])
    rules.append("".join(current).strip())
    return [rule for rule in rules if rule]


def _is_weekly_rule(rule: str) -> bool:
    return bool(_WEEKLY_START.match(rule)) and not _CALENDAR_FEATURE.search(_COMMENT.sub("", rule))


def _has_fallback(raw: str) -> bool:
    """Whether the value has a ``||`` fallback rule.

    opening-hours-py 2.1.4 evaluates state() correctly for those, but next_change() and
    intervals() are wrong (``Mo-Fr 09:00-12:00 || "sur rdv"`` seems closed after Monday noon):
    searches and the weekly description are not trusted for them.
    """
    return "||" in _COMMENT.sub("", raw)


def _segment_note(state: State, comment: str) -> str:
    """The partner's own comment, else _TO_CONFIRM for an uncertain segment (worded later)."""
    note = _clean(comment)
    if state == State.UNKNOWN and not note:
        return _TO_CONFIRM
    return note


def _day_segments(oh: OpeningHours) -> tuple[list[list[Segment]], list[str]] | None:
    """Open (or uncertain) time segments per weekday of the reference week, plus remarks."""
    end = _REFERENCE_MONDAY + timedelta(days=7)
    intervals = _guarded(lambda: list(oh.intervals(_REFERENCE_MONDAY, end)))
    if intervals is None:
        return None
    days: list[list[Segment]] = [[] for _ in range(7)]
    remarks: list[str] = []
    for start, stop, state, comment in intervals:
        if state == State.CLOSED:
            remark = _clean(comment)
            if remark and remark not in remarks:
                remarks.append(remark)
            continue
        _add_segments(days, start, stop, _segment_note(state, comment))
    return _merge_overnight(days), remarks


def _add_segments(days: list[list[Segment]], start: datetime, stop: datetime, note: str) -> None:
    """Cut an interval at each midnight so that every weekday gets its own part."""
    cursor = start
    while cursor < stop:
        midnight = datetime.combine(cursor.date() + timedelta(days=1), time())
        part_end = min(stop, midnight)
        day = (cursor.date() - _REFERENCE_MONDAY.date()).days
        if not 0 <= day < len(days):  # the parser clips to the week; do not rely on it
            return
        first = cursor.hour * 60 + cursor.minute
        days[day].append((first, first + _minutes_between(cursor, part_end), note))
        cursor = part_end


def _minutes_between(start: datetime, stop: datetime) -> int:
    return int((stop - start).total_seconds() // 60)


def _merge_overnight(days: list[list[Segment]]) -> list[list[Segment]]:
    """Show "Vendredi : 22 h – 2 h" rather than a tail after midnight on Saturday.

    The week is treated as circular: the reference week is regular, so what follows Sunday
    night is what starts the reference Monday.
    """
    for index, segments in enumerate(days):
        following = days[(index + 1) % 7]
        if not segments or not following:
            continue
        start, stop, note = segments[-1]
        head_start, head_stop, head_note = following[0]
        spans_midnight = stop == _MINUTES_PER_DAY and start > 0 and head_start == 0
        if spans_midnight and head_stop < _MINUTES_PER_DAY and head_note == note:
            segments[-1] = (start, _MINUTES_PER_DAY + head_stop, note)
            del following[0]
    return days


def _format_segment(segment: Segment, words: Words) -> str:
    start, stop, note = segment
    if start == 0 and stop == _MINUTES_PER_DAY:
        text = words(QT_TRANSLATE_NOOP("OpeningHours", "24\u00a0h sur 24"))
    else:
        text = f"{_format_minute(start, words)}{NBSP}–{NBSP}{_format_minute(stop, words)}"
    if not note:
        return text
    return f"{text} ({words(note) if note == _TO_CONFIRM else note})"


def _capitalised(text: str) -> str:
    """The first letter only: str.capitalize() would lower an English « Monday »."""
    return text[:1].upper() + text[1:]


def _days_label(days: list[int], words: Words) -> str:
    names = [words(_WEEKDAYS_FR[day]) for day in days]
    if len(days) == 7:
        return words(QT_TRANSLATE_NOOP("OpeningHours", "Tous les jours"))
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return words(QT_TRANSLATE_NOOP("OpeningHours", "Du {first} au {last}")).format(
            first=names[0], last=names[-1]
        )
    if len(days) == 1:
        return _capitalised(names[0])
    listed = words(QT_TRANSLATE_NOOP("OpeningHours", "{days} et {last}")).format(
        days=", ".join(names[:-1]), last=names[-1]
    )
    return _capitalised(listed)


def _week_lines(days: list[list[Segment]], words: Words) -> list[str]:
    """One line per distinct schedule, days grouped, in week order."""
    groups: dict[tuple[Segment, ...], list[int]] = {}
    for index, segments in enumerate(days):
        if segments:
            groups.setdefault(tuple(segments), []).append(index)
    line = words(QT_TRANSLATE_NOOP("OpeningHours", "{days}\u00a0: {times}"))
    return [
        line.format(
            days=_days_label(members, words),
            times=", ".join(_format_segment(s, words) for s in segments),
        )
        for segments, members in groups.items()
    ]


def _quoted(cleaned: str, words: Words) -> str:
    return words(QT_TRANSLATE_NOOP("OpeningHours", "Horaires\u00a0: {text}")).format(text=cleaned)


def _describe(raw: str, oh: OpeningHours, words: Words) -> list[str]:
    cleaned = _clean(raw)
    week = None if _has_fallback(raw) else _day_segments(oh)
    if week is None:
        return [_quoted(cleaned, words)]
    days, remarks = week
    rules = _split_rules(raw)
    special = [_clean(r) for r in rules if not _is_weekly_rule(r) and not _is_ph_closed(r)]
    lines = _week_lines(days, words)
    if not lines and special:
        # Nothing opens in a plain week: the value is all calendar rules, quote it whole.
        return [_quoted(cleaned, words)]
    if not lines:
        lines = [words(QT_TRANSLATE_NOOP("OpeningHours", "Fermé toute la semaine"))]
    if any(_is_ph_closed(rule) for rule in rules):
        lines.append(words(QT_TRANSLATE_NOOP("OpeningHours", "Fermé les jours fériés")))
    if special:
        lines.append(
            words(
                QT_TRANSLATE_NOOP(
                    "OpeningHours", "Fermetures ou horaires particuliers\u00a0: {rules}"
                )
            ).format(rules=" ; ".join(special))
        )
    remark = words(QT_TRANSLATE_NOOP("OpeningHours", "Remarque\u00a0: {remark}"))
    lines.extend(remark.format(remark=text) for text in remarks)
    return lines


def _is_ph_closed(rule: str) -> bool:
    return bool(_PH_CLOSED_RULE.fullmatch(rule))


# --- the public type --------------------------------------------------------------------------


class Hours:
    """Parsed ``horaires_accueil`` of one service; immutable and shared between equal values."""

    __slots__ = ("_has_ph_rule", "_lines", "_oh", "_searchable", "placeholder", "raw")

    raw: str | None

    def __init__(self, raw: str | None, oh: OpeningHours | None) -> None:
        self.raw = raw
        self._searchable = oh is not None and raw is not None and not _has_fallback(raw)
        # Producers' forms fill "every day, all day" when nobody said: it means "not given".
        # An explicit "24/7" is kept: only the forms' "00:00-23:59" on every day is a default.
        self.placeholder = (
            oh is not None and self._searchable and "23:59" in (raw or "")
            and _is_all_week_all_day(oh)
        )  # fmt: skip
        self._oh = None if self.placeholder else oh
        self._has_ph_rule = raw is not None and bool(_PH_RULE.search(_COMMENT.sub("", raw)))
        self._lines: tuple[str, ...] | None = None

    @classmethod
    def parse(cls, raw: str | None) -> Hours:
        """Never raises; the same object is returned for the same text."""
        return _parse_cached(raw)

    def __repr__(self) -> str:
        return f"Hours({self.raw!r})"

    @property
    def known(self) -> bool:
        return self.raw is not None and bool(self.raw.strip()) and not self.placeholder

    @property
    def valid(self) -> bool:
        """Opening-hours syntax (a placeholder is valid syntax but says nothing)."""
        return self._oh is not None or self.placeholder

    @property
    def structured(self) -> bool:
        """Hours that can tell whether the place is open: parsed and not a placeholder."""
        return self._oh is not None

    @property
    def kind(self) -> str | None:
        """What the import report counts: unstructured text, placeholder, no PH rule."""
        if self.placeholder:
            return "non_renseignes"
        if not self.known:
            return None
        if self._oh is None:
            return "non_structures"
        return None if self._has_ph_rule else "sans_jours_feries"

    def _state(self, at: datetime) -> tuple[State, str] | None:
        oh = self._oh
        if oh is None:
            return None
        state = _guarded(lambda: oh.state(at))
        if state is None or state[0] != State.OPEN or self._has_ph_rule:
            return state
        # Without a PH rule the value says nothing about public holidays: never "open".
        return (State.UNKNOWN, HOLIDAY_TO_CONFIRM) if is_public_holiday(at.date()) else state

    def _next_change(self, at: datetime) -> datetime | None:
        oh = self._oh
        if oh is None or not self._searchable:
            return None
        return _guarded(lambda: oh.next_change(at))

    def _changes(self, at: datetime, horizon_days: int) -> Iterator[tuple[datetime, State]]:
        """Successive state changes after `at`, up to the horizon; bounded in steps."""
        limit = _add_days(at, horizon_days)
        cursor = at
        for _ in range(_MAX_STEPS):
            change = self._next_change(cursor)
            if change is None or change <= cursor or change > limit:
                return
            state = self._state(change)
            if state is None:
                return
            yield change, state[0]
            cursor = change

    def is_open(self, at: datetime) -> bool | None:
        """True/False; None when the hours are unknown, unparseable or marked uncertain."""
        state = self._state(_naive(at))
        if state is None or state[0] == State.UNKNOWN:
            return None
        return state[0] == State.OPEN

    def closes_at(self, at: datetime) -> datetime | None:
        """When a service open at `at` closes; None if closed, or open past the next month."""
        at = _naive(at)
        if self.is_open(at) is not True:
            return None
        for change, state in self._changes(at, _CLOSES_HORIZON_DAYS):
            if state != State.OPEN:
                return change
        return None

    def next_opening(self, at: datetime, within_days: int = 14) -> datetime | None:
        """The next moment after `at` it opens; after the current opening if open at `at`."""
        at = _naive(at)
        state = self._state(at)
        if state is None:
            return None
        has_closed = state[0] != State.OPEN
        for change, new_state in self._changes(at, within_days):
            if new_state == State.OPEN and has_closed:
                return change
            has_closed = has_closed or new_state != State.OPEN
        return None

    def describe_fr(self) -> list[str]:
        """Readable French lines, one per group of days sharing a schedule."""
        if self._lines is None:
            self._lines = tuple(self.describe(french))
        return list(self._lines)

    def describe(self, words: Words) -> list[str]:
        """The lines of `describe_fr` in the words of `words` (the window's language)."""
        if not self.known or self.raw is None:
            return [words(NOT_GIVEN)]
        if self._oh is None:
            return [_unstructured(self.raw, None, words)]
        return _describe(self.raw, self._oh, words)

    def status_fr(self, at: datetime, code_insee: str | None = None) -> str:
        """One short line for result lists, e.g. "Ouvert jusqu'à 17 h 30", "Fermé · ouvre à 9 h".

        `code_insee`: the service's commune. Its hours are its own wall clock: another
        territory's are read on it and their times told on the site's (9 h in Bourges is
        12 h in Saint-Denis).
        """
        return self.status(at, code_insee, french)

    def status(self, at: datetime, code_insee: str | None, words: Words) -> str:
        """`status_fr` in the words of `words` (the window's language)."""
        if not self.known or self.raw is None:
            return words(NOT_GIVEN)
        if self._oh is None:
            return _unstructured(self.raw, _STATUS_RAW_MAX, words)
        at = _naive(at)
        if place_zone(code_insee) is None:
            return self._status(at, at, None, words)
        return self._status(
            partner_clock(at, code_insee),
            at,
            lambda moment: site_clock(moment, code_insee),
            words,
        )

    def _status(
        self,
        at: datetime,
        told_at: datetime,
        told: Callable[[datetime], datetime] | None,
        words: Words,
    ) -> str:
        """The status at the service's wall-clock `at`; `told` turns its times into the
        site's (`told_at`), None when both clocks are one."""
        state = self._state(at)
        if state is None:
            return words(QT_TRANSLATE_NOOP("OpeningHours", "Horaires non reconnus"))
        if state[0] == State.OPEN:
            closing = self.closes_at(at)
            if closing is None:
                return words(QT_TRANSLATE_NOOP("OpeningHours", "Ouvert"))
            until = _closing_words(told(closing) if told else closing, told_at, words)
            return words(QT_TRANSLATE_NOOP("OpeningHours", "Ouvert {until}")).format(until=until)
        if state[1] == HOLIDAY_TO_CONFIRM:
            return words(QT_TRANSLATE_NOOP("OpeningHours", "Jour férié\u00a0: à confirmer"))
        if state[0] == State.UNKNOWN:
            note = _clean(state[1])
            if not note:
                return words(QT_TRANSLATE_NOOP("OpeningHours", "Ouverture à confirmer"))
            return words(
                QT_TRANSLATE_NOOP("OpeningHours", "Ouverture à confirmer · {note}")
            ).format(note=note)
        opening = self.next_opening(at, within_days=_STATUS_HORIZON_DAYS)
        if opening is None:
            return words(QT_TRANSLATE_NOOP("OpeningHours", "Fermé"))
        when = _opening_words(told(opening) if told else opening, told_at, words)
        return words(QT_TRANSLATE_NOOP("OpeningHours", "Fermé · ouvre {when}")).format(when=when)


def _unstructured(raw: str, limit: int | None, words: Words) -> str:
    text = _clean(raw) if limit is None else _shorten(_clean(raw), limit)
    return words(
        QT_TRANSLATE_NOOP("OpeningHours", 'Horaires\u00a0: "{text}" (non structurés)')
    ).format(text=text)


def _is_all_week_all_day(oh: OpeningHours) -> bool:
    week = _day_segments(oh)
    if week is None:
        return False
    days, _remarks = week
    return all(
        segments
        and segments[0][0] == 0
        and segments[-1][1] >= _ALL_DAY_MINUTES
        and all(a[1] >= b[0] - 1 for a, b in pairwise(segments))
        for segments in days
    )


_PUBLIC_HOLIDAYS = OpeningHours("PH", country=_COUNTRY, auto_country=False)


@lru_cache(maxsize=1024)
def is_public_holiday(day: date) -> bool:
    """A French public holiday (national calendar of the parser, years 2000 to 2076)."""
    noon = datetime.combine(day, time(12, 0))
    return bool(_guarded(lambda: _PUBLIC_HOLIDAYS.is_open(noon)))


def _add_days(at: datetime, days: int) -> datetime:
    try:
        return at + timedelta(days=max(days, 0))
    except OverflowError:
        return datetime.max


def _parse_expression(text: str) -> OpeningHours | None:
    return _guarded(
        lambda: OpeningHours(
            text,
            country=_COUNTRY,
            auto_country=False,
            auto_timezone=False,
            max_interval_days=_MAX_INTERVAL_DAYS,
        )
    )


@lru_cache(maxsize=_PARSE_CACHE_SIZE)
def _parse_cached(raw: str | None) -> Hours:
    """A national directory has ~100k rows but few distinct values: parse each once."""
    text = raw.strip() if raw else ""
    return Hours(raw, _parse_expression(text) if text else None)


def hours_kind(raw: str | None) -> str | None:
    return Hours.parse(raw).kind


def hours_warning(raw: str | None) -> str | None:
    """Import-report warning for unstructured text or a placeholder; None otherwise."""
    hours = Hours.parse(raw)
    if raw is None:
        return None
    if hours.placeholder:
        return (
            f"horaires «{NBSP}{_shorten(_clean(raw), _STATUS_RAW_MAX)}{NBSP}» : valeur par "
            f"défaut d'un formulaire, affichée «{NBSP}horaires non renseignés{NBSP}»"
        )
    if not hours.known or hours.valid:
        return None
    return (
        f"horaires «{NBSP}{_clean(raw)}{NBSP}» non structurés (format OpenStreetMap attendu)"
        f"{NBSP}: conservés tels quels, jamais comptés comme ouverts"
    )


# --- working days, for the suggestion ranking -------------------------------------------------

_WORKING_DAYS = OpeningHours("Mo-Fr; PH off", country=_COUNTRY, auto_country=False)


def _is_working_day(day: date) -> bool:
    noon = datetime.combine(day, time(12, 0))
    return bool(_guarded(lambda: _WORKING_DAYS.is_open(noon)))


@lru_cache(maxsize=256)
def _working_deadline(today: date, days: int) -> datetime:
    """End of the `days`-th working day after `today` (end of today when `days` is 0)."""
    day = today
    counted = 0
    # Bounded: France never has more than a few days off in a row, and a calendar that
    # cannot answer (dates far outside 2000-2076) must not spin until the end of time.
    for _ in range(days * 2 + 7):
        if counted >= days:
            break
        day += timedelta(days=1)
        counted += _is_working_day(day)
    return datetime.combine(day + timedelta(days=1), time())


def is_open_within(hours: Hours, at: datetime, days: int) -> bool:
    """Open at `at`, or opening before the end of the `days`-th working day after today.

    Working days are Monday to Friday except French public holidays; 0 means "later today".
    """
    if not hours.structured:
        return False
    at = _naive(at)
    if hours.is_open(at):
        return True
    try:
        deadline = _working_deadline(at.date(), max(days, 0))
    except OverflowError:
        deadline = datetime.max
    opening = hours.next_opening(at, within_days=(deadline - at).days + 1)
    return opening is not None and opening < deadline
