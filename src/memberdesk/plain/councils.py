"""Plain mode's councils and agendas: `co` lists the councils, their committees and each
committee's meetings (the next first, as meeting day orders them), `ag N` a meeting's agenda
(items numbered as the agenda numbers them, each with its papers), `i N` opens an item's
paper at that item. The same words as the councils screen."""

from __future__ import annotations

from collections.abc import Callable

from memberdesk.dates import spoken_date
from memberdesk.library import Library
from memberdesk.library.meeting_words import meeting_words
from memberdesk.model import AgendaItem
from memberdesk.reading import contents
from memberdesk.reading.session import ReadingSession
from memberdesk.words import document_words

CommandRow = tuple[tuple[str, ...], str, str, Callable[[str], None]]
Open = Callable[[int, str | None], None]  # a paper's id; a contents entry to go to, or None


class PlainCouncils:
    def __init__(self, library: Library, say: Callable[[str], None], open_paper: Open) -> None:
        self.library = library
        self.say = say
        self.open_paper = open_paper
        self.meeting_id: int | None = None  # the meeting whose agenda `ag` said last

    def commands(self) -> list[CommandRow]:
        return [
            (
                ("co", "councils"),
                "",
                "councils, their committees and each followed committee's meetings, the next first",
                self.councils,
            ),
            (("ag", "agenda"), "MEETING", "a meeting's agenda: its items as the agenda numbers them", self.agenda),
            (("i", "item"), "NUMBER", "after ag: open the agenda item's paper at that item", self.item),
        ]

    def councils(self, _: str) -> None:
        councils = self.library.councils
        found = councils.all()
        if not found:
            self.say("No councils yet: add one with memberdesk council add, or in the app (c).")
            return
        for council in found:
            committees = councils.committees(council.id)
            followed = [c for c in committees if c.followed]
            self.say(f"Council: {council.name}, {len(committees)} committees, following {len(followed)}.")
            for committee in committees:
                self.say(f"  Committee: {committee.title}, {'followed' if committee.followed else 'not followed'}.")
                if committee.followed:
                    for entry in self.library.meeting_day(committee_id=committee.id).meetings:
                        self.say(f"    {entry.meeting.id}. {meeting_words(entry)}")
        self.say("Type ag and a meeting's number for its agenda, for example ag 12.")

    def agenda(self, argument: str) -> None:
        if not argument.isdigit():
            self.say("Type ag and the meeting's number, for example ag 12: co or mt lists the meetings.")
            return
        meeting = self.library.councils.meeting(int(argument))
        if meeting is None:
            self.say(f"There is no meeting {argument}: co or mt lists the meetings.")
            return
        self.meeting_id = meeting.id
        items = self.library.councils.agenda_items(meeting.id)
        linked = self.library.councils.item_documents(meeting.id)
        when = f"{spoken_date(meeting.date)} {meeting.time}".strip() if meeting.date else "date not set"
        self.say(f"Agenda of {meeting.title}, {when}:")
        if not items:
            self.say("No agenda items: the agenda is not published or not downloaded yet (memberdesk sync).")
        for item in items:
            marks = "".join(
                w for w, on in ((", decision", item.is_decision), (", restricted", item.is_restricted)) if on
            )
            self.say(f"Item {_number(item)} {item.title}{marks}")
            for doc_id in linked.get(item.id, []):
                self.say(f"  {self._paper_words(doc_id)}")
        self.say("Type i and an item's number to open its paper at that item, for example i 3.")

    def item(self, argument: str) -> None:
        if self.meeting_id is None:
            self.say("First list a meeting's agenda: ag and the meeting's number (co or mt lists them).")
            return
        items = self.library.councils.agenda_items(self.meeting_id)
        wanted = argument.strip().lower().removeprefix("item").strip().rstrip(".")
        item = next((i for i in items if _number(i) == wanted), None)
        if item is None:
            self.say(f"'{argument}' is not an item of this agenda: type i and a number that ag listed.")
            return
        papers = self.library.councils.item_documents(self.meeting_id).get(item.id, [])
        readable = [d for d in papers if (doc := self.library.documents.get(d)) is not None and doc.status == "ready"]
        self.say(f"Item {_number(item)} {item.title}.")
        if readable:
            if len(readable) > 1:
                self.say("Its papers: " + "; ".join(self._paper_words(d) for d in readable) + ".")
            self.open_paper(readable[0], None)
            return
        pack = self._pack_with(wanted)
        if pack is not None:
            self.open_paper(pack, wanted)  # the agenda pack, at the item's own heading
            return
        text = " ".join(item.text.split())
        self.say(f"{text} (This item has no paper of its own.)" if text else "This item has no paper of its own.")

    def _pack_with(self, number: str) -> int | None:
        """A paper of the meeting whose contents number an entry as the item is numbered."""
        assert self.meeting_id is not None
        for doc_id in self.library.councils.meeting_document_ids(self.meeting_id):
            reading = ReadingSession.open(self.library, doc_id)
            if reading is None or reading.document.status != "ready":
                continue
            entry = contents.find(contents.numbered(reading.outline), number)
            if entry is not None and entry.key == number:
                return doc_id
        return None

    def _paper_words(self, doc_id: int) -> str:
        doc = self.library.documents.get(doc_id)
        if doc is None:
            return f"Paper {doc_id}"
        words = document_words(
            doc.title, status=doc.status, pages=doc.page_count, version=doc.version, marker=doc.marker
        )
        return f"{doc.id}. {words}"


def _number(item: AgendaItem) -> str:
    """The item's number as the agenda prints it, without its full stop ("3." -> "3")."""
    return item.number.strip().rstrip(".") or str(item.position + 1)
