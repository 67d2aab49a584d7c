"""The first agent of the desk, created the way the agents' accounts are.

Accounts (name, PIN, role) belong to ``spro_desk.agents``; until that package is part of the
tree, the agent is written to the settings' list of agents (and made the agent on duty) so the
assistant works either way. Only this module knows which of the two it is.
"""

from __future__ import annotations

from spro_desk.site.settings import SiteSettings
from spro_desk.storage.engine import Database

PIN_LENGTHS = range(4, 9)  # digits of a PIN
FIRST_AGENT_ROLE = "responsable"  # the one who sets the desk up manages it


def create_first_agent(db: Database, name: str, pin: str) -> None:
    try:
        from spro_desk.agents import create_agent  # type: ignore[attr-defined]
    except ImportError:
        _add_to_settings(db, name)
        return
    create_agent(db, name, pin, FIRST_AGENT_ROLE)


def _add_to_settings(db: Database, name: str) -> None:
    settings = SiteSettings(db)
    agents = [a for a in settings.get("agents") if a != name]
    settings.set("agents", [name, *agents])
    settings.set("agent.courant", name)
