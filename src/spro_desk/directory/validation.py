"""Row validation with the data·inclusion models, and the reasons in French."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from data_inclusion.schema.v1 import Service, Structure
from email_validator import SPECIAL_USE_DOMAIN_NAMES
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, conint, field_validator
from pydantic.networks import validate_email

from spro_desk.vocab import STATUTS

_MESSAGES = {
    "missing": "champ obligatoire « {field} » absent",
    "string_too_short": "« {field} » trop court (au moins {min_length} caractères)",
    "string_too_long": "« {field} » trop long (au plus {max_length} caractères)",
    "too_short": "« {field} » ne doit pas être vide",
    "string_pattern_mismatch": "« {field} » n'a pas le format attendu",
    "string_type": "« {field} » doit être un texte",
    "float_parsing": "« {field} » n'est pas un nombre",
    "float_type": "« {field} » n'est pas un nombre",
    "int_parsing": "« {field} » n'est pas un nombre entier",
    "set_type": "« {field} » doit être une liste",
    "list_type": "« {field} » doit être une liste",
    "enum": "« {field} » : valeur inconnue « {input} »",
    "literal_error": "« {field} » : valeur inconnue « {input} »",
    "date_parsing": "« {field} » n'est pas une date (AAAA-MM-JJ attendu)",
    "date_from_datetime_parsing": "« {field} » n'est pas une date (AAAA-MM-JJ attendu)",
    "url_parsing": "« {field} » n'est pas une adresse web valide",
    "url_scheme": "« {field} » n'est pas une adresse web valide",
    "bool_parsing": "« {field} » doit valoir true ou false",
    "dict_type": "la ligne doit être un objet JSON",
    "model_type": "la ligne doit être un objet JSON",
}


def _field(loc: tuple[Any, ...]) -> str:
    return str(loc[0]) if loc else "ligne"


def _one_reason(error: Mapping[str, Any]) -> str:
    field = _field(error["loc"])
    kind = error["type"]
    if kind == "value_error":
        if field == "courriel":
            return "« courriel » n'est pas une adresse électronique valide"
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return f"« {field} » : {message}"
    template = _MESSAGES.get(kind, "« {field} » invalide")
    context = {"field": field, "input": _short(error.get("input")), **error.get("ctx", {})}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return f"« {field} » invalide"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def french_reason(error: ValidationError, limit: int = 3) -> str:
    """The first few problems of a row, joined for one line of the import report."""
    reasons = list(dict.fromkeys(_one_reason(e) for e in error.errors()))
    suffix = f" (+{len(reasons) - limit} autres)" if len(reasons) > limit else ""
    return "; ".join(reasons[:limit]) + suffix


# --- validating a row ---------------------------------------------------------------------


# The plainest addresses: lower-case ASCII, dot-atom local part, hostname labels without "--"
# (no Punycode, no reserved "ab--" label) under an alphabetic top-level domain. For these the
# library's check returns the address unchanged; its Unicode (UTS-46) checks of the domain,
# one Python call per character, were a fifth of a national import.
_PLAIN_EMAIL = re.compile(
    r"[a-z0-9_+-]{1,64}(?:\.[a-z0-9_+-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
)
_SPECIAL_USE_SUFFIXES = tuple("." + name for name in SPECIAL_USE_DOMAIN_NAMES)
_EMAIL_MAX_LENGTH, _LOCAL_PART_MAX_LENGTH = 254, 64


def is_plain_email(value: str) -> bool:
    """True when `value` is certainly valid and already normalised (see _PLAIN_EMAIL)."""
    if len(value) > _EMAIL_MAX_LENGTH or _PLAIN_EMAIL.fullmatch(value) is None:
        return False
    local, domain = value.split("@")
    return (
        len(local) <= _LOCAL_PART_MAX_LENGTH
        and "--" not in domain
        and not ("." + domain).endswith(_SPECIAL_USE_SUFFIXES)
    )


@lru_cache(maxsize=65_536)
def checked_email(value: str) -> str | None:
    """The model's own e-mail check, once per distinct address: services repeat their
    structure's address, and this check is most of the cost of validating a row."""
    if is_plain_email(value):
        return value
    try:
        return validate_email(value)[1]
    except ValueError:  # pydantic's PydanticCustomError is a ValueError
        return None


def validate_row(model_cls: type[BaseModel], row: Any) -> Any:
    """`model_cls.model_validate(row)`, with the e-mail check served from the cache."""
    email = row.get("courriel") if isinstance(row, dict) else None
    normalised = checked_email(email) if isinstance(email, str) else None
    if normalised is None:  # absent, or invalid: the model reports it as usual
        return model_cls.model_validate(row)
    model = model_cls.model_validate({**row, "courriel": None})
    # Straight into the fields: "courriel" is already among the fields set (given as None), and
    # the model validates no assignment, so BaseModel.__setattr__ would only cost time.
    model.__dict__["courriel"] = normalised
    return model


# The library's field checks, run on every row in Python: the usual case answered first, the
# library's own function (same rule, same message) for anything else.
_FIRST_DATE = date(2000, 1, 1)
_today = [date.today()]  # the last day seen: a date up to it is not in the future


def _dated(check: Callable[[date], date], value: date) -> date:
    """`check(value)` (date_maj in this century and not in the future) without asking the
    clock for the date of each row: date.today() was 3 % of a national import."""
    if _FIRST_DATE <= value <= _today[0]:
        return value
    _today[0] = date.today()
    return check(value)


def _named(check: Callable[[str, ValidationInfo], str], value: str, info: ValidationInfo) -> str:
    """`check(value, info)` (a name ending with a point) only for names that end with one."""
    return check(value, info) if value.endswith(".") else value


class StructureRow(Structure):
    """data·inclusion's Structure, the same checks, fewer Python calls per row."""

    @field_validator("nom")
    def nom_valide(cls, value: str, info: ValidationInfo) -> str:
        return _named(Structure.nom_valide, value, info)

    @field_validator("date_maj")
    def date_maj_valide(cls, value: date) -> date:
        return _dated(Structure.date_maj_valide, value)


class ServiceRow(Service):
    """data·inclusion's Service, the same checks, fewer Python calls per row."""

    @field_validator("nom")
    def nom_ne_se_termine_pas_par_un_point(cls, value: str, info: ValidationInfo) -> str:
        return _named(Service.nom_ne_se_termine_pas_par_un_point, value, info)

    @field_validator("date_maj")
    def date_maj_valide(cls, value: date) -> date:
        return _dated(Service.date_maj_valide, value)


# --- the x_spro extension ------------------------------------------------------------------

Level = Literal[1, 2]


class StructureExtension(BaseModel):
    model_config = ConfigDict(extra="ignore")

    reseau: str | None = None
    operateur_cep: bool = False
    niveaux: list[Level] = []


class ServiceExtension(BaseModel):
    model_config = ConfigDict(extra="ignore")

    publics: list[str] | None = None
    age_min: conint(ge=0, le=120) | None = None  # type: ignore[valid-type]
    age_max: conint(ge=0, le=120) | None = None  # type: ignore[valid-type]
    operateur_cep: bool | None = None
    niveau: Level | None = None

    def unknown_publics(self) -> list[str]:
        return [p for p in self.publics or [] if p not in STATUTS]
