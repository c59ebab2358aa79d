"""The lock beside a plan: who has it, when it is stale, and never breaking a live one."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from helpers.locks import dead_pid, write_lock
from helpers.plans import plan_fixture, sha256, template_plan_fixture  # noqa: F401
from lio_planner.store.problems import SaveFailed
from lio_planner.store.sqlite.lock import (
    LockInfo,
    PlanInUse,
    PlanLock,
    lock_path,
    read_lock,
)
from lio_planner.store.sqlite.machine import machine_name
from lio_planner.store.sqlite.opening import open_plan


def test_opening_for_editing_claims_the_plan_and_closing_releases_it(plan: Path) -> None:
    store = open_plan(plan)
    holder = read_lock(plan)
    assert holder is not None
    assert (holder.user, holder.machine, holder.pid) == ("Tester", machine_name(), os.getpid())
    assert holder.since <= holder.heartbeat
    store.close()
    assert not lock_path(plan).exists()


def test_read_only_opening_claims_nothing(plan: Path) -> None:
    store = open_plan(plan, read_only=True)
    assert not lock_path(plan).exists()
    store.close()


def test_a_live_lock_from_another_computer_is_reported_with_its_details(plan: Path) -> None:
    since = datetime(2026, 3, 3, 10, 42, tzinfo=timezone.utc)
    holder = write_lock(plan, since=since.isoformat())
    before = sha256(plan)
    with pytest.raises(PlanInUse) as caught:
        open_plan(plan)
    assert caught.value.holder == holder
    assert caught.value.stale == ""
    local = since.astimezone().strftime("%H:%M")
    assert f"in use by Sam on CVS-LAPTOP-2 since 3 March {local}" in caught.value.message
    assert sha256(plan) == before
    assert read_lock(plan) == holder  # never broken


def test_describe_says_who_and_since_when_in_local_time() -> None:
    now = datetime.now(timezone.utc).replace(microsecond=0)
    info = LockInfo("Sam", "CVS-LAPTOP-2", 1, now, now, "t")
    clock = now.astimezone().strftime("%H:%M")
    assert info.describe() == f"In use by Sam on CVS-LAPTOP-2 since {clock}"


def test_a_live_lock_cannot_be_taken_over_even_when_asked(plan: Path) -> None:
    holder = write_lock(plan)
    with pytest.raises(PlanInUse):
        open_plan(plan, take_over=holder)
    assert read_lock(plan) == holder


def test_a_quiet_lock_from_another_computer_is_stale_but_needs_the_persons_say(
    plan: Path,
) -> None:
    old = datetime.now(timezone.utc) - timedelta(hours=3)
    holder = write_lock(plan, heartbeat=old.isoformat(), since=old.isoformat())
    with pytest.raises(PlanInUse) as caught:
        open_plan(plan)
    assert "no sign of being in use for 3 hours" in caught.value.stale
    assert "take it over" in caught.value.message
    assert read_lock(plan) == holder  # not broken silently

    store = open_plan(plan, take_over=caught.value.holder)
    mine = read_lock(plan)
    assert mine is not None and mine.machine == machine_name() and mine.token != holder.token
    store.close()
    assert not lock_path(plan).exists()


def test_a_lock_left_by_a_process_that_died_here_is_taken_over(plan: Path) -> None:
    write_lock(plan, machine=machine_name(), pid=dead_pid())
    store = open_plan(plan)
    holder = read_lock(plan)
    assert holder is not None and holder.pid == os.getpid()
    store.close()


def test_a_lock_from_before_this_computer_restarted_is_taken_over(plan: Path) -> None:
    if not Path("/proc/sys/kernel/random/boot_id").exists():
        pytest.skip("this system does not say when it booted")
    write_lock(plan, machine=machine_name(), pid=os.getppid(), boot="an-earlier-boot")
    store = open_plan(plan)
    store.close()


def test_a_reused_process_number_does_not_keep_a_dead_lock_alive(plan: Path) -> None:
    if not Path(f"/proc/{os.getpid()}/stat").exists():
        pytest.skip("process start times are not available here")
    # Our parent is alive, but it is not the process that wrote the lock (other start time).
    write_lock(plan, machine=machine_name(), pid=os.getppid(), started="1")
    store = open_plan(plan)
    store.close()


def test_a_live_process_on_this_computer_keeps_its_lock(plan: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(plan, machine=machine_name(), pid=sleeper.pid, user="Tester")
        with pytest.raises(PlanInUse) as caught:
            open_plan(plan)
        assert "already open in another LIO Planner window" in caught.value.message
    finally:
        sleeper.kill()
        sleeper.wait()


def test_an_unreadable_lock_counts_as_held(plan: Path) -> None:
    lock_path(plan).write_text("{not json", encoding="utf-8")
    with pytest.raises(PlanInUse) as caught:
        open_plan(plan)
    assert caught.value.holder.user == "someone"


def test_take_over_is_refused_if_the_lock_changed_since_the_person_saw_it(
    plan: Path,
) -> None:
    old = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat()
    seen = write_lock(plan, heartbeat=old)
    newer = write_lock(plan, heartbeat=old, token="someone-else-took-it")
    with pytest.raises(PlanInUse):
        PlanLock.claim(plan, take_over=seen)
    assert read_lock(plan) == newer


def test_the_old_holder_learns_it_was_taken_over_and_saves_nothing(plan: Path) -> None:
    from lio_planner.services.responses import update_plan_info

    store = open_plan(plan)
    assert store.heartbeat()
    old = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat()
    write_lock(plan, heartbeat=old, token="taken-over")
    before = sha256(plan)
    with pytest.raises(SaveFailed) as caught:
        update_plan_info(store, "New name", "T", "P")
    assert "taken over by Sam on CVS-LAPTOP-2" in caught.value.message
    assert not store.heartbeat()
    assert store.read_only
    store.close()
    assert sha256(plan) == before
    assert read_lock(plan) is not None  # the new holder's lock is left alone


def test_heartbeat_renews_the_lock_and_rewrites_a_lost_one(plan: Path) -> None:
    store = open_plan(plan)
    assert store.lock is not None
    first = read_lock(plan)
    lock_path(plan).unlink()  # a sync client or a person removed it
    assert store.heartbeat()
    again = read_lock(plan)
    assert first is not None and again is not None
    assert again.token == first.token and again.heartbeat >= first.heartbeat
    store.close()
    assert not lock_path(plan).exists()


def test_one_process_opening_a_plan_twice_shares_one_claim(plan: Path) -> None:
    first = open_plan(plan)
    second = open_plan(plan)
    first.close()
    assert lock_path(plan).exists()
    second.close()
    assert not lock_path(plan).exists()


def test_claiming_without_a_lock_file_folder_explains(tmp_path: Path) -> None:
    from lio_planner.store.sqlite.lock import LockFailed

    plan = tmp_path / "missing folder" / "plan.lioplan"
    with pytest.raises(LockFailed) as caught:
        PlanLock.claim(plan)
    assert "could not be written" in caught.value.message
