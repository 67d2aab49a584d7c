"""The table classes leave pydantic's validator and serializer to their first use
(storage/tables._Row, issue 18: the database attaches sooner): importing them builds neither,
and nothing validates differently."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from sqlmodel import Session, select

from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Contact, Setting

TABLES_IMPORT = """
import json
from sqlmodel import SQLModel
from spro_desk.storage import tables
classes = [c for c in vars(tables).values()
           if isinstance(c, type) and issubclass(c, SQLModel) and c.__module__ == tables.__name__]
print(json.dumps({
    "tables": sum(1 for c in classes if c.model_config.get("table")),
    "built": sorted(c.__name__ for c in classes if c.__pydantic_complete__),
}))
"""

GOOD = {
    "id": "c-1",
    "occurred_at": "2026-11-18T10:00:00+00:00",
    "recorded_at": "2026-11-18T10:01:00+00:00",
    "updated_at": "2026-11-18T10:01:00+00:00",
    "canal": "accueil-physique",
    "statut": "scolaire",
    "besoins": ["orientation"],
    "reponses": [],
    "duree": "15",
}


def test_importing_the_tables_builds_no_validator() -> None:
    done = subprocess.run(
        [sys.executable, "-c", TABLES_IMPORT],
        env=dict(os.environ), capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["tables"] == 8  # the directory's and the coordination's are apart
    assert found["built"] == []


def test_a_table_model_still_rejects_bad_values() -> None:
    bad = {**GOOD, "occurred_at": "hier matin", "duree": "un quart d'heure", "besoins": "x"}
    del bad["canal"]
    with pytest.raises(ValidationError) as caught:
        Contact.model_validate(bad)
    assert {error["loc"][0] for error in caught.value.errors()} == {
        "occurred_at",
        "duree",
        "besoins",
        "canal",
    }


def test_a_table_model_validates_dumps_and_stores_good_values(db: Database) -> None:
    contact = Contact.model_validate(GOOD)
    assert contact.occurred_at == datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
    assert contact.duree == 15  # coerced from the text, as before
    assert contact.model_dump(include={"canal", "duree"}) == {
        "canal": "accueil-physique",
        "duree": 15,
    }
    with Session(db.engine) as session:
        session.add(contact)
        session.commit()
    with Session(db.engine) as session:
        stored = session.exec(select(Contact).where(Contact.id == "c-1")).one()
        assert (stored.statut, stored.besoins, stored.duree) == ("scolaire", ["orientation"], 15)


def test_constructing_a_row_stays_unvalidated_as_sqlmodel_tables_always_were() -> None:
    """SQLModel's table classes never validate in their constructor (rows are built from the
    database and from checked input): deferring the validator changes nothing there."""
    row = Setting(key="site.nom", value=3)
    assert row.value == 3
