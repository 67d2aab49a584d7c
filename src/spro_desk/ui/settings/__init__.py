"""Pieces of the settings screen: editors generated from the declared settings, the directory."""
