"""The coordination's own tables, as SQLModel classes: registered desks, received bundles and
events, alerts, the coordination's accounts and audit, the automatic collection, the merged
state the indicators read and its audit witness, the published bilans. Kept out of
`storage.tables`: a desk never reads them through these classes (its reports build TEMP copies
of the merged tables from the database's own definitions, reports/source.py), and defining a
table class costs its start about as much as importing a library (the desk's database
attaches sooner without them). The coordination's code imports them from here; the
migrations know them by name.

Schema changes go through an Alembic migration, as for `storage.tables`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlmodel import Field

from spro_desk.storage.tables import _json_list, _Row

# --- the coordinator's side -----------------------------------------------------------------


class RegisteredDesk(_Row, table=True):
    __tablename__ = "registered_desk"

    desk_id: str = Field(primary_key=True)
    public_key: str
    site_nom: str
    reseau: str
    commune: str
    registered_at: datetime
    revoked: bool = False


class ReceivedBundle(_Row, table=True):
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


class ReceivedEvent(_Row, table=True):
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


class SyncAlert(_Row, table=True):
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


class SyncAlertLog(_Row, table=True):
    """Every handling of an alert, with its note: the coordination's audit trail."""

    __tablename__ = "sync_alert_log"

    pk: int | None = Field(default=None, primary_key=True)
    alert_pk: int = Field(index=True)
    at: datetime
    action: str  # handled, reopened
    note: str


# --- the coordination's people and what they did (issue 19) ---------------------------------


class CoordinatorAccount(_Row, table=True):
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


class CoordinationAudit(_Row, table=True):
    """Every sensitive action of the coordination: who, when (UTC), what, on what, why."""

    __tablename__ = "coordination_audit"

    pk: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    account: str | None = None  # the account's name then (None: before any account existed)
    role: str | None = None
    action: str
    target: str = ""
    note: str = ""


class WatchItem(_Row, table=True):
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


class BilanPeriod(_Row, table=True):
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


# --- merged state for indicators (issue 5): the latest state of each contact and referral ----
#
# Derived from `received_event` by `spro_desk.sync.merged`: caught up after each import's
# commit and before every indicators computation (watermark `coordinator.merged_upto`),
# rebuildable at any time; a desk builds the same tables as TEMP tables over its own rows.
# Dates are local (Europe/Paris) calendar days as ISO text, so GROUP BY needs no date function.


class MergedTombstone(_Row, table=True):
    """A deleted entity's latest event (its rank), so that an older event arriving late cannot
    bring it back. A live entity's rank is in its own row (merged_contact, merged_referral)."""

    __tablename__ = "merged_tombstone"
    __table_args__ = ({"sqlite_with_rowid": False},)

    entity_id: str = Field(primary_key=True)
    entity: str  # contact, referral
    desk_id: str
    seq: int
    branch: str = Field(default="", sa_column_kwargs={"server_default": ""})
    event_id: str = Field(default="", sa_column_kwargs={"server_default": ""})


class MergedContact(_Row, table=True):
    __tablename__ = "merged_contact"
    # Each breakdown reads one covering index in its GROUP BY order: no sort of a million rows.
    # On PostgreSQL, migration 0016 adds a site's covering index (desk_id, day) INCLUDE (...):
    # not declared here, because a dialect's options on an Index load that dialect's modules
    # (~90 ms on every desk's start). And migration 0017 keeps none of the five below there:
    # a (day, desk_id) covering index replaces them (the server groups by hashing; each
    # merged contact cost an insert into every index).
    __table_args__ = (
        Index("ix_merged_contact_day_desk", "day", "desk_id"),
        Index(
            "ix_merged_contact_profile",
            *("canal", "statut", "tranche_age", "sexe", "handicap", "day", "desk_id"),
        ),
        Index("ix_merged_contact_commune", "commune", "day", "desk_id"),
        Index("ix_merged_contact_desk_canal", "desk_id", "canal", "day"),
        Index("ix_merged_contact_codes", "besoins", "reponses", "day", "desk_id"),
    )

    id: str = Field(primary_key=True)
    desk_id: str
    seq: int
    occurred_at: str  # ISO 8601, UTC
    day: str  # YYYY-MM-DD, local
    week: str  # the Monday of the ISO week, YYYY-MM-DD
    month: str  # YYYY-MM
    canal: str
    statut: str
    tranche_age: str
    sexe: str
    handicap: str  # oui, non, non-renseigne
    commune: str | None = None
    duree: int | None = None
    # Needs as recorded (categories or sub-thématiques) and responses: the sorted codes as a
    # JSON array; contacts are counted grouped by them (queries.codes, on the codes index),
    # the needs' categories derived then.
    besoins: str = Field(default="[]", sa_column_kwargs={"server_default": "[]"})
    reponses: str = Field(default="[]", sa_column_kwargs={"server_default": "[]"})
    # the rest of the rank of the event that set this state (seq above)
    branch: str = Field(default="", sa_column_kwargs={"server_default": ""})
    event_id: str = Field(default="", sa_column_kwargs={"server_default": ""})


class MergedReferral(_Row, table=True):
    """A referral with its contact's day and moment copied (null while the contact is absent
    or deleted: the referral then counts nowhere) and its destination's network and level as
    the coordinator's directory gives them."""

    __tablename__ = "merged_referral"
    __table_args__ = (
        Index("ix_merged_referral_day_desk", "contact_day", "desk_id"),
        Index("ix_merged_referral_desk_day", "desk_id", "contact_day"),  # a site's (0016)
    )

    id: str = Field(primary_key=True)
    desk_id: str
    seq: int
    contact_id: str = Field(index=True)
    contact_day: str | None = None
    contact_at: str | None = None
    service_id: str
    structure_id: str
    structure_nom: str
    service_nom: str
    type: str
    statut: str
    rdv_at: str | None = None
    rdv_day: str | None = None  # local day of the rendez-vous
    created_at: str
    updated_at: str
    reseau: str | None = None  # destination network (directory), when known
    niveau: int | None = None  # destination level of service: 1, 2, or unknown
    branch: str = Field(default="", sa_column_kwargs={"server_default": ""})
    event_id: str = Field(default="", sa_column_kwargs={"server_default": ""})


class AuditWitness(_Row, table=True):
    """The newest access-log head each desk sent (issue 15): a copy outside the desk, so that a
    log cut and re-anchored on the desk shows up at the next bundle."""

    __tablename__ = "audit_witness"

    desk_id: str = Field(primary_key=True)
    branch: str = ""
    audit_seq: int  # entries in the log (0: no log)
    audit_mac: str | None = None
    bundle_seq: int
    bundle_created_at: str | None = None


class MergedDesk(_Row, table=True):
    """What the last bundle of each desk said about the desk itself (its directory's age)."""

    __tablename__ = "merged_desk"

    desk_id: str = Field(primary_key=True)
    bundle_seq: int
    bundle_created_at: str | None = None
    directory_version: str | None = None
    directory_published_at: str | None = None
    directory_imported_at: str | None = None


class IndicatorSummary(_Row, table=True):
    """The merged state counted per month of the contact's day, kept exact by the merge
    (sync/indicator_summary.py): what a bilan of whole months adds up instead of grouping
    millions of merged rows. `code2` is the second key of two-way counts ("" otherwise)."""

    __tablename__ = "indicator_summary"
    __table_args__ = ({"sqlite_with_rowid": False},)

    month: str = Field(primary_key=True)  # YYYY-MM ("" for the row marking it ready)
    kind: str = Field(primary_key=True)  # day, canal, commune, codes, ref_type, delay...
    code: str = Field(primary_key=True)
    code2: str = Field(default="", primary_key=True, sa_column_kwargs={"server_default": ""})
    n: int = Field(sa_type=BigInteger)


class PublishedBilan(_Row, table=True):
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
