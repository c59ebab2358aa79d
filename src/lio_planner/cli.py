"""The ``lio-planner`` command: open the window, make a new plan, or export one headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lio_planner import __version__
from lio_planner.report.formats import FORMATS
from lio_planner.report.options import DEFAULT_COLUMNS, OPTIONAL_COLUMNS

if TYPE_CHECKING:
    from lio_planner.store.postgres.address import TeamAddress

COMMANDS = ("open", "new", "export", "next-period", "server")


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one plain line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"lio-planner: {message} (see lio-planner --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lio-planner",
        description=(
            "Plan your organisation's response to the Civil Society Strategy. "
            "With no command, opens the window on PLAN; with no PLAN either, on the plan you "
            "had open last (your own plan, made for you the first time)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="Linux: add LIO Planner to your desktop's menu and let plan files open in it",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser("open", help="open a plan in the window (the default command)")
    open_.add_argument(
        "plan",
        nargs="?",
        help="a .lioplan file, or a team plan's postgresql:// address (default: the plan you "
        "had open last)",
    )
    open_.add_argument("--read-only", action="store_true", help="open without allowing changes")

    new = commands.add_parser("new", help="create a new plan file")
    new.add_argument("plan", type=Path, help="the .lioplan file to create")
    new.add_argument("--org", required=True, help="your organisation's name")
    new.add_argument("--title", default="", help="the plan's title")
    new.add_argument("--period", default="", help="the period the plan covers, e.g. 2019–2021")
    new.add_argument(
        "--sample", action="store_true", help="fill the plan with an example response to try out"
    )
    new.add_argument(
        "--sample-actions",
        type=int,
        default=None,
        metavar="N",
        help="with --sample: make about N actions (for trying big plans)",
    )

    following = commands.add_parser(
        "next-period",
        help="start the next plan period from a plan: a new file; the old one is left as it is",
    )
    following.add_argument("plan", type=Path, help="the plan to carry on from (only read)")
    following.add_argument("new_plan", type=Path, metavar="NEW", help="the new .lioplan file")
    following.add_argument(
        "--period", required=True, help='the new period, e.g. "April 2028 to March 2030"'
    )
    following.add_argument(
        "--move-due-dates",
        type=int,
        default=0,
        metavar="MONTHS",
        help="move the open actions' due dates on by this many months (default: keep them)",
    )

    export = commands.add_parser("export", help="export a plan without opening the window")
    export.add_argument("plan", type=Path, help="the .lioplan file to export")
    export.add_argument(
        "--format",
        choices=[fmt.key for fmt in FORMATS],
        required=True,
        help="the kind of file: " + ", ".join(f"{fmt.key} ({fmt.label})" for fmt in FORMATS),
    )
    export.add_argument("--output", type=Path, required=True, help="where to write it")
    export.add_argument(
        "--group-by",
        choices=("theme", "owner", "status"),
        default="theme",
        help="how to group the plan (PDF and Word)",
    )
    export.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="paper size (PDF and Word)"
    )
    export.add_argument(
        "--landscape", action="store_true", help="turn the pages sideways (PDF and Word)"
    )
    export.add_argument(
        "--fields",
        default=",".join(c.option for c in DEFAULT_COLUMNS),
        metavar="LIST",
        help=(
            "the action fields to show, separated by commas, from: "
            f"{', '.join(c.option for c in OPTIONAL_COLUMNS)} (PDF and Word; default: "
            "%(default)s)"
        ),
    )
    export.add_argument(
        "--since",
        metavar="DATE",
        help=(
            "export the review report instead of the plan: what changed since DATE "
            "(e.g. 2026-09-01), or since the last review with 'last-review' (PDF and Word)"
        ),
    )
    export.add_argument(
        "--leave-out-set-aside",
        action="store_true",
        help="leave out the closing list of opportunities not being pursued (PDF and Word)",
    )
    export.add_argument(
        "--with-strategy",
        action="store_true",
        help=(
            "beside each opportunity, what the strategy says, its pages and its sources "
            "(PDF and Word)"
        ),
    )
    export.add_argument(
        "--leave-out-glossary",
        action="store_true",
        help="leave out the glossary of terms at the end (PDF and Word)",
    )
    _add_server_commands(commands)
    return parser


def _add_server_commands(commands: Any) -> None:
    server = commands.add_parser(
        "server",
        help="set up and fill a team plan on a PostgreSQL server (see the README)",
        description=(
            "ADDRESS is a postgresql:// URL, such as postgresql://ann@db.example.org/plans"
            "?plan=northshire. A password is asked for when the server wants one; libpq's "
            ".pgpass file, service file and PG* variables work as usual."
        ),
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="make the editor and viewer roles and a team plan (?plan=NAME, or 'plan')"
    )
    init.add_argument("address")
    init.add_argument("--org", default="", help="your organisation's name")
    login = actions.add_parser("add-login", help="make a login for a person (an editor)")
    login.add_argument("address")
    login.add_argument("login", help="their login name on the server")
    login.add_argument("--viewer", action="store_true", help="may read the plan, not change it")
    plans = actions.add_parser("plans", help="list the team plans the database holds")
    plans.add_argument("address")
    publish = actions.add_parser("publish", help="put a .lioplan file on the server")
    publish.add_argument("plan", type=Path, help="the .lioplan file")
    publish.add_argument("address", help="the server, with ?plan=NAME for the new team plan")
    save = actions.add_parser("save", help="save a team plan as a .lioplan file")
    save.add_argument("address")
    save.add_argument("plan", type=Path, help="the .lioplan file to write")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # "lio-planner PLAN" and plain "lio-planner" mean "open".
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list.insert(0, "open")
    args = build_parser().parse_args(args_list)
    try:
        if args.install_desktop:
            return _install_desktop()
        if args.command == "new":
            return _new(args)
        if args.command == "export":
            return _export(args)
        if args.command == "next-period":
            return _next_period(args)
        if args.command == "server":
            return _server(args)
        from lio_planner.store.postgres import is_team_address

        if args.plan is not None and is_team_address(args.plan):
            from lio_planner.app import run_team_window

            return run_team_window(_with_password_if_needed(args.plan), args.read_only)
        from lio_planner.app import run_window

        plan = Path(args.plan) if args.plan is not None else None
        return run_window(plan, read_only=args.read_only)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every failure becomes one plain line, never a traceback
        from lio_planner.errors import user_message

        print(f"lio-planner: {user_message(exc)}", file=sys.stderr)
        return 1


def _new(args: argparse.Namespace) -> int:
    from lio_planner.store.sqlite.opening import create_plan

    if args.sample_actions is not None and not args.sample:
        raise SystemExit("lio-planner: --sample-actions goes with --sample")
    store = create_plan(args.plan, args.org, args.title, args.period)
    try:
        if args.sample:
            from lio_planner.services.sample import fill_with_sample

            fill_with_sample(store, actions=args.sample_actions)
    finally:
        store.close()
    from lio_planner.store.names import one_line

    print(f"Created {one_line(str(store.path))}")
    return 0


def _next_period(args: argparse.Namespace) -> int:
    from lio_planner.services.identity import current_user
    from lio_planner.services.next_period import start_next_period
    from lio_planner.store.names import one_line
    from lio_planner.store.sqlite.opening import create_plan
    from lio_planner.store.sqlite.planfile import ensure_extension
    from lio_planner.store.sqlite.readable import open_for_reading

    if not args.period.strip():
        raise SystemExit("lio-planner: --period needs the new plan's period")
    made = start_next_period(
        args.plan,
        ensure_extension(args.new_plan.absolute()),
        args.period,
        args.move_due_dates,
        by=current_user(),
        read=open_for_reading,
        create=create_plan,
    )
    print(f"Created {one_line(str(made.path))}. {made.sentence()}")
    return 0


def _install_desktop() -> int:
    from lio_planner.desktop import data_home, install_desktop

    if sys.platform in ("win32", "darwin"):
        print(
            "lio-planner: --install-desktop is for Linux; on Windows and macOS the installer "
            "adds LIO Planner to the menu and registers plan files",
            file=sys.stderr,
        )
        return 2
    for warning in install_desktop():
        print(f"lio-planner: {warning}", file=sys.stderr)
    print(f"Installed the menu entry, icons and plan file type in {data_home()}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from lio_planner.report.exporting import export_plan
    from lio_planner.report.options import (
        GroupBy,
        Orientation,
        PageSize,
        ReportOptions,
        columns_from_names,
    )
    from lio_planner.store.names import one_line
    from lio_planner.store.sqlite.readable import open_for_reading

    try:
        columns = columns_from_names(args.fields.split(","))
    except ValueError as exc:
        raise SystemExit(f"lio-planner: {exc} (see lio-planner export --help)") from None
    options = ReportOptions(
        group_by=GroupBy(args.group_by),
        columns=columns,
        include_closing=not args.leave_out_set_aside,
        page_size=PageSize(args.paper),
        orientation=Orientation.LANDSCAPE if args.landscape else Orientation.PORTRAIT,
        include_strategy=args.with_strategy,
        include_glossary=not args.leave_out_glossary,
    )
    since = None
    if args.since is not None:
        from lio_planner.report.review_export import read_since

        since = read_since(args.since)
    # A plan from an older release, or one left mid-save, is read from a temporary copy.
    with open_for_reading(args.plan) as store:
        if args.since is not None:
            from lio_planner.report.review_export import export_review

            export_review(store, args.format, args.output, since, options=options)
        else:
            export_plan(store, args.format, args.output, options=options)
    print(f"Exported {one_line(str(args.output))}")
    return 0


def _server(args: argparse.Namespace) -> int:
    from lio_planner.store.postgres import admin
    from lio_planner.store.postgres.opening import open_team_plan, team_plans
    from lio_planner.store.postgres.transfer import publish_file

    address = _with_password_if_needed(args.address)
    command = args.server_command
    if command == "init":
        made = admin.init_server(address, args.org)
        done = "Made" if made.created else "Renewed the roles' access to"
        print(f"{done} team plan {made.plan!r}; roles lio_editor and lio_viewer are ready")
    elif command == "add-login":
        admin.add_login(address, args.login, viewer=args.viewer)
        role = "viewer" if args.viewer else "editor"
        print(f"Made login {args.login!r} as an {role}; set its password with \\password in psql")
    elif command == "plans":
        for name in team_plans(address):
            print(name)
    elif command == "publish":
        print(publish_file(args.plan, address).summary())
    else:
        store = open_team_plan(address, read_only=True, present=False)
        try:
            from lio_planner.store.postgres.transfer import save_as_file

            print(save_as_file(store, args.plan).summary())
        finally:
            store.close()
    return 0


def _with_password_if_needed(address: str) -> TeamAddress:
    """The address, with a password asked for (never stored) when the server wants one."""
    from lio_planner.store.postgres.address import TeamAddress
    from lio_planner.store.postgres.server import needs_password

    parsed = TeamAddress.parse(address)
    if not needs_password(parsed) or not sys.stdin.isatty():
        return parsed
    import getpass

    password = getpass.getpass(f"Password for {parsed.for_people()}: ")
    return TeamAddress(parsed.url.set(password=password), parsed.plan)
