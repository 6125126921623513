"""Meeting day: the followed committees' meetings, today's and the next first, then the past;
and the papers that are new or updated since the councillor last opened them.

One function, `meeting_day`, shared by the library screen, the councils screen, plain mode
and `memberdesk next`, so they all say the same thing in the same order. "Today" is London's
day (memberdesk.dates.LONDON): councils in the UK date their meetings in UK time.

What is new comes from each paper's marker: sync marks a paper `new` when it arrives after a
committee's first sync (a supplement, a late paper) and `updated` when the council republished
it with different content (a new version); opening the paper clears the marker and records
`documents.opened_at`. For an updated paper, when the councillor last opened the version it
replaced is that version's `opened_at`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from memberdesk.dates import council_time, days_words, london_now
from memberdesk.library.councils import meeting_from_row
from memberdesk.model import Meeting

_VISIBLE = "('ready', 'restricted')"


@dataclass(frozen=True)
class NewPaper:
    """A paper new or updated since the councillor last opened it (or any version of it)."""

    document_id: int
    title: str
    marker: str  # "new" or "updated"
    kind: str  # "report", "supplement", "pack", ...
    version: int
    meeting_id: int
    added_at: str  # when sync brought it (UTC, as SQLite writes it)
    last_opened: str | None  # when the version it replaces was last opened (updated papers)
    status: str = "ready"


@dataclass(frozen=True)
class DayMeeting:
    meeting: Meeting
    council: str
    days: int  # calendar days from today (London): 0 today, 1 tomorrow, -3 three days ago
    is_next: bool  # the first meeting of today or later
    papers: list[int] = field(default_factory=list)  # current papers, by id
    new: list[NewPaper] = field(default_factory=list)

    @property
    def when(self) -> str:
        """ "today", "tomorrow", "in 5 days", "3 days ago"; "date not set" without a date."""
        return days_words(self.days) if self.meeting.date else "date not set"

    @property
    def upcoming(self) -> bool:
        return self.meeting.date is not None and self.days >= 0


@dataclass(frozen=True)
class MeetingDay:
    today: date  # London's date at the moment asked
    upcoming: list[DayMeeting]  # today's first, then the next ones, soonest first
    past: list[DayMeeting]  # the most recent first
    new: list[NewPaper]  # every new or updated paper, the soonest meeting's first

    @property
    def next(self) -> DayMeeting | None:
        return self.upcoming[0] if self.upcoming else None

    @property
    def meetings(self) -> list[DayMeeting]:
        return [*self.upcoming, *self.past]


def _start_key(meeting: Meeting) -> tuple[int, int]:
    # Within a day, by the time the council wrote; a meeting with no time last.
    start = council_time(meeting.time)
    return (0, start.hour * 60 + start.minute) if start else (1, 0)


def meeting_day(
    conn: sqlite3.Connection, now: datetime | None = None, *, committee_id: int | None = None
) -> MeetingDay:
    """The followed committees' meetings (or one committee's, followed or not) ordered for the
    day `now` falls on in London."""
    today = london_now(now).date()
    which = "c.id = ?" if committee_id is not None else "c.followed = 1"
    args: tuple[int, ...] = (committee_id,) if committee_id is not None else ()
    rows = conn.execute(
        f"""SELECT m.id, m.committee_id, m.remote_id, m.date, m.time, m.status, m.location,
                  m.agenda_published, m.synced_at, c.title AS committee_title, k.name AS council_name
           FROM meetings m JOIN committees c ON c.id = m.committee_id JOIN councils k ON k.id = c.council_id
           WHERE {which}""",
        args,
    ).fetchall()
    papers: dict[int, list[int]] = {}
    for meeting_id, document_id in conn.execute(
        f"""SELECT d.meeting_id, d.id FROM documents d JOIN meetings m ON m.id = d.meeting_id
            JOIN committees c ON c.id = m.committee_id
            WHERE {which} AND d.status IN {_VISIBLE} ORDER BY d.id""",
        args,
    ):
        papers.setdefault(meeting_id, []).append(document_id)
    fresh = _new_papers(conn, which, args)
    upcoming: list[DayMeeting] = []
    past: list[DayMeeting] = []
    for row in rows:
        meeting = meeting_from_row(row)
        days = (meeting.date - today).days if meeting.date else 0
        entry = DayMeeting(
            meeting, row["council_name"], days, False, papers.get(meeting.id, []), fresh.get(meeting.id, [])
        )
        (upcoming if entry.upcoming else past).append(entry)
    upcoming.sort(key=lambda e: (e.days, _start_key(e.meeting), e.meeting.title.lower(), e.meeting.id))
    # The past newest first; meetings with no date at the very end.
    past.sort(key=lambda e: (e.meeting.date is None, -e.days, e.meeting.title.lower(), e.meeting.id))
    if upcoming:
        first = upcoming[0]
        upcoming[0] = DayMeeting(first.meeting, first.council, first.days, True, first.papers, first.new)
    new = [paper for entry in [*upcoming, *past] for paper in entry.new]
    return MeetingDay(today, upcoming, past, new)


def _new_papers(conn: sqlite3.Connection, which: str, args: tuple[int, ...]) -> dict[int, list[NewPaper]]:
    found: dict[int, list[NewPaper]] = {}
    for row in conn.execute(
        f"""SELECT d.id, d.title, d.marker, d.kind, d.version, d.meeting_id, d.added_at, d.status,
                   (SELECT MAX(o.opened_at) FROM documents o WHERE o.replaced_by = d.id) AS last_opened
            FROM documents d JOIN meetings m ON m.id = d.meeting_id JOIN committees c ON c.id = m.committee_id
            WHERE {which} AND d.marker != '' AND d.status IN {_VISIBLE}
            ORDER BY d.added_at, d.id""",
        args,
    ):
        found.setdefault(row["meeting_id"], []).append(
            NewPaper(
                document_id=row["id"],
                title=row["title"],
                marker=row["marker"],
                kind=row["kind"],
                version=row["version"],
                meeting_id=row["meeting_id"],
                added_at=row["added_at"],
                last_opened=row["last_opened"],
                status=row["status"],
            )
        )
    return found
