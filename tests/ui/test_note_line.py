"""Screen-reader mode's note line (the reader, the notes list): the note is written on the two bottom rows
(no dialog, so the page is never repainted and a screen reader is not read it again)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, OptionList, TextArea

from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import builtin_profiles
from memberdesk.library import Library
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.notes import NotesScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.widgets.message_line import MessageLine
from memberdesk.ui.widgets.note_line import NoteLine
from pilot_helpers import wait_for


def _app(home: Path) -> MemberdeskApp:
    profile = ActiveProfile(builtin_profiles()["screen-reader"], "--profile")
    return MemberdeskApp(home, open_document=1, active=profile)


async def test_a_note_is_written_on_the_bottom_rows_and_saved(demo_home: Path) -> None:
    app = _app(demo_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        await pilot.press("m")  # a message before: it must not come back when the note line goes
        await pilot.press("a")
        line = reader.query_one(NoteLine)
        await wait_for(pilot, lambda: line.visible and isinstance(app.focused, TextArea))
        assert app.screen is reader  # no dialog: the same screen
        assert line.region.y == 28 and line.region.height == 2  # over the status and message lines
        assert reader.query_one(MessageLine).text == ""
        assert "Note on page i. Ctrl+S saves" in str(line.query_one(Label).render())
        assert app.cursor_position.y == 29  # on the row where the next letter goes
        await pilot.press("ctrl+s")  # empty: said on the prompt row, the line stays
        assert line.visible and "The note is empty" in str(line.query_one(Label).render())
        await pilot.press(*"Ask about it", "ctrl+s")
        await wait_for(pilot, lambda: not line.visible)
        assert reader.query_one(MessageLine).text == "Note saved on page i."
        assert app.focused is reader.page_view
        with Library(demo_home) as library:
            assert [v.note.text for v in library.notes.for_document(1)] == ["Ask about it"]


async def test_leaving_with_unsaved_text_asks_on_the_prompt_row_first(demo_home: Path) -> None:
    app = _app(demo_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        line = reader.query_one(NoteLine)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"Draft", "ctrl+g")
        assert line.visible and "not saved" in str(line.query_one(Label).render())
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: not line.visible)
        assert app.focused is reader.page_view
        await pilot.press("a")  # empty: Escape leaves at once
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not line.visible)
        with Library(demo_home) as library:
            assert library.notes.for_document(1) == []


async def test_a_note_is_edited_from_the_notes_list_on_its_bottom_rows(demo_home: Path) -> None:
    with Library(demo_home) as library:
        library.notes.add("Ask about it", document_id=1, page_index=0)
    app = _app(demo_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        notes, listing = app.screen, app.screen.query_one(OptionList)
        await pilot.press("e")
        line = notes.query_one(NoteLine)
        await wait_for(pilot, lambda: line.visible and isinstance(app.focused, TextArea))
        assert app.screen is notes and line.editor.text == "Ask about it"
        await pilot.press("escape")  # unchanged: leaves at once, nothing asked
        await wait_for(pilot, lambda: not line.visible and app.focused is listing)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*" first", "ctrl+s")
        await wait_for(pilot, lambda: not line.visible and app.focused is listing)
        assert "Ask about it first" in str(listing.highlighted_option.prompt)
        with Library(demo_home) as library:
            assert [v.note.text for v in library.notes.for_document(1)] == ["Ask about it first"]
