"""Plain mode's meetings: meeting day as lines (the same order and words as the app and
`memberdesk next`): what is new first, then today's and the next meetings with their papers
numbered to open with `o NUMBER`, then the past meetings."""

from __future__ import annotations

from memberdesk.dates import spoken_date
from memberdesk.library import Library
from memberdesk.library.meeting_day import DayMeeting
from memberdesk.library.meeting_words import meeting_words, new_paper_words
from memberdesk.words import document_words, plural

PAST_LISTED = 5


def meeting_lines(library: Library) -> list[str]:
    day = library.meeting_day()
    if not day.meetings:
        return ["No meetings: no committee is followed yet (memberdesk follow COUNCIL COMMITTEE, then sync)."]
    lines = [f"Today is {spoken_date(day.today)}."]
    by_id = {e.meeting.id: e for e in day.meetings}
    if day.new:
        lines.append(f"New since you last opened them, {plural(len(day.new), 'paper')}:")
        lines.extend(f"{p.document_id}. {new_paper_words(p, by_id.get(p.meeting_id))}" for p in day.new)
    lines.append("Coming up:" if day.upcoming else "No meetings coming up.")
    for entry in day.upcoming:
        lines.extend(_with_papers(library, entry))
    if day.past:
        lines.append(f"Past meetings, the most recent first ({min(PAST_LISTED, len(day.past))} of {len(day.past)}):")
        for entry in day.past[:PAST_LISTED]:
            lines.extend(_with_papers(library, entry))
    lines.append("Type o and a paper's number to open it, or ag and a meeting's number for its agenda.")
    return lines


def _with_papers(library: Library, entry: DayMeeting) -> list[str]:
    lines = [f"{meeting_words(entry)} (ag {entry.meeting.id}: its agenda)"]
    for doc_id in entry.papers:
        doc = library.documents.get(doc_id)
        if doc is not None:
            words = document_words(
                doc.title, status=doc.status, pages=doc.page_count, version=doc.version, marker=doc.marker
            )
            lines.append(f"  {doc.id}. {words}")
    return lines
