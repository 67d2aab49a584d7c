"""The coordination's accounts: a name, a role, a password stored as an Argon2id hash.

The hashing, the password rules and the growing waits after wrong passwords are the desk
agents' (spro_desk.agents.accounts); a coordinator's account holds no key (the coordination's
keys are files of its data folder), so the hash alone proves the password. The counters live in
the database, which the whole team shares (several windows, the command line, the service).
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, col, func, select

from spro_desk.agents.accounts import _checked_name, _now
from spro_desk.agents.code_check import (
    DEFAULT_COST,
    PASSWORD_MIN_CHARS,
    AgentError,
    secret_kind,
)
from spro_desk.agents.code_check import block_after as _block_after
from spro_desk.agents.code_check import blocked_message as _blocked_message
from spro_desk.agents.code_check import hasher as _hasher
from spro_desk.agents.coordination_audit import record_action
from spro_desk.agents.coordination_roles import (
    PERMISSION_LABELS,
    CoordinationDenied,
    CoordinationPermission,
    CoordinationRole,
    CoordinatorView,
    can,
    coordination_session,
    denied_message,
)
from spro_desk.security import crypto
from spro_desk.storage.coordination_tables import CoordinatorAccount
from spro_desk.storage.engine import Database

Permission = CoordinationPermission
log = logging.getLogger(__name__)


class CoordinatorAccountError(AgentError):
    """An account that cannot be created, changed or signed in to; the message is French."""


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _view(row: CoordinatorAccount) -> CoordinatorView:
    return CoordinatorView(row.id, row.nom, CoordinationRole(row.role), row.disabled_at is None)


def _role(role: CoordinationRole | str) -> CoordinationRole:
    try:
        return CoordinationRole(role)
    except ValueError:
        choices = ", ".join(r.value for r in CoordinationRole)
        raise CoordinatorAccountError(f"Rôle inconnu « {role} » (choix : {choices}).") from None


def _checked_password(password: str) -> None:
    try:
        kind = secret_kind(password)
    except AgentError as error:
        raise CoordinatorAccountError(str(error)) from None
    if kind != "mot-de-passe":
        raise CoordinatorAccountError(
            f"Un compte de la coordination se protège par un mot de passe d'au moins "
            f"{PASSWORD_MIN_CHARS} caractères, pas par un code chiffré."
        )


# --- reading -----------------------------------------------------------------------------------


def has_coordinator_accounts(db: Database) -> bool:
    """Whether an active account exists (then every action needs someone signed in)."""
    with db.session() as session:
        query = select(CoordinatorAccount.id).where(col(CoordinatorAccount.disabled_at).is_(None))
        return session.exec(query.limit(1)).first() is not None


def list_coordinators(db: Database, *, include_disabled: bool = False) -> list[CoordinatorView]:
    query = select(CoordinatorAccount)
    if not include_disabled:
        query = query.where(col(CoordinatorAccount.disabled_at).is_(None))
    with db.session() as session:
        rows = sorted(session.exec(query).all(), key=lambda row: _name_key(row.nom))
        return [_view(row) for row in rows]


def _name_key(name: str) -> str:
    """The name as compared: any case, any spacing. Compared in Python because SQLite's
    lower() folds ASCII only (« Émile » would never match « émile »)."""
    return " ".join(name.split()).casefold()


def _by_name(session: Session, name: str) -> CoordinatorAccount | None:
    # A région has a handful of accounts: reading them all costs nothing.
    wanted = _name_key(name)
    rows = session.exec(select(CoordinatorAccount)).all()
    return next((row for row in rows if _name_key(row.nom) == wanted), None)


def _existing(session: Session, name: str) -> CoordinatorAccount:
    row = _by_name(session, name)
    if row is None:
        raise CoordinatorAccountError(f"Aucun compte de la coordination ne s'appelle « {name} ».")
    return row


# --- permissions -------------------------------------------------------------------------------


def require_coordination(
    db: Database, permission: Permission, attempt: str | None = None
) -> CoordinatorView | None:
    """The account allowed to do this now, or None while the coordination has no account.

    A refusal is written to the audit trail, as a refused sign-in is: who (the account
    signed in, or nobody), what was attempted (`attempt`, else what the permission allows),
    and the reason told."""
    account = coordination_session(db).account
    if account is None:
        if has_coordinator_accounts(db):
            raise _denied(db, permission, None, attempt)
        return None
    if not can(account.role, permission):
        raise _denied(db, permission, account.role, attempt)
    return account


def _denied(
    db: Database, permission: Permission, role: CoordinationRole | None, attempt: str | None
) -> CoordinationDenied:
    message = denied_message(permission, role)
    try:
        record_action(db, None, "action-refusee", attempt or PERMISSION_LABELS[permission],
                      message)  # fmt: skip
    except (SQLAlchemyError, OSError):  # the refusal stands even if the trail cannot be written
        log.exception("Refus non inscrit au journal de la coordination")
    return CoordinationDenied(message)


# --- creating and changing ---------------------------------------------------------------------


def create_coordinator(
    db: Database,
    name: str,
    password: str,
    role: CoordinationRole | str,
    *,
    cost: crypto.KdfCost = DEFAULT_COST,
    now: datetime | None = None,
) -> CoordinatorView:
    """Create an account. The first one must be a coordinator's and needs nobody's
    permission (`coordinator init`); later ones need a coordinator signed in."""
    role = _role(role)
    name = _checked_name(name)
    _checked_password(password)
    first = not has_coordinator_accounts(db)
    if first and role != CoordinationRole.COORDINATEUR:
        raise CoordinatorAccountError(
            "Le premier compte de la coordination doit avoir le rôle « coordinateur » : "
            "c'est lui qui crée les autres."
        )
    if not first:
        require_coordination(db, Permission.MANAGE_ACCOUNTS)
    moment = _aware(_now(now))
    row = CoordinatorAccount(
        id=str(uuid.uuid4()),
        nom=name,
        role=str(role),
        secret_hash=_hasher(cost).hash(password),
        created_at=moment,
        updated_at=moment,
    )
    try:
        with db.transaction() as session:
            if _by_name(session, name) is not None:
                raise CoordinatorAccountError(f"Un compte s'appelle déjà « {name} ».")
            session.add(row)
            record_action(db, None, "compte-cree", name, f"rôle {role}", session=session, now=now)
    except IntegrityError:  # the same name created at the same moment by someone else
        raise CoordinatorAccountError(f"Un compte s'appelle déjà « {name} ».") from None
    return _view(row)


def change_password(
    db: Database,
    name: str,
    new_password: str,
    *,
    cost: crypto.KdfCost = DEFAULT_COST,
    now: datetime | None = None,
) -> None:
    """Someone changes their own password, or a coordinator resets someone's."""
    current = coordination_session(db).account
    if current is None or current.nom.lower() != " ".join(name.split()).lower():
        require_coordination(db, Permission.MANAGE_ACCOUNTS)
    _checked_password(new_password)
    with db.transaction() as session:
        row = _existing(session, name)
        row.secret_hash = _hasher(cost).hash(new_password)
        row.failed_attempts, row.blocked_until = 0, None
        row.updated_at = _aware(_now(now))
        session.add(row)
        record_action(db, None, "mot-de-passe-change", row.nom, session=session, now=now)


def disable_coordinator(db: Database, name: str, *, now: datetime | None = None) -> None:
    """The account can no longer sign in; at least one active coordinator stays."""
    require_coordination(db, Permission.MANAGE_ACCOUNTS)
    with db.transaction() as session:
        row = _existing(session, name)
        if row.disabled_at is not None:
            raise CoordinatorAccountError(f"Le compte « {row.nom} » est déjà désactivé.")
        if row.role == CoordinationRole.COORDINATEUR:
            others = session.exec(
                select(func.count())
                .select_from(CoordinatorAccount)
                .where(CoordinatorAccount.role == str(CoordinationRole.COORDINATEUR))
                .where(col(CoordinatorAccount.disabled_at).is_(None))
                .where(CoordinatorAccount.id != row.id)
            ).one()
            if not others:
                raise CoordinatorAccountError(
                    "Il faut au moins un compte « coordinateur » actif : créez-en d'abord un autre."
                )
        row.disabled_at = row.updated_at = _aware(_now(now))
        session.add(row)
        record_action(db, None, "compte-desactive", row.nom, session=session, now=now)


# --- signing in --------------------------------------------------------------------------------


def _blocked_until(row: CoordinatorAccount, now: datetime) -> datetime | None:
    if row.blocked_until is None:
        return None
    until = _aware(row.blocked_until)
    return until if until > now else None


def _refuse(db: Database, name: str, message: str, now: datetime) -> CoordinatorAccountError:
    record_action(db, name, "connexion-refusee", name, message, now=now)
    return CoordinatorAccountError(message)


def _note_failure(db: Database, account_id: str, now: datetime) -> None:
    with db.transaction() as session:
        row = session.get(CoordinatorAccount, account_id)
        if row is None:
            return
        row.failed_attempts += 1
        block = _block_after(row.failed_attempts)
        row.blocked_until = _aware(now + block) if block else None
        session.add(row)


def sign_in(
    db: Database, name: str, password: str, *, via: str = "", now: datetime | None = None
) -> CoordinatorView:
    """Check the password (with growing waits after repeated failures); the account is then
    the one signed in to `db` (`coordination_session`). Every sign-in, refused or not, is in
    the trail; `via` says where from (the window, a command), in French."""
    moment = _aware(_now(now))
    with db.session() as session:
        row = _by_name(session, name)
    if row is None:
        raise _refuse(db, name, "Compte inconnu ou mot de passe incorrect.", moment)
    if row.disabled_at is not None:
        raise _refuse(db, row.nom, "Ce compte a été désactivé.", moment)
    until = _blocked_until(row, moment)
    if until is not None:
        raise _refuse(db, row.nom, _blocked_message(until, moment), moment)
    if not _password_matches(row, password):
        _note_failure(db, row.id, moment)
        raise _refuse(db, row.nom, "Compte inconnu ou mot de passe incorrect.", moment)
    view = _view(row)
    with db.transaction() as session:
        current = session.get(CoordinatorAccount, row.id)
        if current is not None and (current.failed_attempts or current.blocked_until):
            current.failed_attempts, current.blocked_until = 0, None
            session.add(current)
        record_action(db, view, "connexion", view.nom, via, session=session, now=moment)
    coordination_session(db).account = view
    return view


def _password_matches(row: CoordinatorAccount, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher(DEFAULT_COST).verify(row.secret_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def sign_out(db: Database) -> None:
    coordination_session(db).account = None
