"""memberdesk calendar --to FILE.ics: the followed committees' meetings as a calendar file;
every sync after that writes it again (the file is remembered in settings.toml)."""

from __future__ import annotations

import argparse
from pathlib import Path

from memberdesk import config
from memberdesk.commands import CommandError, Context, UsageError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "calendar",
        help="the followed meetings as an .ics calendar file, kept up to date by sync",
        description="Write every followed committee's meetings (with venue and a link to the papers) "
        "as an iCalendar file, on London time. The file is remembered (settings.toml: calendar) and "
        "every sync writes it again; --off forgets it.",
    )
    parser.add_argument("--to", metavar="FILE.ics", help="where to write the calendar")
    parser.add_argument("--off", action="store_true", help="stop updating the calendar file on sync")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.sync.calendar import CalendarError, write_calendar

    settings = ctx.settings()
    if args.off:
        if args.to:
            raise UsageError("give --to FILE.ics or --off, not both")
        settings.calendar = ""
        config.save_settings(ctx.home, settings)
        print("Sync no longer writes a calendar file.", file=ctx.out)
        return 0
    if not args.to:
        where = f"it writes {settings.calendar} on every sync" if settings.calendar else "no calendar file is written"
        raise UsageError(f"say where to write it: memberdesk calendar --to meetings.ics ({where})")
    path = Path(args.to).expanduser().resolve()
    if path.suffix.lower() != ".ics":
        raise UsageError(f"{args.to}: a calendar file's name ends .ics, e.g. meetings.ics")
    try:
        count = write_calendar(ctx.library(), path)
    except CalendarError as exc:
        raise CommandError(str(exc)) from None
    settings.calendar = str(path)
    config.save_settings(ctx.home, settings)
    print(f"Wrote {count} meeting{'s' if count != 1 else ''} to {path}; every sync updates it.", file=ctx.out)
    return 0
