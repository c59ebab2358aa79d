"""Mutated plan files: each must open and export correctly, or be refused in words.

``python -m benchmarks.fuzz [--files N] [--seed S] [--formats csv,docx,pdf]`` runs a long
campaign; ``tests/fuzz/test_plan_fuzz.py`` runs 500 files with a fixed seed in CI.

Each file is a real plan with one or two mutations of the kinds that happen to plan files in
the wild: flipped bytes, a zeroed page, truncation, a dropped column or table, a value the app
cannot read, a trigger, a view or an index added, header fields changed. For each, the way the
command line exports and the read-only opening must either succeed
(and then the export holds every action) or raise a worded refusal; never the internal-bug
message. The file must keep every byte, and nothing may be left beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

_BAD_VALUES: list[object] = [
    None,
    "",
    "bogus",
    "not-a-date",
    "2026-02-30",
    "2026-13-01 10:00:00",
    "9999-12-31",
    "0000-01-01",
    -1,
    2**62,
    1.5,
    b"\xff\xfe",
    "[1, 2",
    "{}",
    "[]",
    '[{"title": 3}]',
    "\x00",
    "done",
    "pursue",
    "high",
]


@dataclass
class Outcome:
    """What happened to the mutated files."""

    opened: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)
    reasons: dict[str, int] = field(default_factory=dict)


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]


def _sql(path: Path, work: Callable[[sqlite3.Connection], None]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        work(connection)
    finally:
        connection.close()


def _flip_bytes(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 16)):
        where = rng.randrange(len(data)) if rng.random() < 0.8 else rng.randrange(100)
        data[where] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return "flipped bytes"


def _zero_page(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    page = rng.randrange(pages)
    data[page * 4096 : (page + 1) * 4096] = bytes(4096)
    path.write_bytes(bytes(data))
    return f"zeroed page {page + 1}"


def _truncate(path: Path, rng: random.Random) -> str:
    size = path.stat().st_size
    cut = rng.choice([rng.randrange(size), (rng.randrange(size // 4096) or 1) * 4096, 100, 50])
    with path.open("r+b") as handle:
        handle.truncate(cut)
    return "truncated"


def _drop_column(path: Path, rng: random.Random) -> str:
    def work(connection: sqlite3.Connection) -> None:
        table = rng.choice(_tables(connection))
        column = rng.choice(_columns(connection, table))
        try:
            connection.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        except sqlite3.Error:
            connection.execute(f'ALTER TABLE "{table}" ADD COLUMN "extra_{column}" TEXT')

    _sql(path, work)
    return "dropped or added a column"


def _drop_table(path: Path, rng: random.Random) -> str:
    _sql(path, lambda c: c.execute(f'DROP TABLE "{rng.choice(_tables(c))}"'))
    return "dropped a table"


def _bad_value(path: Path, rng: random.Random) -> str:
    def work(connection: sqlite3.Connection) -> None:
        table = rng.choice(["actions", "responses", "opportunities", "themes", "plan", "people"])
        column = rng.choice(_columns(connection, table))
        value = rng.choice(_BAD_VALUES)
        if isinstance(value, bytes):
            statement = f'UPDATE "{table}" SET "{column}" = CAST(? AS TEXT)'
        else:
            statement = f'UPDATE "{table}" SET "{column}" = ?'
        rowids = [row[0] for row in connection.execute(f'SELECT rowid FROM "{table}"')]
        where = f" WHERE rowid = {rng.choice(rowids) if rowids else 0}"
        try:
            connection.execute(statement + where, (value,))
        except sqlite3.Error:
            connection.execute(f'DELETE FROM "{table}"' + where)

    _sql(path, work)
    return "a value the app cannot read"


def _add_object(path: Path, rng: random.Random) -> str:
    kind = rng.choice(["trigger", "view", "index", "unique index", "drop index", "table"])
    statements = {
        "trigger": "CREATE TRIGGER t AFTER UPDATE ON actions BEGIN DELETE FROM plan; END",
        "view": "CREATE VIEW v AS SELECT * FROM actions",
        "index": "CREATE INDEX ix_extra ON actions (notes)",
        "unique index": "CREATE UNIQUE INDEX ux_extra ON actions (position, id)",
        "drop index": "DROP INDEX ix_actions_opportunity_id",
        "table": "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
    }
    _sql(path, lambda c: c.execute(statements[kind]))
    return f"added a {kind}"


def _header(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    where = rng.choice([16, 17, 18, 19, 20, 21, 24, 28, 44, 52, 56, 60, 63, 68, 71, 92, 96])
    data[where] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return f"header byte {where}"


MUTATIONS = [
    _flip_bytes,
    _zero_page,
    _truncate,
    _drop_column,
    _drop_table,
    _bad_value,
    _bad_value,
    _add_object,
    _header,
]


def mutate(path: Path, rng: random.Random) -> str:
    """Apply one or two mutations to the plan at ``path``; say what was done."""
    done = []
    for _ in range(1 if rng.random() < 0.7 else 2):
        mutation = rng.choice(MUTATIONS)
        try:
            done.append(mutation(path, rng))
        except (sqlite3.Error, ValueError, IndexError):
            done.append(f"{mutation.__name__} (not possible: file already broken)")
    return ", ".join(done)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count_actions(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM actions").fetchone()[0])
    finally:
        connection.close()


def check_one(plan: Path, out_folder: Path, fmt: str) -> tuple[str, str]:
    """("opened" or "refused", detail) for a mutated plan; raises AssertionError on a failure."""
    from lio_planner.errors import USER_ERRORS, user_message
    from lio_planner.report.exporting import export_plan
    from lio_planner.store.sqlite.opening import open_plan
    from lio_planner.store.sqlite.readable import open_for_reading

    before = _sha(plan)
    neighbours = sorted(p.name for p in plan.parent.iterdir())
    outcome, detail = "opened", ""
    out = out_folder / f"export.{fmt}"
    try:
        with open_for_reading(plan) as store:
            export_plan(store, fmt, out)
        if fmt == "csv":
            import csv

            with out.open(encoding="utf-8-sig", newline="") as handle:
                rows = sum(1 for _ in csv.reader(handle)) - 1
            expected = _count_actions(plan)
            assert rows == expected, f"the export holds {rows} of {expected} actions"
        open_plan(plan, read_only=True).close()
        _edit_a_copy(plan, out_folder)
    except USER_ERRORS as exc:
        outcome, detail = "refused", user_message(exc)
        assert "Something went wrong" not in detail, detail
        assert "\n" not in detail, detail
    except Exception as exc:
        import traceback

        where = "".join(traceback.format_exception(exc)[-4:-1]).replace("\n", " ")
        raise AssertionError(f"{type(exc).__name__}: {exc} at {where}") from None
    assert _sha(plan) == before, "the file was changed"
    after = sorted(p.name for p in plan.parent.iterdir())
    assert after == neighbours, f"left beside the plan: {set(after) - set(neighbours)}"
    leftovers = [p.name for p in out_folder.iterdir() if p.name != out.name]
    assert not leftovers, f"left beside the export: {leftovers}"
    return outcome, detail


def _edit_a_copy(plan: Path, out_folder: Path) -> None:
    """A readable plan must also work for editing: open a copy, add an action, read it back."""
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action
    from lio_planner.services.queries import action_rows, overview
    from lio_planner.store.sqlite.opening import open_plan

    copy = out_folder / "edited" / plan.name
    copy.parent.mkdir()
    shutil.copyfile(plan, copy)
    try:
        store = open_plan(copy)
        try:
            opportunities = overview(store).opportunities
            if opportunities:
                fields = ActionFields("Fuzz action", owner_name="Fuzz")
                record_action(store, opportunities[0].uuid, fields, "Fuzz")
                assert any(r.action.description == "Fuzz action" for r in action_rows(store))
        finally:
            store.close()
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


def make_base(folder: Path, actions: int | None = None) -> Path:
    """A real sample plan to mutate."""
    from lio_planner.services.sample import fill_with_sample
    from lio_planner.store.sqlite.opening import create_plan

    path = folder / "Base.lioplan"
    store = create_plan(path, "Northshire CVS", "Our response", "2019–2021")
    try:
        fill_with_sample(store, actions=actions)
    finally:
        store.close()
    return path


def run(
    files: int, seed: int, formats: tuple[str, ...] = ("csv",), base: Path | None = None
) -> Outcome:
    """Mutate ``files`` copies of a plan (seeded) and check each; collect what failed."""
    rng = random.Random(seed)
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="lio-fuzz-") as work:
        root = Path(work)
        base = base or make_base(root)
        for number in range(files):
            folder = root / f"f{number}"
            (folder / "plan").mkdir(parents=True)
            (folder / "out").mkdir()
            plan = folder / "plan" / "Mutated.lioplan"
            shutil.copyfile(base, plan)
            what = mutate(plan, rng)
            fmt = formats[number % len(formats)]
            try:
                result, detail = check_one(plan, folder / "out", fmt)
            except AssertionError as exc:
                outcome.failures.append(f"file {number} ({what}; {fmt}): {exc}")
            else:
                if result == "opened":
                    outcome.opened += 1
                else:
                    outcome.refused += 1
                    reason = detail.split("”", 1)[-1].strip()[:70]
                    outcome.reasons[reason] = outcome.reasons.get(reason, 0) + 1
            shutil.rmtree(folder, ignore_errors=True)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--formats", default="csv,csv,csv,docx,csv,csv,csv,csv,csv,pdf")
    args = parser.parse_args(argv)
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Backups and logs of the edited copies go to a throwaway folder, not the user's own.
    scratch = tempfile.mkdtemp(prefix="lio-fuzz-home-")
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = scratch
    started = time.perf_counter()
    outcome = run(args.files, args.seed, tuple(args.formats.split(",")))
    took = time.perf_counter() - started
    print(
        f"seed {args.seed}: {args.files} files in {took:.0f} s: {outcome.opened} opened and "
        f"exported, {outcome.refused} refused in words, {len(outcome.failures)} failures"
    )
    for reason, count in sorted(outcome.reasons.items(), key=lambda item: -item[1])[:15]:
        print(f"  {count:5d}  {reason}")
    for failure in outcome.failures[:30]:
        print("FAIL", failure)
    shutil.rmtree(scratch, ignore_errors=True)
    return 1 if outcome.failures else 0


if __name__ == "__main__":
    sys.exit(main())
