"""The content of the fixture council: committees, meetings, agenda items, papers.

Plain data the server (council_server.py) renders as ModernGov XML, SOAP and HTML.
Titles are stored as ModernGov's database holds them, which is sometimes already
escaped once ("Audit &amp; Governance"): rendered into XML that becomes the double
escaping real sites show. PDFs are real (fpdf2), several pages of text, made once at
start; `size` pads a paper to about that many bytes (for the benchmark).
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime

from fpdf import FPDF

from memberdesk.dates import london_now

LOGIN_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Log in</title></head><body>"
    b"<h1>Log in</h1><form action='mgLogin.aspx' method='post'><p>This document is "
    b"restricted. Please log in.</p><input name='user'><input type='password' "
    b"name='pw'></form></body></html>"
)


@dataclass
class Doc:
    id: int  # the attachment id
    title: str
    pages: int = 3
    restricted: bool = False
    size: int = 0  # pad the PDF to about this many bytes; 0 leaves it as made
    version: int = 1  # bump (Council.republish) to change its bytes, ETag, Last-Modified
    published: date | None = None
    body: bytes = b""  # a real PDF of the test's own (a scan) instead of a made one

    @property
    def path(self) -> str:
        return f"documents/s{self.id}/{self.title.replace('/', '-')}.pdf"


@dataclass
class Pack:
    """A meeting-level PDF under documents/g<MId>/ (or documents/b<id>/ for supplements)."""

    path: str
    title: str  # the link text
    t: int  # ModernGov's ?T= number: 0 front sheet, 10 reports pack, 1 minutes, 9 supplement
    pages: int = 4
    size: int = 0
    version: int = 1


@dataclass
class Item:
    id: int
    number: str  # "1."
    title: str
    text_html: str = ""
    minutes_html: str = ""
    is_decision: bool = False
    restricted: bool = False
    doc_ids: list[int] = field(default_factory=list)


@dataclass
class Meeting:
    id: int
    committee_id: int
    date: date
    time: str = "10.00 am"
    status: str = "Confirmed"
    location: str = "Committee Room 1, County Hall"
    agenda_published: bool = True
    minutes_published: bool = False
    items: list[Item] = field(default_factory=list)
    packs: list[Pack] = field(default_factory=list)
    history: bool = False  # an old meeting: listed, not interesting


@dataclass
class Committee:
    id: int
    title: str
    category: str = "Committees"
    deleted: bool = False
    expired: bool = False


class Council:
    """Everything the fixture site serves; PDF bodies are made by render()."""

    def __init__(self, name: str, committees: list[Committee], meetings: list[Meeting], docs: list[Doc]) -> None:
        self.name = name
        self.committees = committees
        self.meetings = meetings
        self.docs = {d.id: d for d in docs}
        self._bodies: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self.started = datetime.now(UTC).replace(microsecond=0)

    # -- lookups ---------------------------------------------------------------------

    def committee(self, committee_id: int) -> Committee | None:
        return next((c for c in self.committees if c.id == committee_id), None)

    def meeting(self, meeting_id: int) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def meetings_of(self, committee_id: int) -> list[Meeting]:
        return sorted((m for m in self.meetings if m.committee_id == committee_id), key=lambda m: m.date)

    def pack(self, path: str) -> Pack | None:
        return next((p for m in self.meetings for p in m.packs if p.path == path), None)

    def doc_meeting(self, doc_id: int) -> Meeting | None:
        return next((m for m in self.meetings for i in m.items if doc_id in i.doc_ids), None)

    # -- bodies ----------------------------------------------------------------------

    def render(self) -> None:
        """Make every PDF now, so serving (and benchmarks) never wait for fpdf2."""
        for doc in self.docs.values():
            self.doc_body(doc)
        for meeting in self.meetings:
            for pack in meeting.packs:
                self.pack_body(pack)

    def doc_body(self, doc: Doc) -> bytes:
        if doc.body:
            return doc.body
        return self._body(
            f"doc:{doc.id}:{doc.version}:{doc.size}", lambda: make_pdf(doc.title, doc.pages, doc.size, doc.version)
        )

    def pack_body(self, pack: Pack) -> bytes:
        return self._body(
            f"pack:{pack.path}:{pack.version}:{pack.size}",
            lambda: make_pdf(pack.title, pack.pages, pack.size, pack.version),
        )

    def _body(self, key: str, make: object) -> bytes:
        with self._lock:
            body = self._bodies.get(key)
        if body is None:
            body = make()  # type: ignore[operator]
            with self._lock:
                self._bodies[key] = body
        return body

    def last_modified(self, version: int) -> str:
        return format_datetime(self.started + timedelta(minutes=version), usegmt=True)

    # -- changes a test can make -------------------------------------------------------

    def republish(self, doc_id: int) -> None:
        """The council replaces a paper: new bytes, new ETag, later Last-Modified."""
        self.docs[doc_id].version += 1

    def add_document(self, meeting_id: int, item_id: int, doc: Doc) -> None:
        """A late paper hung off an existing item (a sync should mark it "new")."""
        self.docs[doc.id] = doc
        meeting = self.meeting(meeting_id)
        assert meeting is not None
        next(i for i in meeting.items if i.id == item_id).doc_ids.append(doc.id)


_PADDING: dict[int, bytes] = {}


@functools.lru_cache(maxsize=1024)  # the same paper in many tests is made once
def make_pdf(title: str, pages: int, size: int = 0, version: int = 1) -> bytes:
    """A real PDF: `pages` pages of council-like text; padded with an uncompressed
    attachment (random bytes, so nothing compresses it away) to about `size` bytes."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    safe_title = title.encode("latin-1", "replace").decode("latin-1")
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(
            0,
            7,
            f"{safe_title}\nPage {number} of {pages} (version {version})\n\n"
            + "The committee is asked to note the report and agree the "
            "recommendations set out in paragraph 3. " * 8,
        )
    pad = size - 2500 * pages  # roughly what the text pages take
    if pad > 0:
        padding = _PADDING.get(pad)
        if padding is None:
            padding = _PADDING[pad] = os.urandom(pad)
        pdf.embed_file(bytes=padding, basename="padding.bin", compress=False)
    return bytes(pdf.output())


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def _long_date(day: date) -> str:
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix}-{day.strftime('%b')}-{day.year}"


def meeting_packs(
    meeting: Meeting, committee: str, *, minutes: bool = False, supplement_id: int | None = None
) -> list[Pack]:
    stamp = f"{_long_date(meeting.date)} {meeting.time.replace(' ', '')} {committee}"
    packs = [
        Pack(f"documents/g{meeting.id}/Agenda frontsheet {stamp}.pdf", f"Agenda frontsheet {stamp}", 0, pages=2),
        Pack(f"documents/g{meeting.id}/Public reports pack {stamp}.pdf", f"Public reports pack {stamp}", 10, pages=6),
    ]
    if minutes:
        packs.append(
            Pack(f"documents/g{meeting.id}/Printed minutes {stamp}.pdf", f"Printed minutes {stamp}", 1, pages=3)
        )
    if supplement_id is not None:
        packs.append(
            Pack(
                f"documents/b{supplement_id}/Supplementary agenda {stamp}.pdf",
                f"Supplementary agenda {stamp}",
                9,
                pages=2,
            )
        )
    return packs


def default_council(today: date | None = None, *, history: int = 60) -> Council:
    """The council most tests use. Ids are fixed; dates are relative to `today` so the
    default sync window (30 days back, 90 ahead) finds the interesting meetings."""
    # London's day, as memberdesk counts "today" and "in 10 days" (a UTC clock is an hour behind all summer).
    today = today or london_now().date()
    committees = [
        Committee(101, "Cabinet", "Executive"),
        Committee(102, "Planning Committee", "Regulatory"),
        Committee(103, "Old Scrutiny Panel", "Scrutiny", deleted=True),
        Committee(104, "Climate Working Group", "Working groups", expired=True),
        Committee(105, "Audit &amp; Governance Committee", "Regulatory"),  # stored escaped
    ]
    docs = [
        Doc(5001, "Budget report 2025-26", pages=4, published=today - timedelta(days=27)),
        Doc(5002, "Appendix A - Capital programme", pages=3),
        Doc(5003, "Council tax base", pages=2),  # linked from two items
        Doc(5004, "Treasury management strategy", pages=5),
        Doc(5005, "Housing delivery update", pages=3),
        Doc(5006, "Local plan consultation", pages=3),
        Doc(5007, "Application 24/0123/FUL officer report", pages=4),
        Doc(5008, "Application 24/0456/OUT officer report", pages=3),
        Doc(5009, "Exempt appendix - land values", pages=2, restricted=True),
        Doc(5010, "Internal audit plan", pages=3),
    ]
    m1001 = Meeting(
        1001,
        101,
        today - timedelta(days=20),
        minutes_published=True,
        items=[
            Item(
                201,
                "1.",
                "Apologies for absence",
                "<p>To receive apologies.</p>",
                "<p>Apologies were received from Councillor Jones.</p>",
            ),
            Item(
                202,
                "2.",
                "Declarations of interest",
                "<p>Members are asked to declare any interests &amp; the nature of them.</p>",
            ),
            Item(
                203,
                "3.",
                "Budget &amp;amp; council tax 2025/26",
                "<p>To consider the <b>budget</b> and the council tax base.</p>"
                "<ul><li>Revenue budget</li><li>Capital programme</li></ul>",
                "<p>RESOLVED: that the budget be recommended to Council.</p>",
                is_decision=True,
                doc_ids=[5001, 5002, 5003],
            ),
            Item(204, "4.", "Treasury management", "<p>To approve the strategy.</p>", is_decision=True, doc_ids=[5004]),
            Item(205, "5.", "Council tax support scheme", "<p>See the tax base report.</p>", doc_ids=[5003]),
        ],
    )
    m1002 = Meeting(
        1002,
        101,
        today + timedelta(days=10),
        time="2.00 pm",
        items=[
            Item(211, "1.", "Housing delivery", "<p>An update on homes built.</p>", doc_ids=[5005]),
            Item(212, "2.", "Local plan", "<p>Consultation&nbsp;results.</p>", doc_ids=[5006]),
        ],
    )
    m1003 = Meeting(1003, 101, today + timedelta(days=40), agenda_published=False)
    m2001 = Meeting(2001, 102, today - timedelta(days=5), status="Cancelled", agenda_published=False, location="  \n  ")
    m2002 = Meeting(
        2002,
        102,
        today + timedelta(days=20),
        time="6.30 pm",
        items=[
            Item(
                221,
                "1.",
                "24/0123/FUL Land at Mill Lane",
                "<p>Erection of 40 dwellings.</p>",
                is_decision=True,
                doc_ids=[5007],
            ),
            Item(
                222,
                "2.",
                "24/0456/OUT Former depot &amp;#39;North&amp;#39;",
                "<p>Outline application.</p>",
                doc_ids=[5008],
            ),
            Item(
                223,
                "3.",
                "Exclusion of the press and public",
                "<p>Part II: exempt information.</p>",
                restricted=True,
                doc_ids=[5009],
            ),
        ],
    )
    m5001 = Meeting(
        5101,
        105,
        today + timedelta(days=30),
        items=[
            Item(251, "1.", "Internal audit plan", "", doc_ids=[5010]),
        ],
    )
    m1001.packs = meeting_packs(m1001, "Cabinet", minutes=True)
    m1002.packs = meeting_packs(m1002, "Cabinet", supplement_id=7702)
    m2002.packs = meeting_packs(m2002, "Planning Committee")
    meetings = [m1001, m1002, m1003, m2001, m2002, m5001]
    # Years of old Cabinet meetings: what a server sends when it ignores the date range.
    for n in range(history):
        meetings.append(
            Meeting(9000 + n, 101, today - timedelta(days=90 + 30 * n), agenda_published=False, history=True)
        )
    return Council("Fixture County Council", committees, meetings, docs)


def bulk_council(
    meetings: int = 20,
    docs_per_meeting: int = 10,
    doc_size: int = 1_000_000,
    pages: int = 3,
    today: date | None = None,
    packs: bool = False,
) -> Council:
    """For the benchmark: one committee, `meetings` meetings inside the default window,
    each with `docs_per_meeting` papers of about `doc_size` bytes."""
    today = today or date.today()
    docs, all_meetings = [], []
    span = max(1, meetings - 1)
    for m in range(meetings):
        day = today - timedelta(days=25) + timedelta(days=(110 * m) // span)
        items = []
        for d in range(docs_per_meeting):
            doc = Doc(100000 + m * 1000 + d, f"Report {m + 1}-{d + 1}", pages=pages, size=doc_size)
            docs.append(doc)
            items.append(
                Item(
                    300000 + m * 1000 + d,
                    f"{d + 1}.",
                    f"Item {d + 1}",
                    f"<p>Item {d + 1} of meeting {m + 1}.</p>",
                    doc_ids=[doc.id],
                )
            )
        meeting = Meeting(60000 + m, 601, day, items=items)
        if packs:
            meeting.packs = meeting_packs(meeting, "Full Council")
        all_meetings.append(meeting)
    return Council("Bulk Borough Council", [Committee(601, "Full Council", "Council")], all_meetings, docs)
