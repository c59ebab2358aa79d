"""Plans for the report tests: the sample plan, plus actions whose text tries to break exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from report_samples import AWKWARD_TEXTS

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response, update_plan_info
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import open_plan


@pytest.fixture
def sample_store(store: PlanStore) -> PlanStore:
    """The sample plan (as ``lio-planner new --sample`` makes it)."""
    fill_with_sample(store)
    return store


@pytest.fixture
def awkward_store(store: PlanStore) -> PlanStore:
    """A small plan whose every text field holds awkward text."""
    update_plan_info(store, "Menter Ynys Môn <CVS> & Partners", "Our plan, 2019–21", "2019–2021")
    opportunities = queries.overview(store).opportunities
    target = opportunities[0]
    set_response(store, target.uuid, Decision.PURSUE, AWKWARD_TEXTS[0], by="Tester")
    set_response(store, opportunities[1].uuid, Decision.NOT_APPLICABLE, "Not here", by="Tester")
    today = date.today()
    for index, text in enumerate(AWKWARD_TEXTS):
        record_action(
            store,
            target.uuid,
            ActionFields(
                description=text,
                owner_name=f"Owner {index} " + " ".join(text[:12].split()),
                due=today + timedelta(days=index * 7 - 20),
                status=list(Status)[index % len(Status)],
                priority=list(Priority)[index % len(Priority)],
                success_measure=AWKWARD_TEXTS[-1 - index],
                resources=AWKWARD_TEXTS[(index + 1) % len(AWKWARD_TEXTS)],
                notes=text,
            ),
            by="Tester",
        )
    return store


@pytest.fixture
def big_plan(tmp_path: Path) -> Iterator[PlanStore]:
    """A sample plan scaled to 1,000 actions, as the benchmarks make it."""
    from lio_planner.store.sqlite.opening import create_plan

    path = tmp_path / "big.lioplan"
    create_plan(path, "Benchmark CVS", "", "").close()
    store = open_plan(path)
    fill_with_sample(store, actions=1000)
    yield store
    store.close()
