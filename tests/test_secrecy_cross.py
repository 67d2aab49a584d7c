"""Issue 19: secrecy across every bilan published for a period.

The attacker (tests/secrecy_attacker.py) subtracts and adds every published table of every
territory; each bilan masked alone loses Vierzon's small counts to Cher − CIO de Bourges, and
the check across publications (reports/cross_secrecy.py) leaves it nothing.
"""

from __future__ import annotations

import random

import pytest

from secrecy_attacker import Attack
from secrecy_region import HIERARCHY, draw, sites_of, tables_of
from spro_desk.reports.cross_secrecy import (
    ScopeFigures,
    find_leaks,
    protect_together,
    table_figures,
)
from spro_desk.reports.secrecy import PublishedTable, protect

THRESHOLD = 5
ALL = ["region", "dep:18", "dep:36", "bassin:chateauroux", "site:cio-bourges", "site:vierzon",
       "site:cio-chateauroux", "site:issoudun"]  # fmt: skip


def _alone(territories: list[str], seed: int = 19) -> dict[str, dict[str, PublishedTable]]:
    contacts = draw(seed)
    return {
        t: {k: protect(table, THRESHOLD) for k, table in tables_of(t, contacts).items()}
        for t in territories
    }


def _together(territories: list[str], seed: int = 19) -> dict[str, dict[str, PublishedTable]]:
    """Published one after the other, each checked against the earlier ones."""
    contacts = draw(seed)
    published: dict[str, dict[str, PublishedTable]] = {}
    earlier: list[ScopeFigures] = []
    for t in territories:
        tables = protect_together(t, sites_of(t), tables_of(t, contacts), earlier, THRESHOLD)
        published[t] = tables
        earlier.append(
            ScopeFigures(
                t, frozenset(sites_of(t)), {k: table_figures(p) for k, p in tables.items()}
            )
        )
    return published


def test_the_attacker_recovers_vierzon_from_cher_minus_bourges_today() -> None:
    published = _alone(["dep:18", "site:cio-bourges", "site:vierzon"])
    vierzon_masked = sum(
        1
        for p in published["site:vierzon"].values()
        for row in [*p.cells, p.column_totals or [], p.row_totals or []]
        for v in row
        if v is None
    )
    found = Attack(HIERARCHY, published, THRESHOLD).run()
    recovered_vierzon = [f for f in found if f.territory == "site:vierzon"]
    assert vierzon_masked > 20
    # every small count of Vierzon comes back exactly: Cher − Bourges
    assert len(recovered_vierzon) == vierzon_masked
    assert all(f.exact for f in recovered_vierzon)
    truth = tables_of("site:vierzon", draw())["contacts.canal"]
    canal = {f.figure[0]: f.low for f in recovered_vierzon if f.table == "contacts.canal"}
    assert canal and all(truth.value(code) == value for code, value in canal.items() if code != "*")


def test_even_unpublished_sites_come_back_from_nested_bilans_masked_alone() -> None:
    # Cher and Bourges only: Vierzon published nothing, yet its small counts are Cher − Bourges
    found = Attack(HIERARCHY, _alone(["dep:18", "site:cio-bourges"]), THRESHOLD).run()
    assert any(f.territory in ("site:vierzon", "bassin:vierzon") and f.exact for f in found)


def test_the_product_check_sees_the_same_leak_as_the_attacker() -> None:
    published = _alone(["dep:18", "site:cio-bourges", "site:vierzon"])
    scopes = [
        ScopeFigures(t, frozenset(sites_of(t)), {k: table_figures(p) for k, p in tables.items()})
        for t, tables in published.items()
    ]
    assert find_leaks(scopes, THRESHOLD)


def test_checked_together_the_attacker_recovers_nothing() -> None:
    published = _together(["dep:18", "site:cio-bourges", "site:vierzon"])
    assert Attack(HIERARCHY, published, THRESHOLD).small_counts() == []
    # the extra masks fall on the new bilan: Cher, published first, is as it was alone
    alone = _together(["dep:18"])["dep:18"]
    assert all(published["dep:18"][k].cells == alone[k].cells for k in alone)
    assert sum(p.masked for p in published["site:cio-bourges"].values()) > sum(
        p.masked for p in _together(["site:cio-bourges"])["site:cio-bourges"].values()
    )


@pytest.mark.slow  # three more orders (12 s): CI runs them; the figure test covers one order
def test_the_whole_region_published_in_any_order_leaks_nothing() -> None:
    for seed in (1, 2, 3):
        order = ALL[:]
        random.Random(seed).shuffle(order)
        published = _together(order, seed)
        assert Attack(HIERARCHY, published, THRESHOLD).small_counts() == [], order


def test_published_figures_stay_true_and_small_counts_stay_masked() -> None:
    contacts = draw()
    published = _together(ALL)
    for t, tables in published.items():
        truth = tables_of(t, contacts)
        for key, p in tables.items():
            for i, row in enumerate(p.cells):
                for j, value in enumerate(row):
                    real = truth[key].cells[i][j]
                    assert value is None or value == real
                    assert not (0 < real < THRESHOLD and value is not None)


@pytest.mark.parametrize("territories", [["region", "dep:18", "site:vierzon"]])
def test_figure_cross_publication_attack(territories: list[str]) -> None:
    before = Attack(HIERARCHY, _alone(ALL), THRESHOLD).small_counts()
    pair = Attack(HIERARCHY, _alone(["dep:18", "site:cio-bourges", "site:vierzon"]), THRESHOLD)
    vierzon = [f for f in pair.small_counts() if f.territory == "site:vierzon"]
    after = Attack(HIERARCHY, _together(ALL), THRESHOLD).small_counts()
    print(
        f"\nCross-publication secrecy attack: {len(after)} masked cells recovered "
        f"(each bilan masked alone: {len(before)} small counts over the region's {len(ALL)} "
        f"bilans, {len(vierzon)} of Vierzon from Cher − CIO de Bourges)"
    )
    assert before and not after
