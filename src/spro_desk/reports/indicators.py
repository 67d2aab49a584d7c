"""The indicators of the bilan d'activité, for the coordinator (merged data) or one site.

Entry point::

    from spro_desk.reports.indicators import compute_indicators
    from spro_desk.reports.filters import Filters, Options, Period
    from spro_desk.reports.source import CoordinatorSource, DeskSource

    indicators = compute_indicators(CoordinatorSource(db), Filters(Period(start, end)))
    indicators.figures["contacts"].value          # headline figures (Figure)
    indicators.tables["contacts.canal"]           # breakdowns (Table), see TABLE_KEYS
    indicators.drill_down("contacts.mois", "2026-03")  # Filters of that row, or None

The figures are raw (exact) counts: the statistical secrecy rule is applied when they are
published (`reports.publish`), which every export goes through. Definitions are in
docs/indicators.md.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from spro_desk.directory.networks import network_label
from spro_desk.geo.cog import Geography, commune_label, geography
from spro_desk.reports import queries as q
from spro_desk.reports import summary
from spro_desk.reports.coverage import Coverage, coverage
from spro_desk.reports.filters import Filters, Options, Period, Site
from spro_desk.reports.source import Source
from spro_desk.reports.table import Figure, Table, cross, one_way
from spro_desk.sync.indicator_summary import is_ready
from spro_desk.sync.merged import week_start
from spro_desk.vocab import (
    CANAUX,
    REFERRAL_TYPES,
    REPONSES,
    SEXES,
    STATUTS,
    TRANCHES_AGE,
    categories,
    need_label,
    thematiques,
)

HANDICAP = {"oui": "Oui", "non": "Non", "non-renseigne": "Non demandé"}
OUTCOME_LABELS = {
    "honore": "Honoré",
    "non-honore": "Non honoré",
    "annule": "Annulé",
    "sans-suite": "Sans suite",
    "en-cours": "En cours",
}
MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
          "nov.", "déc.")  # fmt: skip


@dataclass
class DelayStats:
    """Days from the contact to its rendez-vous (local calendar days), over `count` referrals."""

    count: int
    q1: float | None
    median: float | None
    q3: float | None


@dataclass
class DeskStatus:
    site: Site
    days_since_bundle: int | None  # None: never received (or a desk's own view)
    late: bool
    directory_age_days: int | None


@dataclass
class Comparison:
    previous: Period
    figures: list[tuple[str, str, int, int]]  # key, label, this period, previous year


@dataclass
class Indicators:
    scope: str  # "Coordination régionale" or the site's name
    filters: Filters
    options: Options
    as_of: datetime
    freshness: datetime | None  # data as fresh as this (last bundle received; now on a desk)
    figures: dict[str, Figure]
    tables: dict[str, Table]
    delay: DelayStats
    coverage: Coverage
    desks: list[DeskStatus]
    comparison: Comparison
    timings: dict[str, float] = field(default_factory=dict)

    def drill_down(self, table_key: str, row_code: str) -> Filters | None:
        """The filters that show the breakdown behind one row of a table (or None)."""
        table = self.tables[table_key]
        period = self.filters.period
        if table.drill == "month":
            year, month = (int(part) for part in row_code.split("-"))
            first = date(year, month, 1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            start, end = max(first, period.start), min(last, period.end)
            return self.filters.with_period(Period(start, end)) if start <= end else None
        if table.drill == "week":
            first = date.fromisoformat(row_code)
            start, end = max(first, period.start), min(first + timedelta(6), period.end)
            return self.filters.with_period(Period(start, end)) if start <= end else None
        if table.drill in ("site", "reseau", "departement", "epci"):
            return self.filters.restricted(table.drill, row_code)
        return None


def compute_indicators(
    source: Source,
    filters: Filters,
    options: Options | None = None,
    geo: Geography | None = None,
    *,
    summarised: bool = True,
) -> Indicators:
    """Every indicator of the bilan over `filters`, from `source` (see module docstring).

    `summarised`: read the indicators' summary when it answers (`reports.summary`: every site,
    whole months, a coordination); False reads the merged tables whatever the filters (the
    same figures, tests compare them)."""
    options = options or Options()
    geo = geo or geography()
    as_of = options.as_of or datetime.now(UTC)
    sites = source.sites()
    previous = filters.period.previous_year()
    if summarised and summary.answers(filters) and _summary_ready(source):
        with source.connect([filters.period, previous]) as connection:
            counted = summary.indicator_parts(connection, filters, as_of, options.sans_suite_days)
    else:
        w = q.where(filters, sites)
        wr = q.where(filters, sites, day="contact_day")
        parts = (
            lambda c: _contact_part(c, w),
            lambda c: _code_part(c, w),
            lambda c: _referral_part(c, wr, as_of, options, filters.with_period(previous), sites),
        )
        counted = _run(source, [filters.period, previous], parts)
    (
        (days, profiles, communes, site_canal),
        (needs, needs_by_category, responses),
        (referrals, delays, (level2, level2_honoured), last_year),
    ) = counted
    total = sum(days.values())
    delay = DelayStats(
        sum(delays.values()),
        q.quantile(delays, 0.25),
        q.quantile(delays, 0.5),
        q.quantile(delays, 0.75),
    )
    tables = _contact_tables(filters.period, days, profiles, communes, geo)
    tables |= _need_tables(needs, needs_by_category, responses)
    tables |= _referral_tables(referrals)
    tables["sites.contacts"] = _site_table(sites, filters, site_canal)
    figures = _figures(total, referrals, level2, level2_honoured, delay)
    this_year = {
        "contacts": total,
        "orientations": referrals.total,
        "contacts_niveau2": level2,
    }
    comparison = Comparison(
        previous,
        [(key, label, this_year[key], last_year[key]) for key, label in _COMPARED],
    )
    tables["comparaison.mois"] = _comparison_table(filters.period, days, last_year["months"])
    return Indicators(
        scope=source.label,
        filters=filters,
        options=options,
        as_of=as_of,
        freshness=source.freshness(),
        figures=figures,
        tables=tables,
        delay=delay,
        coverage=coverage(geo, filters, sites, communes),
        desks=_desk_statuses(source, sites, filters, options, as_of),
        comparison=comparison,
    )


def _summary_ready(source: Source) -> bool:
    if not source.summarised:
        return False
    with source.connect() as connection:
        return is_ready(connection)


def _run(source: Source, periods: list[Period], parts: tuple) -> list[Any]:
    """Each part on its own connection in parallel when the source allows it (the database
    works without the GIL: two cores, two queries), else one after the other on one
    connection."""
    if not source.parallel:
        with source.connect(periods) as connection:
            return [part(connection) for part in parts]

    def run(part: Callable[[Connection], Any]) -> Any:
        with source.connect(periods) as connection:
            return part(connection)

    with ThreadPoolExecutor(max_workers=len(parts)) as pool:
        return list(pool.map(run, parts))


def _contact_part(connection: Connection, w: q.Where) -> tuple[Any, ...]:
    days = q.contacts_by_day(connection, w)
    large = sum(days.values()) > q.FORCE_INDEX_ABOVE
    return (
        days,
        q.contact_profiles(connection, w, large),
        q.contacts_by_commune(connection, w, large),
        q.contacts_by_site_and_canal(connection, w, large),
    )


def _code_part(connection: Connection, w: q.Where) -> tuple[Any, ...]:
    return q.codes(connection, w)


def _referral_part(
    connection: Connection,
    wr: q.Where,
    as_of: datetime,
    options: Options,
    previous: Filters,
    sites: list[Site],
) -> tuple[Any, ...]:
    q.select_referrals(connection, wr)
    return (
        q.referral_counts(connection, as_of, options.sans_suite_days),
        q.delay_histogram(connection),
        q.level_two(connection),
        _previous_year(connection, previous, sites),
    )


_COMPARED = (
    ("contacts", "Contacts"),
    ("orientations", "Orientations"),
    ("contacts_niveau2", "Contacts orientés vers le niveau 2"),
)


def _previous_year(connection: Connection, filters: Filters, sites: list[Site]) -> dict[str, Any]:
    w = q.where(filters, sites)
    days = q.contacts_by_day(connection, w)
    wr = q.where(filters, sites, day="contact_day")
    months: dict[str, int] = {}
    for day, n in days.items():
        months[day[:7]] = months.get(day[:7], 0) + n
    return {
        "contacts": sum(days.values()),
        "orientations": q.referral_total(connection, wr),
        "contacts_niveau2": q.level_two(connection, wr, "merged_referral")[0],
        "months": months,
    }


# --- tables --------------------------------------------------------------------------------


def _month_label(month: str) -> str:
    return f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}"


def _contact_tables(
    period: Period,
    days: dict[str, int],
    profiles: dict[str, dict[str, int]],
    communes: dict[str, int],
    geo: Geography,
) -> dict[str, Table]:
    weeks: dict[str, int] = {}
    months: dict[str, int] = {}
    for day, n in days.items():  # at most 366 days, already counted by SQLite
        week = week_start(date.fromisoformat(day)).isoformat()
        weeks[week] = weeks.get(week, 0) + n
        months[day[:7]] = months.get(day[:7], 0) + n
    all_weeks, monday = [], week_start(period.start)
    while monday <= period.end:
        all_weeks.append(monday.isoformat())
        monday += timedelta(days=7)
    month_codes = q.months_of(period)
    week_labels = {w: f"semaine du {date.fromisoformat(w):%d/%m/%Y}" for w in all_weeks}
    commune_labels = {  # as the screens name them: the INSEE code reads as a postal code
        code: commune_label(c) if (c := geo.commune(code)) else code for code in communes
    }
    commune_labels[""] = "Non renseignée"
    sexe_age = {_pair(key): n for key, n in profiles["sexe_age"].items()}
    return {
        "contacts.semaine": one_way(
            "contacts.semaine", "Contacts par semaine", "Semaine", weeks, week_labels,
            order=all_weeks, drill="week",
        ),
        "contacts.mois": one_way(
            "contacts.mois", "Contacts par mois", "Mois", months,
            {m: _month_label(m) for m in month_codes}, order=month_codes, drill="month",
        ),
        "contacts.canal": one_way(
            "contacts.canal", "Contacts par canal", "Canal", profiles["canal"], CANAUX,
            order=CANAUX,
        ),
        "contacts.statut": one_way(
            "contacts.statut", "Contacts par statut", "Statut", profiles["statut"], STATUTS,
            order=STATUTS,
        ),
        "contacts.tranche_age": one_way(
            "contacts.tranche_age", "Contacts par tranche d'âge", "Tranche d'âge",
            profiles["tranche_age"], TRANCHES_AGE, order=TRANCHES_AGE,
        ),
        "contacts.sexe": one_way(
            "contacts.sexe", "Contacts par sexe (mixité)", "Sexe", profiles["sexe"], SEXES,
            order=SEXES,
        ),
        "contacts.handicap": one_way(
            "contacts.handicap", "Contacts en situation de handicap", "Handicap",
            profiles["handicap"], HANDICAP, order=HANDICAP,
        ),
        "contacts.sexe_age": cross(
            "contacts.sexe_age", "Contacts par sexe et tranche d'âge", "Sexe", sexe_age,
            list(SEXES.items()), list(TRANCHES_AGE.items()),
        ),
        "contacts.commune": one_way(
            "contacts.commune", "Contacts par commune de résidence", "Commune", communes,
            commune_labels, keep_zeros=False,
        ),
    }  # fmt: skip


def _need_tables(
    needs: dict[str, int], by_category: dict[str, int], responses: dict[str, int]
) -> dict[str, Table]:
    sub = {code: n for code, n in needs.items() if "--" in code}
    note = "Un contact peut exprimer plusieurs besoins : la somme dépasse le nombre de contacts."
    return {
        "besoins.categorie": one_way(
            "besoins.categorie", "Besoins par catégorie", "Catégorie", by_category,
            categories(), order=categories(), note=note,
        ),
        "besoins.thematique": one_way(
            "besoins.thematique", "Besoins par sous-thématique", "Sous-thématique", sub,
            {code: need_label(code) for code in thematiques()}, keep_zeros=False, note=note,
        ),
        "reponses": one_way(
            "reponses", "Réponses apportées", "Réponse", responses, REPONSES, order=REPONSES,
            note="Un contact peut recevoir plusieurs réponses.",
        ),
    }  # fmt: skip


def _referral_tables(r: q.ReferralCounts) -> dict[str, Table]:
    networks = {code: network_label(code or None) for code in r.by_network}
    return {
        "orientations.type": one_way(
            "orientations.type", "Orientations par type", "Type", r.by_type, REFERRAL_TYPES,
            column="Orientations", order=REFERRAL_TYPES,
        ),
        "orientations.issue": one_way(
            "orientations.issue", "Orientations par issue", "Issue", r.by_outcome,
            OUTCOME_LABELS, column="Orientations", order=OUTCOME_LABELS,
        ),
        "orientations.type_issue": cross(
            "orientations.type_issue", "Orientations par type et issue", "Type",
            r.by_type_outcome, list(REFERRAL_TYPES.items()), list(OUTCOME_LABELS.items()),
        ),
        "orientations.reseau": one_way(
            "orientations.reseau", "Orientations par réseau de destination", "Réseau",
            r.by_network, networks, column="Orientations", keep_zeros=False,
        ),
        "orientations.reseau_issue": cross(
            "orientations.reseau_issue", "Orientations par réseau de destination et issue",
            "Réseau", r.by_network_outcome, sorted(networks.items(), key=lambda item: item[1]),
            list(OUTCOME_LABELS.items()),
        ),
        "orientations.structure": one_way(
            "orientations.structure", "Orientations par structure de destination",
            "Structure", r.by_structure, r.structure_names, column="Orientations",
            keep_zeros=False,
        ),
    }  # fmt: skip


def _site_table(sites: list[Site], filters: Filters, counts: dict[tuple[str, str], int]) -> Table:
    selected = [s for s in sites if s.matches(filters)]
    known = {s.desk_id for s in selected}
    rows = [(s.desk_id, s.nom) for s in selected]
    rows += sorted({(desk, desk) for desk, _canal in counts if desk not in known})
    return cross(
        "sites.contacts", "Contacts par site et canal", "Site", counts, rows,
        list(CANAUX.items()), drill="site",
    )  # fmt: skip


def _comparison_table(period: Period, days: dict[str, int], previous: dict[str, int]) -> Table:
    months: dict[str, int] = {}
    for day, n in days.items():
        months[day[:7]] = months.get(day[:7], 0) + n
    codes = q.months_of(period)
    counts = {}
    for month in codes:
        last = f"{int(month[:4]) - 1}{month[4:]}"
        counts[(month, "n")] = months.get(month, 0)
        counts[(month, "n-1")] = previous.get(last, 0)
    table = cross(
        "comparaison.mois", "Contacts par mois, comparés à l'année précédente", "Mois",
        counts, [(m, _month_label(m)) for m in codes],
        [("n", "Période"), ("n-1", "Même période, année précédente")], drill="month",
    )  # fmt: skip
    table.row_totals = False  # adding this year to last year means nothing
    return table


# --- figures and desks ---------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _figures(
    contacts: int, r: q.ReferralCounts, level2: int, honoured: int, delay: DelayStats
) -> dict[str, Figure]:
    rate = round(r.total / contacts, 3) if contacts else None
    figures = [
        Figure("contacts", "Contacts", contacts, based_on=(contacts,)),
        Figure("orientations", "Orientations", r.total, based_on=(r.total,)),
        Figure("contacts_orientes", "Contacts orientés", r.contacts_referred,
               based_on=(r.contacts_referred,)),
        Figure("taux_orientation", "Orientations par contact", rate,
               based_on=(r.total, contacts)),
        Figure("part_niveau2", "Part des contacts orientés vers un service de niveau 2",
               _share(level2, contacts), "%", based_on=(level2, contacts)),
        Figure("part_niveau2_honore",
               "Part des contacts dont le rendez-vous de niveau 2 a été honoré",
               _share(honoured, contacts), "%", based_on=(honoured, contacts)),
        Figure("delai_mediane", "Délai médian entre le contact et le rendez-vous",
               delay.median, "jours", based_on=(delay.count,)),
        Figure("delai_q1", "Délai, premier quartile", delay.q1, "jours",
               based_on=(delay.count,)),
        Figure("delai_q3", "Délai, troisième quartile", delay.q3, "jours",
               based_on=(delay.count,)),
        Figure("rendez_vous", "Orientations avec un rendez-vous daté", delay.count,
               based_on=(delay.count,)),
    ]  # fmt: skip
    return {figure.key: figure for figure in figures}


def _desk_statuses(
    source: Source, sites: list[Site], filters: Filters, options: Options, as_of: datetime
) -> list[DeskStatus]:
    tracks = source.tracks_bundles

    def days_since(moment: datetime | None) -> int | None:
        return (as_of - moment).days if moment else None

    statuses = []
    for site in sites:
        if not site.matches(filters):
            continue
        since = days_since(site.last_bundle_at)
        late = tracks and (since is None or since > options.late_after_days)
        statuses.append(DeskStatus(site, since, late, days_since(site.directory_date)))
    return statuses


def _pair(key: str) -> tuple[str, str]:
    """`sexe|tranche` as SQLite grouped it."""
    first, _, second = key.partition("|")
    return first, second
