"""Initial schema: directory cache, contacts, referrals, consents, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("occurred_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("canal", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("lieu", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("statut", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("tranche_age", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sexe", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("handicap", sa.Boolean(), nullable=True),
        sa.Column("commune", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("besoins", sa.JSON(), nullable=False),
        sa.Column("reponses", sa.JSON(), nullable=False),
        sa.Column("duree", sa.Integer(), nullable=True),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("site", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "directory_import",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("imported_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("structures", sa.Integer(), nullable=False),
        sa.Column("services", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "structure",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("nom", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("date_maj", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("siret", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("commune", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("code_postal", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("code_insee", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("adresse", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("complement_adresse", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("telephone", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("courriel", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("site_web", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("lien_source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("horaires_accueil", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("accessibilite_lieu", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("reseaux_porteurs", sa.JSON(), nullable=False),
        sa.Column("reseau", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("reseau_infere", sa.Boolean(), nullable=False),
        sa.Column("operateur_cep", sa.Boolean(), nullable=False),
        sa.Column("niveaux", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    op.create_table(
        "consent",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("contact_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("wording", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("agent", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("given_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "referral",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("contact_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("service_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("structure_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("service_nom", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("structure_nom", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rdv_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("statut", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("motif", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_statut"), ["statut"], unique=False)

    op.create_table(
        "service",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("structure_pk", sa.Integer(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("nom", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("date_maj", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("thematiques", sa.JSON(), nullable=False),
        sa.Column("frais", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("frais_precisions", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("publics", sa.JSON(), nullable=False),
        sa.Column("publics_precisions", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("conditions_acces", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("commune", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("code_postal", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("code_insee", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("adresse", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("complement_adresse", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("telephone", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("courriel", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("contact_nom_prenom", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("lien_source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("lien_mobilisation", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("modes_accueil", sa.JSON(), nullable=False),
        sa.Column("modes_mobilisation", sa.JSON(), nullable=False),
        sa.Column("mobilisable_par", sa.JSON(), nullable=False),
        sa.Column("mobilisation_precisions", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("zone_eligibilite", sa.JSON(), nullable=False),
        sa.Column("horaires_accueil", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("spro_publics", sa.JSON(), nullable=True),
        sa.Column("age_min", sa.Integer(), nullable=True),
        sa.Column("age_max", sa.Integer(), nullable=True),
        sa.Column("operateur_cep", sa.Boolean(), nullable=True),
        sa.Column("niveau", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["structure_pk"], ["structure.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_structure_pk"), ["structure_pk"], unique=False)

    op.create_table(
        "personal_data",
        sa.Column("contact_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("consent_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("nom", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("telephone", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("courriel", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "service_tag",
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("service_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["service_pk"], ["service.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("kind", "value", "service_pk"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("service_tag", schema=None) as batch_op:
        batch_op.create_index("ix_service_tag_service", ["service_pk"], unique=False)

    # Full-text index over services. Contentless: it holds only the index, the text stays in
    # the service and structure tables. unicode61 with diacritics removed folds accents and case.
    op.execute(
        "CREATE VIRTUAL TABLE service_fts USING fts5("
        "nom, structure_nom, description, commune, "
        "content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"
    )
    op.execute(
        "INSERT INTO service_fts(service_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 1.0, 3.0)')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE service_fts")
    with op.batch_alter_table("service_tag", schema=None) as batch_op:
        batch_op.drop_index("ix_service_tag_service")

    op.drop_table("service_tag")
    op.drop_table("personal_data")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_structure_pk"))

    op.drop_table("service")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_statut"))
        batch_op.drop_index(batch_op.f("ix_referral_contact_id"))

    op.drop_table("referral")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_contact_id"))

    op.drop_table("consent")
    op.drop_table("structure")
    op.drop_table("setting")
    op.drop_table("directory_import")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_occurred_at"))

    op.drop_table("contact")
