"""The sharing dialogs: in use, save failed, merge chooser and report, backups, history."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from helpers.plans import plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.services.history import plan_history
from lio_planner.services.merge import MINE, THEIRS, apply_merge, preview_merge
from lio_planner.store.problems import FileReplaced, SaveFailed
from lio_planner.store.sqlite.backup import list_backups, take_backup
from lio_planner.store.sqlite.locations import describe_location
from lio_planner.store.sqlite.lock import PlanInUse, lock_path
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.dialogs import (
    CANCEL,
    OPEN_AGAIN,
    OPEN_READ_ONLY,
    RETRY,
    TAKE_OVER,
    InUseDialog,
    LocationAdviceDialog,
    ReadOnlyBanner,
    SaveFailedDialog,
    save_copy_elsewhere,
)
from lio_planner.ui.sharing.lists import HistoryDialog, RestoreBackupDialog
from lio_planner.ui.sharing.merge import MergeDialog, MergeReportDialog


def all_plain(widget: QWidget) -> bool:
    return all(
        label.textFormat() == Qt.TextFormat.PlainText for label in widget.findChildren(QLabel)
    )


def in_use(plan: Path, hours_quiet: float = 0) -> PlanInUse:
    beat = datetime.now(timezone.utc) - timedelta(hours=hours_quiet)
    lock_path(plan).write_text(
        json.dumps(
            {
                "user": "Sam <b>Whitfield</b>",
                "machine": "CVS-LAPTOP-2",
                "pid": 99,
                "since": beat.isoformat(),
                "heartbeat": beat.isoformat(),
                "token": "t",
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(PlanInUse) as caught:
        open_plan(plan)
    return caught.value


def test_in_use_offers_read_only_and_never_take_over_of_a_live_lock(
    qtbot: QtBot, plan: Path
) -> None:
    dialog = InUseDialog(in_use(plan))
    qtbot.addWidget(dialog)
    assert dialog.headline.text().startswith("In use by Sam <b>Whitfield</b> on CVS-LAPTOP-2")
    assert all_plain(dialog)
    assert not dialog.take_over_button.isEnabled()
    with qtbot.waitSignal(dialog.chosen) as signal:
        dialog.read_only_button.click()
    assert signal.args == [OPEN_READ_ONLY]
    assert dialog.choice == OPEN_READ_ONLY


def test_in_use_offers_take_over_of_a_stale_lock(qtbot: QtBot, plan: Path) -> None:
    dialog = InUseDialog(in_use(plan, hours_quiet=2))
    qtbot.addWidget(dialog)
    assert dialog.take_over_button.isEnabled()
    assert "take it over" in dialog.stale_note.text()
    dialog.take_over_button.click()
    assert dialog.choice == TAKE_OVER
    dialog2 = InUseDialog(in_use(plan, hours_quiet=2))
    qtbot.addWidget(dialog2)
    dialog2.cancel_button.click()
    assert dialog2.choice == CANCEL


def test_save_failed_offers_retry_or_a_copy_elsewhere(qtbot: QtBot, plan: Path) -> None:
    full = SaveFailed(plan, "could not be saved because the disk is full.", "Try again.")
    dialog = SaveFailedDialog(full)
    qtbot.addWidget(dialog)
    assert "disk is full" in dialog.message.text()
    assert dialog.retry_button is not None and dialog.open_again_button is None
    dialog.retry_button.click()
    assert dialog.choice == RETRY

    replaced = SaveFailedDialog(FileReplaced(plan, "has been replaced.", ""))
    qtbot.addWidget(replaced)
    assert replaced.retry_button is None and replaced.open_again_button is not None
    replaced.open_again_button.click()
    assert replaced.choice == OPEN_AGAIN

    taken = SaveFailedDialog(SaveFailed(plan, "has been taken over by Sam.", ""))
    qtbot.addWidget(taken)
    assert taken.retry_button is None
    assert all_plain(taken)


def test_save_a_copy_elsewhere_makes_the_copy(
    qtbot: QtBot, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_plan(plan)
    target = tmp_path / "rescued"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "LIO Planner plans")
    )
    made = save_copy_elsewhere(None, store)
    assert made == tmp_path / "rescued.lioplan" and made.exists()
    store.close()


def test_read_only_banner_says_why_and_offers_editing(qtbot: QtBot) -> None:
    banner = ReadOnlyBanner()
    qtbot.addWidget(banner)
    assert banner.isHidden()
    banner.show_reason("In use by Sam on CVS-LAPTOP-2 since 10:42; their changes appear here.")
    assert not banner.isHidden()
    assert banner.label.text().startswith("Read-only. In use by Sam")
    with qtbot.waitSignal(banner.edit_requested):
        banner.edit_button.click()
    banner.show_reason("The file is read-only.", can_edit=False)
    assert banner.edit_button.isHidden()


def test_location_advice_is_plain_and_can_be_silenced(qtbot: QtBot) -> None:
    place = describe_location(Path("/home/sam/OneDrive/plan.lioplan"), environ={}, mounts="")
    dialog = LocationAdviceDialog(place)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "This plan is in a OneDrive folder"
    assert dialog.advice.text() == place.advice
    assert dialog.dont_repeat.isChecked()


@pytest.fixture
def diverged(plan: Path, tmp_path: Path) -> tuple[Path, Path]:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0].uuid
    shared = record_action(
        store, opportunity, ActionFields("Book <i>a</i> venue"), "Sam"
    ).value.uuid
    other = record_action(store, opportunity, ActionFields("Ring the council"), "Sam").value.uuid
    store.close()
    theirs = tmp_path / "Priya's copy.lioplan"
    shutil.copyfile(plan, theirs)
    copy = open_plan(theirs)
    update_action(copy, shared, "Priya", {"notes": "Theirs <b>bold</b>"})
    update_action(copy, other, "Priya", {"notes": "Only theirs"})
    record_action(copy, opportunity, ActionFields("New from Priya"), "Priya")
    copy.close()
    store = open_plan(plan)
    update_action(store, shared, "Sam", {"notes": "Ours"})
    store.close()
    return plan, theirs


def test_merge_dialog_asks_side_by_side_and_merges_only_when_all_chosen(
    qtbot: QtBot,
    qtmodeltester,
    diverged: tuple[Path, Path],  # type: ignore[no-untyped-def]
) -> None:
    ours, theirs = diverged
    store = open_plan(ours)
    preview = preview_merge(store, theirs)
    dialog = MergeDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert not dialog.merge_button.isEnabled()
    assert dialog.mine.values.toPlainText() == "Notes:\nOurs"
    assert dialog.theirs.values.toPlainText() == "Notes:\nTheirs <b>bold</b>"  # as typed
    assert all_plain(dialog)
    dialog.theirs.keep.click()
    assert dialog.answers == {preview.questions[0].id: THEIRS}
    assert dialog.merge_button.isEnabled()
    assert "Chosen: Use their version" in dialog.model.data(dialog.model.index(0))
    dialog.all_mine.click()
    assert dialog.answers == {preview.questions[0].id: MINE}
    assert dialog.mine.keep.isChecked()
    _save_shot(dialog, "merge-chooser.png")

    result = apply_merge(store, preview, dialog.answers)
    report = MergeReportDialog(result)
    qtbot.addWidget(report)
    text = report.details.toPlainText()
    assert "Added action “New from Priya”" in text
    assert "Updated action “Ring the council”: notes" in text
    _save_shot(report, "merge-report.png")
    store.close()


def test_merge_dialog_without_questions_lists_what_comes_in(
    qtbot: QtBot, diverged: tuple[Path, Path]
) -> None:
    ours, theirs = diverged
    store = open_plan(ours)
    preview = preview_merge(store, theirs)
    apply_merge(store, preview, {q.id: MINE for q in preview.questions})
    copy = open_plan(theirs)
    opportunity = queries.overview(copy).opportunities[1].uuid
    record_action(copy, opportunity, ActionFields("Later from Priya"), "Priya")
    copy.close()
    again = preview_merge(store, theirs)
    dialog = MergeDialog(again)
    qtbot.addWidget(dialog)
    assert dialog.merge_button.isEnabled()
    assert "Added action “Later from Priya”" in dialog.coming_in.toPlainText()
    store.close()


def test_restore_dialog_lists_backups_and_returns_the_choice(
    qtbot: QtBot,
    qtmodeltester,
    plan: Path,  # type: ignore[no-untyped-def]
) -> None:
    first = take_backup(plan, "by-hand")
    take_backup(plan, "daily")
    dialog = RestoreBackupDialog(list_backups(first.plan_uuid))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    assert dialog.model.data(dialog.model.index(0, 1)) == "Daily backup"
    assert "0 actions" in dialog.model.data(dialog.model.index(0, 2))
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()
    assert dialog.chosen() == first
    _save_shot(dialog, "restore-backup.png")


def test_history_dialog_shows_who_changed_what_and_filters(
    qtbot: QtBot,
    qtmodeltester,
    plan: Path,  # type: ignore[no-untyped-def]
) -> None:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Book a venue"), "Sam").value.uuid
    update_action(store, action, "Priya", {"notes": "Asked the library"})
    dialog = HistoryDialog("Change history", plan_history(store))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    rows = dialog.proxy.rowCount()
    assert rows >= 3
    dialog.search.setText("priya")
    assert dialog.proxy.rowCount() == 1
    index = dialog.proxy.index(0, 2)
    assert dialog.proxy.data(index) == "Notes on “Book a venue” changed"
    dialog.search.setText("")
    assert dialog.proxy.rowCount() == rows
    _save_shot(dialog, "history.png")
    store.close()


def test_in_use_dialog_picture(qtbot: QtBot, plan: Path) -> None:
    dialog = InUseDialog(in_use(plan, hours_quiet=3))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.read_only_button.isDefault()
    _save_shot(dialog, "in-use.png")


def _save_shot(widget: QWidget, name: str) -> None:
    """Keep a picture of the dialog for people to look at (not compared by the test)."""
    import os

    folder = os.environ.get("LIO_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    widget.show()
    widget.grab().save(str(Path(folder) / name))
