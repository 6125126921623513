"""Table mode through Pilot, on the demo pack's performance table (page 4): the page shows the
table as columns, `t` enters table mode, every key moves the terminal cursor onto the cell the
bar names, Escape and Ctrl+G leave, a find's match in a table opens table mode on its cell."""

from __future__ import annotations

from pathlib import Path

from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.widgets.page_view import GUTTER, PageView
from memberdesk.ui.widgets.table_view import TableBar
from pilot_helpers import wait_for


def _bar(app: MemberdeskApp) -> str:
    return str(app.screen.query_one(TableBar).content)


def _under_cursor(app: MemberdeskApp) -> str:
    """The page text from the terminal cursor to the end of its row, as a screen reader reads it."""
    view = app.screen.query_one(PageView)
    region = view.content_region
    x, y = app.cursor_position
    painted = view.render_line(y - region.y).text  # the row as drawn, not the model
    line = view.lines[y - region.y + round(view.scroll_offset.y)]
    assert painted[GUTTER + view.page_layout.margin :].rstrip() == line.text.rstrip()
    assert painted[GUTTER + view.page_layout.margin - 2 :].startswith("\u203a")  # the marker, not colour alone
    return painted[x - region.x :]


async def _on_table_page(app: MemberdeskApp, pilot) -> PageView:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
    await pilot.press("g")
    await wait_for(pilot, lambda: app.screen.query("#page-number"))
    await pilot.press("4", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
    return app.screen.query_one(PageView)


async def test_a_table_wider_than_the_measure_is_shown_row_by_row_and_announced(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _on_table_page(app, pilot)
        assert view.text_width < 90  # the table's columns need 90: too wide for the measure
        texts = [line.text for line in view.lines]
        at = texts.index("Table, 6 rows, 5 columns: Measure, Target, Q1, Q2, Status")
        assert texts[at + 1 : at + 7] == [
            "Care Act assessments completed within 28 days",
            "  Target: 85%",
            "  Q1: 78%",
            "  Q2: 74%",
            "  Status: Below target",
            "Reviews completed within 12 months",
        ]


async def test_table_mode_moves_the_cursor_cell_by_cell(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await _on_table_page(app, pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.query_one(TableBar).has_focus)
        await pilot.pause()
        assert _bar(app).startswith("Table mode, Escape or Ctrl+G leaves.")
        assert _bar(app).endswith("Measure: Care Act assessments completed within 28 days")
        assert _under_cursor(app).startswith("Care Act assessments")
        steps = [
            ("right", "Target, Care Act assessments completed within 28 days: 85%", "85%"),
            ("right", "Q1, Care Act assessments completed within 28 days: 78%", "78%"),
            ("down", "Q1, Reviews completed within 12 months: 81%", "81%"),
            ("end", "Status, Reviews completed within 12 months: On target", "On target"),
            ("home", "Measure: Reviews completed within 12 months", "Reviews completed"),
            ("ctrl+end", "Status, Safeguarding enquiries concluded within 60 days: Below target", "Below target"),
            ("ctrl+home", "Measure: Care Act assessments completed within 28 days", "Care Act"),
        ]
        for key, words, cell in steps:
            await pilot.press(key)
            await pilot.pause()
            assert _bar(app) == words, key
            assert _under_cursor(app).startswith(cell), key
        await pilot.press("up")  # the table's edge: said, and the cell kept
        assert _bar(app).startswith("End of the table.")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(PageView).has_focus and not app.screen.query_one(TableBar).display
        assert isinstance(app.screen, ReaderScreen)  # Escape left table mode, not the reader
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.query_one(TableBar).has_focus)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen.query_one(PageView).has_focus


async def test_a_match_in_a_table_opens_table_mode_on_its_cell(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("slash")
        await pilot.press(*"1,262", "enter")
        await wait_for(pilot, lambda: app.screen.query_one(TableBar).has_focus)
        await pilot.pause()
        assert _bar(app).endswith("Q2, Carers' assessments completed: 1,262")
        assert _under_cursor(app).startswith("1,262")
        view = app.screen.query_one(PageView)
        assert view.scroll_offset.y <= view.cell[0] < view.scroll_offset.y + view.size.height  # on screen


async def test_the_next_match_in_the_same_table_is_the_next_cell(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await _on_table_page(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"below target", "enter")  # first in 4.1's prose: "two are below target"
        await pilot.pause()
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen.query_one(TableBar).has_focus)
        await pilot.pause()
        assert _bar(app).endswith("Status, Care Act assessments completed within 28 days: Below target")
        await pilot.press("n")  # from table mode: the next match, further down the same table
        await wait_for(pilot, lambda: "Safeguarding" in _bar(app))
        assert _bar(app).endswith("Status, Safeguarding enquiries concluded within 60 days: Below target")
        assert _under_cursor(app).startswith("Below target")


async def test_table_mode_keys_are_listed_in_help_with_their_ids(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        rows = {row.binding_id: row for row in app.key_rows()}
        assert rows["reader.table"].keys == "t"
        assert rows["table.right"].keys == "Right arrow" and rows["table.first"].keys == "Ctrl+Home"
        assert rows["table.leave"].keys == "Escape or Ctrl+G"
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
