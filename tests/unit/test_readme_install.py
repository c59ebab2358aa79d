"""The README's install line works with sudo and without it (root on a fresh Debian)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def install_line() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    line = next(b.strip() for b in blocks if "apt-get install" in b)
    assert "\n" not in line, "one line, to copy and paste"
    return line


def system_step(line: str) -> str:
    """The part that installs system libraries: everything before Python's venv is made."""
    return line.split(" && python3 -m venv")[0]


def fake_tools(folder: Path, names: tuple[str, ...], log: Path) -> None:
    """Programs that only note how they were called (sudo then runs what it was given)."""
    folder.mkdir()
    for name in names:
        script = folder / name
        body = f'echo "{name} $*" >> "{log}"\n'
        if name == "sudo":
            body += 'exec "$@"\n'
        script.write_text("#!/bin/sh\n" + body)
        script.chmod(script.stat().st_mode | stat.S_IEXEC)


def run(step: str, tools: Path) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    assert bash
    # Only the fake tools (and the shell's own builtins) are on PATH: no real sudo or apt-get.
    env = {"PATH": str(tools), "HOME": os.environ.get("HOME", "/")}
    return subprocess.run([bash, "-c", step], env=env, capture_output=True, text=True, check=False)


def test_install_line_runs_apt_get_directly_where_there_is_no_sudo(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    tools = tmp_path / "bin"
    fake_tools(tools, ("apt-get",), log)
    done = run(system_step(install_line()), tools)
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    assert calls and all(c.startswith("apt-get ") for c in calls)
    assert any(c.startswith("apt-get install -y python3-venv") for c in calls)


def test_install_line_uses_sudo_where_there_is_one(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    tools = tmp_path / "bin"
    fake_tools(tools, ("sudo", "apt-get"), log)
    done = run(system_step(install_line()), tools)
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    installs = [c for c in calls if "install -y python3-venv" in c]
    assert installs[0].startswith("sudo apt-get install")  # through sudo ...
    assert installs[1].startswith("apt-get install")  # ... which then ran apt-get


def test_readme_states_the_python_version_the_package_needs() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^requires-python = ">=([0-9.]+)"$', pyproject, re.MULTILINE)
    assert match, "requires-python not found"
    version = match.group(1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {version} or newer" in readme[:1500]
