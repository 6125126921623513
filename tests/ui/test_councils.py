"""The councils screen through Pilot, against the fixture council over real HTTP: follow a
committee, sync with progress as words, open a paper and an agenda item, stop a sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from council_data import default_council
from council_server import CouncilServer
from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import builtin_profiles
from memberdesk.dates import spoken_date
from memberdesk.library import Library
from memberdesk.sync.following import add_council
from memberdesk.sync.syncer import Syncer
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.dialogs.note_editor import NoteEditorScreen
from memberdesk.ui.screens.agenda_item import AgendaItemScreen
from memberdesk.ui.screens.councils import CouncilsScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.notes import NotesScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.widgets.lists import CursorOptionList
from memberdesk.ui.widgets.note_line import NoteLine
from pilot_helpers import wait_for


@pytest.fixture
def council_server() -> Iterator[CouncilServer]:
    with CouncilServer(default_council()) as server:
        yield server


@pytest.fixture
def council_home(demo_home: Path, council_server: CouncilServer) -> Path:
    with Library(demo_home) as library, Syncer(library) as syncer:
        add_council(syncer, council_server.base_url, "Fixture County Council")
    return demo_home


def rows(app: MemberdeskApp) -> list[str]:
    listing = app.screen.query_one(CursorOptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def said(app: MemberdeskApp) -> str:
    return str(app.screen.query_one("#councils-status", Static).content)


async def choose(pilot, app: MemberdeskApp, starts: str) -> None:  # type: ignore[no-untyped-def]
    """Move the highlight with the Down key (as a person would) to the row starting so; Enter."""
    listing = app.screen.query_one(CursorOptionList)
    await wait_for(pilot, lambda: any(r.strip().startswith(starts) for r in rows(app)))
    target = next(i for i, r in enumerate(rows(app)) if r.strip().startswith(starts))
    for _ in range(listing.option_count):
        if listing.highlighted == target:
            break
        await pilot.press("down" if (listing.highlighted or 0) < target else "up")
    assert listing.highlighted == target
    await pilot.press("enter")


async def test_follow_sync_and_open_papers(council_home: Path) -> None:
    app = MemberdeskApp(council_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        screen = app.screen
        assert rows(app) == ["Fixture County Council, following 0 committees"]
        await choose(pilot, app, "Fixture County Council")
        await wait_for(pilot, lambda: "Cabinet, not followed" in rows(app))
        assert not any("Old Scrutiny" in r for r in rows(app))  # deleted: hidden

        await choose(pilot, app, "Cabinet")  # into its meetings (asks the council) ...
        await wait_for(pilot, lambda: any(r.startswith("Meeting ") for r in rows(app)))
        await pilot.press("escape")  # ... and back, to follow it
        await wait_for(pilot, lambda: "Cabinet, not followed" in rows(app))
        assert str(screen.query_one(CursorOptionList).highlighted_option.prompt).startswith("Cabinet")  # type: ignore[union-attr]
        await pilot.press("f")
        assert "Cabinet, followed" in rows(app) and said(app) == "Following Cabinet."

        shown: list[str] = []
        progress = screen.query_one("#sync-progress", Static)
        original = progress.update
        progress.update = lambda text="": (shown.append(str(text)), original(text))[1]  # type: ignore[method-assign]
        await pilot.press("s")
        await wait_for(pilot, lambda: said(app).startswith("Synced"))
        assert said(app).startswith(
            "Synced 3 meetings; papers: 12 new, 0 updated, 0 unchanged, 0 restricted, 0 failed;"
        )
        assert any(t.startswith("Downloading ") and t.endswith("%") and " of 12, " in t for t in shown)
        assert shown[-1] == ""  # the progress line clears at the end

        await choose(pilot, app, "Cabinet")
        await choose(pilot, app, "Meeting " + spoken_date(app.screen.library.councils.meetings(1)[0].date))  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: any(r.startswith("Item 3. Budget & council tax") for r in rows(app)))
        assert "  Paper: Council tax base, 2 pages" in rows(app)  # under both items it hangs off
        assert rows(app).count("  Paper: Council tax base, 2 pages") == 2
        assert "Meeting papers" in rows(app)
        await choose(pilot, app, "Paper: Budget report 2025-26")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        await choose(pilot, app, "Item 3. Budget")
        await wait_for(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        for _ in range(4):  # agenda -> meetings -> committees -> councils -> the library
            await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        library_rows = rows(app)
        # Once a committee is followed the library is meeting day: the next meeting first.
        assert any(r.startswith("Next meeting: Cabinet, in 10 days, ") for r in library_rows)
        assert library_rows.index("Coming up") < library_rows.index("Past meetings, the most recent first")


async def test_a_sync_can_be_stopped(council_home: Path, council_server: CouncilServer) -> None:
    with Library(council_home) as library:
        council = library.councils.all()[0]
        library.councils.set_followed([c.id for c in library.councils.committees(council.id)], True)
    council_server.add_fault("mgConvert2PDF", "slow_body", times=None, seconds=0.5)
    app = MemberdeskApp(council_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        progress = app.screen.query_one("#sync-progress", Static)
        await pilot.press("s")
        await wait_for(pilot, lambda: str(progress.content).startswith("Downloading "))
        await pilot.press("escape")  # not while a sync runs here
        assert isinstance(app.screen, CouncilsScreen) and "x stops it" in said(app)
        await pilot.press("x")
        await wait_for(pilot, lambda: "stopped before the end" in said(app), timeout=10)
        assert not any(p.suffix == ".part" for p in council_home.rglob("*"))
        assert "following 3 committees" in rows(app)[0]


async def test_the_library_shows_updated_until_opened(council_home: Path, council_server: CouncilServer) -> None:
    with Library(council_home) as library:
        council = library.councils.all()[0]
        cabinet = next(c for c in library.councils.committees(council.id) if c.title == "Cabinet")
        library.councils.set_followed([cabinet.id], True)
        with Syncer(library) as syncer:
            assert syncer.run().ok
        council_server.council.republish(5001)
        with Syncer(library) as syncer:
            assert syncer.run(recheck=True).updated == 1
    app = MemberdeskApp(council_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        # Meeting day: what is new since last opened comes first, and again under its meeting.
        assert rows(app)[0] == "New since you last opened them: 1 paper"
        assert rows(app)[1].startswith("  Updated to version 2: Budget report 2025-26, for Cabinet 20 days ago")
        assert "  Paper: Budget report 2025-26, 4 pages, updated, Cabinet 20 days ago" in rows(app)
        await choose(pilot, app, "Updated to version 2: Budget report 2025-26")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await wait_for(pilot, lambda: "  Paper: Budget report 2025-26, 4 pages, Cabinet 20 days ago" in rows(app))
        assert not any(r.startswith("New since") for r in rows(app))


async def test_the_library_opens_on_the_next_meeting(council_home: Path) -> None:
    with Library(council_home) as library, Syncer(library) as syncer:
        council = library.councils.all()[0]
        library.councils.set_followed([c.id for c in library.councils.committees(council.id)], True)
        syncer.run()
    app = MemberdeskApp(council_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        listing = app.screen.query_one(CursorOptionList)
        await wait_for(pilot, lambda: listing.highlighted is not None)
        highlighted = rows(app)[listing.highlighted or 0]
        assert highlighted.startswith("Next meeting: Cabinet, in 10 days, ") and highlighted.endswith("5 papers")
        assert [r for r in rows(app) if r.startswith("Next meeting")] == [highlighted]  # one, in words
        heading = str(app.screen.query_one("#library-heading").content)  # type: ignore[attr-defined]
        assert heading.startswith("Meeting day: nothing new; next meeting Cabinet in 10 days.")
        # Past meetings come after the ones coming up, the most recent first.
        past = rows(app).index("Past meetings, the most recent first")
        assert rows(app)[past + 1].startswith("Meeting: Planning Committee, 5 days ago")
        # Enter on a meeting shows its agenda in the councils screen; back up it goes to the
        # committee's meetings, again on the next one.
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        await wait_for(pilot, lambda: any(r.startswith("Item 1. Housing delivery") for r in rows(app)))
        await pilot.press("escape")
        await wait_for(pilot, lambda: any(r.startswith("Next meeting ") for r in rows(app)))
        listing = app.screen.query_one(CursorOptionList)
        meetings = rows(app)
        assert meetings[listing.highlighted or 0].startswith("Next meeting ") and "in 10 days" in meetings[0]
        assert meetings.index(next(r for r in meetings if "20 days ago" in r)) > 0
        await pilot.press("escape")
        await wait_for(pilot, lambda: any(r.startswith("Cabinet, followed") for r in rows(app)))
        await pilot.press("escape")
        await wait_for(pilot, lambda: any("next meeting Cabinet in 10 days" in r for r in rows(app)))


async def test_the_councils_screen_opens_on_the_next_meeting(council_home: Path) -> None:
    """c with committees followed: the next meeting (of any followed committee) is highlighted
    in its committee's meetings, marked in words, the past after it; Enter is its agenda, and
    Escape climbs to the committees and the councils as before."""
    with Library(council_home) as library, Syncer(library) as syncer:
        council = library.councils.all()[0]
        library.councils.set_followed([c.id for c in library.councils.committees(council.id)], True)
        syncer.run()
        upcoming = library.meeting_day().next
        assert upcoming is not None and upcoming.meeting.title == "Cabinet"
    app = MemberdeskApp(council_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        listing = app.screen.query_one(CursorOptionList)
        meetings = rows(app)
        assert meetings[listing.highlighted or 0].startswith(f"Next meeting {spoken_date(upcoming.meeting.date)}")
        assert "in 10 days" in meetings[listing.highlighted or 0]
        assert [r for r in meetings if r.startswith("Next meeting")] == [meetings[listing.highlighted or 0]]
        assert meetings.index(next(r for r in meetings if "20 days ago" in r)) > (listing.highlighted or 0)
        help_line = str(app.screen.query_one("#councils-help").content)  # type: ignore[attr-defined]
        assert help_line.startswith("Councils / Fixture County Council / Cabinet. Meetings: Enter shows the agenda")
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(r.startswith("Item 1. Housing delivery") for r in rows(app)))
        for expected in ("Next meeting ", "Cabinet, followed", "Fixture County Council, following 3 committees"):
            await pilot.press("escape")
            await wait_for(pilot, lambda: any(r.startswith(expected) for r in rows(app)))  # noqa: B023
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))


@pytest.mark.parametrize("screen_reader", [False, True], ids=["dialog", "screen-reader note line"])
async def test_notes_on_agenda_items_are_listed_for_the_meeting(council_home: Path, screen_reader: bool) -> None:
    with Library(council_home) as library, Syncer(library) as syncer:
        council = library.councils.all()[0]
        cabinet = next(c for c in library.councils.committees(council.id) if c.title == "Cabinet")
        library.councils.set_followed([cabinet.id], True)
        syncer.run()
        meeting = library.councils.meetings(cabinet.id)[0]
    profile = ActiveProfile(builtin_profiles()["screen-reader"], "--profile") if screen_reader else None
    app = MemberdeskApp(council_home, active=profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("c")  # opens on Cabinet's meetings: a committee is followed
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        await choose(pilot, app, "Meeting " + spoken_date(meeting.date))
        await wait_for(pilot, lambda: any(r.startswith("Item 3. Budget") for r in rows(app)))
        listing = app.screen.query_one(CursorOptionList)
        listing.highlighted = next(i for i, r in enumerate(rows(app)) if r.startswith("Item 3. Budget"))
        councils = app.screen
        await pilot.press("n")
        if screen_reader:  # on the screen's own bottom rows: no dialog, no repaint of the list
            line = councils.query_one(NoteLine)
            await wait_for(pilot, lambda: line.visible and isinstance(app.focused, TextArea))
            assert app.screen is councils and line.region.y == 38
        else:
            await wait_for(pilot, lambda: isinstance(app.screen, NoteEditorScreen))
        await pilot.press(*"Ask about the reserves policy.", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen) and app.focused is listing)
        assert any(r.startswith("Item 3. Budget") and r.endswith(", 1 note") for r in rows(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        [row] = [str(app.screen.query_one(CursorOptionList).get_option_at_index(0).prompt)]
        assert row.startswith("Note on item 3. Budget") and row.endswith(": Ask about the reserves policy.")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AgendaItemScreen))
    with Library(council_home) as library:
        [view] = library.notes.for_meeting(meeting.id)
        assert view.meeting_title.startswith("Cabinet, ") and view.agenda_item_title.startswith("3. Budget")
