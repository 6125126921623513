"""The `memberdesk` command: parses arguments and hands over to a command module."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from memberdesk import __version__, config
from memberdesk.commands import CommandError, Context, UsageError
from memberdesk.commands.stopping import STOPPED
from memberdesk.library.store import LibraryError

# Each command's module in memberdesk.commands; a module registers its own parsers. Only the
# module of the command asked for is imported: every module imported costs start-up time, and a
# councillor's script or a screen reader waits for it (tests/unit/test_cli_commands.py keeps this
# table true to what the modules register).
COMMANDS = {
    "open": "app",
    "import": "importing",
    "library": "library",
    "council": "councils",
    "committees": "councils",
    "follow": "councils",
    "unfollow": "councils",
    "sync": "sync",
    "text": "text",
    "tables": "tables",
    "ocr": "ocr",
    "read": "read",
    "speak": "speak",
    "search": "search",
    "reindex": "search",
    "notes": "notes",
    "paper": "paper",
    "next": "next",
    "calendar": "calendar",
    "print": "printing",
    "setup": "setup",
    "profile": "profile",
}
COMMAND_MODULES = list(dict.fromkeys(COMMANDS.values()))
# Global options that take a value, so the word after them is not the command.
_VALUE_OPTIONS = ("--library", "--profile")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit status 2 with a hint, as argparse does, but named
        self.print_usage(sys.stderr)
        print(f"memberdesk: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(2)


def modules_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules needed to parse argv: the named command's alone, or all for help and
    for a word that is no command (so the message lists them all); no command opens the app."""
    words = list(sys.argv[1:] if argv is None else argv)
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in _VALUE_OPTIONS:
            skip = True
        elif word in ("-h", "--help"):
            return COMMAND_MODULES
        elif not word.startswith("-"):
            return [COMMANDS[word]] if word in COMMANDS else COMMAND_MODULES
    return ["app"]


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
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
    for name in modules:
        importlib.import_module(f"memberdesk.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(modules_for(argv))
    args = parser.parse_args(argv)

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
        return STOPPED
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        ctx.close()


def run() -> NoReturn:
    """The `memberdesk` program. Once the command has finished and said so, a stop (Ctrl+C,
    SIGTERM, SIGHUP) that comes while Python shuts down (threads joined, files closed) ends the
    process at once with the command's own exit status: the work is done and kept, so it is not
    reported as killed, and a slow shutdown can still be stopped."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away: nothing more to say to it

    if code == STOPPED:
        # Stopped: the command's own clean-up has run (workers killed, what was finished kept,
        # the library closed). Python's exit would join the killed worker pool's manager thread,
        # which can hang for good (CPython #83386): end now.
        os._exit(code)

    def finished(signum: int, frame: object) -> None:
        os._exit(code)

    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, finished)
    raise SystemExit(code)
