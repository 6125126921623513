"""Plain mode's answers about the library as a whole: the demo pack for an empty library, the
paper record, a search of every paper and a paper's marks, each said in sentences a screen reader
reads well."""

from __future__ import annotations

from collections.abc import Callable

from memberdesk import config
from memberdesk.library import Library
from memberdesk.library.search import SearchError

Say = Callable[[str], None]


def import_demo(library: Library, say: Say) -> int | None:
    """The demo agenda pack, as the app opens it on an empty library: something to try."""
    from memberdesk.papers.importer import Importer

    say("The library is empty, so memberdesk opens its demo agenda pack to try.")
    say("Add your own papers with: memberdesk import FILE.pdf, or follow a council with: memberdesk council add.")
    with Importer(library) as importer:
        result = importer.import_file(config.demo_pack())
    if result.error or result.document_id is None:
        say(f"The demo pack could not be opened ({result.error}).")
        return None
    return result.document_id


def say_paper_record(library: Library, say: Say) -> None:
    """What `memberdesk paper` prints: this year against the target, then month by month."""
    try:
        settings = config.load_settings(library.home)
    except config.SettingsError:
        settings = config.Settings()
    record = library.paper_record.record(
        double_sided=settings.double_sided, yearly_sheet_target=settings.yearly_sheet_target
    )
    say(record.summary())
    for month in record.months:
        say(month.words())


def say_search(library: Library, say: Say, words: str) -> None:
    """Every paper searched (f with no paper open): the pages found, with their papers' numbers."""
    if not words:
        say("Type f and the words to search for, for example f ICT contract.")
        return
    try:
        hits = [h for h in library.search.query(words, limit=10) if h.kind == "page"]
    except SearchError as exc:
        say(f"{exc}.")
        return
    if not hits:
        say(f"Nothing found for {words}.")
        return
    for hit in hits:
        say(f"Paper {hit.document_id}, {hit.document_title}, page {hit.page_label}: {hit.snippet}")
    say("Type o and the paper's number to open it, then g and the page.")


def say_marks(library: Library, say: Say, document_id: int) -> None:
    """A paper's bookmarks and notes, each with its printed page."""
    bookmarks = library.bookmarks.for_document(document_id)
    notes = library.notes.for_document(document_id)
    if not bookmarks and not notes:
        say("No notes or bookmarks in this paper yet: b bookmarks a page, a writes a note.")
    for mark in bookmarks:
        say(f"Bookmark: page {mark.label}")
    for view in notes:
        say(f"Note on page {view.page_label}: {view.note.text}")
