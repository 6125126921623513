"""Search everything: type, Enter; results as a list; Enter on a result opens it at the hit."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from memberdesk.dates import spoken_date
from memberdesk.library import Library
from memberdesk.library.search import SearchError, SearchHit
from memberdesk.ui.messages import OpenSearchHit
from memberdesk.ui.widgets.lists import CursorOptionList
from memberdesk.ui.widgets.text_box import TextBox
from memberdesk.words import plural


def hit_prompt(hit: SearchHit) -> str:
    """Where first (paper and page), then the meeting, then the words around the hit."""
    if hit.kind == "page":
        where = f"{hit.document_title}, page {hit.page_label}"
    else:
        where = f"Agenda item {hit.document_title}"
    when = spoken_date(hit.meeting_date) if hit.meeting_date else ""  # in words, as elsewhere
    meeting = ", ".join(x for x in (hit.committee, when) if x)
    return f"{where}{' (' + meeting + ')' if meeting else ''}: {hit.snippet}"


class SearchScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,ctrl+g", "close", "Close search", id="search.close"),
        Binding("ctrl+l", "focus_query", "Edit the search", id="search.edit"),
    ]

    def __init__(self, library: Library, query: str = "") -> None:
        super().__init__()
        self.library = library
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Label(
                'Search every paper and agenda item: words, "a phrase", or a prefix such as budg*. '
                "Enter searches; Down goes to the results; Enter on a result opens it; Escape or Ctrl+G closes.",
                markup=False,
            )
            yield TextBox(value=self.initial, id="query", placeholder="Search for...")
            yield CursorOptionList(id="results")
            yield Static("", id="search-status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    def run_search(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        results = self.query_one(CursorOptionList)
        results.clear_options()
        try:
            self.hits = self.library.search.query(text, limit=100)
        except SearchError as exc:
            self.hits = []
            status.update(str(exc))
            return
        results.add_options([Option(hit_prompt(h), id=str(n)) for n, h in enumerate(self.hits)])
        count = len(self.hits)
        words = f"{plural(count, 'result')} for {text.strip()}" if count else f"Nothing found for {text.strip()}."
        if any(h.order == "newest" for h in self.hits):
            words += ": these words are on most pages, so the newest papers come first"
        status.update(words)
        if count:
            results.highlighted = 0
            results.focus()

    def on_key(self, event) -> None:
        # Down from the query box goes to the results, as a person would expect.
        if event.key == "down" and self.query_one("#query", Input).has_focus and self.hits:
            self.query_one(CursorOptionList).focus()
            event.stop()

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        query = self.query_one("#query", Input).value
        self.post_message(OpenSearchHit(hit, query))

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_close(self) -> None:
        self.app.pop_screen()
