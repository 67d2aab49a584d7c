"""Turn validated data·inclusion rows into the rows of the directory tables."""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from spro_desk.directory.networks import CEP_OPERATORS, infer_network, network_label
from spro_desk.geo import Geography
from spro_desk.text import strip_bidi_controls, strip_control_chars, words
from spro_desk.vocab import STATUTS, category_of

if TYPE_CHECKING:
    from spro_desk.directory.importer import ValidService, ValidStructure

# A model's fields that hold a plain text (or None), then those converted to text (dates, web
# addresses, enum codes) or kept as numbers: a row whose texts have nothing to strip (checked
# by the importer) copies the first ones as they are, in one C call.
STRUCTURE_TEXT_FIELDS = (
    "id", "source", "nom", "description", "siret", "commune", "code_postal", "code_insee",
    "adresse", "complement_adresse", "telephone", "courriel", "horaires_accueil",
)  # fmt: skip
_OTHER_STRUCTURE_FIELDS = (
    "date_maj", "latitude", "longitude", "site_web", "lien_source", "accessibilite_lieu",
)  # fmt: skip
STRUCTURE_COLUMNS = (
    "pk", *STRUCTURE_TEXT_FIELDS, *_OTHER_STRUCTURE_FIELDS,
    "reseaux_porteurs", "reseau", "reseau_infere", "operateur_cep", "niveaux",
)  # fmt: skip
_ENUM_LIST_COLUMNS = (
    "thematiques", "publics", "modes_accueil", "modes_mobilisation", "mobilisable_par",
)  # fmt: skip
# The service columns computed at import first, then those copied from the row's text: the
# insert names its columns, so this order is free, and it lets a row be built in slices.
_COMPUTED_SERVICE_COLUMNS = (
    "pk", "structure_pk", *_ENUM_LIST_COLUMNS, "zone_eligibilite", "spro_publics", "age_min",
    "age_max", "operateur_cep", "niveau", "search_text", "structure_only",
)  # fmt: skip
SERVICE_TEXT_FIELDS = (
    "id", "source", "nom", "description", "frais_precisions", "publics_precisions",
    "conditions_acces", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "telephone", "courriel", "contact_nom_prenom", "mobilisation_precisions", "horaires_accueil",
)  # fmt: skip
_OTHER_SERVICE_FIELDS = (
    "date_maj", "type", "frais", "latitude", "longitude", "lien_source", "lien_mobilisation",
)  # fmt: skip
_TEXT_SERVICE_COLUMNS = (*SERVICE_TEXT_FIELDS, *_OTHER_SERVICE_FIELDS)
SERVICE_COLUMNS = (*_COMPUTED_SERVICE_COLUMNS, *_TEXT_SERVICE_COLUMNS)
STRUCTURE_ONLY_PREFIX = "structure:"

FIELD_SEPARATOR = "\x1f"

# Which SPRO statuts a data·inclusion public covers, for directories without x_spro.
STATUTS_OF_PUBLIC: dict[str, tuple[str, ...]] = {
    "tous-publics": tuple(STATUTS),
    "jeunes": ("scolaire", "etudiant", "apprenti", "decrocheur"),
    "etudiants": ("etudiant",),
    "demandeurs-emploi": ("demandeur-emploi",),
    "actifs": ("salarie", "cadre", "independant"),
    "familles": ("famille",),
    "seniors": ("retraite",),
}


TagKey = tuple[str, str]


@dataclass
class DirectoryTables:
    structures: list[tuple[Any, ...]] = field(default_factory=list)
    services: list[tuple[Any, ...]] = field(default_factory=list)
    # (service pk, its (kind, value) tag keys): the keys are shared between services.
    tags: list[tuple[int, Sequence[TagKey]]] = field(default_factory=list)
    fts: list[tuple[int, str, str, str, str]] = field(default_factory=list)


def _text(value: Any) -> Any:
    if value is None:
        return None
    if type(value) is str:
        if value.isprintable():  # most fields: nothing to strip (checked at C speed)
            return value
        return strip_control_chars(strip_bidi_controls(value))
    if isinstance(value, int | float | bool):
        return value
    return str(value)  # dates, URLs


def _texts(values: Iterable[Any]) -> list[Any]:
    """`_text` of each value; the usual plain strings and None skip the call."""
    return [
        value
        if value is None or type(value) is float or (type(value) is str and value.isprintable())
        else _text(value)
        for value in values
    ]


def _as_text(values: Iterable[Any]) -> list[Any]:
    """`_text` of each value of a clean row's other fields (dates, web addresses, enum codes:
    as text; numbers and None as they are), without its checks for control characters."""
    return [
        value if value is None or isinstance(value, int | float) else str(value) for value in values
    ]


def _codes(values: Iterable[Any] | None) -> list[str]:
    """Enum sets of the models as sorted lists of codes, so a re-import is byte-identical."""
    return sorted(v.value if isinstance(v, Enum) else str(v) for v in values or ())


def _json(values: Sequence[str | int] | None) -> str | None:
    if values is None:
        return None
    return _tuple_json(tuple(values)) if values else "[]"


@lru_cache(maxsize=4096)
def _tuple_json(values: tuple[str | int, ...]) -> str:
    """Zone lists and levels repeat as much as codes do."""
    return json.dumps(values, ensure_ascii=False)


@dataclass(slots=True)
class StructureInfo:
    """What the rows of a structure's services need from it, kept while services stream by."""

    pk: int
    nom: str
    reseau: str | None
    description: str | None
    commune: str | None
    code_insee: str | None


def structure_row(pk: int, valid: ValidStructure) -> tuple[tuple[Any, ...], StructureInfo]:
    row = _structure_row(pk, valid)
    info = StructureInfo(
        pk=pk,
        nom=row[_NOM],
        reseau=row[_RESEAU],
        description=row[_DESCRIPTION],
        commune=row[_COMMUNE],
        code_insee=row[_CODE_INSEE],
    )
    return row, info


_NOM, _RESEAU, _DESCRIPTION, _COMMUNE, _CODE_INSEE = (
    STRUCTURE_COLUMNS.index(name)
    for name in ("nom", "reseau", "description", "commune", "code_insee")
)


def add_service(
    tables: DirectoryTables, pk: int, valid: ValidService, owner: StructureInfo, geo: Geography
) -> None:
    model = valid.model
    fields = model.__dict__
    if valid.clean:
        texts = (*_service_texts(fields), *_as_text(_other_service_fields(fields)))
    else:
        texts = tuple(_texts(map(fields.__getitem__, _TEXT_SERVICE_COLUMNS)))
    nom, description, commune = _service_fts_texts(texts)
    commune = commune or owner.commune or ""
    fts = (pk, nom, owner.nom, " ".join(filter(None, (description, owner.description))), commune)
    # The words of "description + ' ' + structure description" are those of each part: folded
    # part by part, each part is found in the cache (a structure's by each of its services).
    words_of_description = _spaced_words(description or "") + _spaced_words(owner.description or "")
    search = FIELD_SEPARATOR.join(
        (_spaced_words(nom), _spaced_words(owner.nom), words_of_description, _spaced_words(commune))
    )
    # Code sets as keys of the caches below: their codes joined in the set's order, at C speed
    # (frozensets of enum members would hash each member in Python).
    codes = [_SEPARATOR.join(fields[name]) if fields[name] else "" for name in _ENUM_LIST_COLUMNS]
    tables.services.append(_service_row(pk, owner.pk, valid, codes, search, texts))
    tables.tags.append((pk, _tags(valid, codes, owner, geo)))
    tables.fts.append(fts)


_SEPARATOR = "\x1f"  # in no code
_service_texts = operator.itemgetter(*SERVICE_TEXT_FIELDS)
_other_service_fields = operator.itemgetter(*_OTHER_SERVICE_FIELDS)
_service_fts_texts = operator.itemgetter(
    *(_TEXT_SERVICE_COLUMNS.index(name) for name in ("nom", "description", "commune"))
)


def add_structure_only(
    tables: DirectoryTables, pk: int, structure: dict[str, Any], geo: Geography
) -> None:
    """A structure without service, from its row of the structure table (text already clean)."""
    _add_structure_only(tables, pk, structure["pk"], structure, structure["reseau"], geo)


def _add_structure_only(
    tables: DirectoryTables,
    pk: int,
    structure_pk: int,
    structure: dict[str, Any],
    reseau: str | None,
    geo: Geography,
) -> None:
    """The row that makes a structure without service searchable, filterable and suggestible."""
    model = SimpleNamespace(**structure)
    contacts = (model.horaires_accueil, model.telephone, model.courriel, model.site_web)
    fts = (
        pk,
        _text(model.nom),
        network_label(reseau) if reseau else "",
        " ".join(filter(None, (_text(model.description), *map(_text, contacts)))),
        " ".join(filter(None, (_text(model.commune), _text(model.adresse)))),
    )
    values = {name: _text(getattr(model, name, None)) for name in _SHARED_PLACE_COLUMNS}
    values.update(
        pk=pk,
        id=STRUCTURE_ONLY_PREFIX + model.id,
        structure_pk=structure_pk,
        source=_text(model.source),
        nom=_text(model.nom),
        description=_text(model.description),
        date_maj=_text(model.date_maj),
        horaires_accueil=_text(model.horaires_accueil),
        search_text=search_text(*fts[1:]),
        structure_only=True,
        **{name: "[]" for name in (*_ENUM_LIST_COLUMNS, "zone_eligibilite")},
    )
    tables.services.append(tuple(values.get(name) for name in SERVICE_COLUMNS))
    keys = [("zone", zone) for zone in _home_zones(model, geo)]
    if reseau:
        keys.append(("reseau", reseau))
    tables.tags.append((pk, keys))
    tables.fts.append(fts)


_SHARED_PLACE_COLUMNS = (
    "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude",
    "longitude", "telephone", "courriel", "lien_source",
)  # fmt: skip


def _home_zones(model: Any, geo: Geography) -> list[str]:
    """A lone structure serves the département where it stands, like a service without zone."""
    commune = geo.commune(model.code_insee) if model.code_insee else None
    return [commune.departement] if commune is not None else []


def search_text(nom: str, structure_nom: str, description: str, commune: str) -> str:
    """The fields of the full-text index, folded, each word preceded by a space."""
    return FIELD_SEPARATOR.join(
        _spaced_words(field) for field in (nom, structure_nom, description, commune)
    )


@lru_cache(maxsize=65_536)
def _spaced_words(text: str) -> str:
    """Services of a network share names and descriptions: each is folded once."""
    return "".join(" " + word for word in words(text))


_TEXT_STRUCTURE_COLUMNS = (*STRUCTURE_TEXT_FIELDS, *_OTHER_STRUCTURE_FIELDS)
_structure_texts = operator.itemgetter(*STRUCTURE_TEXT_FIELDS)
_other_structure_fields = operator.itemgetter(*_OTHER_STRUCTURE_FIELDS)
# The row is built in STRUCTURE_COLUMNS order: the copied texts, then these.
assert STRUCTURE_COLUMNS[1 + len(_TEXT_STRUCTURE_COLUMNS) :] == (
    "reseaux_porteurs", "reseau", "reseau_infere", "operateur_cep", "niveaux",
)  # fmt: skip


def _structure_row(pk: int, valid: ValidStructure) -> tuple[Any, ...]:
    model, extension = valid.model, valid.extension
    fields = model.__dict__
    porteurs = _codes(model.reseaux_porteurs)
    if extension is not None and extension.reseau:
        reseau, inferred = extension.reseau, False  # type: str | None, bool
    else:
        reseau, inferred = infer_network(model.nom, porteurs), True
    cep = extension.operateur_cep if extension is not None else reseau in CEP_OPERATORS
    niveaux = sorted(set(extension.niveaux)) if extension is not None else []
    if valid.clean:
        texts = (*_structure_texts(fields), *_as_text(_other_structure_fields(fields)))
    else:
        texts = tuple(_texts(map(fields.get, _TEXT_STRUCTURE_COLUMNS)))
    return (
        pk,
        *texts,
        _json(porteurs),
        reseau,
        inferred,
        bool(cep),
        _json(niveaux),
    )


_NO_EXTENSION = (None, None, None, None, None)


def _service_row(
    pk: int,
    structure_pk: int,
    valid: ValidService,
    codes: list[str],
    search: str,
    texts: tuple[Any, ...],
) -> tuple[Any, ...]:
    """The row in SERVICE_COLUMNS order."""
    extension = valid.extension
    spro = (
        (
            _json(extension.publics),
            extension.age_min,
            extension.age_max,
            extension.operateur_cep,
            extension.niveau,
        )
        if extension
        else _NO_EXTENSION
    )
    return (
        pk,
        structure_pk,
        *map(_codes_json, codes),
        _tuple_json(valid.zones) if valid.zones else "[]",
        *spro,
        search,
        False,
        *texts,
    )


def _tags(valid: ValidService, codes: list[str], owner: Any, geo: Geography) -> list[TagKey]:
    extension = valid.extension
    spro = tuple(extension.publics) if extension and extension.publics is not None else None
    thematiques, publics, modes = codes[0], codes[1], codes[2]
    keys = [
        *_zone_keys(valid, owner, geo),
        *_code_keys(thematiques, publics, spro, modes),
    ]
    if owner.reseau:
        keys.append(("reseau", owner.reseau))
    return keys


@lru_cache(maxsize=16_384)
def _code_codes(joined: str) -> tuple[str, ...]:
    """The sorted codes of a code set, from its codes joined in any order."""
    return tuple(sorted(set(joined.split(_SEPARATOR)))) if joined else ()


@lru_cache(maxsize=16_384)
def _codes_json(joined: str) -> str:
    """A national directory repeats a few hundred combinations of codes ~100,000 times."""
    return json.dumps(list(_code_codes(joined)), ensure_ascii=False)


@lru_cache(maxsize=16_384)
def _code_keys(
    thematiques: str, publics: str, spro_publics: tuple[str, ...] | None, modes: str
) -> tuple[TagKey, ...]:
    """The tags a service's codes give (thematiques with their categories, publics, statuts,
    modes of reception), worked out once per combination."""
    themes = _code_codes(thematiques)
    categories = sorted({*themes, *(category_of(t) for t in themes)})
    sorted_publics = _code_codes(publics)
    return (
        *(("thematique", code) for code in categories),
        *(("public", code) for code in sorted_publics),
        *(("statut", code) for code in _statuts(sorted_publics, spro_publics)),
        *(("mode", code) for code in _code_codes(modes)),
    )


def _zone_keys(valid: ValidService, owner: Any, geo: Geography) -> tuple[TagKey, ...]:
    """The zone codes of the service; without any, the département where it stands."""
    if valid.zones:
        return _sorted_zone_keys(valid.zones)
    for code in (valid.model.code_insee, owner.code_insee):
        commune = geo.commune(code) if code else None
        if commune is not None:
            return _sorted_zone_keys((commune.departement,))
    return ()


@lru_cache(maxsize=16_384)
def _sorted_zone_keys(zones: tuple[str, ...]) -> tuple[TagKey, ...]:
    return tuple(("zone", zone) for zone in sorted(set(zones)))


@lru_cache(maxsize=4096)
def _statuts(publics: tuple[str, ...], spro_publics: tuple[str, ...] | None) -> tuple[str, ...]:
    if spro_publics is not None:
        return tuple(sorted(set(spro_publics)))
    return tuple(sorted({s for p in publics for s in STATUTS_OF_PUBLIC.get(p, ())}))
