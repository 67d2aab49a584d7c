"""Issue 19: the published set in the database, closed periods, revisions, new editions —
through the command line on a real coordinator database of a generated region: the data
folder's SQLite file, then a PostgreSQL server (tests/coordination_db.py; the server named by
SPRO_DESK_DATABASE_URL, as a regional team sets it)."""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel, col

from coordination_db import Coordinations, copy_reported_tables
from secrecy_attacker import Attack
from spro_desk.cli.main import EXIT_REFUSED, main
from spro_desk.paths import database_path
from spro_desk.reports.cross_secrecy import OTHER_SITES, STAR, TableFigures
from spro_desk.reports.secrecy import PublishedTable
from spro_desk.reports.table import Table
from spro_desk.storage.coordination_tables import PublishedBilan
from spro_desk.storage.dialects import DATABASE_URL_VARIABLE
from spro_desk.storage.engine import Database
from spro_desk_dev.synthetic import Dataset, generate

AS_OF = "2027-01-10T12:00:00+00:00"
YEAR = ["--from", "2026-01-01", "--to", "2026-12-31"]


def _cli(data_dir: Path, *args: str) -> tuple[int, dict[str, Any]]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--data-dir", str(data_dir), "coordinator", *args, "--json"])
    text = out.getvalue().strip().splitlines()
    return code, (json.loads(text[-1]) if text else {})


def _publish(data_dir: Path, tmp: Path, *scope: str) -> tuple[int, dict[str, Any]]:
    name = "-".join(scope).replace("--", "") or "region"
    # no --publier: what the command writes by default is a publication
    return _cli(data_dir, "report", *YEAR, *scope, "--format", "json",
                "--out", str(tmp / f"{name}.json"), "--au", AS_OF)  # fmt: skip


@pytest.fixture
def region(
    tmp_path: Path, coordinations: Coordinations, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Dataset]:
    """A generated region in the data folder's file; on PostgreSQL, the same rows on a new
    server database that every command (and `_open`) then uses."""
    data_dir = tmp_path / "coordinator"
    db = _open(data_dir)
    connection = sqlite3.connect(db.path)
    dataset = generate(connection, desks=8, contacts=1_200, referrals=300, seed=19)
    # bundles received in the past, as they would be (the generator dates them around AS_OF)
    connection.execute("UPDATE received_bundle SET received_at = '2026-01-15 10:00:00.000000'")
    connection.commit()
    connection.close()
    if coordinations.backend == "postgresql":
        server = coordinations.open(database_path(data_dir))
        copy_reported_tables(db, server)
        monkeypatch.setenv(DATABASE_URL_VARIABLE, server.engine.url.render_as_string(False))
    else:
        monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    db.close()
    return data_dir, dataset


def _open(data_dir: Path) -> Database:
    """The coordination the commands use: the server when one is named, else the file."""
    return Database(database_path(data_dir), url=os.environ.get(DATABASE_URL_VARIABLE))


def _departement(dataset: Dataset) -> tuple[str, list[str]]:
    """The département with most sites, and its sites."""
    counts = Counter(site.departement for site in dataset.sites)
    code = max(counts, key=lambda d: (counts[d], d or ""))
    return code or "", [s.desk_id for s in dataset.sites if s.departement == code]


def _as_published(figures: TableFigures) -> PublishedTable:
    """A recorded table as the attacker reads published tables."""
    rows, columns = list(figures.rows), list(figures.columns)
    v = figures.values
    has_rows = any((r, STAR) in v for r in rows)
    has_columns = any((STAR, c) in v for c in columns)
    table = Table("t", "t", "t", [(r, r) for r in rows], [(c, c) for c in columns],
                  [[0] * len(columns) for _ in rows], has_rows, has_columns)  # fmt: skip
    return PublishedTable(
        table,
        [[v[(r, c)] for c in columns] for r in rows],
        [v[(r, STAR)] for r in rows] if has_rows else None,
        [v[(STAR, c)] for c in columns] if has_columns else None,
        v.get((STAR, STAR), v.get((STAR, columns[0])) if len(columns) == 1 else None),
        0,
    )


def _recorded(data_dir: Path) -> list[tuple[str, list[str], dict[str, Any]]]:
    db = _open(data_dir)
    try:
        with db.session() as session:
            records = session.exec(select(PublishedBilan).order_by(col(PublishedBilan.pk)))
            return [(r.scope_key, list(r.sites), dict(r.tables)) for (r,) in records]
    finally:
        db.close()


def _attack(data_dir: Path, keys: tuple[str, ...]) -> list[Any]:
    recorded = _recorded(data_dir)
    published = {
        key: {k: _as_published(TableFigures.from_json(t)) for k, t in tables.items() if k in keys}
        for key, _sites, tables in recorded
    }
    # the hierarchy an outsider knows: the région is its départements' sites and the rest
    region_sites = next(sites for key, sites, _ in recorded if key == "region")
    departement = next(key for key, _s, _t in recorded if key.startswith("departement:"))
    dep_sites = next(sites for key, sites, _ in recorded if key == departement)
    children = {
        "region": [departement, "rest"],
        departement: [f"site:{s}" for s in dep_sites],
        "rest": [f"site:{s}" for s in region_sites if s not in dep_sites],
    }
    attack = Attack(children, published, 5)
    # any masked figure found again exactly, and any small count bounded too narrowly
    return [*attack.recovered(), *attack.small_counts()]


TABLES = ("contacts.canal", "contacts.statut", "contacts.sexe_age", "contacts.tranche_age")


def test_bilans_published_one_by_one_leak_nothing_together(
    region: tuple[Path, Dataset], tmp_path: Path
) -> None:
    data_dir, dataset = region
    departement, sites = _departement(dataset)
    assert len(sites) >= 2
    assert _publish(data_dir, tmp_path)[0] == 0
    code, result = _publish(data_dir, tmp_path, "--departement", departement)
    assert code == 0 and result["published"] == {
        "scope": f"departement:{departement}",
        "edition": 1,
    }
    for site in sites[:-1]:  # every site of the département but one: it is the difference
        assert _publish(data_dir, tmp_path, "--site", site)[0] == 0
    recorded = _recorded(data_dir)
    assert [key for key, _s, _t in recorded][:2] == ["region", f"departement:{departement}"]
    assert OTHER_SITES in recorded[0][1] and sorted(recorded[1][1]) == sorted(sites)
    assert _attack(data_dir, TABLES) == []
    code, periods = _cli(data_dir, "periods")
    assert code == 0 and periods["periods"][0]["edition"] == 1
    assert (
        periods["periods"][0]["closed_at"]
        and len(periods["periods"][0]["bilans"]) == len(sites) + 1
    )


def test_each_bilan_masked_alone_would_leak(region: tuple[Path, Dataset], tmp_path: Path) -> None:
    """The same publications, each masked alone (as before issue 19): the attacker wins."""
    data_dir, dataset = region
    departement, sites = _departement(dataset)
    for scope in ([], ["--departement", departement], *(["--site", s] for s in sites[:-1])):
        assert _publish(data_dir, tmp_path, *scope)[0] == 0
    db = _open(data_dir)
    try:
        with db.transaction() as session:  # unmask like a lone bilan
            for (record,) in session.exec(select(PublishedBilan)):
                record.tables = {
                    key: _mask_alone(TableFigures.from_json(value), record.threshold).to_json()
                    for key, value in record.computed.items()
                }
                session.add(record)
    finally:
        db.close()
    assert _attack(data_dir, TABLES)


def _mask_alone(figures: TableFigures, threshold: int) -> TableFigures:
    from spro_desk.reports.cross_secrecy import table_figures
    from spro_desk.reports.secrecy import protect

    rows, columns = list(figures.rows), list(figures.columns)
    v = figures.values
    cells = [[v[(r, c)] or 0 for c in columns] for r in rows]
    margins = any((r, STAR) in v for r in rows), any((STAR, c) in v for c in columns)
    table = Table("t", "t", "t", [(r, r) for r in rows], [(c, c) for c in columns], cells,
                  *margins)  # fmt: skip
    return table_figures(protect(table, threshold))


def _late_contact(data_dir: Path, desk_id: str) -> None:
    """A bundle received after the close, carrying one more contact of the period."""
    contacts = SQLModel.metadata.tables["merged_contact"]
    bundles = SQLModel.metadata.tables["received_bundle"]
    db = _open(data_dir)
    try:
        with db.engine.begin() as connection:
            row = connection.execute(
                contacts.select()
                .where(contacts.c.desk_id == desk_id, contacts.c.day.like("2026-%"))
                .limit(1)
            ).one()
            connection.execute(contacts.insert(), [{**row._mapping, "id": "late-contact"}])
            connection.execute(bundles.insert(), [{
                "sha256": "f" * 64, "desk_id": desk_id, "bundle_seq": 99,
                "received_at": datetime(2999, 1, 1, tzinfo=UTC), "events": 1,
            }])  # fmt: skip
    finally:
        db.close()


def test_a_late_bundle_is_a_revision_until_a_new_edition(
    region: tuple[Path, Dataset], tmp_path: Path
) -> None:
    data_dir, dataset = region
    departement, sites = _departement(dataset)
    assert _publish(data_dir, tmp_path)[0] == 0
    assert _publish(data_dir, tmp_path, "--departement", departement)[0] == 0
    code, revisions = _cli(data_dir, "revisions", *YEAR)
    assert code == 0 and revisions["changes"] == [] and revisions["late_bundles"] == []

    _late_contact(data_dir, sites[0])
    code, revisions = _cli(data_dir, "revisions", *YEAR)
    assert code == 0 and [b["desk_id"] for b in revisions["late_bundles"]] == [sites[0]]
    totals = [c for c in revisions["changes"]
              if c["table"] == "Contacts par canal" and c["row"] == "Total"]  # fmt: skip
    assert {c["bilan"] for c in totals} == {"Région (tous les sites)", f"Département {departement}"}
    assert all(c["delta"] == 1 and c["after"] == c["before"] + 1 for c in totals)
    # the published bilans do not move; nor can a new one be added to the closed period
    before = _recorded(data_dir)
    code, refusal = _publish(data_dir, tmp_path, "--site", sites[0])
    assert code == EXIT_REFUSED and "nouvelle édition" in refusal["error"]
    assert _recorded(data_dir) == before

    out = tmp_path / "edition"
    out.mkdir()
    code, edition = _cli(data_dir, "new-edition", *YEAR, "--out", str(out), "--format", "json")
    assert code == 0 and edition["edition"] == 2 and len(edition["files"]) == 2
    written = json.loads(Path(edition["files"][0]).read_text(encoding="utf-8"))
    assert "édition 2" in json.dumps(written, ensure_ascii=False)
    code, revisions = _cli(data_dir, "revisions", *YEAR)
    assert revisions["edition"] == 2 and revisions["changes"] == []
    code, periods = _cli(data_dir, "periods")
    assert periods["periods"][0]["edition"] == 2
    # a figure masked in edition 1 stays masked in edition 2
    db = _open(data_dir)
    try:
        with db.session() as session:
            region_only = select(PublishedBilan).where(col(PublishedBilan.scope_key) == "region")
            tables = {r.edition: r.tables for (r,) in session.exec(region_only)}
    finally:
        db.close()
    for key, first in tables[1].items():
        masked_before = {tuple(k[:2]) for k in first["values"] if k[2] is None}
        second = {tuple(k[:2]): k[2] for k in tables[2][key]["values"]}
        assert all(second.get(k) is None for k in masked_before), key


def test_closing_a_period_by_hand_and_refusals_in_french(
    region: tuple[Path, Dataset], tmp_path: Path
) -> None:
    data_dir, _dataset = region
    code, closed = _cli(data_dir, "close-period", "--from", "2026-03-01", "--to", "2026-03-31")
    assert code == 0 and closed["closed"] == "2026-03-01/2026-03-31"
    code, again = _cli(data_dir, "close-period", "--from", "2026-03-01", "--to", "2026-03-31")
    assert code == EXIT_REFUSED and "déjà close" in again["error"]
    code, none = _cli(data_dir, "revisions", "--from", "2025-01-01", "--to", "2025-01-31")
    assert code == EXIT_REFUSED and "Aucun bilan" in none["error"]
    code, reversed_days = _cli(data_dir, "revisions", "--from", "2026-02-01", "--to", "2026-01-01")
    assert code == EXIT_REFUSED and "fin précède" in reversed_days["error"]


def test_a_masked_number_of_contacts_is_masked_in_every_table_and_headline(
    region: tuple[Path, Dataset],
) -> None:
    """Every contacts table totals the same number: masked in one, it is masked in all, and
    the headline figures built on it are withheld (else one table gives it back)."""
    from spro_desk.reports.filters import Filters, Options, Period
    from spro_desk.reports.indicators import compute_indicators
    from spro_desk.reports.periods import CONTACT_TABLES, protect_bilan_tables, total_masked
    from spro_desk.reports.publish import build_bilan
    from spro_desk.reports.source import CoordinatorSource

    data_dir, dataset = region
    db = _open(data_dir)
    try:
        from datetime import date

        filters = Filters(Period(date(2026, 1, 1), date(2026, 12, 31)))
        indicators = compute_indicators(
            CoordinatorSource(db), filters, Options(as_of=dataset.as_of)
        )
        tables, hidden = protect_bilan_tables(
            "region", ["x"], indicators, [], 5, {"contacts.canal": {(STAR, "n")}}
        )
    finally:
        db.close()
    assert {"contacts", "part_niveau2"} <= hidden and "orientations" not in hidden
    for key in CONTACT_TABLES:
        assert total_masked(tables[key]), key
    bilan = build_bilan(indicators, 5, tables, hidden)
    headline = dict((label, value) for label, value, _unit in bilan.themes[0].sections[0].items)
    assert headline["Contacts"] is None and headline["Orientations"] is not None


def test_publishing_a_territory_again_keeps_its_masks_and_one_record(
    region: tuple[Path, Dataset], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    data_dir, dataset = region
    departement, _sites = _departement(dataset)
    with caplog.at_level(logging.INFO, logger="spro_desk.audit"):
        assert _publish(data_dir, tmp_path)[0] == 0
        assert _publish(data_dir, tmp_path, "--departement", departement)[0] == 0
        first = _recorded(data_dir)[0][2]
        assert _publish(data_dir, tmp_path)[0] == 0
    recorded = _recorded(data_dir)
    assert [key for key, _s, _t in recorded] == [f"departement:{departement}", "region"]
    again = recorded[1][2]
    for key, table in first.items():
        masked = {tuple(v[:2]) for v in table["values"] if v[2] is None}
        assert masked <= {tuple(v[:2]) for v in again[key]["values"] if v[2] is None}, key
    from spro_desk.agents.coordination_audit import audit_entries

    db = _open(data_dir)
    try:
        trail = [entry.action for entry in audit_entries(db)]
    finally:
        db.close()
    assert trail.count("cloture-periode") == 1 and trail.count("publication-bilan") == 3
    # the same in words, without --json
    out = tmp_path / "text.txt"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["--data-dir", str(data_dir), "coordinator", "revisions", *YEAR]) == 0
    out.write_text(buffer.getvalue())
    assert "Aucun chiffre publié ne change." in out.read_text()


def test_only_a_coordinator_closes_and_the_trail_names_them(
    region: tuple[Path, Dataset],
) -> None:
    """With accounts (issue 19b), closing a period is the coordinator's, signed in."""
    import subprocess
    import sys

    from spro_desk.agents.coordination_accounts import create_coordinator, sign_in
    from spro_desk.agents.coordination_audit import audit_entries
    from spro_desk.security import crypto

    data_dir, _dataset = region
    db = _open(data_dir)
    fast = crypto.KdfCost(time_cost=1, memory_kib=8 * 1024)
    create_coordinator(db, "Alice", "alice-mot-de-passe", "coordinateur", cost=fast)
    sign_in(db, "Alice", "alice-mot-de-passe")  # the first account signs in to create the next
    create_coordinator(db, "Chloé", "chloe-lit-tout", "lecture", cost=fast)
    db.close()

    def close(account: str, password: str) -> tuple[int, dict[str, Any]]:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("SPRO_DESK_")}
        if os.environ.get(DATABASE_URL_VARIABLE):  # the region's server, on PostgreSQL
            environ[DATABASE_URL_VARIABLE] = os.environ[DATABASE_URL_VARIABLE]
        environ |= {"PYTHONPATH": os.pathsep.join(sys.path),
                    "SPRO_DESK_COORDINATOR_ACCOUNT": account,
                    "SPRO_DESK_COORDINATOR_PASSWORD": password}  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "spro_desk", "--data-dir", str(data_dir), "coordinator",
             "close-period", "--from", "2026-05-01", "--to", "2026-05-31", "--json"],
            capture_output=True, text=True, env=environ, timeout=120,
        )  # fmt: skip
        return done.returncode, json.loads(done.stdout.splitlines()[-1])

    code, refused = close("Chloé", "chloe-lit-tout")
    assert code == EXIT_REFUSED and "clore une période" in refused["error"]
    code, closed = close("Alice", "alice-mot-de-passe")
    assert code == 0 and closed["by"] == "Alice"
    db = _open(data_dir)
    try:
        entry = audit_entries(db, action="cloture-periode")[0]
    finally:
        db.close()
    assert entry.account == "Alice" and "01/05/2026" in entry.target


def test_the_plain_report_publishes_and_an_internal_one_is_neither_masked_nor_recorded(
    region: tuple[Path, Dataset], tmp_path: Path
) -> None:
    import contextlib
    import io

    data_dir, dataset = region
    departement, _sites = _departement(dataset)
    out = tmp_path / "interne.json"
    code, internal = _cli(data_dir, "report", *YEAR, "--format", "json", "--out", str(out),
                          "--au", AS_OF, "--interne")  # fmt: skip
    written = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and internal["kind"] == "interne" and internal["masked"] == 0
    assert written["secrecy_threshold"] == 0  # the bilan's note: « Document interne… »
    assert _recorded(data_dir) == []  # nothing published, the period still open
    assert _cli(data_dir, "periods")[1]["periods"] == []

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["--data-dir", str(data_dir), "coordinator", "report", *YEAR, "--format",
                     "json", "--out", str(tmp_path / "r.json"), "--au", AS_OF]) == 0  # fmt: skip
        assert main(["--data-dir", str(data_dir), "coordinator", "report", *YEAR, "--departement",
                     departement, "--format", "json", "--out", str(tmp_path / "d.json"), "--au",
                     AS_OF, "--publier"]) == 0  # fmt: skip
    text = buffer.getvalue()
    assert "Bilan publié dans" in text and "période est close" in text
    assert "vérifié avec les 0 autre(s) bilan(s)" in text
    assert "vérifié avec les 1 autre(s) bilan(s)" in text
    assert [key for key, _s, _t in _recorded(data_dir)] == ["region", f"departement:{departement}"]
    # both at once make no sense: refused by the parser before anything is written
    both = tmp_path / "x.json"
    error = io.StringIO()
    with contextlib.redirect_stderr(error):
        code = main(["--data-dir", str(data_dir), "coordinator", "report", *YEAR, "--format",
                     "json", "--out", str(both), "--publier", "--interne"])  # fmt: skip
    assert code != 0 and not both.exists()
    assert "--interne : incompatible avec --publier" in error.getvalue()


def test_the_report_help_says_what_is_published() -> None:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), pytest.raises(SystemExit):
        main(["coordinator", "report", "--help"])
    text = " ".join(buffer.getvalue().split())
    assert "Par défaut, le bilan écrit est une publication" in text
    assert "--interne" in text and "non masqués" in text


def test_two_coordinators_publishing_at_once_are_never_checked_apart(
    region: tuple[Path, Dataset],
) -> None:
    """Alice and Bruno each prepare a bilan of the same period at the same moment (the
    département and one of its sites), each masked against what was published when they
    started; Alice's is recorded first. Bruno's, masked without Alice's, would give back by
    subtraction what hers masks: it is refused in French (publish again), nothing recorded;
    published again, it is masked with hers."""
    from datetime import date

    from spro_desk.reports.filters import Filters, Options, Period
    from spro_desk.reports.indicators import compute_indicators
    from spro_desk.reports.periods import (
        PeriodRefused,
        prepare_publication,
        record_publication,
    )
    from spro_desk.reports.source import CoordinatorSource

    data_dir, dataset = region
    code, sites = _departement(dataset)
    year = Period(date(2026, 1, 1), date(2026, 12, 31))
    options = Options(as_of=datetime.fromisoformat(AS_OF))
    alice, bruno = _open(data_dir), _open(data_dir)  # two windows, two connections
    try:
        both = [
            prepare_publication(db, compute_indicators(CoordinatorSource(db), filters, options))
            for db, filters in ((alice, Filters(year, departement=code)),
                                (bruno, Filters(year, site=sites[0])))
        ]  # fmt: skip
        record_publication(alice, both[0], None)
        with pytest.raises(PeriodRefused, match="pendant"):
            record_publication(bruno, both[1], None)
        assert [key for key, _sites, _tables in _recorded(data_dir)] == [f"departement:{code}"]
        indicators = compute_indicators(CoordinatorSource(bruno), Filters(year, site=sites[0]),
                                        options)  # fmt: skip
        again = prepare_publication(bruno, indicators)
        assert again.earlier == 1
        record_publication(bruno, again, None)
    finally:
        alice.close()
        bruno.close()
    assert len(_recorded(data_dir)) == 2


def test_a_bilan_published_while_a_new_edition_is_prepared_refuses_the_edition(
    region: tuple[Path, Dataset],
) -> None:
    """Alice decides a new edition of a period whose département bilan is out; while it is
    being computed, Bruno publishes a site of that département in the current edition. The new
    edition, prepared without Bruno's bilan, would leave it out (and unchecked against it): it
    is refused in French, nothing changes and its files are removed; decided again, it
    republishes both."""
    from datetime import date

    from spro_desk.reports.filters import Filters, Options, Period
    from spro_desk.reports.indicators import compute_indicators
    from spro_desk.reports.periods import (
        PeriodRefused,
        get_period,
        new_edition,
        prepare_publication,
        record_publication,
    )
    from spro_desk.reports.source import CoordinatorSource

    data_dir, dataset = region
    code, sites = _departement(dataset)
    year = Period(date(2026, 1, 1), date(2026, 12, 31))
    options = Options(as_of=datetime.fromisoformat(AS_OF))
    alice, bruno = _open(data_dir), _open(data_dir)
    written: list[Path] = []
    try:
        indicators = compute_indicators(
            CoordinatorSource(alice), Filters(year, departement=code), options
        )
        record_publication(alice, prepare_publication(alice, indicators), None)

        def bruno_publishes_meanwhile(*args: Any) -> Any:
            if not written:
                site = compute_indicators(
                    CoordinatorSource(bruno), Filters(year, site=sites[0]), options
                )
                record_publication(bruno, prepare_publication(bruno, site), None)
            return compute_indicators(*args)

        def write(_bilan: Any, record: Any) -> str:
            out = data_dir.parent / f"edition-{record.scope_key.replace(':', '-')}.json"
            out.write_text("{}", encoding="utf-8")
            written.append(out)
            return str(out)

        with pytest.raises(PeriodRefused, match="pendant"):
            new_edition(alice, year, write, compute=bruno_publishes_meanwhile)
        assert get_period(alice, year).edition == 1
        assert sorted(key for key, _s, _t in _recorded(data_dir)) == sorted(
            [f"departement:{code}", f"site:{sites[0]}"]
        )
        assert written and not any(path.exists() for path in written)
        edition = new_edition(alice, year, write)
        assert sorted(r.scope_key for r in edition.records) == sorted(
            [f"departement:{code}", f"site:{sites[0]}"]
        )
    finally:
        alice.close()
        bruno.close()
