"""The plans the benchmarks open: sample plans of a given size and a first-run default plan.

Each is made once per benchmark run, in a temporary folder, through the app's own command
(``lio-planner new PLAN --sample --sample-actions N``), and copied when a run would change it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from benchmarks.processes import FeatureMissing, WorkerFailed, run_command, run_worker


class PlanCache:
    """Makes each plan the first time it is asked for and hands back the same file after."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._samples: dict[int, Path] = {}
        self._failures: dict[int, WorkerFailed] = {}
        self.first_open: dict[int, float] = {}  # seconds the first open of each sample took
        self._default_home: Path | None = None
        self._copies = 0

    def sample(self, actions: int) -> Path:
        """A sample plan with ``actions`` actions (made with the app's ``new --sample``)."""
        if actions in self._failures:  # made once, failed once: say so again without retrying
            raise self._failures[actions]
        if actions not in self._samples:
            path = self.folder / f"sample-{actions}.lioplan"
            command = [
                sys.executable,
                "-m",
                "lio_planner",
                "new",
                str(path),
                "--org",
                "Benchmark CVS",
                "--sample",
                "--sample-actions",
                str(actions),
            ]
            try:
                run_command(command, self.folder / "maker-home")
                if not path.is_file():
                    raise WorkerFailed("the command said it worked but made no file")
                # The first read-write open does one-time work (such as giving bulk-added rows
                # their first revision); do it now, untimed, so every figure sees the plan as a
                # user has it from the second open on. Its time is kept as a figure of its own.
                opened = run_worker("open_plan", {"plan": str(path)}, timeout=600)
            except (WorkerFailed, FeatureMissing) as exc:
                failure = WorkerFailed(
                    f"could not make and open the {actions:,}-action sample plan "
                    f"(lio-planner new --sample): {exc}"
                )
                self._failures[actions] = failure
                raise failure from None
            self.first_open[actions] = float(opened.result["seconds"])
            self._samples[actions] = path
        return self._samples[actions]

    def scratch_copy(self, actions: int) -> Path:
        """A fresh copy of a sample plan, for runs that write to it."""
        self._copies += 1
        copy = self.folder / f"scratch-{self._copies}-{actions}.lioplan"
        shutil.copyfile(self.sample(actions), copy)
        return copy

    def default_plan_home(self) -> Path:
        """A user folder template whose data folder holds the default plan, as after first run."""
        if self._default_home is None:
            home = self.folder / "default-home"
            run_worker("make_default_plan", home=home)
            self._default_home = home
        return self._default_home

    def fresh_home(self, name: str) -> Path:
        """A new copy of the default-plan user folders, so each cold start starts clean."""
        self._copies += 1
        home = self.folder / f"home-{self._copies}-{name}"
        shutil.copytree(self.default_plan_home(), home)
        return home
