"""Every item model passes Qt's model tester, before and after the changes the window makes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from lio_planner.domain.enums import Decision, Rag, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.ui.action_plan.filter import ActionFilter, ActionFilterProxyModel, DueFilter
from lio_planner.ui.plan.action_model import COL_DUE, COL_OWNER, COL_RAG, ActionTableModel
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.plan.navigator_model import NavigatorModel
from lio_planner.ui.plan.people_model import PeopleModel
from lio_planner.ui.window.main_window import MainWindow


def test_the_navigator_model(qtmodeltester: ModelTester, sample_window: MainWindow) -> None:
    model = sample_window.navigator_model
    qtmodeltester.check(model)
    opportunity = model.opportunities()[0]
    sample_window.data.set_response(opportunity.uuid, Decision.NOT_NOW, "Later")
    theme = model.theme_index(opportunity.theme_uuid)
    assert "decided" in theme.data()
    qtmodeltester.check(model)


def test_the_navigator_model_when_empty(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(NavigatorModel())


def test_the_action_plan_model_sorted_and_changed(
    qtmodeltester: ModelTester, sample_window: MainWindow
) -> None:
    data = sample_window.data
    model = data.action_model
    qtmodeltester.check(model)
    model.sort(COL_DUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    opportunity = data.navigator_model.opportunities()[0].uuid
    added = data.record_action(
        opportunity, ActionFields("Added while sorted", due=date(2001, 1, 1))
    )
    assert model.row_at(model.rowCount() - 1).action.uuid == added.uuid  # the earliest date
    data.delete_actions([model.row_at(0).action.uuid])
    qtmodeltester.check(model)


def test_the_filtered_action_plan(qtmodeltester: ModelTester, sample_window: MainWindow) -> None:
    proxy = sample_window.action_plan.proxy
    proxy.set_filter(ActionFilter(status=Status.IN_PROGRESS, due=DueFilter.NEXT_THREE_MONTHS))
    qtmodeltester.check(proxy)
    proxy.set_filter(ActionFilter(text="the", rag=Rag.GREEN))
    qtmodeltester.check(proxy)
    proxy.sort(COL_OWNER, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)


def test_one_opportunitys_actions(qtmodeltester: ModelTester, sample_window: MainWindow) -> None:
    model = sample_window.response.model
    sample_window.walkthrough.show_opportunity(
        next(o.uuid for o in sample_window.navigator_model.opportunities() if o.action_count)
    )
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.index(0, COL_RAG).data(Qt.ItemDataRole.DecorationRole) is not None


def test_the_people_model(qtmodeltester: ModelTester, sample_window: MainWindow) -> None:
    people = sample_window.data.people_model
    assert people.rowCount() >= 5
    qtmodeltester.check(people)
    qtmodeltester.check(PeopleModel())


def test_a_standalone_table_model_reads_rows_in_plan_order(
    qtmodeltester: ModelTester, store: PlanStore
) -> None:
    data = PlanData(store, "Tester")
    opportunity = data.navigator_model.opportunities()[0].uuid
    for name in ("b", "a", "c"):
        data.record_action(opportunity, ActionFields(name))
    model = ActionTableModel(per_opportunity=True)
    model.set_rows(data.actions_of(opportunity), opportunity)
    assert [model.row_at(n).action.description for n in range(3)] == ["b", "a", "c"]
    assert [r.action.uuid for r in queries.action_rows(store)] == [
        model.row_at(n).action.uuid for n in range(3)
    ]
    qtmodeltester.check(model)
    proxy = ActionFilterProxyModel(data.action_model)
    qtmodeltester.check(proxy)
