"""Publishing bilans (issue 19): the published set of a period, its closing and its editions.

- **Publishing** a bilan masks it together with every bilan already published for the same
  period and edition (`cross_secrecy`), records it (territory, sites, figures as published and
  as computed) and closes the period at its first publication.
- A **closed** period keeps its figures: bundles received afterwards are imported as usual, and
  what they would change in each published bilan is listed as **revisions**. Publishing
  another bilan of the period is refused while revisions are pending (it would not add up with
  the published ones).
- A **new edition**, on the coordinator's decision only, republishes every bilan of the period
  with today's data, masked together again (a figure masked in the previous edition stays
  masked).

Closing, publishing and new editions are the coordinator's role and are written to the
coordination's audit trail (issue 19b's `record_action`).
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from spro_desk.reports.cross_secrecy import (
    OTHER_SITES,
    STAR,
    FigureKey,
    ForcedGivenAway,
    ScopeFigures,
    SecrecyUnreachable,
    TableFigures,
    protect_together,
    table_figures,
)
from spro_desk.reports.filters import Filters, Options, Period, Site
from spro_desk.reports.indicators import Indicators, compute_indicators
from spro_desk.reports.publish import Bilan, build_bilan
from spro_desk.reports.secrecy import PublishedTable, protect
from spro_desk.reports.source import CoordinatorSource
from spro_desk.reports.table import Table
from spro_desk.storage.coordination_tables import BilanPeriod, PublishedBilan, ReceivedBundle
from spro_desk.storage.engine import Database

log = logging.getLogger(__name__)
audit_log = logging.getLogger("spro_desk.audit")

SCOPE_FIELDS = ("departement", "epci", "reseau", "site")
SCOPE_WORDS = {"departement": "département", "epci": "EPCI", "reseau": "réseau", "site": "site"}
# Tables whose grand total is the number of contacts (or of referrals): when one masks it,
# all do, and so do the headline figures it would give back.
CONTACT_TABLES = (
    "contacts.semaine", "contacts.mois", "contacts.canal", "contacts.statut",
    "contacts.tranche_age", "contacts.sexe", "contacts.handicap", "contacts.sexe_age",
    "contacts.commune", "sites.contacts", "comparaison.mois",
)  # fmt: skip
REFERRAL_TABLES = (
    "orientations.type", "orientations.issue", "orientations.type_issue",
    "orientations.reseau", "orientations.reseau_issue", "orientations.structure",
)  # fmt: skip
FAMILIES = (
    (CONTACT_TABLES, ("contacts", "taux_orientation", "part_niveau2", "part_niveau2_honore",
                      "contacts_niveau2")),
    (REFERRAL_TABLES, ("orientations", "taux_orientation", "contacts_orientes")),
)  # fmt: skip


class PeriodRefused(ValueError):
    """The publication or decision cannot be made; nothing was recorded (French message)."""


def actor(db: Database | None = None) -> str:
    """Who acts: the signed-in coordination account, else the operating-system account (a
    coordination without accounts yet)."""
    if db is not None:
        from spro_desk.agents.coordination_roles import coordination_session

        account = coordination_session(db).account
        if account is not None:
            return account.nom
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no account name in a container
        return "inconnu"


def allowed(db: Database, attempt: str | None = None) -> None:
    """Closing a period and publishing its bilans are the coordinator's (issue 19b's roles);
    refused in French otherwise, before anything is computed (and written to the trail with
    `attempt`)."""
    from spro_desk.agents.coordination_accounts import CoordinationDenied, require_coordination
    from spro_desk.agents.coordination_roles import CoordinationPermission

    try:
        require_coordination(db, CoordinationPermission.CLOSE_PERIOD, attempt)
    except CoordinationDenied as error:
        raise PeriodRefused(str(error)) from error


def audit(
    db: Database, action: str, target: str, note: str = "", session: Session | None = None
) -> None:
    """A sensitive action in the coordination's audit trail (issue 19b), with its session so
    that it commits with the action."""
    from spro_desk.agents.coordination_audit import record_action

    record_action(db, None, action, target, note, session=session)
    audit_log.info("%s: %s %s", action, target, note)


# --- scopes ---------------------------------------------------------------------------------


def scope_of(filters: Filters) -> tuple[str, str]:
    """A stable key and a French label for the territory a bilan covers."""
    parts = [(name, getattr(filters, name)) for name in SCOPE_FIELDS if getattr(filters, name)]
    if not parts:
        return "region", "Région (tous les sites)"
    key = ";".join(f"{name}:{value}" for name, value in parts)
    label = ", ".join(f"{SCOPE_WORDS[name]} {value}" for name, value in parts)
    return key, label[0].upper() + label[1:]


def scope_sites(filters: Filters, sites: Iterable[Site]) -> list[str]:
    """The desks a bilan counts: those matching; an unrestricted bilan also counts desks no
    longer listed (revoked), as one more unknown."""
    members = sorted(site.desk_id for site in sites if site.matches(filters))
    return members if filters.restricts_sites else [*members, OTHER_SITES]


def _filters(record: PublishedBilan, period: BilanPeriod) -> Filters:
    days = Period(_day(period.first_day), _day(period.last_day))
    return Filters(days, **{k: v for k, v in record.filters.items() if k in SCOPE_FIELDS})


def _day(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


# --- the published set ----------------------------------------------------------------------


@dataclass
class Publication:
    """A bilan ready to be written, and its record once written (`record_publication`)."""

    bilan: Bilan
    record: PublishedBilan
    period: BilanPeriod
    earlier: int = 0  # bilans of the period (this edition) it was checked against
    # the records of the edition it was masked with (its own territory's too): another
    # publication recorded meanwhile was not checked with it (`record_publication` refuses)
    checked: frozenset[int] = frozenset()


def find_period(session: Session, period: Period) -> BilanPeriod | None:
    return session.exec(
        select(BilanPeriod).where(
            BilanPeriod.first_day == period.start.isoformat(),
            BilanPeriod.last_day == period.end.isoformat(),
        )
    ).first()


def edition_bilans(session: Session, period: BilanPeriod, edition: int) -> list[PublishedBilan]:
    return list(
        session.exec(
            select(PublishedBilan)
            .where(PublishedBilan.period_pk == period.pk, PublishedBilan.edition == edition)
            .order_by(col(PublishedBilan.pk))
        )
    )


def _scope(record: PublishedBilan) -> ScopeFigures:
    tables = {key: TableFigures.from_json(value) for key, value in record.tables.items()}
    return ScopeFigures(record.scope_key, frozenset(record.sites), tables)


def prepare_publication(
    db: Database,
    indicators: Indicators,
    *,
    who: str | None = None,
    now: datetime | None = None,
) -> Publication:
    """The bilan masked together with the period's earlier publications (not recorded yet)."""
    filters = indicators.filters
    allowed(db, f"publier le bilan « {scope_of(filters)[1]} », période {filters.period.label()}")
    with db.session() as session:
        period = find_period(session, filters.period) or BilanPeriod(
            first_day=filters.period.start.isoformat(), last_day=filters.period.end.isoformat()
        )
        closed = period.pk is not None and period.closed_at is not None
        if closed and pending_changes(db, period):
            raise PeriodRefused(
                f"La période {filters.period.label()} est close et des envois reçus depuis "
                "changent ses chiffres : voyez les révisions et décidez d'une nouvelle "
                "édition avant de publier un autre bilan. Rien n'a été publié."
            )
        earlier = edition_bilans(session, period, period.edition) if period.pk else []
    publication = _publication(indicators, period, earlier, who or actor(db),
                               now or datetime.now(UTC))  # fmt: skip
    publication.checked = frozenset(r.pk for r in earlier if r.pk is not None)
    return publication


def _publication(
    indicators: Indicators,
    period: BilanPeriod,
    earlier: list[PublishedBilan],
    who: str,
    now: datetime,
    forced_from: PublishedBilan | None = None,
) -> Publication:
    filters = indicators.filters
    key, label = scope_of(filters)
    sites = scope_sites(filters, indicators_sites(indicators))
    threshold = indicators.options.secrecy_threshold
    same = forced_from or next((r for r in earlier if r.scope_key == key), None)
    forced = _masked_keys(same) if same else {}
    try:
        tables, hidden = protect_bilan_tables(
            key, sites, indicators, [_scope(r) for r in earlier], threshold, forced
        )
    except SecrecyUnreachable as error:
        raise PeriodRefused(_refusal(error, indicators.tables, key, earlier)) from error
    bilan = build_bilan(indicators, threshold, tables, hidden)
    if period.edition > 1:
        bilan.title = f"{bilan.title} — édition {period.edition}"
    record = PublishedBilan(
        period_pk=period.pk or 0,
        edition=period.edition,
        scope_key=key,
        scope_label=label,
        filters={
            **{name: getattr(filters, name) for name in SCOPE_FIELDS},
            "as_of": _iso(indicators.options.as_of),
            "sans_suite_days": indicators.options.sans_suite_days,
            "late_after_days": indicators.options.late_after_days,
        },
        sites=sites,
        threshold=threshold,
        published_at=now,
        published_by=who,
        tables={k: table_figures(p).to_json() for k, p in tables.items()},
        computed={k: table_figures(protect(t, 0)).to_json() for k, t in indicators.tables.items()},
        masked=sum(p.masked for p in tables.values()),
    )
    others = len([r for r in earlier if r.scope_key != key])
    return Publication(bilan, record, period, others)


def _refusal(
    error: SecrecyUnreachable,
    tables: Mapping[str, Table],
    scope_key: str,
    earlier: list[PublishedBilan],
) -> str:
    """Why no masking of this bilan is safe, and what to do, in French: even with every
    figure masked but those the earlier bilans determine, a small count is still found."""
    key = str(error.args[0])
    table = tables.get(key)
    title = table.title if table is not None else key
    labels = {r.scope_key: r.scope_label for r in earlier}
    labels[scope_key] = "ce bilan"
    where = ""
    for leak in error.leaks[:1]:
        names = dict(table.rows) | dict(table.columns) if table is not None else {}
        one_way = table is not None and table.is_one_way
        codes = [c for i, c in enumerate(leak.figure) if c != STAR and not (one_way and i == 1)]
        figure = " / ".join(names.get(code, code) for code in codes)
        owner = labels.get(leak.scope, "des sites jamais publiés seuls")
        where = f" (« {figure or 'Total'} », {owner})"
    published = ", ".join(f"« {r.scope_label} »" for r in earlier if r.scope_key != scope_key)
    return (
        f"Le secret statistique ne peut pas être garanti pour le tableau « {title} » avec les "
        f"bilans déjà publiés pour cette période ({published or 'aucun'}) : ils permettent à "
        f"eux seuls de retrouver par différence un petit effectif{where}, et aucun masquage de "
        "ce bilan ne peut le cacher. Rien n'a été publié. Publiez ce bilan pour une autre "
        "période, ou publiez le bilan du territoire qui le contient."
    )


def indicators_sites(indicators: Indicators) -> list[Site]:
    return [status.site for status in indicators.desks] + _unlisted(indicators)


def _unlisted(indicators: Indicators) -> list[Site]:
    """Desks the site table counts that are not registered any more (kept as themselves)."""
    listed = {status.site.desk_id for status in indicators.desks}
    table = indicators.tables.get("sites.contacts")
    if table is None or indicators.filters.restricts_sites:
        return []
    return [Site(code, label, "", None) for code, label in table.rows if code not in listed]


def _masked_keys(record: PublishedBilan) -> dict[str, set[FigureKey]]:
    masked: dict[str, set[FigureKey]] = {}
    for key, value in record.tables.items():
        figures = TableFigures.from_json(value)
        masked[key] = {k for k, v in figures.values.items() if v is None}
    return masked


def protect_bilan_tables(
    scope_key: str,
    sites: list[str],
    indicators: Indicators,
    earlier: list[ScopeFigures],
    threshold: int,
    forced: dict[str, set[FigureKey]],
) -> tuple[dict[str, PublishedTable], set[str]]:
    """Every table masked with the earlier bilans; a family total masked in one table is
    masked in all (they are the same number), with the headline figures built on it."""
    tables = indicators.tables
    kept = {k: set(v) for k, v in forced.items()}  # the previous edition's masks
    forced = {k: set(v) for k, v in kept.items()}
    given: dict[str, set[FigureKey]] = {}  # family totals the earlier bilans determine
    hidden: set[str] = set()
    while True:
        try:
            published = protect_together(scope_key, sites, tables, earlier, threshold, forced,
                                         given)  # fmt: skip
        except ForcedGivenAway as error:
            # a family's total masked because another table masked it, but the earlier
            # bilans give it (through this table): published in the whole family instead
            if not _give_family_totals(error, tables, forced, kept, given):
                raise
            hidden = set()
            continue
        grew = False
        for family, figures in FAMILIES:
            members = [k for k in family if k in published]
            if any(_total_key(published[k]) is not None and total_masked(published[k])
                   for k in members):  # fmt: skip
                hidden |= set(figures)
                for k in members:
                    total = _total_key(published[k])
                    if total is not None and total not in forced.setdefault(k, set()):
                        if total in given.get(k, ()):
                            # masked in one table, given by the earlier bilans in another
                            raise SecrecyUnreachable(k, [])
                        forced[k].add(total)
                        grew = True
        if not grew:
            return published, hidden


def _give_family_totals(
    error: ForcedGivenAway,
    tables: Mapping[str, Table],
    forced: dict[str, set[FigureKey]],
    kept: dict[str, set[FigureKey]],
    given: dict[str, set[FigureKey]],
) -> bool:
    """The forced family totals of `error` moved to the published ones, in every table of
    their family; False when a figure is not such a total (a previous edition's mask)."""
    moved = False
    for key, figures in error.args[1].items():
        family = next((f for f, _ in FAMILIES if key in f), ())
        for figure in figures:
            if figure != _table_total_key(tables[key]) or figure in kept.get(key, ()):
                return False
            for member in family:
                total = _table_total_key(tables[member]) if member in tables else None
                if total is not None:
                    forced.get(member, set()).discard(total)
                    given.setdefault(member, set()).add(total)
                    moved = True
    return moved


def _table_total_key(table: Table) -> FigureKey | None:
    if table.row_totals and table.column_totals:
        return (STAR, STAR)
    if table.column_totals and table.columns:
        return (STAR, table.columns[0][0])  # one-way, or this year's column of a comparison
    return None


def _total_key(published: PublishedTable) -> FigureKey | None:
    return _table_total_key(published.table)


def total_masked(published: PublishedTable) -> bool:
    key = _total_key(published)
    return key is not None and table_figures(published).values.get(key, 0) is None


def record_publication(
    db: Database,
    publication: Publication,
    out: str | None,
    *,
    decision: str = "à sa première publication",
) -> PublishedBilan:
    """Record a bilan once written; the period closes at its first publication.

    Refused (`PeriodRefused`, nothing recorded) when the period's published set changed
    since the bilan was masked: another coordinator published meanwhile, or decided a new
    edition. The caller removes what it wrote and publishes again."""
    record = publication.record
    with db.transaction() as session:  # the write lock: no other publication meanwhile
        period = find_period(session, _period_of(publication.period))
        _still_the_same_set(session, period, publication)
        if period is None:
            period = replace_period(publication.period)
            session.add(period)
            session.flush()
        if period.closed_at is None:
            period.closed_at = record.published_at
            period.closed_by = record.published_by
            period.revised_at = record.published_at
            session.add(period)
            audit(db, "cloture-periode", _period_name(period), decision, session)
        previous = session.exec(
            select(PublishedBilan).where(
                PublishedBilan.period_pk == period.pk,
                PublishedBilan.edition == record.edition,
                PublishedBilan.scope_key == record.scope_key,
            )
        ).first()
        if previous is not None:  # the same territory again: its record is replaced
            session.delete(previous)
            session.flush()
        saved = PublishedBilan.model_validate(record.model_dump(exclude={"pk"}))
        saved.period_pk = period.pk or 0
        saved.out = out
        session.add(saved)
        session.flush()
        audit(db, "publication-bilan", f"{record.scope_label} — {_period_name(period)}",
              f"édition {record.edition}, {record.masked} chiffres masqués", session)  # fmt: skip
        return saved


def _still_the_same_set(
    session: Session, period: BilanPeriod | None, publication: Publication
) -> None:
    edition = period.edition if period is not None else 1
    now = edition_bilans(session, period, edition) if period is not None else []
    if edition == publication.record.edition and {r.pk for r in now} == publication.checked:
        return
    raise PeriodRefused(
        f"Un autre membre de l'équipe a publié un bilan de la période "
        f"{_period_of(publication.period).label()} (ou décidé une nouvelle édition) pendant "
        "que celui-ci était préparé : il n'a pas été masqué avec le sien. Rien n'a été "
        "publié ; publiez-le à nouveau."
    )


def replace_period(period: BilanPeriod) -> BilanPeriod:
    return BilanPeriod(first_day=period.first_day, last_day=period.last_day, edition=1)


def _period_of(period: BilanPeriod) -> Period:
    return Period(_day(period.first_day), _day(period.last_day))


def _period_name(period: BilanPeriod) -> str:
    return f"période {_period_of(period).label()}"


# --- periods, revisions, new editions -------------------------------------------------------


@dataclass(frozen=True)
class LateBundle:
    desk_id: str
    bundle_seq: int
    received_at: datetime
    created_at: str | None


@dataclass(frozen=True)
class FigureChange:
    scope_label: str
    table_title: str
    row_label: str
    column_label: str
    published: int | None  # None: masked in the bilan
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass
class Revisions:
    period: BilanPeriod
    late_bundles: list[LateBundle]
    changes: list[FigureChange]


@dataclass(frozen=True)
class PeriodSummary:
    pk: int
    label: str
    edition: int
    closed_at: datetime | None
    closed_by: str | None
    bilans: list[str]  # scope labels of the current edition


def list_periods(db: Database) -> list[PeriodSummary]:
    with db.session() as session:
        periods = session.exec(select(BilanPeriod).order_by(col(BilanPeriod.first_day))).all()
        return [
            PeriodSummary(
                p.pk or 0, _period_of(p).label(), p.edition, p.closed_at, p.closed_by,
                [b.scope_label for b in edition_bilans(session, p, p.edition)],
            )
            for p in periods
        ]  # fmt: skip


def get_period(db: Database, period: Period) -> BilanPeriod:
    with db.session() as session:
        found = find_period(session, period)
    if found is None:
        raise PeriodRefused(f"Aucun bilan n'a été publié pour la période {period.label()}.")
    return found


def close_period(db: Database, period: Period, who: str | None = None) -> BilanPeriod:
    """Close a period before any publication (a publication closes it anyway)."""
    allowed(db, f"clore la période {period.label()}")
    who = who or actor(db)
    now = datetime.now(UTC)
    with db.transaction() as session:
        found = find_period(session, period)
        if found is not None and found.closed_at is not None:
            raise PeriodRefused(f"La période {period.label()} est déjà close.")
        found = found or BilanPeriod(
            first_day=period.start.isoformat(), last_day=period.end.isoformat()
        )
        found.closed_at, found.closed_by, found.revised_at = now, who, now
        session.add(found)
        session.flush()
        audit(db, "cloture-periode", _period_name(found), "clôture sans publication", session)
        return found


def late_bundles(db: Database, period: BilanPeriod) -> list[LateBundle]:
    if period.revised_at is None:
        return []
    with db.session() as session:
        rows = session.exec(
            select(ReceivedBundle)
            .where(ReceivedBundle.received_at > _aware(period.revised_at))
            .order_by(col(ReceivedBundle.received_at))
        ).all()
    return [LateBundle(r.desk_id, r.bundle_seq, r.received_at, r.created_at) for r in rows]


def pending_changes(db: Database, period: BilanPeriod) -> list[FigureChange]:
    if not late_bundles(db, period):
        return []
    return revisions(db, _period_of(period)).changes


def revisions(
    db: Database, period: Period, compute: Callable[..., Indicators] | None = None
) -> Revisions:
    """What the bundles received since the close would change in each published bilan."""
    record = get_period(db, period)
    compute = compute or compute_indicators
    with db.session() as session:
        bilans = edition_bilans(session, record, record.edition)
    changes: list[FigureChange] = []
    source = CoordinatorSource(db)
    for bilan in bilans:
        now = compute(source, _filters(bilan, record), _options(bilan))
        changes += _changes(bilan, now)
    return Revisions(record, late_bundles(db, record), changes)


def _options(bilan: PublishedBilan, as_of: datetime | None = None) -> Options:
    """The options a bilan was published with (the same moment for "sans suite" and
    lateness), or today's moment for a new edition."""
    recorded = bilan.filters.get("as_of")
    moment = as_of or (datetime.fromisoformat(recorded) if recorded else bilan.published_at)
    return Options(
        as_of=_aware(moment),
        sans_suite_days=bilan.filters.get("sans_suite_days", 30),
        late_after_days=bilan.filters.get("late_after_days", 14),
        secrecy_threshold=bilan.threshold,
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _changes(bilan: PublishedBilan, now: Indicators) -> list[FigureChange]:
    changes = []
    for key, table in now.tables.items():
        current = table_figures(protect(table, 0)).values
        before = TableFigures.from_json(bilan.computed[key]).values if key in bilan.computed else {}
        shown = TableFigures.from_json(bilan.tables[key]).values if key in bilan.tables else {}
        rows = dict(table.rows) | {STAR: "Total"}
        columns = dict(table.columns) | {STAR: "Total"}
        for figure in sorted(set(current) | set(before)):
            old, new = before.get(figure) or 0, current.get(figure) or 0
            if old != new:
                r, c = figure
                changes.append(FigureChange(
                    bilan.scope_label, table.title, rows.get(r, r), columns.get(c, c),
                    shown.get(figure, 0), old, new,
                ))  # fmt: skip
    return changes


@dataclass
class Edition:
    edition: int
    records: list[PublishedBilan]


def new_edition(
    db: Database,
    period: Period,
    write: Callable[[Bilan, PublishedBilan], str | None] | None = None,
    who: str | None = None,
    compute: Callable[..., Indicators] | None = None,
) -> Edition:
    """Republish every bilan of the period with today's data (the coordinator's decision):
    masked together again, each keeping the masks of its previous edition."""
    allowed(db, f"nouvelle édition de la période {period.label()}")
    who = who or actor(db)
    compute = compute or compute_indicators
    record = get_period(db, period)
    if record.closed_at is None:
        raise PeriodRefused(f"La période {period.label()} n'est pas close : rien à rééditer.")
    with db.session() as session:
        previous = edition_bilans(session, record, record.edition)
    if not previous:
        raise PeriodRefused(f"Aucun bilan publié pour la période {period.label()}.")
    now = datetime.now(UTC)
    edition = _next(record)
    source = CoordinatorSource(db)
    done: list[PublishedBilan] = []
    prepared: list[tuple[Publication, str | None]] = []
    for old in previous:
        indicators = compute(source, _filters(old, record), _options(old, now))
        publication = _publication(indicators, edition, done, who, now, forced_from=old)
        out = write(publication.bilan, publication.record) if write else None
        prepared.append((publication, out))
        done.append(publication.record)
    try:
        return _record_edition(db, record, edition, previous, prepared, now)
    except PeriodRefused:
        for _prepared, out in prepared:  # written for an edition that is not recorded
            if out:
                Path(out).unlink(missing_ok=True)
        raise


def _record_edition(
    db: Database,
    record: BilanPeriod,
    edition: BilanPeriod,
    previous: list[PublishedBilan],
    prepared: list[tuple[Publication, str | None]],
    now: datetime,
) -> Edition:
    """The new edition recorded, refused (nothing recorded) when the period's published set
    changed while it was computed: a bilan published meanwhile would be left out of it and
    never checked with it."""
    with db.transaction() as session:  # the write lock: no publication meanwhile
        stored = session.get(BilanPeriod, record.pk)
        assert stored is not None
        now_published = edition_bilans(session, stored, stored.edition)
        if stored.edition != record.edition or {r.pk for r in now_published} != {
            r.pk for r in previous
        }:
            raise PeriodRefused(
                f"Un autre membre de l'équipe a publié un bilan de la période "
                f"{_period_of(stored).label()} (ou décidé une nouvelle édition) pendant que "
                "celle-ci était préparée. Rien n'a été republié ; décidez la nouvelle édition "
                "à nouveau."
            )
        stored.edition = edition.edition
        stored.revised_at = now
        session.add(stored)
        saved = []
        for publication, out in prepared:
            row = PublishedBilan.model_validate(publication.record.model_dump(exclude={"pk"}))
            row.period_pk, row.out = stored.pk or 0, out
            session.add(row)
            saved.append(row)
        session.flush()
        audit(db, "nouvelle-edition", _period_name(stored),
              f"édition {stored.edition} : {len(saved)} bilan(s) republié(s)", session)  # fmt: skip
    return Edition(edition.edition, saved)


def _next(record: BilanPeriod) -> BilanPeriod:
    return BilanPeriod(
        pk=record.pk,
        first_day=record.first_day,
        last_day=record.last_day,
        edition=record.edition + 1,
        closed_at=record.closed_at,
        closed_by=record.closed_by,
        revised_at=record.revised_at,
    )


def default_name(record: PublishedBilan, period: BilanPeriod, fmt: str) -> str:
    scope = record.scope_key.replace(":", "-").replace(";", "_")
    return f"bilan-{period.first_day}-{period.last_day}-{scope}-ed{record.edition}.{fmt}"


def write_into(
    folder: Path, fmt: str, period: BilanPeriod
) -> Callable[[Bilan, PublishedBilan], str]:
    from spro_desk.reports.exports import write_csv, write_json, write_xlsx
    from spro_desk.reports.pdf import write_pdf

    writer = {"json": write_json, "csv": write_csv, "xlsx": write_xlsx, "pdf": write_pdf}[fmt]

    def write(bilan: Bilan, record: PublishedBilan) -> str:
        return str(writer(bilan, folder / default_name(record, period, fmt)))

    return write
