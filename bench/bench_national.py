"""A national year (issue 19, « Scale measured »): SQLite and PostgreSQL side by side.

    url=$(bash scripts/test_postgres.sh)     # a throwaway server (prints its URL)
    python bench/bench_national.py --scale 1 --postgres "$url"   # 6,500 desks, 10.4 M contacts
    python bench/bench_national.py --scale 0.01                   # SQLite only, a few minutes

`--scale` sizes the year from the nation (6,500 desks in the 18 regions, 10.4 M contacts,
a quarter of them referred); `--desks`, `--contacts` override it. Two parts, each saying which
path produced its figures:

1. **Import and merged-state catch-up, on real bundles.** `--sample` desk-weeks (default 100),
   each a real desk database: 60 contacts recorded through `ContactService`, 15 of them
   referred, then `--edits` follow-up edits (referral outcomes) and one contact deleted, then
   exported by `export_bundle` — signed and age-encrypted, one file per desk written as it is
   made (never all in memory), cached under the output folder. The coordinator imports them
   (`import_bundles`) then catches up its merged state (`catch_up_merged_state`), on SQLite
   and on a fresh PostgreSQL database, 3 runs each, with the raw-insert baseline of
   bench_sync.py in the same run (the same `received_event` rows by one executemany in one
   transaction into a fresh database of the same schema). The national import time is
   extrapolated from the measured throughput (events per second) to the national year's
   events.
2. **Indicators and bilan over the whole year.** The merged state of the whole year is written
   by `spro_desk_dev.synthetic.generate` (the rows bundle imports would produce: the same
   tables and indexes), into a SQLite file by executemany and into PostgreSQL by COPY, the
   secondary indexes built after the load (then ANALYZE), then the indicators' summary counted
   by `sync.indicator_summary.ensure_ready`, as the first import into the year would (the
   merges keep it afterwards) — this load is not what is measured and is cached between runs
   (SQLite file, PostgreSQL database named after the sizes).
   Then, alternately on each database: the raw GROUP BY baseline (one unaided GROUP BY over
   every contact), `compute_indicators` for the nation, a region (the one with most sites) and
   a site (the busiest) — the nation's year of whole months is read from the summary, the
   region and the site from the merged tables —, the nation's bilan as XLSX and PDF
   (`build_bilan` then the writer; also reported with the indicators' computation included,
   as a user waits for it). Medians
   of `--runs`. When the nation misses its target, the statements that dominate are listed
   (timed at the driver).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_sync
from bench_report import _database
from bench_report_postgres import _baseline as group_by_baseline
from bench_report_postgres import _values
from sqlalchemy import event
from support import BENCH_OUT, Figure, machine_description, print_table

from spro_desk.geo.cog import geography
from spro_desk.reports.exports import write_xlsx
from spro_desk.reports.filters import Filters, Options
from spro_desk.reports.indicators import Indicators, compute_indicators
from spro_desk.reports.pdf import write_pdf
from spro_desk.reports.publish import build_bilan
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk.sync.indicator_summary import ensure_ready, is_ready
from spro_desk_dev.synthetic import Dataset, PostgresRows, generate, national_departements

NATION = {"desks": 6_500, "contacts": 10_400_000}  # 1,600 contacts per desk and year
REFERRED = 0.25  # a quarter of the contacts referred (bench_report.py's region)
TARGETS = {"nation": 10.0, "site": 1.0, "xlsx": 30.0, "pdf": 30.0}  # PostgreSQL, seconds
IMPORT_TARGET = bench_sync.IMPORT_TARGET


@dataclass(frozen=True)
class Sizes:
    desks: int
    contacts: int
    referrals: int

    @classmethod
    def of(cls, scale: float, desks: int | None, contacts: int | None) -> Sizes:
        counted = contacts or round(NATION["contacts"] * scale)
        return cls(
            desks or max(3, round(NATION["desks"] * scale)), counted, round(counted * REFERRED)
        )

    def generator(self) -> dict[str, int]:
        return {"desks": self.desks, "contacts": self.contacts, "referrals": self.referrals}


# --- 1. import and catch-up of real bundles ------------------------------------------------


def import_part(out: Path, sample: int, edits: int, url: str | None) -> dict[str, Any]:
    """bench_sync.py's import measure (each database in its own process), on desk-weeks with
    follow-up edits."""
    sizes = {"contacts": 0, "referrals": 0, "desks": sample, "edits": edits}
    started = time.perf_counter()
    world = bench_sync.World(out / f"national-bundles-{sample}-{edits}", sizes, fresh=False)
    print(f"{sample} desk-weeks of real bundles ready in {time.perf_counter() - started:.0f} s",
          flush=True)  # fmt: skip
    result = {"sqlite": bench_sync.measure_coordinator(world, profile=False)}
    if url:
        result["postgresql"] = bench_sync.measure_server(world, url, profile=False)
    return result


def import_figures(imports: dict[str, Any], national_events: float) -> list[Figure]:
    events = imports["sqlite"]["events"]
    figures = []
    for label, measured in imports.items():
        name = "SQLite" if label == "sqlite" else "PostgreSQL"
        base, imported, merged = (
            measured["baseline_s"],
            measured["import_s"],
            measured["catch_up_s"],
        )
        both = imported + merged
        figures += [
            Figure(f"{name}: import of the sample", events / imported, "events/s", "-", None,
                   events / base, base / imported),
            # Since migration 0014 the import merges its own events: the catch-up after it
            # has (almost) nothing left, so it is reported as time, not as a throughput.
            Figure(f"{name}: merged-state catch-up after the import", merged, "s", "-", None,
                   base, merged / base),
            Figure(f"{name}: import + catch-up", both, "s", f"≤ {IMPORT_TARGET:g}× baseline",
                   both / base <= IMPORT_TARGET, base, both / base),
            Figure(f"{name}: national year's import + catch-up (extrapolated)",
                   national_events * both / events / 3600, "h", "-", None,
                   national_events * base / events / 3600, both / base),
        ]  # fmt: skip
    return figures


# --- 2. the whole year's merged state ------------------------------------------------------


def sqlite_year(sizes: Sizes, out: Path, rebuild: bool) -> tuple[Database, Dataset]:
    geo = geography()
    started = time.perf_counter()
    db, dataset = _database(
        sizes.generator(), rebuild, "national", out, geo=geo,
        departements=national_departements(geo), defer_indexes=True,
    )  # fmt: skip
    print(f"SQLite year ready in {time.perf_counter() - started:.0f} s", flush=True)
    summary_counted(db, "SQLite")
    return db, dataset


def _psycopg(url: str) -> Any:
    return bench_sync._psycopg(url)


def postgres_year(sizes: Sizes, base: str, out: Path, rebuild: bool) -> Database:
    """The year in a database of the server named after its sizes, kept for the next run (a
    comment on the database marks it complete)."""
    name = f"spro_national_{sizes.desks}_{sizes.contacts}"
    url = bench_sync._server(base, name)
    with _psycopg(base) as admin:
        admin.autocommit = True
        done = admin.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (name,),
        ).fetchone()
        if done and done[0] == "complete" and not rebuild:
            return summary_counted(Database(out / "unused.sqlite", url=url), "PostgreSQL")
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    Database(out / "unused.sqlite", url=url).close()  # the schema, migrated by the app
    started = time.perf_counter()
    geo = geography()
    with _psycopg(url) as connection:
        # a bulk load: no need to wait for each commit, more memory for the index builds
        connection.execute("SET synchronous_commit = off")
        connection.execute("SET maintenance_work_mem = '1GB'")
        generate(
            PostgresRows(connection), previous_year_share=0.0, keep=False, geo=geo,
            departements=national_departements(geo), defer_indexes=True, **sizes.generator(),
        )  # fmt: skip
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")
    with _psycopg(base) as admin:
        admin.autocommit = True
        admin.execute(f"COMMENT ON DATABASE \"{name}\" IS 'complete'")
    print(f"PostgreSQL year ready in {time.perf_counter() - started:.0f} s", flush=True)
    return summary_counted(Database(out / "unused.sqlite", url=url), "PostgreSQL")


def summary_counted(db: Database, name: str) -> Database:
    """The indicators' summary of the loaded year, counted as the first import into it would
    (`ensure_ready`: generate() wrote the merged tables directly and left it not ready); a
    cached year counted once keeps it. Part of the load, not measured."""
    started = time.perf_counter()
    with db.transaction() as session:
        connection = session.connection()
        if is_ready(connection):
            return db
        ensure_ready(connection)
    with db.engine.connect() as connection:
        if not db.is_sqlite:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE indicator_summary"
            )
        else:
            connection.exec_driver_sql("ANALYZE indicator_summary")
            connection.commit()
    print(f"{name}: indicators' summary counted in {time.perf_counter() - started:.0f} s",
          flush=True)  # fmt: skip
    return db


class StatementTimes:
    """Each statement's time at the driver (every connection of the engine): what dominates."""

    def __init__(self, db: Database) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._started: dict[int, float] = {}
        self.db = db
        self.on = False
        event.listen(db.engine, "before_cursor_execute", self._before)
        event.listen(db.engine, "after_cursor_execute", self._after)

    def _before(self, _conn: Any, cursor: Any, *_args: Any) -> None:
        if self.on:
            self._started[id(cursor)] = time.perf_counter()

    def _after(self, _conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        started = self._started.pop(id(cursor), None)
        if started is not None:
            self.totals[" ".join(statement.split())[:150]] += time.perf_counter() - started

    @contextmanager
    def recording(self) -> Iterator[None]:
        self.totals.clear()
        self.on = True
        try:
            yield
        finally:
            self.on = False

    def top(self, count: int = 8) -> list[tuple[float, str]]:
        return sorted(((s, q) for q, s in self.totals.items()), reverse=True)[:count]


def _timed(action: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action(*args)
    return result, time.perf_counter() - started


def write_bilan(writer: Callable[[Any, Path], Path], indicators: Indicators, target: Path) -> Path:
    """A published bilan (secrecy applied) written: what a bilan export does after the
    indicators."""
    return writer(build_bilan(indicators), target)


def busiest(dataset: Dataset, db: Database) -> tuple[str, str]:
    """The region with most sites and the site with most contacts (what a user would pick)."""
    sites = CoordinatorSource(db).sites()
    region = Counter(s.region for s in sites if s.region).most_common(1)[0][0]
    with db.engine.connect() as connection:
        desk = connection.exec_driver_sql(
            "SELECT desk_id FROM merged_contact GROUP BY desk_id ORDER BY COUNT(*) DESC, desk_id "
            "LIMIT 1"
        ).scalar_one()
    return str(region), str(desk)


def report_part(
    databases: dict[str, Database], dataset: Dataset, runs: int, folder: Path
) -> dict[str, Any]:
    """Alternately on each database: baseline, nation, region, site, XLSX, PDF."""
    options = Options(as_of=dataset.as_of)
    region, desk = busiest(dataset, next(iter(databases.values())))
    scopes = {
        "nation": Filters(dataset.period),
        "region": Filters(dataset.period, region=region),
        "site": Filters(dataset.period, site=desk),
    }
    times: dict[str, dict[str, list[float]]] = {label: defaultdict(list) for label in databases}
    probes = {label: StatementTimes(db) for label, db in databases.items()}
    nation: dict[str, Indicators] = {}
    for run in range(runs):
        for label, db in databases.items():
            source, measured = CoordinatorSource(db), times[label]
            measured["baseline"].append(group_by_baseline(db))
            for scope, filters in scopes.items():
                recording = probes[label].recording() if scope == "nation" and run == 0 else None
                with recording or _nothing():
                    indicators, elapsed = _timed(compute_indicators, source, filters, options)
                measured[scope].append(elapsed)
                if scope == "nation":
                    nation[label] = indicators
            for kind, writer in (("xlsx", write_xlsx), ("pdf", write_pdf)):
                target = folder / f"bilan-{label}.{kind}"
                _, elapsed = _timed(write_bilan, writer, nation[label], target)
                measured[kind].append(elapsed)
    # every figure and table equal on both databases (None: only one measured)
    same = len({repr(_values(i)) for i in nation.values()}) == 1 if len(nation) > 1 else None
    first = next(iter(nation.values()))
    return {
        "region": region, "site": desk, "same_figures": same,
        "contacts": first.figures["contacts"].value,
        "referrals": first.figures["orientations"].value,
        "medians": {label: {key: statistics.median(values) for key, values in measured.items()}
                    for label, measured in times.items()},
        "runs": {label: dict(measured) for label, measured in times.items()},
        "nation_statements": {label: probe.top() for label, probe in probes.items()},
    }  # fmt: skip


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def report_figures(report: dict[str, Any]) -> list[Figure]:
    figures = []
    for label, medians in report["medians"].items():
        name = "SQLite" if label == "sqlite" else "PostgreSQL"
        base = medians["baseline"]
        targeted = label == "postgresql"
        for key, title in (("nation", "indicators, nation"), ("region", "indicators, a region"),
                           ("site", "indicators, a site")):  # fmt: skip
            goal = TARGETS.get(key)
            target = f"< {goal:g} s" if goal and targeted else "-"
            met = medians[key] < goal if goal and targeted else None
            figures.append(Figure(f"{name}: {title}", medians[key], "s", target, met, base,
                                  medians[key] / base))  # fmt: skip
        for kind in ("xlsx", "pdf"):
            goal = TARGETS[kind]
            alone, whole = medians[kind], medians[kind] + medians["nation"]
            figures += [
                Figure(f"{name}: nation's {kind.upper()} bilan (written)", alone, "s", "-", None,
                       base, alone / base),
                Figure(f"{name}: nation's {kind.upper()} bilan with its indicators", whole, "s",
                       f"< {goal:g} s" if targeted else "-", whole < goal if targeted else None,
                       base, whole / base),
            ]  # fmt: skip
    return figures


# --- the run -------------------------------------------------------------------------------


def parse(arguments: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01, help="of the nation (1: full size)")
    parser.add_argument("--desks", type=int, help="desks (default: 6,500 × scale)")
    parser.add_argument("--contacts", type=int, help="contacts (default: 10.4 M × scale)")
    parser.add_argument("--sample", type=int, default=100, help="desk-weeks of real bundles")
    parser.add_argument("--edits", type=int, default=5, help="follow-up edits per desk-week")
    parser.add_argument("--runs", type=int, default=3, help="runs of each report measure")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("SPRO_BENCH_POSTGRES_URL"),
        help="PostgreSQL server URL (a database the bench may create others from)",
    )
    parser.add_argument("--no-sqlite-year", action="store_true", help="part 2 on PostgreSQL only")
    parser.add_argument(
        "--load-only", action="store_true", help="generate the year's databases, measure nothing"
    )
    parser.add_argument("--skip-import", action="store_true", help="only part 2")
    parser.add_argument(
        "--skip-year", action="store_true", help="only part 1 (extrapolated to the sized year)"
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the year again")
    parser.add_argument("--out", type=Path, default=BENCH_OUT, help="where data is cached")
    return parser.parse_args(arguments)


def main(arguments: list[str] | None = None) -> dict[str, Any]:
    args = parse(arguments)
    sizes = Sizes.of(args.scale, args.desks, args.contacts)
    for key, value in machine_description().items():
        print(f"{key}: {value}")
    print(f"sizes: {sizes}; PostgreSQL: {'yes' if args.postgres else 'no'}", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    imports = None
    if not args.skip_import:
        imports = import_part(args.out, args.sample, args.edits, args.postgres)
    if args.skip_year:
        return import_only(args, sizes, imports, started)
    databases: dict[str, Database] = {}
    dataset = None
    if not args.no_sqlite_year:
        databases["sqlite"], dataset = sqlite_year(sizes, args.out, args.rebuild)
    if args.postgres:
        databases["postgresql"] = postgres_year(sizes, args.postgres, args.out, args.rebuild)
    if args.load_only:
        return {}
    if dataset is None:  # the generator's year, seen on 10 January after it
        dataset = sqlite_dataset_of(sizes)
    with tempfile.TemporaryDirectory() as folder:
        report = report_part(databases, dataset, args.runs, Path(folder))
    for db in databases.values():
        db.close()
    table = report_figures(report)
    if imports:
        table = import_figures(imports, national_events(imports, args, report["contacts"])) + table
    print(f"\nyear: {sizes.desks:,} desks, {report['contacts']:,} contacts, "
          f"{report['referrals']:,} referrals; region {report['region']}, site {report['site']}; "
          f"identical figures on both databases: {report['same_figures']}")  # fmt: skip
    print_table(table)
    for label, top in report["nation_statements"].items():
        print(f"\n{label}: statements of the nation's indicators (first run, seconds summed over "
              "the parallel connections)")  # fmt: skip
        for seconds, statement in top:
            print(f"  {seconds:7.2f}  {statement}")
    results = {
        "sizes": sizes.generator(), "imports": imports, "report": report,
        "load_average": os.getloadavg()[0], "total_s": time.perf_counter() - started,
    }  # fmt: skip
    name = f"results-national-{sizes.desks}-{sizes.contacts}.json"
    (args.out / name).write_text(json.dumps(results, indent=1, default=str))
    print(f"total {time.perf_counter() - started:.0f} s")
    return results


def national_events(imports: dict[str, Any], args: argparse.Namespace, contacts: int) -> float:
    """The year's events, at the sample's events per contact (its referrals and edits)."""
    return contacts * imports["sqlite"]["events"] / (args.sample * bench_sync.WEEK_CONTACTS)


def import_only(
    args: argparse.Namespace, sizes: Sizes, imports: dict[str, Any] | None, started: float
) -> dict[str, Any]:
    assert imports is not None
    events = national_events(imports, args, sizes.contacts)
    print(f"\nsample: {args.sample} desk-weeks, {imports['sqlite']['events']:,} events; "
          f"extrapolated to {sizes.contacts:,} contacts: {events:,.0f} events")  # fmt: skip
    print_table(import_figures(imports, events))
    results = {
        "sizes": sizes.generator(), "sample": args.sample, "imports": imports,
        "load_average": os.getloadavg()[0], "total_s": time.perf_counter() - started,
    }  # fmt: skip
    name = f"results-national-import-{args.sample}.json"
    (args.out / name).write_text(json.dumps(results, indent=1, default=str))
    return results


def sqlite_dataset_of(sizes: Sizes) -> Dataset:
    from datetime import UTC, datetime

    year = 2026  # synthetic.generate's default year
    return Dataset([], year, datetime(year + 1, 1, 10, 12, 0, tzinfo=UTC))


if __name__ == "__main__":
    main()
