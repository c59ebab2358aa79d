"""Alembic environment for plan files: always run from the app with an open connection."""

from alembic import context

from lio_planner.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # only the app and tests run migrations, always with a connection
    raise RuntimeError("Plan migrations must be run through lio_planner.store.sqlite.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite can't ALTER most things in place; batch mode rebuilds the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
