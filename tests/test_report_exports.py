"""Every export of the bilan carries the same figures, equal to the generated truths, masked."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from coordination_db import Coordinations, copy_reported_tables
from spro_desk.cli.main import main
from spro_desk.paths import database_path
from spro_desk.reports.filters import Filters, Options
from spro_desk.reports.indicators import compute_indicators
from spro_desk.reports.publish import build_bilan, section_grid, section_title
from spro_desk.reports.secrecy import PublishedTable
from spro_desk.reports.source import CoordinatorSource
from spro_desk.storage.engine import Database
from spro_desk_dev.synthetic import Dataset, generate

AS_OF = "2027-01-10T12:00:00+00:00"  # the generator's reference moment
HOSTILE = '=HYPERLINK("http://example.invalid";"clic")'


FORMATS = ("json", "csv", "xlsx", "pdf")


def _export(data_dir: Path, out_dir: Path, url: str | None = None) -> dict[str, Path]:
    """The four exports of the year, by the command line, from the data folder's file or
    from the server at `url`."""
    server = ["--database-url", url] if url else []
    outputs = {}
    for fmt in FORMATS:
        out = out_dir / f"bilan.{fmt}"
        code = main(
            ["--data-dir", str(data_dir), "coordinator", "report", *server, "--from",
             "2026-01-01", "--to", "2026-12-31", "--format", fmt, "--out", str(out), "--au",
             AS_OF, "--json"]
        )  # fmt: skip
        assert code == 0 and out.stat().st_size > 0
        outputs[fmt] = out
    return outputs


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dataset, dict[str, Path]]:
    """A coordinator data folder with a generated region, and the four exports of its year."""
    data_dir = tmp_path_factory.mktemp("coordinator")
    db = Database(database_path(data_dir))
    connection = sqlite3.connect(db.path)
    dataset = generate(connection, desks=10, contacts=2_500, referrals=700, seed=23)
    # A structure name someone typed as a spreadsheet formula: exports must keep it inert.
    connection.execute("UPDATE merged_referral SET structure_nom = ? WHERE structure_id = ?",
                       (HOSTILE, "st-0000"))  # fmt: skip
    connection.commit()
    connection.close()
    db.close()
    return data_dir, dataset, _export(data_dir, data_dir)


@pytest.fixture(scope="module")
def region(
    generated: tuple[Path, Dataset, dict[str, Path]],
    module_coordinations: Coordinations,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Dataset, dict[str, Path], str | None]:
    """The region's exports from each database: the data folder's file, or a server holding
    the same rows (its URL last, None for the file)."""
    data_dir, dataset, outputs = generated
    if module_coordinations.backend == "sqlite":
        return data_dir, dataset, outputs, None
    url = module_coordinations.new_url()
    source = Database(database_path(data_dir))
    server = Database(database_path(data_dir), url=url)
    copy_reported_tables(source, server)
    source.close()
    server.close()
    return data_dir, dataset, _export(data_dir, tmp_path_factory.mktemp("server"), url), url


@pytest.fixture(scope="module")
def expected(region: tuple) -> dict[str, Any]:
    """The bilan computed in-process, and every section's grid as exports should show it."""
    data_dir, dataset, _outputs, url = region
    db = Database(database_path(data_dir), url=url)
    options = Options(as_of=dataset.as_of)
    bilan = build_bilan(compute_indicators(CoordinatorSource(db), Filters(dataset.period), options))
    db.close()
    grids = {
        (theme.key, section_title(section)): section_grid(section)
        for theme in bilan.themes
        for section in theme.sections
    }
    return {"bilan": bilan, "grids": grids, "truths": dataset.truths(Filters(dataset.period))}


def _plain(value: Any) -> Any:
    """A published value as a comparable string: masked `s`, numbers in French notation."""
    if value is None:
        return "s"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _plain_grid(grid: list[list[Any]]) -> list[list[str]]:
    return [[_plain(cell) for cell in row] for row in grid]


def test_published_tables_equal_the_truths_with_small_cells_masked(expected: dict) -> None:
    truths, checked, masked = expected["truths"], 0, 0
    for theme in expected["bilan"].themes:
        for section in theme.sections:
            if not isinstance(section, PublishedTable) or section.table.key not in truths:
                continue
            table, truth = section.table, truths[section.table.key]
            for i, (row, _) in enumerate(table.rows):
                for j, (column, _) in enumerate(table.columns):
                    key = row if table.is_one_way else (row, column)
                    true, shown = truth.get(key, 0), section.cells[i][j]
                    assert shown is None if 0 < true < 5 else shown in (None, true), key
                    checked += 1
                    masked += shown is None
    assert checked > 500 and masked > 0
    print(f"\n{checked} published cells equal to their truth, {masked} masked")


def test_json_carries_every_section_as_published(region: tuple, expected: dict) -> None:
    document = json.loads(region[2]["json"].read_text("utf-8"))
    assert document["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    assert document["secrecy_threshold"] == 5
    tables = {s["key"]: s for theme in document["themes"] for s in theme["sections"] if "key" in s}
    for theme in expected["bilan"].themes:
        for section in theme.sections:
            if isinstance(section, PublishedTable):
                assert tables[section.table.key]["cells"] == section.cells
                assert tables[section.table.key]["total"] == section.total


def _csv_blocks(text: str) -> dict[str, list[list[str]]]:
    blocks: dict[str, list[list[str]]] = {}
    title = None
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        if not row:
            title = None
        elif title is None and len(row) == 1:
            title = row[0]
            blocks[title] = []
        elif title is not None:
            blocks[title].append(row)
    return blocks


def test_csv_is_french_and_has_the_same_figures(region: tuple, expected: dict) -> None:
    raw = region[2]["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens the accents right
    text = raw.decode("utf-8-sig")
    assert "Période du 01/01/2026 au 31/12/2026" in text and "Données à jour au" in text
    blocks = _csv_blocks(text)
    compared = 0
    for theme in expected["bilan"].themes:
        for section in theme.sections:
            title = f"{theme.title} — {section_title(section)}"
            grid = [[_csv_cell(c) for c in row] for row in section_grid(section)]
            assert blocks[title] == grid, title
            compared += 1
    rate = expected["bilan"].indicators.figures["taux_orientation"].value
    assert f"Orientations par contact;{_plain(rate)};" in text and "," in _plain(rate)
    assert f"'{HOSTILE}" in text.replace('""', '"')  # neutralised, never a live formula
    print(f"\nCSV: {compared} sections identical to the published bilan")


def _csv_cell(value: Any) -> str:
    from spro_desk.reports.exports import french_number

    return french_number(value)


def test_xlsx_has_one_sheet_per_theme_with_period_freshness_and_figures(
    region: tuple, expected: dict
) -> None:
    book = openpyxl.load_workbook(region[2]["xlsx"], read_only=True)
    bilan = expected["bilan"]
    assert book.sheetnames == [theme.key for theme in bilan.themes]
    compared = 0
    for theme in bilan.themes:
        rows = [list(r) for r in book[theme.key].iter_rows(values_only=True)]
        assert rows[1][0] == bilan.filters and rows[2][0].startswith("Données à jour au")
        titles = {row[0]: index for index, row in enumerate(rows) if row and row[0]}
        for section in theme.sections:
            grid = section_grid(section)
            start = titles[section_title(section)] + 1
            read = [r[: len(grid[0])] for r in rows[start : start + len(grid)]]
            assert [[_xlsx(c) for c in r] for r in read] == [
                [_xlsx_expected(c) for c in r] for r in grid
            ], section_title(section)
            compared += 1
    book.close()
    formulas = openpyxl.load_workbook(region[2]["xlsx"])  # not read-only: data types
    cells = [c for row in formulas["Orientations"].iter_rows() for c in row if c.value == HOSTILE]
    assert cells and all(c.data_type == "s" for c in cells)  # text, not a formula
    print(f"\nXLSX: {compared} sections identical to the published bilan")


def _xlsx(value: Any) -> Any:
    return "" if value is None else value


def _xlsx_expected(value: Any) -> Any:
    return "s" if value is None else value


def test_pdf_text_shows_the_same_figures(region: tuple, expected: dict) -> None:
    reader = PdfReader(region[2]["pdf"])
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(" ".join(pages).split())  # lines wrapped by the layout joined again
    bilan = expected["bilan"]
    assert all("secret statistique" in page and "31/12/2026" in page for page in pages)
    for theme in bilan.themes:
        assert theme.title in text
    months = next(
        s for t in bilan.themes for s in t.sections
        if isinstance(s, PublishedTable) and s.table.key == "contacts.mois"
    )  # fmt: skip
    for (code, label), row in zip(months.table.rows, months.cells, strict=True):
        assert f"{label} {_plain(row[0])}" in text, code
    contacts = bilan.indicators.figures["contacts"].value
    assert f"Contacts {contacts}" in text
    print(f"\nPDF: {len(pages)} pages, headline and monthly figures found in the text")


def test_the_server_exports_the_files_figures(region: tuple, generated: tuple) -> None:
    """The bilan exported from PostgreSQL is the SQLite file's: JSON and CSV byte for byte
    (the same moment of reference and freshness), every XLSX cell the same."""
    if region[3] is None:
        pytest.skip("la référence : la variante PostgreSQL se compare à elle")
    on_server, on_file = region[2], generated[2]
    assert on_server["json"].read_bytes() == on_file["json"].read_bytes()
    assert on_server["csv"].read_bytes() == on_file["csv"].read_bytes()
    books = [openpyxl.load_workbook(out["xlsx"], read_only=True) for out in (on_server, on_file)]
    sheets = [
        {
            name: [list(r) for r in book[name].iter_rows(values_only=True)]
            for name in book.sheetnames
        }
        for book in books
    ]
    assert sheets[0] == sheets[1] and sheets[0]
    for book in books:
        book.close()
    texts = [
        " ".join(page.extract_text() for page in PdfReader(out["pdf"]).pages)
        for out in (on_server, on_file)
    ]
    assert texts[0] == texts[1]


def test_a_reversed_period_is_refused_and_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bilan.json"
    code = main(["--data-dir", str(tmp_path), "coordinator", "report", "--from", "2026-12-31",
                 "--to", "2026-01-01", "--format", "json", "--out", str(out)])  # fmt: skip
    assert code == 2 and not out.exists()
    assert "date de fin" in capsys.readouterr().err
