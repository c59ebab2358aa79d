"""Finding rows that have no revision yet, in plain SQL (no SQLAlchemy needed to ask).

Plans from before revisions existed, and rows added in bulk (the sample plan), have none;
:func:`lio_planner.store.tracking.track_untracked_rows` gives them their first. Opening a plan
asks these first, through sqlite3, so the usual answer (none) costs no ORM.
"""

from __future__ import annotations

from lio_planner.domain.fields import RowKind

# Each kind of row → a query for the ids of its rows that have no revision.
UNTRACKED_SQL: dict[str, str] = {
    RowKind.ACTION: "SELECT a.id FROM actions a WHERE NOT EXISTS (SELECT 1 FROM revisions r "
    "WHERE r.kind = 'action' AND r.row_key = a.uuid)",
    RowKind.PERSON: "SELECT p.id FROM people p WHERE NOT EXISTS (SELECT 1 FROM revisions r "
    "WHERE r.kind = 'person' AND r.row_key = p.uuid)",
    RowKind.PLAN: "SELECT p.id FROM plan p WHERE NOT EXISTS (SELECT 1 FROM revisions r "
    "WHERE r.kind = 'plan' AND r.row_key = p.uuid)",
    RowKind.THEME: "SELECT t.id FROM themes t WHERE t.seed_key IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM revisions r WHERE r.kind = 'theme' AND r.row_key = t.uuid)",
    RowKind.OPPORTUNITY: "SELECT o.id FROM opportunities o WHERE o.seed_key IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM revisions r WHERE r.kind = 'opportunity' AND r.row_key = o.uuid)",
    RowKind.RESPONSE: "SELECT s.id FROM responses s "
    "JOIN opportunities o ON o.id = s.opportunity_id "
    "WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = 'response' AND r.row_key = "
    "CASE WHEN o.seed_key IS NOT NULL THEN 'seed:' || o.seed_key ELSE o.uuid END)",
}
