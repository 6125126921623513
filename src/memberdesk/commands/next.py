"""memberdesk next [--json]: meeting day: what is new since you last opened it, today's and the
next meetings, then the past (the same order as the app and plain mode)."""

from __future__ import annotations

import argparse
import json

from memberdesk.commands import Context
from memberdesk.library.meeting_words import day_json, day_lines, last_sync_words


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "next",
        help="meeting day: the next meetings and what is new since you last opened it",
        description="The followed committees' meetings, today's and the next first (today, tomorrow, "
        "in 5 days, on London's clock), with the papers new or updated since you last opened them "
        "listed first; then the latest past meetings. --json prints the shape documented in the README.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--past", type=int, default=5, metavar="N", help="how many past meetings to list (5)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library()
    day = library.meeting_day()
    last = library.sync_runs.last()
    if args.json:
        data = day_json(day)
        data["last_sync"] = (
            None
            if last is None
            else {
                "ran_at": last.ran_at,
                "new": last.new,
                "updated": last.updated,
                "failed": last.failed,
                "cancelled": last.cancelled,
                "summary": last.summary,
            }
        )
        print(json.dumps(data, indent=2, ensure_ascii=False), file=ctx.out)
        return 0
    lines = day_lines(day, past=max(0, args.past))
    lines.insert(1, last_sync_words(last))
    for line in lines:
        print(line, file=ctx.out)
    return 0
