"""The library: meetings and their papers, and imported papers. Enter opens one."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static

from memberdesk.dates import spoken_date
from memberdesk.library import Library
from memberdesk.library.meeting_words import last_sync_words
from memberdesk.ui.dialogs.prompt import PromptScreen
from memberdesk.ui.messages import ImportPath, OpenMeeting, OpenPaper
from memberdesk.ui.screens.meeting_day_rows import meeting_day_rows, summary
from memberdesk.ui.widgets.lists import CursorOptionList, Row
from memberdesk.words import document_words, plural

_HEADING = "Library: Up and Down to choose a paper, Enter to open it. F1 for every key."


def document_prompt(doc: dict[str, Any]) -> str:
    return document_words(doc["title"], status=doc["status"], pages=doc["pages"], marker=doc["marker"])


class LibraryScreen(Screen[None]):
    BINDINGS = [
        Binding("i", "import_file", "Import a PDF or a folder of PDFs", id="library.import"),
        Binding("r", "reload", "Refresh the list", id="library.refresh"),
        Binding("s", "app.search", "Search every paper", id="library.search"),
        Binding("p", "app.paper_record", "Paper saved by reading on screen", id="library.paper"),
        Binding("c", "app.councils", "Councils: follow committees, sync, download meetings", id="library.councils"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._shown = False

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Label(_HEADING, id="library-heading", markup=False)
            yield CursorOptionList(id="documents")
            yield Static("", id="library-status", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        data = self.library.catalogue()
        docs = {d["id"]: d for d in data["documents"]}
        day = self.library.meeting_day()
        if day.meetings:
            options, placed = meeting_day_rows(day, docs)
            heading = summary(day)
        else:
            options, placed = self._meeting_rows(data, docs)
            heading = _HEADING
        loose = [d for d in data["documents"] if d["id"] not in placed]
        if loose:
            options.append(Row("Imported papers"))
            options.extend(Row(f"  {document_prompt(d)}", d["id"]) for d in loose)
        self.query_one("#library-heading", Label).update(heading)
        listing = self.query_one(CursorOptionList)
        # The first view with a next meeting opens on it (also after the first run's sync);
        # later reloads keep the highlight where it is.
        first = not self._shown and day.next is not None
        listing.show_rows(options, select=("meeting", day.next.meeting.id) if first and day.next else None)
        self._shown = self._shown or first
        count = len(docs)
        status = f"{plural(count, 'paper')} in the library at {self.library.home}"
        if self.library.councils.all():  # following a council: when sync last ran, what it brought
            status += f". {last_sync_words(self.library.sync_runs.last())}"
        self.query_one("#library-status", Static).update(status)

    def _meeting_rows(self, data: dict[str, Any], docs: dict[int, dict[str, Any]]) -> tuple[list[Row], set[int]]:
        """Meetings with papers, by council and committee (nothing followed yet)."""
        options: list[Row] = []
        placed: set[int] = set()
        for council in data["councils"]:
            for committee in council["committees"]:
                for meeting in committee["meetings"]:
                    papers = [docs[i] for i in meeting["documents"] if i in docs]
                    if not papers:
                        continue
                    when = f"{spoken_date(meeting['date'])} {meeting['time']}".strip()
                    options.append(Row(f"{committee['title']}, {when}"))
                    for doc in papers:
                        placed.add(doc["id"])
                        # The meeting too: a screen reader hears only the focused row.
                        prompt = f"  {document_prompt(doc)}, {committee['title']} {spoken_date(meeting['date'])}"
                        options.append(Row(prompt, doc["id"]))
        return options, placed

    @on(OptionList.OptionSelected, "#documents")
    def _open(self, event: OptionList.OptionSelected) -> None:
        target = self.query_one(CursorOptionList).target_of(event.option)
        if isinstance(target, int):
            self.post_message(OpenPaper(target))
        elif isinstance(target, tuple) and target[0] == "meeting":
            self.post_message(OpenMeeting(int(target[1])))

    def action_reload(self) -> None:
        self.reload()

    def action_import_file(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                self.post_message(ImportPath(path))

        self.app.push_screen(
            PromptScreen(
                "Import a PDF or a folder of PDFs: type its path and press Enter (Escape or Ctrl+G cancels). "
                "x stops an import.",
                "path",
            ),
            chosen,
        )
