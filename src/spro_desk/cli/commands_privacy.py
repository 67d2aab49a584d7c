"""`spro-desk privacy …`: the retention purge on demand and the access log's verification."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from spro_desk.privacy.purge import run_purge
from spro_desk.security.audit import AuditTampered, audit_log
from spro_desk.storage.engine import Database

Result = dict[str, Any]


def privacy_purge(db: Database, args: argparse.Namespace) -> Result:
    report = run_purge(db)
    result = report.as_json()
    lines = [f"Purge faite : {report.erased} personne(s) dont les données ont été effacées, "
             f"{report.kept} conservée(s)."]  # fmt: skip
    if report.next_due is not None:
        lines.append(f"Prochaine échéance : {report.next_due:%d/%m/%Y %H:%M} (UTC).")
    if report.audit_dropped:
        lines.append(f"{report.audit_dropped} entrée(s) expirée(s) du journal d'accès retirée(s).")
    if report.backups_sealed:
        lines.append(f"{report.backups_sealed} fiche(s) en clair chiffrée(s) dans les sauvegardes.")
    if report.audit_problem:
        lines.append(report.audit_problem)
    result["message"] = "\n".join(lines)
    return result


def privacy_audit(db: Database, args: argparse.Namespace) -> Result:
    log = audit_log(db)
    if args.verify:
        check = log.verify()
        if not check.ok:
            raise AuditTampered(check.message())
        return check.as_json()
    entries = log.entries()
    first, last = (entries[0]["at"], entries[-1]["at"]) if entries else (None, None)
    message = (
        f"Journal d'accès : {len(entries)} entrée(s), du {first} au {last}."
        if entries
        else "Journal d'accès vide."
    )
    return {"entries": len(entries), "first": first, "last": last, "message": message}


def _sign_in(db: Database, name: str | None) -> None:
    """A desk with accounts: the site manager signs in here (code read without echo)."""
    import getpass
    import sys

    from spro_desk.agents.accounts import AgentError, has_agents, list_agents
    from spro_desk.agents.sessions import desk_session

    if not has_agents(db):
        return
    if not name:
        raise AgentError("Indiquez votre compte avec --agent NOM : le poste a des comptes.")
    matches = [a for a in list_agents(db) if a.nom.casefold() == name.strip().casefold()]
    if not matches:
        raise AgentError(f"Aucun compte actif ne s'appelle « {name} » sur ce poste.")
    prompt = f"Code de {matches[0].nom} : "
    secret = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    desk_session(db).login(matches[0].id, secret)


def privacy_access(db: Database, args: argparse.Namespace) -> Result:
    """« Données de cette personne » on the command line; the JSON file is the portable copy."""
    import json
    from pathlib import Path

    from spro_desk.agents.sessions import desk_session
    from spro_desk.privacy.access import EXPORTED, SHOWN, find_people, person_file

    _sign_in(db, args.agent)
    try:
        if args.search:
            matches = find_people(db, args.search)
            lines = [f"{len(matches)} personne(s) trouvée(s) :"]
            lines += [f"  {m.contact_id}  {m.occurred_at}  {m.nom or ''}" for m in matches]
            return {"matches": [m.__dict__ for m in matches], "message": "\n".join(lines)}
        held = person_file(db, args.contact, how=EXPORTED if args.out else SHOWN)
        result = held.as_json()
        if args.out:
            text = json.dumps(result, ensure_ascii=False, indent=1)
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        result["message"] = _summary(result, args.out)
        return result
    finally:
        desk_session(db).lock()


def _summary(held: dict[str, Any], out: str | None) -> str:
    personal = held["donnees_personnelles"] or {}
    lines = [
        f"Contact du {held['contact']['date']} ({held['contact']['statut']}).",
        "Données personnelles : "
        + (", ".join(f"{k} = {v}" for k, v in personal.items() if v) or "aucune (effacées ou "
           "jamais données)"),
        f"Orientations : {len(held['orientations'])} ; entrées du journal d'accès : "
        f"{len(held['journal_des_acces'])}.",
    ]  # fmt: skip
    if out:
        lines.append(f"Copie JSON (portabilité) écrite dans {out}.")
    return "\n".join(lines)


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], dict[str, Any]]] = {
    ("privacy", "purge"): privacy_purge,
    ("privacy", "audit"): privacy_audit,
    ("privacy", "access"): privacy_access,
}
