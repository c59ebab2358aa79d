"""The sample plan reads true: fitting reasons and measures, no repeats, live work, people."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
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


_COMMON = {"with", "your", "their", "each", "this", "that", "from", "year", "have", "will"}


def _stems(text: str) -> set[str]:
    """Words of four letters or more, cut to five so "circulate" meets "circulated"."""
    words = re.findall(r"[a-z]+", text.lower())
    return {w[:5] for w in words if len(w) >= 4 and w not in _COMMON}


def test_each_success_measure_speaks_of_its_own_action(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    _overview, rows = sample
    for row in rows:
        action = row.action
        assert _stems(action.success_measure) & _stems(action.description), (
            action.description,
            action.success_measure,
        )


def test_the_live_action_behind_each_pursue_is_not_long_overdue(
    sample: tuple[PlanOverview, list[ActionRow]],
) -> None:
    overview, rows = sample
    today = date.today()
    for o in overview.opportunities:
        if o.decision is not Decision.PURSUE:
            continue
        live = [
            r.action
            for r in rows
            if r.action.opportunity_uuid == o.uuid
            and r.action.status.is_open
            and (r.action.due is None or r.action.due >= today - timedelta(weeks=4))
        ]
        assert live, o.key


def test_the_front_page_is_one_a_board_would_approve(tmp_path: Path) -> None:
    store = create_plan(tmp_path / "Sample.lioplan", "Sample CVS")
    fill_with_sample(store)
    front = queries.plan_info(store).front
    store.close()
    paragraphs = [p for p in front.introduction.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 3
    assert "August 2018" in paragraphs[0]  # it says which strategy, and when
    today = date.today()
    assert front.approved_on is not None and front.next_review_on is not None
    assert front.approved_on <= today < front.next_review_on
    assert front.approved_by and front.version_label
    # The lead is a named person with a role, not a role alone.
    name = front.lead.split(",")[0]
    assert len(name.split()) == 2 and name.istitle(), front.lead
    assert name not in SAMPLE_PEOPLE  # a trustee, not one of the staff who own actions
