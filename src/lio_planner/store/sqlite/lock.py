"""Who has a plan open for editing: a small lock file beside the plan, as LibreOffice does.

The lock file names the person, the computer, the process and when they opened the plan, and
the app rewrites its heartbeat every minute while the plan stays open. Because it is a file
beside the plan, it travels with the plan through a shared network folder or a synced folder,
so a colleague opening the plan there sees who has it.

A lock is *stale* when its holder has certainly gone (a process on this computer that no longer
runs, or a computer restarted since) or has shown no sign of life for a long time. A holder
that has certainly gone is replaced without asking, because nobody can be affected. Any other
stale lock, and every lock from another computer, is never broken silently: the person opening
the plan is told who has it and chooses whether to take over.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lio_planner.store import problems
from lio_planner.store.sqlite.machine import (
    boot_id,
    machine_name,
    process_alive,
    process_started,
    user_name,
)
from lio_planner.store.sqlite.planfile import PlanFileError
from lio_planner.store.writing import temporary_beside

# How often an open plan's lock is refreshed, and how long without a refresh makes it stale.
# Generous, because a synced folder may take minutes to carry the refreshed file to others.
STALE_AFTER = timedelta(minutes=10)

_FORMAT = 1


def lock_path(plan: Path) -> Path:
    """The lock file beside ``plan``: LibreOffice's naming, which people on shared drives know."""
    return plan.with_name(f".~lock.{plan.name}#")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about who holds the plan."""

    user: str
    machine: str
    pid: int
    since: datetime  # UTC
    heartbeat: datetime  # UTC
    token: str  # identifies one opening, so a holder can tell its lock from a successor's
    boot: str = ""  # this boot of the computer (Linux), so a lock from before a restart is stale
    started: str = ""  # when the process started (Linux), so a reused process number is not alive

    def to_json(self) -> str:
        data = asdict(self)
        data["since"] = self.since.isoformat()
        data["heartbeat"] = self.heartbeat.isoformat()
        data["format"] = _FORMAT
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> LockInfo:
        data = json.loads(raw)
        return cls(
            user=str(data.get("user") or "someone"),
            machine=str(data.get("machine") or "another computer"),
            pid=int(data.get("pid") or 0),
            since=_parse_time(data.get("since")),
            heartbeat=_parse_time(data.get("heartbeat") or data.get("since")),
            token=str(data.get("token") or ""),
            boot=str(data.get("boot") or ""),
            started=str(data.get("started") or ""),
        )

    @property
    def on_this_machine(self) -> bool:
        return self.machine.casefold() == machine_name().casefold()

    def holder_gone(self) -> str:
        """Why the holder has certainly gone (on this computer only); empty if it may be live."""
        if not self.on_this_machine:
            return ""
        if self.boot and boot_id() and self.boot != boot_id():
            return "This computer has been restarted since it was opened."
        if not process_alive(self.pid, self.started):
            return "The LIO Planner that opened it is no longer running."
        return ""

    def stale_reason(
        self, now: datetime | None = None, stale_after: timedelta = STALE_AFTER
    ) -> str:
        """Why the lock no longer protects anyone, in words; empty while its holder may be live."""
        now = now or _utc_now()
        gone = self.holder_gone()
        if gone:
            return gone
        quiet_for = now - self.heartbeat
        if quiet_for > stale_after:
            minutes = round(quiet_for.total_seconds() / 60)
            return f"It has shown no sign of being in use for {_duration(minutes)}."
        return ""

    def describe(self, now: datetime | None = None) -> str:
        """'In use by Sam on CVS-LAPTOP-2 since 10:42', in local time."""
        return f"In use by {self.user} on {self.machine} since {_when(self.since, now)}"


class PlanInUse(problems.PlanInUse, PlanFileError):
    """Someone else has the plan file open for editing: its lock file names them."""

    holder: LockInfo

    def __init__(self, path: Path, holder: LockInfo, stale: str = "") -> None:
        # ``stale``: why the lock may be taken over; empty when it may not.
        if holder.on_this_machine and holder.user == user_name() and not stale:
            problem = "is already open in another LIO Planner window on this computer."
            advice = "Switch to that window, or open this one read-only."
        else:
            problem = f"is in use by {holder.user} on {holder.machine} since {_when(holder.since)}."
            advice = "You can open it read-only and see their changes as they save them."
            if stale:
                advice = f"{stale} You can open it read-only, or take it over."
        super().__init__(path, holder, problem, advice, stale)


class LockFailed(PlanFileError):
    """The lock file could not be written, so the plan is not safe to edit here."""


class PlanLock:
    """This app's claim on one plan file, held from opening to closing."""

    def __init__(self, plan: Path, info: LockInfo) -> None:
        self.plan = plan
        self.path = lock_path(plan)
        self.info = info
        self.released = False
        self.shares = 1

    @classmethod
    def _held(cls, plan: Path, info: LockInfo) -> PlanLock:
        lock = cls(plan, info)
        _HELD[_registry_key(plan)] = lock
        return lock

    @classmethod
    def claim(
        cls, plan: Path, take_over: LockInfo | None = None, stale_after: timedelta = STALE_AFTER
    ) -> PlanLock:
        """Claim ``plan`` for editing, or raise :class:`PlanInUse` with the holder's details.

        ``take_over`` is the holder the person saw and agreed to replace; it is replaced only if
        it is still that same lock and still stale (the holder may have come back meanwhile).
        """
        plan = Path(plan)
        shared = _HELD.get(_registry_key(plan))
        if shared is not None and shared.is_held():
            # The same plan opened twice in this process shares one claim (the app itself
            # opens a plan once; tests and scripts may open it again).
            shared.shares += 1
            return shared
        mine = _new_info()
        for _attempt in range(5):
            if _create_exclusive(lock_path(plan), mine):
                return cls._held(plan, mine)
            holder = read_lock(plan)
            if holder is None:
                continue  # released between our attempt and the read: try again
            stale = holder.stale_reason(stale_after=stale_after)
            certain = bool(holder.holder_gone())
            agreed = take_over is not None and take_over.token == holder.token and stale
            if not (certain or agreed):
                raise PlanInUse(plan, holder, stale)
            try:
                replaced = _replace_if_unchanged(plan, holder, mine)
            except OSError as exc:
                raise LockFailed(
                    plan, f"could not be taken over ({exc.strerror or exc})."
                ) from None
            if replaced:
                return cls._held(plan, mine)
        raise LockFailed(plan, "could not be opened for editing because its lock kept changing.")

    def refresh(self) -> bool:
        """Renew the heartbeat; False when the plan has been taken over by someone else.

        A lock file removed by someone (or by a sync client) is written again.
        """
        if self.released:
            return False
        current = read_lock(self.plan)
        if current is None:
            self.info = _with_heartbeat(self.info)
            return _create_exclusive(self.path, self.info) or self._still_mine()
        if current.token != self.info.token:
            return False
        self.info = _with_heartbeat(self.info)
        try:
            _write_atomically(self.path, self.info)
        except OSError:
            return True  # a missed heartbeat is harmless; the next one will try again
        return True

    def confirm(self) -> bool:
        """Check, before a save, that the plan has not been taken over; rewrite a lost file."""
        if self.released:
            return False
        current = read_lock(self.plan)
        if current is None:
            return _create_exclusive(self.path, self.info) or self._still_mine()
        return current.token == self.info.token

    def _still_mine(self) -> bool:
        current = read_lock(self.plan)
        return current is not None and current.token == self.info.token

    def is_held(self) -> bool:
        """Whether the lock file still names this opening."""
        return not self.released and self._still_mine()

    def release(self) -> None:
        """Remove the lock file, unless it now belongs to someone who took over."""
        if self.released:
            return
        self.shares -= 1
        if self.shares > 0:
            return
        self.released = True
        if _HELD.get(_registry_key(self.plan)) is self:
            del _HELD[_registry_key(self.plan)]
        if self._still_mine():
            with contextlib.suppress(FileNotFoundError, PermissionError):
                self.path.unlink()


_HELD: dict[str, PlanLock] = {}


def _registry_key(plan: Path) -> str:
    return os.path.normcase(str(Path(plan).absolute()))


def read_lock(plan: Path) -> LockInfo | None:
    """The lock beside ``plan``, or None when nobody holds it."""
    path = lock_path(Path(plan))
    for _attempt in range(8):
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError:
            raw = ""
        try:
            return LockInfo.from_json(raw)
        except (ValueError, TypeError, AttributeError):
            time.sleep(0.025)  # being written this moment by the creator's fallback path
    # Unreadable for good: treat it as held by an unknown person, never as free.
    return LockInfo("someone", "another computer", 0, _utc_now(), _mtime(path), token="")


def _mtime(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0)
    except OSError:
        return _utc_now()


def _new_info() -> LockInfo:
    now = _utc_now()
    return LockInfo(
        user=user_name(),
        machine=machine_name(),
        pid=os.getpid(),
        since=now,
        heartbeat=now,
        token=_new_token(),
        boot=boot_id(),
        started=process_started(os.getpid()),
    )


def _with_heartbeat(info: LockInfo) -> LockInfo:
    return LockInfo(
        info.user,
        info.machine,
        info.pid,
        info.since,
        _utc_now(),
        info.token,
        info.boot,
        info.started,
    )


def _create_exclusive(path: Path, info: LockInfo) -> bool:
    """Create the lock file with its full contents in one step; False if it already exists.

    Writing a temporary file and hard-linking it into place means nobody ever reads a
    half-written lock. Drives without hard links (FAT USB sticks) fall back to O_EXCL.
    """
    temporary = temporary_beside(path)  # short: the lock's own name may be long
    try:
        _write_file(temporary, info)
        try:
            os.link(temporary, path)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass
    except OSError as exc:
        raise LockFailed(
            path, f"could not be written ({exc.strerror or exc}), so the plan was not opened."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        raise LockFailed(
            path, f"could not be written ({exc.strerror or exc}), so the plan was not opened."
        ) from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(info.to_json())
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _replace_if_unchanged(plan: Path, holder: LockInfo, mine: LockInfo) -> bool:
    """Take over a stale lock: replace it in one step, then check no-one else did the same."""
    current = read_lock(plan)
    if current is None or current.token != holder.token:
        return False
    _write_atomically(lock_path(plan), mine)
    time.sleep(0.05)  # let a simultaneous taker's replace land, so the check below sees it
    final = read_lock(plan)
    return final is not None and final.token == mine.token


def _write_atomically(path: Path, info: LockInfo) -> None:
    temporary = temporary_beside(path)  # short: the lock's own name may be long
    try:
        _write_file(temporary, info)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _write_file(path: Path, info: LockInfo) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(info.to_json())
        handle.flush()
        os.fsync(handle.fileno())


def _parse_time(value: object) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return _utc_now()
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _when(moment: datetime, now: datetime | None = None) -> str:
    """A time as people say it: '10:42' today, 'Tuesday 10:42' this week, else '3 March 10:42'."""
    local = moment.astimezone()
    today = (now or _utc_now()).astimezone().date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return clock
    if 0 < (today - local.date()).days < 7:
        return f"{local.strftime('%A')} {clock}"
    return f"{local.day} {local.strftime('%B')} {clock}"


def _duration(minutes: int) -> str:
    if minutes < 120:
        return f"{minutes} minutes"
    hours = round(minutes / 60)
    if hours < 48:
        return f"{hours} hours"
    return f"{round(hours / 24)} days"


def _new_token() -> str:
    import uuid  # here: only a claim needs a token, and reading a plan makes none

    return str(uuid.uuid4())
