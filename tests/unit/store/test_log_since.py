"""A viewer reads only the rows saved since its last look, from the plan's revision log."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import delete_action, record_action
from lio_planner.services.changes import Changes, Rows, changes_from_log
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.watch import LoggedRow, log_mark, logged_since


def test_only_the_rows_saved_since_the_mark_are_read(store: PlanStore) -> None:
    opportunity = queries.overview(store).opportunities[0]
    kept = record_action(store, opportunity.uuid, ActionFields("Kept"), "Sam").value.uuid
    mark = log_mark(store.path)
    assert mark is not None

    gone = record_action(store, opportunity.uuid, ActionFields("Gone"), "Sam").value.uuid
    delete_action(store, gone)
    set_response(store, opportunity.uuid, Decision.PURSUE, "", "Sam")
    found = logged_since(store.path, mark)

    assert found is not None
    rows, end = found
    assert kept not in {r.key for r in rows}
    assert LoggedRow("action", gone, True) in rows
    assert logged_since(store.path, end) == ([], end)  # nothing since
    ref = f"seed:{opportunity.key}"
    changes = changes_from_log(((r.kind, r.key, r.removed) for r in rows), {ref: opportunity.uuid})
    assert changes.actions == Rows(changed=frozenset({gone}))
    assert changes.opportunities == Rows(changed=frozenset({opportunity.uuid}))


def test_a_log_rewritten_under_the_mark_means_reading_everything(store: PlanStore) -> None:
    opportunity = queries.overview(store).opportunities[0].uuid
    record_action(store, opportunity, ActionFields("One"), "Sam")
    mark = log_mark(store.path)
    assert mark is not None and mark.seq > 0
    store.close()
    with (
        closing(sqlite3.connect(store.path)) as connection,
        connection,
    ):  # as an undone merge forgets revisions
        connection.execute("DELETE FROM revisions WHERE seq = ?", (mark.seq,))
    assert logged_since(store.path, mark) is None


def test_an_unknown_kind_of_row_means_reading_everything() -> None:
    assert changes_from_log([("budget line", "x", False)], {}) == Changes(everything=True)
