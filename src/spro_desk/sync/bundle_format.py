"""The names and bounds of the desk → coordinator bundle (docs/sync-format.md), shared by the
desk that writes it and the coordinator that opens it."""

from __future__ import annotations

BUNDLE_FORMAT = "spro-desk-bundle/1"
EVENTS_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER = "events.jsonl", "manifest.json", "manifest.sig"
MAX_BUNDLE_BYTES = 256 * 1024 * 1024  # age does not compress: plaintext ≈ file size
MAX_MEMBER_BYTES = {MANIFEST_MEMBER: 1024 * 1024, SIGNATURE_MEMBER: 1024}
