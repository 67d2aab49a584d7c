"""Migration 0014 (issue 19): the merged state of a coordination moves to the lighter tables,
on SQLite and PostgreSQL, and the upgraded state is the one the new merge would have built."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text

from coordination_db import BACKENDS, Coordinations
from spro_desk.storage.dialects import checked_url
from spro_desk.storage.engine import Database, make_engine
from spro_desk.storage.migrate import alembic_config

CONTACT = (
    "INSERT INTO merged_contact VALUES (:id, 'desk-1', :seq, '2026-03-02T09:00:00+00:00', "
    "'2026-03-02', '2026-03-02', '2026-03', 'telephone', 'etudiant', 'non-renseigne', 'femme', "
    "'non', '18033', NULL)"
)
CODE = "INSERT INTO merged_contact_code VALUES (:kind, :code, '2026-03-02', 'desk-1', :id)"
VERSION = (
    "INSERT INTO merged_version (entity_id, entity, desk_id, seq, live, branch, event_id) "
    "VALUES (:id, :entity, 'desk-1', :seq, :live, :branch, :event)"
)
REFERRAL = (
    "INSERT INTO merged_referral VALUES ('r1', 'desk-1', 4, 'c1', '2026-03-02', "
    "'2026-03-02T09:00:00+00:00', 'sv', 'st', 'Structure', 'Service', 'rendez-vous', 'honore', "
    "NULL, NULL, '2026-03-02T09:05:00+00:00', '2026-03-02T09:05:00+00:00', 'ml', 2)"
)


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Engine, Path, str]]:
    coordinations = Coordinations(request.param)
    try:
        if request.param == "sqlite":
            path = tmp_path / "coordination.sqlite"
            url = ""
            made = make_engine(path)
        else:
            path, url = tmp_path / "unused.sqlite", coordinations.new_url(empty=True)
            made = create_engine(checked_url(url))
        yield made, path, url
        made.dispose()
    finally:
        coordinations.close()


def _step(engine: Engine, revision: str) -> None:
    with engine.connect() as connection, connection.begin():
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _old_state(engine: Engine) -> None:
    with engine.begin() as connection:
        for contact_id, seq in (("c1", 3), ("c2", 5)):
            connection.execute(text(CONTACT), {"id": contact_id, "seq": seq})
        for kind, code in (
            ("besoin", "se-former"),
            ("besoin", "choisir-un-metier--confirmer-son-choix-de-metier"),
            ("categorie", "se-former"),
            ("categorie", "choisir-un-metier"),
            ("reponse", "orientation"),
        ):
            connection.execute(text(CODE), {"kind": kind, "code": code, "id": "c1"})
        connection.execute(text(REFERRAL))
        for entity_id, entity, seq, live, branch, event in (
            ("c1", "contact", 3, True, "b1", "e3"),
            ("c2", "contact", 5, True, "", "e5"),
            ("r1", "referral", 4, True, "b1", "e4"),
            ("c9", "contact", 8, False, "b2", "e8"),
            ("r9", "referral", 9, False, "", "e9"),
        ):
            values = {"id": entity_id, "entity": entity, "seq": seq, "live": live}
            connection.execute(text(VERSION), {**values, "branch": branch, "event": event})


def test_the_merged_state_moves_to_the_lighter_tables(
    engine: tuple[Engine, Path, str],
) -> None:
    made, path, url = engine
    _step(made, "0013")
    _old_state(made)
    _step(made, "0014")
    with made.connect() as connection:
        contacts = connection.execute(
            text("SELECT id, seq, besoins, reponses, branch, event_id FROM merged_contact "
                 "ORDER BY id")
        ).all()  # fmt: skip
        referrals = connection.execute(
            text("SELECT id, seq, branch, event_id, niveau FROM merged_referral")
        ).all()
        tombstones = connection.execute(
            text("SELECT * FROM merged_tombstone ORDER BY entity_id")
        ).all()
        tables = {
            name
            for (name,) in connection.execute(
                text(
                    "SELECT table_name FROM information_schema.tables"
                    if made.dialect.name == "postgresql"
                    else "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            )
        }
    needs = ["choisir-un-metier--confirmer-son-choix-de-metier", "se-former"]
    assert [tuple(row) for row in contacts] == [
        ("c1", 3, json.dumps(needs, separators=(",", ":")), '["orientation"]', "b1", "e3"),
        ("c2", 5, "[]", "[]", "", "e5"),
    ]
    assert [tuple(row) for row in referrals] == [("r1", 4, "b1", "e4", 2)]
    assert [tuple(row) for row in tombstones] == [
        ("c9", "contact", "desk-1", 8, "b2", "e8"),
        ("r9", "referral", "desk-1", 9, "", "e9"),
    ]
    assert not tables & {"merged_version", "merged_contact_code"}
    # The app opens the upgraded database as it is (head), and counts the moved codes.
    db = Database(path, url=url) if url else Database(path)
    try:
        from spro_desk.reports import queries

        with db.engine.connect() as connection:
            where = queries.Where("day BETWEEN ? AND ?", ("2026-01-01", "2026-12-31"))
            besoins, categories, reponses = queries.codes(connection, where)
        assert besoins == dict.fromkeys(needs, 1)
        assert categories == {"choisir-un-metier": 1, "se-former": 1}
        assert reponses == {"orientation": 1}
    finally:
        db.close()


def test_a_downgrade_asks_the_older_catch_up_for_everything(tmp_path: Path) -> None:
    made = make_engine(tmp_path / "c.sqlite")
    _step(made, "0014")
    with made.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO received_event (id, desk_id, seq, content_sha256, entity, entity_id, "
                "op, at, payload, branch) VALUES ('e1', 'desk-1', 1, 'x', 'contact', 'c1', "
                "'create', '2026-03-02T10:00:00+00:00', '{}', '')"
            )
        )
    with made.connect() as connection, connection.begin():
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    with made.connect() as connection:
        watermark = connection.execute(
            text("SELECT value FROM setting WHERE key = 'coordinator.merged_upto'")
        ).scalar_one()
    assert json.loads(watermark) == {"rowid": 0}
    made.dispose()
