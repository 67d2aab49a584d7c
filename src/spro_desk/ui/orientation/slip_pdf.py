"""The fiche de liaison on paper: a ReferralSlip laid out with QTextDocument, to PDF or printer.

Its words are the interface's (context "SlipPdf" of the catalogue): an English desk prints an
English slip. Usable without any widget and from a worker thread (QTextDocument and QPdfWriter
are reentrant): `render_slip_pdf` is what the background runner calls. Every value that comes
from the directory or the person is escaped before it enters the HTML: a partner named
``<b>x</b>`` prints those characters as they are, never bold text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from spro_desk.clock import partner_clock, place_zone
from spro_desk.orientation.slip import ReferralSlip
from spro_desk.storage.files import Durability, write_atomically
from spro_desk.text import strip_bidi_controls
from spro_desk.ui.common.dates import (
    clock_time_fr,
    local_wall_clock,
    long_date_fr,
    long_datetime_fr,
)
from spro_desk.ui.common.emoji_font import install_emoji_font
from spro_desk.ui.common.formatting import hours_words, phone

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
}
# A5 is half an A4 sheet: smaller margins and type keep the slip on one page.
_MARGINS_MM = {"A4": 18.0, "A5": 10.0}
_FONT_POINTS = {"A4": 11.0, "A5": 9.0}
PDF_RESOLUTION = 300
_STYLE = (
    "h1 { font-size: x-large; margin-bottom: 4px; }"
    "h2 { font-size: medium; margin-top: 12px; margin-bottom: 2px; }"
    "p { margin-top: 0px; margin-bottom: 2px; }"
    ".small { font-size: small; }"
)


def _text(value: object) -> str:
    """Outside text made inert: bidi controls dropped, markup characters escaped."""
    return html.escape(strip_bidi_controls(str(value)).strip())


def _lines(values: Iterable[object]) -> str:
    return "<br>".join(_text(value) for value in values if value)


def _section(heading: str, body: str) -> str:
    return f"<h2>{_text(heading)}</h2><p>{body}</p>" if body else ""


def _labelled(label: str, value: str | None) -> str | None:
    return (
        QCoreApplication.translate("SlipPdf", "{label}\u00a0: {value}").format(
            label=label, value=value
        )
        if value
        else None
    )


def _where(slip: ReferralSlip) -> str:
    names = f"<b>{_text(slip.structure_nom)}</b><br>{_text(slip.service_nom)}"
    address = _lines(slip.address_lines)
    return _section(
        QCoreApplication.translate("SlipPdf", "Où aller"),
        f"{names}<br>{address}" if address else names,
    )


def _when(slip: ReferralSlip) -> str:
    if slip.rdv_at is None:
        text = QCoreApplication.translate(
            "SlipPdf", "Sans rendez-vous\u00a0: présentez-vous aux horaires d'ouverture."
        )
    elif place_zone(slip.code_insee) is None:
        text = QCoreApplication.translate("SlipPdf", "Rendez-vous le {moment}.").format(
            moment=long_datetime_fr(slip.rdv_at)
        )
    else:  # a partner on another clock (a Réunion desk, a Bourges partner): both times
        there = partner_clock(local_wall_clock(slip.rdv_at), slip.code_insee)
        text = QCoreApplication.translate(
            "SlipPdf", "Rendez-vous le {moment} ({time}, heure locale du service)."
        ).format(moment=long_datetime_fr(slip.rdv_at), time=clock_time_fr(there))
    return _section(QCoreApplication.translate("SlipPdf", "Quand"), f"<b>{_text(text)}</b>")


def _hours(slip: ReferralSlip) -> str:
    heading = QCoreApplication.translate("SlipPdf", "Horaires d'ouverture")
    lines = slip.hours.describe(hours_words)
    if lines and place_zone(slip.code_insee) is not None:
        heading = QCoreApplication.translate(
            "SlipPdf", "Horaires d'ouverture (heures locales du service)"
        )
    return _section(heading, _lines(lines))


def _contact(slip: ReferralSlip) -> str:
    lines = [
        _labelled(
            QCoreApplication.translate("SlipPdf", "Téléphone"),
            phone(slip.telephone) if slip.telephone else None,
        ),
        _labelled(QCoreApplication.translate("SlipPdf", "Courriel"), slip.courriel),
        _labelled(QCoreApplication.translate("SlipPdf", "Site web"), slip.site_web),
    ]
    return _section(QCoreApplication.translate("SlipPdf", "Contact"), _lines(lines))


def _to_bring(slip: ReferralSlip) -> str:
    return _section(
        QCoreApplication.translate("SlipPdf", "À prévoir, à apporter"), _lines(slip.to_bring)
    )


def _accessibility(slip: ReferralSlip) -> str:
    line = _labelled(
        QCoreApplication.translate("SlipPdf", "Accessibilité du lieu"), slip.accessibilite
    )
    return _section(QCoreApplication.translate("SlipPdf", "Accessibilité"), _lines([line]))


def _person(slip: ReferralSlip) -> str:
    # The slip only carries a person when the contact's consent was recorded.
    name = slip.person.nom if slip.person is not None else None
    line = _labelled(QCoreApplication.translate("SlipPdf", "Pour"), name)
    return f"<p>{_lines([line])}</p>" if line else ""


def _need(slip: ReferralSlip) -> str:
    return _section(
        QCoreApplication.translate("SlipPdf", "Motif de l'orientation"), _lines(slip.besoins)
    )


def _sender(slip: ReferralSlip) -> str:
    if slip.sender is None:
        return ""
    lines = [slip.sender.nom, slip.sender.adresse]
    lines.append(
        _labelled(QCoreApplication.translate("SlipPdf", "Téléphone"), slip.sender.telephone)
    )
    return _section(QCoreApplication.translate("SlipPdf", "Orienté par"), _lines(lines))


def _footer(slip: ReferralSlip, issuer: str | None) -> str:
    issued = QCoreApplication.translate("SlipPdf", "Fiche remise le {date}").format(
        date=long_date_fr(slip.issued_at.date())
    )
    if issuer:
        issued = QCoreApplication.translate("SlipPdf", "{issued} par {issuer}").format(
            issued=issued, issuer=issuer
        )
    mention = QCoreApplication.translate(
        "SlipPdf",
        "Service public régional de l'orientation (SPRO)\u00a0: information et conseil gratuits "
        "sur les métiers, les formations et l'emploi, pour tous les publics.",
    )
    return f'<hr><p class="small">{_text(issued + ".")}<br>{_text(mention)}</p>'


def slip_html(slip: ReferralSlip, issuer: str | None = None) -> str:
    """The slip as HTML where only our own tags are markup."""
    title = QCoreApplication.translate("SlipPdf", "Fiche de liaison")
    parts = [
        f"<h1>{_text(title)}</h1>",
        _person(slip),
        _need(slip),
        _where(slip),
        _when(slip),
        _hours(slip),
        _contact(slip),
        _to_bring(slip),
        _accessibility(slip),
        _sender(slip),
        _footer(slip, issuer),
    ]
    return "".join(part for part in parts if part)


def slip_document(
    slip: ReferralSlip, page_size: str = "A4", issuer: str | None = None
) -> QTextDocument:
    install_emoji_font()  # a partner's « 📞 » printed, not an empty box
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(_FONT_POINTS.get(page_size, _FONT_POINTS["A4"]))
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_STYLE)
    document.setHtml(slip_html(slip, issuer))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        QCoreApplication.translate("SlipPdf", "Fiche de liaison"),
    )
    return document


def page_layout(page_size: str) -> QPageLayout:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"Unknown page size {page_size!r}: A4 or A5")
    margin = _MARGINS_MM[page_size]
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin, margin, margin, margin),
        QPageLayout.Unit.Millimeter,
    )


def print_slip(
    slip: ReferralSlip, device: QPagedPaintDevice, page_size: str = "A4", issuer: str | None = None
) -> None:
    """Lay the slip out on a PDF writer or a printer whose page layout is set here."""
    device.setPageLayout(page_layout(page_size))
    document = slip_document(slip, page_size, issuer)
    # Laid out for the device itself and paginated by us: Qt then neither rescales the fonts
    # nor adds its own 2 cm margins and page numbers.
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(device.width(), device.height()))
    document.print_(device)


def render_slip_pdf(
    slip: ReferralSlip, path: Path, page_size: str = "A4", issuer: str | None = None
) -> Path:
    """Write the slip to `path`; an existing file is only replaced by a complete one."""

    def write(partial: Path) -> None:
        # QPdfWriter reports an unwritable file only as a console warning: an OSError here
        # lets the dialog tell the agent to choose another folder.
        with partial.open("wb"):
            pass
        writer = QPdfWriter(str(partial))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(QCoreApplication.translate("SlipPdf", "Fiche de liaison"))
        writer.setCreator("SPRO Desk")
        print_slip(slip, writer, page_size, issuer)
        del writer  # releases the file: Windows cannot replace a file still open

    # A slip can be printed again: complete or absent is enough.
    return write_atomically(Path(path), write, Durability.REPLACED)
