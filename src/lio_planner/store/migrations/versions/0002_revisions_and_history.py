"""revisions and history, for merging copies and showing who changed what

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Rows already in the plan get their first revision when the plan is next opened for editing
(lio_planner.store.tracking.track_untracked_rows), not here: a migration should only change
the shape of the file, and that code already knows how to describe every kind of row.
"""

import sqlalchemy as sa
from alembic import op

from lio_planner.store.migrations.tables import create_identified_table

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revisions",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("revision", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("row_key", sa.String(length=120), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_revisions")),
        sa.UniqueConstraint("revision", name=op.f("uq_revisions_revision")),
    )
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.create_index("ix_revisions_kind_row_key", ["kind", "row_key"], unique=False)

    create_identified_table(
        "history",
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("opportunity", sa.String(length=120), nullable=True),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
    )
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_history_opportunity"), ["opportunity"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_opportunity"))
        batch_op.drop_index(batch_op.f("ix_history_at"))
    op.drop_table("history")
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.drop_index("ix_revisions_kind_row_key")
    op.drop_table("revisions")
