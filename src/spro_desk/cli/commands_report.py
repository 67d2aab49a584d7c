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
    bilan = build_bilan(indicators)
    writer = {"json": write_json, "csv": write_csv, "xlsx": write_xlsx, "pdf": write_pdf}
    try:
        path = writer[args.format](bilan, Path(args.out))
    except OSError as error:
        raise ReportRefused(f"Impossible d'écrire {args.out} : {error.strerror}.") from error
    return {
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


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], dict[str, Any]]] = {
    ("coordinator", "report"): coordinator_report,
    ("report", None): desk_report,
}
