"""Checking an agent's code: the rules, the waits and the cryptography, without the database
layer. One implementation for both ways a code is checked: the sign-in through SQLAlchemy
(`agents.accounts`) and the lock screen's check made with sqlite3 while that layer is still
loading at start (`agents.early_unlock`). Each passes the account's row and its key records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from spro_desk.agents.roles import Role
from spro_desk.security import crypto
from spro_desk.security.grant_records import open_granted_record

DEFAULT_COST = crypto.KdfCost()
# 10⁸ codes × one Argon2id each ≥ a core-year of guessing (docs/privacy.md, bench_privacy).
PIN_MIN_DIGITS = 8
PASSWORD_MIN_CHARS = 8
FREE_ATTEMPTS = 5  # then each wrong secret doubles the wait, up to MAX_BLOCK
FIRST_BLOCK = timedelta(seconds=30)
MAX_BLOCK = timedelta(minutes=15)
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


class Account(Protocol):
    """What checking a code reads of an agent's row (the ORM's `Agent`, or `AccountRow`)."""

    @property
    def id(self) -> str: ...
    @property
    def nom(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def secret_kind(self) -> str: ...
    @property
    def secret_hash(self) -> str: ...
    @property
    def kek_salt(self) -> bytes | None: ...
    @property
    def kek_cost(self) -> dict[str, Any]: ...
    @property
    def wrapped_key(self) -> bytes | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def disabled_at(self) -> datetime | None: ...
    @property
    def failed_attempts(self) -> int: ...
    @property
    def blocked_until(self) -> datetime | None: ...


@dataclass(frozen=True)
class AccountRow:
    id: str
    nom: str
    role: str
    secret_kind: str
    secret_hash: str
    kek_salt: bytes | None
    kek_cost: dict[str, Any]
    wrapped_key: bytes | None
    created_at: datetime
    disabled_at: datetime | None
    failed_attempts: int
    blocked_until: datetime | None


class KeyRecords(Protocol):
    """The desk's key records (`setting` table) as the check needs them."""

    def has_desk_key(self) -> bool: ...
    def grants(self) -> dict[str, Any]: ...
    def known_key_ids(self) -> list[str]: ...


def view(row: Account) -> AgentView:
    return AgentView(
        id=row.id,
        nom=row.nom,
        role=Role(row.role),
        secret_kind=row.secret_kind,
        created_at=row.created_at,
        active=row.disabled_at is None,
        holds_key=row.wrapped_key is not None,
    )


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def hasher(cost: crypto.KdfCost) -> PasswordHasher:
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


def too_short(secret: str) -> bool:
    """A secret today's rules would refuse (accounts of earlier versions): to be changed."""
    try:
        secret_kind(secret)
    except AgentError:
        return True
    return False


# --- waits after wrong codes --------------------------------------------------------------------


def blocked_message(until: datetime, now: datetime) -> str:
    seconds = max(1, int((until - now).total_seconds()))
    wait = f"{seconds} s" if seconds < 120 else f"{seconds // 60} min"
    return f"Trop de codes erronés : réessayez dans {wait}."


def block_after(failures: int) -> timedelta | None:
    if failures < FREE_ATTEMPTS:
        return None
    return min(FIRST_BLOCK * 2 ** (failures - FREE_ATTEMPTS), MAX_BLOCK)


def blocked_until(
    row: Account, counted: tuple[int, datetime | None], now: datetime
) -> datetime | None:
    """The end of the wait, counted with the counter beside the keys (`counted`: its count and
    last failure; an UPDATE of the database does not reset it). A clock set back before the
    last failure keeps the account waiting until it has caught up again."""
    count, last = counted
    count = max(count, row.failed_attempts)
    block = block_after(count)
    if block is None:
        return None
    if last is None:
        last = aware(row.blocked_until) - block if row.blocked_until else now
    if now < last:
        return now + block
    until = last + block
    return until if until > now else None


def refusal_if_unusable(row: Account, counted: tuple[int, datetime | None], now: datetime) -> None:
    """AgentError when the account may not try a code now (disabled, or waiting)."""
    if row.disabled_at is not None:
        raise AgentError(
            "Ce compte a été désactivé : adressez-vous à la ou au responsable de site."
        )
    until = blocked_until(row, counted, now)
    if until is not None:
        raise AgentError(blocked_message(until, now))


def wrong_code() -> AgentError:
    return AgentError("Code ou mot de passe incorrect.")


# --- the keys -----------------------------------------------------------------------------------


def wrap_context(agent_id: str, key_id: str) -> bytes:
    return b"spro-desk agent key\x00" + agent_id.encode() + b"\x00" + key_id.encode()


def agent_key_context(agent_id: str) -> bytes:
    return b"spro-desk agent private key\x00" + agent_id.encode()


def secret_matches(row: Account, secret: str) -> bool:
    try:
        return hasher(DEFAULT_COST).verify(row.secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def unreadable() -> AgentError:
    return AgentError(
        "La clé de ce compte est illisible : demandez à la ou au responsable "
        "de site de recréer votre compte."
    )


def checked(records: KeyRecords, row: Account, secret: str) -> list[X25519PrivateKey] | None:
    """The account's desk keys when the secret is right, else None. An account holding keys
    is checked by unwrapping its key (the AES-GCM tag proves the secret): one Argon2id per
    unlock, so the whole budget of a second goes into the cost of each guess."""
    if row.wrapped_key is not None and row.kek_cost.get("v") == AGENT_KEY_VERSION:
        try:
            return unwrap(records, row, secret)
        except AgentError:
            return None
    if not secret_matches(row, secret):
        return None
    return unwrap(records, row, secret)


def unwrap(records: KeyRecords, row: Account, secret: str) -> list[X25519PrivateKey]:
    if row.wrapped_key is None or row.kek_salt is None:
        return []
    if not records.has_desk_key():
        raise AgentError("La clé du poste est introuvable : la base de données est incomplète.")
    kek = crypto.derive_kek(secret, row.kek_salt, crypto.KdfCost.from_json(row.kek_cost))
    try:
        if row.kek_cost.get("v") == AGENT_KEY_VERSION:
            own = crypto.unwrap(kek, row.wrapped_key, agent_key_context(row.id))
            return open_granted_record(records.grants(), row.id, crypto.private_from_bytes(own))
    except crypto.SealError:
        raise unreadable() from None
    return [_unwrap_earlier(records, row, kek)]


def _unwrap_earlier(records: KeyRecords, row: Account, kek: bytes) -> X25519PrivateKey:
    """An account of an earlier version: its wrap holds a desk key itself, bound to that key's
    id — the current one, or a key retired since (another agent disabled before this one
    signed in again: a site manager then gives the new key by resetting the code)."""
    for key_hex in records.known_key_ids():
        try:
            raw = crypto.unwrap(kek, row.wrapped_key or b"", wrap_context(row.id, key_hex))
        except crypto.SealError:
            continue
        return crypto.private_from_bytes(raw)
    raise unreadable()


def outdated(row: Account) -> bool:
    """Wrapped the old way or with the cost shipped before: re-wrapped while the secret is
    here (accounts made with other costs on purpose, e.g. by tests, are left as they are)."""
    return (
        row.kek_cost.get("v") != AGENT_KEY_VERSION
        or crypto.KdfCost.from_json(row.kek_cost) in OUTDATED_COSTS
    )
