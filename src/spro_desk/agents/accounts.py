"""Agents' accounts: a name, a role, and a PIN or password stored as an Argon2id hash.

An account whose role reads personal data also holds the desk's private key, wrapped under a
key derived from its secret (`spro_desk.security.crypto`): the secret both proves who is at the
desk and opens the personal data. Forgetting it loses nothing as long as another such account
or the OS keyring holds the key; the only one forgetting it makes personal data unreadable,
by design.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlmodel import Session, col, func, select

from spro_desk.agents.roles import Role
from spro_desk.security import crypto, failures, grants
from spro_desk.security.keys import known_key_ids, vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Agent

DEFAULT_COST = crypto.KdfCost()
# 10⁸ codes × one Argon2id each ≥ a core-year of guessing (docs/privacy.md, bench_privacy).
PIN_MIN_DIGITS = 8
PASSWORD_MIN_CHARS = 8
NAME_MAX_CHARS = 60
FREE_ATTEMPTS = 5  # then each wrong secret doubles the wait, up to MAX_BLOCK
FIRST_BLOCK = timedelta(seconds=30)
MAX_BLOCK = timedelta(minutes=15)
SALT_BYTES = 16
AGENT_KEY_VERSION = 2
# Argon2id costs shipped by earlier versions, too cheap against offline guessing (issue 15).
OUTDATED_COSTS = frozenset({crypto.KdfCost(time_cost=2, memory_kib=64 * 1024, parallelism=1)})


class AgentError(ValueError):
    """An account that cannot be created, changed or opened; the message is French."""


@dataclass(frozen=True)
class AgentView:
    id: str
    nom: str
    role: Role
    secret_kind: str
    created_at: datetime
    active: bool
    holds_key: bool

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "nom": self.nom,
            "role": str(self.role),
            "secret": self.secret_kind,
            "actif": self.active,
        }


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _view(row: Agent) -> AgentView:
    return AgentView(
        id=row.id,
        nom=row.nom,
        role=Role(row.role),
        secret_kind=row.secret_kind,
        created_at=row.created_at,
        active=row.disabled_at is None,
        holds_key=row.wrapped_key is not None,
    )


def _hasher(cost: crypto.KdfCost) -> PasswordHasher:
    return PasswordHasher(
        time_cost=cost.time_cost, memory_cost=cost.memory_kib, parallelism=cost.parallelism
    )


# --- rules -------------------------------------------------------------------------------------


def _trivial_pin(pin: str) -> bool:
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    return len(set(pin)) == 1 or steps in ({1}, {-1})


def secret_kind(secret: str) -> str:
    """ "pin" or "mot-de-passe"; refuses what a passer-by would guess in a few tries."""
    if secret.isdigit():
        if len(secret) < PIN_MIN_DIGITS:
            raise AgentError(f"Le code doit compter au moins {PIN_MIN_DIGITS} chiffres.")
        if _trivial_pin(secret):
            raise AgentError("Ce code est trop facile à deviner (chiffres identiques ou suivis).")
        return "pin"
    if len(secret) < PASSWORD_MIN_CHARS:
        raise AgentError(
            f"Le mot de passe doit compter au moins {PASSWORD_MIN_CHARS} caractères "
            f"(ou choisissez un code d'au moins {PIN_MIN_DIGITS} chiffres)."
        )
    return "mot-de-passe"


def _checked_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise AgentError("Indiquez le nom de l'agent.")
    if len(clean) > NAME_MAX_CHARS or not clean.isprintable():
        raise AgentError(
            f"Le nom de l'agent : {NAME_MAX_CHARS} caractères au plus, sans saut de ligne."
        )
    return clean


# --- reading -----------------------------------------------------------------------------------


def has_agents(db: Database) -> bool:
    """Whether the desk has an active account (then every access to personal data needs one)."""
    with db.session() as session:
        row = session.exec(select(Agent.id).where(col(Agent.disabled_at).is_(None)).limit(1))
        return row.first() is not None


def list_agents(db: Database, *, include_disabled: bool = False) -> list[AgentView]:
    query = select(Agent).order_by(func.lower(Agent.nom))
    if not include_disabled:
        query = query.where(col(Agent.disabled_at).is_(None))
    with db.session() as session:
        return [_view(row) for row in session.exec(query).all()]


def get_agent(db: Database, agent_id: str) -> AgentView:
    with db.session() as session:
        return _view(_existing(session, agent_id))


def _existing(session: Session, agent_id: str) -> Agent:
    row = session.get(Agent, agent_id)
    if row is None:
        raise AgentError("Cet agent n'existe pas sur ce poste.")
    return row


# --- creating ----------------------------------------------------------------------------------


def _wrap_context(agent_id: str, key_id: str) -> bytes:
    return b"spro-desk agent key\x00" + agent_id.encode() + b"\x00" + key_id.encode()


def _agent_key_context(agent_id: str) -> bytes:
    return b"spro-desk agent private key\x00" + agent_id.encode()


@dataclass(frozen=True)
class _Wrapped:
    salt: bytes
    wrapped: bytes
    public: X25519PublicKey
    desk_keys: list[X25519PrivateKey]


def _wrap_for(db: Database, agent_id: str, secret: str, cost: crypto.KdfCost) -> _Wrapped:
    """A key pair of the agent's own, its private half wrapped under the secret; the desk keys
    to seal to it (the desk must be unlocked, or new: the key is created)."""
    vault(db).public()
    vault(db).private()
    own = X25519PrivateKey.generate()
    salt = os.urandom(SALT_BYTES)
    kek = crypto.derive_kek(secret, salt, cost)
    wrapped = crypto.wrap(kek, own.private_bytes_raw(), _agent_key_context(agent_id))
    return _Wrapped(salt, wrapped, own.public_key(), vault(db).privates())


def _cost_record(cost: crypto.KdfCost) -> dict[str, int]:
    # "v": 2 — the wrap holds the agent's own key (desk keys are granted to it), not a desk key.
    return cost.as_json() | {"v": AGENT_KEY_VERSION}


# --- opening -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    agent: AgentView
    privates: list[X25519PrivateKey]  # the desk keys this account may use
    must_change_secret: bool = False  # the code is shorter than today's rules allow


def _blocked_message(until: datetime, now: datetime) -> str:
    seconds = max(1, int((until - now).total_seconds()))
    wait = f"{seconds} s" if seconds < 120 else f"{seconds // 60} min"
    return f"Trop de codes erronés : réessayez dans {wait}."


def _block_after(failures: int) -> timedelta | None:
    if failures < FREE_ATTEMPTS:
        return None
    return min(FIRST_BLOCK * 2 ** (failures - FREE_ATTEMPTS), MAX_BLOCK)


def _record_failure(db: Database, agent_id: str, now: datetime) -> None:
    with db.transaction() as session:
        row = _existing(session, agent_id)
        count = failures.record_failure(db, agent_id, row.failed_attempts, now)
        row.failed_attempts = count
        block = _block_after(count)
        row.blocked_until = now + block if block else None
        session.add(row)


def _record_success(db: Database, agent_id: str) -> None:
    failures.reset(db, agent_id)
    with db.transaction() as session:
        row = _existing(session, agent_id)
        if row.failed_attempts or row.blocked_until:
            row.failed_attempts, row.blocked_until = 0, None
            session.add(row)


def _blocked_until(db: Database, row: Agent, now: datetime) -> datetime | None:
    """The end of the wait, counted with the counter beside the keys (an UPDATE of the
    database does not reset it). A clock set back before the last failure keeps the account
    waiting until it has caught up again."""
    count, last = failures.read(db, row.id)
    count = max(count, row.failed_attempts)
    block = _block_after(count)
    if block is None:
        return None
    if last is None:
        last = _aware(row.blocked_until) - block if row.blocked_until else now
    if now < last:
        return now + block
    until = last + block
    return until if until > now else None


def _secret_matches(row: Agent, secret: str) -> bool:
    try:
        return _hasher(DEFAULT_COST).verify(row.secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def _unreadable() -> AgentError:
    return AgentError(
        "La clé de ce compte est illisible : demandez à la ou au responsable "
        "de site de recréer votre compte."
    )


def _checked(db: Database, row: Agent, secret: str) -> list[X25519PrivateKey] | None:
    """The account's desk keys when the secret is right, else None. An account holding keys
    is checked by unwrapping its key (the AES-GCM tag proves the secret): one Argon2id per
    unlock, so the whole budget of a second goes into the cost of each guess."""
    if row.wrapped_key is not None and row.kek_cost.get("v") == AGENT_KEY_VERSION:
        try:
            return _unwrap(db, row, secret)
        except AgentError:
            return None
    if not _secret_matches(row, secret):
        return None
    return _unwrap(db, row, secret)


def _unwrap(db: Database, row: Agent, secret: str) -> list[X25519PrivateKey]:
    if row.wrapped_key is None or row.kek_salt is None:
        return []
    desk = vault(db).existing_public()
    if desk is None:
        raise AgentError("La clé du poste est introuvable : la base de données est incomplète.")
    kek = crypto.derive_kek(secret, row.kek_salt, crypto.KdfCost.from_json(row.kek_cost))
    try:
        if row.kek_cost.get("v") == AGENT_KEY_VERSION:
            own = crypto.unwrap(kek, row.wrapped_key, _agent_key_context(row.id))
            return grants.open_granted(db, row.id, crypto.private_from_bytes(own))
    except crypto.SealError:
        raise _unreadable() from None
    return [_unwrap_earlier(db, row, kek)]


def _unwrap_earlier(db: Database, row: Agent, kek: bytes) -> X25519PrivateKey:
    """An account of an earlier version: its wrap holds a desk key itself, bound to that key's
    id — the current one, or a key retired since (another agent disabled before this one
    signed in again: a site manager then gives the new key by resetting the code)."""
    for key_hex in known_key_ids(db):
        try:
            raw = crypto.unwrap(kek, row.wrapped_key or b"", _wrap_context(row.id, key_hex))
        except crypto.SealError:
            continue
        return crypto.private_from_bytes(raw)
    raise _unreadable()


def _outdated(row: Agent) -> bool:
    """Wrapped the old way or with the cost shipped before: re-wrapped while the secret is
    here (accounts made with other costs on purpose, e.g. by tests, are left as they are)."""
    return (
        row.kek_cost.get("v") != AGENT_KEY_VERSION
        or crypto.KdfCost.from_json(row.kek_cost) in OUTDATED_COSTS
    )


def _rewrap(db: Database, row: Agent, secret: str, privates: list[X25519PrivateKey]) -> None:
    own = X25519PrivateKey.generate()
    salt = os.urandom(SALT_BYTES)
    kek = crypto.derive_kek(secret, salt, DEFAULT_COST)
    wrapped = crypto.wrap(kek, own.private_bytes_raw(), _agent_key_context(row.id))
    with db.transaction() as session:
        current = _existing(session, row.id)
        current.secret_hash = _hasher(DEFAULT_COST).hash(secret)
        current.kek_cost = _cost_record(DEFAULT_COST)
        if current.wrapped_key is not None:
            current.kek_salt, current.wrapped_key = salt, wrapped
            grants.grant(session.connection(), row.id, own.public_key(), privates)
        session.add(current)


def too_short(secret: str) -> bool:
    """A secret today's rules would refuse (accounts of earlier versions): to be changed."""
    try:
        secret_kind(secret)
    except AgentError:
        return True
    return False


def open_account(
    db: Database, agent_id: str, secret: str, *, now: datetime | None = None
) -> Opened:
    """Check the secret (with growing waits after repeated failures) and unwrap the key."""
    moment = _now(now)
    with db.session() as session:
        row = _existing(session, agent_id)
    if row.disabled_at is not None:
        raise AgentError(
            "Ce compte a été désactivé : adressez-vous à la ou au responsable de site."
        )
    until = _blocked_until(db, row, moment)
    if until is not None:
        raise AgentError(_blocked_message(until, moment))
    privates = _checked(db, row, secret)
    if privates is None:
        _record_failure(db, agent_id, moment)
        raise AgentError("Code ou mot de passe incorrect.")
    _record_success(db, agent_id)
    if _outdated(row):
        _rewrap(db, row, secret, privates)
    return Opened(_view(row), privates, too_short(secret))
