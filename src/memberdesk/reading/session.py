"""One paper being read: what the reader screen, plain mode, `speak` and audio export share.

The session opens the paper, knows its printed page labels, contents and running headers
(found once and kept), the paragraphs and sentences of each page, the section at a place,
and keeps the reader's position, bookmarks and notes. Every front end shows the same
paper the same way because none of them works any of this out for itself.

It is used from one thread, its owner's (the app's UI thread, plain mode's loop). Speech
runs on other threads; its events reach the session through the owner, never directly, so
no library write ever happens on a speaker's thread.
"""

from __future__ import annotations

from memberdesk.library import Library
from memberdesk.model import Document, OutlineEntry
from memberdesk.papers import ocr
from memberdesk.papers.flow import read_blocks
from memberdesk.papers.paging import resolve_page, section_at
from memberdesk.papers.reflow import Paragraph, paragraphs
from memberdesk.papers.running import find_repeated_lines, without_running_lines
from memberdesk.papers.shapes import Table
from memberdesk.reading.find import FindResults, find_in_pages
from memberdesk.reading.sections import Section, agenda_sections
from memberdesk.speech.follow import DocumentSentences
from memberdesk.speech.laid_out import LaidOut
from memberdesk.words import plural

NO_TEXT = "This page has no text (it may be a picture or a blank page)."
SCAN_WARNING = ocr.SCAN_WARNING  # said once at the top of every page read by OCR
WAITING = "This page is a scan: its text is being read and will appear here in a moment."
PICTURE = "This page is a picture with no readable text."
NO_OCR = f"This page is a picture of text that has not been read: {ocr.INSTALL_HINT}."
NOT_READ = "This page is a scan whose text was not read (the reading was stopped): 'memberdesk ocr {id}' reads it."


def no_text_words(note: str, document_id: int = 0) -> str:
    """What to say for a page with no text, from how OCR fared with it (pages.ocr_note)."""
    if note == ocr.MISSING:
        return NO_OCR
    reading = ocr.still_reading(note)
    if reading is not None or note == ocr.STOPPED:
        return WAITING if reading else NOT_READ.format(id=document_id or "DOC")
    if note == ocr.NO_READABLE_TEXT:
        return PICTURE
    if note:
        return f"This page is a picture whose text could not be read ({note})."
    return NO_TEXT


class ReadingSession:
    def __init__(self, library: Library, document: Document) -> None:
        self.library = library
        self.document = document
        self.page_index = 0
        self.labels: list[str] = library.documents.labels(document.id)
        self.outline: list[OutlineEntry] = library.documents.outline(document.id)
        self._running: frozenset[str] | None = None
        self._sentences: DocumentSentences | None = None

    @classmethod
    def open(cls, library: Library, document_id: int) -> ReadingSession | None:
        """The session for a paper that can be read (ready, or still importing); else None."""
        document = library.documents.get(document_id)
        if document is None or document.status not in ("ready", "importing"):
            return None
        library.documents.mark_opened(document.id)
        return cls(library, document)

    @property
    def page_count(self) -> int:
        return self.document.page_count

    def refresh(self) -> Document | None:
        """Read the paper's row again (an import in progress adds pages); None if it is gone."""
        document = self.library.documents.get(self.document.id)
        if document is None:
            return None
        finished = self.document.status == "importing" and document.status != "importing"
        self.document = document
        self.labels = self.library.documents.labels(document.id)
        if finished:
            self._running = None  # found again now that every page is in
        return document

    # -- pages and their printed labels ---------------------------------------------------
    def label(self, index: int | None = None) -> str:
        index = self.page_index if index is None else index
        return self.labels[index] if 0 <= index < len(self.labels) else str(index + 1)

    def label_span(self) -> str:
        """'i to 40': the first and last printed labels."""
        return f"{self.label(0)} to {self.label(self.page_count - 1)}" if self.page_count else ""

    def resolve(self, wanted: str) -> int:
        """The page a person means by `wanted`; raises PageNotFound saying which pages there are."""
        return resolve_page(self.labels, wanted)

    @property
    def running_lines(self) -> frozenset[str]:
        """Running headers and footers, found across every page once and kept."""
        if self._running is None:
            self._running = find_repeated_lines([p.text for p in self.library.documents.pages(self.document.id)])
        return self._running

    def page_text(self, index: int, *, running: bool = False) -> str | None:
        """The page's text (without running lines unless asked); None while it is being imported."""
        page = self.library.documents.page(self.document.id, index)
        if page is None:
            return None
        return page.text if running else without_running_lines(page.text, self.running_lines)

    def paragraphs(self, index: int, *, running: bool = False) -> list[Paragraph] | None:
        """The page's paragraphs and headings in reading order; None while it is being imported.

        Pages laid out from positioned text keep their blocks (headings by type size, table
        rows); older pages are reflowed from their text by rule."""
        page = self.library.documents.page(self.document.id, index)
        if page is None:
            return None
        blocks = read_blocks(page.blocks)
        if blocks:
            found = [Paragraph(b.text, heading=b.heading, table_row=b.table, table=b.grid) for b in blocks]
        else:
            found = paragraphs(page.text if running else without_running_lines(page.text, self.running_lines))
        if page.source == "ocr" and found:
            if page.ocr_note == ocr.PICTURE:
                found.insert(0, Paragraph(ocr.PICTURE_WARNING))
            else:
                found.insert(0, Paragraph(ocr.DOUBT_WARNING if ocr.DOUBT in page.text else SCAN_WARNING))
        return found

    def tables_on(self, index: int) -> list[Table]:
        """The tables on page `index`, top to bottom (see reading/tables.py to name their cells)."""
        return [p.table for p in self.paragraphs(index) or [] if p.table is not None]

    def laid_out(self, index: int) -> LaidOut:
        """What the layout found on page `index`, for speech: its tables and its headings
        (None for a page stored without its blocks: speech then judges them from the text)."""
        page = self.library.documents.page(self.document.id, index)
        blocks = read_blocks(page.blocks) if page is not None else []
        tables = [b.grid for b in blocks if b.grid is not None]
        return LaidOut(tables, frozenset(b.text.strip() for b in blocks if b.heading) if blocks else None)

    def waiting_for_ocr(self, index: int) -> bool:
        page = self.library.documents.page(self.document.id, index)
        return page is not None and bool(ocr.still_reading(page.ocr_note))

    def no_text(self, index: int) -> str:
        """What to say for page `index` when it has no paragraphs (a picture, a blank page)."""
        page = self.library.documents.page(self.document.id, index)
        return no_text_words(page.ocr_note if page is not None else "", self.document.id)

    def sentences(self) -> DocumentSentences:
        """Every page's sentences, for reading aloud and stepping by sentence (made once)."""
        if self._sentences is None:
            self._sentences = DocumentSentences(
                lambda: self.library.documents.page_texts(self.document.id), self.laid_out
            )
        return self._sentences

    # -- where the reader is --------------------------------------------------------------
    def go(self, index: int, line: int = 0) -> None:
        """The reader is now on page `index`: remember it and count it as read on screen."""
        self.page_index = max(0, min(index, self.page_count - 1))
        self.library.documents.save_position(self.document.id, self.page_index, line)
        if self.library.documents.page(self.document.id, self.page_index) is not None:
            self.library.paper_record.record_page(self.document.id, self.page_index)

    def save_line(self, line: int) -> None:
        self.library.documents.save_position(self.document.id, self.page_index, line)

    def saved_position(self) -> tuple[int, int]:
        page, line = self.library.documents.position(self.document.id)
        return min(page, max(0, self.page_count - 1)), line

    def section(self, index: int | None = None, paragraph: int | None = None) -> str:
        """The section the reader is in: at `paragraph` of the page when given (the one the
        reading line is under), else at the end of the page."""
        index = self.page_index if index is None else index
        if paragraph is None:
            return section_at(self.outline, index)
        here = self._headings_on(index)
        passed = [e for e in self.outline if e.page_index < index]
        passed += [e for e, at in here if at <= paragraph]
        return section_at(passed, index)

    def _headings_on(self, index: int) -> list[tuple[OutlineEntry, int]]:
        """The contents entries that begin on page `index`, each with the paragraph it is
        (matched by its words; an entry not found stands at the top of the page)."""
        entries = [e for e in self.outline if e.page_index == index]
        if not entries:
            return []
        texts = [" ".join(p.text.split()).lower() for p in self.paragraphs(index) or []]
        placed, start = [], 0
        for entry in entries:
            title = " ".join(entry.title.split()).lower()
            at = next((n for n in range(start, len(texts)) if texts[n].startswith(title[:60])), None)
            placed.append((entry, at if at is not None else 0))
            start = at if at is not None else start
        return placed

    def paragraph_of(self, entry: OutlineEntry) -> int:
        """The paragraph of its page a contents entry stands at (0: the top of the page)."""
        return next((at for e, at in self._headings_on(entry.page_index) if e == entry), 0)

    def heading_after(self, index: int, paragraph: int, step: int) -> tuple[int, int] | None:
        """(page, paragraph) of the next (step 1) or previous (step -1) heading, across pages."""
        page, para = index, paragraph
        while 0 <= page < self.page_count:
            paras = self.paragraphs(page) or []
            numbers = range(para + 1, len(paras)) if step > 0 else range(min(para, len(paras)) - 1, -1, -1)
            for number in numbers:
                if paras[number].heading:
                    return page, number
            page += step
            para = -1 if step > 0 else 1 << 30
        return None

    def sections(self, wanted: range) -> list[Section]:
        """One section per agenda item among the pages `wanted` (see agenda_sections)."""
        return agenda_sections(self.outline, self.document, wanted)

    def place_words(self, paragraph: int | None = None) -> str:
        """'Page 12 (14 of 40), 3. Budget' as said by plain mode and the reader's status."""
        section = self.section(paragraph=paragraph)
        where = f"Page {self.label()} ({self.page_index + 1} of {self.page_count})"
        return f"{where}, {section}" if section else where

    def status_parts(self, paragraph: int | None = None) -> list[str]:
        """The reader's status line in words, one part each (the section: the one `paragraph`
        of the page is in, when given)."""
        parts = [f"Page {self.label()}", f"{self.page_index + 1} of {self.page_count}"]
        section = self.section(paragraph=paragraph)
        if section:
            parts.append(section)
        if self.is_bookmarked():
            parts.append("bookmarked")
        notes = self.notes_on_page()
        if notes:
            parts.append(f"{plural(notes, 'note')} on this page")
        return parts

    # -- bookmarks, notes and find ------------------------------------------------------
    def is_bookmarked(self) -> bool:
        return self.library.bookmarks.is_marked(self.document.id, self.page_index)

    def toggle_bookmark(self) -> str:
        """Bookmark this page or remove its bookmark; the words that say which."""
        marked = self.library.bookmarks.toggle(self.document.id, self.page_index)
        return f"Page {self.label()} {'bookmarked' if marked else 'no longer bookmarked'}."

    def add_note(self, text: str, index: int | None = None) -> str:
        index = self.page_index if index is None else index
        self.library.notes.add(text, document_id=self.document.id, page_index=index)
        return f"Note saved on page {self.label(index)}."

    def notes_on_page(self) -> int:
        return sum(1 for v in self.library.notes.for_document(self.document.id) if v.note.page_index == self.page_index)

    def find(self, query: str, *, as_search: bool = False, running: bool = False) -> FindResults:
        """Matches in the paragraphs as they are shown (`running`: with the running lines),
        from the current page on."""
        return find_in_pages(
            self.library,
            self.document.id,
            query,
            lambda index: self.paragraphs(index, running=running),
            start_page=self.page_index,
            as_search=as_search,
        )
