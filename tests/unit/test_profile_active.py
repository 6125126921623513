"""The one rule for the active profile: --profile > MEMBERDESK_PROFILE > --screen-reader > saved > standard."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk import config
from memberdesk.access.active import resolve_active_profile, save_choice
from memberdesk.access.registry import ProfileNotFound


def test_the_order(home: Path) -> None:
    assert resolve_active_profile(home, environ={}).source == "default"
    assert resolve_active_profile(home, environ={}).name == "standard"
    save_choice(home, "dyslexia")
    saved = resolve_active_profile(home, environ={})
    assert (saved.name, saved.source) == ("dyslexia", "settings")
    reader = resolve_active_profile(home, environ={}, screen_reader=True)
    assert (reader.name, reader.source) == ("screen-reader", "--screen-reader")
    env = {"MEMBERDESK_PROFILE": "yellow-on-black"}
    assert resolve_active_profile(home, environ=env).name == "yellow-on-black"
    assert resolve_active_profile(home, environ=env).source == "MEMBERDESK_PROFILE"
    chosen = resolve_active_profile(home, chosen="large-layout", environ=env)
    assert (chosen.name, chosen.source) == ("large-layout", "--profile")


def test_screen_reader_forces_the_behaviour_on_a_named_profile(home: Path) -> None:
    active = resolve_active_profile(home, chosen="dyslexia", environ={}, screen_reader=True)
    b = active.profile.behaviour
    assert active.name == "dyslexia" and active.profile.layout.ruler == "three"
    assert (b.screen_reader, b.animations, b.cursor_blink, b.notifications) == (True, False, False, "status")


def test_an_unknown_named_profile_is_an_error(home: Path) -> None:
    with pytest.raises(ProfileNotFound, match="from MEMBERDESK_PROFILE.*the profiles are: standard"):
        resolve_active_profile(home, environ={"MEMBERDESK_PROFILE": "nosuch"})


def test_a_saved_choice_that_went_away_falls_back_with_a_warning(home: Path) -> None:
    settings = config.Settings(profile="deleted-one")
    config.save_settings(home, settings)
    active = resolve_active_profile(home, environ={})
    assert active.name == "standard" and active.source == "default"
    assert "the saved profile 'deleted-one' cannot be used" in active.warnings[0]


def test_a_damaged_settings_file_falls_back_with_a_warning(home: Path) -> None:
    home.mkdir(parents=True)
    config.settings_path(home).write_text("profile = [", encoding="utf-8")
    active = resolve_active_profile(home, environ={})
    assert active.name == "standard" and "cannot be read" in active.warnings[0]


def test_save_choice_refuses_an_unknown_name_and_writes_nothing(home: Path) -> None:
    with pytest.raises(ProfileNotFound):
        save_choice(home, "nosuch")
    assert not config.settings_path(home).exists()
