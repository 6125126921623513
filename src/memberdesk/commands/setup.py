"""memberdesk setup: the first run's questions (how to read, your council, your committees,
then the first sync), in the app on a terminal, or as questions and answers with --plain or
through a pipe. Offered on its own the first time memberdesk starts (no settings.toml, no council)."""

from __future__ import annotations

import argparse
import sys

from memberdesk.commands import Context


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "setup",
        help="set memberdesk up: how you read, your council, your committees",
        description="Three questions, each skippable: how you would like to read (each profile shown "
        "on a real paragraph), your council (its name or any address from its website), and the "
        "committees you sit on; then the first sync. In the app on a terminal (F3 there too); as "
        "questions and answers with --plain or when not on a terminal.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.plain or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return run_plain_setup(ctx)
    from memberdesk.commands.app import run_app

    return run_app(ctx, first_run=True)


def run_plain_setup(ctx: Context) -> int:
    from memberdesk.plain.setup import PlainSetup

    return PlainSetup(ctx.library(), out=ctx.out).run()
