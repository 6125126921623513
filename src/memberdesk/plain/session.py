"""The plain, line-by-line interface: for screen readers, braille displays and slow links.

It writes ordinary lines and reads one command per line, so any screen reader speaks each
answer once and a braille display shows it whole. Nothing here draws on the screen: no
escape sequences, no colour, no redrawing, also when the output is piped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from memberdesk.library import Library
from memberdesk.papers.paging import PageNotFound
from memberdesk.papers.reflow import Paragraph
from memberdesk.papers.table_text import announce
from memberdesk.plain.councils import PlainCouncils
from memberdesk.plain.library import import_demo, say_marks, say_paper_record, say_search
from memberdesk.plain.meetings import meeting_lines
from memberdesk.plain.speech import PlainSpeech
from memberdesk.plain.tables import PlainTables
from memberdesk.reading import contents
from memberdesk.reading.session import ReadingSession
from memberdesk.words import document_words, plural

PROMPT = "Command (n next, p previous, r repeat, g page, c contents, f find, h help, q quit): "
PROMPT_LIBRARY = (
    "Command (l list papers, mt meetings, co councils, ag MEETING agenda, o NUMBER open, f WORDS search all, "
    "h help, q quit): "
)


@dataclass
class Command:
    names: tuple[str, ...]
    argument: str  # "" when it takes none
    help: str
    run: Callable[[str], None] = field(repr=False)
    needs_paper: bool = True


class PlainSession:
    def __init__(self, library: Library, out: TextIO = sys.stdout, inp: TextIO = sys.stdin) -> None:
        self.library = library
        self.out = out
        self.inp = inp
        self.reading: ReadingSession | None = None
        self.paragraph = -1  # nothing read on this page yet
        self._paras: list[Paragraph] = []
        self._last_find = ""
        self._cell_hit: dict[tuple[int, int], int] = {}  # (page, paragraph) -> where a find's match in a table began
        self.speech = PlainSpeech(self.say)
        self.tables = PlainTables(self.say, self._open_paper)
        self.councils = PlainCouncils(library, self.say, self._open_at)
        self.running = True
        self.commands = self._command_table()

    # -- output ----------------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    # -- the loop --------------------------------------------------------------------------
    def run(self, document_id: int | None = None, page: str | None = None) -> int:
        self.say("memberdesk plain mode. Type h and Enter for every command.")
        if document_id is None and self.library.is_empty():
            document_id = self._import_demo()
        if document_id is not None:
            self.open(document_id, page)
        elif self.library.meeting_day().meetings:  # a council is followed: meeting day first
            self.execute("mt")
        else:
            self.list_papers("")
        while self.running:
            self.out.write(PROMPT if self.reading else PROMPT_LIBRARY)
            self.out.flush()
            line = self.inp.readline()
            if not line:  # end of input: leave quietly, as a pipe would expect
                self.say()
                break
            self.execute(line.strip())
        self._follow_speech()
        self.speech.stop(quiet=True)
        return 0

    def _follow_speech(self) -> None:
        """Take the page reading aloud has reached, here on the loop's own thread."""
        page = self.speech.reached()
        if page is not None and self.reading is not None and page != self.reading.page_index:
            self.reading.go(page)

    def execute(self, line: str) -> None:
        self._follow_speech()
        if not line:
            line = "n" if self.reading else "l"
        word, _, argument = line.partition(" ")
        if word.lower() in ("c", "contents") and self.reading is None:
            word = "co"  # no paper open, so no contents: c lists the councils
        command = self._lookup(word.lower())
        if command is None:
            self.say(f"'{word}' is not a command. Type h for the list of commands.")
            return
        if command.needs_paper and self.reading is None:
            self.say("No paper is open: type l to list papers, then o and a number to open one.")
            return
        command.run(argument.strip())

    def _lookup(self, word: str) -> Command | None:
        for command in self.commands:
            if word in command.names:
                return command
        return None

    def _command_table(self) -> list[Command]:
        return [
            Command(("n", "next"), "", "read the next paragraph (Enter alone does the same)", self.next_paragraph),
            Command(("p", "previous", "prev"), "", "read the previous paragraph", self.previous_paragraph),
            Command(("r", "repeat"), "", "read the current paragraph again", self.repeat),
            Command(
                ("g", "go", "page"), "PAGE", "go to a page by its printed number (or #N for the Nth page)", self.go
            ),
            Command(
                ("c", "contents"),
                "",
                "list the paper's contents, numbered (no paper open: the councils)",
                self.contents,
            ),
            Command(("j", "jump"), "NUMBER", "go to an entry of the contents by its number (j 5: item 5)", self.jump),
            Command(("nh", "next-heading"), "", "read the next heading", lambda _: self.heading(+1)),
            Command(("ph", "previous-heading"), "", "read the previous heading", lambda _: self.heading(-1)),
            Command(
                ("f", "find"),
                "WORDS",
                "find words in this paper (f alone: the next match); with no paper open, search every paper",
                self.find,
                needs_paper=False,
            ),
            Command(("w", "where"), "", "say where you are", self.where),
            Command(("b", "bookmark"), "", "bookmark this page, or remove its bookmark", self.bookmark),
            Command(("a", "note"), "TEXT", "write a note on this page", self.note),
            Command(("m", "marks", "notes"), "", "list the notes and bookmarks in this paper", self.marks),
            *(Command(names, arg, words, run) for names, arg, words, run in self.tables.commands()),
            Command(("s", "speak"), "", "read aloud from here to the end; x stops", self.speak),
            Command(("x", "stop"), "", "stop reading aloud", lambda _: self.speech.stop(), needs_paper=False),
            Command(("l", "list"), "", "list the papers in the library, numbered", self.list_papers, needs_paper=False),
            Command(
                ("mt", "meetings"),
                "",
                "meetings: what is new, the next meeting first, then the past",
                self.meetings,
                needs_paper=False,
            ),
            *(
                Command(names, arg, words, run, needs_paper=False)
                for names, arg, words, run in self.councils.commands()
            ),
            Command(
                ("pr", "paper", "record"),
                "",
                "the paper record: pages read on screen and sheets saved",
                self.paper_record,
                needs_paper=False,
            ),
            Command(("o", "open"), "NUMBER", "open a paper by its number", self.open_command, needs_paper=False),
            Command(("h", "help", "?"), "", "this list", self.help, needs_paper=False),
            Command(("q", "quit", "exit"), "", "leave memberdesk", self.quit, needs_paper=False),
        ]

    # -- papers ----------------------------------------------------------------------------
    def list_papers(self, _: str) -> None:
        documents = self.library.documents.all()
        if not documents:
            self.say("The library is empty. Add papers with: memberdesk import FILE.pdf")
            return
        self.say(f"{plural(len(documents), 'paper')} in the library:")
        for doc in documents:
            words = document_words(
                doc.title, status=doc.status, pages=doc.page_count, version=doc.version, marker=doc.marker
            )
            self.say(f"{doc.id}. {words}")
        self.say("Type o and a number to open a paper.")

    def meetings(self, _: str) -> None:
        for line in meeting_lines(self.library):
            self.say(line)

    def _import_demo(self) -> int | None:
        return import_demo(self.library, self.say)

    def paper_record(self, _: str) -> None:
        say_paper_record(self.library, self.say)

    def open_command(self, argument: str) -> None:
        if not argument.isdigit():
            self.say("Type o and the paper's number, for example o 3. Type l to list papers.")
            return
        self.open(int(argument))

    def _open_at(self, document_id: int, entry: str | None) -> None:
        """Open a paper (from an agenda item): at its contents entry `entry`, if given."""
        self.open(document_id, read=entry is None)
        if entry is not None and self.reading is not None and self.reading.document.id == document_id:
            self.jump(entry)

    def open(self, document_id: int, page: str | None = None, *, read: bool = True) -> None:
        reading = ReadingSession.open(self.library, document_id)
        if reading is None or reading.document.status != "ready":
            self.say(f"There is no paper {document_id}. Type l to list papers.")
            return
        self.speech.stop(quiet=True)
        self.reading = reading
        index, _ = reading.saved_position()
        if page:
            try:
                index = reading.resolve(page)
            except PageNotFound as exc:
                self.say(f"{exc}. Opening at page {reading.label(index)}.")
        doc = reading.document
        self.say(f"Opened {doc.title}: {plural(doc.page_count, 'page')}, printed {reading.label_span()}.")
        if not read:
            return  # the caller goes on to its agenda item's heading
        self._load_page(index)
        if self.speech.reads_on_opening(reading):  # the first run's "Read aloud to me", or the profile
            self.speech.start(reading)
        else:
            self.next_paragraph("")

    def _load_page(self, index: int, *, at_end: bool = False) -> None:
        reading = self._open_paper()
        reading.go(index)
        # Running headers and footers are the same on every page: heard once is enough.
        self._paras = reading.paragraphs(index) or []
        self.paragraph = len(self._paras) if at_end else -1
        self.say(f"{reading.place_words(len(self._paras) if at_end else 0)}.")
        if not self._paras:
            self.say(reading.no_text(index))

    def _open_paper(self) -> ReadingSession:
        assert self.reading is not None  # commands that need a paper are refused without one
        return self.reading

    # -- reading ---------------------------------------------------------------------------
    def _read(self) -> None:
        para = self._paras[self.paragraph]
        prefix = "Heading: " if para.heading else ""
        if para.table is not None:  # what it is first, then its rows, one a line
            prefix = f"{announce(para.table)}. Type t to move through it cell by cell.\n"
        self.say(f"{prefix}{para.text}")

    def next_paragraph(self, _: str) -> None:
        reading = self._open_paper()
        while self.paragraph + 1 >= len(self._paras):
            if reading.page_index + 1 >= reading.page_count:
                self.say("End of the paper. Type p to go back, g to go to a page, or l to list papers.")
                self.paragraph = len(self._paras)
                return
            self._load_page(reading.page_index + 1)
        self.paragraph += 1
        self._read()

    def previous_paragraph(self, _: str) -> None:
        reading = self._open_paper()
        while self.paragraph - 1 < 0:
            if reading.page_index == 0:
                self.say("Start of the paper.")
                self.paragraph = -1
                return
            self._load_page(reading.page_index - 1, at_end=True)
        self.paragraph -= 1
        self._read()

    def repeat(self, _: str) -> None:
        if 0 <= self.paragraph < len(self._paras):
            self._read()
        else:
            self.say("Nothing read yet on this page: type n to read on.")

    def heading(self, step: int) -> None:
        reading = self._open_paper()
        found = reading.heading_after(reading.page_index, self.paragraph, step)
        if found is None:
            self.say("No more headings this way.")
            return
        page, paragraph = found
        if page != reading.page_index:
            self._load_page(page)
        self.paragraph = paragraph
        self._read()

    def go(self, argument: str) -> None:
        try:
            index = self._open_paper().resolve(argument)
        except PageNotFound as exc:
            self.say(f"{exc}.")
            return
        self._load_page(index)
        self.next_paragraph("")

    def where(self, _: str) -> None:
        reading = self._open_paper()
        position = f"paragraph {self.paragraph + 1} of {len(self._paras)}" if self._paras else "no text on this page"
        where = reading.place_words(max(self.paragraph, 0))
        self.say(f"{reading.document.title}: {where[0].lower()}{where[1:]}, {position}.")

    def contents(self, _: str) -> None:
        reading = self._open_paper()
        entries = contents.numbered(reading.outline)
        if not entries:
            self.say("This paper has no contents list. Type g and a page number to go to a page.")
            return
        for entry in entries:
            indent = "  " * entry.entry.level
            self.say(f"{indent}{contents.line(entry)}, page {reading.label(entry.entry.page_index)}")
        self.say("Type j and the number before an entry to go there, for example j 5 for item 5.")

    def jump(self, argument: str) -> None:
        entries = contents.numbered(self._open_paper().outline)
        if not entries:
            self.say("This paper has no contents list.")
            return
        found = contents.find(entries, argument) if argument else None
        if found is None:
            self.say(f"'{argument}' is not in the contents: type j and the number before an entry; c lists them.")
            return
        entry = found.entry
        self.say(f"{contents.line(found)}.")
        self._load_page(entry.page_index)
        # Read from the heading itself, not the top of its page.
        self.paragraph = self._open_paper().paragraph_of(entry) - 1
        self.next_paragraph("")

    def find(self, argument: str) -> None:
        if self.reading is None:
            self.search_all(argument)
            return
        reading = self.reading
        query = argument or self._last_find
        if not query:
            self.say("Type f and the words to find, for example f care act.")
            return
        self._last_find = query
        results = reading.find(query)
        # Past the paragraph being read; inside a table, past the cell the last match was in.
        here = (reading.page_index, self.paragraph, self._cell_hit.get((reading.page_index, self.paragraph), 1 << 30))
        later = [h for h in results.hits if (h.page_index, h.paragraph, h.start) > here]
        hits = later or results.hits
        if not hits:
            self.say(f"'{query}' is not in this paper.")
            return
        hit = hits[0]
        number = results.hits.index(hit) + 1
        wrapped = " (back at the start)" if not later else ""
        self.say(f"Match {number} of {len(results.hits)}{wrapped}:")
        if hit.page_index != reading.page_index:
            self._load_page(hit.page_index)
        self.paragraph = hit.paragraph
        table = self._paras[hit.paragraph].table
        self._cell_hit = {(hit.page_index, hit.paragraph): hit.start} if table is not None else {}
        if table is None:
            self._read()
        else:  # a match in a table: table mode on its cell, as the reader does
            self.tables.enter_at(table, hit.start)

    def search_all(self, argument: str) -> None:
        say_search(self.library, self.say, argument)

    # -- bookmarks and notes ---------------------------------------------------------------
    def bookmark(self, _: str) -> None:
        self.say(self._open_paper().toggle_bookmark())

    def note(self, argument: str) -> None:
        reading = self._open_paper()
        if not argument:
            self.say("Type a and the note, for example: a Ask about the staffing figures.")
            return
        self.say(reading.add_note(argument))

    def marks(self, _: str) -> None:
        say_marks(self.library, self.say, self._open_paper().document.id)

    def speak(self, _: str) -> None:
        self.speech.start(self._open_paper())

    def help(self, _: str) -> None:
        self.say("Commands (the letter or the whole word, then Enter):")
        for command in self.commands:
            names = " or ".join(command.names[:2])
            argument = f" {command.argument}" if command.argument else ""
            self.say(f"{names}{argument}: {command.help}")

    def quit(self, _: str) -> None:
        self.running = False
        self.say("Goodbye.")
