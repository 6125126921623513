"""The followed committees' meetings as an iCalendar file (the `icalendar` library, here only):
each meeting with its venue and a link to its papers on the council's site, on London's clock.

`memberdesk calendar --to FILE.ics` writes it and records FILE in settings.toml (`calendar`);
every sync after that writes it again, so a calendar that subscribes to the file stays current.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from memberdesk import __version__, config
from memberdesk.dates import LONDON, council_time
from memberdesk.files import write_atomically
from memberdesk.library import Library
from memberdesk.library.meeting_day import DayMeeting
from memberdesk.words import plural

if TYPE_CHECKING:  # loaded only when a calendar is written: a sync without one never imports it
    import icalendar


class CalendarError(Exception):
    """The calendar file cannot be written; the message names the file and what to do."""


def papers_url(base_url: str, committee_remote_id: str, meeting_remote_id: str) -> str:
    """The meeting's page on the council's ModernGov site: its agenda and every paper."""
    query = {"CId": committee_remote_id, "MId": meeting_remote_id, "Ver": "4"}
    return f"{base_url.rstrip('/')}/ieListDocuments.aspx?{urlencode(query)}"


def build_calendar(library: Library, now: datetime | None = None) -> tuple[bytes, int]:
    """The .ics text of every followed meeting with a date, and how many there are."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//memberdesk {__version__}//council meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Council meetings (memberdesk)")
    cal.add("x-wr-timezone", "Europe/London")
    stamp = datetime.now(LONDON) if now is None else now
    count = 0
    for entry in library.meeting_day(now).meetings:
        event = _event(library, entry, stamp)
        if event is not None:
            cal.add_component(event)
            count += 1
    cal.add_missing_timezones()  # VTIMEZONE for Europe/London, so every calendar reads it alike
    return cal.to_ical(), count


def _event(library: Library, entry: DayMeeting, stamp: datetime) -> icalendar.Event | None:
    import icalendar

    meeting = entry.meeting
    if meeting.date is None:
        return None
    committee = library.councils.committee(meeting.committee_id)
    council = library.councils.council_of_meeting(meeting.id)
    if committee is None or council is None:
        return None
    event = icalendar.Event()
    host = urlsplit(council.base_url).netloc or "council"
    event.add("uid", f"meeting-{committee.remote_id}-{meeting.remote_id}@{host}")
    event.add("dtstamp", stamp)
    summary = f"{meeting.title} ({council.name})"
    if "cancel" in meeting.status.lower():
        summary = f"Cancelled: {summary}"
        event.add("status", "CANCELLED")
    event.add("summary", summary)
    start = council_time(meeting.time)
    if start is None:  # no time given: an all-day event on the day
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    else:
        event.add("dtstart", datetime.combine(meeting.date, start, tzinfo=LONDON))
    venue = " ".join(meeting.location.split())
    if venue:
        event.add("location", venue)
    url = papers_url(council.base_url, committee.remote_id, meeting.remote_id)
    event.add("url", url)
    papers = plural(len(entry.papers), "paper") + " in memberdesk" if entry.papers else "no papers downloaded yet"
    event.add("description", f"Agenda and papers: {url}\n{papers}.")
    return event


def write_calendar(library: Library, path: Path, now: datetime | None = None) -> int:
    """Write the calendar to `path` (atomically: a calendar app never reads half a file)."""
    body, count = build_calendar(library, now)
    try:
        write_atomically(path, body)
    except OSError as exc:
        raise CalendarError(f"{path}: cannot be written ({exc.strerror or exc}); choose another file") from exc
    return count


def remembered_calendar(home: Path) -> Path | None:
    """Where `memberdesk calendar --to` last wrote, if it did (settings.toml `calendar`)."""
    chosen = config.load_settings(home).calendar
    return Path(chosen) if chosen else None


def update_remembered_calendar(library: Library) -> str:
    """After a sync: write the calendar again where it was written before. Returns a line to
    say ("" when there is no calendar); a failure is said, never raised (the sync succeeded)."""
    try:
        path = remembered_calendar(library.home)
    except config.SettingsError as exc:
        return f"Calendar not updated: {exc}"
    if path is None:
        return ""
    try:
        count = write_calendar(library, path)
    except CalendarError as exc:
        return f"Calendar not updated: {exc}"
    return f"Calendar {path} updated: {plural(count, 'meeting')}."
