"""Notes, bookmarks, search and the paper record through Pilot."""

from __future__ import annotations

import re
from pathlib import Path

from test_reader import status
from textual.widgets import Input, OptionList, TextArea

from memberdesk.library import Library
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.dialogs.note_editor import NoteEditorScreen
from memberdesk.ui.screens.notes import NotesScreen
from memberdesk.ui.screens.paper import PaperScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.screens.search import SearchScreen
from pilot_helpers import wait_for


async def test_write_edit_and_delete_a_note(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("right", "right", "right")  # page printed "1"
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditorScreen))
        await pilot.press(*"Ask about delayed transfers.", "enter", *"And the ICB letter.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert "1 note on this page" in status(app)
        with Library(demo_home) as other:  # committed: another connection sees it at once
            [view] = other.notes.for_document(1)
            assert view.note.text == "Ask about delayed transfers.\nAnd the ICB letter." and view.page_label == "1"
        # Edit it from the list.
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        listing = app.screen.query_one(OptionList)
        assert "Note, page 1: Ask about delayed transfers." in str(listing.highlighted_option.prompt)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditorScreen))
        editor = app.screen.query_one(TextArea)
        editor.text = "Ask about delayed transfers (now weekly figures)."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert "now weekly figures" in str(app.screen.query_one(OptionList).highlighted_option.prompt)
        # Delete asks first; "n" keeps it, "y" deletes.
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert len(app.library.notes.for_document(1)) == 1
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert app.library.notes.for_document(1) == []


async def test_leaving_an_unsaved_note_asks_first(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditorScreen))
        await pilot.press(*"half a thought")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditorScreen))
        assert app.screen.query_one(TextArea).text == "half a thought"
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.library.notes.for_document(1) == []


async def test_bookmark_and_jump_back(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("right", "right", "right", "right", "m")
        assert "bookmarked" in status(app)
        await pilot.press("home")
        assert "bookmarked" not in status(app)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert "Bookmark, page 2" in str(app.screen.query_one(OptionList).highlighted_option.prompt)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert status(app).startswith("Page 2 \u2014 5 of 13") and "bookmarked" in status(app)


async def test_search_everything_opens_the_page_with_the_hit(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        assert app.screen.query_one("#query", Input).has_focus
        await pilot.press(*'"trusted assessor"', "enter")
        results = app.screen.query_one(OptionList)
        await wait_for(pilot, lambda: results.option_count > 0)
        prompt = str(results.highlighted_option.prompt)
        assert prompt.startswith(
            "Health and Adult Services Scrutiny Committee: agenda reports pack, 12 January 2027, page 5"
        )
        assert "\u00abtrusted assessor\u00bb" in prompt
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert status(app).startswith("Page 5 \u2014 8 of 13")
        assert "match 1 of 1 for '\"trusted assessor\"'" in status(app)
        # The reading line (and the terminal cursor) is on the hit, not the top of the page.
        view = app.screen.page_view
        await pilot.pause(0.2)
        assert "trusted" in view.lines[view.cursor_line].text
        assert app.cursor_position.y == view.content_region.y + view.cursor_line - round(view.scroll_offset.y)


async def test_pages_read_are_recorded_and_shown(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(110, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("right", "right", "left", "right", "right")  # pages 1-4, page 2 and 3 twice
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, PaperScreen))
        first = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert first.startswith("4 pages read on screen this year: 2 sheets saved (double-sided)")
        # Each month in words, as plain mode says it (not "2026-12: ... 1 sheets").
        month = str(app.screen.query_one(OptionList).get_option_at_index(1).prompt)
        assert re.fullmatch(r"[A-Z][a-z]+ \d{4}: 4 pages read, 2 sheets saved\.", month), month
