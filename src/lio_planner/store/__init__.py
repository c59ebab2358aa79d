"""The plan file: SQLAlchemy models, Alembic migrations, opening checks. No Qt."""
