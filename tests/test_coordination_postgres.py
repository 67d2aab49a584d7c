"""The coordination on PostgreSQL (issue 19): the same migrations give the same tables, the
URL is checked and said in French, the server's database is never mistaken for the file."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, inspect

from coordination_db import Coordinations, model_differences, server_url
from spro_desk.cli.main import main
from spro_desk.storage.dialects import DatabaseUrlError, checked_url, database_url_from
from spro_desk.storage.engine import Database
from spro_desk.storage.migrate import alembic_config, current_revision, head_revision
from spro_desk.sync.acknowledgement import acknowledgement_documents
from spro_desk.sync.completeness import completeness, list_alerts
from spro_desk.sync.coordinator import coordinator_status, import_bundles
from spro_desk.sync.coordinator_views import (
    alert_views,
    desk_overview,
    late_after_days,
    received_bundles,
)
from sync_world import World

SQLITE_ONLY_TABLES = ("service_fts",)  # the desk's full-text search (FTS5)
SERVER_ONLY_COLUMNS = {("received_event", "rowid")}  # SQLite's rowid, spelt out


def _columns(db: Database) -> dict[str, set[str]]:
    inspector = inspect(db.engine)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


def _merged_contact_indexes(connection: Connection) -> set[str]:
    """The names of `merged_contact`'s indexes on the server, its primary key's included."""
    query = "SELECT indexname FROM pg_indexes WHERE tablename = 'merged_contact'"
    return set(connection.exec_driver_sql(query).scalars())


def test_the_same_migrations_give_the_same_tables_on_postgresql(tmp_path: Path) -> None:
    server_url()  # skips, or fails in CI, without a server
    opened = Coordinations("postgresql")
    try:
        server = opened.open(tmp_path / "unused.sqlite", url=opened.new_url(empty=True))
        assert current_revision(server.engine) == head_revision()
        local = Database(tmp_path / "coordination.sqlite")
        expected = {
            t: c for t, c in _columns(local).items() if not t.startswith(SQLITE_ONLY_TABLES)
        }  # the FTS5 table and its shadow tables
        found = _columns(server)
        for table, column in SERVER_ONLY_COLUMNS:
            found[table].discard(column)
        assert found == expected
        assert not (tmp_path / "unused.sqlite").exists()  # the file is never opened
        local.close()
    finally:
        opened.close()


def test_migrations_and_table_models_agree_on_postgresql(tmp_path: Path) -> None:
    """The same check as on SQLite (test_storage), and the index a site's bilan reads: the
    site's rows with every column the breakdowns count (INCLUDE), for index-only scans."""
    server_url()
    opened = Coordinations("postgresql")
    try:
        server = opened.open(tmp_path / "unused.sqlite", url=opened.new_url(empty=True))
        # Type changes come as lists (UTCDateTime is stored as TIMESTAMP) and received_event's
        # rowid is spelt out on a server (SERVER_ONLY_COLUMNS): the tables, columns and
        # indexes come as tuples, and they must agree.
        structural = [
            d for d in model_differences(server) if isinstance(d, tuple) and "rowid" not in str(d)
        ]
        assert structural == []
        with server.engine.connect() as connection:
            definition = connection.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_merged_contact_desk_day'"
            ).scalar_one()
        assert "(desk_id, day) INCLUDE (canal, statut, tranche_age, sexe, handicap, commune, " \
            "besoins, reponses)" in definition  # fmt: skip
    finally:
        opened.close()


def test_merged_contacts_keep_three_indexes_on_postgresql(tmp_path: Path) -> None:
    """Every merged contact is an insert into each index (an import's cost, migration 0017):
    on a server, the primary key and the two covering indexes (a period of every site, a
    site's period) only; SQLite keeps its breakdowns' indexes (their GROUP BYs' order)."""
    server_url()
    opened = Coordinations("postgresql")
    try:
        server = opened.open(tmp_path / "unused.sqlite", url=opened.new_url(empty=True))
        local = Database(tmp_path / "coordination.sqlite")
        with server.engine.connect() as connection:
            on_server = _merged_contact_indexes(connection)
        with local.engine.connect() as connection:
            on_file = set(
                connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index' "
                    "AND tbl_name = 'merged_contact' AND sql IS NOT NULL"
                ).scalars()
            )
        local.close()
        assert on_server == {
            "merged_contact_pkey", "ix_merged_contact_day_cover", "ix_merged_contact_desk_day",
        }  # fmt: skip
        with server.engine.connect() as connection:
            definition = connection.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_merged_contact_day_cover'"
            ).scalar_one()
        assert "(day, desk_id) INCLUDE (canal, statut, tranche_age, sexe, handicap, commune, " \
            "besoins, reponses)" in definition  # fmt: skip
        assert on_file == {
            "ix_merged_contact_day_desk", "ix_merged_contact_profile", "ix_merged_contact_commune",
            "ix_merged_contact_desk_canal", "ix_merged_contact_codes",
        }  # fmt: skip
    finally:
        opened.close()


def test_a_server_downgraded_below_0017_has_its_breakdown_indexes_again(tmp_path: Path) -> None:
    server_url()
    opened = Coordinations("postgresql")
    try:
        db = opened.open(tmp_path / "unused.sqlite", url=opened.new_url(empty=True))
        config = alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0016")
            names = _merged_contact_indexes(connection)
            assert {"ix_merged_contact_profile", "ix_merged_contact_day_desk"} <= names
            assert "ix_merged_contact_day_cover" not in names
            command.upgrade(config, "head")
            again = _merged_contact_indexes(connection)
        assert len(names) == 7 and len(again) == 3
    finally:
        opened.close()


def test_a_second_start_on_a_migrated_server_changes_nothing(tmp_path: Path) -> None:
    server_url()
    opened = Coordinations("postgresql")
    try:
        url = opened.new_url(empty=True)
        first = opened.open(tmp_path / "a.sqlite", url=url)
        before = _columns(first)
        again = opened.open(tmp_path / "b.sqlite", url=url)
        assert _columns(again) == before and current_revision(again.engine) == head_revision()
    finally:
        opened.close()


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://u@h/db", "non prise en charge"),
        ("postgresql://u@h", "sans nom de base"),
        ("pas une adresse", "illisible"),
    ],
)
def test_a_database_url_that_cannot_serve_is_refused_in_french(url: str, said: str) -> None:
    with pytest.raises(DatabaseUrlError, match=said):
        checked_url(url)


def test_the_url_comes_from_the_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SPRO_DESK_DATABASE_URL", raising=False)
    assert database_url_from(None) is None  # the data folder's SQLite file
    monkeypatch.setenv("SPRO_DESK_DATABASE_URL", "postgresql://equipe@serveur/region")
    assert database_url_from(None) == "postgresql://equipe@serveur/region"
    assert database_url_from("postgresql://moi@ailleurs/test") == "postgresql://moi@ailleurs/test"
    assert checked_url("postgresql://equipe@serveur/region").startswith("postgresql+psycopg://")


def test_an_unreachable_server_is_refused_in_french_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "coordination"
    argv = ["--data-dir", str(data_dir), "coordinator", "status", "--json"]
    code = main([*argv, "--database-url", "postgresql://equipe:secret@127.0.0.1:1/region"])
    captured = capsys.readouterr()
    assert code == 2
    assert "ne répond pas" in captured.err and "secret" not in captured.err + captured.out
    assert not (data_dir / "spro-desk.sqlite").exists()
    code = main([*argv, "--database-url", "mysql://equipe@serveur/region"])
    assert code == 2 and "non prise en charge" in capsys.readouterr().err


def _window_views(world: World) -> dict[str, object]:
    """What the coordination window and the command line show, without moments of arrival."""
    db = world.coordinator
    now = datetime.now(UTC) + timedelta(days=1)
    overview = [
        (d.site_nom, d.bundles, d.last_bundle_seq, d.late, d.missing_bundles)
        for d in desk_overview(db, now, late_after_days(db))
    ]
    status = coordinator_status(db)
    matrix = completeness(db, now=now)
    return {
        "overview": sorted(overview),
        "received": sorted((b.site_nom, b.bundle_seq, b.events) for b in received_bundles(db)),
        "alerts": sorted((a.kind, a.missing) for a in alert_views(db)),
        "listed": sorted((a["kind"], a["label"]) for a in list_alerts(db, include_handled=True)),
        "status": {k: status[k] for k in ("contacts", "referrals", "events", "open_alerts")},
        "missing": sorted(
            (row["site_nom"], str(row["missing_bundles"]), row["weeks"][-1])
            for row in matrix["desks"]
        ),
        "acknowledged": sorted(
            json.loads(doc)["acked_seq"]
            for doc in acknowledgement_documents(db, world.coordinator_dir).values()
        ),
    }


def test_the_window_and_command_line_views_are_the_same_on_both_databases(
    tmp_path: Path,
) -> None:
    server_url()
    views = []
    for backend in ("sqlite", "postgresql"):
        opened = Coordinations(backend)
        world = World(tmp_path / backend, coordinations=opened)
        try:
            world.record(0, 2)
            world.export(0).unlink()  # bundle n° 1 never delivered (n° 2 resends its events)
            world.record(0, 1)
            world.record(1, 3)
            bundles = [world.export(0), world.export(1)]
            import_bundles(world.coordinator, world.coordinator_dir, bundles)
            views.append(_window_views(world))
        finally:
            world.close()
            opened.close()
    sqlite, server = views
    assert sqlite["status"]["contacts"] == 6
    assert any(row[-1] == ((1, 1),) for row in sqlite["overview"])  # bundle n° 1 missing
    assert server == sqlite


def test_without_the_driver_a_server_url_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The desks' installer leaves psycopg out: a server URL gets the pip extra, in French."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    with pytest.raises(DatabaseUrlError, match=r"spro-desk\[coordination\]"):
        database_url_from("postgresql://equipe@serveur/region")
