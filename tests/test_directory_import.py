"""Importing data·inclusion exports: counts, defects, atomic replacement, idempotence."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from spro_desk.directory.catalog import directory_info, service_record
from spro_desk.directory.importer import ImportCancelled, import_directory
from spro_desk.directory.source import DirectoryImportError
from spro_desk.storage.engine import Database

from conftest import CVL, CVL_DIRTY


def _snapshot(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as connection:
        return {
            table: connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1, 2, 3").all()
            for table in ("structure", "service", "service_tag")
        }


def test_centre_val_de_loire_imports_every_row(db: Database) -> None:
    report = import_directory(db, CVL)
    assert (report.structures, report.services) == (329, 679)
    assert report.rejected == []
    info = directory_info(db)
    assert (info.structures, info.services) == (329, 679)
    assert info.source == str(CVL)
    assert info.imported_at is not None


def test_every_defect_gets_the_outcome_it_names(db: Database) -> None:
    report = import_directory(db, CVL_DIRTY)
    defects = json.loads((CVL_DIRTY / "defects.json").read_text())
    rejected = {(r.file, r.id) for r in report.rejected}
    warned = {(w.file, w.id) for w in report.warnings}
    for defect in defects:
        key = (defect["file"], defect["id"])
        if defect["attendu"] == "rejete":
            assert key in rejected, defect
        else:
            assert key in warned and key not in rejected, defect
    # id-less rows are reported by their index
    assert sum(1 for r in report.rejected if r.id is None) == 5
    assert all(r.message and r.index >= 0 for r in report.rejected)


def test_every_valid_row_of_the_dirty_set_is_kept(db: Database) -> None:
    report = import_directory(db, CVL_DIRTY)
    defects = json.loads((CVL_DIRTY / "defects.json").read_text())
    rejected_ids = {d["id"] for d in defects if d["attendu"] == "rejete"}
    for name, count in (("structures", report.structures), ("services", report.services)):
        rows = json.loads((CVL_DIRTY / f"{name}.json").read_text())
        kept = [r for r in rows if r.get("id") not in rejected_ids or r.get("id") is None]
        kept = [r for r in kept if "id" in r]
        assert count == len(kept)


def test_warned_rows_are_neutralised(db: Database) -> None:
    import_directory(db, CVL_DIRTY)
    bidi = service_record(db, "spro-annuaire--point-information-jeunesse-de-chinon--1--bad6")
    assert bidi is not None
    assert "\u202e" not in bidi["service"]["nom"] and "noitamrof" in bidi["service"]["nom"]
    zone = service_record(db, "spro-annuaire--france-travail-chinon--2--bad3")
    assert zone is not None and "ZZ9" not in zone["service"]["zone_eligibilite"]
    html = service_record(db, "spro-annuaire--france-travail-sainte-maure-de-touraine--1--bad4")
    assert html is not None and html["service"]["nom"] == "<script>alert(1)</script> Atelier"


def test_french_reasons(db: Database) -> None:
    report = import_directory(db, CVL_DIRTY)
    by_id = {r.id: r.message for r in report.rejected}
    assert "courriel" in by_id["spro-annuaire--cio-de-saint-amand-montrond--bad3"]
    assert "structure inconnue" in by_id["spro-annuaire--france-travail-blere--2--bad0"]
    assert "doit être une liste" in by_id["spro-annuaire--france-services-senonches--1--bad1"]


def test_reimport_of_the_same_files_gives_the_same_state(db: Database) -> None:
    import_directory(db, CVL)
    first = _snapshot(db)
    import_directory(db, CVL)
    assert _snapshot(db) == first


def test_zip_archive_is_accepted(db: Database, tmp_path: Path) -> None:
    archive = tmp_path / "annuaire.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(CVL / "structures.json", "export/structures.json")
        z.write(CVL / "services.json", "export/services.json")
    report = import_directory(db, archive)
    assert (report.structures, report.services) == (329, 679)


@pytest.mark.parametrize(
    "breakage",
    ["missing_services", "bad_json", "not_a_list", "no_valid_row", "not_a_zip"],
)
def test_old_directory_survives_a_failed_reimport(
    db: Database, tmp_path: Path, breakage: str
) -> None:
    import_directory(db, CVL)
    before = _snapshot(db)
    bad = tmp_path / "bad"
    shutil.copytree(CVL, bad, ignore=shutil.ignore_patterns("dirty", "scenarios.json"))
    if breakage == "missing_services":
        (bad / "services.json").unlink()
    elif breakage == "bad_json":
        (bad / "services.json").write_text('[{"id": ')
    elif breakage == "not_a_list":
        (bad / "structures.json").write_text('{"structures": []}')
    elif breakage == "no_valid_row":
        (bad / "structures.json").write_text('[{"nom": "x"}]')
        (bad / "services.json").write_text("[42]")
    else:
        bad = tmp_path / "annuaire.zip"
        bad.write_text("ceci n'est pas une archive")
    with pytest.raises(DirectoryImportError) as error:
        import_directory(db, bad)
    assert str(error.value)  # a French sentence for the agent
    assert _snapshot(db) == before
    assert directory_info(db).services == 679


def test_cancelled_import_changes_nothing(db: Database) -> None:
    import_directory(db, CVL_DIRTY)
    before = _snapshot(db)
    calls = iter(range(100))
    with pytest.raises(ImportCancelled):
        import_directory(db, CVL, is_cancelled=lambda: next(calls) >= 2)
    assert _snapshot(db) == before


def test_progress_is_reported(db: Database) -> None:
    steps: list[tuple[str, int, int]] = []
    import_directory(
        db, CVL, progress=lambda label, done, total: steps.append((label, done, total))
    )
    assert steps[0][1] == 0 and steps[-1][1] == steps[-1][2]
    assert [s[1] for s in steps] == sorted(s[1] for s in steps)
