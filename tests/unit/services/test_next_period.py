"""Starting the next plan period: what goes over, what stays behind, the old file untouched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers.plans import sha256
from lio_planner.cli import main
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.history import plan_history
from lio_planner.services.next_period import move_months, start_next_period
from lio_planner.services.responses import add_custom_opportunity, add_theme, set_response
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.store.sqlite.readable import open_for_reading


@pytest.fixture
def old_plan(plan_path: Path) -> Path:
    """A plan with decisions, a local opportunity, and actions in every status."""
    store = open_plan(plan_path)
    try:
        opportunities = queries.overview(store).opportunities
        first, second, third = (o.uuid for o in opportunities[:3])
        set_response(store, first, Decision.PURSUE, "Members asked for it", "Ann")
        set_response(store, second, Decision.NOT_APPLICABLE, "No council here", "Ann")
        theme = add_theme(store, "Our own theme").value
        local = add_custom_opportunity(store, theme.uuid, "Village halls").value
        set_response(store, local.uuid, Decision.PURSUE, "Halls are closing", "Ann")
        for status in Status:
            fields = ActionFields(
                f"{status.label} job", owner_name="Sam", due=date(2028, 1, 31), status=status
            )
            record_action(store, first, fields, "Ann")
        record_action(store, local.uuid, ActionFields("Survey halls", due=date(2027, 8, 31)), "Ann")
        record_action(store, third, ActionFields("Undated idea"), "Ann")
    finally:
        store.close()
    return plan_path


def test_open_actions_and_decisions_go_over_and_the_old_plan_is_untouched(
    old_plan: Path, tmp_path: Path
) -> None:
    before = sha256(old_plan)
    new = tmp_path / "Next plan.lioplan"
    made = start_next_period(
        old_plan,
        new,
        "April 2028 to March 2030",
        months=24,
        by="Ann",
        read=open_for_reading,
        create=create_plan,
    )
    assert sha256(old_plan) == before
    assert (made.actions, made.left_behind, made.decisions) == (5, 2, 3)
    assert made.came_from == "Our response — 2019–2021"
    with open_for_reading(new) as store:
        info = queries.plan_info(store)
        assert (info.organisation, info.title, info.period) == (
            "Test CVS",
            "Our response",
            "April 2028 to March 2030",
        )
        rows = {row.action.description: row for row in queries.action_rows(store)}
        assert sorted(rows) == [
            "Blocked job", "In progress job", "Not started job", "Survey halls", "Undated idea"
        ]  # fmt: skip
        assert rows["Blocked job"].action.due == date(2030, 1, 31)
        assert rows["Blocked job"].action.status is Status.BLOCKED
        assert rows["Blocked job"].action.owner_name == "Sam"
        assert rows["Survey halls"].action.due == date(2029, 8, 31)
        assert rows["Survey halls"].opportunity_title == "Village halls"
        assert rows["Undated idea"].action.due is None
        decided = {o.title: (o.decision, o.reasons) for o in queries.overview(store).opportunities}
        assert decided["Village halls"] == (Decision.PURSUE, "Halls are closing")
        assert (Decision.NOT_APPLICABLE, "No council here") in decided.values()
        # Every opportunity of this release's content is there, as on opening.
        with open_for_reading(old_plan) as old:
            assert len(decided) == len(queries.overview(old).opportunities)
            old_uuid = old.plan_uuid
        assert store.plan_uuid != old_uuid
        with store.reading() as session:
            from sqlalchemy import select

            from lio_planner.store.schema import PlanRecord

            plan = session.scalars(select(PlanRecord)).one()
            assert (plan.came_from, plan.came_from_uuid) == ("Our response — 2019–2021", old_uuid)
        texts = [c.text for c in plan_history(store)]
        assert (
            "Started from the plan “Our response — 2019–2021” for April 2028 to March 2030" in texts
        )


def test_the_command_line_makes_the_next_plan(
    old_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(old_plan)
    new = tmp_path / "Next.lioplan"
    args = ["next-period", str(old_plan), str(new), "--period", "April 2028 to March 2030"]
    assert main(args) == 0
    assert "Carried over 3 decisions and 5 open actions; 2 actions done or dropped" in (
        capsys.readouterr().out
    )
    assert sha256(old_plan) == before
    with open_for_reading(new) as store:
        dues = {r.action.description: r.action.due for r in queries.action_rows(store)}
    assert dues["Blocked job"] == date(2028, 1, 31)  # not moved unless asked
    assert main(args) == 1  # the new file exists now: refused, in one line
    assert "already exists" in capsys.readouterr().err
    assert sha256(old_plan) == before


@pytest.mark.parametrize(
    ("day", "months", "moved"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2027, 11, 15), 3, date(2028, 2, 15)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2027, 5, 1), -5, date(2026, 12, 1)),
        (None, 6, None),
    ],
)
def test_due_dates_move_by_whole_months(day: date | None, months: int, moved: date | None) -> None:
    assert move_months(day, months) == moved


def test_carried_actions_have_the_revision_an_edit_would_give_them(
    old_plan: Path, tmp_path: Path
) -> None:
    """The new plan's first revisions are written in bulk; they must say what the change log
    itself would (store.tracking.describe), or a later merge would see changes nobody made."""
    from sqlalchemy import select

    from lio_planner.store.schema import ActionRecord, RevisionRecord
    from lio_planner.store.tracking import describe

    made = start_next_period(
        old_plan,
        tmp_path / "Next.lioplan",
        "2028–2030",
        months=3,
        read=open_for_reading,
        create=create_plan,
    )
    store = open_plan(made.path)
    try:
        with store.reading() as session:
            logged = {
                key: fields
                for key, fields in session.execute(
                    select(RevisionRecord.row_key, RevisionRecord.fields).where(
                        RevisionRecord.kind == "action"
                    )
                )
            }
            records = session.scalars(select(ActionRecord)).all()
            assert len(records) == len(logged) == 5
            for record in records:
                described = describe(record)
                assert described is not None
                assert logged[record.uuid] == described.fields
    finally:
        store.close()


def test_the_printed_new_plan_says_where_it_came_from(old_plan: Path, tmp_path: Path) -> None:
    import pypdf

    from lio_planner.report.exporting import export_plan

    made = start_next_period(
        old_plan,
        tmp_path / "Next.lioplan",
        "April 2028 to March 2030",
        read=open_for_reading,
        create=create_plan,
    )
    with open_for_reading(made.path) as store:
        assert queries.plan_info(store).came_from == "Our response — 2019–2021"
        out = export_plan(store, "pdf", tmp_path / "next.pdf")
    first = " ".join((pypdf.PdfReader(out).pages[0].extract_text() or "").split())
    assert "This plan carries on from “Our response — 2019–2021”." in first
    with open_for_reading(old_plan) as store:
        assert queries.plan_info(store).came_from == ""
