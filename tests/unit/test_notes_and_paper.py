"""Notes, bookmarks and the paperless record through the library API."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from library_factory import add_meeting_paper
from memberdesk.library import Library
from memberdesk.model import AgendaItem
from memberdesk.papers.importer import Importer


@pytest.fixture
def library(home: Path, pack: Path) -> Library:
    lib = Library(home)
    with Importer(lib, workers=1) as importer:
        assert importer.import_file(pack).document_id == 1
    yield lib
    lib.close()


def test_note_crud_keeps_page_label(library: Library) -> None:
    note = library.notes.add("Ask about the zebra crossing budget.", document_id=1, page_index=19)
    [view] = library.notes.for_document(1)
    assert view.note.id == note and view.page_label == "17" and view.document_title == "Cabinet reports pack"
    library.notes.update(note, "Ask about the zebra crossing budget and timing.")
    assert library.notes.get(note).text.endswith("and timing.")  # type: ignore[union-attr]
    assert library.notes.delete(note) is not None
    assert library.notes.for_document(1) == []


def test_empty_note_is_refused(library: Library) -> None:
    with pytest.raises(ValueError, match="needs some text"):
        library.notes.add("   ", document_id=1, page_index=0)


def test_note_on_an_agenda_item(library: Library, tmp_path: Path) -> None:
    meeting, _ = add_meeting_paper(
        library,
        tmp_path,
        committee="Cabinet",
        when=date(2027, 2, 2),
        title="Cabinet pack",
        pages=["Budget"],
        items=[AgendaItem(0, 0, "4.", "Budget 2027/28", remote_id="9")],
    )
    item = library.catalogue()["councils"][0]["committees"][0]["meetings"][0]["agenda_items"][0]["id"]
    library.notes.add("Question on reserves.", agenda_item_id=item)
    [view] = [v for v in library.notes.for_meeting(meeting) if v.agenda_item_title]
    assert view.agenda_item_title == "4. Budget 2027/28" and view.meeting_title == "Cabinet, 2027-02-02"


def test_bookmarks_toggle(library: Library) -> None:
    assert library.bookmarks.toggle(1, 4) is True
    assert library.bookmarks.is_marked(1, 4)
    assert [(b.page_index, b.label) for b in library.bookmarks.for_document(1)] == [(4, "2")]
    assert library.bookmarks.toggle(1, 4) is False
    assert library.bookmarks.for_document(1) == []


def test_restored_notes_find_their_paper_by_content_hash(tmp_path: Path, pack: Path) -> None:
    with Library(tmp_path / "old") as old, Importer(old, workers=1) as importer:
        importer.import_file(pack)
        old.notes.add("Remember the Mill Lane crossing.", document_id=1, page_index=19)
        records = [
            {
                "uid": v.uid,
                "text": v.note.text,
                "document_sha256": v.document_sha256,
                "document_title": v.document_title,
                "page_index": v.note.page_index,
                "page_label": v.page_label,
            }
            for v in old.notes.all()
        ]
    with Library(tmp_path / "new") as new:
        assert new.notes.restore(records) == (1, 0)
        assert new.notes.restore(records) == (0, 1)  # importing twice adds nothing
        assert new.notes.all()[0].note.document_id is None  # the paper is not here yet
        with Importer(new, workers=1) as importer:
            importer.import_file(pack)
        [view] = new.notes.all()
        assert view.note.document_id == 1 and view.page_label == "17"


def test_paper_record_counts_each_page_once_per_version(library: Library) -> None:
    for page in [0, 1, 2, 2, 1, 3, 4]:
        library.paper_record.record_page(1, page)
    record = library.paper_record.record(double_sided=True, yearly_sheet_target=10)
    assert (record.pages_this_year, record.sheets_this_year) == (5, 3)  # ceil(5 / 2)
    assert record.target_percent == 30
    single = library.paper_record.record(double_sided=False, yearly_sheet_target=10)
    assert single.sheets_this_year == 5 and single.target_percent == 50
    assert record.months[0].pages == 5
    assert (
        "5 pages read on screen this year: 3 sheets saved (double-sided), 30% of this year's target" in record.summary()
    )


def test_paper_record_by_month_and_year(library: Library) -> None:
    library.paper_record.record_page(1, 0)
    library.conn.execute("UPDATE page_reads SET read_at = '2025-11-03 10:00:00'")
    library.paper_record.record_page(1, 1)
    record = library.paper_record.record(double_sided=True, yearly_sheet_target=100, today=date.today())
    assert [m.month for m in record.months][0] == "2025-11"
    assert record.pages_total == 2 and record.pages_this_year == 1
