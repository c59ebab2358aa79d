"""Moving a plan between a .lioplan file and a team server, both ways, every row checked.

Both sides hold the same tables (the same migrations made them), so a move is a copy of every
row, table by table, parents first, keeping each row's id so every link between rows still
holds. Afterwards each table is counted and its contents compared on both sides (a digest of
its rows in id order); any difference and nothing is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from lio_planner.store.postgres import server
from lio_planner.store.postgres.address import TeamAddress, plan_name_problem, schema_of
from lio_planner.store.problems import CopyFailed, PlanError
from lio_planner.store.schema import Base

if TYPE_CHECKING:
    from lio_planner.store.postgres.served import ServedPlan

_CHUNK = 2000


@dataclass(frozen=True)
class Moved:
    """What a move copied: the rows of each table, all counted and compared on both sides."""

    path: Path
    rows: Mapping[str, int]

    def summary(self) -> str:
        """One line for people: "Copied 1,234 rows (54 actions, …); every row checked.\""""
        total = sum(self.rows.values())
        parts = ", ".join(f"{n:,} {name}" for name, n in self.rows.items() if n)
        return f"Copied {total:,} rows ({parts}); every table counted and compared on both sides."


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _copy_rows(source: Connection, destination: Connection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in _tables():
        order = list(table.primary_key.columns)
        rows = source.execute(select(table).order_by(*order)).mappings()
        copied = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(dict(row))
            if len(batch) >= _CHUNK:
                destination.execute(insert(table), batch)
                copied += len(batch)
                batch = []
        if batch:
            destination.execute(insert(table), batch)
            copied += len(batch)
        counts[table.name] = copied
    return counts


def _digests(conn: Connection) -> dict[str, tuple[int, str]]:
    """Per table: how many rows, and a digest of every value in id order."""
    found: dict[str, tuple[int, str]] = {}
    for table in _tables():
        digest = hashlib.sha256()
        count = 0
        order = list(table.primary_key.columns)
        for row in conn.execute(select(table).order_by(*order)):
            digest.update(repr(tuple(_plain(v) for v in row)).encode())
            count += 1
        found[table.name] = (count, digest.hexdigest())
    return found


def _plain(value: Any) -> Any:
    """A value as both databases give it back (JSON objects compare by content)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _plain(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return value


def _compare(plan: str, source: Connection, destination: Connection) -> None:
    ours, theirs = _digests(source), _digests(destination)
    for name in ours:
        if ours[name] != theirs.get(name):
            raise CopyFailed(
                plan,
                f"could not be copied whole: the {name} table came out different "
                f"({ours[name][0]} rows before, {theirs.get(name, (0, ''))[0]} after).",
                "Nothing was kept; try again.",
            )


def _reset_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """Let the server number new rows after the copied ones."""
    for table in tables:
        [key] = table.primary_key.columns
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key.name}'), "
                f'coalesce(max("{key.name}"), 0) + 1, false) FROM "{table.name}"'
            )
        )


def publish_file(path: Path, address: TeamAddress) -> Moved:
    """Put the plan file at ``path`` on the server as a new team plan named by ``address``."""
    from lio_planner.store.sqlite.opening import open_plan

    plan = address.plan or ""
    if not plan or plan_name_problem(plan):
        raise PlanError(plan or address.for_people(), plan_name_problem(plan) or "names no plan.")
    schema = schema_of(plan)
    source = open_plan(path, read_only=True)
    engine = server.make_engine(address, schema)
    try:
        with source.engine.connect() as file_conn, engine.begin() as conn:
            if server.schema_revision(conn, schema) is not None:
                raise PlanError(
                    plan, "already exists on that server.", "Choose another name for it."
                )
            server.upgrade_to_head(conn, schema)
            counts = _copy_rows(file_conn, conn)
            _reset_sequences(conn, _tables())
            _compare(plan, file_conn, conn)
    except DBAPIError as exc:
        raise server.connect_problem(address, exc) from None
    finally:
        engine.dispose()
        source.close()
    return Moved(path, counts)


def save_as_file(store: ServedPlan, destination: Path) -> Moved:
    """The team plan as a new .lioplan file at ``destination`` (for email, a USB stick)."""
    from lio_planner.store.sqlite.database import make_engine, set_application_id
    from lio_planner.store.sqlite.migrate import upgrade_to_head
    from lio_planner.store.sqlite.planfile import ensure_extension, plan_problem
    from lio_planner.store.writing import WriteFailed, write_whole

    target = ensure_extension(Path(destination).absolute())
    try:
        with write_whole(target, check=plan_problem) as temporary:
            file_engine = make_engine(temporary, create=True)
            try:
                set_application_id(file_engine)
                upgrade_to_head(file_engine)
                # One consistent snapshot of the team plan, however many are editing it.
                with store.engine.connect() as conn, file_engine.begin() as file_conn:
                    conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
                    counts = _copy_rows(conn, file_conn)
                    _compare(store.description, conn, file_conn)
                    conn.rollback()
            finally:
                file_engine.dispose()
    except WriteFailed as exc:
        raise CopyFailed(store.description, f"could not be saved as a file: {exc.reason}") from None
    except DBAPIError as exc:
        raise CopyFailed(
            store.description, f"could not be read from the server ({exc.orig})."
        ) from None
    return Moved(target, counts)


def count_rows(conn: Connection) -> dict[str, int]:
    """How many rows each table holds (for people checking a move by hand)."""
    return {
        table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for table in _tables()
    }
