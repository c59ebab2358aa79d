"""Recognising synced folders and network drives, and what the person is told about them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lio_planner.store.sqlite.locations import describe_location

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/cvs /mnt/shared nfs4 rw,relatime 0 0
//fileserver/plans /mnt/office\\040plans cifs rw 0 0
/dev/sdb1 /mnt/shared/local-disk ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/sam/OneDrive/Plans/plan.lioplan", "OneDrive"),
        ("/home/sam/OneDrive - Anytown CVS/plan.lioplan", "OneDrive"),
        ("/home/sam/Dropbox/plan.lioplan", "Dropbox"),
        ("/home/sam/Google Drive/My Drive/plan.lioplan", "Google Drive"),
    ],
)
def test_synced_folders_are_recognised_by_name(path: str, service: str) -> None:
    place = describe_location(Path(path), environ={}, mounts="")
    assert (place.kind, place.service) == ("synced", service)
    assert "one person edits the plan at a time" in place.advice
    assert "Merge from copy" in place.advice


def test_a_plan_merely_named_after_a_sync_service_is_not_synced() -> None:
    place = describe_location(Path("/home/sam/Dropbox.lioplan"), environ={}, mounts="")
    assert place.kind == "local" and not place.needs_explaining


def test_the_onedrive_folder_named_in_the_environment_is_recognised() -> None:
    place = describe_location(
        Path(r"C:\Users\sam\Work files\plan.lioplan"),
        environ={"OneDriveCommercial": r"C:\Users\sam\Work files"},
        windows=True,
        drive_type=lambda _root: 3,
    )
    assert place.service == "OneDrive"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/shared/plans/plan.lioplan", "network"),
        ("/mnt/office plans/plan.lioplan", "network"),
        ("/mnt/shared/local-disk/plan.lioplan", "local"),
        ("/home/sam/plan.lioplan", "local"),
    ],
)
def test_network_file_systems_are_recognised_from_the_mount_table(path: str, kind: str) -> None:
    assert describe_location(Path(path), environ={}, mounts=MOUNTS).kind == kind


def test_windows_shares_and_mapped_drives_are_network_drives() -> None:
    unc = describe_location(Path(r"\\server\plans\plan.lioplan"), environ={}, windows=True)
    assert unc.kind == "network"
    assert "only one at a time can make changes" in unc.advice
    mapped = describe_location(
        Path(r"S:\Plans\plan.lioplan"), environ={}, windows=True, drive_type=lambda _r: 4
    )
    assert mapped.kind == "network"
    stick = describe_location(
        Path(r"E:\plan.lioplan"), environ={}, windows=True, drive_type=lambda _r: 2
    )
    assert stick.kind == "removable" and "USB stick" in stick.advice
    local = describe_location(
        Path(r"C:\plan.lioplan"), environ={}, windows=True, drive_type=lambda _r: 3
    )
    assert local.kind == "local" and local.advice == ""
