"""The library's first view once a council is followed: meeting day as rows.

What is new since last opened comes first (each paper a row to open), then today's and the
next meetings (the next one marked "Next meeting" in words, each with its papers under it),
then past meetings, most recent first. The words are memberdesk.library.meeting_words', so the
app, plain mode and `memberdesk next` say the same.
"""

from __future__ import annotations

from typing import Any

from memberdesk.library.meeting_day import DayMeeting, MeetingDay
from memberdesk.library.meeting_words import meeting_words, new_paper_words
from memberdesk.ui.widgets.lists import Row
from memberdesk.words import document_words, plural

PAST_SHOWN = 10  # past meetings listed; older ones are in the councils screen


def summary(day: MeetingDay) -> str:
    """The line above the list: what day it is and how much is new."""
    new = f"{plural(len(day.new), 'paper')} new or updated since you last opened them" if day.new else "nothing new"
    nxt = f"next meeting {day.next.meeting.title} {day.next.when}" if day.next else "no meetings coming up"
    return f"Meeting day: {new}; {nxt}. Enter opens, F1 lists every key."


def meeting_day_rows(day: MeetingDay, docs: dict[int, dict[str, Any]]) -> tuple[list[Row], set[int]]:
    """The rows, and the ids of the papers they place (the rest are listed as imported)."""
    rows: list[Row] = []
    placed: set[int] = set()
    by_id = {entry.meeting.id: entry for entry in day.meetings}
    if day.new:
        rows.append(Row(f"New since you last opened them: {plural(len(day.new), 'paper')}"))
        rows.extend(Row(f"  {new_paper_words(p, by_id.get(p.meeting_id))}", p.document_id) for p in day.new)
    rows.append(Row("Coming up" if day.upcoming else "No meetings coming up"))
    for entry in day.upcoming:
        rows.extend(_meeting_rows(entry, docs, placed))
    if day.past:
        rows.append(Row("Past meetings, the most recent first"))
        for entry in day.past[:PAST_SHOWN]:
            rows.extend(_meeting_rows(entry, docs, placed))
    for entry in day.past[PAST_SHOWN:]:
        placed.update(entry.papers)  # listed in the councils screen, not again as imported
    return rows, placed


def _meeting_rows(entry: DayMeeting, docs: dict[int, dict[str, Any]], placed: set[int]) -> list[Row]:
    rows = [Row(meeting_words(entry), ("meeting", entry.meeting.id))]
    for doc_id in entry.papers:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        placed.add(doc_id)
        words = document_words(doc["title"], status=doc["status"], pages=doc["pages"], marker=doc["marker"])
        # The meeting too: a screen reader hears only the focused row.
        rows.append(Row(f"  Paper: {words}, {entry.meeting.title} {entry.when}", doc_id))
    return rows
