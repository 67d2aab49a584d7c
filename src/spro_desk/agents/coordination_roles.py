"""Who may do what at the coordination (issue 19). The rules are data: the window greys out what
a role may not do, and the domain refuses it regardless (`require_coordination`).

A coordination without any account yet (just set up, or one person as before issue 19) is in its
set-up phase: nobody to sign in, nothing refused on that ground. As soon as one account exists,
every action needs a signed-in account whose role allows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spro_desk.storage.engine import Database, one_per_database


class CoordinationRole(StrEnum):
    COORDINATEUR = "coordinateur"
    CHARGE_ETUDES = "charge-etudes"
    LECTURE = "lecture"


class CoordinationPermission(StrEnum):
    VIEW = "consulter"  # figures, desks, alerts, the audit trail; export bilans
    IMPORT = "importer"  # import bundles, collect them automatically, send acknowledgements
    HANDLE_ALERTS = "traiter-alertes"
    MANAGE_DESKS = "gerer-postes"  # register, revoke, reinstate
    PUBLISH_DIRECTORY = "publier-annuaire"
    CLOSE_PERIOD = "clore-periode"  # and publish the bilans of a period
    MANAGE_ACCOUNTS = "gerer-comptes"


ROLE_LABELS: dict[CoordinationRole, str] = {
    CoordinationRole.COORDINATEUR: "Coordinateur·rice",
    CoordinationRole.CHARGE_ETUDES: "Chargé·e d'études",
    CoordinationRole.LECTURE: "Lecture seule",
}

_DATA_OFFICER = frozenset(
    {
        CoordinationPermission.VIEW,
        CoordinationPermission.IMPORT,
        CoordinationPermission.HANDLE_ALERTS,
    }
)
ROLE_PERMISSIONS: dict[CoordinationRole, frozenset[CoordinationPermission]] = {
    CoordinationRole.LECTURE: frozenset({CoordinationPermission.VIEW}),
    CoordinationRole.CHARGE_ETUDES: _DATA_OFFICER,
    CoordinationRole.COORDINATEUR: frozenset(CoordinationPermission),
}

PERMISSION_LABELS: dict[CoordinationPermission, str] = {
    CoordinationPermission.VIEW: "consulter les chiffres",
    CoordinationPermission.IMPORT: "importer les envois des postes",
    CoordinationPermission.HANDLE_ALERTS: "traiter les alertes",
    CoordinationPermission.MANAGE_DESKS: "enregistrer, révoquer ou réintégrer un poste",
    CoordinationPermission.PUBLISH_DIRECTORY: "publier l'annuaire",
    CoordinationPermission.CLOSE_PERIOD: "clore une période",
    CoordinationPermission.MANAGE_ACCOUNTS: "gérer les comptes de la coordination",
}


def can(role: CoordinationRole | str, permission: CoordinationPermission) -> bool:
    return permission in ROLE_PERMISSIONS.get(CoordinationRole(role), frozenset())


def roles_allowed(permission: CoordinationPermission) -> list[CoordinationRole]:
    """The roles that may, most restricted first (the one to name in a refusal)."""
    return [role for role in reversed(CoordinationRole) if can(role, permission)]


@dataclass(frozen=True)
class CoordinatorView:
    id: str
    nom: str
    role: CoordinationRole
    active: bool = True

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "nom": self.nom, "role": str(self.role), "actif": self.active}


class CoordinationDenied(PermissionError):
    """The account signed in (or nobody) may not do this; the message is French."""


class CoordinationSession:
    """Who is signed in to this open coordination database (the window, one command)."""

    def __init__(self, db: Database) -> None:
        self.account: CoordinatorView | None = None


coordination_session = one_per_database(CoordinationSession)


def denied_message(permission: CoordinationPermission, role: CoordinationRole | None) -> str:
    needed = " ou ".join(f"« {ROLE_LABELS[r]} »" for r in roles_allowed(permission))
    what = PERMISSION_LABELS[permission]
    if role is None:
        return f"Connectez-vous d'abord : pour {what}, il faut le rôle {needed}."
    return (
        f"Pour {what}, il faut le rôle {needed} ; votre compte a le rôle « {ROLE_LABELS[role]} »."
    )
