"""Creating, changing and disabling agents' accounts: what needs a site manager at the desk.

Apart from `accounts` (which the session opens at login) so that the permission check of
`sessions` sits between them: accounts <- sessions <- management.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlmodel import col, func, select

from spro_desk.agents.accounts import (
    _checked_name,
    _cost_record,
    _existing,
    _now,
    _wrap_for,
    has_agents,
)
from spro_desk.agents.code_check import DEFAULT_COST, AgentError, AgentView, secret_kind
from spro_desk.agents.code_check import hasher as _hasher
from spro_desk.agents.code_check import view as _view
from spro_desk.agents.roles import Permission, Role, holds_key
from spro_desk.agents.sessions import desk_session, require
from spro_desk.security import crypto, grants
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database
from spro_desk.storage.tables import Agent


def create_agent(
    db: Database,
    name: str,
    secret: str,
    role: Role | str,
    *,
    cost: crypto.KdfCost = DEFAULT_COST,
    now: datetime | None = None,
) -> AgentView:
    """Create an account. The first one must be a site manager and needs nobody's permission
    (the first-run assistant calls this); later ones need a site manager at the desk."""
    role = Role(role)
    name = _checked_name(name)
    kind = secret_kind(secret)
    first = not has_agents(db)
    if first and role != Role.RESPONSABLE:
        raise AgentError("Le premier compte du poste est celui du ou de la responsable de site.")
    if not first:
        require(db, Permission.MANAGE_AGENTS)
    moment = _now(now)
    agent_id = str(uuid.uuid4())
    keys = _wrap_for(db, agent_id, secret, cost) if holds_key(role) else None
    row = Agent(
        id=agent_id,
        nom=name,
        role=str(role),
        secret_kind=kind,
        secret_hash=_hasher(cost).hash(secret),
        kek_salt=keys.salt if keys else None,
        kek_cost=_cost_record(cost),
        wrapped_key=keys.wrapped if keys else None,
        created_at=moment,
        updated_at=moment,
    )
    with db.transaction() as session:
        taken = session.exec(select(Agent.id).where(func.lower(Agent.nom) == name.lower())).first()
        if taken is not None:
            raise AgentError(f"Un agent s'appelle déjà « {name} » sur ce poste.")
        session.add(row)
        if keys is not None:
            grants.grant(session.connection(), agent_id, keys.public, keys.desk_keys)
    if keys is not None:
        vault(db).forget_provisional_file()
    if first:
        vault(db).lock()  # from now on the key opens with an agent's secret: log in to use it
    return _view(row)


# --- changing ----------------------------------------------------------------------------------


def change_secret(
    db: Database, agent_id: str, new_secret: str, *, cost: crypto.KdfCost = DEFAULT_COST
) -> None:
    """The agent at the desk changes their own secret, or a site manager resets someone's
    (both need the desk unlocked, to wrap the key again under the new secret)."""
    current = desk_session(db).agent
    if current is None or current.id != agent_id:
        require(db, Permission.MANAGE_AGENTS)
    kind = secret_kind(new_secret)
    with db.session() as session:
        role = Role(_existing(session, agent_id).role)
    keys = _wrap_for(db, agent_id, new_secret, cost) if holds_key(role) else None
    with db.transaction() as session:
        row = _existing(session, agent_id)
        row.secret_kind, row.secret_hash = kind, _hasher(cost).hash(new_secret)
        row.kek_cost = _cost_record(cost)
        row.kek_salt = keys.salt if keys else None
        row.wrapped_key = keys.wrapped if keys else None
        if keys is not None:
            grants.grant(session.connection(), agent_id, keys.public, keys.desk_keys)
        row.failed_attempts, row.blocked_until = 0, None
        row.updated_at = datetime.now(UTC)
        session.add(row)
    if current is not None and current.id == agent_id:
        desk_session(db).must_change_secret = False


def disable_agent(db: Database, agent_id: str, *, now: datetime | None = None) -> None:
    """The account can no longer open the desk; its copy of the keys is destroyed and the
    desk key is rotated: what is recorded from now on is sealed to a key it never held."""
    require(db, Permission.MANAGE_AGENTS)
    with db.transaction() as session:
        row = _existing(session, agent_id)
        if row.role == Role.RESPONSABLE:
            others = session.exec(
                select(func.count())
                .select_from(Agent)
                .where(Agent.role == str(Role.RESPONSABLE), col(Agent.disabled_at).is_(None))
                .where(Agent.id != agent_id)
            ).one()
            if not others:
                raise AgentError(
                    "Il faut au moins un ou une responsable de site actif sur le poste : créez "
                    "d'abord un autre compte de responsable."
                )
        held = row.wrapped_key is not None
        row.disabled_at = _now(now)
        row.wrapped_key = row.kek_salt = None
        row.updated_at = _now(now)
        session.add(row)
        if held:
            grants.revoke(session.connection(), agent_id)
            grants.rotate(session.connection(), db, _now(now))
