"""Initial schema: directory cache, contacts, referrals, consents, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("canal", sa.String(), nullable=False),
        sa.Column("lieu", sa.String(), nullable=True),
        sa.Column("statut", sa.String(), nullable=False),
        sa.Column("tranche_age", sa.String(), nullable=False),
        sa.Column("sexe", sa.String(), nullable=False),
        sa.Column("handicap", sa.Boolean(), nullable=True),
        sa.Column("commune", sa.String(), nullable=True),
        sa.Column("besoins", sa.JSON(), nullable=False),
        sa.Column("reponses", sa.JSON(), nullable=False),
        sa.Column("duree", sa.Integer(), nullable=True),
        sa.Column("agent", sa.String(), nullable=True),
        sa.Column("site", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "directory_import",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("structures", sa.Integer(), nullable=False),
        sa.Column("services", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "structure",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("nom", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("date_maj", sa.String(), nullable=True),
        sa.Column("siret", sa.String(), nullable=True),
        sa.Column("commune", sa.String(), nullable=True),
        sa.Column("code_postal", sa.String(), nullable=True),
        sa.Column("code_insee", sa.String(), nullable=True),
        sa.Column("adresse", sa.String(), nullable=True),
        sa.Column("complement_adresse", sa.String(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("telephone", sa.String(), nullable=True),
        sa.Column("courriel", sa.String(), nullable=True),
        sa.Column("site_web", sa.String(), nullable=True),
        sa.Column("lien_source", sa.String(), nullable=True),
        sa.Column("horaires_accueil", sa.String(), nullable=True),
        sa.Column("accessibilite_lieu", sa.String(), nullable=True),
        sa.Column("reseaux_porteurs", sa.JSON(), nullable=False),
        sa.Column("reseau", sa.String(), nullable=True),
        sa.Column("reseau_infere", sa.Boolean(), nullable=False),
        sa.Column("operateur_cep", sa.Boolean(), nullable=False),
        sa.Column("niveaux", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("contact_id", sa.String(), nullable=False),
        sa.Column("purpose", sa.String(), nullable=False),
        sa.Column("wording", sa.String(), nullable=False),
        sa.Column("agent", sa.String(), nullable=True),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "referral",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("contact_id", sa.String(), nullable=False),
        sa.Column("service_id", sa.String(), nullable=False),
        sa.Column("structure_id", sa.String(), nullable=False),
        sa.Column("service_nom", sa.String(), nullable=False),
        sa.Column("structure_nom", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("rdv_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("statut", sa.String(), nullable=False),
        sa.Column("motif", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
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
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("nom", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("date_maj", sa.String(), nullable=True),
        sa.Column("type", sa.String(), nullable=True),
        sa.Column("thematiques", sa.JSON(), nullable=False),
        sa.Column("frais", sa.String(), nullable=True),
        sa.Column("frais_precisions", sa.String(), nullable=True),
        sa.Column("publics", sa.JSON(), nullable=False),
        sa.Column("publics_precisions", sa.String(), nullable=True),
        sa.Column("conditions_acces", sa.String(), nullable=True),
        sa.Column("commune", sa.String(), nullable=True),
        sa.Column("code_postal", sa.String(), nullable=True),
        sa.Column("code_insee", sa.String(), nullable=True),
        sa.Column("adresse", sa.String(), nullable=True),
        sa.Column("complement_adresse", sa.String(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("telephone", sa.String(), nullable=True),
        sa.Column("courriel", sa.String(), nullable=True),
        sa.Column("contact_nom_prenom", sa.String(), nullable=True),
        sa.Column("lien_source", sa.String(), nullable=True),
        sa.Column("lien_mobilisation", sa.String(), nullable=True),
        sa.Column("modes_accueil", sa.JSON(), nullable=False),
        sa.Column("modes_mobilisation", sa.JSON(), nullable=False),
        sa.Column("mobilisable_par", sa.JSON(), nullable=False),
        sa.Column("mobilisation_precisions", sa.String(), nullable=True),
        sa.Column("zone_eligibilite", sa.JSON(), nullable=False),
        sa.Column("horaires_accueil", sa.String(), nullable=True),
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
        sa.Column("contact_id", sa.String(), nullable=False),
        sa.Column("consent_id", sa.String(), nullable=False),
        sa.Column("nom", sa.String(), nullable=True),
        sa.Column("telephone", sa.String(), nullable=True),
        sa.Column("courriel", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "service_tag",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("service_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["service_pk"], ["service.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("kind", "value", "service_pk"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("service_tag", schema=None) as batch_op:
        batch_op.create_index("ix_service_tag_service", ["service_pk"], unique=False)

    # Full-text index over services. Contentless: it holds only the index, the text stays in
    # the service and structure tables. unicode61 with diacritics removed folds accents and case.
    if op.get_bind().dialect.name != "sqlite":
        return  # the desk's service search: a coordination server (PostgreSQL) searches nothing
    op.execute(
        "CREATE VIRTUAL TABLE service_fts USING fts5("
        "nom, structure_nom, description, commune, "
        "content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"
    )
    op.execute(
        "INSERT INTO service_fts(service_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 1.0, 3.0)')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS service_fts")
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
