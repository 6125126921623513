"""Meeting day in words and as data: the same lines for `memberdesk next`, plain mode and the
app's rows, and the `next --json` shape (documented in the README)."""

from __future__ import annotations

from typing import Any

from memberdesk.dates import spoken_date, spoken_moment
from memberdesk.library.meeting_day import DayMeeting, MeetingDay, NewPaper
from memberdesk.library.sync_runs import SyncRun
from memberdesk.words import plural


def meeting_words(entry: DayMeeting, *, council: bool = False) -> str:
    """A meeting in words, what it is first: "Next meeting: Cabinet, tomorrow, Wednesday
    2 December 2026 2.00 pm, Committee Room 1, 4 papers, 1 new". The same in every front end."""
    meeting = entry.meeting
    head = "Next meeting" if entry.is_next else "Meeting"
    when = f"{spoken_date(meeting.date)} {meeting.time}".strip() if meeting.date else "date not set"
    parts = [f"{head}: {meeting.title}", entry.when, when] if meeting.date else [f"{head}: {meeting.title}", when]
    if council:
        parts.insert(1, entry.council)
    if meeting.status and meeting.status.lower() != "confirmed":
        parts.append(meeting.status)
    if entry.upcoming and meeting.location.strip():
        parts.append(" ".join(meeting.location.split()))
    if entry.papers:
        parts.append(plural(len(entry.papers), "paper"))
    elif not meeting.synced_at:
        parts.append("not downloaded")
    elif not meeting.agenda_published:
        parts.append("agenda not published yet")
    counts = _marker_counts(entry.new)
    parts.extend(f"{n} {word}" for word, n in counts)
    return ", ".join(parts)


def new_paper_words(paper: NewPaper, entry: DayMeeting | None = None) -> str:
    """ "New: Supplementary agenda, for Cabinet tomorrow" or "Updated to version 2: Budget report,
    for Cabinet in 9 days, last opened 2026-11-30 09:12"."""
    head = "New" if paper.marker == "new" else f"Updated to version {paper.version}"
    words = f"{head}: {paper.title}"
    if paper.status == "restricted":
        words += ", restricted: not published"
    if entry is not None:
        words += f", for {entry.meeting.title} {entry.when}"
    if paper.marker == "updated" and paper.last_opened:
        words += f", you last opened it {spoken_moment(paper.last_opened)}"
    return words


def _marker_counts(papers: list[NewPaper]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for paper in papers:
        counts[paper.marker] = counts.get(paper.marker, 0) + 1
    return sorted(counts.items())


def last_sync_words(run: SyncRun | None) -> str:
    """ "Last sync Tuesday 1 December 2026 at 09:12: 2 new, 1 updated." (London time)."""
    if run is None:
        return "No sync has run yet."
    brought = f"{run.new} new, {run.updated} updated"
    if run.failed:
        brought += f", {run.failed} failed"
    if run.cancelled:
        brought += ", stopped before the end"
    return f"Last sync {spoken_moment(run.ran_at)}: {brought}."


def day_lines(day: MeetingDay, *, past: int = 5) -> list[str]:
    """Meeting day as lines of text: today, what is new, the next meetings, then the latest
    `past` meetings gone by."""
    lines = [f"Today is {spoken_date(day.today)}."]
    if not day.meetings:
        lines.append("No meetings of followed committees: follow committees with 'memberdesk follow', then sync.")
        return lines
    by_id = {entry.meeting.id: entry for entry in day.meetings}
    if day.new:
        lines.append(f"{plural(len(day.new), 'paper')} new or updated since you last opened them:")
        lines.extend(f"  {new_paper_words(p, by_id.get(p.meeting_id))}" for p in day.new)
    else:
        lines.append("Nothing new since you last opened your papers.")
    if day.upcoming:
        lines.append("Coming up:")
        lines.extend(f"  {meeting_words(e)}" for e in day.upcoming)
    else:
        lines.append("No meetings coming up.")
    if day.past and past:
        lines.append("Past meetings:")
        lines.extend(f"  {meeting_words(e)}" for e in day.past[:past])
    return lines


def day_json(day: MeetingDay) -> dict[str, Any]:
    """The shape of `memberdesk next --json`."""
    return {
        "today": day.today.isoformat(),
        "next": day.next.meeting.id if day.next else None,
        "new_count": len(day.new),
        "new": [
            {
                "document_id": p.document_id,
                "title": p.title,
                "marker": p.marker,
                "kind": p.kind,
                "version": p.version,
                "meeting_id": p.meeting_id,
                "added_at": p.added_at,
                "last_opened": p.last_opened,
            }
            for p in day.new
        ],
        "meetings": [
            {
                "id": e.meeting.id,
                "council": e.council,
                "committee": e.meeting.title,
                "date": e.meeting.date.isoformat() if e.meeting.date else None,
                "time": e.meeting.time,
                "when": e.when,
                "days": e.days if e.meeting.date else None,
                "next": e.is_next,
                "upcoming": e.upcoming,
                "status": e.meeting.status,
                "location": " ".join(e.meeting.location.split()),
                "papers": e.papers,
                "new": [p.document_id for p in e.new],
                "words": meeting_words(e),
            }
            for e in day.meetings
        ],
    }
