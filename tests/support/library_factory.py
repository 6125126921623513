"""Filling a library through its public API: papers imported from real PDFs, meetings stored
as sync stores them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from memberdesk.importer import Importer
from memberdesk.library import Library
from memberdesk.model import AgendaItem
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
) -> tuple[int, int]:
    """A council meeting with one imported paper; returns (meeting id, document id)."""
    council = library.meetings.add_council("Northshire County Council", "https://democracy.northshire.example", "webservice")
    committee_id = library.meetings.upsert_committee(council, committee.lower().replace(" ", "-"), committee)
    meeting = library.meetings.upsert_meeting(committee_id, f"{committee}-{when}", when=when, time="10.00 am")
    library.meetings.set_agenda_items(meeting, list(items))
    path = make_pdf(folder / f"{committee}-{when}-{title}.pdf".replace(" ", "_"), pages, title=title)
    with Importer(library, workers=1) as importer:
        result = importer.import_file(path, meeting_id=meeting)
    assert result.document_id is not None, result.error
    return meeting, result.document_id
