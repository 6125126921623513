"""The `memberdesk` command: parses arguments and hands over to a command module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from memberdesk import __version__, config
from memberdesk.commands import CommandError, Context, UsageError
from memberdesk.library.store import LibraryError

# One module per command group in memberdesk.commands; each registers its own parsers.
COMMAND_MODULES = [
    "app",
    "importing",
    "library",
    "councils",
    "sync",
    "text",
    "tables",
    "ocr",
    "read",
    "speak",
    "search",
    "notes",
    "paper",
    "next",
    "calendar",
    "printing",
    "setup",
    "profile",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit status 2 with a hint, as argparse does, but named
        self.print_usage(sys.stderr)
        print(f"memberdesk: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="memberdesk",
        description="Read council meeting papers your way. With no command, opens the app "
        "(the demo agenda pack while the library is empty).",
    )
    parser.add_argument("--version", action="version", version=f"memberdesk {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help=f"the library folder (default: ${config.HOME_ENV} or {config.library_home()})",
    )
    parser.add_argument(
        "--profile", metavar="NAME", help=f"accessibility profile for this run (or ${config.PROFILE_ENV})"
    )
    parser.add_argument(
        "--screen-reader", action="store_true", help="screen-reader mode: cursor on focus, no decoration"
    )
    parser.add_argument("--plain", action="store_true", help="the line-by-line interface instead of the full screen")
    parser.set_defaults(handler=None)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"memberdesk.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    import os

    ctx = Context(
        home=config.library_home(args.library),
        profile=args.profile or os.environ.get(config.PROFILE_ENV) or None,
        screen_reader=args.screen_reader,
        profile_from="--profile" if args.profile else config.PROFILE_ENV,
    )
    handler = args.handler
    if handler is None:
        from memberdesk.commands.app import run_default

        handler = run_default
    try:
        if ctx.profile:
            # Every command refuses a profile that does not exist, listing the names, even one
            # that paints nothing (text, sync): a typo in a script should not pass unseen.
            ctx.active_profile()
        return int(handler(args, ctx) or 0)
    except UsageError as exc:
        ctx.fail(str(exc))
        return 2
    except (CommandError, config.SettingsError, LibraryError) as exc:
        ctx.fail(str(exc))
        return 1
    except KeyboardInterrupt:
        ctx.fail("stopped")
        return 130
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        ctx.close()
