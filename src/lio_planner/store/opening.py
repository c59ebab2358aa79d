"""Create and open plan files, refusing anything unsafe before a single byte is written."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import select

from lio_planner.bundled import seed_path
from lio_planner.store.content import load_if_changed, merge_seed, stored_digest
from lio_planner.store.database import PlanStore, make_engine, set_application_id
from lio_planner.store.planfile import (
    SCHEMA_VERSION,
    PlanFileError,
    check_contents,
    ensure_extension,
    is_writable,
    journal_path,
    read_header,
    verify_connection,
)
from lio_planner.store.schema import PlanRecord
from lio_planner.store.seed import load_seed


def open_plan(path: Path, read_only: bool = False, seed_file: Path | None = None) -> PlanStore:
    """Open an existing plan file after checking it, migrating and refreshing content if due.

    A file this process cannot write is opened read-only rather than refused.
    """
    path = Path(path).absolute()
    header = read_header(path)
    had_hot_journal = journal_path(path).exists()
    check_contents(path)
    read_only = read_only or not is_writable(path)
    if read_only and had_hot_journal:
        raise PlanFileError(
            path,
            "was not closed properly and cannot be repaired while it is read-only.",
            "Copy it to a folder you can write to and open the copy.",
        )
    if read_only and header.user_version < SCHEMA_VERSION:
        raise PlanFileError(
            path,
            "was made by an older version of LIO Planner and needs updating, "
            "but it is read-only.",
            "Copy it to a folder you can write to and open the copy.",
        )

    engine = make_engine(path, read_only=read_only)
    store = PlanStore(path, engine, read_only=read_only)
    try:
        if had_hot_journal:
            # The read-write connection has just rolled the interrupted write back; check now.
            with engine.connect() as conn:
                verify_connection(path, conn.connection.dbapi_connection)  # type: ignore[arg-type]
        if not read_only:
            if header.user_version < SCHEMA_VERSION:
                from lio_planner.store.migrate import upgrade_to_head

                upgrade_to_head(engine)
            refresh_content(store, seed_file or seed_path())
    except BaseException:
        store.close()
        raise
    return store


def refresh_content(store: PlanStore, seed_file: Path) -> int:
    """Merge newer strategy content into the plan; return how many opportunities were added."""
    with store.reading() as session:
        digest = stored_digest(session)
    seed = load_if_changed(seed_file, digest)
    if seed is None:
        return 0
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
    path = ensure_extension(Path(path).absolute())
    if path.exists():
        raise PlanFileError(path, "already exists.", "Choose another name, or open it instead.")
    if not path.parent.is_dir():
        raise PlanFileError(path, "cannot be created because its folder does not exist.")
    seed = load_seed(seed_file or seed_path())
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    try:
        engine = make_engine(temporary)
        try:
            set_application_id(engine)
            from lio_planner.store.migrate import upgrade_to_head

            upgrade_to_head(engine)
            store = PlanStore(temporary, engine)
            with store.transaction() as session:
                session.add(
                    PlanRecord(
                        organisation=organisation.strip(),
                        title=title.strip() or "Civil Society Strategy action plan",
                        period=period.strip(),
                    )
                )
                session.flush()
                merge_seed(session, seed)
        finally:
            engine.dispose()
        os.replace(temporary, path)
    except OSError as exc:
        raise PlanFileError(path, f"could not be created ({exc.strerror or exc}).") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        with contextlib.suppress(FileNotFoundError):
            journal_path(temporary).unlink()
    return open_plan(path, seed_file=seed_file)


def open_or_create(path: Path, organisation: str = "") -> PlanStore:
    """Open the plan at ``path``, creating it first if it does not exist yet (the default plan)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_plan(path, organisation).close()
    return open_plan(path)


def plan_uuid(store: PlanStore) -> str:
    with store.reading() as session:
        return session.scalars(select(PlanRecord.uuid)).one()
