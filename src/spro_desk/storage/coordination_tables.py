"""The coordination's own tables, as SQLModel classes: registered desks, received bundles and
events, alerts, the coordination's accounts and audit, the automatic collection, the published
bilans. Kept out of `storage.tables`: a desk never reads them, and defining a table class costs
its start about as much as importing a library (the desk's database attaches sooner without
them). The coordination's code imports them from here; the migrations know them by name.

Schema changes go through an Alembic migration, as for `storage.tables`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from spro_desk.storage.tables import _json_list

# --- the coordinator's side -----------------------------------------------------------------


class RegisteredDesk(SQLModel, table=True):
    __tablename__ = "registered_desk"

    desk_id: str = Field(primary_key=True)
    public_key: str
    site_nom: str
    reseau: str
    commune: str
    registered_at: datetime
    revoked: bool = False


class ReceivedBundle(SQLModel, table=True):
    __tablename__ = "received_bundle"

    sha256: str = Field(primary_key=True)
    desk_id: str = Field(index=True)
    bundle_seq: int
    previous_sha256: str | None = None
    received_at: datetime
    events: int
    branch: str = Field(default="", sa_column_kwargs={"server_default": ""})
    lineage: str | None = None  # JSON [[branch, first seq], ...]: the desk's history it carries
    manifest_sha256: str | None = None  # the same signed content re-encrypted is no fork
    created_at: str | None = None  # when the desk made it (ISO 8601): "late" counts from it


class ReceivedEvent(SQLModel, table=True):
    """An event of a desk as the coordinator stores it; the same id is stored once."""

    __tablename__ = "received_event"
    __table_args__ = (Index("ix_received_event_desk_seq", "desk_id", "seq"),)

    id: str = Field(primary_key=True)
    desk_id: str = Field(index=True)
    seq: int
    content_sha256: str
    entity: str
    entity_id: str = Field(index=True)
    op: str
    at: str
    payload: dict = Field(sa_column=Column(JSON, nullable=False))
    branch: str = Field(default="", sa_column_kwargs={"server_default": ""})


class SyncAlert(SQLModel, table=True):
    """Forks, gaps and quarantined events, for the coordinator to look at."""

    __tablename__ = "sync_alert"

    pk: int | None = Field(default=None, primary_key=True)
    desk_id: str = Field(index=True)
    kind: str  # fork, gap, quarantine, unauthorised
    detail: dict = Field(sa_column=Column(JSON, nullable=False))
    raised_at: datetime
    fingerprint: str | None = Field(default=None, index=True)  # the same alert is raised once
    occurrences: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    last_raised_at: datetime | None = None
    handled_at: datetime | None = None
    handled_note: str | None = None


class SyncAlertLog(SQLModel, table=True):
    """Every handling of an alert, with its note: the coordination's audit trail."""

    __tablename__ = "sync_alert_log"

    pk: int | None = Field(default=None, primary_key=True)
    alert_pk: int = Field(index=True)
    at: datetime
    action: str  # handled, reopened
    note: str


# --- the coordination's people and what they did (issue 19) ---------------------------------


class CoordinatorAccount(SQLModel, table=True):
    """A person of the regional team (spro_desk.agents.coordination): never a desk's agent."""

    __tablename__ = "coordinator_account"

    id: str = Field(primary_key=True)
    nom: str = Field(sa_column=Column(String, nullable=False, unique=True))
    role: str
    secret_hash: str  # Argon2id, PHC string
    created_at: datetime
    updated_at: datetime
    disabled_at: datetime | None = None
    failed_attempts: int = 0
    blocked_until: datetime | None = None


class CoordinationAudit(SQLModel, table=True):
    """Every sensitive action of the coordination: who, when (UTC), what, on what, why."""

    __tablename__ = "coordination_audit"

    pk: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    account: str | None = None  # the account's name then (None: before any account existed)
    role: str | None = None
    action: str
    target: str = ""
    note: str = ""


class WatchItem(SQLModel, table=True):
    """A bundle the automatic collection fetched (sync.watch): imported once, even after a
    crash between the download and the import."""

    __tablename__ = "watch_item"

    source: str = Field(primary_key=True)  # "webdav" or the folder watched
    name: str = Field(primary_key=True)
    fingerprint: str
    local_path: str
    sha256: str | None = None
    state: str = Field(index=True)  # "recu", "importe", "refuse"
    fetched_at: datetime
    imported_at: datetime | None = None
    detail: str | None = None


# --- what the coordination published (issue 19): periods, editions, the published set --------


class BilanPeriod(SQLModel, table=True):
    """A period bilans were published for; closed at its first publication, so that a late
    bundle becomes a revision, applied to a new edition only on the coordinator's decision."""

    __tablename__ = "bilan_period"
    __table_args__ = (UniqueConstraint("first_day", "last_day", name="uq_bilan_period_days"),)

    pk: int | None = Field(default=None, primary_key=True)
    first_day: str  # ISO date, included
    last_day: str  # ISO date, included
    edition: int = 1  # the edition being published
    closed_at: datetime | None = None
    closed_by: str | None = None
    # bundles received after this moment are late for the period (the close, or the last
    # new edition)
    revised_at: datetime | None = None


class PublishedBilan(SQLModel, table=True):
    """One bilan as published: its territory and sites, and every table's figures as
    published (None: masked) and as computed, for the check across publications and the
    revisions."""

    __tablename__ = "published_bilan"
    __table_args__ = (
        UniqueConstraint("period_pk", "edition", "scope_key", name="uq_published_bilan_scope"),
    )

    pk: int | None = Field(default=None, primary_key=True)
    period_pk: int = Field(sa_column=Column(Integer, ForeignKey("bilan_period.pk"), index=True))
    edition: int
    scope_key: str  # region, departement:18, site:<desk id>… (reports.periods.scope_of)
    scope_label: str
    filters: dict = Field(sa_column=Column(JSON, nullable=False))
    sites: list = Field(sa_column=_json_list())  # desk ids; "~other" for unlisted desks
    threshold: int
    published_at: datetime
    published_by: str
    tables: dict = Field(sa_column=Column(JSON, nullable=False))  # key -> TableFigures JSON
    computed: dict = Field(sa_column=Column(JSON, nullable=False))  # the same, unmasked
    masked: int
    out: str | None = None  # the file written
