"""The window at 150% and 200% scaling: every input can be reached, on screens people have.

Qt fixes the scale factor and the screen when it starts, so each case runs in a process of
its own (``scaled_window.py``) on the offscreen platform, given a screen of the size named.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCALED_WINDOW = Path(__file__).with_name("scaled_window.py")

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("scale", "width", "height"),
    [
        ("1.5", 1920, 1080),  # a common laptop, 150%: 1280x720 to lay out in
        ("2", 2560, 1440),  # 200% on a 1440p screen: the same room, a sharper picture
        ("2", 3840, 2160),  # a 4K screen at its usual 200%
    ],
)
def test_every_input_can_be_reached_when_scaled(
    sample_path: Path, tmp_path: Path, scale: str, width: int, height: int
) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "scaled",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    run = subprocess.run(
        [sys.executable, str(SCALED_WINDOW), str(sample_path), scale],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    logical = [round(width / float(scale)), round(height / float(scale))]
    assert report["screen"] == logical
    # The first time it opens, the window and its title bar fit on the screen.
    first_width, first_height = report["first run"]
    assert first_width <= logical[0] and first_height <= logical[1], report["first run"]
    assert report["problems"] == {name: [] for name in report["checked"]}
    checked = report["checked"]
    assert checked["walk-through"] >= 20 and checked["action plan"] >= 10, checked
    assert checked["plan settings"] >= 5 and checked["people"] >= 3, checked
