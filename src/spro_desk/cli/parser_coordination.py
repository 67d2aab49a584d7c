"""The `coordinator` command line's options for signing in, accounts and the audit trail.

Plain argparse, apart from `commands_coordination`: building the parser must not import the
accounts' domain (SQLAlchemy, Argon2, cryptography), which the window's start never needs
(tests/ui/test_fast_start.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

ACCOUNT_ENV = "SPRO_DESK_COORDINATOR_ACCOUNT"
PASSWORD_ENV = "SPRO_DESK_COORDINATOR_PASSWORD"
PASSWORD_FILE_ENV = "SPRO_DESK_COORDINATOR_PASSWORD_FILE"  # e.g. a systemd credential
NEW_PASSWORD_ENV = "SPRO_DESK_NEW_PASSWORD"
# spro_desk.agents.coordination_roles.CoordinationRole's values (a test keeps them equal)
ROLES = ("coordinateur", "charge-etudes", "lecture")


def add_sign_in_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--account", help=f"compte de la coordination (sinon {ACCOUNT_ENV}) ; mot de passe demandé"
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"lire le mot de passe sur l'entrée standard (sinon {PASSWORD_ENV} ou le terminal)",
    )


def add_account_commands(
    actions: Any, json_flag: Callable[[argparse.ArgumentParser], None]
) -> None:
    parser = actions.add_parser("account", help="comptes de la coordination (rôles, mots de passe)")
    what = parser.add_subparsers(dest="account_action", required=True, parser_class=type(parser))
    listing = what.add_parser("list", help="les comptes et leur rôle")
    listing.add_argument("--all", action="store_true", help="avec les comptes désactivés")
    add = what.add_parser("add", help="créer un compte (le premier : rôle coordinateur)")
    add.add_argument("name", help="nom de la personne")
    add.add_argument("--role", required=True, choices=ROLES)
    disable = what.add_parser("disable", help="désactiver un compte")
    disable.add_argument("name")
    password = what.add_parser(
        "password", help="changer un mot de passe (le sien, ou réinitialiser)"
    )
    password.add_argument("name")
    for sub in (listing, add, disable, password):
        add_sign_in_options(sub)
        json_flag(sub)
    audit = actions.add_parser("audit", help="journal de la coordination (qui a fait quoi, quand)")
    audit.add_argument("--limit", type=int, help="les N dernières actions")
    audit.add_argument("--action", dest="action_filter", help="une seule sorte d'action")
    add_sign_in_options(audit)
    json_flag(audit)
