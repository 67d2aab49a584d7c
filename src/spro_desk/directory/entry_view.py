"""One directory entry as an agent reads it: for `spro-desk directory show ID`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from spro_desk.clock import partner_clock
from spro_desk.directory.catalog import entry_record
from spro_desk.directory.hours import Hours
from spro_desk.directory.networks import network_label
from spro_desk.directory.source import DirectoryImportError
from spro_desk.storage.engine import Database


class EntryNotFound(DirectoryImportError):
    """No service nor structure has this id."""


def _address(row: dict[str, Any]) -> str:
    parts = (row.get("adresse"), row.get("complement_adresse"))
    town = " ".join(filter(None, (row.get("code_postal"), row.get("commune"))))
    return ", ".join(filter(None, (*parts, town)))


def entry_view(db: Database, entry_id: str, at: datetime) -> dict[str, Any]:
    """A service (or a structure) with its hours in French, whether it is open at `at`, and
    its description as plain text. Raises EntryNotFound with a French message."""
    record = entry_record(db, entry_id)
    if record is None:
        raise EntryNotFound(f"Aucun service ni structure « {entry_id} » dans l'annuaire.")
    service, structure = record["service"], record["structure"]
    own = service if service is not None else structure
    raw_hours = own.get("horaires_accueil") or structure.get("horaires_accueil")
    hours = Hours.parse(raw_hours)
    code_insee = own.get("code_insee") or structure.get("code_insee")
    view: dict[str, Any] = {
        "type": "service" if service is not None else "structure",
        "id": own["id"],
        "nom": own["nom"],
        "structure": {"id": structure["id"], "nom": structure["nom"]},
        "reseau": network_label(structure.get("reseau")) if structure.get("reseau") else None,
        "adresse": _address(own) or _address(structure),
        "telephone": own.get("telephone") or structure.get("telephone"),
        "courriel": own.get("courriel") or structure.get("courriel"),
        "site_web": structure.get("site_web"),
        "horaires": hours.describe_fr(),
        "horaires_source": raw_hours,
        "moment": at.isoformat(timespec="minutes"),
        "ouvert": hours.is_open(partner_clock(at, code_insee)),
        "statut": hours.status_fr(at, code_insee),
        "description": own.get("description_texte") or "",
    }
    if service is None:
        view["services"] = record.get("services", [])
    return view
