"""The SQLite tables, as SQLModel classes. Schema changes go through an Alembic migration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
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
