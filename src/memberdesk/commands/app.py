"""The full-screen app: `memberdesk` with no command, and `memberdesk open PATH|DOC`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from memberdesk.commands import CommandError, Context


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "open",
        help="open a paper in the reader (a PDF path is imported first)",
        description="Open a document in the reader: a document id from 'memberdesk library', or a "
        "PDF path, which is imported first (the first page shows while the rest is prepared).",
    )
    parser.add_argument("doc", metavar="PATH|DOC", help="document id or PDF path")
    parser.set_defaults(handler=run_open)


def _check_terminal(ctx: Context) -> None:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise CommandError(
            "the full-screen app needs a terminal; for pipes and screen readers use "
            "'memberdesk --plain', 'memberdesk read DOC' or 'memberdesk text DOC'"
        )


def run_default(args: argparse.Namespace, ctx: Context) -> int:
    # An unknown --profile is named before anything else; a warning (a bad settings.toml) is
    # said in plain mode, and shown on screen by the app.
    active = ctx.active_profile(say_warnings=bool(args.plain))
    if args.plain:
        from memberdesk.commands.read import run_plain

        return run_plain(args, ctx)
    _check_terminal(ctx)
    from memberdesk.sync.first_run import needs_setup

    # The first run asks its questions first, unless a profile was chosen for this run (support staff).
    return _run_app(ctx, active=active, first_run=ctx.profile is None and needs_setup(ctx.home))


def run_app(ctx: Context, **kwargs: object) -> int:
    """The app, for other commands (setup)."""
    _check_terminal(ctx)
    return _run_app(ctx, active=ctx.active_profile(), **kwargs)


def run_open(args: argparse.Namespace, ctx: Context) -> int:
    doc: str = args.doc
    active = ctx.active_profile(say_warnings=False)  # the app shows them on screen
    if doc.isdigit():
        if ctx.library().documents.get(int(doc)) is None:
            raise CommandError(f"no document {doc} in the library: 'memberdesk library' lists them")
        _check_terminal(ctx)
        return _run_app(ctx, open_document=int(doc), active=active)
    if not Path(doc).expanduser().is_file():
        raise CommandError(f"{doc}: no such file, and not a document id ('memberdesk library' lists them)")
    _check_terminal(ctx)
    return _run_app(ctx, open_path=doc, active=active)


def _run_app(ctx: Context, **kwargs: object) -> int:
    from memberdesk.ui.app import MemberdeskApp

    ctx.close()  # the app opens the library itself, in its own thread
    app = MemberdeskApp(ctx.home, **kwargs)  # type: ignore[arg-type]
    app.run()
    return app.return_code or 0
