"""The cached partner directory's structures, services and their filter facets, as SQLModel
classes. Kept out of `storage.tables`: the desk reads and writes them with SQL (the import,
directory/importer.py; the search, directory/search.py; the status bar, directory/catalog.py),
never through these classes, and defining a table class costs the start about as much as
importing a library (issue 18: the desk's database attaches sooner without them). They
describe the schema for the migrations (storage/migrations/env.py) and the check that models
and migrations agree (tests/coordination_db.model_differences).

Schema changes go through an Alembic migration, as for `storage.tables`.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, String, false
from sqlmodel import Field

from spro_desk.storage.tables import _json_list, _json_optional, _Row


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
