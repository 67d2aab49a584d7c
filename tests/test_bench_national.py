"""The national benchmark's code path at a tiny scale (SQLite only), so that it cannot rot:
real bundles imported and caught up, the year generated for 18 regions, indicators for the
nation, a region and a site, and the bilans written (bench/bench_national.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture
def bench_national(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SPRO_BENCH_POSTGRES_URL", raising=False)
    monkeypatch.syspath_prepend(str(BENCH))
    import bench_national

    return bench_national


def test_a_tiny_national_year_runs_end_to_end(bench_national, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    arguments = ["--scale", "0.0005", "--sample", "2", "--edits", "3", "--runs", "1"]
    results = bench_national.main([*arguments, "--out", str(tmp_path)])

    assert results["sizes"] == {"desks": 3, "contacts": 5_200, "referrals": 1_300}
    report = results["report"]
    assert report["contacts"] == 5_200  # every contact of the year, nationwide
    assert 0 < report["referrals"] <= 1_300  # those whose contact was deleted count nowhere
    medians = report["medians"]["sqlite"]
    assert set(medians) == {"baseline", "nation", "region", "site", "xlsx", "pdf"}
    assert all(seconds > 0 for seconds in medians.values())
    assert report["nation_statements"]["sqlite"]  # the statements were timed
    imported = results["imports"]["sqlite"]
    assert imported["bundles"] == 2 and imported["refused"] == []
    # 60 contacts, 15 referrals, their contacts' updates, 3 outcomes and 1 deletion each week
    assert imported["events"] == 2 * (60 + 15 + 15 + 3 + 1)
    assert imported["merged_events"] == imported["events"]
    assert (tmp_path / "results-national-3-5200.json").is_file()


def test_a_region_filter_selects_the_sites_of_that_region() -> None:
    from datetime import date

    from spro_desk.reports.filters import Filters, Period, Site

    filters = Filters(Period(date(2026, 1, 1), date(2026, 12, 31)), region="24")
    assert filters.restricts_sites
    assert Site("a", "A", "cio", "18033", region="24").matches(filters)
    assert not Site("b", "B", "cio", "75056", region="11").matches(filters)
    assert filters.restricted("region", "11").region == "11"
    assert "région 24" in filters.describe()


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
