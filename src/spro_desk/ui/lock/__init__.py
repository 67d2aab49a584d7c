"""Locking the desk and unlocking it with an agent's PIN or password."""
