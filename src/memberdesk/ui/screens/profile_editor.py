"""The profile editor: start from a profile, change colours, layout and behaviour, see a real
page and the contrast of every pair change as you type, save under a name, export to a file.

Everything is by keyboard: Tab moves between settings, each row starts with what it is, the
terminal cursor sits on the focused setting, and every verdict is in words. Below AA it warns
and asks before saving. The model (fields, validation, figures) is memberdesk.access.editing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from memberdesk.access import editing
from memberdesk.access.loading import save_profile
from memberdesk.access.profile import Profile
from memberdesk.access.registry import ProfileRegistry
from memberdesk.papers.reflow import Paragraph, paragraphs
from memberdesk.ui.cursor import place_cursor
from memberdesk.ui.dialogs.colour_picker import ColourPicker
from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.dialogs.prompt import PromptScreen
from memberdesk.ui.messages import UseProfile
from memberdesk.ui.widgets.choice import Choice
from memberdesk.ui.widgets.profile_preview import PreviewPageView, SampleLines, sample_highlights
from memberdesk.ui.widgets.text_box import TextBox

HELP = (
    "Profile editor. Tab and Shift+Tab move between settings. Colours: type #rrggbb or a name, or F4 "
    "for a list. Ctrl+S saves, F5 saves and uses it now, Ctrl+E exports, Ctrl+O starts again from "
    "another profile, Escape or Ctrl+G closes."
)
YES_NO = [(True, "on"), (False, "off")]


def _widget_id(key: str) -> str:
    return "f-" + key.replace(".", "-").replace("_", "-")


class SettingsList(VerticalScroll):
    """The settings, one per row. Up and Down move between them as in any form: scrolling the
    rows instead (VerticalScroll's keys) left the focused setting, and with it the terminal
    cursor a screen reader follows, off screen or over another row."""

    BINDINGS = [
        Binding("down", "app.focus_next", "Next setting", id="editor.next_setting"),
        Binding("up", "app.focus_previous", "Previous setting", id="editor.previous_setting"),
    ]


class ProfileEditor(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save(False)", "Save the profile", id="editor.save"),
        Binding("f5", "save(True)", "Save the profile and use it now", id="editor.save_and_use"),
        Binding("ctrl+e", "export", "Export the profile to a file", id="editor.export"),
        Binding("ctrl+o", "start_from", "Start again from another profile", id="editor.start_from"),
        Binding("f4", "pick_colour", "Choose the focused colour from a list", id="editor.pick_colour"),
        Binding("escape,ctrl+g", "close", "Close the editor", id="editor.close"),
    ]

    def __init__(self, registry: ProfileRegistry, start: Profile) -> None:
        super().__init__()
        self.registry = registry
        self._load(start)

    def _load(self, start: Profile) -> None:
        self.base = start
        builtin = self.registry.is_builtin(start.name)
        self.start_from = start.name if builtin else start.based_on
        self.values: dict[str, Any] = editing.form_values(start)
        if builtin:
            self.values["name"] = f"{start.name}-own"  # a built-in is never overwritten
        self.profile: Profile | None = start
        self.preview_profile = start
        self.rows: dict[str, editing.CheckRow] = {}
        self.problems: list[str] = []

    # -- building the form ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="editor"):
            yield Label(HELP, markup=False, id="editor-help")
            yield Static("", id="editor-summary", markup=False)
            yield Static("", id="editor-depth", markup=False)
            with Horizontal(id="editor-body"):
                with SettingsList(id="editor-fields"):
                    yield from self._text_row("name", "Name (save as)")
                    yield from self._text_row("description", "Description")
                    for field in editing.COLOUR_FIELDS:
                        key = f"colours.{field.role}"
                        with Horizontal(classes="row"):
                            yield Label(field.label, classes="field-label", markup=False)
                            yield TextBox(str(self.values[key]), id=_widget_id(key), classes="colour", compact=True)
                            yield Static("", id="fig-" + field.role.replace("_", "-"), classes="figure", markup=False)
                    for section, key, label in editing.NUMBER_FIELDS:
                        yield from self._text_row(f"{section}.{key}", label, number=True)
                    for section, key, label in editing.PERCENT_FIELDS:
                        yield from self._text_row(f"{section}.{key}", label)
                    for section, key, label, choices in editing.CHOICE_FIELDS:
                        path = f"{section}.{key}"
                        options = [(c, editing.CHOICE_WORDS.get(c, c)) for c in choices] if choices else YES_NO
                        yield Choice(label, options, self.values[path], id=_widget_id(path))
                    for section, key, label in editing.TEXT_FIELDS:
                        yield from self._text_row(f"{section}.{key}", label)
                    yield Label("Keys: binding id, then its keys (several: j,down)", classes="row", markup=False)
                    for binding_id in editing.KEY_FIELDS:
                        yield from self._text_row(f"keymap.{binding_id}", binding_id)
                with Vertical(id="editor-preview"):
                    yield Label("Preview: a page as this profile shows it", markup=False)
                    yield PreviewPageView(id="preview")
                    yield SampleLines("", id="samples")

    def _text_row(self, key: str, label: str, number: bool = False) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label, classes="field-label", markup=False)
            yield TextBox(
                str(self.values[key]),
                id=_widget_id(key),
                compact=True,
                type="integer" if number else "text",
                classes="number" if number else "",
            )

    def on_mount(self) -> None:
        preview = self.query_one(PreviewPageView)
        page = self._page_to_preview()
        preview.show(page)
        preview.set_highlights(sample_highlights(page))
        self.refresh_figures()
        # After the first layout, so the Input knows where it is when it places the cursor.
        self.call_after_refresh(self.query_one(f"#{_widget_id('name')}", Input).focus)

    def _page_to_preview(self) -> list[Paragraph]:
        """The page open in the reader, if any; else a page of the demo agenda pack."""
        from memberdesk.ui.widgets.page_view import PageView

        for screen in reversed(self.app.screen_stack):
            for view in screen.query(PageView):
                if view.paragraphs and not isinstance(view, PreviewPageView):
                    return list(view.paragraphs)
        from memberdesk import config
        from memberdesk.papers.extract import extract_pages
        from memberdesk.papers.flow import page_text
        from memberdesk.papers.shapes import PaperProblem

        try:
            text = page_text(extract_pages(config.demo_pack(), 6, 7)[0])
        except (PaperProblem, OSError, ValueError, IndexError):
            text = "1. Purpose of the report\nThis sample page shows the colours and layout being edited."
        return paragraphs(text)

    # -- live figures and preview --------------------------------------------------------
    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        key = self._key_of(event.input)
        if key:
            self.values[key] = event.value
            self.refresh_figures()

    @on(Choice.Changed)
    def _chose(self, event: Choice.Changed) -> None:
        key = self._key_of(event.choice)
        if key:
            self.values[key] = event.value
            self.refresh_figures()

    def _key_of(self, widget: Widget) -> str | None:
        for key in self.values:
            if widget.id == _widget_id(key):
                return key
        return None

    def refresh_figures(self) -> None:
        colours, errors = editing.colours_from(self.values, self.preview_profile.colours)
        self.rows = editing.figures(colours)
        for field in editing.COLOUR_FIELDS:
            figure = self.query_one("#fig-" + field.role.replace("_", "-"), Static)
            if field.role in errors:
                figure.update("not a colour yet (see the top line)")
            elif field.pair:
                figure.update(editing.figure_text(self.rows[field.pair]))
            else:
                figure.update(field.note)
        built = editing.build_profile(self.values, self.base, self.start_from)
        self.profile, self.problems = built.profile, built.problems
        if built.profile is not None:
            self.preview_profile = built.profile
        else:
            self.preview_profile = replace(self.preview_profile, colours=colours)
        self._show_summary()
        self.query_one(PreviewPageView).set_profile(self.preview_profile, self.preview_profile.layout)
        self.query_one(SampleLines).show_profile(self.preview_profile)

    def _show_summary(self) -> None:
        summary = self.query_one("#editor-summary", Static)
        if self.problems:
            summary.update(f"Cannot save yet: {'; '.join(self.problems)}")
        elif self.preview_profile.uses_terminal_palette:
            summary.update("Colours from the terminal: its own settings decide the contrast.")
        elif below := editing.below_aa(self.rows):
            summary.update(f"Below AA: {', '.join(below)}. Saving will ask first.")
        else:
            summary.update("Every pair meets its level (AA; body text AAA where shown).")
        self.query_one("#editor-depth", Static).update(f"On this terminal: {self._depth_summary()}")

    def _depth_summary(self) -> str:
        import os

        from memberdesk.access.depth import depth_report, detect_depth

        depth, no_color = detect_depth(os.environ)
        return depth_report(self.preview_profile, depth, no_color=no_color).summary

    # -- the terminal cursor follows focus -----------------------------------------------
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        widget.scroll_visible(animate=False)
        if isinstance(widget, Input):
            # Textual places it as the Input draws; again after any scroll, so it is never stale.
            self.call_after_refresh(self._cursor_to_input, widget)
        elif not isinstance(widget, (Choice, PreviewPageView)):
            self.call_after_refresh(place_cursor, widget, 0)

    def _cursor_to_input(self, widget: Input) -> None:
        if widget.has_focus:
            self.app.cursor_position = widget.cursor_screen_offset

    # -- actions -------------------------------------------------------------------------
    def action_pick_colour(self) -> None:
        focused = self.focused
        key = self._key_of(focused) if focused is not None else None
        if not key or not key.startswith("colours.") or not isinstance(focused, Input):
            self.app.notify("F4 lists colours when a colour setting has focus.")
            return
        role = key.split(".", 1)[1]
        other = editing.partner(role)
        colours = self.preview_profile.colours
        label = next(f.label for f in editing.COLOUR_FIELDS if f.role == role)
        other_label = next(f.label for f in editing.COLOUR_FIELDS if f.role == other).lower()

        def chosen(value: str | None) -> None:
            if value:
                focused.value = value
                focused.focus()

        self.app.push_screen(
            ColourPicker(label.lower(), colours.resolved(role), colours.resolved(other), other_label), chosen
        )

    def action_save(self, then_use: bool = False) -> None:
        profile = self.profile
        if profile is None:
            self.app.notify(f"Cannot save yet: {self.problems[0]}", severity="warning")
            return
        if self.registry.is_builtin(profile.name):
            self.app.notify(
                f"'{profile.name}' is a built-in profile: save under your own name, e.g. '{profile.name}-own'.",
                severity="warning",
            )
            self.query_one(f"#{_widget_id('name')}", Input).focus()
            return
        below = [] if profile.uses_terminal_palette else editing.below_aa(self.rows)
        if not below:
            self._save(profile, then_use)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(profile, then_use)
            else:
                self.app.notify("Not saved: change the colours below AA, or save and answer yes.")

        question = f"Below AA: {', '.join(below)}. Some people will not be able to read this. Save anyway?"
        self.app.push_screen(ConfirmScreen(question, yes="Yes, save it"), answered)

    def _save(self, profile: Profile, then_use: bool) -> None:
        try:
            path = self.registry.save(profile)
        except (OSError, ValueError) as exc:
            self.app.notify(f"Not saved: {exc}", severity="error")
            return
        self.base = profile
        if then_use:
            self.post_message(UseProfile(profile.name))
        else:
            self.app.notify(f"Saved profile '{profile.name}' in {path}.")

    def action_export(self) -> None:
        profile = self.profile
        if profile is None:
            self.app.notify(f"Cannot export yet: {self.problems[0]}", severity="warning")
            return

        def chosen(answer: str | None) -> None:
            if not answer:
                return
            target = Path(answer).expanduser()
            if target.is_dir():
                target = target / f"{profile.name}.toml"
            try:
                written = save_profile(profile, target)
            except OSError as exc:
                self.app.notify(f"{target}: cannot be written ({exc.strerror or exc})", severity="error")
                return
            self.app.notify(f"Exported profile '{profile.name}' to {written}.")

        default = str(Path.home() / f"{profile.name}.toml")
        question = "Export to which file? Type a path and press Enter (Escape or Ctrl+G cancels)."
        self.app.push_screen(PromptScreen(question, "export-path", default), chosen)

    def action_start_from(self) -> None:
        from memberdesk.ui.dialogs.profile_switcher import ProfileSwitcher

        prompt = "Start from which profile? Up and Down to choose, Enter to start from it, Escape to cancel."

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            self._load(self.registry.get(choice[1]))
            self._fill_form()

        self.app.push_screen(ProfileSwitcher(self.registry, self.base.name, prompt), chosen)

    def _fill_form(self) -> None:
        values = dict(self.values)
        for key, value in values.items():
            widget = self.query_one(f"#{_widget_id(key)}")
            if isinstance(widget, Input):
                with widget.prevent(Input.Changed):
                    widget.value = str(value)
            elif isinstance(widget, Choice):
                widget.value = value
        self.refresh_figures()

    def action_close(self) -> None:
        self.app.pop_screen()
