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


HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], dict[str, Any]]] = {
    ("privacy", "purge"): privacy_purge,
    ("privacy", "audit"): privacy_audit,
}
