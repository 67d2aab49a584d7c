"""What a report covers: a period, and which sites (by id, network, département, EPCI or
région).

The geographic filters select **sites** (desks) by where they are — the département or EPCI of
the site's commune — not contacts by where they live: a bilan is the activity of the sites of a
territory. Where people live is the coverage theme's business (see `coverage.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from spro_desk.geo.cog import Geography


@dataclass(frozen=True, slots=True)
class Period:
    """Calendar days from `start` to `end`, both included (local days, Europe/Paris)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("La période se termine avant de commencer.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous_year(self) -> Period:
        """The same dates one year earlier (29 February becomes the 28th)."""
        return Period(_year_before(self.start), _year_before(self.end))

    def label(self) -> str:
        return f"du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True, slots=True)
class Filters:
    """A period and, optionally, the sites to include; every filter given must hold."""

    period: Period
    site: str | None = None  # a desk id
    reseau: str | None = None  # the site's network (registration), e.g. cio, mission-locale
    departement: str | None = None  # of the site's commune
    epci: str | None = None  # SIREN of the site's commune's EPCI
    region: str | None = None  # of the site's commune (a national consolidation)

    @property
    def restricts_sites(self) -> bool:
        return any((self.site, self.reseau, self.departement, self.epci, self.region))

    def with_period(self, period: Period) -> Filters:
        return replace(self, period=period)

    def restricted(self, field: str, code: str) -> Filters:
        """The same filters, `field` (site, reseau, departement or epci) set to `code`."""
        if field == "site":
            return replace(self, site=code)
        if field == "reseau":
            return replace(self, reseau=code)
        if field == "departement":
            return replace(self, departement=code)
        if field == "epci":
            return replace(self, epci=code)
        if field == "region":
            return replace(self, region=code)
        raise ValueError(f"unknown filter {field!r}")

    def describe(self) -> str:
        """The filters in words, for headings ("Période du … au … · réseau cio")."""
        parts = [f"Période {self.period.label()}"]
        for name, value in (
            ("site", self.site),
            ("réseau", self.reseau),
            ("département", self.departement),
            ("EPCI", self.epci),
            ("région", self.region),
        ):
            if value:
                parts.append(f"{name} {value}")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Options:
    """Thresholds of the indicators, documented in docs/indicators.md."""

    as_of: datetime | None = None  # reference moment for "sans suite" and lateness; None: now
    sans_suite_days: int = 30  # a referral still open this long after its date is "sans suite"
    late_after_days: int = 14  # a desk without a bundle for longer is late
    secrecy_threshold: int = 5  # exported cells below it are masked (0 excluded)


@dataclass(frozen=True, slots=True)
class Site:
    """A desk as the reports see it: where it is and what it last told the coordinator."""

    desk_id: str
    nom: str
    reseau: str
    commune: str | None
    departement: str | None = None
    epci: str | None = None
    region: str | None = None
    last_bundle_at: datetime | None = None
    directory_date: datetime | None = None  # published (snapshot) or imported
    # The zones the site serves (site/catchment.py), known on the desk itself only.
    catchment: tuple[str, ...] = ()

    def matches(self, filters: Filters) -> bool:
        return (
            (filters.site is None or filters.site == self.desk_id)
            and (filters.reseau is None or filters.reseau == self.reseau)
            and (filters.departement is None or filters.departement == self.departement)
            and (filters.epci is None or filters.epci == self.epci)
            and (filters.region is None or filters.region == self.region)
        )


def locate(site: Site, geo: Geography) -> Site:
    """The site with its département, EPCI and région from its commune."""
    commune = geo.commune(site.commune or "")
    if commune is None:
        return site
    return replace(site, departement=commune.departement, epci=commune.epci, region=commune.region)


def previous_days(day: date, count: int) -> Period:
    """The `count` days ending on `day` (a helper for "the last 7 days" views)."""
    return Period(day - timedelta(days=count - 1), day)
