"""The `memberdesk` subcommands, one module each.

Each module has `register(subparsers)` that adds its parser and sets `handler` to a
function `(args, ctx: Context) -> int`. The exit status follows DESIGN.md: 0 success,
1 when some input failed (each failure named on stderr), 2 bad usage.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from memberdesk import config

if TYPE_CHECKING:
    from memberdesk.access.active import ActiveProfile
    from memberdesk.library import Library


class UsageError(Exception):
    """Bad usage (exit status 2); the message says what to type instead."""


class CommandError(Exception):
    """The command could not do its work (exit status 1); the message names the thing."""


@dataclass
class Context:
    home: Path
    profile: str | None = None
    screen_reader: bool = False
    profile_from: str = "--profile"  # how `profile` was named: "--profile" or the environment variable
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _library: Library | None = None
    _active: ActiveProfile | None = None

    def library(self) -> Library:
        if self._library is None:
            from memberdesk.library import Library

            self._library = Library(self.home)
        return self._library

    def settings(self) -> config.Settings:
        return config.load_settings(self.home)

    def active_profile(self, *, say_warnings: bool = True) -> ActiveProfile:
        """The profile for this run (see memberdesk.access.active for the order). A name that
        does not exist is a CommandError listing the names; warnings go to stderr once
        (say_warnings=False: the full-screen app shows them on screen instead, where stderr
        would be hidden under it)."""
        from memberdesk.access.active import resolve_active_profile
        from memberdesk.access.loading import ProfileError
        from memberdesk.access.registry import ProfileNotFound

        if self._active is not None:
            return self._active  # resolved once a run, so its warnings are said once
        try:
            active = resolve_active_profile(
                self.home, chosen=self.profile, chosen_by=self.profile_from, screen_reader=self.screen_reader
            )
        except (ProfileNotFound, ProfileError) as exc:
            raise CommandError(str(exc)) from None
        for warning in active.warnings if say_warnings else ():
            self.fail(warning)
        self._active = active
        return active

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def fail(self, message: str) -> None:
        """One line on stderr naming what failed."""
        print(f"memberdesk: {message}", file=self.err)
