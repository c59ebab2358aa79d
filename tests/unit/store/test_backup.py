"""Backups: before updates and once a day, ten kept, bad ones never kept, and restoring."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from helpers.plans import (  # noqa: F401
    downgrade_to_first_release,
    neighbours,
    plan_fixture,
    sha256,
    template_plan_fixture,
)
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.history import plan_history
from lio_planner.store.sqlite import backup
from lio_planner.store.sqlite.backup import (
    Backup,
    BackupFailed,
    backups_root,
    list_backups,
    take_backup,
    take_daily_backup,
)
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.store.sqlite.planfile import SCHEMA_VERSION, NotAPlanFile, PlanFileError
from lio_planner.store.sqlite.restoring import restore_backup


def uuid_of(plan: Path) -> str:
    return backup.read_plan_uuid(plan)


def test_opening_for_editing_backs_up_at_most_once_a_day(plan: Path) -> None:
    open_plan(plan).close()
    open_plan(plan).close()
    backups = list_backups(uuid_of(plan))
    assert [b.reason for b in backups] == ["daily"]
    assert backups[0].path.parent.is_relative_to(backups_root())
    assert take_daily_backup(plan, uuid_of(plan)) is None
    tomorrow = date.today() + timedelta(days=1)
    assert take_daily_backup(plan, uuid_of(plan), today=tomorrow) is not None


def test_read_only_opening_takes_no_backup(plan: Path) -> None:
    open_plan(plan, read_only=True).close()
    assert list_backups(uuid_of(plan)) == []


def test_backups_rotate_at_ten_and_each_one_opens(plan: Path) -> None:
    made = [take_backup(plan, "by-hand") for _ in range(12)]
    kept = list_backups(uuid_of(plan))
    assert len(kept) == 10
    assert {b.path for b in kept} == {b.path for b in made[2:]}
    assert not made[0].path.exists() and not made[1].path.exists()
    for item in kept:
        store = open_plan(item.path, read_only=True)
        assert queries.plan_info(store).organisation == "Test CVS"
        store.close()


def test_a_backup_that_fails_its_check_never_replaces_a_good_one(plan: Path) -> None:
    good = [take_backup(plan, "by-hand") for _ in range(10)]
    fingerprints = {b.path: sha256(b.path) for b in good}
    # Damage the page holding the opportunities (as a failing disk would).
    with closing(sqlite3.connect(plan)) as conn, conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'opportunities'")
        page = root.fetchone()[0]
    conn.close()
    data = bytearray(plan.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    start = (page - 1) * page_size
    data[start : start + page_size] = b"\x0d" + b"\x5a" * (page_size - 1)
    plan.write_bytes(bytes(data))
    with pytest.raises(BackupFailed) as caught:
        take_backup(plan, "daily", uuid_of(plan))
    assert "damaged" in caught.value.message
    assert "Earlier backups have been kept" in caught.value.message
    kept = list_backups(uuid_of(plan))
    assert {b.path: sha256(b.path) for b in kept} == fingerprints
    assert not any(p.name.startswith(".partial") for p in good[0].path.parent.iterdir())


def test_a_plan_from_an_older_release_is_backed_up_before_it_is_updated(plan: Path) -> None:
    downgrade_to_first_release(plan)
    store = open_plan(plan)
    store.close()
    backups = list_backups(uuid_of(plan))
    assert [b.reason for b in backups] == ["before-update"]
    with closing(sqlite3.connect(backups[0].path)) as conn, conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with closing(sqlite3.connect(plan)) as conn, conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_no_update_without_a_backup(plan: Path) -> None:
    downgrade_to_first_release(plan)
    before = sha256(plan)
    backups_root().parent.mkdir(parents=True, exist_ok=True)
    backups_root().write_text("not a folder", encoding="utf-8")  # backups cannot be written
    with pytest.raises(PlanFileError) as caught:
        open_plan(plan)
    assert "a backup could not be made first" in caught.value.message
    assert sha256(plan) == before
    assert neighbours(plan) == set()  # the claim was released too


def test_a_daily_backup_that_fails_is_told_but_does_not_stop_the_work(plan: Path) -> None:
    backups_root().parent.mkdir(parents=True, exist_ok=True)
    backups_root().write_text("not a folder", encoding="utf-8")
    store = open_plan(plan)
    assert len(store.notices) == 1 and "backup could not be made" in store.notices[0]
    store.close()


def test_restoring_a_backup_brings_the_plan_back_and_keeps_a_backup_of_now(plan: Path) -> None:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0]
    record_action(store, opportunity.uuid, ActionFields("Kept"), by="Sam")
    earlier = take_backup(plan, "by-hand", store.plan_uuid)
    record_action(store, opportunity.uuid, ActionFields("Added after the backup"), by="Sam")

    safety = restore_backup(store, earlier)

    assert [a.description for a in queries.actions_for(store, opportunity.uuid)] == ["Kept"]
    assert safety.reason == "before-restore" and safety.path.exists()
    assert read_lock(plan) is not None  # still ours
    assert plan_history(store)[0].kind == "backup_restored"
    record_action(store, opportunity.uuid, ActionFields("Carry on"), by="Sam")
    store.close()
    assert neighbours(plan) == set()
    with closing(sqlite3.connect(plan)) as conn, conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restoring_the_oldest_of_ten_backups_still_works(plan: Path) -> None:
    store = open_plan(plan, daily_backup=False)
    made = [take_backup(plan, "by-hand", store.plan_uuid) for _ in range(10)]
    restore_backup(store, made[0])  # the safety backup must not push it out first
    assert made[0].path.exists()
    store.close()


def test_a_backup_from_before_an_update_can_be_restored(plan: Path) -> None:
    downgrade_to_first_release(plan)
    store = open_plan(plan)
    old = list_backups(store.plan_uuid)[-1]
    assert old.reason == "before-update"
    restore_backup(store, old)
    with closing(sqlite3.connect(plan)) as conn, conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert queries.plan_info(store).organisation == "Test CVS"
    store.close()


def test_a_backup_of_another_plan_is_not_restored(plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.lioplan"
    create_plan(other, "Another CVS").close()
    foreign = take_backup(other, "by-hand")
    store = open_plan(plan)
    before = sha256(plan)
    with pytest.raises(PlanFileError) as caught:
        restore_backup(store, foreign)
    assert "different plan" in caught.value.message
    store.close()
    assert sha256(plan) == before


def test_a_tampered_backup_is_not_restored(plan: Path) -> None:
    store = open_plan(plan)
    item = take_backup(plan, "by-hand", store.plan_uuid)
    with closing(sqlite3.connect(item.path)) as conn, conn:
        conn.execute("CREATE TRIGGER t AFTER INSERT ON actions BEGIN DELETE FROM people; END")
    conn.close()
    tampered = Backup(item.path, item.plan_uuid, item.taken_at, item.reason, item.size)
    with pytest.raises(NotAPlanFile):
        restore_backup(store, tampered)
    store.close()


def test_backups_are_described_for_choosing(plan: Path) -> None:
    item = take_backup(plan, "by-hand")
    summary = backup.describe_backup(item)
    assert summary is not None
    assert (summary.organisation, summary.actions) == ("Test CVS", 0)
    assert summary.opportunities > 20
    assert item.reason_text == "Backed up by hand"
    assert str(item.taken_at.year) in item.when_text
