"""Which profile is active for a run: one rule, shared by the CLI, the app and the plain mode.

The order, first match wins:

1. `--profile NAME` (the CLI passes it as `chosen`)
2. the MEMBERDESK_PROFILE environment variable
3. `--screen-reader` with nothing named above: the built-in "screen-reader" profile
4. `profile` in settings.toml (what `memberdesk profile use NAME` and the app's switcher save)
5. "standard"

`--screen-reader` together with a named profile keeps that profile's colours and layout but
forces the screen-reader behaviour on (cursor on focus, no animation or blinking, messages as
status-line text), so one flag is always enough to make the app speakable.

A name the person typed (1, 2) that does not exist is an error listing the names. A saved
choice (4) that no longer loads falls back to "standard" with a warning instead: a deleted
or damaged profile file must never stop a councillor opening their papers.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from memberdesk import config
from memberdesk.access.loading import ProfileError
from memberdesk.access.profile import Profile
from memberdesk.access.registry import ProfileNotFound, ProfileRegistry

DEFAULT_PROFILE = "standard"
SCREEN_READER_PROFILE = "screen-reader"

# How each source is named in messages and in `profile list`.
FROM_OPTION = "--profile"
FROM_ENV = config.PROFILE_ENV
FROM_SCREEN_READER = "--screen-reader"
FROM_SETTINGS = "settings"
FROM_DEFAULT = "default"


@dataclass(frozen=True)
class ActiveProfile:
    profile: Profile
    source: str  # one of the FROM_* names above
    warnings: tuple[str, ...] = ()  # say these once (the CLI on stderr, the app as a message)

    @property
    def name(self) -> str:
        return self.profile.name

    def describe_source(self) -> str:
        return {
            FROM_OPTION: "chosen with --profile for this run",
            FROM_ENV: f"chosen by {config.PROFILE_ENV} for this run",
            FROM_SCREEN_READER: "chosen by --screen-reader for this run",
            FROM_SETTINGS: "the saved choice",
            FROM_DEFAULT: "the default",
        }.get(self.source, self.source)


def with_screen_reader(profile: Profile) -> Profile:
    """The profile with screen-reader behaviour forced on (colours and layout kept)."""
    behaviour = replace(
        profile.behaviour, screen_reader=True, animations=False, cursor_blink=False, notifications="status"
    )
    return replace(profile, behaviour=behaviour)


def _named(registry: ProfileRegistry, name: str, source: str) -> Profile:
    try:
        return registry.get(name)
    except ProfileNotFound:
        how = "--profile" if source == FROM_OPTION else config.PROFILE_ENV
        raise ProfileNotFound(
            f"no profile called '{name}' (from {how}); the profiles are: {', '.join(registry.names())}"
        ) from None


def resolve_active_profile(
    home: Path,
    *,
    chosen: str | None = None,
    chosen_by: str = FROM_OPTION,
    screen_reader: bool = False,
    environ: Mapping[str, str] | None = None,
    registry: ProfileRegistry | None = None,
) -> ActiveProfile:
    """The active profile for a run, by the order in the module docstring.

    `chosen` is what the command line named (with `chosen_by` saying how); without it the
    environment is read. Raises ProfileNotFound (the message lists the names) or ProfileError
    for a profile the person named that is missing or broken.
    """
    environ = os.environ if environ is None else environ
    registry = registry or ProfileRegistry(home)
    if not chosen and environ.get(config.PROFILE_ENV, "").strip():
        chosen, chosen_by = environ[config.PROFILE_ENV].strip(), FROM_ENV
    warnings: list[str] = []
    if chosen:
        profile, source = _named(registry, chosen, chosen_by), chosen_by
    elif screen_reader:
        profile, source = registry.get(SCREEN_READER_PROFILE), FROM_SCREEN_READER
    else:
        profile, source = _saved_choice(home, registry, warnings)
    if screen_reader and not profile.behaviour.screen_reader:
        profile = with_screen_reader(profile)
    return ActiveProfile(profile, source, tuple(warnings))


def _saved_choice(home: Path, registry: ProfileRegistry, warnings: list[str]) -> tuple[Profile, str]:
    try:
        name = config.load_settings(home).profile
    except config.SettingsError as exc:
        warnings.append(f"{exc}; using the '{DEFAULT_PROFILE}' profile")
        return registry.get(DEFAULT_PROFILE), FROM_DEFAULT
    try:
        profile = registry.get(name)
    except (ProfileNotFound, ProfileError) as exc:
        first = str(exc).splitlines()[0]
        warnings.append(
            f"the saved profile '{name}' cannot be used ({first}); using '{DEFAULT_PROFILE}'."
            " Choose another with 'memberdesk profile use NAME'"
        )
        return registry.get(DEFAULT_PROFILE), FROM_DEFAULT
    return profile, FROM_SETTINGS if config.settings_path(home).exists() else FROM_DEFAULT


def save_choice(home: Path, name: str, registry: ProfileRegistry | None = None) -> Profile:
    """Make `name` the saved choice (settings.toml, written atomically). The profile is loaded
    first, so a missing or broken one is refused (ProfileNotFound / ProfileError) and nothing
    is written."""
    registry = registry or ProfileRegistry(home)
    profile = registry.get(name)
    settings = config.load_settings(home)
    settings.profile = profile.name
    config.save_settings(home, settings)
    return profile
