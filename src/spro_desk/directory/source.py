"""Reading a data·inclusion directory in any of the forms data·inclusion distributes it.

- a folder or a .zip holding ``structures.json`` and ``services.json`` (the hub's export);
- data.gouv.fr's ``structures-inclusion-<date>`` and ``services-inclusion-<date>`` files, as
  JSON, CSV or XLSX (a single file stands for itself and its sibling of the other kind);
- the API v1's paged JSON (``{"items": [...], "total", "page", "size", "pages"}``), one page per
  file (``structures-page-2.json``…) or a single page.

Rows of the old schema (v0) are recognised and refused as a whole. Everything read from outside
is bounded: archive members by size and compression ratio before they are inflated, JSON by
depth (orjson: 1024 levels) and by the size of its numbers (64 bits).
"""

from __future__ import annotations

import ast
import codecs
import csv
import io
import itertools
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import IO, Any, cast

import orjson

STRUCTURES_FILE = "structures.json"
SERVICES_FILE = "services.json"
KINDS = ("structures", "services")
FORMATS = ("json", "csv", "xlsx", "geojson")  # preferred first when one distribution holds several

# A national services file is ~250 MB of JSON; beyond 2 GiB it is not a directory.
MAX_MEMBER_BYTES = 2 * 1024**3
# JSON exports deflate ~10-20 times; a member inflating 1 MiB to 1 GiB is a bomb.
MAX_COMPRESSION_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # tiny members may compress a lot without harm
_CHUNK = 1024 * 1024
_MAX_CELL_LIST_CHARS = 20_000
_MAX_ROW_CHARS = 16 * 1024 * 1024  # one row: a long description, not a whole file
_MAX_PAGE_BYTES = 256 * 1024 * 1024  # one API page is a few MB
_MAX_NUMBER_CHARS = 40  # coordinates and counts; 5,000 digits is an attack
_V0_SAMPLE = 50

_FILE_NAME = re.compile(
    r"^(?P<kind>structures|services)(?:[-_](?P<rest>[\w.-]*?))?\.(?P<ext>json|csv|xlsx|geojson|parquet)$",
    re.IGNORECASE,
)
_PAGE = re.compile(r"^(?:page[-_]?)?(\d{1,6})$", re.IGNORECASE)
# Field names of the old schema (v0) that v1 renamed or removed.
_V0_STRUCTURE_FIELDS = frozenset(
    {"typologie", "presentation_resume", "presentation_detail", "labels_nationaux", "antenne"}
)
_V0_SERVICE_FIELDS = frozenset(
    {"profils", "types", "presentation_resume", "zone_diffusion_type", "zone_diffusion_code"}
)


class DirectoryImportError(Exception):
    """The directory cannot be imported at all; the message says why, in French."""


class DirectoryShrinkRefused(DirectoryImportError):
    """The import would shrink the loaded directory a lot: refused unless confirmed (--force)."""

    def __init__(
        self, message: str, current: tuple[int, int], incoming: tuple[int, int], rejected: int
    ) -> None:
        super().__init__(message)
        self.current = current  # (structures, services) loaded now
        self.incoming = incoming  # (structures, services) the import would leave
        self.rejected = rejected


@dataclass
class RawDirectory:
    source: str
    structures: list[Any]
    services: list[Any]
    files: dict[str, str] = field(default_factory=dict)  # kind -> the file(s) read, for reports


@dataclass(frozen=True)
class _Member:
    """One file to read: its display name, how to get its bytes or a binary stream of them."""

    name: str
    read: Callable[[], bytes]
    open: Callable[[], IO[bytes]]


class DirectorySource:
    """The files of one distribution, read row by row; a context manager (archives stay open)."""

    def __init__(self, source: str, chosen: dict[str, list[_Member]], closing: Any = None) -> None:
        self.source = source
        self._closing = closing
        self._chosen = _resolve_auto(chosen)

    def __enter__(self) -> DirectorySource:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._closing is not None:
            self._closing.close()

    def rows(self, kind: str) -> Iterator[tuple[str, int, Any]]:
        """(file name, index in the file, row) of every row of that kind; v0 rows refused."""
        fields = _V0_STRUCTURE_FIELDS if kind == "structures" else _V0_SERVICE_FIELDS
        _check_all_pages(self._chosen.get(kind, []), kind)
        for member in self._chosen.get(kind, []):
            rows = _refusing_v0(stream_rows(member), fields)
            for index, row in enumerate(rows):
                yield member.name, index, row


def _check_all_pages(members: list[_Member], kind: str) -> None:
    """API pages: as many files as the first page announces, or the download is incomplete."""
    named = _FILE_NAME.match(members[0].name) if members else None
    if named is None or not _PAGE.match(named["rest"] or ""):
        return
    first = members[0]
    try:
        announced = orjson.loads(first.read()).get("pages")
    except (orjson.JSONDecodeError, AttributeError):
        return  # reading the rows reports it
    if isinstance(announced, int) and announced > len(members):
        raise DirectoryImportError(
            f"Il manque des pages de {kind} : {len(members)} sur {announced}. Le téléchargement "
            "depuis l'API est incomplet ; relancez-le pour le terminer."
        )


def open_directory(path: Path) -> DirectorySource:
    """The distribution at `path` (folder, .zip, one file with its sibling), ready to stream."""
    if not path.exists():
        raise DirectoryImportError(f"Le fichier ou dossier « {path} » n'existe pas.")
    if path.is_dir():
        members = {p.name: _file_member(p) for p in sorted(path.iterdir()) if p.is_file()}
        return DirectorySource(str(path), _choose(members, f"Le dossier « {path} »"))
    if zipfile.is_zipfile(path) and path.suffix.lower() != ".xlsx":
        return _open_zip(path)
    if _FILE_NAME.match(path.name) or path.suffix.lower() == ".json":
        return DirectorySource(str(path), _single_file(path))
    raise DirectoryImportError(
        f"« {path.name} » n'est pas un export data·inclusion reconnu : choisissez un dossier, "
        "une archive .zip, ou les fichiers structures-inclusion-… et services-inclusion-… "
        "(JSON, CSV, XLSX ou GeoJSON)."
    )


def read_directory(path: Path) -> RawDirectory:
    """Every row in memory: for the coordinator, which republishes them as two JSON files."""
    with open_directory(path) as source:
        rows = {kind: [row for _, _, row in source.rows(kind)] for kind in KINDS}
        return RawDirectory(source.source, rows["structures"], rows["services"])


def _file_member(path: Path) -> _Member:
    def check() -> None:
        if path.stat().st_size > MAX_MEMBER_BYTES:
            raise DirectoryImportError(f"Le fichier {path.name} est trop volumineux.")

    def read() -> bytes:
        try:
            check()
            return path.read_bytes()
        except OSError as error:
            raise DirectoryImportError(f"Impossible de lire {path} : {error.strerror}.") from error

    def open_() -> IO[bytes]:
        try:
            check()
            return path.open("rb")
        except OSError as error:
            raise DirectoryImportError(f"Impossible de lire {path} : {error.strerror}.") from error

    return _Member(path.name, read, open_)


def _single_file(path: Path) -> dict[str, list[_Member]]:
    """A file alone: its kind from its name (or its rows), its sibling of the other kind."""
    match = _FILE_NAME.match(path.name)
    if match is None:
        return {"auto": [_file_member(path)]}
    kind = match["kind"].lower()
    other = "services" if kind == "structures" else "structures"
    sibling = path.with_name(other + path.name[len(kind) :])
    chosen = {kind: [_file_member(path)]}
    if sibling.is_file():
        chosen[other] = [_file_member(sibling)]
    return chosen


def _choose(members: dict[str, _Member], where: str) -> dict[str, list[_Member]]:
    """The files of each kind: API pages in order, else the newest file of the preferred format."""
    found: dict[str, list[tuple[str, str, _Member]]] = {kind: [] for kind in KINDS}
    for name, member in members.items():
        match = _FILE_NAME.match(PurePosixPath(name).name)
        if match is not None:
            found[match["kind"].lower()].append((match["rest"] or "", match["ext"].lower(), member))
    chosen: dict[str, list[_Member]] = {}
    for kind, candidates in found.items():
        if candidates:
            chosen[kind] = _pick(candidates)
    if "structures" not in chosen:
        raise DirectoryImportError(
            f"{where} ne contient pas de fichier de structures (structures.json ou "
            "structures-inclusion-<date>.json, .csv, .xlsx ou .geojson)."
        )
    return chosen


def _pick(candidates: list[tuple[str, str, _Member]]) -> list[_Member]:
    pages = [(int(m[1]), member) for rest, ext, member in candidates
             if ext == "json" and (m := _PAGE.match(rest)) is not None]  # fmt: skip
    if len(pages) > 1:
        return [member for _, member in sorted(pages, key=lambda page: page[0])]
    best = max(candidates, key=lambda c: (-_format_rank(c[1]), c[0]))
    return [best[2]]


def _format_rank(ext: str) -> int:
    return FORMATS.index(ext) if ext in FORMATS else len(FORMATS)


# --- archives -------------------------------------------------------------------------------


def _open_zip(path: Path) -> DirectorySource:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as error:
        raise DirectoryImportError(f"L'archive « {path.name} » est illisible ({error}).") from error
    try:
        members = {
            info.filename: _zip_member(archive, info, path.name)
            for info in archive.infolist()
            if not info.is_dir()
        }
        return DirectorySource(str(path), _choose(members, f"L'archive « {path.name} »"), archive)
    except BaseException:
        archive.close()
        raise


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, archive_name: str) -> _Member:
    def read() -> bytes:
        check_member_size(info, archive_name)
        return _bounded_read(archive, info, archive_name)

    def open_() -> IO[bytes]:
        check_member_size(info, archive_name)
        try:
            raw = archive.open(info)
        except (zipfile.BadZipFile, OSError, RuntimeError) as error:
            raise DirectoryImportError(
                f"L'archive « {archive_name} » est illisible ({error})."
            ) from error
        bounded = _BoundedStream(raw, info.file_size, f"{info.filename} ({archive_name})")
        return cast(IO[bytes], io.BufferedReader(bounded, _CHUNK))

    return _Member(PurePosixPath(info.filename).name, read, open_)


class _BoundedStream(io.RawIOBase):
    """An archive member that may not inflate beyond what its header announced."""

    def __init__(self, raw: IO[bytes], limit: int, name: str) -> None:
        self._raw, self._left, self._name = raw, limit, name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._raw.read(min(len(buffer), self._left + 1))
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as error:
            raise DirectoryImportError(
                f"Le fichier {self._name} est illisible ({error})."
            ) from error
        if len(data) > self._left:
            raise DirectoryImportError(
                f"Le fichier {self._name} est plus grand que ce qu'annonce l'archive : "
                "archive suspecte, import refusé."
            )
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def check_member_size(info: zipfile.ZipInfo, archive_name: str) -> None:
    """Refuse a member before inflating it when its header announces a bomb."""
    if info.file_size > MAX_MEMBER_BYTES:
        raise DirectoryImportError(
            f"Le fichier {info.filename} de l'archive « {archive_name} » est trop volumineux "
            f"({info.file_size // 1024**2} Mo décompressés) : import refusé."
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > MAX_COMPRESSION_RATIO:
        raise DirectoryImportError(
            f"Le fichier {info.filename} de l'archive « {archive_name} » se décompresse "
            f"{ratio:.0f} fois (au plus {MAX_COMPRESSION_RATIO} attendu) : archive suspecte, "
            "import refusé."
        )


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, archive_name: str) -> bytes:
    """Read at most what the header announced: a lying header cannot inflate further."""
    buffer = io.BytesIO()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            if buffer.tell() + len(chunk) > info.file_size:
                raise DirectoryImportError(
                    f"Le fichier {info.filename} de l'archive « {archive_name} » est plus grand "
                    "que ce qu'annonce l'archive : archive suspecte, import refusé."
                )
            buffer.write(chunk)
    return buffer.getvalue()


# --- parsing --------------------------------------------------------------------------------


def _resolve_auto(chosen: dict[str, list[_Member]]) -> dict[str, list[_Member]]:
    """A lone JSON file whose name says nothing: its kind from its first row."""
    resolved = {kind: members for kind, members in chosen.items() if kind != "auto"}
    for member in chosen.get("auto", []):
        first = next(iter(stream_rows(member)), None)
        if not isinstance(first, dict):
            raise DirectoryImportError(
                f"Le fichier {member.name} ne dit pas s'il contient des structures ou des "
                "services : nommez-le structures….json ou services….json."
            )
        resolved.setdefault("services" if "structure_id" in first else "structures", []).append(
            member
        )
    return resolved


def _refusing_v0(rows: Iterator[Any], fields: frozenset[str]) -> Iterator[Any]:
    """The rows, once the first ones have shown they are not of the old schema."""
    head = list(itertools.islice(rows, _V0_SAMPLE))
    sample = [row for row in head if isinstance(row, dict)]
    if sample and sum(1 for row in sample if fields & row.keys()) > len(sample) // 2:
        raise DirectoryImportError(
            "Ces fichiers sont à l'ancien format de data·inclusion (schéma v0 : "
            "presentation_resume, profils, zone_diffusion…) : ils sont refusés en entier et "
            "l'annuaire actuel est conservé. Téléchargez l'export au format v1 sur "
            "data.gouv.fr ou depuis l'API data·inclusion v1."
        )
    yield from head
    yield from rows


def stream_rows(member: _Member) -> Iterator[Any]:
    """The rows of one file, whatever its format, one at a time; French errors."""
    extension = PurePosixPath(member.name).suffix.lower()
    if extension == ".parquet":
        raise DirectoryImportError(
            f"Le fichier {member.name} est au format Parquet, que SPRO Desk ne lit pas encore : "
            "importez la version JSON, CSV, XLSX ou GeoJSON de la même publication "
            "(data.gouv.fr)."
        )
    if extension == ".xlsx":
        yield from _xlsx_rows(member.read(), member.name)
        return
    with member.open() as stream:
        if extension == ".csv":
            yield from _csv_rows(stream, member.name)
        elif extension == ".geojson":
            yield from _geojson_rows(stream, member.name)
        else:
            yield from _json_rows(stream, member.name)


def parse_rows(data: bytes, name: str) -> list[Any]:
    """The rows of one file held in memory (a bundle member, a test)."""
    member = _Member(name, lambda: data, lambda: io.BytesIO(data))
    return list(stream_rows(member))


def _bounded_int(text: str) -> int:
    if len(text) > _MAX_NUMBER_CHARS:
        raise _NumberTooLong
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > _MAX_NUMBER_CHARS:
        raise _NumberTooLong
    return float(text)


def _no_constant(_text: str) -> Any:
    raise ValueError("NaN ou Infinity")


class _NumberTooLong(ValueError):
    pass


_DECODER = json.JSONDecoder(
    parse_int=_bounded_int, parse_float=_bounded_float, parse_constant=_no_constant
)
_SKIP = re.compile(r"[\s,]*")


def _skip(text: str, position: int) -> int:
    """The position after any whitespace and commas (the pattern always matches)."""
    found = _SKIP.match(text, position)
    return found.end() if found is not None else position


def _json_rows(stream: IO[bytes], name: str) -> Iterator[Any]:
    """The rows of a JSON list (or of an API page) without holding the whole file: each row
    is decoded by the standard C decoder straight from a sliding text buffer."""
    reader = _TextWindow(stream, name)
    first = reader.first_char()
    if first == "{":
        yield from _page_rows(reader.rest_bytes(), name)
        return
    if first != "[":
        raise DirectoryImportError(
            f"Le fichier {name} doit contenir une liste de lignes ou une page de l'API "
            'data·inclusion ({"items": [...]}).'
        )
    reader.position += 1
    while True:
        value = reader.next_value()
        if value is _END:
            return
        yield value


_END = object()
# Where a FeatureCollection's list starts; writers put "type", "name" and "crs" before it.
_FEATURES = re.compile(r'"features"\s*:\s*\[')


def _geojson_rows(stream: IO[bytes], name: str) -> Iterator[dict[str, Any]]:
    """The properties of each feature of a GeoJSON FeatureCollection, streamed like a list."""
    reader = _TextWindow(stream, name)
    if reader.first_char() != "{" or not reader.seek(_FEATURES):
        raise _not_geojson(name)
    while True:
        feature = reader.next_value()
        if feature is _END:
            return
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise _not_geojson(name)
        yield _feature_row(properties, feature.get("geometry"))


def _feature_row(properties: dict[str, Any], geometry: Any) -> dict[str, Any]:
    """Lists may come as JSON arrays or as text (as in CSV); a Point fills missing coordinates."""
    row = _row_from_cells(list(properties), properties.values())
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return row
    point = geometry.get("coordinates")
    if (
        isinstance(point, list)
        and len(point) >= 2
        and row.get("latitude") is None
        and row.get("longitude") is None
    ):
        row["longitude"], row["latitude"] = point[0], point[1]
    return row


def _not_geojson(name: str) -> DirectoryImportError:
    return DirectoryImportError(
        f"Le fichier {name} n'est pas une collection d'entités GeoJSON (FeatureCollection "
        "dont chaque entité porte ses propriétés) : vérifiez qu'il s'agit bien d'un export "
        "data·inclusion."
    )


class _TextWindow:
    """A UTF-8 text buffer over a binary stream, refilled as rows are decoded."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream, self.name = stream, name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer, self.position, self.eof = "", 0, False
        self._fill()

    def _fill(self) -> None:
        data = self.stream.read(_CHUNK)
        self.eof = not data
        try:
            text = self.decoder.decode(data, final=self.eof)
        except UnicodeDecodeError as error:
            raise DirectoryImportError(f"Le fichier {self.name} n'est pas en UTF-8.") from error
        self.buffer = self.buffer[self.position :] + text
        self.position = 0

    def first_char(self) -> str:
        self.position = _skip(self.buffer, 0)
        while self.position >= len(self.buffer) and not self.eof:
            self._fill()
            self.position = _skip(self.buffer, 0)
        return self.buffer[self.position : self.position + 1]

    def seek(self, pattern: re.Pattern[str]) -> bool:
        """Move just past the first match of `pattern`, looking at most one row's length."""
        while (found := pattern.search(self.buffer, self.position)) is None:
            if self.eof or len(self.buffer) - self.position > _MAX_ROW_CHARS:
                return False
            self._fill()
        self.position = found.end()
        return True

    def rest_bytes(self) -> bytes:
        pending = self.buffer[self.position :].encode()
        total = len(pending)
        chunks = [pending]
        while chunk := self.stream.read(_CHUNK):
            total += len(chunk)
            if total > _MAX_PAGE_BYTES:
                raise DirectoryImportError(f"La page d'API {self.name} est trop volumineuse.")
            chunks.append(chunk)
        return b"".join(chunks)

    def next_value(self) -> Any:
        while True:
            self.position = _skip(self.buffer, self.position)
            at_end = self.position >= len(self.buffer)
            if at_end and self.eof:
                raise self._error("la liste n'est pas terminée")
            if not at_end and self.buffer[self.position] == "]":
                return _END
            if not at_end:
                decoded = self._decode()
                if decoded is not None:
                    return decoded[0]
            if len(self.buffer) - self.position > _MAX_ROW_CHARS:
                raise self._error("ligne trop longue ou JSON invalide")
            self._fill()

    def _decode(self) -> tuple[Any] | None:
        """The value at the position, or None when the buffer may hold only part of it."""
        try:
            value, end = _DECODER.raw_decode(self.buffer, self.position)
        except _NumberTooLong as error:
            raise self._error("nombre trop long") from error
        except RecursionError as error:
            raise self._error("imbrication trop profonde") from error
        except json.JSONDecodeError as error:
            if self.eof:
                raise self._error(f"erreur près du caractère {error.pos}") from error
            return None
        except ValueError as error:
            raise self._error(str(error)) from error
        if end >= len(self.buffer) and not self.eof:
            return None  # a number may go on in the next chunk
        self.position = end
        return (value,)

    def _error(self, reason: str) -> DirectoryImportError:
        return DirectoryImportError(
            f"Le fichier {self.name} n'est pas un JSON lisible ({reason}). Vérifiez qu'il "
            "s'agit bien d'un export data·inclusion."
        )


def _page_rows(data: bytes, name: str) -> list[Any]:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise DirectoryImportError(
            f"Le fichier {name} n'est pas un JSON lisible ({_json_reason(error)}). Vérifiez "
            "qu'il s'agit bien d'un export data·inclusion."
        ) from error
    if isinstance(document, dict) and isinstance(document.get("items"), list):
        return document["items"]  # one page of the API v1
    raise DirectoryImportError(
        f"Le fichier {name} doit contenir une liste de lignes ou une page de l'API "
        'data·inclusion ({"items": [...]}).'
    )


def _json_reason(error: orjson.JSONDecodeError) -> str:
    text = str(error)
    if "ecursion" in text:
        return "imbrication trop profonde"
    if "64-bit" in text or "range" in text:
        return "nombre trop grand"
    return f"erreur à la position {error.pos}" if getattr(error, "pos", None) is not None else text


# --- tabular formats: CSV and XLSX ------------------------------------------------------------


@lru_cache(maxsize=1)
def _list_fields() -> frozenset[str]:
    """Fields holding lists in the v1 models: tabular exports write them as text."""
    from data_inclusion.schema.v1 import Service, Structure

    names = set()
    for model in (Structure, Service):
        for name, info in model.model_fields.items():
            annotation = str(info.annotation)
            if "list[" in annotation or "set[" in annotation or "List[" in annotation:
                names.add(name)
    return frozenset(names)


def list_cell(value: Any) -> Any:
    """A list written in a CSV/XLSX cell: JSON (["a", "b"]), Python's repr (['a', 'b']) as
    pandas writes it, a PostgreSQL array ({a,b}) or plain comma-separated text."""
    if value is None or isinstance(value, list):
        return value
    text = str(value).strip()
    if not text:
        return None
    if len(text) > _MAX_CELL_LIST_CHARS:
        return text  # the model rejects it as "not a list"
    if text.startswith("[") and text.endswith("]"):
        for parse in (orjson.loads, ast.literal_eval):
            try:
                parsed = parse(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                continue
            if isinstance(parsed, list | tuple):
                return list(parsed)
        text = text[1:-1]
    elif text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return [part.strip().strip("'\"") for part in re.split(r"[,;|]", text) if part.strip()]


def _row_from_cells(header: list[str], cells: Iterable[Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    lists = _list_fields()
    for name, value in zip(header, cells, strict=False):
        if not name:
            continue
        if isinstance(value, str):
            value = value if value.strip() else None
        if name in lists:
            value = list_cell(value)
        elif name == "x_spro" and isinstance(value, str):
            try:
                value = orjson.loads(value)
            except orjson.JSONDecodeError:
                value = None
        row[name] = value
    return row


def _csv_rows(stream: IO[bytes], name: str) -> Iterator[dict[str, Any]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        first_line = text.readline()
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        csv.field_size_limit(_MAX_ROW_CHARS)
        header = [h.strip() for h in next(csv.reader([first_line], delimiter=delimiter), [])]
        if "id" not in header:
            raise DirectoryImportError(f"Le fichier {name} n'a pas de colonne « id ».")
        for cells in csv.reader(text, delimiter=delimiter):
            if any(cells):
                yield _row_from_cells(header, cells)
    except UnicodeDecodeError as error:
        raise DirectoryImportError(f"Le fichier {name} n'est pas encodé en UTF-8.") from error
    except csv.Error as error:
        raise DirectoryImportError(
            f"Le fichier {name} n'est pas un CSV lisible ({error})."
        ) from error
    finally:
        text.detach()


def _xlsx_rows(data: bytes, name: str) -> Iterator[dict[str, Any]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for info in package.infolist():
                check_member_size(info, name)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DirectoryImportError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise DirectoryImportError(f"Le classeur {name} est illisible ({error}).") from error
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        if "id" not in header:
            raise DirectoryImportError(f"Le classeur {name} n'a pas de colonne « id ».")
        for cells in rows:
            if any(cell is not None for cell in cells):
                yield _row_from_cells(header, cells)
    finally:
        workbook.close()
