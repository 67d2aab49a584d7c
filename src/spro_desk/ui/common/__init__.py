"""Pieces every screen shares: background work, table models, fields, formatting, dialogs."""
