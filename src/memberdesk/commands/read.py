"""memberdesk read DOC [--page P] and memberdesk --plain: the line-by-line interface."""

from __future__ import annotations

import argparse

from memberdesk.commands import Context
from memberdesk.commands.documents import resolve


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "read",
        help="read a paper line by line (for screen readers and braille displays)",
        description="Read a paper in the plain, line-by-line interface: ordinary lines out, one "
        "command per line in (n next paragraph, p previous, r repeat, g page, c contents, f find, "
        "h help, q quit). Works with any screen reader or braille display, in a pipe, or over SSH.",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--page", metavar="P", help="start at this page (its printed number)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.plain.session import PlainSession

    doc = resolve(ctx, args.doc)
    return PlainSession(ctx.library(), ctx.out).run(doc.id, args.page)


def run_plain(args: argparse.Namespace, ctx: Context) -> int:
    """memberdesk --plain: the library, then whatever the reader opens."""
    import sys

    from memberdesk.plain.session import PlainSession
    from memberdesk.sync.first_run import needs_setup

    # The first run asks its questions first on a terminal (a pipe asks for them: memberdesk setup).
    if ctx.profile is None and sys.stdin.isatty() and needs_setup(ctx.home):
        from memberdesk.plain.setup import PlainSetup

        PlainSetup(ctx.library(), out=ctx.out).run()
    return PlainSession(ctx.library(), ctx.out).run()
