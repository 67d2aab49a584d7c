"""A small WebDAV client over the standard library: the six verbs the sync transport needs.

Why not `requests` or `httpx`: the transport needs PUT, GET, MOVE, DELETE, MKCOL and PROPFIND
with basic auth and a file body, nothing more; the standard `ssl` module checks certificates
against the computer's own trust store (on Windows, the store where a public body installs its
own authority; a bundled `certifi` would refuse it), and `http.client` lets another thread cut
the connection in flight, so closing the application never waits for a slow server.

Every request has a timeout; redirects are refused (credentials never follow to another host);
an HTTPS proxy configured on the computer is used through CONNECT. The password never appears
in an error message, a log line or a `repr`.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import http.client
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import SplitResult, quote, unquote, urlsplit
from xml.etree import ElementTree

from spro_desk.site.urls import check_url

DEFAULT_TIMEOUT = 20.0  # seconds, for connecting and for each read or write on the socket
BLOCK = 64 * 1024
MAX_LISTING_BYTES = 4 * 1024 * 1024  # a PROPFIND answer for a folder of a few thousand files
MAX_ERROR_BODY = 64 * 1024
DAV = "{DAV:}"
PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
    b"<d:getcontentlength/><d:getetag/><d:getlastmodified/><d:resourcetype/>"
    b"</d:prop></d:propfind>"
)


@dataclass(frozen=True)
class Endpoint:
    """A WebDAV folder and the account that writes to it."""

    url: str  # the folder, ending with "/"
    user: str
    secret: str = field(repr=False)

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or "?"


class WebDavError(Exception):
    """A request that did not succeed; the message is French and never holds the password.

    `endpoint_wide` errors (server unreachable, refused credentials, server failing) concern
    every file alike: the round stops there. The others concern the one file.
    """

    def __init__(self, message: str, *, status: int | None = None, endpoint_wide: bool = True):
        super().__init__(message)
        self.status = status
        self.endpoint_wide = endpoint_wide


@dataclass(frozen=True)
class RemoteFile:
    name: str
    size: int | None
    etag: str | None
    modified: str | None
    is_folder: bool

    def fingerprint(self) -> str:
        """What changes when the file is replaced, on servers that give an etag or not."""
        return f"{self.etag}|{self.size}|{self.modified}"


@dataclass(frozen=True)
class Download:
    size: int
    sha256: str


@dataclass(frozen=True)
class _Reply:
    status: int
    body: bytes = b""
    download: Download | None = None


def _status_message(status: int, reason: str, host: str) -> str:
    reason = " ".join(reason.split())[:80]
    messages = {
        401: "Identifiant ou mot de passe refusé par le serveur de synchronisation (401) : "
        "vérifiez-les dans Paramètres.",
        403: "Le serveur de synchronisation refuse l'accès à ce dossier (403) : vérifiez les "
        "droits du compte auprès de votre coordination.",
        404: "Dossier introuvable sur le serveur de synchronisation (404) : vérifiez l'adresse "
        "dans Paramètres.",
        407: "Le proxy de votre réseau demande une identification (407) : contactez votre "
        "service informatique.",
        409: "Dossier de synchronisation introuvable sur le serveur (409) : vérifiez l'adresse "
        "dans Paramètres.",
        507: "Le serveur de synchronisation est plein (507) : prévenez votre coordination.",
    }
    if status in messages:
        return messages[status]
    if 300 <= status < 400:
        return (
            f"Le serveur {host} renvoie vers une autre adresse ({status}) : indiquez dans "
            "Paramètres l'adresse exacte du dossier."
        )
    if status >= 500:
        return f"Le serveur {host} est en difficulté ({status} {reason}) : nouvel essai plus tard."
    return f"Réponse inattendue du serveur {host} ({status} {reason})."


def _connection_message(error: BaseException, host: str, timeout: float) -> str:
    if isinstance(error, ssl.SSLCertVerificationError):
        return (
            f"Certificat du serveur {host} non reconnu : connexion refusée par sécurité. "
            "Contactez votre coordination."
        )
    if isinstance(error, TimeoutError | socket.timeout):
        return f"Le serveur {host} ne répond pas (plus de {timeout:g} s) : nouvel essai plus tard."
    if isinstance(error, socket.gaierror):
        return (
            f"Serveur {host} introuvable : vérifiez la connexion à Internet ou l'adresse dans "
            "Paramètres."
        )
    if isinstance(error, ConnectionRefusedError):
        return f"Le serveur {host} est injoignable (connexion refusée) : nouvel essai plus tard."
    return f"Connexion au serveur {host} interrompue : nouvel essai plus tard."


def _endpoint_wide(status: int) -> bool:
    return status in (401, 403, 407, 409, 429) or status >= 500 or 300 <= status < 400


class WebDavClient:
    """Requests relative to the endpoint's folder; one connection per request."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self._cancelled = cancelled  # checked before each request; abort() cuts one in flight
        self._base = urlsplit(check_url(endpoint.url))
        self._lock = threading.Lock()
        self._active: http.client.HTTPConnection | None = None
        self._aborted = False

    @functools.cached_property
    def _context(self) -> ssl.SSLContext:
        """The system's trust store, loaded for an https server only (tens of milliseconds
        a round otherwise: a loopback http server needs none)."""
        return ssl.create_default_context()

    # --- lifetime -----------------------------------------------------------------------------

    def abort(self) -> None:
        """Cut the request in flight, from any thread; later requests fail at once."""
        with self._lock:
            self._aborted = True
            connection = self._active
        if connection is not None and connection.sock is not None:
            with contextlib.suppress(OSError):  # already closed
                connection.sock.shutdown(socket.SHUT_RDWR)

    # --- verbs --------------------------------------------------------------------------------

    def put(self, path: str, source: Path) -> None:
        size = source.stat().st_size
        with open(source, "rb") as body:
            self._call("PUT", path, body=body, length=size, ok=(200, 201, 204))

    def download(self, path: str, target: Path, *, max_bytes: int) -> Download:
        """Stream the file into `target`, hashing it; refuses more than `max_bytes`."""
        download = self._call("GET", path, ok=(200,), sink=(target, max_bytes)).download
        assert download is not None  # a GET with a sink always streams
        return download

    def move(self, source: str, target: str) -> bool:
        """Rename without ever replacing: False when `target` already exists (412)."""
        headers = {"Destination": self.url(target), "Overwrite": "F"}
        return self._call("MOVE", source, headers=headers, ok=(201, 204, 412)).status != 412

    def delete(self, path: str) -> None:
        self._call("DELETE", path, ok=(200, 204, 404))

    def make_folder(self, path: str) -> None:
        self._call("MKCOL", path, ok=(201, 405))  # 405: it exists already

    def stat(self, path: str) -> RemoteFile | None:
        files = self._propfind(path, depth="0")
        return files.get(self._path(path)) if files else None

    def list_folder(self, path: str) -> list[RemoteFile] | None:
        """The folder's files and subfolders, or None when the folder does not exist."""
        files = self._propfind(path.rstrip("/") + "/", depth="1")
        if files is None:
            return None
        files.pop(self._path(path), None)  # the folder itself
        return list(files.values())

    # --- plumbing -----------------------------------------------------------------------------

    def url(self, path: str) -> str:
        base = self._base
        return f"{base.scheme}://{base.netloc}{base.path}{quote(path)}"

    def _path(self, path: str) -> str:
        """The server path of `path`, unquoted and without a final "/", as listings are keyed."""
        return (self._base.path + path).rstrip("/")

    def _propfind(self, path: str, *, depth: str) -> dict[str, RemoteFile] | None:
        headers = {"Depth": depth, "Content-Type": 'application/xml; charset="utf-8"'}
        reply = self._call(
            "PROPFIND", path, body=PROPFIND_BODY, headers=headers, ok=(207, 404), keep_body=True
        )
        if reply.status == 404:
            return None
        return _parse_multistatus(reply.body, self.endpoint.host)

    def _headers(self, extra: dict[str, str] | None, length: int | None) -> dict[str, str]:
        credentials = f"{self.endpoint.user}:{self.endpoint.secret}".encode()
        headers = {
            "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
            "User-Agent": "spro-desk",
            **(extra or {}),
        }
        if length is not None:
            headers["Content-Length"] = str(length)
        return headers

    def _connect(self) -> http.client.HTTPConnection:
        host, port = self._base.hostname or "", self._base.port
        if self._base.scheme == "http":  # loopback only (check_url): no proxy
            return http.client.HTTPConnection(host, port, timeout=self.timeout, blocksize=BLOCK)
        proxy = _https_proxy(host)
        if proxy is None:
            return http.client.HTTPSConnection(
                host, port, timeout=self.timeout, context=self._context, blocksize=BLOCK
            )
        connection = http.client.HTTPSConnection(
            proxy.hostname or "", proxy.port or 8080, timeout=self.timeout,
            context=self._context, blocksize=BLOCK,
        )  # fmt: skip
        tunnel_headers = {}
        if proxy.username:
            pair = f"{unquote(proxy.username)}:{unquote(proxy.password or '')}".encode()
            tunnel_headers["Proxy-Authorization"] = "Basic " + base64.b64encode(pair).decode()
        connection.set_tunnel(host, port or 443, headers=tunnel_headers)
        return connection

    def _call(
        self,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...],
        body: bytes | BinaryIO | None = None,
        length: int | None = None,
        headers: dict[str, str] | None = None,
        sink: tuple[Path, int] | None = None,
        keep_body: bool = False,
    ) -> _Reply:
        host = self.endpoint.host
        if isinstance(body, bytes):
            length = len(body)
        with self._lock:
            if self._aborted or self._cancelled():
                raise WebDavError("Synchronisation interrompue.")
            connection = self._active = self._connect()
        try:
            target = self._base.path + quote(path)
            connection.request(method, target, body=body, headers=self._headers(headers, length))
            response = connection.getresponse()
            if response.status not in ok:
                response.read(MAX_ERROR_BODY)
                raise WebDavError(
                    _status_message(response.status, response.reason, host),
                    status=response.status,
                    endpoint_wide=_endpoint_wide(response.status),
                )
            if sink is not None:
                return _Reply(response.status, download=self._stream(response, *sink))
            data = _read_bounded(response, MAX_LISTING_BYTES if keep_body else MAX_ERROR_BODY)
            return _Reply(response.status, data if keep_body else b"")
        except WebDavError:
            raise
        except (OSError, http.client.HTTPException) as error:
            if self._aborted:
                raise WebDavError("Synchronisation interrompue.") from error
            raise WebDavError(_connection_message(error, host, self.timeout)) from error
        finally:
            with self._lock:
                self._active = None
            connection.close()

    def _stream(self, response: http.client.HTTPResponse, target: Path, limit: int) -> Download:
        digest, size = hashlib.sha256(), 0
        deadline = time.monotonic() + max(self.timeout * 30, 600)  # a slow drip has an end too
        with open(target, "wb") as file:
            while chunk := response.read(BLOCK):
                size += len(chunk)
                if size > limit or time.monotonic() > deadline:
                    raise WebDavError(
                        "Fichier reçu anormalement volumineux ou trop lent : abandonné.",
                        endpoint_wide=False,
                    )
                digest.update(chunk)
                file.write(chunk)
        declared = response.getheader("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) != size:
            raise WebDavError("Téléchargement incomplet : nouvel essai plus tard.")
        return Download(size, digest.hexdigest())


def _read_bounded(response: http.client.HTTPResponse, limit: int) -> bytes:
    data = response.read(limit + 1)
    if len(data) > limit:
        raise WebDavError("Réponse du serveur anormalement volumineuse.", endpoint_wide=False)
    if response.length:  # bytes announced but never sent: the connection was cut
        raise WebDavError("Réponse du serveur interrompue : nouvel essai plus tard.")
    return data


def _https_proxy(host: str) -> SplitResult | None:
    """The HTTPS proxy the computer is configured with (environment, Windows registry)."""
    proxies = urllib.request.getproxies()
    proxy = proxies.get("https")
    if not proxy or urllib.request.proxy_bypass(host):
        return None
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    return parts if parts.hostname else None


def _text(element: ElementTree.Element | None) -> str | None:
    return element.text.strip() if element is not None and element.text else None


def _parse_multistatus(body: bytes, host: str) -> dict[str, RemoteFile]:
    """The entries of a PROPFIND answer by server path (unquoted, without a final "/")."""
    try:
        root = ElementTree.fromstring(body)  # no external entities; bounded size
    except ElementTree.ParseError as error:
        raise WebDavError(f"Réponse illisible du serveur {host} (liste des fichiers).") from error
    files = {}
    for response in root.iter(f"{DAV}response"):
        href = _text(response.find(f"{DAV}href")) or ""
        path = unquote(urlsplit(href).path).rstrip("/")
        name = path.rsplit("/", 1)[-1]
        props = _found_props(response)
        size = _text(props.find(f"{DAV}getcontentlength"))
        kind = props.find(f"{DAV}resourcetype")
        files[path] = RemoteFile(
            name=name,
            size=int(size) if size and size.isdigit() else None,
            etag=_text(props.find(f"{DAV}getetag")),
            modified=_text(props.find(f"{DAV}getlastmodified")),
            is_folder=kind is not None and kind.find(f"{DAV}collection") is not None,
        )
    return files


def _found_props(response: ElementTree.Element) -> ElementTree.Element:
    """The properties of the `200 OK` propstat (others list what the server does not have)."""
    merged = ElementTree.Element("prop")
    for propstat in response.iter(f"{DAV}propstat"):
        status = _text(propstat.find(f"{DAV}status")) or ""
        prop = propstat.find(f"{DAV}prop")
        if " 200 " in f"{status} " and prop is not None:
            merged.extend(list(prop))
    return merged
