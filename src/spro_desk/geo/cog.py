"""French administrative geography (INSEE COG): communes, EPCI, départements, régions.

The data comes from ``resources/geo/cog.json.gz``, built by ``tools/build_geo.py`` from the
``@etalab/decoupage-administratif`` package. Zone codes follow data·inclusion's
``zone_eligibilite``: a 5-character commune code, a 9-digit EPCI SIREN, a 2-3 character
département code, or ``france`` / ``99100`` for the whole country.

Loading only decompresses the column lists and indexes commune codes; ``Commune`` objects,
zone memberships and the search index are built on first use so that start-up stays fast.
"""

from __future__ import annotations

import gzip
import heapq
import json
import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from spro_desk.resources import resource_path
from spro_desk.text import fold

ZoneKind = Literal["commune", "epci", "departement", "region", "france"]

FORMAT_VERSION = 1
FRANCE = "france"
FRANCE_COUNTRY_CODE = "99100"
# Zone codes are compared upper-cased, so "france" is looked up in this form.
_FRANCE_KEYS = frozenset({FRANCE.upper(), FRANCE_COUNTRY_CODE})
_FRANCE_LABEL = "France"

# Nobody types a commune name this long; longer text is refused before any folding work.
_MAX_QUERY_CHARS = 256
_CODE_QUERY = re.compile(r"[0-9]{1,5}|2[AB][0-9]{0,3}")
# Same notion of a word as ``spro_desk.text.words``: runs of letters, digits and "_".
_NON_WORD = re.compile(r"\W+")
# A name followed by a postal code: how the commune completer writes a commune; or by its
# département, as people say it (« Saint-Denis 93 », « Saint-Pierre 974 »).
_NAME_AND_POSTAL = re.compile(
    r"\s*(\D*?\w\D*?)(?:\s+([0-9]{5}|9[78][0-9]|[0-9]{2}|2[ABab])|\s*\((\w{2,5})\))\s*$"
)
# Homonyms searched before the postal code picks one (« Saint-Denis » has dozens).
SAME_NAME_LIMIT = 200
_NON_WORD_KEEP_LINES = re.compile(r"[^\w\n]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
# Places people name that the COG does not: Wallis-et-Futuna's communes are its three kingdoms
# (Uvea is the island of Wallis, with Mata-Utu; Alo and Sigave share Futuna).
_PLACE_ALIASES = {"wallis": ("98613",), "mata utu": ("98613",), "futuna": ("98611", "98612")}
_ALIAS_MIN_CHARS = 3
_ORDINAL = re.compile(r"([0-9]{1,2})(?:eme|ieme|em|ere|re|e|er)")
# Sorts after every character that can appear in a search key.
_KEY_END = chr(0x10FFFF)


# A postal code at the end of a commune as typed: « saint-paul 97460 », « Saint-Paul (97460) ».
_TRAILING_POSTAL = re.compile(r"\b([0-9]{5})\)?$")


def commune_label(commune: Commune, typed: str = "") -> str:
    """``Bourges (18000)``: the postal code tells homonyms apart. A commune with several
    (Saint-Paul in La Réunion has six, Toulouse five) shows the one `typed` names
    (« 97460 » → ``Saint-Paul (97460)``), else its département (``Saint-Paul (974)``): any
    one of its codes would be wrong for most of its people, and its INSEE code reads as a
    postal code (Saint-Denis's 97411 is one of Saint-Paul's). A name and a département tell
    every commune apart, as a name and a postal code do."""
    codes = commune.codes_postaux
    named = [code for code in codes if _postal_typed(typed, code)]
    if len(codes) == 1 or len(named) == 1:
        return f"{commune.nom} ({codes[0] if len(codes) == 1 else named[0]})"
    return f"{commune.nom} ({commune.departement})"


def _postal_typed(typed: str, code: str) -> bool:
    """Whether `typed` names the postal code `code`: its first digits typed alone
    (« 9746 »), or the whole code after a name (« saint-paul 97460 », « Saint-Paul (97460) »)."""
    text = typed.strip()
    if text.isdigit() and 2 <= len(text) <= 5:
        return code.startswith(text)
    found = _TRAILING_POSTAL.search(text)
    return found is not None and found.group(1) == code


class GeographyError(RuntimeError):
    """The geography resource is missing or unusable."""


@dataclass(frozen=True, slots=True)
class Commune:
    code: str
    nom: str
    departement: str
    region: str
    epci: str | None
    codes_postaux: tuple[str, ...]
    population: int
    # Paris, Lyon and Marseille arrondissements: the code of the city they belong to.
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Epci:
    code: str
    nom: str


@dataclass(frozen=True, slots=True)
class Departement:
    code: str
    nom: str
    region: str


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    nom: str


@dataclass(frozen=True, slots=True)
class GeoSource:
    """Where the resource comes from, for the "À propos" dialog."""

    package: str
    version: str
    licence: str
    url: str


@dataclass(frozen=True, slots=True)
class _CommuneColumns:
    codes: list[str]
    names: list[str]
    departements: list[str]
    epcis: list[str | None]
    postal_codes: list[str]
    populations: list[int]
    parents: list[str | None]

    @classmethod
    def from_document(cls, columns: dict[str, Any]) -> _CommuneColumns:
        table = cls(
            codes=columns["code"],
            names=columns["nom"],
            departements=columns["departement"],
            epcis=columns["epci"],
            postal_codes=columns["codes_postaux"],
            populations=columns["population"],
            parents=columns["parent"],
        )
        if len({len(column) for column in table.all_columns()}) != 1:
            raise ValueError("commune columns have different lengths")
        return table

    def all_columns(self) -> tuple[list[Any], ...]:
        return (
            self.codes,
            self.names,
            self.departements,
            self.epcis,
            self.postal_codes,
            self.populations,
            self.parents,
        )


def _normalise_code(code: str) -> str:
    return code.strip().upper()


def _rows(columns: dict[str, list[str]], fields: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    return zip(*(columns[field] for field in fields), strict=True)


def _read_document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, EOFError, ValueError) as error:
        raise GeographyError(
            f"Le référentiel géographique est illisible ({path}) : {error}"
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_VERSION:
        raise GeographyError(
            f"Le référentiel géographique ({path}) n'est pas au format attendu "
            f"(version {FORMAT_VERSION})."
        )
    return document


class Geography:
    """Read-only lookups over the COG; one instance is shared by the whole application."""

    def __init__(self, document: dict[str, Any]) -> None:
        try:
            self._build(document)
        except (KeyError, TypeError, ValueError) as error:
            raise GeographyError(
                f"Le référentiel géographique est incomplet ou corrompu : {error!r}"
            ) from error

    def _build(self, document: dict[str, Any]) -> None:
        source = document["source"]
        self.source = GeoSource(
            package=str(source["package"]),
            version=str(source["version"]),
            licence=str(source["licence"]),
            url=str(source.get("url", "")),
        )
        self._regions = {
            code: Region(code, nom) for code, nom in _rows(document["regions"], ("code", "nom"))
        }
        self._departements = {
            code: Departement(code, nom, region)
            for code, nom, region in _rows(document["departements"], ("code", "nom", "region"))
        }
        self._epcis = {
            code: Epci(code, nom) for code, nom in _rows(document["epci"], ("code", "nom"))
        }
        self._columns = _CommuneColumns.from_document(document["communes"])
        self._row_of = {code: row for row, code in enumerate(self._columns.codes)}
        self._commune_cache: list[Commune | None] = [None] * len(self._columns.codes)
        self._all_codes: frozenset[str] | None = None
        self._memberships: _Memberships | None = None
        self._search_index: _SearchIndex | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Geography:
        """Read a resource file; without a path, the shared instance of the bundled one."""
        if path is None:
            return geography()
        return cls(_read_document(path))

    # -- Plain lookups -------------------------------------------------------------------

    def commune(self, code: str) -> Commune | None:
        row = self._row_of.get(_normalise_code(code))
        return None if row is None else self._commune_at(row)

    def epci(self, code: str) -> Epci | None:
        return self._epcis.get(_normalise_code(code))

    def departement(self, code: str) -> Departement | None:
        return self._departements.get(_normalise_code(code))

    def region(self, code: str) -> Region | None:
        return self._regions.get(_normalise_code(code))

    def _commune_at(self, row: int) -> Commune:
        cached = self._commune_cache[row]
        if cached is None:
            cached = self._make_commune(row)
            self._commune_cache[row] = cached
        return cached

    def _make_commune(self, row: int) -> Commune:
        columns = self._columns
        departement = columns.departements[row]
        return Commune(
            code=columns.codes[row],
            nom=columns.names[row],
            departement=departement,
            region=self._departements[departement].region,
            epci=columns.epcis[row],
            codes_postaux=tuple(columns.postal_codes[row].split()),
            population=columns.populations[row],
            parent=columns.parents[row],
        )

    def departement_codes(self) -> list[str]:
        return list(self._departements)

    def epci_codes(self) -> list[str]:
        return list(self._epcis)

    def region_codes(self) -> list[str]:
        return list(self._regions)

    def departements_of_region(self, code: str) -> tuple[str, ...]:
        key = _normalise_code(code)
        return tuple(d.code for d in self._departements.values() if d.region == key)

    # -- Zones ---------------------------------------------------------------------------

    def zone_kind(self, code: str) -> ZoneKind | None:
        """What a data·inclusion zone code designates; in practice never "region".

        data·inclusion lists a region as its départements, and every region code is also
        a département code, so a 2-3 character code is always read as a département.
        """
        key = _normalise_code(code)
        if key in _FRANCE_KEYS:
            return "france"
        if key in self._departements:
            return "departement"
        if key in self._row_of:
            return "commune"
        if key in self._epcis:
            return "epci"
        return None

    def is_known_zone(self, code: str) -> bool:
        return self.zone_kind(code) is not None

    def zone_label(self, code: str) -> str:
        key = _normalise_code(code)
        kind = self.zone_kind(key)
        if kind == "france":
            return _FRANCE_LABEL
        if kind == "departement":
            return f"{self._departements[key].nom} ({key})"
        if kind == "commune":
            return self._columns.names[self._row_of[key]]
        if kind == "epci":
            return self._epcis[key].nom
        return code

    def communes_in_zone(self, code: str) -> frozenset[str]:
        """Commune codes covered by a zone; a city's zone includes its arrondissements."""
        key = _normalise_code(code)
        kind = self.zone_kind(key)
        if kind == "france":
            return self._every_commune()
        if kind == "commune":
            return frozenset((key, *self._same_place(key)))
        if kind == "epci":
            return frozenset(self._members().by_epci.get(key, ()))
        if kind == "departement":
            return frozenset(self._members().by_departement.get(key, ()))
        return frozenset()

    def commune_in_zone(self, commune: str, zone: str) -> bool:
        row = self._row_of.get(_normalise_code(commune))
        if row is None:
            return False
        key = _normalise_code(zone)
        if key in _FRANCE_KEYS:
            return True
        columns = self._columns
        return key in (
            columns.codes[row],
            columns.parents[row],
            columns.epcis[row],
            columns.departements[row],
        ) or key in self._members().children.get(columns.codes[row], ())

    def _same_place(self, commune: str) -> tuple[str, ...]:
        """A city's arrondissements, or an arrondissement's city: the same place both ways."""
        row = self._row_of.get(commune)
        parent = self._columns.parents[row] if row is not None else None
        return (*self._members().children.get(commune, ()), *((parent,) if parent else ()))

    def zones_of_commune(self, commune: str) -> tuple[str, ...]:
        """Zone codes covering a commune, most specific first.

        Paris, Lyon and Marseille and their arrondissements are the same place both ways: an
        arrondissement is covered by its city's code, the city by its arrondissements' codes.
        """
        key = _normalise_code(commune)
        row = self._row_of.get(key)
        if row is None:
            return ()
        columns = self._columns
        optional = (columns.parents[row], columns.epcis[row])
        return (
            columns.codes[row],
            *sorted(self._members().children.get(key, ())),
            *(code for code in optional if code is not None),
            columns.departements[row],
            FRANCE,
            FRANCE_COUNTRY_CODE,
        )

    def city_of(self, commune: str) -> str:
        """The commune itself, or the city (75056, 69123, 13055) of an arrondissement."""
        key = _normalise_code(commune)
        row = self._row_of.get(key)
        if row is None:
            return key
        return self._columns.parents[row] or key

    def same_place(self, commune: str, other: str) -> bool:
        """Same commune, an arrondissement and its city counting as one place."""
        return self.city_of(commune) == self.city_of(other)

    def _every_commune(self) -> frozenset[str]:
        if self._all_codes is None:
            self._all_codes = frozenset(self._columns.codes)
        return self._all_codes

    def _members(self) -> _Memberships:
        if self._memberships is None:
            self._memberships = _Memberships.build(self._columns)
        return self._memberships

    # -- Search --------------------------------------------------------------------------

    def search_communes(
        self, text: str, limit: int = 10, prefer: Collection[str] = ()
    ) -> list[Commune]:
        """Communes for search-as-you-type: by name, postal code or INSEE code. Those of
        `prefer` (the site's catchment area) come first: « saint-amand » at a Cher desk is
        Saint-Amand-Montrond, not Saint-Amand in the Creuse."""
        if not isinstance(text, str) or limit <= 0:
            return []
        if self._search_index is None:
            self._search_index = _SearchIndex.build(self._columns)
        rows = {self._row_of[code] for code in prefer if code in self._row_of}
        named = _NAME_AND_POSTAL.match(text)
        if named:  # « Bourges (18000) », as the commune completer writes it, or « bourges 18000 »
            name, postal, in_brackets = named.groups()
            postal = (postal or in_brackets).upper()
            found = self._search_index.find(name, SAME_NAME_LIMIT, rows)
            communes = [self._commune_at(row) for row in found]
            matching = [c for c in communes if postal in (*c.codes_postaux, c.departement)]
            if matching:
                return matching[:limit]
        listed = [self._commune_at(row) for row in self._search_index.find(text, limit, rows)]
        return self._with_aliases(text, listed)[:limit]

    def _with_aliases(self, text: str, found: list[Commune]) -> list[Commune]:
        """`found`, and the communes of a place named otherwise (« Wallis »): first when the
        place is typed whole, after the communes whose name starts so while it is typed."""
        key = search_key(text)
        if len(key) < _ALIAS_MIN_CHARS:
            return found
        whole = [code for alias, codes in _PLACE_ALIASES.items() if alias == key for code in codes]
        started = [
            c for alias, codes in _PLACE_ALIASES.items() if alias.startswith(key) for c in codes
        ]
        if not started:
            return found
        named = [self._commune_at(self._row_of[code]) for code in dict.fromkeys(started)]
        first = [c for c in named if c.code in whole]
        rest = [c for c in named if c.code not in whole]
        return list({c.code: c for c in (*first, *found, *rest)}.values())


@dataclass(frozen=True, slots=True)
class _Memberships:
    by_epci: dict[str, list[str]]
    by_departement: dict[str, list[str]]
    children: dict[str, list[str]]

    @classmethod
    def build(cls, columns: _CommuneColumns) -> _Memberships:
        memberships = cls({}, {}, {})
        for code, departement, epci, parent in zip(
            columns.codes, columns.departements, columns.epcis, columns.parents, strict=True
        ):
            memberships.by_departement.setdefault(departement, []).append(code)
            if epci is not None:
                memberships.by_epci.setdefault(epci, []).append(code)
            if parent is not None:
                memberships.children.setdefault(parent, []).append(code)
        return memberships


def search_key(text: str) -> str:
    """Folded words joined by single spaces: hyphens, apostrophes and accents vanish."""
    return _words_to_key(fold(text))


def _words_to_key(folded: str) -> str:
    return _NON_WORD.sub(" ", _replace_ligatures(folded)).strip()


def _replace_ligatures(folded: str) -> str:
    return folded.replace("œ", "oe").replace("æ", "ae")


def _bulk_search_keys(names: list[str]) -> list[str]:
    """``search_key`` of every name, in a few passes over the joined names.

    Calling ``fold`` 35 000 times costs more than the rest of the search index together;
    every step of ``search_key`` maps characters independently (or, for marks, removes
    them), so applying it to the names joined by newlines gives the same keys.
    """
    joined = "\n".join(names)
    # A newline inside a name would shift every following key: fall back to one by one.
    if not names or joined.count("\n") != len(names) - 1:
        return [search_key(name) for name in names]
    spaced = _NON_WORD_KEEP_LINES.sub(" ", _replace_ligatures(fold(joined)))
    return [line.strip() for line in spaced.split("\n")]


def _expand_abbreviations(key: str) -> str:
    return " ".join(_ordinal(_ABBREVIATIONS.get(word, word)) for word in key.split(" "))


def _ordinal(word: str) -> str:
    """« 11eme », « 20ieme », « 1ere » as the geography writes an arrondissement: « 11e »,
    « 1er » (« Paris 11e Arrondissement »)."""
    found = _ORDINAL.fullmatch(word)
    if found is None:
        return word
    number = found.group(1)
    return f"{number}er" if number == "1" else f"{number}e"


def _code_query(text: str) -> str | None:
    compact = "".join(text.split()).upper()
    return compact if _CODE_QUERY.fullmatch(compact) else None


@dataclass(frozen=True, slots=True)
class _SortedKeys:
    """Keys sorted for bisection, each paired with the commune row it came from."""

    keys: list[str]
    rows: list[int]

    @classmethod
    def build(cls, keys: list[str], rows: list[int] | None = None) -> _SortedKeys:
        """Sort ``keys``; ``rows[i]`` is the row of ``keys[i]`` (default: ``i`` itself).

        The sort is stable, so equal keys keep the order of their rows, that is code order.
        """
        row_of = rows if rows is not None else range(len(keys))
        order = sorted(range(len(keys)), key=keys.__getitem__)
        return cls([keys[i] for i in order], [row_of[i] for i in order])

    def equal(self, key: str) -> list[int]:
        return self.rows[bisect_left(self.keys, key) : bisect_right(self.keys, key)]

    def starting_with(self, prefix: str) -> list[int]:
        low = bisect_left(self.keys, prefix)
        return self.rows[low : bisect_left(self.keys, prefix + _KEY_END, low)]


@dataclass(frozen=True, slots=True)
class _SearchIndex:
    names: _SortedKeys
    # Every name tail starting at a word other than the first: "amand montrond", "montrond".
    inner_words: _SortedKeys
    insee_codes: _SortedKeys
    postal_codes: _SortedKeys
    # Position of each row in the display order: larger population first, then name, code.
    rank: list[int]
    longest_name: int

    @classmethod
    def build(cls, columns: _CommuneColumns) -> _SearchIndex:
        keys = _bulk_search_keys(columns.names)
        names = _SortedKeys.build(keys)
        # Rows by name then code already; a stable sort by population completes the order.
        order = sorted(names.rows, key=columns.populations.__getitem__, reverse=True)
        rank = [0] * len(keys)
        for position, row in enumerate(order):
            rank[row] = position
        return cls(
            names=names,
            inner_words=_SortedKeys.build(*_inner_word_tails(keys)),
            insee_codes=_SortedKeys.build(columns.codes),
            postal_codes=_SortedKeys.build(*_postal_pairs(columns.postal_codes)),
            rank=rank,
            longest_name=max(map(len, keys), default=0),
        )

    def find(self, text: str, limit: int, preferred: set[int] | None = None) -> list[int]:
        if len(text) > _MAX_QUERY_CHARS:
            return []
        code = _code_query(text)
        tiers = self._by_code(code) if code is not None else self._by_name(text)
        if preferred:
            tiers = [[[row for row in rows if row in preferred] for rows in tier] for tier in tiers]
            tiers += self._by_code(code) if code is not None else self._by_name(text)
        return self._best_by_tier(tiers, limit)

    def _by_code(self, code: str) -> list[list[list[int]]]:
        exact = [self.insee_codes.equal(code), self.postal_codes.equal(code)]
        prefixed = [self.insee_codes.starting_with(code), self.postal_codes.starting_with(code)]
        return [exact, prefixed]

    def _by_name(self, text: str) -> list[list[list[int]]]:
        key = search_key(text)
        if not key or len(key) > self.longest_name:
            return []
        # A trailing separator ("saint ", "l'") means the last word is complete.
        complete = not (text[-1].isalnum() or unicodedata.combining(text[-1]))
        # "st" may be the start of "Strasbourg" as well as the abbreviation of "saint".
        variants = dict.fromkeys((key, _expand_abbreviations(key)))
        tiers: list[list[list[int]]] = [[], [], []]
        for variant in variants:
            prefix = variant + " " if complete else variant
            tiers[0].append(self.names.equal(variant))
            tiers[1].append(self.names.starting_with(prefix))
            tiers[2].append(self.inner_words.starting_with(prefix))
            if complete:
                tiers[2].append(self.inner_words.equal(variant))
        return tiers

    def _best_by_tier(self, tiers: Sequence[Sequence[list[int]]], limit: int) -> list[int]:
        """Fill the result tier by tier, each tier ordered by rank, skipping repeats."""
        picked: list[int] = []
        seen: set[int] = set()
        for tier in tiers:
            candidates = set().union(*tier) - seen
            best = heapq.nsmallest(limit - len(picked), candidates, key=self.rank.__getitem__)
            picked.extend(best)
            seen.update(best)
            if len(picked) >= limit:
                break
        return picked


def _inner_word_tails(keys: list[str]) -> tuple[list[str], list[int]]:
    tails: list[str] = []
    rows: list[int] = []
    for row, key in enumerate(keys):
        start = key.find(" ")
        while start != -1:
            tails.append(key[start + 1 :])
            rows.append(row)
            start = key.find(" ", start + 1)
    return tails, rows


def _postal_pairs(postal_codes: list[str]) -> tuple[list[str], list[int]]:
    codes: list[str] = []
    rows: list[int] = []
    for row, joined in enumerate(postal_codes):
        for postal_code in joined.split():
            codes.append(postal_code)
            rows.append(row)
    return codes, rows


_SHARED: list[Geography] = []
_SHARED_LOCK = threading.Lock()


def geography() -> Geography:
    """The bundled geography, read once per process: a thread asking while another reads it
    (the window's thread while the database opener loads it) waits for that reading."""
    if not _SHARED:
        with _SHARED_LOCK:
            if not _SHARED:
                _SHARED.append(Geography(_read_document(resource_path("geo", "cog.json.gz"))))
    return _SHARED[0]
