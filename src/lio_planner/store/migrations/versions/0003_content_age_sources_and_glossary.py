"""content notes, foundations and "since then" notes for the strategy content

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

The new columns hold reference content that the app owns (never anything a person wrote), so
the migration only clears the plan's seed digest: the next opening for editing then refreshes
the content from the seed file and fills them in.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (table, column, empty JSON value): NOT NULL columns need a value for the rows already there.
_COLUMNS = (
    ("plan", "content_notes", "{}"),
    ("opportunities", "foundations", "[]"),
    ("opportunities", "since_then", "[]"),
)


def upgrade() -> None:
    for table, column, empty in _COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column(column, sa.JSON(), nullable=False, server_default=sa.text(f"'{empty}'"))
            )
    # The models have no server default (the ORM supplies one), so none is left behind.
    for table in ("plan", "opportunities"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, column, _empty in _COLUMNS:
                if name == table:
                    batch_op.alter_column(column, server_default=None)
    op.execute("UPDATE plan SET seed_digest = ''")


def downgrade() -> None:
    for table in ("opportunities", "plan"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, column, _empty in reversed(_COLUMNS):
                if name == table:
                    batch_op.drop_column(column)
