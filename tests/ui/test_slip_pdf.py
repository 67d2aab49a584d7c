"""The fiche de liaison as a PDF, read back: where, when, hours, and nothing interpreted."""

from __future__ import annotations

import copy
import dataclasses
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from spro_desk.contacts.model import PersonalDataInput
from spro_desk.directory.importer import import_directory
from spro_desk.orientation.slip import ReferralSlip, build_slip
from spro_desk.storage.engine import Database
from spro_desk.ui.orientation.slip_pdf import render_slip_pdf, slip_html

from .conftest import FIXED_NOW, cvl_rows, write_directory

CAP_EMPLOI = "spro-annuaire--cap-emploi-cher--1"
HOSTILE = "<b>x</b>"
A5_POINTS = (148 / 25.4 * 72, 210 / 25.4 * 72)
A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)


def pdf_text(path: Path) -> str:
    """All pages' text with runs of white space (tabs, no-break spaces) made one space."""
    pages = PdfReader(path).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def page_size(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)


def _slip(db: Database, **options: object) -> ReferralSlip:
    slip = build_slip(db, CAP_EMPLOI, **options)  # type: ignore[arg-type]
    assert slip is not None
    return slip


def test_the_pdf_says_where_when_and_the_hours(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    slip = _slip(cvl_db, rdv_at=datetime(2026, 11, 18, 10, 0))
    path = render_slip_pdf(slip, tmp_path / "fiche.pdf")
    text = pdf_text(path)
    assert text.startswith("Fiche de liaison")
    for expected in (
        "Cap emploi Cher",
        "Accompagnement vers l'emploi des personnes handicapées",
        "105 rue du Général de Gaulle",
        "18000 Bourges",
        "Rendez-vous le mercredi 18 novembre 2026 à 10 h 00",
        "Du lundi au jeudi : 9 h – 12 h 30, 13 h 30 – 17 h 30",
        "Fermé les jours fériés",
        "Téléphone : 01 05 71 72 79",
        "Reconnaissance de la qualité de travailleur handicapé (RQTH)",
        "acceslibre.beta.gouv.fr",
        "Service public régional de l'orientation (SPRO)",
    ):
        assert expected in text, expected
    assert page_size(path) == pytest.approx(A4_POINTS, abs=1)
    assert not list(tmp_path.glob(".*.part")), "no partial file left behind"


def test_without_appointment_the_person_comes_during_opening_hours(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    text = pdf_text(render_slip_pdf(_slip(cvl_db), tmp_path / "fiche.pdf"))
    assert "Sans rendez-vous : présentez-vous aux horaires d'ouverture" in text


def test_a5_gives_an_a5_page(qapp: QApplication, cvl_db: Database, tmp_path: Path) -> None:
    path = render_slip_pdf(_slip(cvl_db), tmp_path / "fiche.pdf", page_size="A5")
    assert page_size(path) == pytest.approx(A5_POINTS, abs=1)
    assert len(PdfReader(path).pages) == 1
    assert "105 rue du Général de Gaulle" in pdf_text(path)


def test_the_name_is_printed_only_when_the_slip_carries_it(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    anonymous = pdf_text(render_slip_pdf(_slip(cvl_db), tmp_path / "a.pdf"))
    named_slip = _slip(cvl_db, person=PersonalDataInput(nom="Camille Martin", telephone="0600"))
    named = pdf_text(render_slip_pdf(named_slip, tmp_path / "b.pdf"))
    assert "Camille" not in anonymous and "Pour :" not in anonymous
    assert "Pour : Camille Martin" in named
    assert "0600" not in named  # the name only: the phone stays on the desk


def test_rendering_works_off_the_ui_thread(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    slip, done = _slip(cvl_db), []
    worker = threading.Thread(
        target=lambda: done.append(render_slip_pdf(slip, tmp_path / "t.pdf", "A5"))
    )
    worker.start()
    worker.join(timeout=30)
    assert done and "Cap emploi Cher" in pdf_text(done[0])


def test_an_unwritable_place_raises_an_os_error(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    with pytest.raises(OSError):
        render_slip_pdf(_slip(cvl_db), tmp_path / "absent" / "fiche.pdf")


@pytest.fixture
def hostile_db(tmp_path: Path) -> Iterator[Database]:
    structure = copy.deepcopy(
        next(s for s in cvl_rows("structures.json") if s["id"] == "spro-annuaire--cap-emploi-cher")
    )
    service = copy.deepcopy(next(s for s in cvl_rows("services.json") if s["id"] == CAP_EMPLOI))
    structure["nom"] = f"{HOSTILE} Cap emploi"
    service["adresse"] = "<img src=x> 1 rue & co"
    service["conditions_acces"] = "<a href='https://example.org'>lien</a>"
    folder = write_directory(tmp_path / "hostile", [structure], [service])
    database = Database(tmp_path / "hostile.sqlite")
    import_directory(database, folder)
    yield database
    database.close()


def test_directory_markup_stays_literal(
    qapp: QApplication, hostile_db: Database, tmp_path: Path
) -> None:
    slip = _slip(hostile_db)
    html = slip_html(slip)
    assert "<b>x</b>" not in html and "<img" not in html and "<a " not in html
    text = pdf_text(render_slip_pdf(slip, tmp_path / "fiche.pdf"))
    assert f"{HOSTILE} Cap emploi" in text
    assert "<img src=x> 1 rue & co" in text
    assert "<a href='https://example.org'>lien</a>" in text


def test_the_issue_date_is_the_slips(qapp: QApplication, cvl_db: Database, tmp_path: Path) -> None:
    slip = dataclasses.replace(_slip(cvl_db), issued_at=FIXED_NOW)
    text = pdf_text(render_slip_pdf(slip, tmp_path / "fiche.pdf", issuer="CIO de Bourges"))
    assert "Fiche remise le mardi 10 mars 2026 par CIO de Bourges." in text


def emoji_glyphs(path: Path) -> int:
    """How many glyphs (besides the empty .notdef box) the PDF draws from the emoji font."""
    glyphs = 0
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in (f.get_object() for f in fonts.values()):
            if str(font["/BaseFont"]).lstrip("/").split("+")[-1] != "Symbola":
                continue
            widths = font["/DescendantFonts"][0].get_object().get("/W", [])
            # [first CID, [widths…]] runs; CID 0 is .notdef
            for first, run in zip(widths[::2], widths[1::2], strict=True):
                glyphs += sum(1 for cid in range(first, first + len(run)) if cid)
    return glyphs


def test_emoji_of_the_directory_are_printed_not_empty_boxes(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    slip = dataclasses.replace(_slip(cvl_db), structure_nom="Cap emploi 📞 ✅ 👉")
    path = render_slip_pdf(slip, tmp_path / "fiche.pdf")
    # Each emoji is a glyph of the bundled emoji font, embedded in the PDF: without it, the
    # text font draws its .notdef box and no emoji font is embedded at all.
    assert emoji_glyphs(path) == 3
    assert "✅" in pdf_text(path)  # Qt maps the characters of the first plane back to text


def test_a_reunion_desks_fiche_tells_a_mainland_partners_time_and_hours_as_its_own(
    qapp: QApplication, cvl_db: Database, tmp_path: Path
) -> None:
    """Booked at 12:00 in Saint-Denis for a Bourges partner (10:00 there, on summer time since
    the day before), the fiche said « à 12 h 00 » beside « 9 h – 12 h 30 », unmarked."""
    from datetime import UTC

    from spro_desk import clock

    clock.use_zone("Indian/Reunion")
    slip = _slip(cvl_db, rdv_at=datetime(2026, 3, 30, 8, 0, tzinfo=UTC))
    text = pdf_text(render_slip_pdf(slip, tmp_path / "fiche.pdf"))
    assert "Rendez-vous le lundi 30 mars 2026 à 12 h 00 (10 h 00, heure locale du service)" in text
    assert "Horaires d'ouverture (heures locales du service)" in text
    clock.use_zone("Europe/Paris")  # a mainland desk: as before
    text = pdf_text(render_slip_pdf(slip, tmp_path / "fiche-cher.pdf"))
    assert "Rendez-vous le lundi 30 mars 2026 à 10 h 00." in text and "heure" not in text
