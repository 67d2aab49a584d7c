"""The SQL behind the indicators: every count is a GROUP BY in the database, never a loop over
rows. The same SQL runs on SQLite (a desk, the default coordination) and PostgreSQL (a shared
coordination); what differs (index hints, day arithmetic) comes from `storage.dialects`.

Each breakdown reads a covering index in its GROUP BY order (see the indexes of the merged
tables), so a year of a region (a million contacts) is read without sorting it. When the
filters leave few contacts, the planner's own choice (the day index, then a small sort) is
faster, so the indexes are forced only above `FORCE_INDEX_ABOVE` contacts. PostgreSQL takes
no hints: its planner chooses. Sums are read back as int (PostgreSQL sums counts as numeric).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any

from sqlalchemy import Connection

from spro_desk.reports.filters import Filters, Period, Site
from spro_desk.storage.dialects import postgresql, run, sqlite
from spro_desk.sync.merged import codes_of
from spro_desk.vocab import category_of

FORCE_INDEX_ABOVE = 20_000
OUTCOMES = ("honore", "non-honore", "annule", "sans-suite", "en-cours")


@dataclass(frozen=True)
class Where:
    """A WHERE clause over a day column and the desk column, with its parameters."""

    sql: str
    params: tuple[object, ...]


def where(filters: Filters, sites: Sequence[Site], day: str = "day") -> Where:
    period = filters.period
    sql = f"{day} BETWEEN ? AND ?"
    params: list[object] = [period.start.isoformat(), period.end.isoformat()]
    if filters.restricts_sites:
        ids = sorted(site.desk_id for site in sites if site.matches(filters))
        if not ids:
            return Where("1 = 0", ())
        sql += f" AND desk_id IN ({','.join('?' * len(ids))})"
        params += ids
    return Where(sql, tuple(params))


def _dialect(connection: Connection) -> ModuleType:
    """What the connection's database says its own way (`storage/dialects`)."""
    return sqlite if connection.dialect.name == sqlite.NAME else postgresql


def _hint(connection: Connection, index: str, large: bool) -> str:
    return _dialect(connection).index_hint(index) if large else ""


def _counts(rows: Iterable[Sequence[Any]]) -> dict[Any, int]:
    """`key, n` rows as a dict; `key1, key2, n` rows keyed by the pair."""
    result: dict[Any, int] = {}
    for *key, n in rows:
        result[key[0] if len(key) == 1 else tuple(key)] = int(n)
    return result


# --- contacts ------------------------------------------------------------------------------


def contacts_by_day(connection: Connection, w: Where) -> dict[str, int]:
    hint = _hint(connection, "ix_merged_contact_day_desk", True)
    query = f"SELECT day, COUNT(*) FROM merged_contact {hint} WHERE {w.sql} GROUP BY day"
    return _counts(run(connection, query, w.params))


PROFILE = ("canal", "statut", "tranche_age", "sexe", "handicap")


def contact_profiles(connection: Connection, w: Where, large: bool) -> dict[str, dict[str, int]]:
    """Counts by canal, statut, tranche d'âge, sexe, handicap, and sexe × tranche d'âge.

    One pass over the profile index into a small cube (at most a few thousand groups), whose
    margins the database then sums.
    """
    run(connection, f"DROP TABLE IF EXISTS {PROFILE_CUBE}")
    run(
        connection,
        f"CREATE TEMP TABLE {PROFILE_CUBE} AS SELECT {', '.join(PROFILE)}, COUNT(*) AS n "
        f"FROM merged_contact {_hint(connection, 'ix_merged_contact_profile', large)} "
        f"WHERE {w.sql} GROUP BY {', '.join(PROFILE)}",
        w.params,
    )
    margins = {
        column: _counts(
            run(connection, f"SELECT {column}, SUM(n) FROM {PROFILE_CUBE} GROUP BY {column}")
        )
        for column in PROFILE
    }
    margins["sexe_age"] = {
        f"{sexe}|{age}": int(n)
        for sexe, age, n in run(
            connection,
            f"SELECT sexe, tranche_age, SUM(n) FROM {PROFILE_CUBE} GROUP BY sexe, tranche_age",
        )
    }
    run(connection, f"DROP TABLE {PROFILE_CUBE}")
    return margins


def contacts_by_commune(connection: Connection, w: Where, large: bool) -> dict[str, int]:
    """Residence commune → contacts; the key "" holds contacts without a commune."""
    query = (
        f"SELECT COALESCE(commune, ''), COUNT(*) FROM merged_contact "
        f"{_hint(connection, 'ix_merged_contact_commune', large)} WHERE {w.sql} GROUP BY commune"
    )
    return _counts(run(connection, query, w.params))


def contacts_by_site_and_canal(
    connection: Connection, w: Where, large: bool
) -> dict[tuple[str, str], int]:
    query = (
        "SELECT desk_id, canal, COUNT(*) FROM merged_contact "
        f"{_hint(connection, 'ix_merged_contact_desk_canal', large)} WHERE {w.sql} "
        "GROUP BY desk_id, canal"
    )
    return _counts(run(connection, query, w.params))


def codes(connection: Connection, w: Where) -> tuple[dict[str, int], ...]:
    """Contacts by need (as recorded), need category (once per contact) and response.

    Contacts are counted by their sets of codes, in the order of the codes index (one pass, no
    sort; a region has a few thousand distinct sets), then each set's count goes to its codes.
    """
    count = run(connection, f"SELECT COUNT(*) FROM merged_contact WHERE {w.sql}", w.params)
    hint = _hint(connection, "ix_merged_contact_codes", count.scalar_one() > FORCE_INDEX_ABOVE)
    query = (
        f"SELECT besoins, reponses, COUNT(*) FROM merged_contact {hint} WHERE {w.sql} "
        "GROUP BY besoins, reponses"
    )
    return count_codes(run(connection, query, w.params))


def count_codes(groups: Iterable[Sequence[Any]]) -> tuple[dict[str, int], ...]:
    """(needs, responses, contacts) groups → contacts by need, by need category (once per
    contact) and by response."""
    besoins: dict[str, int] = {}
    categories: dict[str, int] = {}
    reponses: dict[str, int] = {}
    for needs_text, responses_text, n in groups:
        needs = codes_of(needs_text)
        for code in needs:
            besoins[code] = besoins.get(code, 0) + int(n)
        for category in {category_of(code) for code in needs}:
            categories[category] = categories.get(category, 0) + int(n)
        for code in codes_of(responses_text):
            reponses[code] = reponses.get(code, 0) + int(n)
    return besoins, categories, reponses


# --- referrals -----------------------------------------------------------------------------

# TEMP tables of the connection, named unqualified: SQLite and PostgreSQL both look in the
# connection's temporary schema first.
PROFILE_CUBE = "report_profile"
REFERRAL_ROWS = "report_referral_rows"
REFERRAL_CUBE = "report_referral"
TEMPORARY = (PROFILE_CUBE, REFERRAL_ROWS, REFERRAL_CUBE)
EVERYTHING = Where("1 = 1", ())


def select_referrals(connection: Connection, w: Where) -> None:
    """The selected referrals' columns, once, into a TEMP table the referral queries share.

    One pass over `merged_referral`: sequential when most of it is selected (reading a
    quarter of a million rows in order beats as many index lookups), by the day index else.
    """
    count = run(connection, f"SELECT COUNT(*) FROM merged_referral WHERE {w.sql}", w.params)
    scan = _dialect(connection).full_scan_hint() if count.scalar_one() > FORCE_INDEX_ABOVE else ""
    run(connection, f"DROP TABLE IF EXISTS {REFERRAL_ROWS}")
    run(
        connection,
        f"CREATE TEMP TABLE {REFERRAL_ROWS} AS SELECT contact_id, contact_day, "
        "type, statut, rdv_at, rdv_day, created_at, reseau, structure_id, structure_nom, niveau "
        f"FROM merged_referral {scan} WHERE {w.sql}",
        w.params,
    )


def drop_temporary(connection: Connection) -> None:
    """The report's TEMP tables, before the connection goes back to the pool."""
    for table in TEMPORARY:
        run(connection, f"DROP TABLE IF EXISTS {table}")


def _cutoff(as_of: datetime, days: int) -> str:
    return (as_of - timedelta(days=days)).astimezone(UTC).replace(microsecond=0).isoformat()


def outcome_sql() -> str:
    """honoré / non honoré / annulé as recorded; still proposé or rdv pris: "sans suite" once
    its date (the rendez-vous, else the referral's creation) is older than the cutoff, else
    "en cours". ISO UTC strings compare as moments."""
    return (
        "CASE WHEN statut IN ('honore', 'non-honore', 'annule') THEN statut "
        "WHEN COALESCE(rdv_at, created_at) < ? THEN 'sans-suite' ELSE 'en-cours' END"
    )


@dataclass
class ReferralCounts:
    total: int
    contacts_referred: int
    by_type: dict[str, int]
    by_outcome: dict[str, int]
    by_type_outcome: dict[tuple[str, str], int]
    by_network: dict[str, int]
    by_network_outcome: dict[tuple[str, str], int]  # the dashboard's drill from a network
    by_structure: dict[str, int]
    structure_names: dict[str, str]


def referral_counts(
    connection: Connection, as_of: datetime, sans_suite_days: int
) -> ReferralCounts:
    """Over the referrals `select_referrals` chose."""
    run(connection, f"DROP TABLE IF EXISTS {REFERRAL_CUBE}")
    run(
        connection,
        f"CREATE TEMP TABLE {REFERRAL_CUBE} AS SELECT type, "
        f"{outcome_sql()} AS issue, COALESCE(reseau, '') AS reseau, structure_id, "
        "MAX(structure_nom) AS nom, COUNT(*) AS n "
        f"FROM {REFERRAL_ROWS} GROUP BY 1, 2, 3, 4",
        (_cutoff(as_of, sans_suite_days),),
    )

    def margin(column: str) -> dict[str, int]:
        query = f"SELECT {column}, SUM(n) FROM {REFERRAL_CUBE} GROUP BY {column}"
        return _counts(run(connection, query))

    type_outcome = _counts(
        run(connection, f"SELECT type, issue, SUM(n) FROM {REFERRAL_CUBE} GROUP BY type, issue")
    )
    network_outcome = _counts(
        run(
            connection,
            f"SELECT reseau, issue, SUM(n) FROM {REFERRAL_CUBE} GROUP BY reseau, issue",
        )
    )
    names: dict[str, str] = dict(
        run(
            connection,
            f"SELECT structure_id, MAX(nom) FROM {REFERRAL_CUBE} GROUP BY structure_id",
        ).fetchall()
    )
    distinct = f"SELECT COUNT(DISTINCT contact_id) FROM {REFERRAL_ROWS}"
    referred = int(run(connection, distinct).scalar_one())
    result = ReferralCounts(
        total=sum(type_outcome.values()),
        contacts_referred=referred,
        by_type=margin("type"),
        by_outcome=margin("issue"),
        by_type_outcome=type_outcome,
        by_network=margin("reseau"),
        by_network_outcome=network_outcome,
        by_structure=margin("structure_id"),
        structure_names=names,
    )
    run(connection, f"DROP TABLE {REFERRAL_CUBE}")
    return result


def delay_histogram(connection: Connection) -> dict[int, int]:
    """Days from the contact to its rendez-vous (local calendar days) → referrals."""
    delay = _dialect(connection).days_between("rdv_day", "contact_day")
    query = (
        f"SELECT {delay} AS delay, COUNT(*) "
        f"FROM {REFERRAL_ROWS} WHERE rdv_day IS NOT NULL GROUP BY delay"
    )
    return {int(days): n for days, n in _counts(run(connection, query)).items()}


def level_two(
    connection: Connection, w: Where = EVERYTHING, table: str = REFERRAL_ROWS
) -> tuple[int, int]:
    """Contacts with a referral to a level-2 service not cancelled; of them, a rendez-vous
    honoured (an information marked « Honoré » had no rendez-vous to honour)."""
    query = (
        "SELECT COUNT(DISTINCT contact_id), "
        "COUNT(DISTINCT CASE WHEN statut = 'honore' AND type = 'rendez-vous' "
        "THEN contact_id END) "
        f"FROM {table} WHERE niveau = 2 AND statut != 'annule' AND {w.sql}"
    )
    referred, honoured = run(connection, query, w.params).one()
    return int(referred), int(honoured)


def referral_total(connection: Connection, w: Where) -> int:
    query = f"SELECT COUNT(*) FROM merged_referral WHERE {w.sql}"
    return int(run(connection, query, w.params).scalar_one())


def quantile(histogram: dict[int, int], q: float) -> float | None:
    """The smallest value v with at least q of the observations ≤ v (nearest rank, lower).

    Walks the histogram's distinct values (a few hundred at most), not the observations.
    """
    count = sum(histogram.values())
    if count == 0:
        return None
    rank = max(1, -(-q * count // 1))  # ceil(q·n), at least the first observation
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return float(value)
    return float(max(histogram))


def months_of(period: Period) -> list[str]:
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(day.isoformat()[:7])
        day = (day + timedelta(days=32)).replace(day=1)
    return months
