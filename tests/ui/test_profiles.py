"""Profiles in the running app: switching applies at once, keymaps, status-line messages, the editor."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from test_reader import status
from textual.widgets import Input, OptionList, Static
from textual.widgets._toast import Toast

from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import builtin_profiles
from memberdesk.access.contrast import contrast_ratio, format_ratio
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.dialogs.colour_picker import ColourPicker
from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.dialogs.profile_switcher import ProfileSwitcher
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.profile_editor import ProfileEditor
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.widgets.choice import Choice
from memberdesk.ui.widgets.message_line import MessageLine
from memberdesk.ui.widgets.page_view import PageView
from memberdesk.ui.widgets.profile_preview import PreviewPageView
from pilot_helpers import wait_for


def active(name: str, **changes: object) -> ActiveProfile:
    return ActiveProfile(replace(builtin_profiles()[name], **changes), "--profile")  # type: ignore[arg-type]


async def choose_in_list(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    listing = pilot.app.screen.query_one(OptionList)
    listing.highlighted = next(i for i in range(listing.option_count) if listing.get_option_at_index(i).id == name)
    await pilot.press("enter")


async def test_switching_profile_applies_at_once_everywhere(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        view = reader.query_one(PageView)
        assert app.theme == "memberdesk-standard"
        assert (view.page_layout.max_line_width, view.page_layout.double_spaced) == (80, False)
        lines_before = len(view.lines)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileSwitcher))
        listing = app.screen.query_one(OptionList)
        assert str(listing.highlighted_option.prompt).startswith("standard, in use (built-in): ")
        await choose_in_list(pilot, "large-layout")
        await wait_for(pilot, lambda: app.screen is reader)
        large = builtin_profiles()["large-layout"]
        assert app.theme == "memberdesk-large-layout"
        assert view.page_layout.max_line_width == large.layout.max_line_width
        assert view.page_layout.double_spaced is True and len(view.lines) > lines_before
        assert tomllib.loads((demo_home / "settings.toml").read_text())["profile"] == "large-layout"
        # And back, still without a restart.
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileSwitcher))
        await choose_in_list(pilot, "dyslexia")
        await wait_for(pilot, lambda: app.screen is reader)
        assert app.theme == "memberdesk-dyslexia" and view.page_layout.ruler == "three"


async def test_a_remapped_key_does_the_action_and_help_shows_it(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1, active=active("standard", keymap={"reader.next_page": "ctrl+n"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await wait_for(pilot, lambda: "Page i " in status(app))
        await pilot.press("right")
        assert status(app).startswith("Page i "), "the old key no longer turns the page"
        await pilot.press("ctrl+n")
        assert status(app).startswith("Page ii ")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        listing = app.screen.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "  Next page: Ctrl+N" in shown
        assert "  Profiles: choose the profile in use: F2" in shown
        assert "  Profile editor: colours, layout, behaviour, speech and keys: Ctrl+T" in shown


async def test_status_line_messages_no_animation_no_blink(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1, active=active("screen-reader"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.animation_level == "none" and app.has_class("-screen-reader")
        app.notify("Something changed", severity="warning")
        # (In screen-reader mode the reader has its message line from the start.)
        await wait_for(pilot, lambda: any(line.text for line in app.screen.query(MessageLine)))
        line = app.screen.query_one(MessageLine)
        assert line.text == "Warning: Something changed" and app.messages[-1] == line.text
        assert not app.screen.query(Toast)
        await pilot.press("slash")
        find = app.screen.query_one("#find", Input)
        await wait_for(pilot, lambda: find.has_focus)
        assert find.cursor_blink is False


async def test_the_editor_figures_save_with_confirmation_and_apply(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        page = list(app.screen.query_one(PageView).paragraphs)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileEditor))
        editor = app.screen
        assert editor.query_one(PreviewPageView).paragraphs == page, "the preview shows the page being read"
        figure = editor.query_one("#fig-text", Static)
        assert str(figure.content) == "13.60:1 AAA, meets AAA"
        # The name: the built-in's own is never overwritten.
        name = editor.query_one("#f-name", Input)
        await wait_for(pilot, lambda: name.has_focus)
        await pilot.pause()
        assert name.value == "standard-own"
        assert app.cursor_position == name.cursor_screen_offset and app.cursor_position.y == name.region.y
        await pilot.press("ctrl+u", *"cllr-test")
        # Body text: type a grey that is too faint; the figure follows every key.
        text = editor.query_one("#f-colours-text", Input)
        text.focus()
        await pilot.press("end", "ctrl+u", *"#777777")
        faint = format_ratio(contrast_ratio("#777777", "#1e1e1e"))
        assert str(figure.content) == f"{faint} AA large, BELOW AA (4.5:1)"
        summary = str(editor.query_one("#editor-summary", Static).content)
        assert summary.startswith("Below AA: body text 3.") and "Saving will ask first" in summary
        # Save asks first; No keeps nothing.
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Below AA: body text 3." in str(app.screen.query_one("#question", Static).content)
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is editor)
        saved = demo_home / "profiles" / "cllr-test.toml"
        assert not saved.exists()
        # A readable colour: no question, saved, and F5 puts it in use at once.
        await pilot.press("ctrl+u", *"white")
        assert str(figure.content) == "16.67:1 AAA, meets AAA"
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.theme == "memberdesk-cllr-test")
        assert tomllib.loads(saved.read_text())["colours"]["text"] == "#ffffff"
        assert app.active_profile.profile.colours.text == "#ffffff"
        assert tomllib.loads((demo_home / "settings.toml").read_text())["profile"] == "cllr-test"


async def test_the_editor_picks_named_colours_and_layout_by_keyboard(demo_home: Path, tmp_path: Path) -> None:
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileEditor))
        editor = app.screen
        heading = editor.query_one("#f-colours-heading", Input)
        heading.focus()
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, ColourPicker))
        colours = app.screen.query_one(OptionList)
        white = next(i for i in range(colours.option_count) if colours.get_option_at_index(i).id == "white")
        assert str(colours.get_option_at_index(white).prompt).startswith("white #ffffff, 16.67:1 AAA")
        await choose_in_list(pilot, "white")
        await wait_for(pilot, lambda: app.screen is editor)
        assert heading.value == "#ffffff" and str(editor.query_one("#fig-heading", Static).content).startswith(
            "16.67:1"
        )
        # A choice: Space steps through the values, and the preview's layout follows.
        ruler = editor.query_one("#f-layout-ruler", Choice)
        ruler.focus()
        await pilot.press("space")
        assert ruler.value == "line" and str(ruler.content) == "Reading ruler: one line bright"
        assert editor.query_one(PreviewPageView).page_layout.ruler == "line"
        await pilot.pause()
        assert app.cursor_position.y == ruler.region.y, "the terminal cursor is on the focused setting"
        # Export to a file, without saving.
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: app.screen.query("#export-path"))
        target = tmp_path / "exported.toml"
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, target.exists)
        data = tomllib.loads(target.read_text())
        assert data["name"] == "standard-own" and data["layout"]["ruler"] == "line"
        assert data["colours"]["heading"] == "#ffffff"


async def test_the_editor_at_100_columns_select_all_keys_and_speech(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1, active=active("large-high-contrast"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileEditor))
        editor = app.screen
        await pilot.pause(0.3)
        # The preview is readable at 100 columns: lines of several words, not one a line.
        preview = editor.query_one(PreviewPageView)
        longest = max(len(line.text) for line in preview.lines)
        assert longest >= 25, f"the preview's longest line is {longest} characters"
        # Ctrl+A selects the whole colour, so what is typed replaces it.
        text = editor.query_one("#f-colours-text", Input)
        text.focus()
        await pilot.press("ctrl+a", *"yellow")
        assert text.value == "yellow"
        assert str(editor.query_one("#fig-text", Static).content).startswith("19.55:1 AAA")
        # Speech and keys are edited here too, and checked as a file is.
        rate = editor.query_one("#f-speech-rate", Input)
        rate.focus()
        await pilot.press("ctrl+a", *"200")
        find = editor.query_one("#f-keymap-reader-find", Input)
        assert find.value == "slash,f"
        find.focus()
        await pilot.press("ctrl+a", "m")
        summary = str(editor.query_one("#editor-summary", Static).content)
        assert "keymap.reader.find: 'm' is also the key of reader.bookmark" in summary
        await pilot.press("ctrl+a", *"ctrl+k")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: (demo_home / "profiles" / "large-high-contrast-own.toml").exists())
        saved = tomllib.loads((demo_home / "profiles" / "large-high-contrast-own.toml").read_text())
        assert saved["speech"]["rate"] == 200 and saved["keymap"]["reader.find"] == "ctrl+k"
        assert saved["colours"]["text"] == "#ffff00"


async def test_no_color_uses_the_terminal_palette(demo_home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.filter import Monochrome, NoColor

    monkeypatch.setenv("NO_COLOR", "1")
    app = MemberdeskApp(demo_home, open_document=1, active=active("dyslexia"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.current_theme.ansi is True and app.depth.use_terminal_palette
        assert any(isinstance(f, NoColor) for f in app._filters)
        assert not any(isinstance(f, Monochrome) for f in app._filters)
        # The layout is still the profile's: only the colours give way.
        assert app.screen.query_one(PageView).page_layout.ruler == "three"


async def test_a_low_colour_terminal_takes_the_terminal_fallback(demo_home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", "256")
    app = MemberdeskApp(demo_home, active=active("standard", fallback_on_low_colour="terminal"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert app.current_theme.ansi is True and "only 256 colours" in app.depth.summary
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", "truecolor")
    app = MemberdeskApp(demo_home, active=active("standard", fallback_on_low_colour="terminal"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert app.current_theme.ansi is False


async def test_profiles_are_in_the_palette_and_the_switcher_opens_the_editor(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "Profiles: choose the profile in use",
            "Profile editor: colours, layout, behaviour, speech and keys",
        } <= titles
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileSwitcher))
        listing = app.screen.query_one(OptionList)
        listing.highlighted = next(
            i for i in range(listing.option_count) if listing.get_option_at_index(i).id == "dyslexia"
        )
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileEditor))
        assert app.screen.query_one("#f-name", Input).value == "dyslexia-own"
        assert app.screen.query_one("#f-colours-background", Input).value == "#fdf6e3"
        assert app.theme == "memberdesk-standard", "editing does not change the profile in use"
