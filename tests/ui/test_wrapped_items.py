"""In screen-reader mode a list item that wraps onto more rows is heard whole: Down steps the
terminal cursor through its rows before the next item; status lines wrap instead of clipping."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import builtin_profiles
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.screens.search import SearchScreen
from memberdesk.ui.widgets.lists import CursorOptionList
from pilot_helpers import wait_for


def _app(home: Path, profile: str, **kwargs: object) -> MemberdeskApp:
    return MemberdeskApp(home, active=ActiveProfile(builtin_profiles()[profile], "--profile"), **kwargs)  # type: ignore[arg-type]


async def test_down_reads_every_row_of_a_wrapped_search_result(demo_home: Path) -> None:
    app = _app(demo_home, "screen-reader")
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await wait_for(pilot, lambda: app.screen.query_one("#query", Input).has_focus)
        await pilot.press(*"care", "enter")
        results = app.screen.query_one(CursorOptionList)
        await wait_for(pilot, lambda: results.option_count > 1 and results.has_focus)
        await pilot.pause(0.3)
        first = results.highlighted
        assert first is not None
        rows = results._rows_of(first)
        assert rows >= 2, "a search result at 60 columns wraps"
        top = app.cursor_position.y
        for step in range(1, rows):
            await pilot.press("down")
            await pilot.pause(0.05)
            assert results.highlighted == first and app.cursor_position.y == top + step
        await pilot.press("down")
        await pilot.pause(0.1)
        assert results.highlighted == first + 1 and app.cursor_position.y == top + rows
        await pilot.press("up")
        await pilot.pause(0.1)
        assert results.highlighted == first and app.cursor_position.y == top  # heard from its start


async def test_down_moves_item_by_item_for_sighted_readers(demo_home: Path) -> None:
    app = _app(demo_home, "standard")
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"care", "enter")
        results = app.screen.query_one(CursorOptionList)
        await wait_for(pilot, lambda: results.option_count > 1 and results.has_focus)
        first = results.highlighted
        assert first is not None
        await pilot.press("down")
        assert results.highlighted == first + 1


async def test_the_status_line_wraps_and_w_says_it_whole(demo_home: Path) -> None:
    app = _app(demo_home, "screen-reader", open_document=1)
    async with app.run_test(size=(50, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("f", *"care", "enter")
        status = app.screen.query_one("#status", Static)
        await wait_for(pilot, lambda: "match 1 of" in app.screen._status_text)
        await pilot.pause(0.2)
        assert status.region.height >= 2  # wrapped, not cut at 50 columns
        await pilot.press("w")
        await wait_for(pilot, lambda: any("match 1 of" in m for m in app.messages))
        said = app.messages[-1]
        assert said.startswith("Health and Adult Services Scrutiny Committee") and "for 'care'" in said


async def test_the_command_palette_puts_the_cursor_on_the_highlighted_command(demo_home: Path) -> None:
    from textual.command import CommandList, CommandPalette

    app = _app(demo_home, "screen-reader", open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"page")
        listed = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: listed.option_count > 1 and listed.display)
        await pilot.press("down")
        await wait_for(pilot, lambda: listed.highlighted is not None)
        for _ in range(2):
            await pilot.press("down")
            await pilot.pause(0.2)
            index = listed.highlighted
            assert index is not None
            line = listed._index_to_line[index]
            assert app.cursor_position.y == listed.content_region.y + line - round(listed.scroll_offset.y)
