"""The printed plan's front page: the introduction and governance block, changed and undone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from helpers.plans import plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import FrontPage
from lio_planner.domain.rules import ActionError
from lio_planner.services import queries
from lio_planner.services.history import plan_history
from lio_planner.services.merge import apply_merge, preview_merge
from lio_planner.services.responses import update_front_page, update_plan_settings
from lio_planner.store.sqlite.opening import open_plan

FRONT = FrontPage(
    introduction="Why we respond.\n\nOur three priorities.",
    approved_by="Board of trustees",
    approved_on=date(2026, 3, 12),
    version_label="1.0",
    lead="Amira Khan (chair)",
    next_review_on=date(2026, 9, 10),
)


def test_the_front_page_is_saved_and_undone_with_history(plan: Path) -> None:
    store = open_plan(plan)
    done = update_front_page(store, FRONT)
    assert done.changes.plan_info
    before, after = done.value
    assert before.front == FrontPage()
    assert after.front == FRONT
    store.close()

    store = open_plan(plan)  # read back from the file, not from what the call returned
    assert queries.plan_info(store).front == FRONT
    texts = [c.text for c in plan_history(store)]
    assert "Plan introduction changed" in texts
    assert "Plan approved on: (none) → 12 March 2026" in texts
    assert "Plan lead trustee or committee: (none) → Amira Khan (chair)" in texts
    update_front_page(store, before.front)  # what undo runs
    assert queries.plan_info(store).front == FrontPage()
    store.close()


def test_a_review_date_before_approval_is_refused_in_words(plan: Path) -> None:
    store = open_plan(plan)
    wrong = FrontPage(approved_on=date(2026, 3, 12), next_review_on=date(2025, 3, 12))
    with pytest.raises(ActionError, match="next review date is before"):
        update_front_page(store, wrong)
    assert queries.plan_info(store).front == FrontPage()
    store.close()


def test_a_colleague_s_front_page_comes_in_with_a_merge(plan: Path, tmp_path: Path) -> None:
    store = open_plan(plan)
    copy = tmp_path / "Copy.lioplan"
    store.save_snapshot(copy)
    store.close()
    theirs = open_plan(copy)
    update_front_page(theirs, FRONT)
    theirs.close()

    store = open_plan(plan)
    apply_merge(store, preview_merge(store, copy), {})
    assert queries.plan_info(store).front == FRONT
    store.close()


def test_plan_settings_change_together_and_undo_together(plan: Path) -> None:
    store = open_plan(plan)
    before = queries.plan_info(store)
    wanted = replace(before, organisation="Northshire CVS", title="Board plan", front=FRONT)
    done = update_plan_settings(store, wanted)
    assert done.value == (before, wanted)
    update_plan_settings(store, done.value[0])  # what undo runs
    assert queries.plan_info(store) == before
    store.close()
