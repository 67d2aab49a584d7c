"""The import leaves the same tables, full-text index and report as the importer of reference:
each speed-up of the import is checked against digests saved before it (tests/data/
import_golden.json, written by `python -m spro_desk_dev.import_dump --import FOLDER DB --save`).

Fixtures: cvl (clean), cvl/dirty (the defects of the design folder), real_shapes/v1, and
import_variety: 40 structures and 80 services of cvl bent into every case the import checks
(rejected dates, names, codes, e-mails, duplicates and orphans; control, bidi, HTML and
formula texts; invalid, repeated and reordered x_spro; unknown publics and zones; code sets in
several orders; a service without commune; a structure id with a control character and its
services), so that a fast path cannot skip a warning.

A real change of what the import writes (a new column, a fixed message) regenerates them."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from pydantic import EmailStr

from spro_desk.directory.importer import (
    SERVICE_SCANNED_FIELDS,
    STRUCTURE_SCANNED_FIELDS,
    import_directory,
)
from spro_desk.directory.validation import ServiceRow, StructureRow
from spro_desk.storage.engine import Database
from spro_desk_dev.import_dump import differences, dump

DATA = Path(__file__).parent / "data"
GOLDEN = json.loads((DATA / "import_golden.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", sorted(GOLDEN))
def test_import_writes_what_the_reference_importer_wrote(fixture: str, tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    db = Database(path)
    try:
        import_directory(db, DATA / fixture)
    finally:
        db.close()
    assert differences(GOLDEN[fixture], dump(path)) == []


def test_the_check_sees_a_changed_row(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    db = Database(path)
    try:
        import_directory(db, DATA / "real_shapes" / "v1")
        with db.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE service SET nom = nom || ' ' WHERE pk = 1")
    finally:
        db.close()
    assert [line.split(":")[0] for line in differences(GOLDEN["real_shapes/v1"], dump(path))] == [
        "service"
    ]


def _holds_text(annotation: Any) -> bool:
    """Whether a field's value can be a plain text (a list of codes or an enum code cannot)."""
    if annotation in (str, EmailStr):
        return True
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return False
    if get_origin(annotation) in (list, set, frozenset, dict, tuple):
        return False
    return any(_holds_text(argument) for argument in get_args(annotation))


@pytest.mark.parametrize(
    ("model", "scanned"),
    [(StructureRow, STRUCTURE_SCANNED_FIELDS), (ServiceRow, SERVICE_SCANNED_FIELDS)],
)
def test_the_quick_scan_of_a_row_sees_every_text_field(model: Any, scanned: tuple) -> None:
    """A row the quick scan finds clean gets no precise check: it must see every text."""
    texts = {name for name, field in model.model_fields.items() if _holds_text(field.annotation)}
    assert texts == set(scanned)
