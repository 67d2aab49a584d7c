"""A synthetic region whose indicators are known in advance, at any scale.

`generate` writes desks, contacts and referrals straight into a coordinator database's merged
tables (what bundle imports would have produced) and returns a `Dataset`; with `keep=True` it
also keeps the records, and `Dataset.truths(filters)` recomputes every indicator from them in
plain Python — an implementation independent of the SQL one, against which tests check the
indicators and every export. Fictitious data only: no real person.

The rows go through a `Rows` writer: `SqliteRows` (executemany, a sqlite3 connection given to
`generate` is wrapped in one) or `PostgresRows` (COPY on a psycopg connection, for the national
benchmark); `defer_indexes=True` drops the indexes of the tables written (on PostgreSQL their
primary keys too) and builds them again at the end (a bulk load). The merged tables' columns
are named here only.
"""

from __future__ import annotations

import random
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from spro_desk.geo.cog import Geography, geography
from spro_desk.reports.filters import Filters, Options, Period, Site, locate
from spro_desk.sync.merged import CONTACT_COLUMNS, REFERRAL_COLUMNS, codes_text, week_start
from spro_desk.vocab import CANAUX, REPONSES, SEXES, STATUTS, TRANCHES_AGE, category_of, thematiques

NETWORKS = ("cio", "mission-locale", "information-jeunesse", "france-travail", "cap-emploi")
OUTCOME_RAW = ("propose", "rdv-pris", "honore", "non-honore", "annule")
REGION = "24"  # Centre-Val de Loire
OUTSIDE_DEPARTEMENT = "75"

# The synthetic regions are metropolitan: their days are Paris days (run with that site zone).
LOCAL_TIME = ZoneInfo("Europe/Paris")


@dataclass
class Contact:
    id: str
    desk_id: str
    at: datetime
    day: date
    canal: str
    statut: str
    tranche_age: str
    sexe: str
    handicap: str
    commune: str | None
    besoins: tuple[str, ...]
    reponses: tuple[str, ...]


@dataclass
class Referral:
    id: str
    contact_id: str
    desk_id: str
    contact: Contact | None  # None: its contact was deleted
    structure_id: str
    structure_nom: str
    reseau: str | None
    niveau: int | None
    type: str
    statut: str
    created_at: datetime
    rdv_at: datetime | None


@dataclass
class Dataset:
    sites: list[Site]
    year: int
    as_of: datetime
    contacts: list[Contact] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    contact_count: int = 0
    referral_count: int = 0

    @property
    def period(self) -> Period:
        return Period(date(self.year, 1, 1), date(self.year, 12, 31))

    def truths(self, filters: Filters, options: Options | None = None) -> dict[str, Any]:
        """Every indicator over `filters`, from the kept records (requires keep=True)."""
        return _truths(self, filters, options or Options(as_of=self.as_of))


# --- generating ----------------------------------------------------------------------------


REGISTERED_COLUMNS = (
    "desk_id", "public_key", "site_nom", "reseau", "commune", "registered_at", "revoked",
)  # fmt: skip
BUNDLE_COLUMNS = ("sha256", "desk_id", "bundle_seq", "previous_sha256", "received_at", "events")
DESK_COLUMNS = (
    "desk_id", "bundle_seq", "bundle_created_at", "directory_version", "directory_published_at",
    "directory_imported_at",
)  # fmt: skip
WRITTEN_TABLES = (
    "registered_desk", "received_bundle", "merged_desk", "merged_contact", "merged_referral",
)  # fmt: skip


class SqliteRows:
    """Rows into a SQLite coordinator database (executemany, one transaction per commit)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        self.connection.executemany(sql, rows)

    def commit(self) -> None:
        self.connection.commit()

    def deferrable(self, tables: Sequence[str]) -> list[tuple[str, str]]:
        """(drop, create) statements of the secondary indexes (a SQLite primary key stays)."""
        marks = ", ".join("?" * len(tables))
        found = self.connection.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})",
            tuple(tables),
        ).fetchall()
        return [(f"DROP INDEX {name}", sql) for name, sql in found]

    def execute(self, sql: str) -> None:
        self.connection.execute(sql)


class PostgresRows:
    """Rows into a PostgreSQL coordinator database by COPY (a psycopg 3 connection)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    def commit(self) -> None:
        self.connection.commit()

    def deferrable(self, tables: Sequence[str]) -> list[tuple[str, str]]:
        """(drop, create) statements of the indexes and primary keys (built once after a bulk
        load rather than maintained row by row)."""
        indexes = self.connection.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY(%s) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            (list(tables),),
        ).fetchall()
        keys = self.connection.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c WHERE c.contype = 'p' AND c.conrelid::regclass::text = ANY(%s)",
            (list(tables),),
        ).fetchall()
        return [
            *((f"ALTER TABLE {t} DROP CONSTRAINT {n}", f"ALTER TABLE {t} ADD CONSTRAINT {n} {d}")
              for t, n, d in keys),
            *((f"DROP INDEX {name}", sql) for name, sql in indexes),
        ]  # fmt: skip

    def execute(self, sql: str) -> None:
        self.connection.execute(sql)


Rows = SqliteRows | PostgresRows


@contextmanager
def indexes_deferred(rows: Rows, tables: Sequence[str]) -> Iterator[None]:
    """The indexes of `tables` dropped for a bulk load, built again after it."""
    statements = rows.deferrable(tables)
    for drop, _create in statements:
        rows.execute(drop)
    rows.commit()
    yield
    for _drop, create in statements:
        rows.execute(create)
    rows.commit()


def region_communes(geo: Geography, departements: Sequence[str]) -> list[str]:
    """Every commune of the départements, sorted (sites and residents are drawn from them)."""
    return sorted(code for dep in departements for code in geo.communes_in_zone(dep))


def national_departements(geo: Geography) -> list[str]:
    """The départements of the 18 regions (13 mainland, 5 overseas)."""
    return sorted(geo.departement_codes())


def _sites(rng: random.Random, geo: Geography, count: int, communes: list[str]) -> list[Site]:
    sites = []
    for number in range(count):
        commune = communes[rng.randrange(len(communes))]
        reseau = NETWORKS[number % len(NETWORKS)]
        sites.append(locate(Site(f"desk-{number:04d}", f"Site {number:04d}", reseau, commune), geo))
    return sites


def _pick_weighted(rng: random.Random, values: tuple[str, ...]) -> str:
    # a skewed distribution, so some cells are small and secrecy has work to do
    index = min(int(rng.expovariate(0.7)), len(values) - 1)
    return values[index]


def generate(
    target: sqlite3.Connection | Rows,
    *,
    desks: int = 12,
    contacts: int = 2_000,
    referrals: int = 500,
    year: int = 2026,
    previous_year_share: float = 0.1,
    seed: int = 5,
    keep: bool = True,
    chunk: int = 50_000,
    geo: Geography | None = None,
    departements: Sequence[str] = ("18", "28", "36", "37", "41", "45"),
    defer_indexes: bool = False,
) -> Dataset:
    """Write a synthetic region (by default Centre-Val de Loire; a nation with
    `national_departements`) into `target`'s coordinator tables (one transaction each chunk);
    contacts fall in `year`, plus `previous_year_share` of them a year earlier."""
    rows = SqliteRows(target) if isinstance(target, sqlite3.Connection) else target
    if not defer_indexes:
        return _generate(rows, desks, contacts, referrals, year, previous_year_share, seed, keep,
                         chunk, geo or geography(), departements)  # fmt: skip
    with indexes_deferred(rows, WRITTEN_TABLES):
        return _generate(rows, desks, contacts, referrals, year, previous_year_share, seed, keep,
                         chunk, geo or geography(), departements)  # fmt: skip


def _generate(
    connection: Rows,
    desks: int,
    contacts: int,
    referrals: int,
    year: int,
    previous_year_share: float,
    seed: int,
    keep: bool,
    chunk: int,
    geo: Geography,
    departements: Sequence[str],
) -> Dataset:
    # Rows written here bypass the merge that keeps the indicators' summary: it is emptied
    # (not ready, the indicators read the merged tables) until `refresh_summary` counts them.
    connection.execute("DELETE FROM indicator_summary")
    rng = random.Random(seed)
    region = region_communes(geo, departements)
    # Residents come from two thirds of the region's communes: the rest are white zones.
    lived_in = region[: len(region) * 2 // 3]
    outside = sorted(geo.communes_in_zone(OUTSIDE_DEPARTEMENT))[:20]
    as_of = datetime(year + 1, 1, 10, 12, 0, tzinfo=UTC)
    dataset = Dataset(_sites(rng, geo, desks, region), year, as_of)
    _write_desks(connection, rng, dataset)
    needs = sorted(thematiques())[:30]
    canaux, statuts = tuple(CANAUX), tuple(STATUTS)
    ages, sexes = tuple(TRANCHES_AGE), tuple(SEXES)
    start = datetime.combine(date(year, 1, 1), time(8), LOCAL_TIME)
    previous_start = datetime.combine(date(year - 1, 1, 1), time(8), LOCAL_TIME)
    desk_ids = [s.desk_id for s in dataset.sites]
    desk_number = {desk: number for number, desk in enumerate(desk_ids)}
    kept_contacts: list[Contact] = []
    # Every contact's moment and desk, compactly, for the referrals (even when not kept).
    moments, desk_of = array("d"), array("H")
    rows = []
    for number in range(contacts):
        base = previous_start if rng.random() < previous_year_share else start
        at = base + timedelta(days=rng.randrange(365), minutes=rng.randrange(600))
        roll = rng.random()
        commune = (
            None if roll < 0.08
            else outside[rng.randrange(len(outside))] if roll < 0.12
            else lived_in[int(len(lived_in) * rng.random() ** 2)]
        )  # fmt: skip
        contact = Contact(
            f"c{number:08d}", desk_ids[int(len(desk_ids) * rng.random() ** 1.5)], at,
            at.astimezone(LOCAL_TIME).date(), _pick_weighted(rng, canaux),
            _pick_weighted(rng, statuts), _pick_weighted(rng, ages),
            _pick_weighted(rng, sexes), ("oui", "non", "non-renseigne")[rng.randrange(3)],
            commune,
            tuple(sorted({needs[int(len(needs) * rng.random() ** 2)] for _ in range(2)})),
            tuple(sorted({_pick_weighted(rng, tuple(REPONSES)) for _ in range(2)})),
        )  # fmt: skip
        moments.append(at.timestamp())
        desk_of.append(desk_number[contact.desk_id])
        rows.append(_contact_row(contact))
        if keep:
            kept_contacts.append(contact)
        if len(rows) >= chunk:
            _flush_contacts(connection, rows)
            rows = []
    _flush_contacts(connection, rows)
    dataset.contact_count = contacts
    _write_referrals(
        connection, rng, dataset, kept_contacts, (moments, desk_of), referrals, keep, chunk
    )
    if keep:
        dataset.contacts = kept_contacts
    return dataset


def _write_desks(connection: Rows, rng: random.Random, dataset: Dataset) -> None:
    registered, bundles, merged = [], [], []
    for number, site in enumerate(dataset.sites):
        registered.append(
            (site.desk_id, "cle-fictive", site.nom, site.reseau, site.commune,
             "2025-01-01 00:00:00.000000", False)
        )  # fmt: skip
        if number % 10 != 9:  # every tenth desk never sent anything
            received = dataset.as_of - timedelta(days=rng.randrange(40), hours=rng.randrange(24))
            bundles.append(
                (f"{number:064x}", site.desk_id, 1, None,
                 received.strftime("%Y-%m-%d %H:%M:%S.%f"), 0)
            )  # fmt: skip
            published = dataset.as_of - timedelta(days=rng.randrange(120))
            merged.append((site.desk_id, 1, received.isoformat(), "3", published.isoformat(), None))
    connection.write("registered_desk", REGISTERED_COLUMNS, registered)
    connection.write("received_bundle", BUNDLE_COLUMNS, bundles)
    connection.write("merged_desk", DESK_COLUMNS, merged)
    connection.commit()
    last = {b[1]: datetime.fromisoformat(b[4]).replace(tzinfo=UTC) for b in bundles}
    directory = {m[0]: datetime.fromisoformat(m[4]) for m in merged}
    dataset.sites = [
        Site(s.desk_id, s.nom, s.reseau, s.commune, s.departement, s.epci, s.region,
             last.get(s.desk_id), directory.get(s.desk_id))
        for s in dataset.sites
    ]  # fmt: skip


def _contact_row(c: Contact) -> tuple[Any, ...]:
    return (
        c.id, c.desk_id, 1, c.at.astimezone(UTC).isoformat(), c.day.isoformat(),
        week_start(c.day).isoformat(), c.day.isoformat()[:7], c.canal, c.statut, c.tranche_age,
        c.sexe, c.handicap, c.commune, None, codes_text(c.besoins), codes_text(c.reponses), "", "",
    )  # fmt: skip


def _flush_contacts(connection: Rows, rows: list) -> None:
    connection.write("merged_contact", CONTACT_COLUMNS, rows)
    connection.commit()


def _write_referrals(
    connection: Rows,
    rng: random.Random,
    dataset: Dataset,
    contacts: list[Contact],
    compact: tuple[array, array],
    count: int,
    keep: bool,
    chunk: int,
) -> None:
    structures = [
        (f"st-{n:04d}", f"Structure {n:04d}", NETWORKS[n % 5] if n % 7 else None,
         (1, 2, None)[n % 3])
        for n in range(300)
    ]  # fmt: skip
    moments, desk_of = compact
    rows = []
    for number in range(count):
        contact_number = int(len(moments) * rng.random())
        contact = contacts[contact_number] if keep else None
        deleted = number % 97 == 0  # a few referrals whose contact was deleted
        structure_id, nom, reseau, niveau = structures[int(300 * rng.random() ** 2)]
        moment = datetime.fromtimestamp(moments[contact_number], UTC)
        contact_id = f"c{contact_number:08d}"
        desk = dataset.sites[desk_of[contact_number]].desk_id
        created = moment + timedelta(minutes=5)
        rdv = created + timedelta(days=rng.randrange(30), hours=rng.randrange(8)) if (
            rng.random() < 0.5) else None  # fmt: skip
        statut = OUTCOME_RAW[rng.randrange(5)] if rdv else ("propose", "annule")[rng.random() < 0.1]
        referral = Referral(
            f"r{number:08d}", contact_id, desk, None if deleted else contact, structure_id, nom,
            reseau, niveau, "rendez-vous" if rdv else "information", statut, created, rdv,
        )  # fmt: skip
        day = None if deleted else moment.astimezone(LOCAL_TIME).date().isoformat()
        at = None if deleted else moment.astimezone(UTC).isoformat()
        rows.append(
            (referral.id, desk, 1, contact_id, day, at, "sv-" + structure_id, structure_id, nom,
             "Service", referral.type, statut, rdv.astimezone(UTC).isoformat() if rdv else None,
             rdv.astimezone(LOCAL_TIME).date().isoformat() if rdv else None,
             created.astimezone(UTC).isoformat(), created.astimezone(UTC).isoformat(), reseau,
             niveau, "", "")
        )  # fmt: skip
        if keep:
            dataset.referrals.append(referral)
        if len(rows) >= chunk:
            _flush_referrals(connection, rows)
            rows = []
    _flush_referrals(connection, rows)
    dataset.referral_count = count


def _flush_referrals(connection: Rows, rows: list) -> None:
    connection.write("merged_referral", REFERRAL_COLUMNS, rows)
    connection.commit()


# --- the truths, in plain Python -----------------------------------------------------------


def _truths(dataset: Dataset, filters: Filters, options: Options) -> dict[str, Any]:
    selected = {s.desk_id for s in dataset.sites if s.matches(filters)}
    period = filters.period

    def chosen(contact: Contact | None, within: Period) -> bool:
        return (
            contact is not None
            and contact.desk_id in selected
            and within.start <= contact.day <= within.end
        )

    contacts = [c for c in dataset.contacts if chosen(c, period)]
    referrals = [r for r in dataset.referrals if chosen(r.contact, period)]
    assert options.as_of is not None, "the truths are counted at a given moment"
    cutoff = options.as_of - timedelta(days=options.sans_suite_days)

    def outcome(r: Referral) -> str:
        if r.statut in ("honore", "non-honore", "annule"):
            return r.statut
        return "sans-suite" if (r.rdv_at or r.created_at) < cutoff else "en-cours"

    delays = sorted(
        (r.rdv_at.astimezone(LOCAL_TIME).date() - r.contact.day).days  # type: ignore[union-attr]
        for r in referrals
        if r.rdv_at
    )
    level2 = {r.contact_id for r in referrals if r.niveau == 2 and r.statut != "annule"}
    honoured = {r.contact_id for r in referrals if r.niveau == 2 and r.statut == "honore"}
    previous = period.previous_year()
    last_year = [c for c in dataset.contacts if chosen(c, previous)]
    last_referrals = [r for r in dataset.referrals if chosen(r.contact, previous)]
    reached = {c.commune for c in contacts if c.commune}
    return {
        "contacts": len(contacts),
        "orientations": len(referrals),
        "contacts_orientes": len({r.contact_id for r in referrals}),
        "contacts_niveau2": len(level2),
        "contacts_niveau2_honore": len(honoured),
        "contacts.mois": Counter(c.day.isoformat()[:7] for c in contacts),
        "contacts.semaine": Counter(week_start(c.day).isoformat() for c in contacts),
        "contacts.canal": Counter(c.canal for c in contacts),
        "contacts.statut": Counter(c.statut for c in contacts),
        "contacts.tranche_age": Counter(c.tranche_age for c in contacts),
        "contacts.sexe": Counter(c.sexe for c in contacts),
        "contacts.handicap": Counter(c.handicap for c in contacts),
        "contacts.sexe_age": Counter((c.sexe, c.tranche_age) for c in contacts),
        "contacts.commune": Counter(c.commune or "" for c in contacts),
        "sites.contacts": Counter((c.desk_id, c.canal) for c in contacts),
        "besoins.thematique": Counter(b for c in contacts for b in c.besoins if "--" in b),
        "besoins.categorie": Counter(
            k for c in contacts for k in {category_of(b) for b in c.besoins}
        ),
        "reponses": Counter(r for c in contacts for r in c.reponses),
        "orientations.type": Counter(r.type for r in referrals),
        "orientations.issue": Counter(outcome(r) for r in referrals),
        "orientations.type_issue": Counter((r.type, outcome(r)) for r in referrals),
        "orientations.reseau": Counter(r.reseau or "" for r in referrals),
        "orientations.structure": Counter(r.structure_id for r in referrals),
        "delays": delays,
        "communes_reached": reached,
        "previous": {
            "contacts": len(last_year),
            "orientations": len(last_referrals),
            "contacts_niveau2": len(
                {r.contact_id for r in last_referrals if r.niveau == 2 and r.statut != "annule"}
            ),
        },
        "late_desks": sorted(
            s.desk_id
            for s in dataset.sites
            if s.desk_id in selected
            and (
                s.last_bundle_at is None
                or (options.as_of - s.last_bundle_at).days > options.late_after_days
            )
        ),
    }
