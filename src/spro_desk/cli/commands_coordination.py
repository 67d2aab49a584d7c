"""The coordination's people on the command line: signing in, accounts, the audit trail.

Once the coordination has an account, every `coordinator …` command signs in first: the account
is `--account` (or SPRO_DESK_COORDINATOR_ACCOUNT), the password is read from
SPRO_DESK_COORDINATOR_PASSWORD, from the standard input with `--password-stdin`, from the file
SPRO_DESK_COORDINATOR_PASSWORD_FILE names (a systemd credential), or typed on the terminal —
never from the command line, where it would show in the process list and the shell's history.
A new account's password comes from SPRO_DESK_NEW_PASSWORD or the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spro_desk.agents.coordination_accounts import (
    CoordinatorAccountError,
    Permission,
    _checked_password,
    change_password,
    create_coordinator,
    disable_coordinator,
    has_coordinator_accounts,
    list_coordinators,
    require_coordination,
    sign_in,
)
from spro_desk.agents.coordination_audit import ACTION_LABELS, audit_entries
from spro_desk.agents.coordination_roles import ROLE_LABELS, CoordinationRole
from spro_desk.cli.parser_coordination import (
    ACCOUNT_ENV,
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    PASSWORD_FILE_ENV,
)
from spro_desk.storage.engine import Database

Result = dict[str, Any]

# What each `coordinator` action needs at least (the domain checks the rest again); an action
# not listed needs to be signed in with any role.
ACTION_PERMISSIONS: dict[str, Permission] = {
    "init": Permission.MANAGE_ACCOUNTS,
    "register": Permission.MANAGE_DESKS,
    "revoke": Permission.MANAGE_DESKS,
    "reinstate": Permission.MANAGE_DESKS,
    "import": Permission.IMPORT,
    "watch": Permission.IMPORT,
    "acknowledge": Permission.IMPORT,
    "handle-alert": Permission.HANDLE_ALERTS,
    "fetch-directory": Permission.PUBLISH_DIRECTORY,
    "publish-directory": Permission.PUBLISH_DIRECTORY,
}


def _password(args: argparse.Namespace, prompt: str) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    password_file = os.environ.get(PASSWORD_FILE_ENV)
    if password_file:
        try:
            return Path(password_file).read_text("utf-8").strip()
        except OSError as error:
            raise CoordinatorAccountError(
                f"Fichier du mot de passe illisible ({PASSWORD_FILE_ENV}) : {error.strerror}."
            ) from None
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise CoordinatorAccountError(
        f"Mot de passe requis : tapez-le sur un terminal, ou donnez-le par {PASSWORD_ENV} ou "
        "--password-stdin."
    )


def _new_password(name: str) -> str:
    from_env = os.environ.get(NEW_PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise CoordinatorAccountError(
            f"Mot de passe du compte « {name} » requis : tapez-le sur un terminal ou donnez-le "
            f"par {NEW_PASSWORD_ENV}."
        )
    first = getpass.getpass(f"Mot de passe du compte « {name} » : ")
    if getpass.getpass("Le même, pour vérifier : ") != first:
        raise CoordinatorAccountError("Les deux mots de passe diffèrent : rien n'a été fait.")
    return first


def sign_in_for_command(db: Database, args: argparse.Namespace) -> None:
    """Sign in before a `coordinator` command when the coordination has accounts, and check
    that the role allows the action; nothing to do during the set-up phase."""
    if not has_coordinator_accounts(db):
        return
    name = getattr(args, "account", None) or os.environ.get(ACCOUNT_ENV)
    if not name:
        raise CoordinatorAccountError(
            f"Cette coordination a des comptes : indiquez le vôtre avec --account NOM (ou "
            f"{ACCOUNT_ENV})."
        )
    password = _password(args, f"Mot de passe de « {name} » : ")
    sign_in(db, name, password, via=f"ligne de commande (coordinator {args.action})")
    require_coordination(db, ACTION_PERMISSIONS.get(args.action, Permission.VIEW),
                         f"coordinator {args.action}")  # fmt: skip


def create_first_account(db: Database, args: argparse.Namespace) -> Callable[[], Any] | None:
    """For `coordinator init --account NOM`: the password is read and checked before the keys
    are made; the returned step creates the account once they are."""
    name = getattr(args, "account", None)
    if not name:
        return None
    password = _new_password(name)
    _checked_password(password)
    return lambda: create_coordinator(db, name, password, CoordinationRole.COORDINATEUR)


# --- handlers ----------------------------------------------------------------------------------


def coordinator_account(db: Database, args: argparse.Namespace) -> Result:
    what = args.account_action
    if what == "list":
        require_coordination(db, Permission.VIEW)
        accounts = list_coordinators(db, include_disabled=args.all)
        return {"accounts": [account.as_json() for account in accounts]}
    if what == "add":
        view = create_coordinator(db, args.name, _new_password(args.name), args.role)
        return {"created": view.as_json()}
    if what == "disable":
        disable_coordinator(db, args.name)
        return {"disabled": args.name}
    change_password(db, args.name, _new_password(args.name))
    return {"password_changed": args.name}


def coordinator_audit(db: Database, args: argparse.Namespace) -> Result:
    require_coordination(db, Permission.VIEW)
    entries = audit_entries(db, limit=args.limit, action=args.action_filter)
    return {"entries": [entry.as_json() for entry in entries]}


def render_audit(result: Result) -> str:
    if not result["entries"]:
        return "Journal de la coordination vide."
    lines = []
    for entry in result["entries"]:
        who = entry["account"] or "(sans compte)"
        what = ACTION_LABELS.get(entry["action"], entry["action"])
        note = f" — {entry['note']}" if entry["note"] else ""
        lines.append(
            f"{entry['at'][:19].replace('T', ' ')} UTC  {who} : {what} {entry['target']}{note}"
        )
    return "\n".join(lines)


def render_accounts(result: Result) -> str:
    labels = {role.value: ROLE_LABELS[role] for role in CoordinationRole}
    if "created" in result:
        made = result["created"]
        return f"Compte « {made['nom']} » créé (rôle {labels[made['role']]})."
    if "disabled" in result:
        return f"Compte « {result['disabled']} » désactivé."
    if "password_changed" in result:
        return f"Mot de passe de « {result['password_changed']} » changé."
    lines = [
        f"{a['nom']} — {labels[a['role']]}" + ("" if a["actif"] else " (désactivé)")
        for a in result["accounts"]
    ]
    return "\n".join(lines) or "Aucun compte : la coordination est ouverte à qui ouvre ce dossier."


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], Result]] = {
    ("coordinator", "account"): coordinator_account,
    ("coordinator", "audit"): coordinator_audit,
}
