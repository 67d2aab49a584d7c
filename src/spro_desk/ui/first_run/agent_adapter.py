"""The first agent of the desk: an account of ``spro_desk.agents`` (name, PIN, role).

The only place the assistant meets the accounts' rules: the PIN's length and strength are
theirs, and so is the role the first account must have.
"""

from __future__ import annotations

from spro_desk.agents.code_check import PIN_MIN_DIGITS, AgentError, secret_kind
from spro_desk.agents.management import create_agent
from spro_desk.agents.roles import Role
from spro_desk.storage.engine import Database

PIN_MAX_DIGITS = 12
PIN_LENGTHS = range(PIN_MIN_DIGITS, PIN_MAX_DIGITS + 1)
FIRST_AGENT_ROLE = Role.RESPONSABLE  # the one who sets the desk up manages it


def pin_problem(pin: str) -> str | None:
    """Why the accounts would refuse this PIN, in French (None: accepted)."""
    if not (pin.isascii() and pin.isdigit()) or len(pin) not in PIN_LENGTHS:
        return f"Le code compte de {PIN_MIN_DIGITS} à {PIN_MAX_DIGITS} chiffres."
    try:
        secret_kind(pin)
    except AgentError as error:
        return str(error)
    return None


def create_first_agent(db: Database, name: str, pin: str) -> str:
    """The new account's id; raises AgentError (French) when the accounts refuse it."""
    return create_agent(db, name, pin, FIRST_AGENT_ROLE).id
