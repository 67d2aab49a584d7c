"""Time loading the geography resource and search-as-you-type over commune names and codes.

Usage: ``python bench/bench_geo.py [--queries N] [--seed S]``. Prints milliseconds; the
targets are a load under 150 ms and a typical search under 5 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from spro_desk.geo import Geography
from spro_desk.resources import resource_path

LOAD_RUNS = 7
# Typed as front-desk agents type them: abbreviations, no accents, partial words.
FIXED_QUERIES = ["s", "st", "st ", "saint", "sainte ", "la ", "le", "sur", "chateauroux",
                 "st amand m", "bourg", "1", "18", "180", "18200", "2a", "75", "l'"]  # fmt: skip


def milliseconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def typed_prefixes(name: str) -> list[str]:
    """What the search box holds after each keystroke while typing ``name`` in lower case."""
    lowered = name.lower()
    return [lowered[:end] for end in range(1, len(lowered) + 1)]


def sample_queries(geo: Geography, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    communes = sorted(geo.communes_in_zone("france"))
    queries = list(FIXED_QUERIES)
    while len(queries) < count:
        commune = geo.commune(rng.choice(communes))
        assert commune is not None
        queries.extend(typed_prefixes(commune.nom))
        queries.extend(typed_prefixes(rng.choice(commune.codes_postaux or (commune.code,))))
    return queries[:count]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()

    path = resource_path("geo", "cog.json.gz")
    print(f"resource: {path} ({path.stat().st_size / 1024:.0f} KiB)")
    loads = [milliseconds(lambda: Geography.load(path)) for _ in range(LOAD_RUNS)]
    print(f"load: median {statistics.median(loads):.1f} ms, max {max(loads):.1f} ms")

    geo = Geography.load(path)
    first = milliseconds(lambda: geo.search_communes("a"))
    print(f"first search (builds the index): {first:.1f} ms")

    queries = sample_queries(geo, args.queries, args.seed)
    times = [milliseconds(lambda q=query: geo.search_communes(q)) for query in queries]
    print(
        f"search over {len(times)} queries: p50 {percentile(times, 0.5):.3f} ms, "
        f"p95 {percentile(times, 0.95):.3f} ms, max {max(times):.3f} ms"
    )
    slowest = sorted(zip(times, queries, strict=True), reverse=True)[:5]
    print("slowest: " + ", ".join(f"{query!r} {ms:.2f} ms" for ms, query in slowest))


if __name__ == "__main__":
    main()
