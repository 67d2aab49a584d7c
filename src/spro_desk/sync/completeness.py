"""What the coordinator has received, at a glance (issue 12): a desk × week matrix of bundles,
the missing bundle and event numbers of each desk, who is late — counted from when a desk made
its last bundle —, revoked desks apart; and the alerts, each raised once and markable as
handled with a note kept in the audit trail (`sync_alert_log`).

Everything is computed by SQLite over indexes, the missing numbers as runs: bounded whatever
the numbers a desk sent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from spro_desk.agents.coordination_accounts import Permission, require_coordination
from spro_desk.agents.coordination_audit import record_action
from spro_desk.storage.coordination_tables import SyncAlert, SyncAlertLog
from spro_desk.storage.engine import Database
from spro_desk.sync.bundle_opening import BundleRefused
from spro_desk.sync.coordinator import _driver, missing_bundles, missing_ranges
from spro_desk.sync.coordinator_views import late_after_days
from spro_desk.sync.merged import BUNDLE_MADE_AT

KIND_LABELS = {
    "fork": "Restauration ou envoi en double",
    "gap": "Numéros d'événements manquants",
    "quarantine": "Événement en quarantaine",
    "unauthorised": "Changement refusé (contact d'un autre poste)",
    "audit": "Journal des accès du poste revenu en arrière",
}


def _connection(session: Any) -> Connection:
    return _driver(session)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def completeness(db: Database, now: datetime | None = None, weeks: int = 8) -> dict[str, Any]:
    """The matrix and the missing numbers; `weeks` ISO weeks ending with the current one."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    weeks = max(1, min(weeks, 104))
    columns = [_monday(now.date()) - timedelta(weeks=n) for n in reversed(range(weeks))]
    late_after = late_after_days(db)
    with db.session() as session:
        connection = _connection(session)
        desks = connection.execute(
            text(
                "SELECT desk_id, site_nom, revoked FROM registered_desk ORDER BY site_nom, desk_id"
            )
        ).fetchall()
        rows = [_desk_row(connection, desk, columns, now, late_after) for desk in desks]
    active = [r for r in rows if not r["revoked"]]
    return {
        "weeks": [c.isoformat() for c in columns],
        "late_after_days": late_after,
        "desks": active,
        "revoked": [r for r in rows if r["revoked"]],
        "late": sum(1 for r in active if r["late"]),
    }


def _desk_row(
    connection: Connection,
    desk: Any,
    columns: list[date],
    now: datetime,
    late_after: int,
) -> dict[str, Any]:
    desk_id, site_nom, revoked = desk
    made = [
        datetime.fromisoformat(value)
        for (value,) in connection.execute(
            text(f"SELECT {BUNDLE_MADE_AT} FROM received_bundle WHERE desk_id = :desk"),
            {"desk": desk_id},
        )
    ]
    per_week = {column: 0 for column in columns}
    for moment in made:
        monday = _monday(moment.date())
        if monday in per_week:
            per_week[monday] += 1
    last = max(made, default=None)
    last_utc = last.replace(tzinfo=UTC) if last and last.tzinfo is None else last
    silent = (now - last_utc).days if last_utc else None
    bundles_missing, bundle_ranges = missing_bundles(connection, desk_id)
    events_missing, event_ranges = missing_ranges(connection, desk_id)
    return {
        "desk_id": desk_id,
        "site_nom": site_nom,
        "revoked": bool(revoked),
        "weeks": [per_week[c] for c in columns],
        "last_bundle_made_at": last_utc.isoformat() if last_utc else None,
        "days_silent": silent,
        "late": not revoked and (silent is None or silent > late_after),
        "missing_bundles": {"count": bundles_missing, "ranges": bundle_ranges},
        "missing_events": {"count": events_missing, "ranges": event_ranges},
    }


# --- alerts -------------------------------------------------------------------------------


def list_alerts(db: Database, *, include_handled: bool = False) -> list[dict[str, Any]]:
    with db.session() as session:
        connection = _connection(session)
        sites: dict[str, str] = dict(
            connection.execute(text("SELECT desk_id, site_nom FROM registered_desk")).all()
        )
        query = (
            # as text on both databases (PostgreSQL's driver would give dicts and datetimes)
            "SELECT pk, desk_id, kind, CAST(detail AS TEXT), CAST(raised_at AS TEXT), "
            "occurrences, CAST(last_raised_at AS TEXT), CAST(handled_at AS TEXT), handled_note "
            "FROM sync_alert"
        )
        if not include_handled:
            query += " WHERE handled_at IS NULL"
        rows = connection.execute(text(query + " ORDER BY pk")).fetchall()
    import json

    return [
        {
            "id": pk,
            "desk_id": desk_id,
            "site_nom": sites.get(desk_id, ""),
            "kind": kind,
            "label": KIND_LABELS.get(kind, kind),
            "message": _message(kind, json.loads(detail)),
            "detail": json.loads(detail),
            "raised_at": raised,
            "occurrences": occurrences,
            "last_raised_at": last,
            "handled_at": handled,
            "handled_note": note,
        }
        for pk, desk_id, kind, detail, raised, occurrences, last, handled, note in rows
    ]


def _message(kind: str, detail: dict[str, Any]) -> str:
    if detail.get("message"):
        return str(detail["message"])
    if kind == "gap":
        runs = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in detail.get("ranges", [])[:10])
        return f"{detail.get('count', 0)} numéro(s) d'événement manquant(s) : {runs}."
    if kind == "quarantine":
        return (
            f"L'événement {detail.get('event_id')} est arrivé à nouveau avec un autre contenu : "
            "mis en quarantaine, jamais écrasé."
        )
    return KIND_LABELS.get(kind, kind)


def handle_alert(db: Database, pk: int, note: str, *, now: datetime | None = None) -> SyncAlert:
    """Mark an alert handled with its note; the note stays in the audit trail even when the
    alert is raised again later (it is then reopened)."""
    require_coordination(db, Permission.HANDLE_ALERTS, f"traiter l'alerte {pk}")
    if not note.strip():
        raise BundleRefused("Indiquez ce qui a été fait (--note) : la note est gardée.")
    moment = now or datetime.now(UTC)
    with db.transaction() as session:
        alert = session.get(SyncAlert, pk)
        if alert is None:
            raise BundleRefused(f"Alerte n° {pk} introuvable.")
        alert.handled_at, alert.handled_note = moment, note.strip()
        session.add(alert)
        session.add(SyncAlertLog(alert_pk=pk, at=moment, action="handled", note=note.strip()))
        target = f"alerte n° {pk} ({alert.kind}, poste {alert.desk_id})"
        record_action(db, None, "traitement-alerte", target, note, session=session, now=now)
        session.flush()
        session.expunge(alert)
    return alert


def alert_log(db: Database) -> list[dict[str, Any]]:
    with db.session() as session:
        connection = _connection(session)
        rows = connection.execute(
            text("SELECT alert_pk, CAST(at AS TEXT), action, note FROM sync_alert_log ORDER BY pk")
        ).fetchall()
    return [{"alert": a, "at": at, "action": action, "note": note} for a, at, action, note in rows]
