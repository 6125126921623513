"""The app through Pilot: the demo opens, pages turn, go-to, contents, find, help, position."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.widgets.page_view import PageView
from pilot_helpers import wait_for


def status(app: MemberdeskApp) -> str:
    lines = app.screen.query("#status")  # none yet while a screen is being composed
    return str(lines.first(Static).content) if lines else ""


async def test_empty_library_opens_the_demo_pack(home: Path) -> None:
    app = MemberdeskApp(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await wait_for(pilot, lambda: "Page i" in status(app))
        assert status(app).startswith("Page i \u2014 1 of 13 \u2014 Front sheet")
        view = app.screen.query_one(PageView)
        # The lines are wrapped again once the view has its width (the status can come first).
        await wait_for(pilot, lambda: any("Northshire County Council" in line.text for line in view.lines))


async def test_page_forwards_back_go_to_and_contents(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("right", "right")
        assert status(app).startswith("Page iii \u2014 3 of 13")
        await pilot.press("left")
        assert status(app).startswith("Page ii \u2014 2 of 13 \u2014 Agenda")
        # Go to the page printed "4", which is the PDF's 7th page.
        await pilot.press("g")
        await wait_for(pilot, lambda: app.screen.query("#page-number"))
        await pilot.press("4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert status(app).startswith("Page 4 \u2014 7 of 13 \u2014 4. Adult Social Care Performance Report")
        assert status(app).endswith("/ 4. Performance in Quarter 2")
        # A page that does not exist: a message, and we stay where we were.
        await pilot.press("g")
        await wait_for(pilot, lambda: app.screen.query("#page-number"))
        await pilot.press("9", "9", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert status(app).startswith("Page 4 \u2014 7 of 13")
        # Contents: jump to the ICT contract report.
        await pilot.press("c")
        await wait_for(pilot, lambda: app.screen.query("#contents"))
        contents = app.screen.query_one(OptionList)
        target = next(
            i
            for i in range(contents.option_count)
            if "Home Care Recommissioning" in str(contents.get_option_at_index(i).prompt)
        )
        contents.highlighted = target
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert status(app).startswith("Page 6 \u2014 9 of 13 \u2014 5. Home Care Recommissioning")


async def test_lines_cross_page_boundaries(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.screen.query_one(PageView)
        text_lines = [n for n, line in enumerate(view.lines) if line.paragraph >= 0]
        visited = []
        for _ in range(len(text_lines) - 1):
            await pilot.press("down")
            visited.append(view.cursor_line)
        assert visited == text_lines[1:]  # the blank lines between paragraphs are passed over
        assert status(app).startswith("Page i ")
        await pilot.press("down")
        assert status(app).startswith("Page ii ") and view.cursor_line == 0
        await pilot.press("up")
        assert status(app).startswith("Page i ") and view.cursor_line == text_lines[-1]


async def test_find_with_next_and_previous(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("slash")
        assert app.screen.query_one("#find", Input).has_focus
        await pilot.press(*"care act", "enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.find is not None
        hits = reader.find.hits
        assert len(hits) >= 2
        assert f"match 1 of {len(hits)} for 'care act'" in status(app)
        first_page = reader.page_index
        view = reader.query_one(PageView)
        assert [h.kind for h in view.highlights].count("current-hit") == 1
        await pilot.press("n")
        assert f"match 2 of {len(hits)}" in status(app)
        await pilot.press("N")
        assert f"match 1 of {len(hits)}" in status(app) and reader.page_index == first_page
        await pilot.press("slash", *"zzzqqq", "enter")
        assert reader.find is not None and reader.find.hits == []


async def test_help_lists_every_binding(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        listing = app.screen.query_one(OptionList)
        shown = "\n".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))
        for row in app.key_rows():
            assert f"{row.description}: {row.keys}" in shown
        assert "Next page: Right arrow or ." in shown
        assert "Help: every key: F1 or ?" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))


async def test_every_action_is_in_the_command_palette(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for wanted in ("Next page", "Go to page", "Contents", "Find", "Next line", "Help: every key"):
            assert wanted in titles


async def test_reading_position_is_remembered(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("right", "right", "right", "down", "down")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
    again = MemberdeskApp(demo_home, open_document=1)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, ReaderScreen))
        assert status(again).startswith("Page 1 \u2014 4 of 13")
        view = again.screen.query_one(PageView)
        assert view.cursor_line == [n for n, line in enumerate(view.lines) if line.paragraph >= 0][2]


async def test_library_lists_papers_and_enter_opens(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        listing = app.screen.query_one(OptionList)
        assert "Health and Adult Services Scrutiny Committee: agenda reports pack" in str(
            listing.highlighted_option.prompt
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))


async def test_terminal_cursor_follows_the_reading_line(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.screen.query_one(PageView)
        await pilot.pause()
        top = view.content_region.y
        assert app.cursor_position.y == top
        await pilot.press("down", "down", "down")
        await pilot.pause()
        third = [n for n, line in enumerate(view.lines) if line.paragraph >= 0][3]
        assert view.cursor_line == third
        assert app.cursor_position.y == top + third - round(view.scroll_offset.y)


async def test_heading_by_heading_and_the_section_under_the_reading_line(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        reader.show_page(reader.reading.resolve("3"))
        await pilot.pause()
        # At the top of the page the section is the report, not the last heading on the page.
        assert status(app).startswith("Page 3 \u2014 6 of 13 \u2014 4. Adult Social Care Performance Report, Quarter 2")
        assert "/ 3. Background" not in status(app)
        view = reader.page_view

        def line_text() -> str:
            return view.lines[view.cursor_line].text

        await pilot.press("h")
        assert line_text().startswith("1. Purpose of the report")
        assert status(app).endswith("Quarter 2 / 1. Purpose of the report")
        await pilot.press("h", "h")
        assert line_text().startswith("3. Background") and status(app).endswith("/ 3. Background")
        await pilot.press("H")
        assert line_text().startswith("2. Recommendations")
        # On past the page's last heading: the next page's first one.
        await pilot.press("h", "h")
        assert status(app).startswith("Page 4 \u2014 7 of 13") and line_text().startswith("4. Performance in Quarter 2")


async def test_an_agenda_page_reference_is_a_jump_to_the_page_printed_so(home: Path, tmp_path: Path) -> None:
    import paper_factory as pf
    from cli import memberdesk

    assert memberdesk("import", pf.moderngov_pack(tmp_path / "pack.pdf"), home=home).code == 0
    app = MemberdeskApp(home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        reader.show_page(1)  # the agenda, unstamped: "#2"
        await pilot.pause()
        view = reader.page_view
        line = next(n for n, ln in enumerate(view.lines) if "Budget monitoring report (Pages 3 - 6)" in ln.text)
        view.move_to(line)
        await pilot.press("enter")
        # Page 3 as stamped is the PDF's fifth page.
        await wait_for(pilot, lambda: status(app).startswith("Page 3 \u2014 5 of 8"))
        assert any("Report section 3" in ln.text for ln in view.lines)
