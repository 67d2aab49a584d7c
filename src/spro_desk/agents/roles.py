"""Who may do what on a desk. The rules are data: the UI greys out what a role may not do and
the domain refuses it regardless."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    AGENT = "agent"
    RESPONSABLE = "responsable-de-site"
    COORDINATEUR = "coordinateur"


class Permission(StrEnum):
    VIEW_PERSONAL = "voir-donnees-personnelles"  # display, print the fiche de liaison
    ERASE_PERSONAL = "effacer-donnees-personnelles"  # right to erasure, on the person's request
    EXPORT_PERSONAL = "exporter-donnees-personnelles"  # a copy for the person (right of access)
    MANAGE_AGENTS = "gerer-agents"
    CHANGE_PRIVACY_POLICY = "changer-conservation"  # retention, idle lock, audit retention
    READ_AUDIT = "consulter-journal"
    RUN_PURGE = "lancer-purge"


ROLE_LABELS: dict[Role, str] = {
    Role.AGENT: "Agent d'accueil",
    Role.RESPONSABLE: "Responsable de site",
    Role.COORDINATEUR: "Coordinateur·rice",
}

# A coordinator visits for the indicators and the controls: the personal data of the people
# received at the desk is none of their business, and their account does not even hold the key.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset(
        {Permission.VIEW_PERSONAL, Permission.ERASE_PERSONAL, Permission.RUN_PURGE}
    ),
    Role.RESPONSABLE: frozenset(Permission),
    Role.COORDINATEUR: frozenset({Permission.READ_AUDIT, Permission.RUN_PURGE}),
}


def can(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(Role(role), frozenset())


def holds_key(role: Role | str) -> bool:
    """Whether the account wraps the data key: only roles that may read personal data."""
    return can(role, Permission.VIEW_PERSONAL)
