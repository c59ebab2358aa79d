"""The sample plan reads true: fitting reasons and measures, no repeats, live work, people."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionRow, PlanOverview
from lio_planner.services import queries
from lio_planner.services.sample import SAMPLE_PEOPLE, fill_with_sample
from lio_planner.services.sample_content import SAMPLE_RESPONSES
from lio_planner.store.sqlite.opening import create_plan


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[PlanOverview, list[ActionRow]]:
    path: Path = tmp_path_factory.mktemp("sample") / "Sample.lioplan"
    store = create_plan(path, "Sample CVS")
    fill_with_sample(store)
    result = queries.overview(store), queries.action_rows(store)
    store.close()
    return result


def test_each_reason_was_written_for_its_opportunity(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    overview, _rows = sample
    for o in overview.opportunities:
        decision, reason, _measures = SAMPLE_RESPONSES[o.key or ""]
        assert o.decision is decision, o.key
        assert o.reasons == reason, o.key
        assert bool(o.reasons) == o.decision.is_decided, o.key
    assert len({o.reasons for o in overview.opportunities if o.reasons}) == sum(
        1 for o in overview.opportunities if o.reasons
    )


def test_each_action_and_measure_belong_together(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    overview, rows = sample
    by_uuid = {o.uuid: o for o in overview.opportunities}
    for row in rows:
        opportunity = by_uuid[row.action.opportunity_uuid]
        suggestions = [s.text for s in opportunity.lio_actions]
        n = suggestions.index(row.action.description)
        assert row.action.success_measure == SAMPLE_RESPONSES[opportunity.key or ""][2][n]


def test_no_action_appears_twice(sample: tuple[PlanOverview, list[ActionRow]]) -> None:
    _overview, rows = sample
    counts = Counter(r.action.description for r in rows)
    assert [d for d, n in counts.items() if n > 1] == []


def test_every_opportunity_pursued_has_a_live_action(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    overview, rows = sample
    pursued = [o for o in overview.opportunities if o.decision is Decision.PURSUE]
    assert len(pursued) >= 20
    for o in pursued:
        assert any(r.action.status.is_open for r in rows if r.action.opportunity_uuid == o.uuid), (
            o.key
        )


def test_owners_are_people(sample: tuple[PlanOverview, list[ActionRow]]) -> None:
    _overview, rows = sample
    owners = {r.action.owner_name for r in rows}
    assert owners <= set(SAMPLE_PEOPLE)
    for name in SAMPLE_PEOPLE:
        first, _, last = name.partition(" ")
        assert first.istitle() and last.istitle(), name


def test_some_opportunities_are_left_to_decide(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    overview, _rows = sample
    assert any(o.decision is Decision.UNDECIDED for o in overview.opportunities)


def test_every_seeded_opportunity_has_a_sample_response(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    overview, _rows = sample
    assert {o.key for o in overview.opportunities} == set(SAMPLE_RESPONSES)
