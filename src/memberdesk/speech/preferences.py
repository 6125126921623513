"""The speech settings and pronunciation lexicon a profile asks for.

Profiles (memberdesk.access) hold voice, rate, volume and extra lexicon words. Reading
aloud must still work when the profile cannot be read, so problems come back as a
message beside sensible defaults rather than as an exception.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memberdesk.access.lexicon import Lexicon, LexiconError, load_lexicon
from memberdesk.speech.base import SpeechSettings


@dataclass
class SpeechPreferences:
    settings: SpeechSettings = field(default_factory=SpeechSettings)
    lexicon: Lexicon | None = None
    auto_read: bool = False
    problems: list[str] = field(default_factory=list)  # one line each, for the user


def profile_name(home: Path, name: str | None = None) -> str:
    """The profile in use: the one asked for, else $MEMBERDESK_PROFILE, else settings.toml's."""
    from memberdesk import config

    if name:
        return name
    chosen = os.environ.get(config.PROFILE_ENV, "").strip()
    if chosen:
        return chosen
    try:
        return config.load_settings(home).profile
    except config.SettingsError:
        return "standard"


def load_preferences(home: Path, name: str | None = None) -> SpeechPreferences:
    """Speech settings from the profile `name` (see profile_name), with the built-in lexicon."""
    from memberdesk.access.registry import ProfileNotFound, ProfileRegistry

    wanted = profile_name(home, name)
    try:
        speech = ProfileRegistry(home).get(wanted).speech
    except (ProfileNotFound, ValueError, OSError) as exc:  # ProfileError is a ValueError
        prefs = preferences_from(None)
        prefs.problems.insert(0, f"profile '{wanted}': {exc}; reading aloud uses the default voice and rate")
        return prefs
    return preferences_from(speech)


def reads_on_opening(home: Path, *, auto_read: bool) -> bool:
    """Whether a paper starts being read aloud as it opens (the app's reader and plain mode):
    the profile in use says so (`auto_read`), or the first run's "Read aloud to me" was chosen
    (`read_aloud = true` in settings.toml, whatever the profile)."""
    from memberdesk import config

    if auto_read:
        return True
    try:
        return config.load_settings(home).read_aloud
    except config.SettingsError:  # said where the settings are used; reading aloud waits for r
        return False


def preferences_from(speech: Any | None) -> SpeechPreferences:
    """Speech preferences from a profile's speech settings (None: the defaults)."""
    prefs = SpeechPreferences()
    extra: dict[str, str] = {}
    if speech is not None:
        prefs.settings = SpeechSettings(rate=speech.rate, volume=speech.volume, voice=speech.voice).clamped()
        prefs.auto_read = speech.auto_read
        extra = dict(speech.lexicon)
    try:
        prefs.lexicon = load_lexicon(extra=extra)
    except LexiconError as exc:
        prefs.problems.append(str(exc))
    return prefs
