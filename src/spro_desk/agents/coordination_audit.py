"""The coordination's audit trail: every sensitive action, who did it, when (UTC), on what, why.

Other parts of the coordination write to it through `record_action` (registering, revoking a
desk, publishing a directory, closing a period, handling an alert, account changes, refused
sign-ins, actions refused for the role); the window shows it read-only and `coordinator
audit --json` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from spro_desk.agents.coordination_roles import CoordinatorView, coordination_session
from spro_desk.storage.coordination_tables import CoordinationAudit
from spro_desk.storage.engine import Database
from spro_desk.vocab import QT_TRANSLATE_NOOP

NOTE_MAX_CHARS = 2000
TARGET_MAX_CHARS = 300

# The actions written today, with their French label (the text output; the window translates
# it, context "AuditActions"). What an entry's target and note say is recorded as written.
ACTION_LABELS: dict[str, str] = {
    "enregistrement-poste": QT_TRANSLATE_NOOP("AuditActions", "Poste enregistré"),
    "revocation-poste": QT_TRANSLATE_NOOP("AuditActions", "Poste révoqué"),
    "reintegration-poste": QT_TRANSLATE_NOOP("AuditActions", "Poste réintégré"),
    "publication-annuaire": QT_TRANSLATE_NOOP("AuditActions", "Annuaire publié"),
    "cloture-periode": QT_TRANSLATE_NOOP("AuditActions", "Période close"),
    "publication-bilan": QT_TRANSLATE_NOOP("AuditActions", "Bilan publié"),
    "nouvelle-edition": QT_TRANSLATE_NOOP(
        "AuditActions", "Nouvelle édition des bilans d'une période"
    ),
    "traitement-alerte": QT_TRANSLATE_NOOP("AuditActions", "Alerte traitée"),
    "import-envois": QT_TRANSLATE_NOOP("AuditActions", "Envois importés"),
    "collecte-automatique": QT_TRANSLATE_NOOP("AuditActions", "Collecte automatique"),
    "compte-cree": QT_TRANSLATE_NOOP("AuditActions", "Compte créé"),
    "compte-desactive": QT_TRANSLATE_NOOP("AuditActions", "Compte désactivé"),
    "mot-de-passe-change": QT_TRANSLATE_NOOP("AuditActions", "Mot de passe changé"),
    "connexion": QT_TRANSLATE_NOOP("AuditActions", "Connexion"),
    "connexion-refusee": QT_TRANSLATE_NOOP("AuditActions", "Connexion refusée"),
    "action-refusee": QT_TRANSLATE_NOOP("AuditActions", "Action refusée"),
    "verrouillage-regle": QT_TRANSLATE_NOOP("AuditActions", "Verrouillage après inactivité réglé"),
}

Actor = CoordinatorView | str | None


@dataclass(frozen=True)
class AuditEntry:
    pk: int
    at: datetime  # aware, UTC
    account: str | None
    role: str | None
    action: str
    target: str
    note: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.pk,
            "at": self.at.isoformat(),
            "account": self.account,
            "role": self.role,
            "action": self.action,
            "target": self.target,
            "note": self.note,
        }


def _utc(moment: datetime | None) -> datetime:
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _who(db: Database, account: Actor) -> tuple[str | None, str | None]:
    if account is None:
        account = coordination_session(db).account
    if isinstance(account, CoordinatorView):
        return account.nom, str(account.role)
    return account, None


def record_action(
    db: Database,
    account: Actor,
    action: str,
    target: str = "",
    note: str = "",
    *,
    session: Session | None = None,
    now: datetime | None = None,
) -> None:
    """Write one line of the trail. `account` None: whoever is signed in to `db` (or nobody,
    during the set-up phase); a str names someone not signed in (a refused sign-in). Inside
    a transaction already open on `db`, pass its `session` so that the line commits with the
    action it records (and a second transaction does not wait for the first's lock)."""
    name, role = _who(db, account)
    row = CoordinationAudit(
        at=_utc(now),
        account=name,
        role=role,
        action=action,
        target=str(target)[:TARGET_MAX_CHARS],
        note=" ".join(str(note).split())[:NOTE_MAX_CHARS],
    )
    if session is not None:
        session.add(row)
        return
    with db.transaction() as own:
        own.add(row)


def record_bundle_import(
    db: Database,
    accepted: int,
    refused: int,
    *,
    via: str,
    events_new: int = 0,
    not_imported: int = 0,
    now: datetime | None = None,
) -> None:
    """One line for a manual import run (the command line, the window): how many bundles were
    accepted and refused, where from; an interrupted run says how many files it left."""
    target = f"{accepted} envoi(s) accepté(s), {refused} refusé(s)"
    note = f"{via} ; {events_new} événement(s) nouveau(x)"
    if not_imported:
        note += f" ; interrompu, {not_imported} fichier(s) non importé(s)"
    record_action(db, None, "import-envois", target, note, now=now)


def audit_entries(
    db: Database, *, limit: int | None = None, action: str | None = None
) -> list[AuditEntry]:
    """The trail, newest first."""
    query = select(CoordinationAudit).order_by(col(CoordinationAudit.pk).desc())
    if action is not None:
        query = query.where(CoordinationAudit.action == action)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        rows = session.exec(query).all()
    return [
        AuditEntry(
            pk=row.pk or 0,
            at=_utc(row.at),
            account=row.account,
            role=row.role,
            action=row.action,
            target=row.target,
            note=row.note,
        )
        for row in rows
    ]
