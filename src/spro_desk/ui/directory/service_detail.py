"""The detail pane's content: what the directory says about one service, as plain-text sections.

Directory text comes from outside (any partner can publish a name like ``<img src=x>``): it is
only ever inserted with ``QTextCursor.insertText``, which never interprets markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from spro_desk.directory.hours import Hours
from spro_desk.directory.networks import network_label
from spro_desk.geo import Geography
from spro_desk.ui.common.formatting import (
    french_date,
    one_line,
    opening_status,
    opening_week,
    paragraph,
    phone,
)
from spro_desk.ui.common.labels import statut_labels
from spro_desk.vocab import modes_accueil, need_label, publics

# Beyond this, a zone list buries the rest of the sheet; the count of the others is given.
MAX_ZONES_SHOWN = 12


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ServiceDetail:
    title: str
    subtitle: str
    sections: tuple[Section, ...]

    def plain_text(self) -> str:
        parts = [self.title, self.subtitle]
        for section in self.sections:
            parts.extend([section.heading, *section.lines])
        return "\n".join(parts)


def _labelled(label: str, value: str) -> str | None:
    return f"{label}\u00a0: {value}" if value else None


def _address_lines(row: dict[str, Any]) -> list[str]:
    town = " ".join(
        p for p in (one_line(row.get("code_postal")), one_line(row.get("commune"))) if p
    )
    lines = [one_line(row.get("adresse")), one_line(row.get("complement_adresse")), town]
    return [line for line in lines if line]


def _place_lines(service: dict[str, Any], structure: dict[str, Any]) -> list[str]:
    # acceslibre describes the building: it is the structure's, shown as text to copy.
    access = _labelled(
        QCoreApplication.translate("ServiceDetail", "Accessibilité"),
        one_line(structure.get("accessibilite_lieu")),
    )
    modes = _labelled(
        QCoreApplication.translate("ServiceDetail", "Accueil"),
        _joined(service.get("modes_accueil"), lambda c: modes_accueil().get(c, c)),
    )
    lines = [*(_address_lines(service) or _address_lines(structure)), modes, access]
    return [line for line in lines if line]


def _joined(codes: list[str] | None, label: Any) -> str:
    return ", ".join(_labels(codes, label))


def _contact_lines(row: dict[str, Any]) -> list[str]:
    lines = [
        _labelled(QCoreApplication.translate("ServiceDetail", "Contact"),
                  one_line(row.get("contact_nom_prenom"))),
        _labelled(QCoreApplication.translate("ServiceDetail", "Téléphone"),
                  phone(row.get("telephone"))),
        _labelled(QCoreApplication.translate("ServiceDetail", "Courriel"),
                  one_line(row.get("courriel"))),
        _labelled(QCoreApplication.translate("ServiceDetail", "Site web"),
                  one_line(row.get("site_web"))),
    ]  # fmt: skip
    return [line for line in lines if line]


def _hours_lines(service: dict[str, Any], structure: dict[str, Any], now: datetime) -> list[str]:
    hours = Hours.parse(service.get("horaires_accueil") or structure.get("horaires_accueil"))
    code_insee = service.get("code_insee") or structure.get("code_insee")
    # The status is told on the desk's clock, the week on the service's own.
    return [opening_status(hours, now, code_insee), *opening_week(hours, code_insee)]


def _labels(codes: list[str] | None, label: Any) -> list[str]:
    return [one_line(label(code)) for code in codes or []]


def _age_line(service: dict[str, Any]) -> str:
    low, high = service.get("age_min"), service.get("age_max")
    if low is not None and high is not None:
        text = QCoreApplication.translate("ServiceDetail", "De {low} à {high} ans")
    elif low is not None:
        text = QCoreApplication.translate("ServiceDetail", "À partir de {low} ans")
    elif high is not None:
        text = QCoreApplication.translate("ServiceDetail", "Jusqu'à {high} ans")
    else:
        return ""
    return text.format(low=low, high=high)


def _publics_lines(service: dict[str, Any]) -> list[str]:
    labels = publics()
    statuts = _labelled(
        QCoreApplication.translate("ServiceDetail", "Statuts accueillis"),
        _joined(service.get("spro_publics"), lambda c: statut_labels().get(c, c)),
    )
    return [
        *_labels(service.get("publics"), lambda c: labels.get(c, c)),
        statuts or "",
        _age_line(service),
        one_line(service.get("publics_precisions")),
    ]


def _fees_label(code: str) -> str:
    labels = {
        "gratuit": QCoreApplication.translate("ServiceDetail", "Gratuit"),
        "payant": QCoreApplication.translate("ServiceDetail", "Payant"),
    }
    return labels.get(code, one_line(code))


def _access_lines(service: dict[str, Any]) -> list[str]:
    fees = service.get("frais")
    fees_line = _labelled(
        QCoreApplication.translate("ServiceDetail", "Frais"), _fees_label(fees) if fees else ""
    )
    return [
        paragraph(service.get("conditions_acces")),
        fees_line or "",
        paragraph(service.get("frais_precisions")),
    ]


def _zone_lines(codes: list[str] | None, geo: Geography) -> list[str]:
    labels = sorted({one_line(geo.zone_label(code)) for code in codes or []})
    if len(labels) <= MAX_ZONES_SHOWN:
        return labels
    others = len(labels) - MAX_ZONES_SHOWN
    more = QCoreApplication.translate("ServiceDetail", "… et {n} autres zones").format(n=others)
    return [*labels[:MAX_ZONES_SHOWN], more]


def _update_lines(service: dict[str, Any], structure: dict[str, Any]) -> list[str]:
    lines = [
        _labelled(QCoreApplication.translate("ServiceDetail", "Service"),
                  french_date(service.get("date_maj"))),
        _labelled(QCoreApplication.translate("ServiceDetail", "Structure"),
                  french_date(structure.get("date_maj"))),
    ]  # fmt: skip
    return [line for line in lines if line]


def _service_sections(
    service: dict[str, Any], structure: dict[str, Any], now: datetime, geo: Geography
) -> list[Section]:
    # Literal translate() calls: lupdate extracts nothing from an alias.
    headed = (
        (QCoreApplication.translate("ServiceDetail", "Présentation"),
         [paragraph(service.get("description_texte", service.get("description")))]),
        (QCoreApplication.translate("ServiceDetail", "Lieu d'accueil"),
         _place_lines(service, structure)),
        (QCoreApplication.translate("ServiceDetail", "Contact du service"),
         _contact_lines(service)),
        (QCoreApplication.translate("ServiceDetail", "Horaires"),
         _hours_lines(service, structure, now)),
        (QCoreApplication.translate("ServiceDetail", "Publics"), _publics_lines(service)),
        (QCoreApplication.translate("ServiceDetail", "Conditions d'accès"),
         _access_lines(service)),
        (QCoreApplication.translate("ServiceDetail", "Thématiques"),
         _labels(service.get("thematiques"), need_label)),
        (QCoreApplication.translate("ServiceDetail", "Zone d'éligibilité"),
         _zone_lines(service.get("zone_eligibilite"), geo)),
    )  # fmt: skip
    return [Section(heading, tuple(lines)) for heading, lines in headed]


def _structure_section(structure: dict[str, Any]) -> Section:
    network = structure.get("reseau")
    lines = [
        one_line(structure.get("nom")),
        _labelled(
            QCoreApplication.translate("ServiceDetail", "Réseau"),
            network_label(network) if network else "",
        ),
        *_address_lines(structure),
        *_contact_lines(structure),
    ]
    return Section(
        QCoreApplication.translate("ServiceDetail", "Structure"),
        tuple(line for line in lines if line),
    )


def build_detail(record: dict[str, Any], now: datetime, geo: Geography) -> ServiceDetail:
    """Sections for `service_record`'s result; empty sections are left out."""
    service, structure = record["service"], record["structure"]
    sections = [
        *_service_sections(service, structure, now, geo),
        _structure_section(structure),
        Section(
            QCoreApplication.translate("ServiceDetail", "Mise à jour"),
            tuple(_update_lines(service, structure)),
        ),
    ]
    kept = tuple(Section(s.heading, tuple(line for line in s.lines if line)) for s in sections)
    return ServiceDetail(
        title=one_line(service.get("nom")),
        subtitle=one_line(structure.get("nom")),
        sections=tuple(s for s in kept if s.lines),
    )


# --- rendering --------------------------------------------------------------------------------


def _char_format(base: QFont, *, bold: bool = False, scale: float = 1.0) -> QTextCharFormat:
    text_format = QTextCharFormat()
    font = QFont(base)
    font.setBold(bold)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    text_format.setFont(font)
    return text_format


def _block(top_margin: float, heading: int = 0) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setTopMargin(top_margin)
    # A heading level, not only bold: the document's structure (HTML <h2>/<h3>, Markdown ##)
    # says which lines are headings (RGAA 9.1).
    block.setHeadingLevel(heading)
    return block


def render_detail(detail: ServiceDetail | None, document: QTextDocument, empty_text: str) -> None:
    """Replace the document's content; every string goes in as plain text."""
    document.clear()
    cursor = QTextCursor(document)
    base = document.defaultFont()
    if detail is None:
        cursor.insertText(empty_text, _char_format(base))
        return
    cursor.setBlockFormat(_block(0, heading=2))
    cursor.insertText(detail.title, _char_format(base, bold=True, scale=1.3))
    cursor.insertBlock(_block(2), _char_format(base))
    cursor.insertText(detail.subtitle, _char_format(base, scale=1.1))
    for section in detail.sections:
        cursor.insertBlock(_block(10, heading=3), _char_format(base, bold=True))
        cursor.insertText(section.heading)
        for line in section.lines:
            cursor.insertBlock(_block(0), _char_format(base))
            cursor.insertText(line)
