"""What a directory import left in a desk database, as digests to compare two versions of the
importer: an optimisation of the import must leave every table, the full-text index and the
report exactly as they were.

Usage: ``python -m spro_desk_dev.import_dump DATABASE [--save FILE | --compare FILE]``, or
``python -m spro_desk_dev.import_dump --import FOLDER DATABASE ...`` to import first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

# Every table the import writes, in a stable order of its rows.
TABLES = {
    "structure": "SELECT * FROM structure ORDER BY pk",
    "service": "SELECT * FROM service ORDER BY pk",
    "service_tag": "SELECT * FROM service_tag ORDER BY kind, value, service_pk",
}
# The full-text index is contentless: what it holds is read back through an fts5vocab table
# (every token of every row, with its column and position), whatever its segments look like.
_VOCAB = "CREATE VIRTUAL TABLE temp.dump_vocab USING fts5vocab(main, service_fts, instance)"
_FTS_ROWS = "SELECT term, doc, col, offset FROM temp.dump_vocab ORDER BY term, doc, col, offset"
# The report minus what changes from one import to the next (where from, when).
_REPORT = "SELECT structures, services, rejected, warnings, report FROM directory_import"


def _digest(rows: Any) -> dict[str, Any]:
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(repr(tuple(row)).encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return {"rows": count, "sha256": digest.hexdigest()}


def dump(database: Path) -> dict[str, Any]:
    """Digests of the import's tables, its full-text index and its report (last import)."""
    connection = sqlite3.connect(database)
    try:
        result: dict[str, Any] = {
            name: _digest(connection.execute(sql)) for name, sql in TABLES.items()
        }
        connection.execute(_VOCAB)
        result["service_fts"] = _digest(connection.execute(_FTS_ROWS))
        last = connection.execute(_REPORT + " ORDER BY pk DESC LIMIT 1").fetchone()
        if last is not None:
            *counts, report = last
            result["report"] = {"counts": counts, **json.loads(report)}
        return result
    finally:
        connection.close()


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """One line per part that differs (empty when the two dumps are the same)."""
    lines = []
    for name in sorted(set(expected) | set(actual)):
        if expected.get(name) != actual.get(name):
            lines.append(
                f"{name}: expected {_short(expected.get(name))}, got {_short(actual.get(name))}"
            )
    return lines


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 300 else text[:297] + "…"


def _import(folder: Path, database: Path) -> None:
    from spro_desk.directory.importer import import_directory
    from spro_desk.storage.engine import Database

    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    db = Database(database)
    try:
        import_directory(db, folder)
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--import", dest="folder", type=Path, help="import this directory first")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write the dump to this JSON file")
    group.add_argument("--compare", type=Path, help="compare with a dump saved before")
    args = parser.parse_args()
    if args.folder is not None:
        _import(args.folder, args.database)
    result = dump(args.database)
    if args.save is not None:
        args.save.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.compare is None:
        summary = {k: v for k, v in result.items() if k != "report"}
        print(json.dumps(summary, indent=1))
        return 0
    expected = json.loads(args.compare.read_text(encoding="utf-8"))
    lines = differences(expected, result)
    print("\n".join(lines) if lines else "identical: " + ", ".join(sorted(result)))
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
