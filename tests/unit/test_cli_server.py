"""lio-planner server …: set up a team plan, move plans between a file and the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.team_server import plan_address
from lio_planner.cli import main
from lio_planner.services import queries
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.sqlite.opening import open_plan

pytestmark = pytest.mark.postgres


def test_a_team_sets_up_a_server_plan_in_a_few_commands(
    team_plan_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = plan_address(team_plan_name)
    assert main(["server", "init", address, "--org", "Northshire CVS"]) == 0
    assert f"Made team plan '{team_plan_name}'" in capsys.readouterr().out
    team = open_team_plan(address, present=False)
    assert queries.plan_info(team).organisation == "Northshire CVS"
    team.close()

    assert main(["server", "save", address, str(tmp_path / "copy")]) == 0
    assert "every table counted and compared" in capsys.readouterr().out
    copy = open_plan(tmp_path / "copy.lioplan", read_only=True)
    assert queries.plan_info(copy).organisation == "Northshire CVS"
    copy.close()

    assert main(["server", "publish", str(tmp_path / "copy.lioplan"), address]) == 1
    assert "already exists on that server" in capsys.readouterr().err
