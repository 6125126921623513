"""memberdesk sync: bring the followed committees' papers into the library."""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from memberdesk.commands import CommandError, Context, UsageError
from memberdesk.commands.stopping import STOPPED, stop_asks_first
from memberdesk.sync.report import SyncProgress, SyncReport, Throttle


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="fetch the papers of followed committees into the library",
        description="Fetch the meetings of followed committees (from 30 days ago to 90 days "
        "ahead unless --from/--to say otherwise), their agenda items and every public paper, "
        "into the library. Changed papers are kept as a new version marked 'updated'; papers "
        "that arrive later are marked 'new'. A repeat sync downloads nothing that has not "
        "changed. Ctrl+C stops cleanly. Exit status 1 when anything failed (each named).",
    )
    parser.add_argument(
        "council", nargs="?", metavar="COUNCIL", help="only this council (its id, or part of its name or address)"
    )
    parser.add_argument("--from", dest="from_date", metavar="DATE", help="first day (YYYY-MM-DD or dd/mm/yyyy)")
    parser.add_argument("--to", dest="to_date", metavar="DATE", help="last day (YYYY-MM-DD or dd/mm/yyyy)")
    parser.add_argument(
        "--meeting",
        type=int,
        metavar="ID",
        help="only this meeting (its id in `memberdesk library --json`), every paper checked",
    )
    parser.add_argument(
        "--recheck", action="store_true", help="ask about every paper, even those checked in the last hour"
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help="if another sync of this library is running, wait for it to finish (else say so and exit 1)",
    )
    parser.add_argument(
        "--schedule",
        choices=("daily", "hourly", "off"),
        help="sync on its own: a systemd user timer (the crontab line where systemd is not running); off removes it",
    )
    parser.set_defaults(handler=run)


def _date(text: str | None, what: str) -> date | None:
    from memberdesk.dates import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise UsageError(f"{what}: {error}") from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.library import SyncBusy
    from memberdesk.sync.following import MatchError, find_council
    from memberdesk.sync.syncer import Syncer

    if args.schedule:
        return _schedule(args, ctx)
    start, end = _date(args.from_date, "--from"), _date(args.to_date, "--to")
    if start and end and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    library = ctx.library()
    if not library.councils.all():
        raise CommandError("no council has been added yet: memberdesk council add URL")
    councils = None
    if args.council:
        try:
            councils = [find_council(library, args.council)]
        except MatchError as error:
            raise CommandError(str(error)) from None
    if args.meeting is not None and library.councils.meeting(args.meeting) is None:
        raise CommandError(f"there is no meeting {args.meeting} in the library (memberdesk library --json lists them)")
    cancel = threading.Event()
    # To the last line said: a stop as the run ends is then no kill (the summary is said).
    with stop_asks_first(cancel):
        with (
            _reporter(ctx) as progress,
            Syncer(library, progress=progress, cancel=cancel, wait_for_lock=args.wait) as syncer,
        ):
            try:
                report = syncer.run(
                    councils, from_date=start, to_date=end, meeting_id=args.meeting, recheck=args.recheck
                )
            except SyncBusy as busy:
                raise CommandError(str(busy)) from None
        return _said(report, ctx)


def _said(report: SyncReport, ctx: Context) -> int:
    """The run's notes, failures and summary; the exit status."""
    for note in report.notes:
        print(f"note: {note}", file=ctx.err)
    for failure in report.failures:
        ctx.fail(str(failure))
    print(report.summary(), file=ctx.out)
    if report.calendar:
        print(report.calendar, file=ctx.out)
    if report.disk_full:
        ctx.fail(report.disk_full_line())
        return 1
    if report.cancelled:
        ctx.fail("sync stopped before the end; what arrived is kept, the rest comes next time")
        return STOPPED
    return 1 if report.failures else 0


def _schedule(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.sync.schedule import schedule

    if args.council or args.from_date or args.to_date or args.meeting is not None or args.recheck:
        raise UsageError("--schedule syncs every followed committee: give it alone")
    if args.schedule != "off" and not ctx.library().councils.all():
        raise CommandError("no council has been added yet: memberdesk council add URL, then --schedule")
    try:
        result = schedule(ctx.home, args.schedule)
    except OSError as exc:
        raise CommandError(f"the timer cannot be written ({exc.strerror or exc})") from None
    for line in result.lines:
        print(line, file=ctx.out)
    return 0


@contextmanager
def _reporter(ctx: Context) -> Iterator[Callable[[SyncProgress], None]]:
    """A rich bar on a terminal; text lines, at most one a second, for screen readers and pipes."""
    from rich.console import Console  # only now: a command that does not sync need not load it
    from rich.progress import BarColumn, Progress, TextColumn

    console = Console(file=ctx.err)
    if console.is_terminal and not ctx.screen_reader and not console.is_dumb_terminal:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[words]}"),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("Reading agendas", total=None, words="")

            def update(event: SyncProgress) -> None:
                if event.stage == "done":
                    return
                bar.update(
                    task,
                    description=event.text(),
                    completed=event.done,
                    total=event.total or None,
                    words=event.message if event.stage == "papers" else "",
                )

            yield update
        return

    def line(event: SyncProgress) -> None:
        if event.stage != "done" and (event.total or event.stage == "papers"):
            print(event.text(), file=ctx.err, flush=True)

    yield Throttle(line)
