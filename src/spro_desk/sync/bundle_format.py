"""The names and bounds of the desk → coordinator bundle (docs/sync-format.md), shared by the
desk that writes it and the coordinator that opens it."""

from __future__ import annotations

BUNDLE_FORMAT = "spro-desk-bundle/1"
EVENTS_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER = "events.jsonl", "manifest.json", "manifest.sig"
MAX_BUNDLE_BYTES = 256 * 1024 * 1024  # age does not compress: plaintext ≈ file size
# Why a file over that size is refused, by the import and by the collection alike.
OVERSIZED_BUNDLE = "Envoi anormalement volumineux : refusé sans être ouvert."
MAX_MEMBER_BYTES = {MANIFEST_MEMBER: 1024 * 1024, SIGNATURE_MEMBER: 1024}

# Bounds on the numbers a bundle declares, checked before anything is sized by them: a desk
# writes tens of thousands of events a year; a hundred million is beyond any real history, and
# far below what SQLite's integers or Python's ranges make costly.
MAX_SEQ = 100_000_000
MAX_BUNDLE_SEQ = 10_000_000
MAX_BRANCHES = 1000  # restores in one desk's life
MAX_LABEL = 64  # characters of a branch id
