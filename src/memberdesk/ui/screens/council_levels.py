"""The councils screen's levels: where a level is, and a committee's meetings as rows, the
next meeting first (marked "Next meeting" in words), the past after it."""

from __future__ import annotations

from dataclasses import dataclass

from memberdesk.dates import spoken_date
from memberdesk.library import Library
from memberdesk.library.meeting_day import DayMeeting
from memberdesk.ui.widgets.lists import Row
from memberdesk.words import plural


@dataclass(frozen=True)
class Level:
    kind: str  # "councils", "committees", "meetings", "meeting"
    id: int = 0  # the council, committee or meeting shown
    title: str = ""


def meeting_levels(library: Library, meeting_id: int) -> list[Level]:
    """The levels down to a meeting's agenda: councils / council / committee / meeting."""
    levels = [Level("councils", title="Councils")]
    meeting = library.councils.meeting(meeting_id)
    council = library.councils.council_of_meeting(meeting_id)
    if meeting is None or council is None:
        return levels
    when = f"{spoken_date(meeting.date)} {meeting.time}".strip()
    return [
        *levels,
        Level("committees", council.id, council.name),
        Level("meetings", meeting.committee_id, meeting.title),
        Level("meeting", meeting.id, f"Meeting {when}"),
    ]


def next_meeting_levels(library: Library) -> tuple[list[Level], int | None]:
    """Where the councils screen opens: the followed committees' next meeting, highlighted in
    its committee's meetings (the past after it), so Enter goes straight to its agenda; the
    councils themselves when nothing followed is coming up. (levels, the meeting to highlight)"""
    upcoming = library.meeting_day().next
    if upcoming is None:
        return [Level("councils", title="Councils")], None
    return meeting_levels(library, upcoming.meeting.id)[:-1], upcoming.meeting.id


def committee_meeting_rows(library: Library, committee_id: int) -> list[Row]:
    """A committee's meetings in the sync window: today's and the next first, then the past,
    the most recent first (as the library's meeting day orders them)."""
    from memberdesk.sources.moderngov import default_window

    start, end = default_window()
    day = library.meeting_day(committee_id=committee_id)
    rows: list[Row] = []
    for entry in day.meetings:
        when = entry.meeting.date
        if when is not None and not start <= when <= end:
            continue
        rows.append(Row(_meeting_row(entry), ("meeting", entry.meeting.id)))
    return rows


def _meeting_row(entry: DayMeeting) -> str:
    m = entry.meeting
    head = "Next meeting" if entry.is_next else "Meeting"
    parts = [f"{head} {spoken_date(m.date)} {m.time}".strip()]
    if m.date is not None:
        parts.append(entry.when)
    if m.status:
        parts.append(m.status)
    if entry.papers:
        parts.append(plural(len(entry.papers), "paper"))
    elif not m.synced_at:
        parts.append("not downloaded")
    counts: dict[str, int] = {}
    for paper in entry.new:
        counts[paper.marker] = counts.get(paper.marker, 0) + 1
    parts.extend(f"{n} {word}" for word, n in sorted(counts.items()))
    return ", ".join(parts)
