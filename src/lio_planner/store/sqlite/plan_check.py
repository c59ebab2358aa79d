"""The inside of a plan file: its tables as the migrations make them, and values that can be right.

A file can have the right header (application_id, user_version) and still be wrong inside: a
column or table dropped, a status of 'bogus', a due date of 'not-a-date', text that is not
UTF-8, the plan row gone. Such a file is refused here, in words naming what is wrong, before
anything reads it; it is never opened half-working.

What a plan holds is not written out a second time by hand. ``plan_shape.json`` is made from
the migrations themselves (an empty file migrated to each schema version) and from the
SQLAlchemy models (the kind of value each column holds, and the choices for status, priority and
decision); ``tests/unit/store/test_plan_check.py`` fails when a migration or a model changes
and the file has not been made again (``python -m lio_planner.store.sqlite.plan_check``). Reading
it needs only the standard library, so opening a plan at start-up stays quick.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from pathlib import Path
from typing import Any

SHAPE_FILE = Path(__file__).with_name("plan_shape.json")

# What people call a row of each table, and the column that names one.
_NOUNS = {
    "plan": ("plan details", "title"),
    "themes": ("theme", "title"),
    "opportunities": ("opportunity", "title"),
    "responses": ("decision", None),
    "people": ("person", "name"),
    "actions": ("action", "description"),
    "revisions": ("saved revision", None),
    "history": ("history entry", None),
}


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def describe_tables(connection: sqlite3.Connection) -> dict[str, Any]:
    """The file's tables as plain data: columns, indexes and foreign keys, in a stable order."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    tables: dict[str, Any] = {}
    for name in names:
        table = quoted(name)
        columns = [
            [col[1], str(col[2]).upper(), bool(col[3]), int(col[5])]
            for col in connection.execute(f"PRAGMA table_info({table})")
        ]
        indexes = []
        for index in connection.execute(f"PRAGMA index_list({table})"):
            keys = [row[2] for row in connection.execute(f"PRAGMA index_info({quoted(index[1])})")]
            indexes.append([bool(index[2]), str(index[3]), keys])
        keys_out = [
            [row[2], row[3], row[4], str(row[6]).upper()]
            for row in connection.execute(f"PRAGMA foreign_key_list({table})")
        ]
        tables[name] = {
            "columns": columns,
            "indexes": sorted(indexes),
            "foreign_keys": sorted(keys_out),
        }
    return tables


@functools.cache
def expected_shapes() -> dict[str, Any]:
    """The tables and value rules of each schema version, as the migrations and models make them."""
    with SHAPE_FILE.open(encoding="utf-8") as handle:
        shapes: dict[str, Any] = json.load(handle)
    return shapes


def table_problem(connection: sqlite3.Connection, user_version: int) -> str:
    """What differs between the file's tables and the ones LIO Planner makes; "" if none."""
    versions = expected_shapes()["versions"]
    expected = versions.get(str(user_version))
    if expected is None:
        return "has no tables LIO Planner can read (its schema version is unknown)"
    actual = describe_tables(connection)
    for name, table in expected["tables"].items():
        found = actual.get(name)
        if found is None:
            return f"is missing its “{name}” table"
        have = {col[0]: col for col in found["columns"]}
        for column in table["columns"]:
            if column[0] not in have:
                return f"is missing the “{column[0]}” column of its “{name}” table"
            if have[column[0]] != column:
                return f"has a “{column[0]}” column in its “{name}” table that is not as made"
        want = {col[0] for col in table["columns"]}
        extra = [col for col in have if col not in want]
        if extra:
            return f"has a column LIO Planner does not make (“{extra[0]}” in “{name}”)"
        if found["indexes"] != table["indexes"] or found["foreign_keys"] != table["foreign_keys"]:
            return f"has different rules in its “{name}” table from the ones LIO Planner makes"
    extra_tables = sorted(set(actual) - set(expected["tables"]))
    if extra_tables:
        return f"contains a table (“{extra_tables[0]}”) that LIO Planner does not know"
    return ""


def _real_date(text: str) -> str:
    """SQL true when ``text`` is a real day (no 30 February) between 1900 and 9998.

    Going through the Julian day number and back normalises an impossible day, so it no
    longer compares equal; the time of day is checked apart, as rounding there can shift it.
    """
    # CAST: a DATE column has numeric affinity, which would turn '1900' into a number and
    # make every text compare greater than it.
    day = f"CAST({text} AS TEXT)"
    return (
        f"{day} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND {day} >= '1900' "
        f"AND {day} < '9999' AND date(julianday({day})) IS {day}"
    )


def _condition(column: str, rule: dict[str, Any]) -> str:
    """SQL that is true when the column holds a value LIO Planner can read.

    Dates and times must be real ones (no 30 February) between the years 1900 and 9998: the
    app makes none outside, and near year 1 or 9999 converting to local time or counting two
    weeks on overflows.
    """
    c = quoted(column)
    kind = rule["kind"]
    if kind == "integer":
        test = f"typeof({c}) = 'integer'"
    elif kind == "boolean":
        test = f"typeof({c}) = 'integer' AND {c} IN (0, 1)"
    elif kind == "date":
        test = f"typeof({c}) = 'text' AND {_real_date(c)} AND length({c}) = 10"
    elif kind == "datetime":
        clock = "[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
        test = (
            f"typeof({c}) = 'text' AND {_real_date(f'substr({c}, 1, 10)')} "
            f"AND substr({c}, 11, 9) GLOB ' {clock}' AND substr({c}, 12, 2) < '24' "
            f"AND (length({c}) = 19 OR (substr({c}, 20, 1) = '.' AND length({c}) BETWEEN 21 "
            f"AND 26 AND substr({c}, 21) NOT GLOB '*[^0-9]*'))"
        )
    elif kind.startswith("json"):
        shape = "1"
        if kind == "json-object":
            shape = f"json_type({c}) = 'object'"
        elif kind == "json-list":
            shape = f"json_type({c}) = 'array'"
        elif kind == "json-list-text":
            shape = (
                f"json_type({c}) = 'array' AND NOT EXISTS "
                f"(SELECT 1 FROM json_each({c}) WHERE type != 'text')"
            )
        elif kind == "json-list-object":
            shape = (
                f"json_type({c}) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each({c}) e "
                "WHERE e.type != 'object' OR EXISTS "
                "(SELECT 1 FROM json_each(e.value) WHERE type != 'text'))"
            )
        # CASE, so the JSON functions never see text that is not JSON (they would raise).
        test = f"CASE WHEN typeof({c}) = 'text' AND json_valid({c}) THEN ({shape}) ELSE 0 END"
    else:
        test = f"typeof({c}) = 'text'"
    if rule.get("choices"):
        choices = ", ".join("'" + value.replace("'", "''") + "'" for value in rule["choices"])
        test += f" AND {c} IN ({choices})"
    if rule["nullable"]:
        return f"({c} IS NULL OR ({test}))"
    return f"({c} IS NOT NULL AND {test})"


def value_problem(connection: sqlite3.Connection, user_version: int) -> str:
    """The first value the app could not read right, naming its row; "" when all can be read.

    Run after :func:`table_problem` found the tables as they should be.
    """
    shape = expected_shapes()["versions"][str(user_version)]
    plans = connection.execute("SELECT count(*) FROM plan").fetchone()[0]
    if plans != 1:
        return "has no plan details in it" if plans == 0 else "holds more than one plan"
    for table, rules in shape["values"].items():
        problem = _table_values(connection, table, rules)
        if problem:
            return problem
    orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        noun = _NOUNS.get(orphans[0][0], (orphans[0][0], None))[0]
        return (
            f"has {_count(len(orphans), noun)} that belong to something no longer in the file "
            f"(in its “{orphans[0][0]}” table)"
        )
    return ""


def _table_values(connection: sqlite3.Connection, table: str, rules: dict[str, Any]) -> str:
    columns = list(rules)
    tests = [_condition(column, rules[column]) for column in columns]
    sums = ", ".join(f"sum(NOT {test})" for test in tests)
    counts = connection.execute(f"SELECT {sums} FROM {quoted(table)}").fetchone()
    for column, test, count in zip(columns, tests, counts, strict=True):
        if count:
            return _bad_rows(connection, table, column, test, count, rules[column])
    # Dates, times and choices passed patterns of plain ASCII above: only free text can hold
    # bytes that are not UTF-8.
    texts = [
        c
        for c in columns
        if rules[c]["kind"] not in ("integer", "boolean", "date", "datetime")
        and not rules[c].get("choices")
    ]
    if texts:
        return _undecodable(connection, table, texts)
    return ""


def _bad_rows(
    connection: sqlite3.Connection,
    table: str,
    column: str,
    test: str,
    count: int,
    rule: dict[str, Any],
) -> str:
    noun, label = _NOUNS.get(table, (table, None))
    shown = f"CAST({quoted(label)} AS BLOB)" if label else "NULL"
    row = connection.execute(
        f"SELECT {shown}, CAST({quoted(column)} AS BLOB) FROM {quoted(table)} "
        f"WHERE NOT {test} LIMIT 1"
    ).fetchone()
    which = f" (such as “{_short(row[0])}”)" if row and row[0] else ""
    field = column.replace("_", " ")
    value = row[1] if row else None
    what = "is empty" if value is None else f"is “{_short(value)}”"
    if rule["kind"] in ("date", "datetime"):
        what = "is empty" if value is None else f"is “{_short(value)}”, not a date it can use"
    elif rule.get("choices") and value is not None:
        what = f"is “{_short(value)}”, which LIO Planner does not know"
    elif value is not None:
        what = f"holds “{_short(value)}”, which LIO Planner cannot read"
    return f"has {_count(count, noun)}{which} whose {field} {what}"


def _undecodable(connection: sqlite3.Connection, table: str, columns: list[str]) -> str:
    """Text that is not UTF-8: SQLite keeps whatever bytes it is given."""
    listed = ", ".join(quoted(c) for c in columns)
    factory = connection.text_factory
    connection.text_factory = str  # decode strictly, as every later read will
    try:
        connection.execute(f"SELECT {listed} FROM {quoted(table)}").fetchall()
        return ""
    except sqlite3.OperationalError:
        pass  # "Could not decode to UTF-8": find which rows, to name them
    finally:
        connection.text_factory = factory
    noun, label = _NOUNS.get(table, (table, None))
    blobs = ", ".join(f"CAST({quoted(c)} AS BLOB)" for c in columns)
    shown = f"CAST({quoted(label)} AS BLOB)" if label else "NULL"
    bad = 0
    example = ""
    for values in connection.execute(f"SELECT {shown}, {blobs} FROM {quoted(table)}"):
        for value in values[1:]:
            try:
                if value is not None:
                    value.decode("utf-8")
            except UnicodeDecodeError:
                bad += 1
                example = example or _short(values[0] or b"")
                break
    which = f" (such as “{example}”)" if example else ""
    return f"has {_count(bad, noun)}{which} holding text that is not readable (not UTF-8)"


def _short(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _count(n: int, noun: str) -> str:
    if n == 1:
        return f"1 {noun}"
    plural = {
        "opportunity": "opportunities",
        "person": "people",
        "history entry": "history entries",
    }
    return f"{n} {plural.get(noun, noun + 's')}"


# -- making plan_shape.json from the migrations and models (a developer's step) -------------


def generate_shapes() -> dict[str, Any]:
    """Migrate empty files to each schema version and describe them (imports Alembic)."""
    import tempfile

    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    config = Config()
    config.set_main_option(
        "script_location", str(Path(__file__).resolve().parent.parent / "migrations")
    )
    # Every migration's version (they are numbered 0001, 0002...), read from the migrations
    # themselves: planfile imports this module, so neither planfile's SCHEMA_VERSION nor
    # migrate (which imports planfile) may be imported here.
    head = int(ScriptDirectory.from_config(config).get_current_head() or 0)
    versions: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for version in range(1, head + 1):
            path = Path(folder) / f"v{version}.db"
            engine = create_engine(f"sqlite:///{path}")
            with engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, f"{version:04d}")
            engine.dispose()
            connection = sqlite3.connect(path)
            try:
                tables = describe_tables(connection)
            finally:
                connection.close()
            versions[str(version)] = {"tables": tables, "values": _value_rules(tables)}
    return {"versions": versions}


def _value_rules(tables: dict[str, Any]) -> dict[str, Any]:
    """What each column may hold, from the models (types, nullability, choices)."""
    from lio_planner.store.schema import Base

    rules: dict[str, Any] = {}
    for name, table in tables.items():
        model = Base.metadata.tables.get(name)
        if model is None:
            continue
        present = {col[0] for col in table["columns"]}
        rules[name] = {
            column.name: _rule(column) for column in model.columns if column.name in present
        }
    return rules


def _rule(column: Any) -> dict[str, Any]:
    from sqlalchemy import JSON, Boolean, Date, DateTime, Integer

    kind = "text"
    if isinstance(column.type, Boolean):
        kind = "boolean"
    elif isinstance(column.type, Integer):
        kind = "integer"
    elif isinstance(column.type, DateTime):
        kind = "datetime"
    elif isinstance(column.type, Date):
        kind = "date"
    elif isinstance(column.type, JSON):
        kind = column.info.get("json", "json")
    rule: dict[str, Any] = {"kind": kind, "nullable": bool(column.nullable)}
    if "choices" in column.info:
        rule["choices"] = list(column.info["choices"])
    return rule


def write_shapes() -> None:
    text = json.dumps(generate_shapes(), indent=1, sort_keys=True)
    SHAPE_FILE.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_shapes()
