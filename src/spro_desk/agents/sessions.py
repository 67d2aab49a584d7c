"""Who is at the desk now: the session of one open database, and the permission checks.

A desk without any account yet (a fresh install, the tests, the command line before the first
agent) is in its set-up phase: nothing to log into, so nothing is refused on that ground. As
soon as one account exists, every read, export or erasure of personal data needs an agent at
the desk whose role allows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from spro_desk.agents.accounts import (
    AgentError,
    AgentView,
    has_agents,
    open_account,
    record_failure_copy,
    record_success_copy,
    rewrap_if_outdated,
)
from spro_desk.agents.roles import ROLE_LABELS, Permission, can
from spro_desk.security.keys import vault
from spro_desk.storage.engine import Database, one_per_database

if TYPE_CHECKING:
    from spro_desk.agents.early_unlock import EarlyOpened, EarlyRefused


class AccessDenied(PermissionError):
    """The agent at the desk (or nobody) may not do this; the message is French."""


class DeskSession:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.agent: AgentView | None = None
        # Who was at the desk when it locked: the lock screen offers their name first.
        self.last_agent_id: str | None = None
        # Signed in with a code shorter than today's rules: the window asks for a new one.
        self.must_change_secret = False

    def login(self, agent_id: str, secret: str, *, now: datetime | None = None) -> AgentView:
        from spro_desk.security.audit import audit_log

        try:
            opened = open_account(self._db, agent_id, secret, now=now)
        except AgentError:
            audit_log(self._db).append("connexion-refusee", agent_id=agent_id, now=now)
            raise
        if opened.privates:
            vault(self._db).unlock(*opened.privates)
        self.must_change_secret = opened.must_change_secret
        self.agent = opened.agent
        self.last_agent_id = opened.agent.id
        audit_log(self._db).append("connexion", agent=opened.agent, now=now)
        return opened.agent

    def adopt(self, opened: EarlyOpened) -> AgentView:
        """The session of a code checked before the database layer was attached
        (`agents.early_unlock`): open as `login` leaves it. Its writes follow
        (`record_early`)."""
        if opened.privates:
            vault(self._db).unlock(*opened.privates)
        self.must_change_secret = opened.must_change_secret
        self.agent = opened.agent
        self.last_agent_id = opened.agent.id
        return opened.agent

    def lock(self, *, now: datetime | None = None) -> None:
        """End the session and forget the key; safe to call when nobody is logged in."""
        from spro_desk.security.audit import audit_log

        agent, self.agent = self.agent, None
        vault(self._db).lock()
        if agent is not None:
            audit_log(self._db).append("verrouillage", agent=agent, now=now)

    def is_open(self) -> bool:
        return self.agent is not None


def record_early(db: Database, attempts: Sequence[EarlyOpened | EarlyRefused]) -> None:
    """What `login` writes through the database layer, for the codes checked before it was
    attached, in their order and at their time: the wrong-code counter's copy in the account's
    row, a re-wrap at today's cost, the access log's entries."""
    from spro_desk.agents.early_unlock import EarlyOpened
    from spro_desk.security.audit import audit_log

    for attempt in attempts:
        if isinstance(attempt, EarlyOpened):
            record_success_copy(db, attempt.agent.id)
            if attempt.secret_to_rewrap is not None:
                rewrap_if_outdated(db, attempt.agent.id, attempt.secret_to_rewrap, attempt.privates)
            audit_log(db).append("connexion", agent=attempt.agent, now=attempt.at)
        else:
            if attempt.failures is not None:
                record_failure_copy(db, attempt.agent_id, attempt.failures, attempt.at)
            audit_log(db).append("connexion-refusee", agent_id=attempt.agent_id, now=attempt.at)


desk_session = one_per_database(DeskSession)  # the session of this open database


def require(db: Database, permission: Permission) -> AgentView | None:
    """The agent allowed to do this now, or None while the desk has no account at all."""
    agent = desk_session(db).agent
    if agent is None:
        if has_agents(db):
            raise AccessDenied(
                "Connectez-vous d'abord : cette action concerne des données personnelles."
            )
        return None
    if not can(agent.role, permission):
        raise AccessDenied(
            f"Action réservée : le rôle « {ROLE_LABELS[agent.role]} » ne le permet pas."
        )
    return agent
