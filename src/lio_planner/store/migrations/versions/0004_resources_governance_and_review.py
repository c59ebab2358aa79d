"""resources on actions; the plan's introduction, governance, last review and origin

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Every new column is something a person writes (or the app marks on their say-so), so each
starts empty: plain text as "", dates as NULL. Nothing already in the plan changes.
- actions.resources: money, staff time or other resources the action needs.
- plan.introduction: the plan's purpose and priorities in the CVS's own words (front page).
- plan.approved_by, approved_on, version_label, lead, next_review_on: the governance block.
- plan.last_reviewed_on: the day someone last said "Mark as reviewed today".
- plan.came_from, came_from_uuid: the plan this one was started from (the next plan period).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, column): NOT NULL text columns, "" for the rows already there.
_TEXT = (
    ("actions", "resources"),
    ("plan", "introduction"),
    ("plan", "approved_by"),
    ("plan", "version_label"),
    ("plan", "lead"),
    ("plan", "came_from"),
)
_DATES = ("approved_on", "next_review_on", "last_reviewed_on")


def upgrade() -> None:
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("resources", sa.Text(), nullable=False, server_default=sa.text("''"))
        )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        for table, column in _TEXT:
            if table == "plan":
                batch_op.add_column(
                    sa.Column(column, sa.Text(), nullable=False, server_default=sa.text("''"))
                )
        for column in _DATES:
            batch_op.add_column(sa.Column(column, sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "came_from_uuid", sa.String(length=36), nullable=False, server_default=sa.text("''")
            )
        )
    # The models have no server default (the ORM supplies one), so none is left behind.
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.alter_column("resources", server_default=None)
    with op.batch_alter_table("plan", schema=None) as batch_op:
        for table, column in _TEXT:
            if table == "plan":
                batch_op.alter_column(column, server_default=None)
        batch_op.alter_column("came_from_uuid", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_column("came_from_uuid")
        for column in reversed(_DATES):
            batch_op.drop_column(column)
        for table, column in reversed(_TEXT):
            if table == "plan":
                batch_op.drop_column(column)
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_column("resources")
