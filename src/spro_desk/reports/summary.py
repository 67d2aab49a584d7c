"""The indicators of a whole territory over whole months, read from the indicators' summary.

`indicator_summary` (sync/indicator_summary.py) holds the merged state counted per month: a
national year is a few hundred thousand summary rows instead of ten million contacts. It
answers when the filters select every site (nothing to restrict by desk) and both periods
(the bilan's and the year before) are whole months; the referrals still open are split into
"en cours" and "sans suite" at the moment of the computation by one look at the merged
referrals that are still open and recent. The figures are the same as the merged tables give
(tests/test_indicator_summary.py compares them); any other filter reads the merged tables.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from spro_desk.reports import queries as q
from spro_desk.reports.filters import Filters, Period
from spro_desk.storage.dialects import run
from spro_desk.sync.indicator_summary import CLOSED, PROFILE, TABLE

Sums = dict[str, dict[tuple[str, str], int]]  # kind -> (code, code2) -> count
_PREVIOUS_KINDS = ("day", "ref_type", "level2")


def whole_months(period: Period) -> bool:
    return period.start.day == 1 and (period.end + timedelta(days=1)).day == 1


def answers(filters: Filters) -> bool:
    """Whether the summary can give the indicators of `filters` (see the module docstring)."""
    period = filters.period
    return (
        not filters.restricts_sites
        and whole_months(period)
        and whole_months(period.previous_year())
    )


def _months(period: Period) -> tuple[str, str]:
    return period.start.isoformat()[:7], period.end.isoformat()[:7]


def _sums(connection: Connection, period: Period, kinds: tuple[str, ...] = ()) -> Sums:
    only = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
    rows = run(
        connection,
        f"SELECT kind, code, code2, SUM(n) FROM {TABLE} WHERE month BETWEEN ? AND ?{only} "
        "GROUP BY kind, code, code2",
        (*_months(period), *kinds),
    ).fetchall()  # at once: a national year is a few hundred thousand sums
    sums: Sums = {}
    for kind, code, code2, n in rows:
        if n:
            sums.setdefault(kind, {})[(code, code2)] = int(n)
    return sums


def _one(sums: Sums, kind: str) -> dict[str, int]:
    return {code: n for (code, _code2), n in sums.get(kind, {}).items()}


def _total(sums: Sums, kind: str) -> int:
    return sum(sums.get(kind, {}).values())


def indicator_parts(
    connection: Connection, filters: Filters, as_of: datetime, sans_suite_days: int
) -> list[Any]:
    """What `compute_indicators`' three parts give over the merged tables (its `_run`)."""
    period = filters.period
    sums = _sums(connection, period)
    days = _one(sums, "day")
    profiles = {column: _one(sums, column) for column in PROFILE}
    profiles["sexe_age"] = {f"{s}|{a}": n for (s, a), n in sums.get("sexe_age", {}).items()}
    contacts = (days, profiles, _one(sums, "commune"), dict(sums.get("desk_canal", {})))
    codes = q.count_codes((b, r, n) for (b, r), n in sums.get("codes", {}).items())
    cutoff = q._cutoff(as_of, sans_suite_days)
    referrals = _referral_counts(connection, period, sums, cutoff)
    delays = {int(code): n for code, n in _one(sums, "delay").items()}
    level2 = (_total(sums, "level2"), _total(sums, "level2_honoured"))
    return [contacts, codes, (referrals, delays, level2, _previous(connection, period))]


def _previous(connection: Connection, period: Period) -> dict[str, Any]:
    sums = _sums(connection, period.previous_year(), _PREVIOUS_KINDS)
    months: dict[str, int] = {}
    for day, n in _one(sums, "day").items():
        months[day[:7]] = months.get(day[:7], 0) + n
    return {
        "contacts": sum(months.values()),
        "orientations": _total(sums, "ref_type"),
        "contacts_niveau2": _total(sums, "level2"),
        "months": months,
    }


def _still_current(connection: Connection, period: Period, cutoff: str) -> dict[str, dict]:
    """Referrals still open whose date is not older than the cutoff ("en cours"), by type and
    by network: few (the last weeks'), found among the merged referrals of the period."""
    closed = ", ".join(f"'{status}'" for status in CLOSED)
    rows = run(
        connection,
        "SELECT type, COALESCE(reseau, ''), COUNT(*) FROM merged_referral "
        f"WHERE contact_day BETWEEN ? AND ? AND statut NOT IN ({closed}) "
        "AND COALESCE(rdv_at, created_at) >= ? GROUP BY 1, 2",
        (period.start.isoformat(), period.end.isoformat(), cutoff),
    )
    current: dict[str, dict] = {"type": {}, "reseau": {}}
    for kind, reseau, n in rows:
        current["type"][kind] = current["type"].get(kind, 0) + int(n)
        current["reseau"][reseau] = current["reseau"].get(reseau, 0) + int(n)
    return current


def _outcomes(by_class: dict[tuple[str, str], int], current: dict) -> dict[tuple[str, str], int]:
    """(key, outcome) counts: an open referral is "en cours" when still current, else
    "sans suite"."""
    counts: dict[tuple[str, str], int] = {}
    for (key, outcome), n in by_class.items():
        split: list[tuple[str, int]] = [(outcome, n)]
        if outcome == "open":
            recent = current.get(key, 0)
            split = [("en-cours", recent), ("sans-suite", n - recent)]
        for name, m in split:
            if m:
                counts[(key, name)] = counts.get((key, name), 0) + m
    return counts


def _margin(counts: dict[tuple[str, str], int], position: int) -> dict[str, int]:
    margin: dict[str, int] = {}
    for key, n in counts.items():
        margin[key[position]] = margin.get(key[position], 0) + n
    return margin


def _referral_counts(
    connection: Connection, period: Period, sums: Sums, cutoff: str
) -> q.ReferralCounts:
    current = _still_current(connection, period, cutoff)
    type_outcome = _outcomes(sums.get("ref_type", {}), current["type"])
    network_outcome = _outcomes(sums.get("ref_reseau", {}), current["reseau"])
    names: dict[str, str] = dict(
        run(
            connection,
            f"SELECT code, MAX(code2) FROM {TABLE} WHERE kind = 'ref_structure' "
            "AND month BETWEEN ? AND ? GROUP BY code",
            _months(period),
        ).fetchall()
    )
    return q.ReferralCounts(
        total=sum(type_outcome.values()),
        contacts_referred=_total(sums, "referred"),
        by_type=_margin(type_outcome, 0),
        by_outcome=_margin(type_outcome, 1),
        by_type_outcome=type_outcome,
        by_network=_margin(network_outcome, 0),
        by_network_outcome=network_outcome,
        by_structure=_margin(sums.get("ref_structure", {}), 0),
        structure_names=names,
    )
