"""Merging a colleague's copy: everything one side changed comes in, conflicts are asked."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from helpers.plans import (  # noqa: F401
    downgrade_to_first_release,
    plan_fixture,
    sha256,
    template_plan_fixture,
)
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import delete_action, record_action, rename_person, update_action
from lio_planner.services.history import plan_history
from lio_planner.services.merge import (
    MINE,
    THEIRS,
    MergeError,
    apply_merge,
    preview_merge,
    redo_merge,
    undo_merge,
)
from lio_planner.services.merge_rows import MergeOutdated
from lio_planner.services.responses import (
    add_custom_opportunity,
    add_theme,
    delete_custom_opportunity,
    set_response,
    update_plan_info,
)
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.store.sqlite.planfile import NotAPlanFile


def snapshot(store: PlanStore) -> dict[str, Any]:
    """Everything people see in a plan, as plain values."""
    overview = queries.overview(store)
    return {
        "info": (overview.info.organisation, overview.info.title, overview.info.period),
        "themes": sorted(t.title for t in overview.themes),
        "decisions": {o.title: (o.decision, o.reasons) for o in overview.opportunities},
        "people": sorted(p.name for p in overview.people),
        "actions": {
            row.action.uuid: (
                row.opportunity_title,
                row.action.description,
                row.action.owner_name,
                row.action.status,
                row.action.notes,
            )
            for row in queries.action_rows(store)
        },
    }


def by_description(store: PlanStore) -> dict[str, Any]:
    return {a.action.description: a.action for a in queries.action_rows(store)}


@pytest.fixture
def shared(plan: Path, tmp_path: Path) -> dict[str, Any]:
    """A plan worked on together, then emailed: two files that start out the same."""
    store = open_plan(plan)
    opps = queries.overview(store).opportunities
    names = {}
    for number, name in enumerate(("X", "Y", "Z", "W")):
        action = record_action(
            store, opps[number].uuid, ActionFields(name, owner_name="Amira"), "Sam"
        ).value
        names[name] = action.uuid
    theme = add_theme(store, "Local priorities").value
    local = add_custom_opportunity(store, theme.uuid, "Town centre plan").value
    record_action(store, local.uuid, ActionFields("Meet the town team"), "Sam")
    store.close()
    theirs = tmp_path / "From Priya.lioplan"
    shutil.copyfile(plan, theirs)  # the email attachment
    return {"ours": plan, "theirs": theirs, "opps": opps, "ids": names, "local": local}


def diverge(shared: dict[str, Any]) -> tuple[PlanStore, dict[str, Any]]:
    """Both people work on their own file; return our open store and what they did."""
    opps, ids = shared["opps"], shared["ids"]
    theirs = open_plan(shared["theirs"])
    record_action(theirs, opps[5].uuid, ActionFields("B1 theirs", owner_name="Grace"), "Priya")
    update_action(theirs, ids["X"], "Priya", {"owner_name": "Tom"})
    update_action(theirs, ids["Y"], "Priya", {"notes": "theirs"})
    delete_action(theirs, ids["Z"])
    update_action(theirs, ids["W"], "Priya", {"description": "W reworded"})
    set_response(theirs, opps[6].uuid, Decision.NOT_NOW, "Next year", "Priya")
    new_theme = add_theme(theirs, "Health partners").value
    clinic = add_custom_opportunity(theirs, new_theme.uuid, "Social prescribing").value
    record_action(theirs, clinic.uuid, ActionFields("Talk to the GP practice"), "Priya")
    update_plan_info(theirs, "Test CVS", "Our response", "2026–2028")
    theirs.close()

    ours = open_plan(shared["ours"])
    record_action(ours, opps[7].uuid, ActionFields("A1 ours"), "Sam")
    update_action(ours, ids["X"], "Sam", {"status": Status.DONE})
    update_action(ours, ids["Y"], "Sam", {"notes": "ours"})
    set_response(ours, opps[8].uuid, Decision.PURSUE, "", "Sam")
    amira = next(p for p in queries.people(ours) if p.name == "Amira")
    rename_person(ours, amira.uuid, "Amira Khan")
    delete_action(ours, ids["W"])
    return ours, {"clinic": clinic}


def test_merging_diverged_copies_brings_in_every_change_and_asks_about_conflicts(
    shared: dict[str, Any],
) -> None:
    ours, _ = diverge(shared)
    ids, opps = shared["ids"], shared["opps"]
    before = snapshot(ours)
    theirs_bytes = sha256(shared["theirs"])

    preview = preview_merge(ours, shared["theirs"])
    assert snapshot(ours) == before  # a preview writes nothing
    asked = {q.id: q for q in preview.questions}
    assert set(asked) == {f"action:{ids['Y']}", f"action:{ids['Z']}", f"action:{ids['W']}"}
    notes = asked[f"action:{ids['Y']}"]
    assert [(d.label, d.mine, d.theirs) for d in notes.differences] == [("Notes", "ours", "theirs")]
    assert "both changed" in notes.explanation
    assert "removed" in asked[f"action:{ids['Z']}"].explanation
    assert asked[f"action:{ids['W']}"].theirs_choice == "Bring it back"

    with pytest.raises(MergeError):
        apply_merge(ours, preview, {})  # never guessed: every conflict needs an answer
    assert snapshot(ours) == before

    answers = {
        f"action:{ids['Y']}": THEIRS,
        f"action:{ids['Z']}": MINE,
        f"action:{ids['W']}": THEIRS,
    }
    result = apply_merge(ours, preview, answers)
    after = snapshot(ours)
    actions = by_description(ours)

    # Our own changes are all still there.
    assert "A1 ours" in actions
    assert actions["X"].status is Status.DONE
    assert after["decisions"][opps[8].title][0] is Decision.PURSUE
    assert "Amira Khan" in after["people"] and "Amira" not in after["people"]
    # Every change only they made came in.
    assert actions["X"].owner_name == "Tom"
    assert actions["B1 theirs"].owner_name == "Grace"
    assert after["decisions"][opps[6].title] == (Decision.NOT_NOW, "Next year")
    assert "Health partners" in after["themes"]
    assert actions["Talk to the GP practice"]
    assert after["info"][2] == "2026–2028"
    # The conflicts went the way the person chose.
    assert actions["Y"].notes == "theirs"
    assert "Z" in actions  # kept, though their copy removed it
    assert actions["W reworded"].uuid == ids["W"]  # brought back with their change

    assert any(line.startswith("Added action “B1 theirs”") for line in result.report)
    assert "actions added" in result.summary
    merged_entry = plan_history(ours)[0]
    assert merged_entry.kind == "merged_from_copy"
    assert "From Priya.lioplan" in merged_entry.text
    assert any(c.by == "Priya" and c.source for c in plan_history(ours))  # their history too
    assert sha256(shared["theirs"]) == theirs_bytes  # the copy itself is never written

    again = preview_merge(ours, shared["theirs"])
    assert again.nothing_to_do  # decisions made once stay made

    undo_merge(ours, result)
    assert snapshot(ours) == before
    redo_merge(ours, result)
    assert snapshot(ours) == after
    undo_merge(ours, result)
    # After undoing, merging the same copy asks exactly the same again.
    repeat = preview_merge(ours, shared["theirs"])
    assert {q.id for q in repeat.questions} == set(asked)
    assert len(repeat.changes) == len(preview.changes)
    ours.close()


def test_the_other_way_round_they_get_our_changes(shared: dict[str, Any]) -> None:
    ours, _ = diverge(shared)
    ours.close()
    theirs = open_plan(shared["theirs"])
    preview = preview_merge(theirs, shared["ours"])
    apply_merge(theirs, preview, {q.id: MINE for q in preview.questions})
    actions = by_description(theirs)
    assert "A1 ours" in actions and actions["X"].status is Status.DONE
    assert actions["X"].owner_name == "Tom"  # their own change stays
    assert actions["Y"].notes == "theirs"  # they chose their version
    theirs.close()


def test_a_local_opportunity_removed_in_the_copy_is_asked_about_with_its_actions(
    shared: dict[str, Any],
) -> None:
    theirs = open_plan(shared["theirs"])
    delete_custom_opportunity(theirs, shared["local"].uuid)
    theirs.close()
    ours = open_plan(shared["ours"])
    record_action(ours, shared["local"].uuid, ActionFields("Added here since"), "Sam")
    preview = preview_merge(ours, shared["theirs"])
    [question] = preview.questions
    assert question.subject == "Local opportunity “Town centre plan”"
    assert "also removes its 2 actions here" in question.explanation
    assert preview.changes == ()

    kept = apply_merge(ours, preview, {question.id: MINE})
    assert len(queries.actions_for(ours, shared["local"].uuid)) == 2
    undo_merge(ours, kept)
    apply_merge(ours, preview, {question.id: THEIRS})
    assert all(o.uuid != shared["local"].uuid for o in queries.overview(ours).opportunities)
    assert "Added here since" not in by_description(ours)
    ours.close()


def test_the_same_new_person_in_both_copies_is_one_person(shared: dict[str, Any]) -> None:
    ids = shared["ids"]
    theirs = open_plan(shared["theirs"])
    update_action(theirs, ids["X"], "Priya", {"owner_name": "Grace"})
    theirs.close()
    ours = open_plan(shared["ours"])
    update_action(ours, ids["Z"], "Sam", {"owner_name": "grace"})
    result = apply_merge(ours, preview_merge(ours, shared["theirs"]), {})
    people = [p.name for p in queries.people(ours)]
    assert people.count("grace") + people.count("Grace") == 1
    assert by_description(ours)["X"].owner_name == "grace"
    assert result.applied
    ours.close()


def test_a_plan_changed_after_the_preview_is_not_merged_blindly(shared: dict[str, Any]) -> None:
    ids = shared["ids"]
    theirs = open_plan(shared["theirs"])
    update_action(theirs, ids["X"], "Priya", {"notes": "from the copy"})
    theirs.close()
    ours = open_plan(shared["ours"])
    preview = preview_merge(ours, shared["theirs"])
    update_action(ours, ids["X"], "Sam", {"notes": "typed meanwhile"})
    with pytest.raises(MergeOutdated):
        apply_merge(ours, preview, {})
    assert by_description(ours)["X"].notes == "typed meanwhile"
    ours.close()


def test_a_copy_from_an_older_release_merges_without_guessing(shared: dict[str, Any]) -> None:
    ids, opps = shared["ids"], shared["opps"]
    theirs = open_plan(shared["theirs"])
    record_action(theirs, opps[5].uuid, ActionFields("New in the old copy"), "Priya")
    update_action(theirs, ids["X"], "Priya", {"notes": "changed there"})
    theirs.close()
    downgrade_to_first_release(shared["theirs"])  # it knows nothing about revisions
    before = sha256(shared["theirs"])
    ours = open_plan(shared["ours"])
    preview = preview_merge(ours, shared["theirs"])
    assert [c.label for c in preview.changes if c.action == "add"] == ["New in the old copy"]
    assert [q.id for q in preview.questions] == [f"action:{ids['X']}"]  # asked, not guessed
    ours.close()
    assert sha256(shared["theirs"]) == before


def test_only_copies_of_the_same_plan_merge(shared: dict[str, Any], tmp_path: Path) -> None:
    stranger = tmp_path / "Another plan.lioplan"
    create_plan(stranger, "Another CVS").close()
    ours = open_plan(shared["ours"])
    with pytest.raises(MergeError) as caught:
        preview_merge(ours, stranger)
    assert "different plan" in caught.value.message
    with pytest.raises(MergeError):
        preview_merge(ours, shared["ours"])
    ours.close()


def test_a_hostile_copy_is_refused(shared: dict[str, Any]) -> None:
    with closing(sqlite3.connect(shared["theirs"])) as conn, conn:
        conn.execute("CREATE TRIGGER t AFTER INSERT ON history BEGIN DELETE FROM actions; END")
    conn.close()
    ours = open_plan(shared["ours"])
    before = snapshot(ours)
    with pytest.raises(NotAPlanFile):
        preview_merge(ours, shared["theirs"])
    assert snapshot(ours) == before
    ours.close()


def test_merging_a_copy_someone_has_open_reads_a_consistent_snapshot(
    shared: dict[str, Any],
) -> None:
    theirs = open_plan(shared["theirs"])  # Priya still has it open
    record_action(theirs, shared["opps"][9].uuid, ActionFields("Hers"), "Priya")
    ours = open_plan(shared["ours"])
    result = apply_merge(ours, preview_merge(ours, shared["theirs"]), {})
    assert "Hers" in by_description(ours)
    assert result.summary == "1 action added"
    ours.close()
    theirs.close()


def test_choosing_the_open_plan_itself_as_the_copy_is_refused_in_words(plan: Path) -> None:
    store = open_plan(plan)
    try:
        with pytest.raises(MergeError, match="is the plan that is open") as refused:
            preview_merge(store, plan.parent / ".." / plan.parent.name / plan.name)
    finally:
        store.close()
    assert refused.value.message.startswith(f"“{plan.name}”")
    assert str(plan.parent) not in refused.value.message  # the plan, not a path


def test_a_merge_goes_ahead_without_its_backup_and_says_so(
    shared: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from lio_planner.store.sqlite import backup

    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the backups folder should be", encoding="utf-8")
    monkeypatch.setattr(backup, "backups_folder", lambda _uuid: blocked / "backups")
    ours, _ = diverge(shared)
    try:
        preview = preview_merge(ours, shared["theirs"])
        answers = {q.id: THEIRS for q in preview.questions}
        apply_merge(ours, preview, answers)
        assert "B1 theirs" in by_description(ours)
        told = [n for n in ours.notices if n.startswith("No backup was made before the merge")]
        assert len(told) == 1
        assert told[0].startswith(
            "No backup was made before the merge: “Our plan.lioplan” could not be backed up"
        )
    finally:
        ours.close()


def test_the_merge_report_says_what_a_short_field_became_and_names_a_long_one(
    shared: dict[str, Any],
) -> None:
    ids = shared["ids"]
    theirs = open_plan(shared["theirs"])
    update_action(theirs, ids["X"], "Priya", {"status": Status.DONE, "notes": "A long note."})
    theirs.close()
    ours = open_plan(shared["ours"])
    preview = preview_merge(ours, shared["theirs"])
    result = apply_merge(ours, preview, {})
    # A status, a date or an owner is short: what it was and what it is now, in words. Notes
    # may run to paragraphs: named only.
    assert result.report == ("Updated action “X”: status from Not started to Done, notes",)
    ours.close()
