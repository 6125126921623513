"""Filling a library through its public API: papers imported from real PDFs, meetings stored
as sync stores them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from memberdesk.dates import london_now
from memberdesk.library import Library
from memberdesk.model import AgendaItem
from memberdesk.papers.importer import Importer
from pdf_factory import make_pdf


def add_meeting_paper(
    library: Library,
    folder: Path,
    *,
    committee: str,
    when: date,
    pages: list[str],
    title: str,
    items: list[AgendaItem] = (),  # type: ignore[assignment]
    base_url: str = "https://democracy.northshire.example",
) -> tuple[int, int]:
    """A council meeting with one imported paper; returns (meeting id, document id)."""
    council = library.councils.add_council("Northshire County Council", base_url, "webservice")
    committee_id = library.councils.upsert_committee(council, committee.lower().replace(" ", "-"), committee)
    meeting = library.councils.upsert_meeting(committee_id, f"{committee}-{when}", when=when, time="10.00 am")
    library.councils.set_agenda_items(meeting, list(items))
    path = make_pdf(folder / f"{committee}-{when}-{title}.pdf".replace(" ", "_"), pages, title=title)
    with Importer(library, workers=1) as importer:
        result = importer.import_file(path, meeting_id=meeting)
    assert result.document_id is not None, result.error
    return meeting, result.document_id


def walk_library(home: Path, demo_pack: Path) -> None:
    """A library to walk through by keyboard: a council (on a port nothing answers, so asking it
    fails at once) with its one committee followed, a meeting next week with two agenda items,
    a two-page report and the demo agenda pack."""
    from datetime import timedelta

    with Library(home) as library:
        items = [
            AgendaItem(0, 0, "1", "Apologies for absence", text="Apologies were received."),
            AgendaItem(0, 0, "2", "Highways budget", text="The committee considered the budget."),
        ]
        meeting, _ = add_meeting_paper(
            library,
            home.parent / "in",
            committee="Cabinet",
            when=london_now().date() + timedelta(days=7),  # London's day, as meeting day counts
            pages=["Report on the highways budget. " * 30, "Zebra crossings and the budget. " * 20],
            title="Highways report",
            items=items,
            base_url="http://127.0.0.1:9",
        )
        with Importer(library, workers=1) as importer:
            assert importer.import_file(demo_pack, meeting_id=meeting).document_id is not None
        council = library.councils.all()[0]
        library.councils.set_followed([c.id for c in library.councils.committees(council.id)], True)
