"""The coordinator fetches the directory from the data·inclusion API v1 (a real HTTP server on
127.0.0.1 serving pages in the documented shape): paged, resumable, cancellable, all-or-nothing."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from spro_desk.cli.main import main
from spro_desk.directory.catalog import directory_info
from spro_desk.directory.importer import import_directory
from spro_desk.directory.source import DirectoryImportError
from spro_desk.storage.engine import Database
from spro_desk.sync.directory_fetch import (
    COMPLETE_MARKER,
    DirectoryFetchError,
    FetchCancelled,
    fetch_directory,
)

from conftest import DATA

REAL = DATA / "real_shapes" / "v1"
TOKEN = "jeton-de-test"


class _Api:
    def __init__(self) -> None:
        self.rows = {
            k: json.loads((REAL / f"{k}.json").read_text()) for k in ("structures", "services")
        }
        self.requests: list[dict[str, Any]] = []
        self.fail_on: tuple[str, int] | None = None
        self.delay_s = 0.0  # per page: leaves a window time to cancel


@pytest.fixture
def api() -> Iterator[tuple[str, _Api]]:
    with running_api() as served:
        yield served


@contextmanager
def running_api() -> Iterator[tuple[str, _Api]]:
    """(base URL, state) of a data·inclusion API v1 on 127.0.0.1 serving the real-shape rows."""
    state = _Api()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            kind = parts.path.rsplit("/", 1)[-1]
            state.requests.append({"kind": kind, **query, "auth": self.headers["Authorization"]})
            if self.headers["Authorization"] != f"Bearer {TOKEN}":
                return self._send(401, {"detail": "Not authenticated"})
            page, size = int(query["page"]), int(query["size"])
            time.sleep(state.delay_s)
            if state.fail_on == (kind, page):
                return self._send(503, {"detail": "indisponible"})
            rows = state.rows[kind]
            body = {
                "items": rows[(page - 1) * size : page * size],
                "total": len(rows), "page": page, "size": size,
                "pages": max(1, -(-len(rows) // size)),
            }  # fmt: skip
            self._send(200, body)

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()


def test_every_page_is_fetched_then_imports(api, tmp_path: Path, db: Database) -> None:
    url, state = api
    steps: list[tuple[str, int, int]] = []
    result = fetch_directory(
        url, TOKEN, "11", tmp_path / "api", page_size=4, progress=lambda *s: steps.append(s)
    )
    assert (result.structures, result.services, result.pages_downloaded) == (9, 4, 4)
    assert all(r["code_region"] == "11" and r["auth"] == f"Bearer {TOKEN}" for r in state.requests)
    assert [(r["kind"], r["page"]) for r in state.requests] == [
        ("structures", "1"), ("structures", "2"), ("structures", "3"), ("services", "1"),
    ]  # fmt: skip
    assert (tmp_path / "api" / COMPLETE_MARKER).is_file() and steps[-1][1] == steps[-1][2]
    import_directory(db, tmp_path / "api")
    assert directory_info(db).structures == 9 and directory_info(db).services == 4


def test_a_failed_page_keeps_what_came_and_the_next_run_resumes(api, tmp_path: Path) -> None:
    url, state = api
    state.fail_on = ("structures", 2)
    with pytest.raises(DirectoryFetchError, match="erreur 503"):
        fetch_directory(url, TOKEN, None, tmp_path / "api", page_size=4)
    assert not (tmp_path / "api" / COMPLETE_MARKER).exists()
    assert sorted(p.name for p in (tmp_path / "api").iterdir()) == ["structures-page-1.json"]
    state.fail_on, state.requests = None, []
    result = fetch_directory(url, TOKEN, None, tmp_path / "api", page_size=4)
    assert (result.pages_resumed, result.pages_downloaded) == (1, 3)
    assert ("structures", "1") not in {(r["kind"], r["page"]) for r in state.requests}


def test_a_refused_token_is_told_in_french(api, tmp_path: Path) -> None:
    url, _state = api
    with pytest.raises(DirectoryFetchError, match="jeton"):
        fetch_directory(url, "mauvais", None, tmp_path / "api")
    with pytest.raises(DirectoryFetchError, match="Aucun jeton"):
        fetch_directory(url, "", None, tmp_path / "api")


def test_cancelling_stops_between_pages(api, tmp_path: Path) -> None:
    url, _state = api
    calls = iter(range(100))
    with pytest.raises(FetchCancelled):
        fetch_directory(
            url, TOKEN, None, tmp_path / "api", page_size=4, is_cancelled=lambda: next(calls) >= 2
        )
    assert len(list((tmp_path / "api").glob("*-page-*.json"))) == 2
    assert not (tmp_path / "api" / COMPLETE_MARKER).exists()


def test_an_unreachable_api_is_refused_with_exit_code_2(tmp_path: Path, capsys) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "coordinator", "fetch-directory", "--out", str(tmp_path / "api")]) == 2
    assert "jeton" in capsys.readouterr().err


def test_an_incomplete_download_cannot_be_imported_or_published(api, tmp_path, db) -> None:
    url, state = api
    state.fail_on = ("structures", 3)
    with pytest.raises(DirectoryFetchError):
        fetch_directory(url, TOKEN, None, tmp_path / "api", page_size=4)
    with pytest.raises(DirectoryImportError, match="Il manque des pages"):
        import_directory(db, tmp_path / "api")
    assert directory_info(db).structures == 0
