"""The document model every printed and exported plan is built from (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest
from report_samples import AWKWARD_TEXTS

from lio_planner.domain.enums import Decision, Rag, Status
from lio_planner.report.document import (
    NO_OWNER,
    clean,
    ink_for,
    load_document,
    long_date,
    short_date,
)
from lio_planner.report.options import (
    OPTIONAL_COLUMNS,
    Column,
    GroupBy,
    ReportOptions,
    columns_from_names,
)
from lio_planner.services import queries
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 3, 2)

# Each plan-backed test runs on a plan file and on a team plan on PostgreSQL (tests/conftest.py).
ON_EVERY_BACKEND = True


def test_title_block_and_running_title(sample_store: PlanStore) -> None:
    document = load_document(sample_store, today=TODAY)
    assert document.organisation == "Test CVS"
    assert document.title == "Our response"
    assert document.period == "2019–2021"
    assert document.printed_text == "2 March 2026"
    assert document.running_title == "Test CVS — Our response"


def test_untitled_plan_still_has_a_heading(store: PlanStore) -> None:
    from lio_planner.services.responses import update_plan_info

    update_plan_info(store, "Test CVS", "", "")
    document = load_document(store, today=TODAY)
    assert document.heading == "Action plan"
    assert document.running_title == "Test CVS — Action plan"


def test_summary_counts_match_the_plan(sample_store: PlanStore) -> None:
    rows = queries.action_rows(sample_store)
    overview = queries.overview(sample_store)
    summary = load_document(sample_store, today=TODAY).summary
    assert summary.actions == len(rows) > 0
    assert summary.opportunities == len(overview.opportunities)
    assert sum(n for _, n in summary.by_decision) == len(overview.opportunities)
    assert summary.count(Decision.PURSUE) == sum(
        1 for o in overview.opportunities if o.decision is Decision.PURSUE
    )
    assert sum(n for _, n in summary.by_status) == len(rows)
    assert sum(n for _, n in summary.by_rag) == len(rows)
    assert summary.overdue == sum(1 for r in rows if r.action.is_overdue(TODAY))
    assert sum(o.actions for o in summary.owners) == len(rows)
    assert [o.owner for o in summary.owners] == sorted(
        {r.action.owner_name for r in rows}, key=str.casefold
    )
    for owner in summary.owners:
        mine = [r.action for r in rows if r.action.owner_name == owner.owner]
        assert owner.done == sum(1 for a in mine if a.status is Status.DONE)
        assert owner.open == sum(1 for a in mine if a.status.is_open)
        assert owner.overdue == sum(1 for a in mine if a.is_overdue(TODAY))


def test_summary_sentence_reads_naturally(sample_store: PlanStore) -> None:
    summary = load_document(sample_store, today=TODAY).summary
    sentence = summary.sentence()
    assert f"{summary.count(Decision.PURSUE)} are being pursued" in sentence
    assert f"with {summary.actions} actions." in sentence
    assert sentence.endswith("overdue.")


def test_empty_plan_has_a_summary_and_no_sections(store: PlanStore) -> None:
    document = load_document(store, today=TODAY)
    assert document.summary.actions == 0
    assert document.sections == ()
    assert document.closing == ()
    assert "0 are being pursued with 0 actions." in document.summary.sentence()
    assert document.summary.sentence().startswith("0 of 35 opportunities have been decided")


def test_one_decided_opportunity_has_been_decided(store: PlanStore) -> None:
    first = queries.overview(store).opportunities[0]
    set_response(store, first.uuid, Decision.NOT_NOW, "", "Tester")
    sentence = load_document(store, today=TODAY).summary.sentence()
    assert sentence.startswith("1 of 35 opportunities has been decided, and 0 are being")


def test_by_theme_holds_every_pursued_opportunity_and_every_action(
    sample_store: PlanStore,
) -> None:
    overview = queries.overview(sample_store)
    rows = queries.action_rows(sample_store)
    document = load_document(sample_store, today=TODAY)
    blocks = [b for s in document.sections for b in s.opportunities]
    pursued = [o.title for o in overview.opportunities if o.decision is Decision.PURSUE]
    assert [b.title for b in blocks] == pursued
    assert all(b.decision is Decision.PURSUE and b.reasons for b in blocks)
    printed = [(line.description, line.owner) for b in blocks for line in b.actions]
    assert printed == [(r.action.description, r.action.owner_name) for r in rows]
    theme_order = [t.title for t in overview.themes]
    headings = [s.heading for s in document.sections]
    assert headings == [t for t in theme_order if t in headings]
    assert document.sections[0].columns == (
        Column.ACTION, Column.OWNER, Column.DUE, Column.STATUS, Column.SUCCESS_MEASURE,
        Column.RESOURCES,
    )  # fmt: skip


def test_set_aside_opportunities_close_the_plan_with_reasons(sample_store: PlanStore) -> None:
    overview = queries.overview(sample_store)
    set_aside = [
        o
        for o in overview.opportunities
        if o.decision in (Decision.NOT_NOW, Decision.NOT_APPLICABLE)
    ]
    document = load_document(sample_store, today=TODAY)
    assert [c.title for c in document.closing] == [o.title for o in set_aside]
    assert all(c.reasons for c in document.closing)
    undecided = {o.title for o in overview.opportunities if o.decision is Decision.UNDECIDED}
    assert undecided.isdisjoint(c.title for c in document.closing)

    left_out = load_document(sample_store, ReportOptions(include_closing=False), today=TODAY)
    assert left_out.closing == ()
    assert left_out.sections == document.sections


def test_by_owner_gives_each_person_a_table_soonest_first(sample_store: PlanStore) -> None:
    options = ReportOptions(group_by=GroupBy.OWNER)
    document = load_document(sample_store, options, today=TODAY)
    rows = queries.action_rows(sample_store)
    assert sorted(s.heading for s in document.sections) == sorted(
        {r.action.owner_name for r in rows}
    )
    for section in document.sections:
        assert section.opportunities == ()
        assert Column.OWNER not in section.columns
        assert section.columns[:2] == (Column.OPPORTUNITY, Column.ACTION)
        assert all(line.owner == section.heading for line in section.actions)
        dues = [line.due for line in section.actions if line.due]
        assert dues == sorted(dues)
    assert sum(len(s.actions) for s in document.sections) == len(rows)


def test_actions_without_an_owner_come_last(awkward_store: PlanStore) -> None:
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action

    opportunity = queries.overview(awkward_store).opportunities[0]
    record_action(awkward_store, opportunity.uuid, ActionFields("Nobody's job yet"), by="Tester")
    document = load_document(awkward_store, ReportOptions(group_by=GroupBy.OWNER), today=TODAY)
    assert document.sections[-1].heading == NO_OWNER
    assert document.summary.owners[-1].owner == NO_OWNER


def test_by_status_in_the_order_of_the_statuses(sample_store: PlanStore) -> None:
    document = load_document(sample_store, ReportOptions(group_by=GroupBy.STATUS), today=TODAY)
    labels = [s.label for s in Status]
    headings = [s.heading for s in document.sections]
    assert headings == [label for label in labels if label in headings]
    for section in document.sections:
        assert {line.status.label for line in section.actions} == {section.heading}
        assert "action" in section.note


def test_chosen_fields_become_the_columns_and_notes_run_under_the_row(
    sample_store: PlanStore,
) -> None:
    options = ReportOptions(columns=(Column.NOTES, Column.PRIORITY))
    document = load_document(sample_store, options, today=TODAY)
    assert document.sections[0].columns == (Column.ACTION, Column.PRIORITY)
    assert document.notes_under
    assert not load_document(sample_store, ReportOptions(), today=TODAY).notes_under


def test_status_always_has_its_word_and_rag_word(sample_store: PlanStore) -> None:
    document = load_document(sample_store, today=TODAY)
    for section in document.sections:
        for block in section.opportunities:
            for line in block.actions:
                assert line.text(Column.STATUS) == line.status.label
                assert isinstance(line.rag, Rag)
                if line.overdue:
                    assert line.rag is Rag.RED


def test_empty_cells_show_a_dash(awkward_store: PlanStore) -> None:
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action

    opportunity = queries.overview(awkward_store).opportunities[0]
    record_action(awkward_store, opportunity.uuid, ActionFields("Bare action"), by="Tester")
    document = load_document(awkward_store, today=TODAY)
    bare = next(
        line
        for s in document.sections
        for b in s.opportunities
        for line in b.actions
        if line.description == "Bare action"
    )
    for column in (Column.OWNER, Column.DUE, Column.SUCCESS_MEASURE, Column.NOTES):
        assert bare.text(column) == "—"


def test_user_text_is_cleaned_of_control_characters() -> None:
    assert clean("a\x00b\x07c\td\r\ne\rf") == "abc d\ne\nf"
    assert clean("Ynys Môn 🎉 <b>") == "Ynys Môn 🎉 <b>"


def test_awkward_text_reaches_the_document_unchanged(awkward_store: PlanStore) -> None:
    document = load_document(awkward_store, today=TODAY)
    printed = [line.description for s in document.sections for b in s.opportunities
               for line in b.actions]  # fmt: skip
    assert printed == [clean(text) for text in AWKWARD_TEXTS]
    assert document.organisation == "Menter Ynys Môn <CVS> & Partners"


def test_dates_are_written_out_in_english() -> None:
    assert long_date(date(2019, 12, 1)) == "1 December 2019"
    assert short_date(date(2027, 8, 20)) == "20 Aug 2027"
    assert short_date(None) == "—"


def test_field_names_from_the_command_line() -> None:
    assert columns_from_names(["notes", " Success-Measure", "owner", ""]) == (
        Column.OWNER,
        Column.SUCCESS_MEASURE,
        Column.NOTES,
    )
    with pytest.raises(ValueError, match="choose from owner, due"):
        columns_from_names(["colour"])
    with pytest.raises(ValueError):
        columns_from_names(["action"])  # always shown, so not a choice
    assert set(OPTIONAL_COLUMNS) == set(columns_from_names([c.value for c in Column][2:]))


def test_chip_text_has_the_better_contrast() -> None:
    assert ink_for(Rag.RED.colour) == "#ffffff"
    assert ink_for(Rag.BLUE.colour) == "#ffffff"
    assert ink_for(Rag.AMBER.colour) == "#111111"
    assert ink_for("#ffffff") == "#111111"
