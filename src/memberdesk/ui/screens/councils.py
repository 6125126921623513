"""Councils: council -> committees (follow / unfollow) -> meetings -> agenda items and papers.

One screen with levels, so a sync started here keeps running (and keeps reporting) while
the reader moves between levels or opens a paper on top. Enter goes down a level or opens;
Escape or Backspace goes back up. Every row starts with what it is; markers are words.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static

from memberdesk.library import Library
from memberdesk.model import Document
from memberdesk.ui import sync_worker as jobs
from memberdesk.ui.dialogs.prompt import PromptScreen
from memberdesk.ui.messages import OpenAgendaItem, OpenPaper
from memberdesk.ui.note_writing import write_note
from memberdesk.ui.screens.council_levels import Level as _Level
from memberdesk.ui.screens.council_levels import committee_meeting_rows, meeting_levels, next_meeting_levels
from memberdesk.ui.screens.notes import Jump, NotesScreen
from memberdesk.ui.widgets.lists import CursorOptionList, Row
from memberdesk.ui.widgets.note_line import NoteLine
from memberdesk.words import document_words, plural

_HELP = {
    "councils": "Enter shows a council's committees. a adds a council, s syncs now. F1 lists every key.",
    "committees": "Committees: f follows or unfollows, Enter shows meetings, r asks the council again, Escape or Ctrl+G goes back.",
    "meetings": "Meetings: Enter shows the agenda, d downloads the highlighted meeting, r asks the council again, Escape or Ctrl+G goes back.",
    "meeting": "Agenda: Enter opens an item's text or a paper, n writes a note on an item, o lists the meeting's notes, d downloads this meeting, Escape or Ctrl+G goes back.",
}


def document_row(doc: Document) -> str:
    """A paper as a row: title first, then pages, version and marker in words."""
    words = document_words(doc.title, status=doc.status, pages=doc.page_count, version=doc.version, marker=doc.marker)
    return f"Paper: {words}"


class CouncilsScreen(Screen[None]):
    DEFAULT_CSS = """
    CouncilsScreen > Vertical > Label { padding: 0 2; height: auto; }
    #sync-progress, #councils-status { height: auto; padding: 0 2; background: $panel; color: $foreground; }
    """
    BINDINGS = [
        Binding("escape,ctrl+g,backspace", "back", "Back up a level (or to the library)", id="councils.back"),
        Binding("f", "follow", "Follow or unfollow the highlighted committee", id="councils.follow"),
        Binding("s", "sync", "Sync now: every followed committee", id="councils.sync"),
        Binding("d", "download", "Download this meeting (or the highlighted one)", id="councils.download"),
        Binding("x", "stop", "Stop the sync or download (or an import)", id="councils.stop"),
        Binding("a", "add", "Add a council by its web address", id="councils.add"),
        Binding("r", "refresh", "Ask the council again for committees or meetings", id="councils.refresh"),
        Binding("n", "note", "Write a note on the highlighted agenda item", id="councils.note"),
        Binding("o", "notes", "Notes for this meeting", id="councils.notes"),
    ]

    def __init__(self, library: Library, *, meeting_id: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.levels, self._opening_on = next_meeting_levels(library)
        if meeting_id is not None:
            self.levels, self._opening_on = meeting_levels(library, meeting_id), None
        self.jobs = jobs.SyncJobs(library.home)

    def show_meeting(self, meeting_id: int) -> None:
        """Go straight to a meeting's agenda (from the library's meeting day)."""
        self.levels = meeting_levels(self.library, meeting_id)
        self.query_one(CursorOptionList).highlighted = None
        self.reload()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="councils-help", markup=False)
            yield CursorOptionList(id="councils-list")
            yield Static("", id="sync-progress", markup=False)
            yield Static("", id="councils-status", markup=False)
        yield NoteLine(id="note-line")

    def on_mount(self) -> None:
        self.reload(select=("meeting", self._opening_on) if self._opening_on is not None else None)
        self.query_one(CursorOptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()  # markers clear once a paper has been opened

    @property
    def level(self) -> _Level:
        return self.levels[-1]

    # -- the rows of each level -------------------------------------------------------------
    def reload(self, select: Hashable | None = None) -> None:
        level = self.level
        rows = getattr(self, f"_rows_{level.kind}")(level)
        where = " / ".join(lv.title for lv in self.levels)
        self.query_one("#councils-help", Label).update(f"{where}. {_HELP[level.kind]}")
        self.query_one(CursorOptionList).show_rows(rows, select=select)

    def _rows_councils(self, level: _Level) -> list[Row]:
        rows = []
        upcoming = self.library.meeting_day().upcoming
        for council in self.library.councils.all():
            followed = len(self.library.councils.followed(council.id))
            markers = self.library.councils.unread_markers(council.id)
            extra = "".join(f", {n} {word}" for word, n in sorted(markers.items()))
            soon = next((e for e in upcoming if e.council == council.name), None)
            extra += f", next meeting {soon.meeting.title} {soon.when}" if soon else ""
            rows.append(
                Row(
                    f"{council.name}, following {followed} committee{'s' if followed != 1 else ''}{extra}",
                    ("council", council.id),
                )
            )
        if not rows:
            rows.append(Row("No council yet: press a to add one by its web address."))
        return rows

    def _rows_committees(self, level: _Level) -> list[Row]:
        rows = []
        for c in self.library.councils.committees(level.id):
            state = "followed" if c.followed else "not followed"
            gone = ", deleted" if c.deleted else ", expired" if c.expired else ""
            rows.append(Row(f"{c.title}, {state}{gone}", ("committee", c.id)))
        return rows or [Row("No committees known: press r to ask the council.")]

    def _rows_meetings(self, level: _Level) -> list[Row]:
        rows = committee_meeting_rows(self.library, level.id)
        return rows or [Row("No meetings stored for this window: press r to ask the council.")]

    def _rows_meeting(self, level: _Level) -> list[Row]:
        councils, documents = self.library.councils, self.library.documents
        linked = councils.item_documents(level.id)
        rows: list[Row] = []
        placed: set[int] = set()
        for item in councils.agenda_items(level.id):
            notes = "".join(
                w for w, on_ in ((", decision", item.is_decision), (", restricted", item.is_restricted)) if on_
            )
            papers = linked.get(item.id, [])
            count = f", {plural(len(papers), 'paper')}" if papers else ""
            written = len(self.library.notes.for_agenda_item(item.id))
            count += f", {plural(written, 'note')}" if written else ""
            rows.append(Row(f"Item {item.number} {item.title}{notes}{count}", ("item", item.id)))
            for doc_id in papers:
                doc = documents.get(doc_id)
                if doc is not None:
                    placed.add(doc_id)
                    rows.append(Row(f"  {document_row(doc)}", ("doc", doc_id, item.id)))
        rest = [
            d
            for d in (documents.get(i) for i in councils.meeting_document_ids(level.id))
            if d is not None and d.id not in placed
        ]
        if rest:
            rows.append(Row("Meeting papers"))
            rows.extend(Row(f"  {document_row(d)}", ("doc", d.id, 0)) for d in rest)
        if not rows:
            meeting = councils.meeting(level.id)
            if meeting is not None and "cancel" in meeting.status.lower():
                text = "This meeting was cancelled."
            elif meeting is not None and meeting.synced_at:
                text = "The agenda has not been published yet."
            else:
                text = "Not downloaded yet: press d to download this meeting."
            rows.append(Row(text))
        return rows

    # -- moving between levels and opening ------------------------------------------------------
    @on(OptionList.OptionSelected, "#councils-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        target = self.query_one(CursorOptionList).target_of(event.option)
        if not isinstance(target, tuple):
            return
        kind, number = target[0], target[1]
        title = str(event.option.prompt).split(",")[0].strip()
        if kind == "council":
            self._enter(_Level("committees", number, title))
        elif kind == "committee":
            self._enter(_Level("meetings", number, title))
            self._start("Asking for meetings", jobs.refresh_meetings(number), quiet=True)
        elif kind == "meeting":
            self._enter(_Level("meeting", number, title))
        elif kind == "item":
            self.post_message(OpenAgendaItem(number))
        elif kind == "doc":
            doc = self.library.documents.get(number)
            if doc is not None and doc.status == "restricted":
                self._say(f"{doc.title} is restricted: the council has not published it.")
            else:
                self.post_message(OpenPaper(number))

    def _enter(self, level: _Level) -> None:
        self.levels.append(level)
        self.query_one(CursorOptionList).highlighted = None  # a new level starts at its top
        # A committee's meetings open on the next one (listed first, marked "Next meeting").
        self.reload()

    # -- notes on agenda items -----------------------------------------------------------------
    def action_note(self) -> None:
        listing = self.query_one(CursorOptionList)
        item_id = self._highlighted("item")
        if self.level.kind != "meeting" or item_id is None or listing.highlighted_option is None:
            self._say("Choose an agenda item first (in a meeting's agenda), then n writes a note on it.")
            return
        title = str(listing.highlighted_option.prompt).split(",")[0]

        def saved(text: str | None) -> None:
            if text:
                self.library.notes.add(text, agenda_item_id=item_id)
                self._say(f"Note saved on {title}.")
                self.reload()

        write_note(self, title, saved)

    def action_notes(self) -> None:
        if self.level.kind != "meeting":
            self._say("Open a meeting's agenda first; o then lists its notes.")
            return

        def chosen(jump: Jump | None) -> None:
            if jump is None:
                self.reload()
            elif jump.agenda_item_id is not None:
                self.post_message(OpenAgendaItem(jump.agenda_item_id))
            elif jump.document_id is not None:
                self.post_message(OpenPaper(jump.document_id, page_index=jump.page_index))

        self.app.push_screen(NotesScreen(self.library, meeting_id=self.level.id), chosen)

    def action_back(self) -> None:
        if len(self.levels) == 1:
            if self.jobs.running:
                self._say(f"{self.jobs.running} is still running here: x stops it, then Escape.")
                return
            self.app.pop_screen()
            return
        left = self.levels.pop()
        # Back on the row we came from: the council, committee or meeting just left.
        came_from = {"committees": "council", "meetings": "committee", "meeting": "meeting"}[left.kind]
        self.reload(select=(came_from, left.id))

    def _highlighted(self, kind: str) -> int | None:
        target = self.query_one(CursorOptionList).highlighted_target
        if not isinstance(target, tuple) or target[0] != kind:
            return None
        return int(target[1])

    # -- actions ------------------------------------------------------------------------------
    def action_follow(self) -> None:
        committee_id = self._highlighted("committee")
        committee = self.library.councils.committee(committee_id) if committee_id else None
        if committee is None:
            self._say("Choose a committee first: Enter on a council lists its committees.")
            return
        self.library.councils.set_followed([committee.id], not committee.followed)
        self.reload()
        self._say(f"{'No longer following' if committee.followed else 'Following'} {committee.title}.")

    def action_sync(self) -> None:
        self._start("Sync", jobs.sync_all)

    def action_download(self) -> None:
        meeting_id = self.level.id if self.level.kind == "meeting" else self._highlighted("meeting")
        if meeting_id is None:
            self._say("Choose a meeting first: d downloads the highlighted meeting.")
            return
        self._start("Download of the meeting", jobs.sync_meeting(meeting_id))

    async def action_stop(self) -> None:
        if self.jobs.cancel():
            self._progress("Stopping: removing temporary files; what arrived is kept.")
        else:  # no sync here: x stops an import, as it does on every other screen
            await self.run_action("app.stop_import")

    def action_add(self) -> None:
        def chosen(url: str | None) -> None:
            if url:
                self._start("Adding the council", jobs.add_council(url))

        self.app.push_screen(
            PromptScreen(
                "Add a council: type the address of its ModernGov site (e.g. https://democracy.example.gov.uk) "
                "and press Enter. Escape or Ctrl+G cancels.",
                "council-url",
            ),
            chosen,
        )

    def action_refresh(self) -> None:
        if self.level.kind == "committees":
            self._start("Asking for committees", jobs.refresh_committees(self.level.id))
        elif self.level.kind == "meetings":
            self._start("Asking for meetings", jobs.refresh_meetings(self.level.id))
        else:
            self.reload()

    # -- running jobs -------------------------------------------------------------------------
    def _start(self, what: str, job: object, quiet: bool = False) -> None:
        if self.jobs.running:
            if not quiet:
                self._say(f"{self.jobs.running} is still running: x stops it.")
            return
        self._progress(f"{what}: starting.")
        self._run(what, job)

    @work(thread=True, group="councils-sync")
    def _run(self, what: str, job: object) -> None:
        result = self.jobs.run(
            what,
            job,  # type: ignore[arg-type]
            progress=lambda text: self.app.call_from_thread(self._progress, text),
        )
        self.app.call_from_thread(self._finished, result)

    def on_unmount(self) -> None:
        self.jobs.cancel()  # the app is closing: let the sync thread stop cleanly

    def _finished(self, result: jobs.JobResult) -> None:
        self._progress("")
        self._say(result.message)
        self.reload()

    def _progress(self, text: str) -> None:
        self.query_one("#sync-progress", Static).update(text)

    def _say(self, text: str) -> None:
        # A line of text, not a toast: screen readers and braille displays can read it back.
        self.query_one("#councils-status", Static).update(text)
