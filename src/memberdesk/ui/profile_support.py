"""Applying the active accessibility profile to the running app, at once and everywhere.

`ProfileSupport` is mixed into MemberdeskApp so app.py only calls `init_profiles()` and
`apply_profile()`; everything a profile changes in the UI is here:

- colours: a Textual Theme built from `theme_values(profile)` (or the terminal palette when
  the terminal has too few colours and the profile asks for it, and always under NO_COLOR)
- keys: `App.set_keymap(profile.keymap)`; help and the palette read the same keymap
- animation level, and cursor blink on every Input/TextArea as it gains focus
- messages: always one line of text at the bottom of the screen (`MessageLine`), never a toast
  over the page; "toast" profiles have it clear itself after a while, "status" ones keep it
- the reading layout of every PageView (and of any PageView created later)
- screen-reader mode: the app gets the class `-screen-reader` (no decoration, see the tcss)
- speech: voice, rate, volume and pronunciations, from the next sentence read aloud
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.theme import Theme

from memberdesk import config
from memberdesk.access.active import FROM_DEFAULT, FROM_SETTINGS, ActiveProfile, resolve_active_profile, save_choice
from memberdesk.access.depth import DepthReport, depth_report, detect_depth
from memberdesk.access.profile import Layout, Profile
from memberdesk.access.registry import ProfileRegistry
from memberdesk.access.theme import app_settings, md_variable_defaults, theme_values
from memberdesk.ui.speech_service import SpeechService
from memberdesk.ui.widgets.message_line import MessageLine, message_text
from memberdesk.ui.widgets.page_view import PageView

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    _Base = App[None]
else:
    _Base = object


def shown_profile(profile: Profile, report: DepthReport) -> Profile:
    """The profile whose colours are painted: the terminal palette when the depth report says so."""
    if report.use_terminal_palette and not profile.uses_terminal_palette:
        return replace(profile, colours=replace(profile.colours, palette="terminal"))
    return profile


TOAST_SECONDS = 8.0  # how long a "toast" profile keeps a message on the line


class StatusMessage(Message):
    """A message for the status line (posted, so notify stays safe to call from any thread)."""

    def __init__(self, text: str, timeout: float | None = None) -> None:
        super().__init__()
        self.text = text
        self.timeout = timeout


class ProfileSupport(_Base):
    """Mixed into MemberdeskApp (before App in the bases)."""

    profile_registry: ProfileRegistry
    active_profile: ActiveProfile
    page_layout: Layout
    depth: DepthReport
    messages: list[str]
    speech: SpeechService

    def init_profiles(self, home: Path, active: ActiveProfile | None) -> None:
        self._profile_home = home
        self.profile_registry = ProfileRegistry(home)
        self.active_profile = active or resolve_active_profile(home, registry=self.profile_registry)
        self.page_layout = Layout()
        self.messages = []  # every message shown, newest last (the plain mode and tests read it)
        self._status_messages = False
        self._default_animation_level = self.animation_level  # TEXTUAL_ANIMATIONS, kept for "on"

    # -- applying ----------------------------------------------------------------------------
    def apply_profile(self, profile: Profile, source: str | None = None) -> None:
        """Make `profile` the active one now: colours, keys, behaviour and layout, everywhere."""
        self.active_profile = ActiveProfile(profile, source or self.active_profile.source)
        self._apply_colours(profile)
        settings = app_settings(profile)
        self.set_keymap(settings["keymap"])
        self.animation_level = "none" if settings["animation_level"] == "none" else self._default_animation_level
        self._apply_cursor_blink(settings["cursor_blink"])
        self._apply_notifications(settings["notifications"] == "status")
        self.set_class(bool(settings["screen_reader"]), "-screen-reader")
        self._apply_layout(profile.layout)
        self.speech.follow_profile(profile.speech)

    def _apply_colours(self, profile: Profile) -> None:
        depth, no_color = detect_depth(os.environ)
        self.depth = depth_report(profile, depth, no_color=no_color)
        theme = Theme(**theme_values(shown_profile(profile, self.depth)))
        self.register_theme(theme)
        if self.theme == theme.name:
            # The same name with new colours (an edited profile): re-run the theme watcher.
            from textual.app import App

            self.mutate_reactive(App.theme)
        else:
            self.theme = theme.name
        self._use_plain_no_color_filter()

    def _use_plain_no_color_filter(self) -> None:
        # Textual picks its NO_COLOR filter once, from the theme the app starts with: greyscale
        # for colour themes. Our NO_COLOR theme is the terminal palette, whose reverse-video
        # markers need the plain "no colour" filter Textual itself uses for ANSI themes.
        if not getattr(self, "no_color", False):
            return
        from textual.filter import Monochrome, NoColor

        wanted = NoColor if self.current_theme.ansi else Monochrome
        self._filters = [wanted() if isinstance(f, (Monochrome, NoColor)) else f for f in self._filters]

    def _apply_cursor_blink(self, blink: bool) -> None:
        self._cursor_blink = blink
        for screen in self.screen_stack:
            for widget in screen.query("Input, TextArea"):
                widget.cursor_blink = blink  # type: ignore[attr-defined]

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Inputs made after the profile was applied (dialogs, the find box) learn it on focus.
        widget = event.widget
        if hasattr(widget, "cursor_blink") and widget.cursor_blink != self._cursor_blink:
            widget.cursor_blink = self._cursor_blink

    def _apply_layout(self, layout: Layout) -> None:
        self.page_layout = layout
        for screen in self.screen_stack:
            for view in screen.query(PageView):
                if view.page_layout != layout:
                    view.set_layout(layout)

    # -- messages ----------------------------------------------------------------------------
    def _apply_notifications(self, status: bool) -> None:
        self._status_messages = status

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # A toast sits over the page and hides the lines being read (often the very text a
        # profile switch is judged by), so every profile gets the message line; the severity
        # is said in words.
        text = message_text(f"{title}: {message}" if title else message, str(severity))
        self.post_message(StatusMessage(text, timeout))  # thread-safe, like Textual's own notify

    def on_status_message(self, event: StatusMessage) -> None:
        self.messages.append(event.text)
        screen = self.screen
        lines = screen.query(MessageLine)
        if lines:
            line = lines.first()
        else:
            line = MessageLine()
            screen.mount(line)
        line.show(event.text)
        if not self._status_messages:
            # "toast": the message goes after a while, as a toast would, but from its own row.
            line.clear_after(event.timeout or TOAST_SECONDS)

    # -- switching ---------------------------------------------------------------------------
    def switch_profile(self, name: str, *, save: bool = True) -> Profile | None:
        """Apply the profile called `name` now and (by default) make it the saved choice."""
        from memberdesk.access.loading import ProfileError
        from memberdesk.access.registry import ProfileNotFound

        try:
            profile = self.profile_registry.get(name)
            if save:
                save_choice(self._profile_home, name, self.profile_registry)
        except (ProfileNotFound, ProfileError, OSError, config.SettingsError) as exc:
            self.notify(str(exc).splitlines()[0], severity="error")
            return None
        self.apply_profile(profile, "settings" if save else None)
        note = " and saved as your choice" if save else ""
        self.notify(f"Profile '{name}' is in use{note}.")
        return profile

    def follow_saved_choice(self) -> None:
        """`memberdesk profile use NAME` run elsewhere (another terminal, support staff over SSH)
        changes settings.toml: the running app takes the new choice within a second, unless
        this run's profile was named by --profile, the environment or --screen-reader, which
        win for a run as they do at start-up."""
        self._settings_stamp = self._settings_mtime()
        self.set_interval(1.0, self._check_saved_choice, name="saved-profile")

    def _settings_mtime(self) -> int:
        try:
            return config.settings_path(self._profile_home).stat().st_mtime_ns
        except OSError:
            return 0

    def _check_saved_choice(self) -> None:
        stamp = self._settings_mtime()
        if stamp == self._settings_stamp:
            return
        self._settings_stamp = stamp
        if self.active_profile.source not in (FROM_SETTINGS, FROM_DEFAULT):
            return
        try:
            name = config.load_settings(self._profile_home).profile
        except config.SettingsError:
            return  # a half-edited file: the next change is looked at again
        if name and name != self.active_profile.profile.name:
            self.switch_profile(name, save=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # So memberdesk.tcss parses whatever theme is active (also one of Textual's own).
        return {**super().get_theme_variable_defaults(), **md_variable_defaults()}
