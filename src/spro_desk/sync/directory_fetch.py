"""The coordinator fetches its region's directory from the data·inclusion API v1.

Pages (``{"items": [...], "total", "page", "size", "pages"}``) are written one file each into a
staging folder as ``structures-page-N.json`` and ``services-page-N.json``, the layout the
directory importer reads. A page already on disk is not asked again: an interrupted fetch
resumes where it stopped. Nothing else changes until the fetch is complete (a ``COMPLET`` marker
is written last); the folder is then published to the desks as any export
(``spro-desk coordinator publish-directory FOLDER``).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

DEFAULT_API_URL = "https://api.data.inclusion.gouv.fr"
PAGE_SIZE = 1000
COMPLETE_MARKER = "COMPLET"
MAX_PAGE_BYTES = 64 * 1024 * 1024
TIMEOUT_S = 60
KINDS = ("structures", "services")

Progress = Callable[[str, int, int], None]


class DirectoryFetchError(ValueError):
    """The fetch cannot go on; French message. Pages already fetched are kept for a resume."""


class FetchCancelled(DirectoryFetchError):
    """Cancelled by the user; the pages already fetched are kept for a resume."""


@dataclass(frozen=True)
class FetchResult:
    folder: Path
    structures: int
    services: int
    pages_downloaded: int
    pages_resumed: int


def fetch_directory(
    base_url: str,
    token: str,
    region: str | None,
    staging: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    page_size: int = PAGE_SIZE,
) -> FetchResult:
    """Fetch every page of structures and services (filtered to `region`) into `staging`."""
    if not token.strip():
        raise DirectoryFetchError(
            "Aucun jeton d'accès à l'API data·inclusion : saisissez-le dans les Paramètres "
            "(réglage datainclusion.jeton)."
        )
    staging.mkdir(parents=True, exist_ok=True)
    (staging / COMPLETE_MARKER).unlink(missing_ok=True)
    step = progress or (lambda _label, _done, _total: None)
    counts = {"downloaded": 0, "resumed": 0}
    totals: dict[str, int] = {}
    for kind in KINDS:
        page, pages = 1, 1
        while page <= pages:
            if is_cancelled():
                raise FetchCancelled(
                    "Téléchargement annulé : les pages reçues sont gardées pour le reprendre."
                )
            document = _page(base_url, token, region, kind, page, page_size, staging, counts)
            pages, totals[kind] = max(int(document["pages"]), 1), int(document["total"])
            step(f"Téléchargement des {kind} (page {page} sur {pages})", page, pages)
            page += 1
    (staging / COMPLETE_MARKER).write_text(json.dumps(totals), encoding="utf-8")
    return FetchResult(
        staging, totals["structures"], totals["services"], counts["downloaded"], counts["resumed"]
    )


def _page(
    base_url: str,
    token: str,
    region: str | None,
    kind: str,
    page: int,
    size: int,
    staging: Path,
    counts: dict[str, int],
) -> dict[str, Any]:
    target = staging / f"{kind}-page-{page}.json"
    if target.is_file():
        try:
            document = _checked(orjson.loads(target.read_bytes()), kind, page)
        except (orjson.JSONDecodeError, DirectoryFetchError):
            target.unlink()  # a damaged page from an earlier attempt: fetched again
        else:
            counts["resumed"] += 1
            return document
    data = _get(_page_url(base_url, kind, page, size, region), token)
    try:
        document = _checked(orjson.loads(data), kind, page)
    except orjson.JSONDecodeError as error:
        raise DirectoryFetchError(
            f"La page {page} des {kind} renvoyée par l'API n'est pas du JSON lisible."
        ) from error
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)  # a page is on disk whole or not at all
    counts["downloaded"] += 1
    return document


def _page_url(base_url: str, kind: str, page: int, size: int, region: str | None) -> str:
    query: dict[str, Any] = {"page": page, "size": size}
    if region:
        query["code_region"] = region
    return f"{base_url.rstrip('/')}/api/v1/{kind}?{urllib.parse.urlencode(query)}"


def _checked(document: Any, kind: str, page: int) -> dict[str, Any]:
    ok = (
        isinstance(document, dict)
        and isinstance(document.get("items"), list)
        and all(isinstance(document.get(k), int) for k in ("total", "page", "size", "pages"))
    )
    if not ok:
        raise DirectoryFetchError(
            f"La page {page} des {kind} n'a pas la forme d'une page de l'API data·inclusion "
            '({"items": [...], "total", "page", "size", "pages"}).'
        )
    return document


def _get(url: str, token: str) -> bytes:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("https", "http"):
        raise DirectoryFetchError(f"Adresse de l'API invalide : « {parts.scheme}:… ».")
    request = urllib.request.Request(
        url, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise DirectoryFetchError(_http_reason(error.code)) from error
    except (TimeoutError, urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DirectoryFetchError(
            f"L'API data·inclusion est injoignable ({reason}) : les pages reçues sont gardées, "
            "relancez le téléchargement pour le reprendre."
        ) from error
    if len(data) > MAX_PAGE_BYTES:
        raise DirectoryFetchError("Une page de l'API est anormalement volumineuse : arrêt.")
    return data


def _http_reason(status: int) -> str:
    if status in (401, 403):
        return (
            "Le jeton d'accès à l'API data·inclusion est refusé : vérifiez-le dans les Paramètres."
        )
    if status == 429:
        return "L'API data·inclusion limite les requêtes : réessayez dans quelques minutes."
    return (
        f"L'API data·inclusion a répondu une erreur {status} : les pages reçues sont gardées, "
        "relancez le téléchargement pour le reprendre."
    )
