"""Secrecy across the bilans of a period (issue 19): the cost of the check, and what is left.

A generated region (desks spread over the six départements of Centre-Val de Loire) in a
temporary coordinator database; then, as a coordinator would publish them for one year: the
région, every département, and every site of the largest département. Each publication is
masked together with the earlier ones (`reports.periods`) and timed; the baseline is the same
bilan masked alone (`build_bilan`), measured in the same run. At the end, the product's own
check (`cross_secrecy.find_leaks`) runs over the whole published set: it must find no masked
figure recovered exactly and no small count bounded. (The independent attacker is
tests/secrecy_attacker.py, run by tests/test_periods.py.) Times are wall and CPU: the machine is
shared, CPU time is what the check costs.

    python bench/bench_secrecy_cross.py                        # 40 desks, 40,000 contacts
    python bench/bench_secrecy_cross.py --quick                # 12 desks, 6,000 contacts
    python bench/bench_secrecy_cross.py --quick --all-sites    # every site's bilan too
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from spro_desk.reports.cross_secrecy import ScopeFigures, TableFigures, find_leaks
from spro_desk.reports.filters import Filters, Options, Period
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.periods import prepare_publication, record_publication
from spro_desk.reports.publish import build_bilan
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk_dev.synthetic import generate

FULL = {"desks": 40, "contacts": 40_000, "referrals": 10_000}
QUICK = {"desks": 12, "contacts": 6_000, "referrals": 1_500}
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--all-sites", action="store_true", help="every site, not one département's"
    )
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "coordination.sqlite")
        with sqlite3.connect(db.path) as connection:
            dataset = generate(connection, seed=19, **scale)
            connection.execute("UPDATE received_bundle SET received_at = '2026-01-15 10:00:00'")
        options = Options(as_of=dataset.as_of)
        departements = Counter(site.departement for site in dataset.sites if site.departement)
        largest = departements.most_common(1)[0][0]
        scopes = [Filters(YEAR)]
        scopes += [Filters(YEAR, departement=code) for code in sorted(departements)]
        scopes += [Filters(YEAR, site=s.desk_id) for s in dataset.sites
                   if args.all_sites or s.departement == largest]  # fmt: skip
        source = CoordinatorSource(db)
        alone_s, together_s, together_cpu, slowest = 0.0, 0.0, 0.0, 0.0
        for filters in scopes:
            indicators = compute_indicators(source, filters, options)
            started = time.perf_counter()
            build_bilan(indicators)
            alone_s += time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            publication = prepare_publication(db, indicators)
            together_s += time.perf_counter() - started
            together_cpu += time.process_time() - cpu
            slowest = max(slowest, time.process_time() - cpu)
            record_publication(db, publication, None)
        with sqlite3.connect(db.path) as connection:
            rows = connection.execute("SELECT scope_key, sites, tables FROM published_bilan")
            published = [
                ScopeFigures(key, frozenset(json.loads(sites)),
                             {k: TableFigures.from_json(v) for k, v in json.loads(t).items()})
                for key, sites, t in rows
            ]  # fmt: skip
        cpu = time.process_time()
        leaks = find_leaks(published, 5)
        check_cpu = time.process_time() - cpu
        db.close()
    n = len(scopes)
    sites = n - 1 - len(departements)
    print(f"{scale['desks']} desks, {scale['contacts']:,} contacts: {n} bilans published "
          f"(région, {len(departements)} départements, {sites} sites)")  # fmt: skip
    print(f"Masked alone (baseline): {alone_s / n:.2f} s per bilan")
    print(
        f"Masked together with the period's earlier bilans: {together_s / n:.2f} s per bilan "
        f"wall, {together_cpu / n:.2f} s CPU (slowest {slowest:.2f} s CPU; the set "
        f"{together_cpu:.0f} s CPU), {together_s / max(alone_s, 1e-9):.0f}× the baseline"
    )
    exact = sum(1 for leak in leaks if leak.determined)
    print(
        f"Cross-publication check over the {n} bilans ({check_cpu:.1f} s CPU): "
        f"{exact} masked cells recovered exactly, {len(leaks) - exact} small counts bounded"
    )
    return 0 if not leaks else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
