"""A plan made with older strategy content picks up the new content and keeps the user's work."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from lio_planner.bundled import seed_path
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import add_custom_opportunity, set_response
from lio_planner.store.sqlite.opening import create_plan, open_plan


def older_seed(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The shipped content as an earlier release might have had it: fewer, shorter entries."""
    data: dict[str, Any] = json.loads(seed_path().read_text(encoding="utf-8"))
    data["content_version"] = "2018.0"
    data["opportunities"] = data["opportunities"][:-3]
    data["opportunities"][0]["strategy_says"] = "Old wording."
    path = tmp_path / "old-seed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path, data


def test_old_plan_gains_new_content_and_keeps_user_work(tmp_path: Path) -> None:
    old_seed, _old = older_seed(tmp_path)
    store = create_plan(tmp_path / "plan.lioplan", "Test CVS", seed_file=old_seed)
    first = queries.overview(store).opportunities[0]
    assert first.strategy_says == "Old wording."
    set_response(store, first.uuid, Decision.PURSUE, "Members asked for it", "Ann")
    record_action(
        store,
        first.uuid,
        ActionFields("Meet the commissioner", owner_name="Ann", due=date(2019, 5, 1)),
        "Ann",
    )
    theme = queries.overview(store).themes[0]
    local = add_custom_opportunity(store, theme.uuid, "Council's loneliness priority").value
    count_before = len(queries.overview(store).opportunities)
    store.close()

    store = open_plan(tmp_path / "plan.lioplan")  # the shipped, newer content
    try:
        overview = queries.overview(store)
        shipped = json.loads(seed_path().read_text(encoding="utf-8"))
        assert len(overview.opportunities) == count_before + 3
        keys = {o.key for o in overview.opportunities}
        assert {o["id"] for o in shipped["opportunities"]} <= keys

        refreshed = next(o for o in overview.opportunities if o.uuid == first.uuid)
        assert refreshed.strategy_says == shipped["opportunities"][0]["strategy_says"]
        assert refreshed.decision is Decision.PURSUE
        assert refreshed.reasons == "Members asked for it"

        actions = queries.actions_for(store, first.uuid)
        assert [(a.description, a.owner_name, a.status) for a in actions] == [
            ("Meet the commissioner", "Ann", Status.NOT_STARTED)
        ]
        assert any(o.uuid == local.uuid and o.is_custom for o in overview.opportunities)
    finally:
        store.close()


def test_opening_an_up_to_date_plan_writes_nothing(plan_path: Path) -> None:
    import hashlib

    before = hashlib.sha256(plan_path.read_bytes()).hexdigest()
    open_plan(plan_path).close()
    open_plan(plan_path).close()
    assert hashlib.sha256(plan_path.read_bytes()).hexdigest() == before
