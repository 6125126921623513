"""x in the app stops an import or a sync within a second, keeping what arrived.

Real imports of generated PDFs (worker processes and all) and a real council address on
127.0.0.1 that never accepts a connection; the library is checked afterwards: the papers
finished are there and readable, nothing half-imported, no temporary file, integrity ok.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.widgets import Static

from faults import children, connecting_to, gone_within, integrity, never_accepting, papers, temporary_files
from memberdesk.library import Library
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.dialogs.prompt import PromptScreen
from memberdesk.ui.screens.councils import CouncilsScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.reader import ReaderScreen
from pdf_factory import make_pdf
from pilot_helpers import wait_for

FOLDER_PAPERS = 10


def ready_from(home: Path, folder: Path) -> list[str]:
    """Titles of the papers imported from `folder` that are readable now (another connection)."""
    with Library(home) as library:
        return [
            d.title for d in library.documents.all() if d.status == "ready" and Path(d.source_path).parent == folder
        ]


def rows_importing(home: Path) -> int:
    with Library(home) as library:
        return sum(1 for d in library.documents.all(include_unfinished=True) if d.status != "ready")


def tracker(pid: int) -> bool:
    """multiprocessing's resource tracker: one per process, it stays (it is no worker)."""
    try:
        return b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


async def import_by_keys(pilot, app: MemberdeskApp, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("i")
    await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
    await pilot.press(*str(path))
    await pilot.press("enter")


async def test_x_stops_a_folder_import_and_the_papers_finished_stay(demo_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    papers(folder, FOLDER_PAPERS, pages=30)
    before = set(children(os.getpid()))
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await import_by_keys(pilot, app, folder)
        await wait_for(pilot, lambda: len(ready_from(demo_home, folder)) >= 2, timeout=120)
        workers = [pid for pid in children(os.getpid()) if pid not in before and not tracker(pid)]
        await pilot.press("x")
        asked = time.monotonic()
        await wait_for(pilot, lambda: any(m.startswith("Import stopped:") for m in app.messages), timeout=10)
        spent = time.monotonic() - asked
        said = next(m for m in app.messages if m.startswith("Import stopped:"))
        assert spent < 1.0, f"the import stopped {spent:.2f} s after x"
        kept = ready_from(demo_home, folder)
        assert said == (
            f"Import stopped: {len(kept)} papers imported, {FOLDER_PAPERS - len(kept)} not; "
            "import the folder again to finish."
        ), said
        assert 2 <= len(kept) < FOLDER_PAPERS
        assert gone_within(workers, 2.0) == []  # the extraction workers ended with the stop
        assert rows_importing(demo_home) == 0 and temporary_files(demo_home) == []
        assert integrity(demo_home) == "ok"
        # Importing again finishes the job: the papers already in are recognised, not doubled.
        await import_by_keys(pilot, app, folder)
        await wait_for(pilot, lambda: any(m.startswith("Imported 10 papers") for m in app.messages), timeout=120)
    assert sorted(ready_from(demo_home, folder)) == sorted(f"Paper 0-{n}" for n in range(FOLDER_PAPERS))
    assert integrity(demo_home) == "ok" and temporary_files(demo_home) == []


async def test_x_in_the_reader_stops_the_import_of_the_paper_being_prepared(demo_home: Path, tmp_path: Path) -> None:
    big = make_pdf(tmp_path / "big.pdf", [f"Page {n} of the budget pack. " * 60 for n in range(400)])
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await import_by_keys(pilot, app, big)
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), timeout=60)
        assert app.screen.document.status == "importing"  # page one is shown, the rest coming
        await pilot.press("x")
        asked = time.monotonic()
        await wait_for(pilot, lambda: any(m.startswith("Import of big.pdf stopped") for m in app.messages), timeout=10)
        spent = time.monotonic() - asked
        assert spent < 1.0, f"the import stopped {spent:.2f} s after x"
        assert isinstance(app.screen, LibraryScreen)  # its reader closed: the paper is not kept
        assert "Import of big.pdf stopped: 0 papers imported, 1 not; import it again to finish." in app.messages
        assert not any("failed" in m for m in app.messages)
    with Library(demo_home) as library:
        assert [d.id for d in library.documents.all()] == [1]  # the demo pack only
    assert temporary_files(demo_home) == [] and integrity(demo_home) == "ok"
    assert not any(p.name.startswith(big.stem) for p in (demo_home / "papers").rglob("*"))


async def test_x_with_nothing_running_says_so(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("x")
        nothing = "Nothing is running: x stops an import or a sync while one runs."
        await wait_for(pilot, lambda: nothing in app.messages)
        await pilot.press("c")  # the councils screen's own x, with no sync, says the same
        await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
        app.messages.clear()
        await pilot.press("x")
        await wait_for(pilot, lambda: nothing in app.messages)


async def test_x_stops_a_sync_waiting_to_connect_within_a_second(demo_home: Path) -> None:
    with never_accepting() as url:
        with Library(demo_home) as library:
            council_id = library.councils.add_council("Stuck Borough Council", url.rstrip("/"), "webservice")
            committee = library.councils.upsert_committee(council_id, "101", "Cabinet")
            library.councils.set_followed([committee], True)
        app = MemberdeskApp(demo_home)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
            await pilot.press("c")
            await wait_for(pilot, lambda: isinstance(app.screen, CouncilsScreen))
            await pilot.press("s")
            await wait_for(pilot, lambda: connecting_to(url) >= 1, timeout=10)  # 10 s connect timeout
            await pilot.press("x")
            asked = time.monotonic()
            status = app.screen.query_one("#councils-status", Static)
            await wait_for(pilot, lambda: "stopped before the end" in str(status.content), timeout=10)
            spent = time.monotonic() - asked
            assert spent < 1.0, f"the sync stopped {spent:.2f} s after x"
    assert temporary_files(demo_home) == [] and integrity(demo_home) == "ok"
