"""Suggestion latency over the generator's orientation scenarios, at a fixed moment.

Standalone: ``python bench/suggest_bench.py [--quick] [--passes N] [--against REV]`` measures
only the suggestions of run_all.py, on the database run_all.py imported (bench/out/
<dataset>.sqlite3, ``--reuse-database`` keeps it): the first pass over the scenarios (each
query cold: the first one also reads what is read once per directory) and the next passes, p50
and p95 of each. ``--against REV`` also measures the orientation package of the commit REV in
the same process, the two alternating scenario by scenario, and prints both.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from search_bench import Latencies
from snapshot import extract
from support import (
    BENCH_OUT,
    NATIONAL,
    REGIONAL,
    Figure,
    load_average,
    milliseconds,
    source_revision,
)

import spro_desk.orientation
from spro_desk.orientation.profile import ProfileError, VisitorProfile
from spro_desk.orientation.suggest import Suggester
from spro_desk.storage.engine import Database

# A Wednesday morning: most structures are open, some only on other days.
MOMENT = datetime(2026, 11, 18, 10, 0)
SUGGEST_P95_TARGET_MS = 50.0
PASSES = 2


@dataclass(frozen=True)
class Scenario:
    id: str
    profile: VisitorProfile


def scenario_visitors(path: Path) -> list[dict[str, Any]]:
    """The `visiteur` part of each scenario of scenarios.json, with its id."""
    return [{"id": s["id"], **s["visiteur"]} for s in json.loads(path.read_text("utf-8"))]


def profile_of(visitor: dict[str, Any]) -> VisitorProfile:
    return VisitorProfile(
        commune=visitor["commune"],
        statut=visitor["statut"],
        besoins=(visitor["besoin"],),
        age=visitor.get("age"),
        handicap=bool(visitor.get("handicap")),
        at=MOMENT,
    )


def prepared_suggester(db: Database) -> tuple[Suggester, float]:
    """A window's suggester, and the milliseconds its directory index took to build (once per
    import, off the request: Orientation builds it when it shows and after each import)."""
    suggester = Suggester(db)
    return suggester, milliseconds(suggester.prepare)


def runnable_scenarios(
    suggester: Suggester, visitors: list[dict[str, Any]]
) -> tuple[list[Scenario], list[str], Latencies]:
    """Scenarios the suggester accepts, why the others were left out, and the first pass's
    latencies (the warm-up pass: each query cold, the first one also reads what is read once
    per directory)."""
    kept, skipped, samples = [], [], []
    for visitor in visitors:
        profile = profile_of(visitor)
        try:
            samples.append((milliseconds(lambda p=profile: suggester.suggest(p)), visitor["id"]))
        except ProfileError as error:
            skipped.append(f"{visitor['id']} ({visitor['commune']}): {error}")
            continue
        kept.append(Scenario(visitor["id"], profile))
    return kept, skipped, Latencies("Suggester.suggest, first pass", samples)


def measure_suggestions(suggester: Suggester, scenarios: list[Scenario]) -> Latencies:
    samples = [
        (milliseconds(lambda p=scenario.profile: suggester.suggest(p)), scenario.id)
        for _ in range(PASSES)
        for scenario in scenarios
    ]
    return Latencies("Suggester.suggest", samples)


def suggest_figures(latencies: Latencies, first: Latencies) -> list[Figure]:
    target = f"< {SUGGEST_P95_TARGET_MS:g} ms"
    return [
        Figure("suggest p50", latencies.p(0.5), "ms", "-", None),
        Figure("suggest p95", latencies.p(0.95), "ms", target,
               latencies.p(0.95) < SUGGEST_P95_TARGET_MS),
        Figure("suggest first pass p95", first.p(0.95), "ms", target,
               first.p(0.95) < SUGGEST_P95_TARGET_MS),
    ]  # fmt: skip


Suggest = Callable[[VisitorProfile], object]


def suggester_of_revision(revision: str, db: Database) -> Suggest:
    """`Suggester(db).suggest` with the orientation package of `revision` (a git archive
    snapshot), loaded beside this tree's: the rest of spro_desk is shared."""
    folder = extract(revision) / "src" / "spro_desk" / "orientation"
    package = spro_desk.orientation
    ours = {n: m for n, m in sys.modules.items() if n.startswith(package.__name__ + ".")}
    saved_path = list(package.__path__)
    for name in ours:
        del sys.modules[name]
    package.__path__[:] = [str(folder)]
    try:
        theirs = importlib.import_module(package.__name__ + ".suggest")
    finally:
        for name in [n for n in sys.modules if n.startswith(package.__name__ + ".")]:
            del sys.modules[name]
        sys.modules.update(ours)
        package.__path__[:] = saved_path
        for name, module in ours.items():
            setattr(package, name.rsplit(".", 1)[1], module)
    return theirs.Suggester(db).suggest  # type: ignore[no-any-return]


def interleaved(
    suggests: dict[str, Suggest], visitors: list[dict[str, Any]], passes: int
) -> dict[str, tuple[Latencies, Latencies]]:
    """First pass and later passes of each suggester, alternating which goes first."""
    names = list(suggests)
    first: dict[str, list[tuple[float, str]]] = {n: [] for n in names}
    later: dict[str, list[tuple[float, str]]] = {n: [] for n in names}
    for round_ in range(passes + 1):
        for number, visitor in enumerate(visitors):
            profile = profile_of(visitor)
            order = names if (number + round_) % 2 == 0 else names[::-1]
            for name in order:
                try:
                    ms = milliseconds(lambda s=suggests[name], p=profile: s(p))
                except Exception as error:  # either revision's ProfileError class
                    if type(error).__name__ != ProfileError.__name__:
                        raise
                    continue
                (first if round_ == 0 else later)[name].append((ms, visitor["id"]))
    return {
        n: (Latencies(f"{n}, first pass", first[n]), Latencies(f"{n}, next passes", later[n]))
        for n in names
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="regional directory (24, scale 1)")
    parser.add_argument("--passes", type=int, default=PASSES, help="passes after the first")
    parser.add_argument("--against", help="also measure this commit's orientation package")
    args = parser.parse_args()
    dataset = REGIONAL if args.quick else NATIONAL
    database = BENCH_OUT / f"{dataset.name}.sqlite3"
    if not database.is_file():
        sys.exit(f"{database} missing: run bench/run_all.py{' --quick' if args.quick else ''}")
    visitors = scenario_visitors(dataset.folder / "scenarios.json")
    print(f"dataset {dataset.name}; revision {source_revision()}; load {load_average()}")
    db = Database(database)
    try:
        suggester, built = prepared_suggester(db)
        print(f"  directory index built in {built:.0f} ms (once per import, off the request)")
        suggests: dict[str, Suggest] = {"this tree": suggester.suggest}
        if args.against:
            suggests[args.against] = suggester_of_revision(args.against, db)
        for first, later in interleaved(suggests, visitors, args.passes).values():
            for latencies in (first, later):
                print("  " + latencies.describe())
    finally:
        db.close()
    print(f"load average at end: {load_average()}")


if __name__ == "__main__":
    main()
