"""`spro-desk coordinator report` (merged data of every desk) and `spro-desk report` (one site).

Both write the same bilan through the same code; only the source differs: the coordinator
reads the merged state of the bundles it received, a desk its own contacts and referrals.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # build_parser() runs at every start of the window: no database layer here
    from spro_desk.storage.engine import Database


class ReportRefused(ValueError):
    """The report cannot be produced as asked; nothing was written."""


def _report(db: Database, args: argparse.Namespace, *, coordinator: bool) -> dict[str, Any]:
    from spro_desk.reports.exports import write_csv, write_json, write_xlsx
    from spro_desk.reports.filters import Filters, Options, Period
    from spro_desk.reports.indicators import compute_indicators
    from spro_desk.reports.pdf import write_pdf
    from spro_desk.reports.publish import build_bilan
    from spro_desk.reports.source import CoordinatorSource, DeskSource

    if args.end < args.start:
        raise ReportRefused("La date de fin précède la date de début : rien n'a été écrit.")
    if args.seuil < 1:
        raise ReportRefused("Le seuil du secret statistique doit valoir au moins 1.")
    started = time.perf_counter()
    filters = Filters(
        Period(args.start, args.end),
        **(
            {k: getattr(args, k) for k in ("site", "reseau", "departement", "epci")}
            if coordinator
            else {}
        ),
    )
    as_of = args.au.replace(tzinfo=args.au.tzinfo or UTC) if args.au else None
    options = Options(
        as_of=as_of,
        sans_suite_days=args.sans_suite_jours,
        late_after_days=args.retard_jours,
        secrecy_threshold=args.seuil,
    )
    source = CoordinatorSource(db) if coordinator else DeskSource(db)
    indicators = compute_indicators(source, filters, options)
    publication = None
    internal = coordinator and args.interne
    if coordinator and not internal:
        # what leaves the coordination is a publication: checked with the period's others
        from spro_desk.reports.periods import PeriodRefused, prepare_publication

        try:
            publication = prepare_publication(db, indicators)
        except PeriodRefused as error:
            raise ReportRefused(str(error)) from error
        bilan = publication.bilan
    else:
        from spro_desk.reports.publish import INTERNAL

        bilan = build_bilan(indicators, INTERNAL if internal else None)
    writer = {"json": write_json, "csv": write_csv, "xlsx": write_xlsx, "pdf": write_pdf}
    try:
        path = writer[args.format](bilan, Path(args.out))
    except OSError as error:
        raise ReportRefused(f"Impossible d'écrire {args.out} : {error.strerror}.") from error
    published = {}
    if publication is not None:
        from spro_desk.reports.periods import PeriodRefused, record_publication

        try:
            record = record_publication(db, publication, str(path))
        except PeriodRefused as error:  # published meanwhile by someone else: not checked
            path.unlink(missing_ok=True)
            raise ReportRefused(str(error)) from error
        published = {
            "published": {"scope": record.scope_key, "edition": record.edition},
            "checked_with": publication.earlier,
            "period": filters.period.label(),
        }
    return {
        **published,
        "kind": "interne" if internal else "publication" if publication else "site",
        "out": str(path),
        "format": args.format,
        "scope": bilan.scope,
        "contacts": indicators.figures["contacts"].value,
        "referrals": indicators.figures["orientations"].value,
        "masked": sum(
            getattr(section, "masked", 0) for theme in bilan.themes for section in theme.sections
        ),
        "seconds": round(time.perf_counter() - started, 2),
    }


def coordinator_report(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    return _report(db, args, coordinator=True)


def desk_report(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    return _report(db, args, coordinator=False)


def _period(args: argparse.Namespace) -> Any:
    from spro_desk.reports.filters import Period

    if args.end < args.start:
        raise ReportRefused("La date de fin précède la date de début : rien n'a été fait.")
    return Period(args.start, args.end)


def _refusals() -> Any:
    from spro_desk.reports.periods import PeriodRefused

    return PeriodRefused


def coordinator_periods(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from spro_desk.reports.periods import list_periods

    return {
        "periods": [
            {"period": p.label, "edition": p.edition,
             "closed_at": p.closed_at.isoformat() if p.closed_at else None,
             "closed_by": p.closed_by, "bilans": p.bilans}
            for p in list_periods(db)
        ]
    }  # fmt: skip


def coordinator_close_period(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from spro_desk.reports.periods import close_period

    try:
        period = close_period(db, _period(args))
    except _refusals() as error:
        raise ReportRefused(str(error)) from error
    return {"closed": f"{period.first_day}/{period.last_day}", "by": period.closed_by}


def coordinator_revisions(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from spro_desk.reports.periods import revisions

    try:
        found = revisions(db, _period(args))
    except _refusals() as error:
        raise ReportRefused(str(error)) from error
    return {
        "period": f"{found.period.first_day}/{found.period.last_day}",
        "edition": found.period.edition,
        "late_bundles": [
            {"desk_id": b.desk_id, "bundle_seq": b.bundle_seq,
             "received_at": b.received_at.isoformat(), "created_at": b.created_at}
            for b in found.late_bundles
        ],
        "changes": [
            {"bilan": c.scope_label, "table": c.table_title, "row": c.row_label,
             "column": c.column_label, "published": c.published, "before": c.before,
             "after": c.after, "delta": c.delta}
            for c in found.changes
        ],
    }  # fmt: skip


def coordinator_new_edition(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    from spro_desk.reports.periods import get_period, new_edition, write_into

    period = _period(args)
    folder = Path(args.out)
    if not folder.is_dir():
        raise ReportRefused(f"Le dossier {args.out} n'existe pas : rien n'a été publié.")
    try:
        record = get_period(db, period)
        edition = new_edition(db, period, write_into(folder, args.format, record))
    except _refusals() as error:
        raise ReportRefused(str(error)) from error
    except OSError as error:
        raise ReportRefused(f"Impossible d'écrire dans {args.out} : {error.strerror}.") from error
    return {"edition": edition.edition, "files": [r.out for r in edition.records]}


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], dict[str, Any]]] = {
    ("coordinator", "report"): coordinator_report,
    ("coordinator", "periods"): coordinator_periods,
    ("coordinator", "close-period"): coordinator_close_period,
    ("coordinator", "revisions"): coordinator_revisions,
    ("coordinator", "new-edition"): coordinator_new_edition,
    ("report", None): desk_report,
}
