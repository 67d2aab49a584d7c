"""Rows in the shapes data·inclusion really publishes: findings 1-5, 7 and 8 of issue 13."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from spro_desk.cli.main import main
from spro_desk.directory.catalog import directory_info, entry_record, service_record
from spro_desk.directory.hours import Hours
from spro_desk.directory.importer import import_directory
from spro_desk.directory.richtext import plain_text
from spro_desk.directory.search import DirectorySearch, SearchFilters
from spro_desk.directory.source import DirectoryImportError, DirectoryShrinkRefused
from spro_desk.geo import geography
from spro_desk.orientation.candidates import directory_facts
from spro_desk.orientation.profile import VisitorProfile
from spro_desk.orientation.suggest import Suggester
from spro_desk.storage.engine import Database

from conftest import CVL, DATA

REAL = DATA / "real_shapes" / "v1"
V0 = DATA / "real_shapes" / "v0"
SENTENCE = "Nous recevons uniquement sur rendez-vous."
PLACEHOLDER = ";".join(f"{d} 00:00-23:59" for d in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))
SUNDAY_3AM = datetime(2026, 12, 6, 3, 0)
CHRISTMAS_10AM = datetime(2026, 12, 25, 10, 0)
NEED = "choisir-un-metier--identifier-ses-points-forts-et-ses-competences"


@pytest.fixture
def real_db(db: Database) -> Database:
    import_directory(db, REAL)
    return db


def _snapshot(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as connection:
        return {
            table: connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1, 2, 3").all()
            for table in ("structure", "service", "service_tag")
        }


# --- 1. hours ---------------------------------------------------------------------------------


def test_a_sentence_is_shown_verbatim_and_never_open() -> None:
    hours = Hours.parse(SENTENCE)
    assert hours.describe_fr() == [f'Horaires\u00a0: "{SENTENCE}" (non structurés)']
    for moment in (SUNDAY_3AM, CHRISTMAS_10AM, datetime(2026, 12, 8, 10, 0)):
        assert hours.is_open(moment) is None
        assert "Ouvert" not in hours.status_fr(moment)
    assert "(non structurés)" in hours.status_fr(SUNDAY_3AM)


def test_the_dora_placeholder_is_hours_not_given() -> None:
    hours = Hours.parse(PLACEHOLDER)
    assert hours.placeholder
    assert hours.is_open(SUNDAY_3AM) is None
    assert hours.status_fr(SUNDAY_3AM) == "Horaires non renseignés"
    assert hours.describe_fr() == ["Horaires non renseignés"]
    assert not Hours.parse("Mo-Fr 09:00-17:00").placeholder


def test_a_public_holiday_without_ph_rule_is_to_be_confirmed() -> None:
    hours = Hours.parse("Mo-Fr 09:00-17:00")
    assert hours.is_open(CHRISTMAS_10AM) is None
    assert hours.status_fr(CHRISTMAS_10AM) == "Jour férié\u00a0: à confirmer"
    assert hours.is_open(datetime(2026, 12, 24, 10, 0)) is True
    closed = Hours.parse("Mo-Fr 09:00-17:00; PH off")
    assert closed.is_open(CHRISTMAS_10AM) is False


def test_the_import_report_counts_each_kind_of_hours(db: Database) -> None:
    report = import_directory(db, REAL)
    counts = report.as_json()["horaires"]
    assert counts["non_structures"] == 4  # three structures and one service say a sentence
    assert counts["non_renseignes"] == 2  # the DORA placeholder, on a structure and a service
    assert counts["sans_jours_feries"] == 2  # Mo-Fr without PH: the CIO and its service
    placeholder = [w for w in report.warnings if "horaires non renseignés" in w.message]
    assert {w.id for w in placeholder} == {"pij-paris-15", "pij-paris-15--info"}


def test_search_open_now_keeps_neither_sentence_nor_placeholder(real_db: Database) -> None:
    hits = DirectorySearch(real_db).search("", SearchFilters(open_at=SUNDAY_3AM), limit=100)
    assert hits == []


# --- 2. structures without services ----------------------------------------------------------


def test_structures_without_service_are_found_by_search(real_db: Database) -> None:
    search = DirectorySearch(real_db)
    found = {h.summary.structure_id for h in search.search("france travail", limit=50)}
    assert {"ft-paris-10", "ft-paris-18", "ft-lyon-3", "ft-marseille-1"} <= found
    assert "ft-lyon-3" in {h.summary.structure_id for h in search.search("lyon part dieu")}
    assert "ft-paris-10" in {h.summary.structure_id for h in search.search("3949")}
    assert "ft-paris-10" in {
        h.summary.structure_id for h in search.search("agence.paris-10@exemple.fr")
    }
    hit = search.search("louis blanc")[0]
    assert hit.summary.structure_only and hit.as_json()["structure_seule"] is True


def test_structures_without_service_are_filtered_by_network(real_db: Database) -> None:
    hits = DirectorySearch(real_db).search("", SearchFilters(reseau="france-travail"), limit=50)
    assert {h.summary.structure_id for h in hits} == {
        "ft-paris-10", "ft-paris-18", "ft-lyon-3", "ft-marseille-1",
    }  # fmt: skip


def test_directory_info_counts_real_services_and_lone_structures(real_db: Database) -> None:
    info = directory_info(real_db)
    assert (info.structures, info.services, info.structures_without_service) == (9, 4, 5)


def test_a_lone_structure_has_a_detail_record(real_db: Database) -> None:
    record = entry_record(real_db, "ft-lyon-3")
    assert record is not None and record["service"] is None
    assert record["structure"]["nom"] == "France Travail Lyon 3e Part-Dieu"
    assert service_record(real_db, "ml-paris--accompagnement") is not None


def test_orientation_gets_structures_without_service_from_one_source(real_db: Database) -> None:
    with real_db.engine.connect() as connection:
        facts = directory_facts(connection, str(real_db.path))
    only_ft = facts.structure_candidates(("france-travail",))
    assert {c.summary.structure_id for c in only_ft} == {
        "ft-paris-10",
        "ft-paris-18",
        "ft-lyon-3",
        "ft-marseille-1",
    }
    assert not any(c.has_service for c in only_ft)
    profile = VisitorProfile(
        commune="75110", statut="demandeur-emploi", besoins=(NEED,), age=30, at=SUNDAY_3AM
    )
    suggested = [s.summary.structure_id for s in Suggester(real_db).suggest(profile, limit=20)]
    assert {"ft-paris-10", "ft-paris-18"} <= set(suggested)
    if "ft-lyon-3" in suggested:  # the agencies of the visitor's city come first
        assert suggested.index("ft-lyon-3") > suggested.index("ft-paris-10")


# --- 3. an import never silently shrinks the directory ----------------------------------------


def test_v0_files_are_refused_as_a_whole_in_french(real_db: Database) -> None:
    before = _snapshot(real_db)
    with pytest.raises(DirectoryImportError, match="ancien format"):
        import_directory(real_db, V0)
    assert _snapshot(real_db) == before


def test_an_empty_services_file_is_refused_unless_forced(cvl_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(CVL / "structures.json", folder / "structures.json")
    (folder / "services.json").write_text("[]")
    before = _snapshot(cvl_db)
    with pytest.raises(DirectoryShrinkRefused) as refused:
        import_directory(cvl_db, folder)
    assert "679" in str(refused.value) and "0 service" in str(refused.value)
    assert refused.value.current == (329, 679) and refused.value.incoming[1] == 0
    assert _snapshot(cvl_db) == before
    report = import_directory(cvl_db, folder, force=True)
    assert report.services == 0 and directory_info(cvl_db).structures == 329


def test_an_import_that_rejects_most_rows_is_refused(cvl_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    structures = json.loads((CVL / "structures.json").read_text())
    for row in structures[1:]:
        row["date_maj"] = "pas une date"
    (folder / "structures.json").write_text(json.dumps(structures))
    shutil.copy(CVL / "services.json", folder / "services.json")
    before = _snapshot(cvl_db)
    with pytest.raises(DirectoryShrinkRefused, match="rejet"):
        import_directory(cvl_db, folder)
    assert _snapshot(cvl_db) == before


def test_dropping_most_services_is_refused(cvl_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(CVL / "structures.json", folder / "structures.json")
    services = json.loads((CVL / "services.json").read_text())
    (folder / "services.json").write_text(json.dumps(services[:100]))
    with pytest.raises(DirectoryShrinkRefused):
        import_directory(cvl_db, folder)
    assert directory_info(cvl_db).services == 679


def test_cli_refuses_a_shrinking_import_and_force_accepts_it(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "directory", "import", str(CVL), "--json"]) == 0
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(CVL / "structures.json", folder / "structures.json")
    (folder / "services.json").write_text("[]")
    capsys.readouterr()
    assert main(["--data-dir", str(data), "directory", "import", str(folder)]) == 2
    assert "--force" in capsys.readouterr().err
    args = ["--data-dir", str(data), "directory", "import", str(folder), "--force", "--json"]
    assert main(args) == 0


# --- 4. descriptions -------------------------------------------------------------------------


def test_markdown_and_producer_html_become_formatted_plain_text() -> None:
    raw = json.loads((REAL / "services.json").read_text())[0]["description"]
    text = plain_text(raw)
    assert text == (
        "Accompagnement des jeunes de 16 à 25 ans.\nSur rendez-vous.\n\n"
        "• emploi\n• logement\n\n"
        "Voir le site (https://ml.exemple.fr) - ou https://ml.exemple.fr/rdv."
    )
    assert plain_text("<script>alert(1)</script> Atelier <b>CV</b>") == "alert(1) Atelier CV"
    assert plain_text("1. un\n2. deux") == "1. un\n2. deux"
    assert plain_text(None) == ""


def test_a_markdown_link_is_not_warned_as_html(db: Database) -> None:
    report = import_directory(db, REAL)
    html = [w for w in report.warnings if "HTML" in w.message]
    assert [w.id for w in html] == ["ml-paris--accompagnement"]  # for its <br> and comment
    record = service_record(db, "ml-paris--accompagnement")
    assert record is not None and "<br>" not in record["service"]["description_texte"]


# --- 5. Paris, Lyon, Marseille ----------------------------------------------------------------


def test_arrondissement_and_city_are_the_same_place_both_ways(real_db: Database) -> None:
    search = DirectorySearch(real_db)
    in_10e = search.search("", SearchFilters(commune="75110"), limit=50)
    assert "ml-paris--accompagnement" in {h.summary.service_id for h in in_10e}
    in_lyon = search.search("", SearchFilters(commune="69123"), limit=50)
    assert "ft-lyon-3" in {h.summary.structure_id for h in in_lyon}  # coded 69383
    geo = geography()
    assert geo.same_place("75110", "75056") and geo.same_place("13055", "13201")
    assert not geo.same_place("75110", "69123")


def test_suggestion_reasons_say_in_your_commune_for_the_city(real_db: Database) -> None:
    profile = VisitorProfile(
        commune="75110", statut="demandeur-emploi", besoins=(NEED,), age=20, at=SUNDAY_3AM
    )
    suggestions = Suggester(real_db).suggest(profile, limit=10)
    ml = next(s for s in suggestions if s.summary.service_id == "ml-paris--accompagnement")
    assert ml.signals.proximity == 3
    assert ml.signals.distance_km is not None and ml.signals.distance_km < 5
    assert not any("intercommunalité" in r for r in ml.reasons)


# --- 7. forgiving search ---------------------------------------------------------------------


def test_one_typo_on_a_long_word_is_forgiven(real_db: Database) -> None:
    search = DirectorySearch(real_db)
    hits = search.search("mision locale")
    assert hits and hits[0].summary.structure_id == "ml-paris"
    assert not search.search("cip")  # short words must match exactly (cio is not cip)


def test_acronyms_find_their_networks(real_db: Database) -> None:
    search = DirectorySearch(real_db)
    assert "pij-paris-15" in {h.summary.structure_id for h in search.search("pij")}
    assert "caf-paris" in {h.summary.structure_id for h in search.search("caf")}
    assert "ml-paris" in {h.summary.structure_id for h in search.search("ML paris")}
    assert "ft-lyon-3" in {h.summary.structure_id for h in search.search("ft lyon")}


def test_exact_matches_rank_above_forgiven_ones(real_db: Database) -> None:
    hits = DirectorySearch(real_db).search("orientation", limit=50)
    exact = [h for h in hits if "orientation" in (h.summary.service_nom.lower())]
    assert exact and hits[0] in exact


# --- 8. control characters and bounded input -------------------------------------------------


def test_control_characters_are_removed_with_a_warning(real_db: Database) -> None:
    record = service_record(real_db, "asso-marseille--atelier")
    assert record is not None
    assert record["service"]["nom"] == "Atelier CV"
    assert record["structure"]["nom"] == "Association Rouge Horizon"
    assert "\x00" not in record["service"]["description"]
    report = import_directory(real_db, REAL)
    controls = [w for w in report.warnings if "caractères de contrôle" in w.message]
    assert {w.id for w in controls} == {"asso-marseille", "asso-marseille--atelier"}


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("structures.json", "[" + " " * (300 * 1024 * 1024) + "]")
        archive.writestr("services.json", "[]")


@pytest.mark.parametrize("kind", ["zip_bomb", "deep_json", "huge_number"])
def test_hostile_input_is_refused_in_french_with_exit_code_2(
    tmp_path: Path, kind: str, capsys
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "directory", "import", str(REAL), "--json"]) == 0
    if kind == "zip_bomb":
        target = tmp_path / "bombe.zip"
        _zip_bomb(target)
    else:
        target = tmp_path / "export"
        shutil.copytree(REAL, target)
        rows = json.loads((target / "services.json").read_text())
        if kind == "deep_json":
            text = json.dumps(rows)[:-1] + ", " + "[" * 100_000 + "]" * 100_000 + "]"
        else:
            rows[0]["volume_horaire_hebdomadaire"] = 0
            text = json.dumps(rows).replace(
                '"volume_horaire_hebdomadaire": 0', '"volume_horaire_hebdomadaire": ' + "9" * 5000
            )
        (target / "services.json").write_text(text)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "directory", "import", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Refusé") and "Traceback" not in err
    capsys.readouterr()
    assert main(["--data-dir", str(data), "directory", "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["services"] == 4


# --- directory show ---------------------------------------------------------------------------


def test_directory_show_a_service_and_a_lone_structure(tmp_path: Path, capsys) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "directory", "import", str(REAL), "--json"]) == 0
    capsys.readouterr()
    args = [*data, "directory", "show", "cio-lyon--orientation", "--at", "2026-12-25T10:00"]
    assert main([*args, "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert view["type"] == "service" and view["structure"]["nom"] == "CIO de Lyon Centre"
    assert view["ouvert"] is None and view["statut"] == "Jour férié\u00a0: à confirmer"
    assert view["horaires"] == ["Du lundi au vendredi\u00a0: 9\u00a0h\u00a0–\u00a017\u00a0h"]
    assert main([*data, "directory", "show", "ml-paris--accompagnement"]) == 0
    text = capsys.readouterr().out
    assert "• emploi" in text and "<br>" not in text and "**" not in text
    assert main([*data, "directory", "show", "ft-lyon-3", "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert view["type"] == "structure" and view["services"] == []
    assert main([*data, "directory", "show", "inconnu"]) == 2
    assert "Aucun service ni structure" in capsys.readouterr().err
