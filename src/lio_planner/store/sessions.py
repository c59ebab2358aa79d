"""What every place that keeps a plan does to its sessions and engine, whichever database it is.

Each backend (the plan file, a team server) hands out sessions made here, so none can forget
the revisions and history a change records, or the cleaning every written text value gets.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event, insert
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import Executable

from lio_planner.store import tracking
from lio_planner.store.schema import Base
from lio_planner.store.text import clean_text


def tracked_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose changes record revisions and history in the same transaction."""
    sessions = sessionmaker(engine, expire_on_commit=False)
    event.listen(sessions, "before_flush", tracking.before_flush)
    event.listen(sessions, "before_commit", tracking.before_commit)
    event.listen(sessions, "after_rollback", tracking.forget_pending)
    return sessions


def insert_new_only(conn: Connection, model: type[Base]) -> Executable:
    """An INSERT that skips rows whose unique key is already there, in the database's dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgres_insert

        return postgres_insert(model).on_conflict_do_nothing()
    return insert(model).prefix_with("OR IGNORE")


def clean_every_written_text(engine: Engine) -> None:
    """Every text value written through ``engine`` made safe (see :mod:`.text`)."""
    event.listen(engine, "before_cursor_execute", _clean_written_text, retval=True)


def _clean_written_text(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    """Every text value written to the plan, whichever service or merge wrote it, made safe.

    The one place all writes pass (ORM and bulk alike); see :mod:`lio_planner.store.text`.
    Look-ups are cleaned the same way, so they find what was stored (and a lone surrogate,
    which SQLite cannot be given at all, never raises).
    """
    return statement, _cleaned(parameters)


def _cleaned(values: Any) -> Any:
    """Parameters as the driver gets them: a row, rows (executemany), or a batch flattened."""
    if isinstance(values, str):
        return clean_text(values)
    if isinstance(values, dict):
        return {k: _cleaned(v) for k, v in values.items()}
    if isinstance(values, list | tuple):
        return type(values)(_cleaned(v) for v in values)
    return values
