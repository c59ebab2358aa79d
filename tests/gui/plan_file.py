"""Reading what was saved straight from the plan file, as a fresh connection sees it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path


def saved_actions(path: Path) -> dict[str, tuple[str, date | None]]:
    """Every action's description mapped to its owner's name and due date, read from disk."""
    with closing(sqlite3.connect(path)) as conn, conn:
        rows = conn.execute(
            "SELECT a.description, coalesce(p.name, ''), a.due FROM actions a"
            " LEFT JOIN people p ON p.id = a.owner_id"
        ).fetchall()
    conn.close()
    return {
        description: (owner, date.fromisoformat(due) if due else None)
        for description, owner, due in rows
    }
