"""Opening hours: OSM parsing, French public holidays, French wording."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spro_desk.directory.hours import Hours, format_time_fr, hours_warning, is_open_within

# Expected strings spell out U+00A0 (the module's choice for French typographic spaces).
NB = "\u00a0"

MO_FR = "Mo-Fr 09:00-12:30,13:30-17:30; PH off"
MO_TH_FR = "Mo-Th 09:00-12:30,13:30-17:30; Fr 09:00-12:30; PH off"
WE_SHORT = "Mo,Tu,Th,Fr 09:00-12:00,14:00-17:30; We 09:00-12:00; PH off"
TU_SA = "Tu-Sa 10:00-12:30,14:00-18:00; PH off"
MONDAY_MORNING = "Mo 09:00-12:00"
SUMMER_BREAK = "We 14:00-17:00; Jul 14-Aug 20 off"
GARBAGE = "le lundi matin sauf vacances"

WEDNESDAY = datetime(2026, 11, 18, 10, 0)
ARMISTICE = datetime(2026, 11, 11, 10, 0)  # a Wednesday, public holiday


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- format_time_fr ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(9, 0), f"9{NB}h"),
        (time(12, 30), f"12{NB}h{NB}30"),
        (time(17, 30), f"17{NB}h{NB}30"),
        (time(8, 5), f"8{NB}h{NB}05"),
        (time(0, 0), f"0{NB}h"),
    ],
)
def test_format_time_fr(value: time, expected: str) -> None:
    assert format_time_fr(value) == expected


# --- parsing ------------------------------------------------------------------------------------


def test_parse_is_cached_per_distinct_string() -> None:
    assert Hours.parse(MO_FR) is Hours.parse(MO_FR)
    assert Hours.parse(MO_FR) is not Hours.parse(TU_SA)


@pytest.mark.parametrize("raw", [MO_FR, MO_TH_FR, WE_SHORT, TU_SA, MONDAY_MORNING, SUMMER_BREAK])
def test_sample_values_are_valid(raw: str) -> None:
    hours = Hours.parse(raw)
    assert hours.known
    assert hours.valid
    assert hours.raw == raw
    assert hours_warning(raw) is None


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_missing_values_are_unknown(raw: str | None) -> None:
    hours = Hours.parse(raw)
    assert not hours.known
    assert not hours.valid
    assert hours.is_open(WEDNESDAY) is None
    assert hours.closes_at(WEDNESDAY) is None
    assert hours.next_opening(WEDNESDAY) is None
    assert hours.describe_fr() == ["Horaires non renseignés"]
    assert hours.status_fr(WEDNESDAY) == "Horaires non renseignés"
    assert hours_warning(raw) is None
    assert not is_open_within(hours, WEDNESDAY, 5)


def test_unparseable_value_is_kept_as_text_and_warned() -> None:
    hours = Hours.parse(GARBAGE)
    assert hours.known
    assert not hours.valid
    assert hours.raw == GARBAGE
    assert hours.is_open(WEDNESDAY) is None
    assert hours.next_opening(WEDNESDAY) is None
    assert hours.describe_fr() == [f'Horaires{NB}: "le lundi matin sauf vacances" (non structurés)']
    assert hours.status_fr(WEDNESDAY) == hours.describe_fr()[0]
    assert hours_warning(GARBAGE) == (
        f"horaires «{NB}le lundi matin sauf vacances{NB}» non structurés "
        f"(format OpenStreetMap attendu){NB}: conservés tels quels, jamais comptés comme ouverts"
    )
    assert not is_open_within(hours, WEDNESDAY, 5)


# --- open / closed ----------------------------------------------------------------------------


def test_weekday_morning_lunch_and_afternoon() -> None:
    hours = Hours.parse(MO_FR)
    assert hours.is_open(at("2026-11-18T10:00")) is True
    assert hours.closes_at(at("2026-11-18T10:00")) == at("2026-11-18T12:30")
    assert hours.is_open(at("2026-11-18T12:45")) is False
    assert hours.closes_at(at("2026-11-18T12:45")) is None
    assert hours.next_opening(at("2026-11-18T12:45")) == at("2026-11-18T13:30")


def test_next_opening_while_open_is_after_the_closing() -> None:
    hours = Hours.parse(MO_FR)
    assert hours.next_opening(at("2026-11-18T10:00")) == at("2026-11-18T13:30")
    assert hours.next_opening(at("2026-11-18T15:00")) == at("2026-11-19T09:00")


def test_boundaries_opening_is_inclusive_closing_exclusive() -> None:
    hours = Hours.parse(MO_FR)
    assert hours.is_open(at("2026-11-18T09:00")) is True
    assert hours.is_open(at("2026-11-18T12:30")) is False


def test_friday_afternoon_closed_for_short_friday() -> None:
    hours = Hours.parse(MO_TH_FR)
    assert hours.is_open(at("2026-11-19T15:00")) is True
    assert hours.is_open(at("2026-11-20T11:00")) is True
    assert hours.is_open(at("2026-11-20T15:00")) is False
    assert hours.next_opening(at("2026-11-20T15:00")) == at("2026-11-23T09:00")


def test_saturday_next_opening_is_monday_morning() -> None:
    hours = Hours.parse(MO_FR)
    assert hours.is_open(at("2026-11-21T10:00")) is False
    assert hours.next_opening(at("2026-11-21T10:00")) == at("2026-11-23T09:00")


@pytest.mark.parametrize(
    ("moment", "reopening"),
    [
        ("2026-11-11T10:00", "2026-11-12T09:00"),  # Armistice, a Wednesday
        ("2026-12-25T10:00", "2026-12-28T09:00"),  # Christmas, a Friday
        ("2027-03-29T10:00", "2027-03-30T09:00"),  # Easter Monday 2027
        ("2026-05-14T10:00", "2026-05-15T09:00"),  # Ascension 2026
        ("2026-05-25T10:00", "2026-05-26T09:00"),  # Whit Monday 2026
    ],
)
def test_french_public_holidays_are_closed(moment: str, reopening: str) -> None:
    hours = Hours.parse(MO_FR)
    assert hours.is_open(at(moment)) is False
    assert hours.next_opening(at(moment)) == at(reopening)


def test_day_after_easter_monday_is_open() -> None:
    assert Hours.parse(MO_FR).is_open(at("2027-03-30T10:00")) is True


def test_a_holiday_without_ph_rule_is_never_open_but_to_be_confirmed() -> None:
    hours = Hours.parse(MONDAY_MORNING)  # Easter Monday 2027: the value says nothing of it
    assert hours.is_open(at("2027-03-29T10:00")) is None
    assert hours.status_fr(at("2027-03-29T10:00")) == f"Jour férié{NB}: à confirmer"
    assert hours.is_open(at("2027-04-05T10:00")) is True


def test_seasonal_closure() -> None:
    hours = Hours.parse(SUMMER_BREAK)
    assert hours.is_open(at("2026-07-08T15:00")) is True
    assert hours.is_open(at("2026-07-15T15:00")) is False
    assert hours.next_opening(at("2026-07-15T15:00")) is None  # beyond 14 days
    reopening = hours.next_opening(at("2026-07-15T15:00"), within_days=60)
    assert reopening == at("2026-08-26T14:00")


def test_next_opening_window_is_respected() -> None:
    hours = Hours.parse(MONDAY_MORNING)
    assert hours.next_opening(at("2026-11-18T10:00"), within_days=3) is None
    assert hours.next_opening(at("2026-11-18T10:00"), within_days=5) == at("2026-11-23T09:00")


def test_aware_datetimes_are_accepted() -> None:
    aware = at("2026-11-18T10:00").astimezone()
    assert Hours.parse("24/7").is_open(aware) is True
    assert Hours.parse(MO_FR).next_opening(aware) is not None


def test_results_are_naive() -> None:
    hours = Hours.parse(MO_FR)
    closing = hours.closes_at(WEDNESDAY)
    opening = hours.next_opening(WEDNESDAY)
    assert closing is not None
    assert opening is not None
    assert closing.tzinfo is None
    assert opening.tzinfo is None


# --- status_fr --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "moment", "expected"),
    [
        (MO_FR, "2026-11-18T15:00", f"Ouvert jusqu'à 17{NB}h{NB}30"),
        (MO_FR, "2026-11-18T10:00", f"Ouvert jusqu'à 12{NB}h{NB}30"),
        (WE_SHORT, "2026-11-18T10:00", f"Ouvert jusqu'à 12{NB}h"),
        (MO_FR, "2026-11-18T12:45", f"Fermé · ouvre à 13{NB}h{NB}30"),
        (MO_FR, "2026-11-18T07:00", f"Fermé · ouvre à 9{NB}h"),
        (MO_FR, "2026-11-18T18:00", f"Fermé · ouvre demain à 9{NB}h"),
        (MO_FR, "2026-11-11T10:00", f"Fermé · ouvre demain à 9{NB}h"),
        (MO_FR, "2026-11-21T10:00", f"Fermé · ouvre lundi à 9{NB}h"),
        (MO_TH_FR, "2026-11-20T15:00", f"Fermé · ouvre lundi à 9{NB}h"),
        (TU_SA, "2026-11-16T10:00", f"Fermé · ouvre demain à 10{NB}h"),
        (TU_SA, "2026-12-24T19:00", f"Fermé · ouvre samedi à 10{NB}h"),
        (MONDAY_MORNING, "2026-11-18T10:00", f"Fermé · ouvre lundi à 9{NB}h"),
        (MONDAY_MORNING, "2026-11-16T13:00", f"Fermé · ouvre le 23 novembre à 9{NB}h"),
        (MO_FR, "2026-12-31T18:00", f"Fermé · ouvre lundi à 9{NB}h"),  # 1 January, weekend
        ("Sa 10:00-12:00; Dec 26 off", "2026-12-24T12:00", f"Fermé · ouvre le 2 janvier à 10{NB}h"),
        (SUMMER_BREAK, "2026-07-15T15:00", f"Fermé · ouvre le 26 août à 14{NB}h"),
        ("Mo 09:00-12:00; Sep 1 off", "2026-08-31T18:00", f"Fermé · ouvre le 7 septembre à 9{NB}h"),
        ("Mo 09:00-12:00; Jun 01 off", "2026-05-25T18:00", f"Fermé · ouvre le 8 juin à 9{NB}h"),
        ("Mo 09:00-12:00; Dec 28 off", "2026-12-24T12:00", f"Fermé · ouvre le 4 janvier à 9{NB}h"),
        ("Mo 20:00-24:00", "2026-11-16T21:00", "Ouvert jusqu'à minuit"),
        ("Fr 22:00-02:00", "2026-11-20T23:00", f"Ouvert jusqu'à demain 2{NB}h"),
        ("24/7", "2026-11-18T10:00", "Ouvert"),
        ("off", "2026-11-18T10:00", "Fermé"),
        ("Mo-Fr 09:00-12:00; Sa unknown", "2026-11-21T10:00", "Ouverture à confirmer"),
    ],
)
def test_status_fr(raw: str, moment: str, expected: str) -> None:
    assert Hours.parse(raw).status_fr(at(moment)) == expected


def test_status_fr_uses_first_of_month_ordinal() -> None:
    status = Hours.parse("Mo 09:00-12:00; Jan 01-Jan 31 off").status_fr(at("2026-12-31T10:00"))
    assert status == f"Fermé · ouvre le 1er février à 9{NB}h"


def test_status_fr_shortens_long_garbage() -> None:
    status = Hours.parse("x" * 500).status_fr(WEDNESDAY)
    assert status.startswith(f'Horaires{NB}: "xxx')
    assert status.endswith('…" (non structurés)')
    assert len(status) < 120


# --- describe_fr ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            MO_FR,
            [
                f"Du lundi au vendredi{NB}: 9{NB}h{NB}–{NB}12{NB}h{NB}30, "
                f"13{NB}h{NB}30{NB}–{NB}17{NB}h{NB}30",
                "Fermé les jours fériés",
            ],
        ),
        (
            MO_TH_FR,
            [
                f"Du lundi au jeudi{NB}: 9{NB}h{NB}–{NB}12{NB}h{NB}30, "
                f"13{NB}h{NB}30{NB}–{NB}17{NB}h{NB}30",
                f"Vendredi{NB}: 9{NB}h{NB}–{NB}12{NB}h{NB}30",
                "Fermé les jours fériés",
            ],
        ),
        (
            WE_SHORT,
            [
                f"Lundi, mardi, jeudi et vendredi{NB}: 9{NB}h{NB}–{NB}12{NB}h, "
                f"14{NB}h{NB}–{NB}17{NB}h{NB}30",
                f"Mercredi{NB}: 9{NB}h{NB}–{NB}12{NB}h",
                "Fermé les jours fériés",
            ],
        ),
        (
            TU_SA,
            [
                f"Du mardi au samedi{NB}: 10{NB}h{NB}–{NB}12{NB}h{NB}30, 14{NB}h{NB}–{NB}18{NB}h",
                "Fermé les jours fériés",
            ],
        ),
        (MONDAY_MORNING, [f"Lundi{NB}: 9{NB}h{NB}–{NB}12{NB}h"]),
        (
            SUMMER_BREAK,
            [
                f"Mercredi{NB}: 14{NB}h{NB}–{NB}17{NB}h",
                f"Fermetures ou horaires particuliers{NB}: Jul 14-Aug 20 off",
            ],
        ),
        (
            "Mo-Fr 09:00-17:00; Sa 09:00-12:00; PH off",
            [
                f"Du lundi au vendredi{NB}: 9{NB}h{NB}–{NB}17{NB}h",
                f"Samedi{NB}: 9{NB}h{NB}–{NB}12{NB}h",
                "Fermé les jours fériés",
            ],
        ),
        ("Tu,Th 09:00-12:00", [f"Mardi et jeudi{NB}: 9{NB}h{NB}–{NB}12{NB}h"]),
        ("Sa-Su 10:00-12:00", [f"Samedi et dimanche{NB}: 10{NB}h{NB}–{NB}12{NB}h"]),
        ("24/7", [f"Tous les jours{NB}: 24{NB}h sur 24"]),
        ("Fr 22:00-02:00", [f"Vendredi{NB}: 22{NB}h{NB}–{NB}2{NB}h"]),
        ("Su 22:00-02:00", [f"Dimanche{NB}: 22{NB}h{NB}–{NB}2{NB}h"]),
        ("Mo 20:00-24:00", [f"Lundi{NB}: 20{NB}h{NB}–{NB}24{NB}h"]),
        ("off", ["Fermé toute la semaine"]),
        (
            'Mo-Fr 09:00-12:00 "sur rendez-vous"',
            [f"Du lundi au vendredi{NB}: 9{NB}h{NB}–{NB}12{NB}h (sur rendez-vous)"],
        ),
        (
            "Mo-Fr 09:00-12:00; Sa unknown",
            [
                f"Du lundi au vendredi{NB}: 9{NB}h{NB}–{NB}12{NB}h",
                f"Samedi{NB}: 24{NB}h sur 24 (à confirmer)",
            ],
        ),
        (
            "Mo-Fr 09:00-12:00; PH 10:00-11:00",
            [
                f"Du lundi au vendredi{NB}: 9{NB}h{NB}–{NB}12{NB}h",
                f"Fermetures ou horaires particuliers{NB}: PH 10:00-11:00",
            ],
        ),
        # Nothing opens in an ordinary week: the whole value is quoted.
        ("Jul-Aug Mo-Fr 09:00-12:00", [f"Horaires{NB}: Jul-Aug Mo-Fr 09:00-12:00"]),
        # Fallback rules are not described structurally (see _has_fallback).
        ('Mo-Fr 09:00-12:00 || "sur rdv"', [f'Horaires{NB}: Mo-Fr 09:00-12:00 || "sur rdv"']),
    ],
)
def test_describe_fr(raw: str, expected: list[str]) -> None:
    assert Hours.parse(raw).describe_fr() == expected


def test_describe_fr_returns_a_fresh_list() -> None:
    hours = Hours.parse(MO_FR)
    hours.describe_fr().append("modifié")
    assert hours.describe_fr()[-1] == "Fermé les jours fériés"


def test_describe_fr_neutralises_outside_text() -> None:
    lines = Hours.parse("lundi\u202e matin\n\tet soir").describe_fr()
    assert lines == [f'Horaires{NB}: "lundi matin et soir" (non structurés)']


# --- is_open_within ---------------------------------------------------------------------------


def test_is_open_within_when_open_now() -> None:
    assert is_open_within(Hours.parse(MO_FR), at("2026-11-18T10:00"), 0)


def test_is_open_within_later_today() -> None:
    assert is_open_within(Hours.parse(MO_FR), at("2026-11-18T12:45"), 0)
    assert not is_open_within(Hours.parse(MO_FR), at("2026-11-18T18:00"), 0)


def test_is_open_within_counts_working_days() -> None:
    hours = Hours.parse(MONDAY_MORNING)
    wednesday = at("2026-11-18T10:00")
    assert not is_open_within(hours, wednesday, 2)  # Thursday, Friday
    assert is_open_within(hours, wednesday, 3)  # Monday


def test_is_open_within_skips_public_holidays() -> None:
    hours = Hours.parse("Th 09:00-12:00")
    tuesday_before_armistice = at("2026-11-10T18:00")
    # Wednesday 11 November is not a working day: Thursday is the first one.
    assert is_open_within(hours, tuesday_before_armistice, 1)
    assert not is_open_within(Hours.parse("Fr 09:00-12:00"), tuesday_before_armistice, 1)


def test_is_open_within_weekend_opening_before_deadline() -> None:
    # Friday evening, one working day (Monday): the Saturday opening comes first.
    assert is_open_within(Hours.parse(TU_SA), at("2026-11-20T19:00"), 1)


def test_is_open_within_closed_all_along() -> None:
    assert not is_open_within(Hours.parse(SUMMER_BREAK), at("2026-07-15T15:00"), 10)


# --- robustness -------------------------------------------------------------------------------

OSM_ALPHABET = st.sampled_from(
    ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH", "SH", "off", "unknown", "24/7", "Jul",
     "Aug", "14", "2026", "week", "easter", "sunrise", '"x"', "09:00", "12:30", "24:00",
     "02:00", "-", ",", ";", " ", "||", "[1]", "+", "/"]
)  # fmt: skip
MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31))


def _exercise(raw: str | None, moment: datetime) -> None:
    hours = Hours.parse(raw)
    hours.is_open(moment)
    hours.closes_at(moment)
    hours.next_opening(moment)
    assert isinstance(hours.status_fr(moment), str)
    assert all(isinstance(line, str) for line in hours.describe_fr())
    assert hours.describe_fr()
    hours_warning(raw)
    is_open_within(hours, moment, 3)


@settings(deadline=None, max_examples=300)
@given(st.text(), MOMENTS)
def test_arbitrary_text_never_raises(raw: str, moment: datetime) -> None:
    _exercise(raw, moment)


@settings(deadline=None, max_examples=300)
@given(st.lists(OSM_ALPHABET, min_size=1, max_size=12).map("".join), MOMENTS)
def test_osm_like_text_never_raises(raw: str, moment: datetime) -> None:
    _exercise(raw, moment)
