"""The Linux desktop knows LIO Planner: its entry, icons and the plan file type.

These use the freedesktop tools a desktop uses (desktop-file-utils, libxml2-utils,
shared-mime-info, xdg-utils with File::MimeInfo); see helpers.required.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from helpers.required import tool
from lio_planner.bundled import resource_path

ENTRY = resource_path("desktop") / "lio-planner.desktop"
MIME = resource_path("desktop") / "lio-planner.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def desktop_env(home: Path) -> dict[str, str]:
    """A desktop user whose home and data folder are ``home``, on no particular desktop."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KDE_", "GNOME_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "share"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_DIRS="/usr/share",
    )
    return env


def install(home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lio_planner", "--install-desktop"],
        env=desktop_env(home),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def filetype(home: Path, path: Path) -> str:
    result = subprocess.run(
        [tool("xdg-mime"), "query", "filetype", str(path)],
        env=desktop_env(home),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    text = ENTRY.read_text(encoding="utf-8")
    assert "MimeType=application/x-lioplan;" in text
    assert "Exec=lio-planner %f" in text


def test_the_mime_file_is_well_formed() -> None:
    result = subprocess.run([tool("xmllint"), "--noout", str(MIME)], capture_output=True)
    assert result.returncode == 0, result.stderr


def test_icons_come_at_every_standard_size() -> None:
    for size in SIZES:
        icon = resource_path("icons") / "hicolor" / f"{size}x{size}" / "apps" / "lio-planner.png"
        assert png_size(icon) == (size, size)


def test_installing_puts_the_files_where_the_desktop_looks(tmp_path: Path) -> None:
    tool("update-mime-database")
    result = install(tmp_path)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    entry = share / "applications" / "lio-planner.desktop"
    assert (share / "mime" / "packages" / "lio-planner.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "lio-planner.svg").is_file()
    for size in SIZES:
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "lio-planner.png"
        ).is_file()
    # The installed entry runs this very installation, whatever the PATH holds.
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").rsplit(" %f", 1)[0].strip('"')
    assert Path(program.split(" ")[0]).is_file(), exec_line
    validated = subprocess.run(
        [tool("desktop-file-validate"), str(entry)], capture_output=True, text=True
    )
    assert validated.returncode == 0 and not validated.stdout.strip(), validated.stdout


def test_a_renamed_plan_is_still_known_as_a_plan(tmp_path: Path, plan_path: Path) -> None:
    tool("update-mime-database")
    renamed = tmp_path / "renamed-plan.dat"
    shutil.copyfile(plan_path, renamed)
    other = tmp_path / "other.dat"  # an SQLite file that is not a plan
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("create table t (x)")
    connection.close()
    home = tmp_path / "home"

    assert filetype(home, renamed) != "application/x-lioplan"  # not before installing
    assert install(home).returncode == 0

    assert filetype(home, renamed) == "application/x-lioplan"
    assert filetype(home, plan_path) == "application/x-lioplan"
    assert filetype(home, other) != "application/x-lioplan"


def test_the_plan_type_opens_in_lio_planner(tmp_path: Path) -> None:
    tool("update-desktop-database")
    assert install(tmp_path).returncode == 0
    result = subprocess.run(
        [tool("xdg-mime"), "query", "default", "application/x-lioplan"],
        env=desktop_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "lio-planner.desktop"


def test_other_systems_are_told_the_installer_does_this(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from lio_planner import cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setattr(sys, "platform", "win32")

    assert cli.main(["--install-desktop"]) == 2

    assert "installer" in capsys.readouterr().err
    assert not (tmp_path / "share").exists()
