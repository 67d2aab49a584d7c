"""Directory filters as an agent uses them: typed, combined with the text, cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spro_desk.directory.catalog import service_record
from spro_desk.directory.hours import Hours
from spro_desk.directory.search import DirectorySearch, SearchFilters
from spro_desk.storage.engine import Database
from spro_desk.ui.app.main_window import MainWindow
from spro_desk.ui.common.service_results import OPEN_NOW_PAGE_SIZE, ServiceResultsModel
from spro_desk.ui.directory.view import DirectoryView

from .conftest import FIXED_NOW

ALL_SERVICES = 679


def _view(window: MainWindow) -> DirectoryView:
    window.show_screen("annuaire")
    return window.directory_view


def _ids(view: DirectoryView) -> set[str]:
    model = view.model
    return {model.service_id(row) for row in range(model.rowCount())}


def _fetch_all(model: ServiceResultsModel) -> None:
    while model.canFetchMore():
        model.fetchMore()


def _expected(db: Database, text: str = "", **filters: object) -> set[str]:
    hits = DirectorySearch(db).search(text, SearchFilters(**filters), limit=1000)  # type: ignore[arg-type]
    return {hit.summary.service_id for hit in hits}


def _choose_commune(qtbot: QtBot, view: DirectoryView, typed: str) -> None:
    field = view.filter_bar.commune
    field.setFocus()
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _choose_thematique(qtbot: QtBot, view: DirectoryView, typed: str) -> None:
    line = view.filter_bar.thematique.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_commune_thematique_and_network_combine(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    view = _view(window)
    bar = view.filter_bar
    _choose_commune(qtbot, view, "18000")  # a postal code finds Bourges
    assert bar.commune.code() == "18033"
    assert bar.commune.text() == "Bourges (18000)"
    assert _ids(view) == _expected(cvl_db, commune="18033")
    _choose_thematique(qtbot, view, "trouver un emploi")
    assert bar.thematique.code() == "trouver-un-emploi"
    bar.reseau.setFocus()
    qtbot.keyClicks(bar.reseau, "Mission")  # type-ahead in the list
    assert bar.reseau.currentData() == "mission-locale"
    expected = _expected(
        cvl_db, commune="18033", thematiques=("trouver-un-emploi",), reseau="mission-locale"
    )
    assert _ids(view) == expected and len(expected) == 5
    for row in range(view.model.rowCount()):
        summary = view.model.summary(row)
        assert summary.reseau == "mission-locale"
        record = service_record(cvl_db, summary.service_id)
        assert record is not None
        assert any(t.startswith("trouver-un-emploi") for t in record["service"]["thematiques"])
    assert view.result_count.text() == "5 services"


def test_filters_combine_with_the_text(qtbot: QtBot, window: MainWindow, cvl_db: Database) -> None:
    view = _view(window)
    _choose_commune(qtbot, view, "Bourges")
    qtbot.keyClicks(view.search_box, "engagement")
    expected = _expected(cvl_db, "engagement", commune="18033")
    qtbot.waitUntil(lambda: _ids(view) == expected)
    assert 0 < len(expected) < 30


def test_a_typed_sub_thematique_is_found_without_accents(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    view = _view(window)
    _choose_thematique(qtbot, view, "decouvrir un metier")
    code = view.filter_bar.thematique.code()
    assert code == "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"
    assert _ids(view) == _expected(cvl_db, thematiques=(code,))


def test_open_now_uses_the_window_clock_and_pages_lazily(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    view = _view(window)
    qtbot.mouseClick(view.filter_bar.open_now, Qt.MouseButton.LeftButton)
    model = view.model
    assert model.rowCount() >= OPEN_NOW_PAGE_SIZE and model.has_more
    assert view.result_count.text().endswith("la suite vient en faisant défiler.")
    _fetch_all(model)
    expected = _expected(cvl_db, open_at=FIXED_NOW)
    assert _ids(view) == expected and len(expected) == model.rowCount() < ALL_SERVICES
    for row in range(model.rowCount()):
        assert Hours.parse(model.summary(row).horaires).is_open(FIXED_NOW)
    assert view.result_count.text() == f"{len(expected)} services"


def test_remote_and_public_filters(qtbot: QtBot, window: MainWindow, cvl_db: Database) -> None:
    view = _view(window)
    bar = view.filter_bar
    qtbot.mouseClick(bar.remote, Qt.MouseButton.LeftButton)
    assert _ids(view) == _expected(cvl_db, mode_accueil="a-distance")
    assert all("a-distance" in view.model.summary(r).modes_accueil for r in range(50))
    bar.public.setCurrentIndex(bar.public.findData("decrocheur"))  # a SPRO statut
    assert _ids(view) == _expected(cvl_db, mode_accueil="a-distance", public="decrocheur")


def test_clearing_restores_the_full_list(qtbot: QtBot, window: MainWindow) -> None:
    view = _view(window)
    bar = view.filter_bar
    assert not bar.clear_button.isEnabled()
    _choose_commune(qtbot, view, "Bourges")
    qtbot.mouseClick(bar.remote, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.open_now, Qt.MouseButton.LeftButton)
    assert bar.is_active() and view.model.rowCount() < 30
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == ALL_SERVICES
    assert view.result_count.text() == "679 services"
    assert not bar.is_active() and not bar.clear_button.isEnabled()
    assert bar.commune.text() == "" and bar.commune.code() is None
    assert not bar.open_now.isChecked() and not bar.remote.isChecked()


def test_no_match_with_filters_says_so(qtbot: QtBot, window: MainWindow) -> None:
    view = _view(window)
    _choose_commune(qtbot, view, "Bourges")
    qtbot.keyClicks(view.search_box, "zzzqqq")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.result_count.text() == (
        "Aucun service ne correspond à cette recherche avec ces filtres."
    )


def test_an_unknown_commune_does_not_filter(qtbot: QtBot, window: MainWindow) -> None:
    view = _view(window)
    _choose_commune(qtbot, view, "zzzqqq")
    assert view.filter_bar.commune.is_unresolved()
    assert view.model.rowCount() == ALL_SERVICES


def test_filters_are_named_and_reached_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    view = _view(window)
    bar = view.filter_bar
    controls = (bar.commune, bar.thematique, bar.public, bar.reseau, bar.open_now, bar.remote,
                bar.clear_button)  # fmt: skip
    assert all(control.accessibleName() for control in controls)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.search_box.setFocus()
    qtbot.keyClick(view.search_box, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(bar.commune.hasFocus)
    qtbot.keyClick(bar.commune, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(bar.open_now.isChecked)  # a mnemonic animates the click first


def test_the_detail_shows_what_the_visitor_needs(
    qtbot: QtBot, window: MainWindow, cvl_db: Database
) -> None:
    view = _view(window)
    # keyClicks types ASCII only; the search ignores accents anyway.
    qtbot.keyClicks(view.search_box, "personnes handicapees cap emploi cher")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    text = view.detail.toPlainText()  # non-breaking spaces come back as spaces
    assert text.startswith("Accompagnement vers l'emploi des personnes handicapées")
    for expected in (
        "Accessibilité : https://acceslibre.beta.gouv.fr/app/18-bourges/a/cap-emploi/",
        "Conditions d'accès",
        "Reconnaissance de la qualité de travailleur handicapé (RQTH)",
        "Frais : Gratuit",
        "Statuts accueillis : Demandeur d'emploi, Salarié, Indépendant",
        "Horaires",
        "Zone d'éligibilité",
        "Mise à jour",
        "Téléphone : ",
        "Courriel : ",
    ):
        assert expected in text
    status = text.split("Horaires\n", 1)[1].splitlines()[0]
    assert status.startswith(("Ouvert", "Fermé"))


def test_a_commune_is_picked_from_the_suggestions(qtbot: QtBot, window: MainWindow) -> None:
    view = _view(window)
    field = view.filter_bar.commune
    field.setFocus()
    qtbot.keyClicks(field, "Bourg")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    labels = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert "Bourges (18000)" in labels and "Bourg (33710)" in labels
    with qtbot.waitSignal(field.commune_changed) as picked:
        for _ in range(labels.index("Bourges (18000)") + 1):
            qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picked.args == ["18033"]
    assert field.text() == "Bourges (18000)"
