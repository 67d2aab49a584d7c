"""Every form data·inclusion distributes its directory in, read through one entry point."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from spro_desk.directory.catalog import directory_info, service_record
from spro_desk.directory.importer import import_directory
from spro_desk.directory.source import DirectoryImportError, list_cell
from spro_desk.storage.engine import Database
from spro_desk.text import strip_control_chars

from conftest import DATA

REAL = DATA / "real_shapes" / "v1"
DATE = "2026-10-01"


def _rows(kind: str) -> list[dict[str, Any]]:
    return json.loads((REAL / f"{kind}.json").read_text())


def _cell(value: Any) -> Any:
    """As data·inclusion's export writes a cell with pandas: lists as Python's repr."""
    if isinstance(value, list):
        return repr(value)
    if isinstance(value, dict):
        return json.dumps(value)
    return value


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    header = sorted({key for row in rows for key in row})
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if row.get(k) is None else _cell(row.get(k)) for k in header])


def _write_xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    header = sorted({key for row in rows for key in row})
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:  # a worksheet cannot hold control characters at all
        cells = [_cell(row.get(k)) for k in header]
        sheet.append([strip_control_chars(c) if isinstance(c, str) else c for c in cells])
    book.save(path)


def _assert_real_directory(db: Database) -> None:
    info = directory_info(db)
    assert (info.structures, info.services, info.structures_without_service) == (9, 4, 5)
    record = service_record(db, "cio-lyon--orientation")
    assert record is not None
    assert record["service"]["zone_eligibilite"] == ["69123"]
    assert record["service"]["modes_accueil"] == ["en-presentiel"]


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_data_gouv_files_in_a_folder(db: Database, tmp_path: Path, fmt: str) -> None:
    for kind in ("structures", "services"):
        target = tmp_path / f"{kind}-inclusion-{DATE}.{fmt}"
        if fmt == "json":
            target.write_text(json.dumps(_rows(kind), ensure_ascii=False))
        elif fmt == "csv":
            _write_csv(target, _rows(kind))
        else:
            _write_xlsx(target, _rows(kind))
    report = import_directory(db, tmp_path)
    assert report.rejected == []
    _assert_real_directory(db)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_one_data_gouv_file_brings_its_sibling(db: Database, tmp_path: Path, fmt: str) -> None:
    for kind in ("structures", "services"):
        target = tmp_path / f"{kind}-inclusion-{DATE}.{fmt}"
        if fmt == "json":
            target.write_text(json.dumps(_rows(kind), ensure_ascii=False))
        else:
            _write_csv(target, _rows(kind))
    import_directory(db, tmp_path / f"services-inclusion-{DATE}.{fmt}")
    _assert_real_directory(db)


def test_structures_alone_import_lone_structures(db: Database, tmp_path: Path) -> None:
    target = tmp_path / f"structures-inclusion-{DATE}.json"
    target.write_text(json.dumps(_rows("structures"), ensure_ascii=False))
    report = import_directory(db, target)
    assert (report.structures, report.services, report.structures_without_service) == (9, 0, 9)


def test_the_newest_and_json_first_when_a_folder_holds_several(
    db: Database, tmp_path: Path
) -> None:
    (tmp_path / "structures-inclusion-2025-01-01.json").write_text("[]")
    (tmp_path / "services-inclusion-2025-01-01.json").write_text("[]")
    for kind in ("structures", "services"):
        (tmp_path / f"{kind}-inclusion-{DATE}.json").write_text(json.dumps(_rows(kind)))
        (tmp_path / f"{kind}-inclusion-{DATE}.csv").write_text("pas lu")
    import_directory(db, tmp_path)
    _assert_real_directory(db)


def _page(items: list[Any], page: int, size: int, total: int) -> dict[str, Any]:
    return {"items": items, "total": total, "page": page, "size": size, "pages": -(-total // size)}


def test_api_pages_one_or_many(db: Database, tmp_path: Path) -> None:
    structures, services = _rows("structures"), _rows("services")
    for number, start in enumerate(range(0, len(structures), 4), start=1):
        page = _page(structures[start : start + 4], number, 4, len(structures))
        (tmp_path / f"structures-page-{number}.json").write_text(json.dumps(page))
    (tmp_path / "services-page-1.json").write_text(
        json.dumps(_page(services, 1, 100, len(services)))
    )
    import_directory(db, tmp_path)
    _assert_real_directory(db)


def test_a_single_api_page_file(db: Database, tmp_path: Path) -> None:
    page = tmp_path / "reponse.json"
    page.write_text(json.dumps(_page(_rows("structures"), 1, 100, 9)))
    report = import_directory(db, page)
    assert report.structures == 9


def test_a_zip_of_data_gouv_files(db: Database, tmp_path: Path) -> None:
    archive = tmp_path / "data-inclusion.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for kind in ("structures", "services"):
            z.writestr(f"export/{kind}-inclusion-{DATE}.json", json.dumps(_rows(kind)))
    import_directory(db, archive)
    _assert_real_directory(db)


def _feature(row: dict[str, Any], index: int) -> dict[str, Any]:
    """As GDAL writes a GeoDataFrame: lists as JSON arrays, the place also as a Point."""
    properties = dict(row)
    lon, lat = properties.get("longitude"), properties.get("latitude")
    if index % 2:  # the coordinates only in the geometry, on every other row
        properties.pop("longitude", None)
        properties.pop("latitude", None)
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None else None
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def _write_geojson(path: Path, rows: list[dict[str, Any]]) -> None:
    collection = {
        "type": "FeatureCollection",
        "name": path.stem,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [_feature(row, index) for index, row in enumerate(rows)],
    }
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def test_geojson_features_properties_are_the_rows(db: Database, tmp_path: Path) -> None:
    for kind in ("structures", "services"):
        _write_geojson(tmp_path / f"{kind}-inclusion-{DATE}.geojson", _rows(kind))
    report = import_directory(db, tmp_path)
    assert report.rejected == []
    _assert_real_directory(db)
    with db.engine.connect() as connection:  # ft-paris-18 had its place only as a Point
        place = connection.exec_driver_sql(
            "SELECT latitude, longitude FROM structure WHERE id = 'ft-paris-18'"
        ).one()
    row = next(row for row in _rows("structures") if row["id"] == "ft-paris-18")
    assert tuple(place) == (row["latitude"], row["longitude"])


def test_a_geojson_file_that_is_not_a_feature_collection_is_refused(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / f"structures-inclusion-{DATE}.geojson"
    target.write_text(json.dumps({"type": "FeatureCollection", "features": [["a"]]}))
    with pytest.raises(DirectoryImportError, match="GeoJSON"):
        import_directory(db, target)
    target.write_text(json.dumps({"type": "Point", "coordinates": [1, 2]}))
    with pytest.raises(DirectoryImportError, match="GeoJSON"):
        import_directory(db, target)


def test_parquet_is_refused_in_french_when_alone(db: Database, tmp_path: Path) -> None:
    target = tmp_path / f"structures-inclusion-{DATE}.parquet"
    target.write_bytes(b"PAR1 not really")
    with pytest.raises(DirectoryImportError, match="Parquet"):
        import_directory(db, target)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("['a', 'b']", ["a", "b"]),
        ('["a", "b"]', ["a", "b"]),
        ("{a,b}", ["a", "b"]),
        ("a, b", ["a", "b"]),
        ("[]", []),
        ("", None),
        (None, None),
    ],
)
def test_list_cells_as_exports_write_them(cell: Any, expected: Any) -> None:
    assert list_cell(cell) == expected


def test_an_unknown_file_is_refused_in_french(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "annuaire.txt"
    target.write_text("bonjour")
    with pytest.raises(DirectoryImportError, match="pas un export data·inclusion"):
        import_directory(db, target)
