"""Real damaged, odd and hostile plan files, made the way other programs and crashes make them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

# Run in a separate process: change many pages of the plan, let them spill into the file before
# the commit, then die without committing, as a power cut or a killed process would.
_INTERRUPTED_SAVE = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode=DELETE")
connection.execute("PRAGMA cache_size=1")
connection.execute("BEGIN")
connection.execute("UPDATE opportunities SET strategy_says = strategy_says || hex(randomblob(300))")
connection.execute("UPDATE actions SET notes = 'half-saved' || hex(randomblob(200))")
os._exit(0)
"""


def interrupt_a_save(plan: Path) -> Path:
    """Leave ``plan`` as a crash mid-save leaves it: part-written, with a hot journal beside it."""
    subprocess.run([sys.executable, "-c", _INTERRUPTED_SAVE, str(plan)], check=True)
    journal = plan.with_name(plan.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    return journal


def change(plan: Path, *statements: str) -> None:
    """Alter the plan as a tool such as DB Browser for SQLite would, keeping its header marks."""
    connection = sqlite3.connect(plan, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def make_socket(path: Path) -> Path:
    import socket

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.close()  # the socket file stays behind, as it does when a program dies
    return path
