"""What the first-run assistant does once the agent confirms: no Qt, testable on its own.

The choices are checked as a whole before anything is written; then, in an order where the
step most likely to refuse comes first (the coordinator's identity file: a signature to check),
the desk gets its settings, its identity (``desk init``) or the coordinator its keys
(``coordinator init``), and its first agent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from spro_desk.storage.engine import Database
from spro_desk.storage.quick_read import CONFIGURED_QUERY
from spro_desk.ui.common.errors import error_text
from spro_desk.ui.common.mode import COORDINATOR_KEY_FILE, DESK_KEY_FILE
from spro_desk.ui.first_run.agent_adapter import create_first_agent, pin_problem

if TYPE_CHECKING:
    from spro_desk.directory.importer import ImportReport, ProgressCallback


class Role(StrEnum):
    DESK = "poste"  # the front desk of a site: records contacts, sends them weekly
    COORDINATOR = "coordination"  # the regional coordination: receives the desks' bundles


class SetupRefused(ValueError):
    """The choices cannot be applied; nothing was changed. French message."""


@dataclass(frozen=True)
class SiteChoice:
    nom: str
    reseau: str
    commune: str | None
    permanences: tuple[str, ...] = ()
    fuseau: str = ""  # the site's time zone (spro_desk.clock); empty: the computer's
    adresse: str = ""  # printed on the fiche de liaison with the phone
    telephone: str = ""


@dataclass(frozen=True)
class FirstRunChoices:
    role: Role
    agent_name: str
    agent_pin: str
    site: SiteChoice | None = None  # the desk's site; None for a coordination
    coordinator_identity: Path | None = None  # the file handed over by the coordination


def needs_first_run(db: Database, data_dir: Path) -> bool:
    """A new data folder: no key, no setting (site, language…), nothing recorded or imported."""
    if any((data_dir / key).exists() for key in (DESK_KEY_FILE, COORDINATOR_KEY_FILE)):
        return False
    with db.engine.connect() as connection:
        return not connection.exec_driver_sql(CONFIGURED_QUERY).scalar_one()


def problems(choices: FirstRunChoices) -> list[str]:
    """Every reason the choices cannot be applied, in French (empty: they can)."""
    found: list[str] = []
    if choices.role is Role.DESK:
        found += _site_problems(choices.site)
    if not choices.agent_name.strip():
        found.append("Indiquez le nom du premier agent.")
    problem = pin_problem(choices.agent_pin)
    if problem:
        found.append(problem)
    return found


def _site_problems(site: SiteChoice | None) -> list[str]:
    from spro_desk.coordinates import CoordinateError, format_phone
    from spro_desk.directory.networks import NETWORK_LABELS
    from spro_desk.geo import geography

    if site is None:
        return ["Décrivez le site du poste."]
    found = []
    if not site.nom.strip():
        found.append("Indiquez le nom du site.")
    if site.reseau not in NETWORK_LABELS:
        found.append("Choisissez le réseau du site dans la liste (CIO, mission locale…).")
    if site.commune is None or geography().commune(site.commune) is None:
        found.append("Choisissez la commune du site dans la liste.")
    if site.telephone.strip():
        try:
            format_phone(site.telephone, site.fuseau)
        except CoordinateError as error:
            found.append(error_text(error))
    return found


def apply_choices(db: Database, data_dir: Path, choices: FirstRunChoices) -> str:
    """Set the desk or the coordination up and return the first agent's id; raises
    SetupRefused (nothing changed) if it cannot."""
    from spro_desk.sync.identity import IdentityError

    found = problems(choices)
    if found:
        raise SetupRefused("\n".join(found))
    if not needs_first_run(db, data_dir):
        raise SetupRefused(
            "Ce dossier de données est déjà configuré : l'assistant ne modifie rien. "
            "Utilisez l'écran Paramètres."
        )
    from spro_desk.agents.accounts import AgentError

    try:
        if choices.role is Role.DESK:
            _set_up_desk(db, data_dir, choices)
        else:
            _set_up_coordinator(data_dir)
        return create_first_agent(db, choices.agent_name.strip(), choices.agent_pin)
    except (IdentityError, AgentError) as error:
        raise SetupRefused(str(error)) from error


def _set_up_desk(db: Database, data_dir: Path, choices: FirstRunChoices) -> None:
    from spro_desk.sync.coordinator_identity import trust_coordinator
    from spro_desk.sync.identity import init_desk

    site = choices.site
    assert site is not None and site.commune is not None  # checked by problems()
    if choices.coordinator_identity is not None:
        trust_coordinator(db, choices.coordinator_identity)
    init_desk(db, data_dir, site.nom, site.reseau, site.commune)
    _write_site_settings(db, site)


def _write_site_settings(db: Database, site: SiteChoice) -> None:
    """The site's settings in one transaction: all of them, or none."""
    from spro_desk.site.settings import SiteSettings

    SiteSettings(db).set_many(
        {
            "site.nom": site.nom,
            "site.reseau": site.reseau,
            "site.commune": site.commune,
            "site.permanences": list(site.permanences),
            "site.fuseau": site.fuseau,
            "site.adresse": site.adresse,
            "site.telephone": site.telephone,
        }
    )


def _set_up_coordinator(data_dir: Path) -> None:
    from spro_desk.sync.coordinator_identity import init_coordinator

    init_coordinator(data_dir)


# --- the directory the desk starts with -----------------------------------------------------


class DirectorySource(StrEnum):
    SAMPLE = "exemple"  # the sample shipped with the application
    EXPORT = "export"  # a data·inclusion export: a folder or a .zip
    SNAPSHOT = "coordination"  # a signed snapshot published by the coordinator
    LATER = "plus-tard"


@dataclass(frozen=True)
class DirectoryChoice:
    source: DirectorySource = DirectorySource.SAMPLE
    path: Path | None = None

    @property
    def needs_import(self) -> bool:
        return self.source is not DirectorySource.LATER


def import_chosen_directory(
    db: Database,
    choice: DirectoryChoice,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Import the chosen directory; the previous one (none, on a new desk) stays on failure."""
    from spro_desk.directory.importer import import_directory
    from spro_desk.resources import resource_path

    if choice.source is DirectorySource.SAMPLE:
        path = resource_path("sample-directory")
    elif choice.path is None or choice.source is DirectorySource.LATER:
        raise SetupRefused("Aucun annuaire choisi.")
    else:
        path = choice.path
    if choice.source is DirectorySource.SNAPSHOT:
        from spro_desk.sync.directory_update import install_snapshot

        result = install_snapshot(db, path, progress=progress, is_cancelled=is_cancelled)
        return result.report
    if path.suffix.lower() == ".json":  # a picked structures.json stands for its folder
        path = path.parent
    return import_directory(db, path, progress=progress, is_cancelled=is_cancelled)
