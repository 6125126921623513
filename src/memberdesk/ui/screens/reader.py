"""The reader: one paper, page by page, with contents, go-to-page and find."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from memberdesk.library import Library
from memberdesk.model import Document, OutlineEntry
from memberdesk.papers.paging import PageNotFound
from memberdesk.papers.reflow import Paragraph
from memberdesk.reading.find import FindResults
from memberdesk.reading.references import page_references
from memberdesk.reading.session import ReadingSession
from memberdesk.reading.table_mode import TableCursor
from memberdesk.speech.preferences import reads_on_opening
from memberdesk.ui.dialogs.contents import ContentsScreen
from memberdesk.ui.dialogs.prompt import PromptScreen
from memberdesk.ui.read_aloud import ReadAloudScreen
from memberdesk.ui.screens.reader_marks import ReaderMarks
from memberdesk.ui.widgets.message_line import MessageLine
from memberdesk.ui.widgets.note_line import NoteLine
from memberdesk.ui.widgets.page_view import Highlight, PageView
from memberdesk.ui.widgets.table_view import TableBar, table_at
from memberdesk.ui.widgets.text_box import TextBox


class ReaderScreen(ReaderMarks, ReadAloudScreen):  # the read-aloud keys and controller; notes and bookmarks
    BINDINGS = [
        Binding("right,full_stop", "next_page", "Next page", id="reader.next_page"),
        Binding("left,comma", "previous_page", "Previous page", id="reader.previous_page"),
        Binding("home", "first_page", "First page", id="reader.first_page"),
        Binding("end", "last_page", "Last page", id="reader.last_page"),
        Binding("g", "go_to_page", "Go to page", id="reader.go_to_page"),
        Binding("c", "contents", "Contents", id="reader.contents"),
        Binding("enter", "follow_reference", "Go to the pages the reading line refers to", id="reader.follow"),
        Binding("h", "next_heading", "Next heading", id="reader.next_heading"),
        Binding("H,shift+h", "previous_heading", "Previous heading", id="reader.previous_heading"),
        Binding("slash,f", "find", "Find", id="reader.find"),
        Binding("n,f3", "next_hit", "Next match", id="reader.next_hit"),
        Binding("N,shift+f3", "previous_hit", "Previous match", id="reader.previous_hit"),
        Binding("m", "bookmark", "Bookmark this page (or remove its bookmark)", id="reader.bookmark"),
        Binding("a", "add_note", "Write a note on this page", id="reader.note"),
        Binding("o", "notes", "Notes and bookmarks in this paper", id="reader.notes"),
        Binding("w", "where", "Say where you are (the whole status line)", id="reader.where"),
        Binding("t", "table_mode", "Table mode: move cell by cell through the table here", id="reader.table"),
        Binding("escape,ctrl+g,backspace", "back", "Library", id="reader.back"),
    ]

    # Textual repaints the whole screen when focus moves (the page to the note line and back):
    # a screen reader reading the terminal part-way through hears rows of the page again.
    # The widgets gaining and losing focus repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, library: Library, document: Document, *, page_index: int | None = None, find: str = "") -> None:
        super().__init__()
        self.library = library
        self.reading = ReadingSession(library, document)
        self._start_page = page_index
        self._start_find = find
        self.find: FindResults | None = None
        self._shown_section = ""
        self._page_paragraphs: list[Paragraph] = []
        self._waiting_for: int | None = None
        self._waiting_for_ocr = False  # the page shown is a scan whose text is still being read
        self._polling = False

    def compose(self) -> ComposeResult:
        with Vertical(id="reader"):
            yield Static(self.document.title, id="reader-title", markup=False)
            yield (view := PageView(id="page"))
            yield TextBox(placeholder="Find in this paper: type and press Enter (Escape or Ctrl+G closes)", id="find")
            yield Static("", id="status", markup=False)
            yield TableBar(view, id="table-bar")
        yield NoteLine(id="note-line")
        if self.app.has_class("-screen-reader"):
            # There from the start: mounted with the first message, it would shrink the page
            # by a row and repaint all of it, and a screen reader hears rows of it again.
            yield MessageLine()

    @property
    def document(self) -> Document:
        return self.reading.document

    @property
    def page_index(self) -> int:
        return self.reading.page_index

    @property
    def labels(self) -> list[str]:
        return self.reading.labels

    @property
    def outline(self) -> list[OutlineEntry]:
        return self.reading.outline

    @property
    def page_view(self) -> PageView:
        return self.query_one(PageView)

    def on_mount(self) -> None:
        self.query_one("#find", Input).display = False
        self.library.documents.mark_opened(self.document.id)
        page, line = self.reading.saved_position()
        if self._start_page is not None:
            page, line = self._start_page, 0
        self.show_page(page, line=line)
        self.page_view.focus()
        if self._start_find:
            self.run_find(self._start_find, as_search=True)
        profile = getattr(self.app, "active_profile", None)
        auto_read = profile is not None and profile.profile.speech.auto_read
        if self.document.status == "ready" and reads_on_opening(self.library.home, auto_read=auto_read):
            # The profile, or the first run's "Read aloud to me", asks for papers read as they open.
            self.call_after_refresh(self.action_read_aloud)
        if self.document.status == "importing":
            self._poll()

    def _poll(self) -> None:
        if not self._polling:
            self._polling = True
            self.set_interval(0.5, self._refresh_progress, name="import-progress")

    # -- pages -----------------------------------------------------------------------------
    def show_page(self, index: int, *, line: int = 0, at_end: bool = False) -> None:
        index = max(0, min(index, self.document.page_count - 1))
        self.reading.go(index)
        paras = self.reading.paragraphs(index, running=True)
        if paras is None:
            self._waiting_for = index
            self._page_paragraphs = []
            self.page_view.show([], placeholder=f"Page {index + 1} is still being prepared; it will appear here.")
        else:
            self._waiting_for = None
            self._page_paragraphs = paras
            self._waiting_for_ocr = not paras and self.reading.waiting_for_ocr(index)
            if self._waiting_for_ocr and self.is_mounted:
                self._poll()
            placeholder = "" if paras else self.reading.no_text(index)
            self.page_view.show(self._page_paragraphs, line=line, placeholder=placeholder)
            if at_end:
                self.page_view.move_to(len(self.page_view.lines) - 1)
            self._apply_find_highlights()
        self.update_status()
        self.reading.save_line(self.page_view.cursor_line)

    def _refresh_progress(self) -> None:
        doc = self.reading.refresh()
        if doc is None:
            self.notify("The import of this paper failed; see the library for the reason.", severity="error")
            self.app.pop_screen()
            return
        if self._waiting_for is not None and self.library.documents.page(doc.id, self._waiting_for):
            self.show_page(self._waiting_for)
        elif self._waiting_for_ocr and not self.reading.waiting_for_ocr(self.reading.page_index):
            self.show_page(self.reading.page_index)  # its scan has been read
        self.update_status()
        if doc.status != "importing" and not self._waiting_for_ocr:
            for timer in list(self._timers):
                if timer.name == "import-progress":
                    timer.stop()
            self._polling = False

    def page_label(self, index: int | None = None) -> str:
        return self.reading.label(index)

    def current_section(self) -> str:
        return self.reading.section()

    def update_status(self) -> None:
        doc = self.document
        parts = self.reading.status_parts(self._reading_paragraph())
        if self.find and self.find.hits:
            parts.append(f"match {self.find.current + 1} of {len(self.find.hits)} for '{self.find.query}'")
        if self.read_aloud.status_words():
            parts.append(self.read_aloud.status_words())
        if doc.status == "importing":
            percent = int(doc.pages_ready * 100 / max(1, doc.page_count))
            parts.append(f"preparing pages: {doc.pages_ready} of {doc.page_count}, {percent}%")
        self._shown_section = self.reading.section(paragraph=self._reading_paragraph())
        self._status_text = " \u2014 ".join(parts)
        self.query_one("#status", Static).update(self._status_text)

    def action_where(self) -> None:
        """The paper and the whole status on the message line, as plain mode's `w` says it."""
        self.notify(f"{self.document.title}: {getattr(self, '_status_text', '')}.")

    @on(PageView.Edge)
    def _edge(self, event: PageView.Edge) -> None:
        if event.direction > 0 and self.page_index < self.document.page_count - 1:
            self.show_page(self.page_index + 1)
        elif event.direction < 0 and self.page_index > 0:
            self.show_page(self.page_index - 1, at_end=True)
        else:
            self.app.bell()

    @on(PageView.Moved)
    def _moved(self) -> None:
        self.reading.save_line(self.page_view.cursor_line)
        # The status names the section the reading line is under; repainted only when that
        # changes, so a screen reader is not told the status again on every line.
        if self.reading.section(paragraph=self._reading_paragraph()) != self._shown_section:
            self.update_status()

    def _reading_paragraph(self) -> int:
        view = self.page_view
        lines = view.lines[: view.cursor_line + 1]
        return next((ln.paragraph for ln in reversed(lines) if ln.paragraph >= 0), 0)

    def action_follow_reference(self) -> None:
        """An agenda's "(Pages 31 - 190)" on the reading line: go to the page printed 31."""
        view = self.page_view
        if not view.lines or not self._page_paragraphs:
            return
        line = view.lines[view.cursor_line]
        paragraph = self._page_paragraphs[self._reading_paragraph()].text
        # The reference on this line, else the paragraph's first.
        references = page_references(paragraph)
        on_line = [r for r in references if r.start < line.end and r.end > line.start]
        if not references:
            self.app.notify("No page reference on this line: g goes to a page by its number.")
            return
        reference = (on_line or references)[0]
        try:
            index = self.reading.resolve(reference.first)
        except PageNotFound as exc:
            self.app.notify(f"This paper has no {reference.words()}: {exc}", severity="warning")
            return
        self.show_page(index)
        self.app.notify(f"Went to {reference.words()}.")

    def action_next_heading(self) -> None:
        self._to_heading(+1)

    def action_previous_heading(self) -> None:
        self._to_heading(-1)

    def _to_heading(self, step: int) -> None:
        found = self.reading.heading_after(self.page_index, self._reading_paragraph(), step)
        if found is None:
            self.app.bell()
            self.app.notify("No more headings this way.")
            return
        page, paragraph = found
        if page != self.page_index:
            self.show_page(page)
        self.page_view.move_to(self.page_view.line_of(paragraph, 0), top=True)

    def action_next_page(self) -> None:
        if self.page_index < self.document.page_count - 1:
            self.show_page(self.page_index + 1)
        else:
            self.app.bell()

    def action_previous_page(self) -> None:
        if self.page_index > 0:
            self.show_page(self.page_index - 1)
        else:
            self.app.bell()

    def action_first_page(self) -> None:
        self.show_page(0)

    def action_last_page(self) -> None:
        self.show_page(self.document.page_count - 1)

    def action_go_to_page(self) -> None:
        def chosen(answer: str | None) -> None:
            if not answer:
                return
            try:
                self.show_page(self.reading.resolve(answer))
            except PageNotFound as exc:
                self.app.notify(str(exc), severity="warning")

        span = self.reading.label_span()
        question = (
            f"Go to page: type the number printed on the page ({span}), or #N for the Nth page. "
            "Enter goes, Escape or Ctrl+G cancels."
        )
        self.app.push_screen(PromptScreen(question, "page-number"), chosen)

    def action_contents(self) -> None:
        if not self.outline:
            self.app.notify("This paper has no contents list (no bookmarks or headings found).")
            return

        def chosen(entry: OutlineEntry | None) -> None:
            if entry is not None:
                self.show_page(entry.page_index)
                # On the heading itself, not the top of its page.
                paragraph = self.reading.paragraph_of(entry)
                if paragraph:
                    self.page_view.move_to(self.page_view.line_of(paragraph, 0), top=True)

        self.app.push_screen(ContentsScreen(self.outline, self.labels, self.page_index), chosen)

    def action_table_mode(self, query: str = "", offset: int = -1) -> None:
        """Table mode on the table here; a find's match (at `offset` of the table's text, so
        the next match in the same table is the next cell, not the first again) on its cell."""
        number = table_at(self._page_paragraphs, self.page_view)
        table = self._page_paragraphs[number].table if number is not None else None
        if number is None or table is None:
            self.app.notify("No table on this page.")
            return
        cursor = TableCursor(table)
        if not (offset >= 0 and cursor.at_offset(offset)) and query:
            cursor.find(query)
        self.query_one(TableBar).enter(number, cursor)

    @on(TableBar.Left)
    def _table_left(self) -> None:
        self.page_view.focus()

    def action_back(self) -> None:
        if self.read_aloud.stop():
            return  # Escape silences reading aloud first; pressed again, it goes back
        find = self.query_one("#find", Input)
        if find.display:
            find.display = False
            self.page_view.focus()
            return
        self.app.pop_screen()

    # -- find ------------------------------------------------------------------------------
    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        event.input.display = False
        self.page_view.focus()
        if query:
            self.run_find(query)

    def run_find(self, query: str, *, as_search: bool = False) -> None:
        self.find = self.reading.find(query, as_search=as_search, running=True)
        if not self.find.hits:
            self.app.notify(f"'{query}' is not in this paper.", severity="warning")
            self.update_status()
            return
        self._go_to_hit()

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self.find or not self.find.hits:
            self.app.notify("Nothing to find yet: press / or f and type a word.")
            return
        self.find.current = (self.find.current + step) % len(self.find.hits)
        self._go_to_hit("The only match: " if len(self.find.hits) == 1 else "")

    def _go_to_hit(self, said_before: str = "") -> None:
        assert self.find is not None
        hit = self.find.hits[self.find.current]
        if hit.page_index != self.page_index:
            self.show_page(hit.page_index)
        else:
            self._apply_find_highlights()
            self.update_status()
        self.page_view.move_to(self.page_view.line_of(hit.paragraph, hit.start))
        if self._page_paragraphs[hit.paragraph].table is not None:
            self.action_table_mode(self.find.query, hit.start)  # a match in a table: table mode on its cell
        elif self.app.has_class("-screen-reader"):
            # A screen reader speaks the rows that changed (the status line), not the row the
            # cursor moved to, whose text is the same: say it, the match marked as search does.
            line = self.page_view.lines[self.page_view.cursor_line]
            start, end = max(hit.start, line.start) - line.start, min(hit.end, line.end) - line.start
            self.app.notify(f"{said_before}{line.text[:start]}«{line.text[start:end]}»{line.text[end:]}".strip())

    def _apply_find_highlights(self) -> None:
        if not self.find:
            self.page_view.set_highlights([])
            return
        current = self.find.hits[self.find.current] if self.find.hits else None
        self.page_view.set_highlights(
            [
                Highlight(h.paragraph, h.start, h.end, "current-hit" if h == current else "hit")
                for h in self.find.hits
                if h.page_index == self.page_index
            ]
        )

    def on_screen_resume(self) -> None:
        self.page_view.call_after_refresh(self.page_view.place_terminal_cursor)
