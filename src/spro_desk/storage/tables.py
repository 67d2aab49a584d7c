"""The SQLite tables, as SQLModel classes. Schema changes go through an Alembic migration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    false,
)
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig


class _Row(SQLModel):
    """Base of the tables: pydantic builds a table's validator and serializer on their first
    use (`model_validate`, `model_dump`) instead of at import, which the window's database
    opener pays for before the screens can read (issue 18). Nothing validates differently:
    SQLModel's table classes never validate in their constructor, and `model_validate`
    validates as before (tests/test_table_models.py)."""

    model_config = SQLModelConfig(defer_build=True)


def _json_list() -> Column:
    return Column(JSON, nullable=False, default=list)


def _json_optional() -> Column:
    return Column(JSON, nullable=True)


# --- the cached partner directory (replaced as a whole at each import) -------------------------


class DirectoryImport(_Row, table=True):
    __tablename__ = "directory_import"

    pk: int | None = Field(default=None, primary_key=True)
    source: str
    imported_at: datetime
    structures: int
    services: int
    rejected: int
    warnings: int
    report: dict = Field(sa_column=Column(JSON, nullable=False))


class _Place(_Row):
    """Where a structure or a service receives people, and how to reach it."""

    commune: str | None = None
    code_postal: str | None = None
    code_insee: str | None = None
    adresse: str | None = None
    complement_adresse: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    telephone: str | None = None
    courriel: str | None = None


class Structure(_Place, table=True):
    __tablename__ = "structure"

    pk: int | None = Field(default=None, primary_key=True)
    id: str = Field(sa_column=Column(String, nullable=False, unique=True))
    source: str
    nom: str
    description: str | None = None
    date_maj: str | None = None
    siret: str | None = None
    site_web: str | None = None
    lien_source: str | None = None
    horaires_accueil: str | None = None
    accessibilite_lieu: str | None = None
    reseaux_porteurs: list = Field(sa_column=_json_list())
    # SPRO network: from x_spro when given, otherwise inferred (reseau_infere is then true)
    reseau: str | None = None
    reseau_infere: bool = False
    operateur_cep: bool = False
    niveaux: list = Field(sa_column=_json_list())


class Service(_Place, table=True):
    __tablename__ = "service"

    pk: int | None = Field(default=None, primary_key=True)
    id: str = Field(sa_column=Column(String, nullable=False, unique=True))
    structure_pk: int = Field(
        sa_column=Column(ForeignKey("structure.pk", ondelete="CASCADE"), nullable=False, index=True)
    )
    source: str
    nom: str
    description: str | None = None
    date_maj: str | None = None
    type: str | None = None
    thematiques: list = Field(sa_column=_json_list())
    frais: str | None = None
    frais_precisions: str | None = None
    publics: list = Field(sa_column=_json_list())
    publics_precisions: str | None = None
    conditions_acces: str | None = None
    contact_nom_prenom: str | None = None
    lien_source: str | None = None
    lien_mobilisation: str | None = None
    modes_accueil: list = Field(sa_column=_json_list())
    modes_mobilisation: list = Field(sa_column=_json_list())
    mobilisable_par: list = Field(sa_column=_json_list())
    mobilisation_precisions: str | None = None
    zone_eligibilite: list = Field(sa_column=_json_list())
    horaires_accueil: str | None = None
    # x_spro extension (None when the row does not carry it)
    spro_publics: list | None = Field(default=None, sa_column=_json_optional())
    age_min: int | None = None
    age_max: int | None = None
    operateur_cep: bool | None = None
    niveau: int | None = None
    # Folded words of the name, structure, commune and descriptions, one field per \x1f: lets
    # a search restricted to a few hundred services skip the full-text index entirely.
    search_text: str = ""
    # The row stands for a structure that has no service (migration 0010).
    structure_only: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )


class ServiceTag(_Row, table=True):
    """Filterable facets of a service, one row per value: the index behind every filter.

    kinds: zone (zone_eligibilite codes, or the service's département when it has none),
    thematique (sub-thématiques and their categories), public (data·inclusion publics),
    statut (SPRO statuts served, explicit or inferred), mode, reseau.
    Derived data, rewritten with the services in the same transaction: no foreign key and no
    second index, which would double the cost of writing its 1.5 million national rows.
    """

    __tablename__ = "service_tag"
    __table_args__ = ({"sqlite_with_rowid": False},)

    kind: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    service_pk: int = Field(primary_key=True)


# --- what the desk records ------------------------------------------------------------------


class Contact(_Row, table=True):
    __tablename__ = "contact"

    id: str = Field(primary_key=True)  # UUID created on the desk
    occurred_at: datetime = Field(index=True)
    recorded_at: datetime
    updated_at: datetime
    canal: str
    lieu: str | None = None  # place of the permanence
    statut: str
    tranche_age: str = "non-renseigne"
    sexe: str = "non-renseigne"
    handicap: bool | None = None
    commune: str | None = None
    besoins: list = Field(sa_column=_json_list())
    reponses: list = Field(sa_column=_json_list())
    duree: int | None = None
    agent: str | None = None
    site: str | None = None
    # Deletion is a state, not a removal: it can be undone and, later, synchronised.
    deleted_at: datetime | None = Field(default=None, index=True)


class Referral(_Row, table=True):
    __tablename__ = "referral"

    id: str = Field(primary_key=True)  # UUID created on the desk
    contact_id: str = Field(
        sa_column=Column(ForeignKey("contact.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    # kept even when a later directory drops the service: names are a snapshot
    service_id: str
    structure_id: str
    service_nom: str
    structure_nom: str
    type: str
    rdv_at: datetime | None = None
    statut: str = Field(index=True)
    motif: list = Field(sa_column=_json_list())
    created_at: datetime
    updated_at: datetime


class Consent(_Row, table=True):
    __tablename__ = "consent"

    id: str = Field(primary_key=True)
    contact_id: str = Field(
        sa_column=Column(ForeignKey("contact.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    purpose: str
    wording: str
    agent: str | None = None
    given_at: datetime
    # The personal data given under this consent was erased (retention or the person's
    # request); the consent stays as the record of what was agreed and when it ended.
    erased_at: datetime | None = None
    erased_reason: str | None = None


class PersonalData(_Row, table=True):
    """Identifying fields (nom, téléphone, courriel, note): only ever stored under a consent,
    and only sealed (spro_desk.privacy.personal): the database never holds them in clear."""

    __tablename__ = "personal_data"

    contact_id: str = Field(
        sa_column=Column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    )
    consent_id: str = Field(
        sa_column=Column(ForeignKey("consent.id", ondelete="CASCADE"), nullable=False)
    )
    key_id: str  # the desk key it is sealed to
    sealed: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Agent(_Row, table=True):
    """An account on the desk (spro_desk.agents.accounts): never a person received."""

    __tablename__ = "agent"

    id: str = Field(primary_key=True)
    nom: str = Field(sa_column=Column(String, nullable=False, unique=True))
    role: str
    secret_kind: str  # "pin" or "mot-de-passe"
    secret_hash: str  # Argon2id, PHC string
    # The desk's private key wrapped under a key derived from the secret (None: the role does
    # not read personal data, or the account was disabled).
    kek_salt: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    kek_cost: dict = Field(sa_column=Column(JSON, nullable=False))
    wrapped_key: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime
    updated_at: datetime
    disabled_at: datetime | None = None
    failed_attempts: int = 0
    blocked_until: datetime | None = None


class Setting(_Row, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: dict = Field(sa_column=Column(JSON, nullable=False))


class Event(_Row, table=True):
    """The desk's append-only change log: what the sync bundles carry to the coordinator.

    One row per create, change or deletion of a contact or referral, written in the same
    transaction as the change. `seq` is gapless on the desk (unique: a second writer that read
    the same maximum fails and rolls back instead of leaving a hole). The payload is the
    entity's anonymous state after the change, never personal data.
    """

    __tablename__ = "event"

    id: str = Field(primary_key=True)  # UUIDv7: sorts by creation time
    seq: int = Field(sa_column=Column(Integer, nullable=False, unique=True))
    at: datetime
    entity: str
    entity_id: str = Field(index=True)
    op: str
    payload: dict = Field(sa_column=Column(JSON, nullable=False))
    # The history branch it was written on: empty for the first; a desk restored from a backup
    # continues on a new one (spro_desk.sync.branches), so its new events never pass for old.
    branch: str = Field(default="", sa_column_kwargs={"server_default": ""})
