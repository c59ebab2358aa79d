"""Create and open plan files, refusing anything unsafe before a single byte is written.

Opening an up-to-date plan whose strategy content is current needs no SQLAlchemy: the checks,
the claim and the reads are plain sqlite3, so the window can switch editing on without waiting
for the ORM to load. Updating a plan, giving old rows their first revisions and refreshing
its content import it when they are due.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from lio_planner.bundled import seed_path
from lio_planner.store.names import name_problem
from lio_planner.store.problems import PlanError
from lio_planner.store.sqlite import plain_read
from lio_planner.store.sqlite.database import PlanStore, make_engine, set_application_id
from lio_planner.store.sqlite.lock import LockInfo, PlanLock
from lio_planner.store.sqlite.planfile import (
    SCHEMA_VERSION,
    PlanFileError,
    check_contents,
    ensure_extension,
    has_journal,
    is_writable,
    journal_path,
    plan_problem,
    read_header,
    verify_connection,
    wal_refusal,
)
from lio_planner.store.writing import WriteFailed, explain_sqlite_error, write_whole

if TYPE_CHECKING:
    from lio_planner.store.seed import Seed


def open_plan(
    path: Path,
    read_only: bool = False,
    seed_file: Path | None = None,
    *,
    take_over: LockInfo | None = None,
    claim: bool = True,
    daily_backup: bool = True,
) -> PlanStore:
    """Open an existing plan file after checking it, migrating and refreshing content if due.

    A file this process cannot write is opened read-only rather than refused. Opening for
    editing claims the plan (see :mod:`lio_planner.store.sqlite.lock`) before anything is
    written, and raises :class:`PlanInUse` with the holder's details if someone else has it;
    ``take_over`` replaces a stale holder the person has agreed to replace. ``claim=False``
    skips the claim (tools and tests that deliberately write alongside an editor).
    """
    path = Path(path).absolute()
    read_only = read_only or not is_writable(path)
    header = read_header(path, for_editing=not read_only)
    had_hot_journal = has_journal(path)
    if header.wal and read_only:
        # Reading it would leave "-wal" and "-shm" files beside it; opening for editing
        # switches it back to the one-file way every plan is kept.
        raise wal_refusal(path)
    # Beside a plan opened read-only, a journal is someone saving this moment, or a crash to
    # undo: SQLite tells them apart by its own locks (it waits for a live save, and an
    # interrupted one raises NotClosedProperly), so ask it rather than guess from the file.
    check_contents(path, journal_may_be_live=read_only)
    if read_only and header.user_version < SCHEMA_VERSION:
        raise PlanFileError(path, "was made by an older version of LIO Planner.", _to_update(path))

    # The claim comes before the first write (rolling back a journal, migrating, backing up).
    lock = PlanLock.claim(path, take_over=take_over) if claim and not read_only else None
    store = PlanStore(path, read_only=read_only, lock=lock)
    try:
        if had_hot_journal and not read_only:
            # The read-write connection has just rolled the interrupted write back; check now.
            with store.engine.connect() as conn:
                verify_connection(path, conn.connection.dbapi_connection)  # type: ignore[arg-type]
            _remove_leftover_journal(store)
        elif header.wal and not read_only:
            # The engine's first connection switches the file back to one file (its pragmas).
            with store.engine.connect():
                pass
        if not read_only:
            _prepare_for_editing(store, header.user_version, daily_backup)
            refresh_content(store, seed_file or seed_path())
        store.remember_file()
    except BaseException:
        store.close()
        raise
    return store


def _to_update(path: Path) -> str:
    """What to do to read an older plan read-only: it needs updating, which is a write."""
    if is_writable(path):
        return (
            "Open it for editing once to update it (a backup is kept first); after that it "
            "can be opened read-only."
        )
    return (
        "It must be updated before it can be shown, which cannot be done where it is. Copy it "
        "to a folder you can write to and open the copy."
    )


def _remove_leftover_journal(store: PlanStore) -> None:
    """Delete a journal SQLite did not need, so it does not linger beside the plan.

    A save killed before it wrote anything leaves an empty journal, which SQLite ignores but
    never removes. Holding the write lock, nobody else can be using it.
    """
    journal = journal_path(store.path)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        with contextlib.suppress(OSError):
            journal.unlink()
        conn.commit()


def _prepare_for_editing(store: PlanStore, user_version: int, daily_backup: bool) -> None:
    """Back up (before an update, or once a day), migrate, and give old rows their revisions."""
    from lio_planner.store.sqlite import backup

    plan_uuid = backup.read_plan_uuid(store.path)
    if user_version < SCHEMA_VERSION:
        try:
            backup.take_backup(store.path, "before-update", plan_uuid)
        except backup.BackupFailed as exc:
            raise PlanFileError(
                store.path,
                "needs updating for this version of LIO Planner, but a backup could not be "
                f"made first ({exc.problem}), so it was left as it was.",
                "Check there is free space on this computer, then try again.",
            ) from None
        from lio_planner.store.sqlite.migrate import upgrade_to_head

        upgrade_to_head(store.engine)
    elif daily_backup:
        try:
            backup.take_daily_backup(store.path, plan_uuid)
        except backup.BackupFailed as exc:
            store.notices.append(f"Today's backup could not be made: {exc.message}")
    with plain_read.snapshot(store.path) as connection:
        if not plain_read.has_untracked_rows(connection):
            return  # the usual case, found without loading the ORM
    from lio_planner.store.tracking import track_untracked_rows

    with store.transaction(quiet_history=True) as session:
        track_untracked_rows(session)


def refresh_content(store: PlanStore, seed_file: Path) -> int:
    """Merge newer strategy content into the plan; return how many opportunities were added."""
    with plain_read.snapshot(store.path) as connection:
        digest = plain_read.seed_digest(connection)
    from lio_planner.store.seed import load_if_changed  # the seed's checks: only when due

    seed = load_if_changed(seed_file, digest)
    if seed is None:
        return 0
    from lio_planner.store.content import merge_seed

    with store.transaction() as session:
        return merge_seed(session, seed)


def create_plan(
    path: Path,
    organisation: str,
    title: str = "",
    period: str = "",
    seed_file: Path | None = None,
) -> PlanStore:
    """Make a new plan holding every opportunity, and open it.

    The file is built under a temporary name and renamed into place, so a half-made plan never
    appears under the user's chosen name.
    """
    from sqlalchemy.exc import SQLAlchemyError  # the new file is built through the ORM

    path = ensure_extension(Path(path).absolute())
    problem = name_problem(path, for_editing=True)
    if problem:
        raise PlanFileError(path, problem)
    if path.exists() or path.is_symlink():
        raise PlanFileError(path, "already exists.", "Choose another name, or open it instead.")
    if not path.parent.is_dir():
        raise PlanFileError(path, "cannot be created because its folder does not exist.")
    from lio_planner.store.seed import load_seed

    seed = load_seed(seed_file or seed_path())
    try:
        with write_whole(path, check=plan_problem) as temporary:
            _build_plan(temporary, organisation, title, period, seed)
    except WriteFailed as exc:
        raise PlanFileError(path, f"could not be created: {exc.reason}") from None
    except (PlanError, sqlite3.Error, SQLAlchemyError) as exc:
        # Errors about the hidden file it was built in speak of the plan the person named.
        reason = explain_sqlite_error(exc)
        raise PlanFileError(path, f"could not be created: {reason}") from None
    # A brand-new plan holds nothing worth a backup yet.
    return open_plan(path, seed_file=seed_file, daily_backup=False)


def _build_plan(path: Path, organisation: str, title: str, period: str, seed: Seed) -> None:
    from lio_planner.store.content import start_plan

    engine = make_engine(path, create=True)
    try:
        set_application_id(engine)
        from lio_planner.store.sqlite.migrate import upgrade_to_head

        upgrade_to_head(engine)
        store = PlanStore(path, engine)
        with store.transaction() as session:
            start_plan(session, organisation, title, period, seed)
    finally:
        engine.dispose()


def open_or_create(path: Path, organisation: str = "") -> PlanStore:
    """Open the plan at ``path``, creating it first if it does not exist yet (the default plan)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_plan(path, organisation).close()
    return open_plan(path)
