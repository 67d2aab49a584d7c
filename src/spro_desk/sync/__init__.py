"""Synchronisation with the regional coordinator: the desk's change log, then bundles."""
