"""memberdesk calendar: the followed meetings as .ics, parsed back with icalendar; sync keeps
the file up to date once it has been written."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from pathlib import Path

import icalendar

from cli import memberdesk
from council_server import CouncilServer
from memberdesk.dates import LONDON, london_now
from memberdesk.library import Library
from sync_support import follow, syncer


def _events(path: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_calendar_written_parsed_back_and_updated_by_sync(
    council_server: CouncilServer, home: Path, tmp_path: Path
) -> None:
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        followed_meetings = len([e for e in library.meeting_day().meetings if e.meeting.date])
    target = tmp_path / "cal" / "meetings.ics"
    run = memberdesk("calendar", "--to", target, home=home)
    assert run.code == 0, run.err
    assert run.out.startswith(f"Wrote {followed_meetings} meetings to {target}")
    assert tomllib.loads((home / "settings.toml").read_text())["calendar"] == str(target)

    events = _events(target)
    assert len(events) == followed_meetings
    host = council_server.base_url.split("//")[1]
    cabinet = events[f"meeting-101-1002@{host}"]
    assert str(cabinet["summary"]) == "Cabinet (Fixture County Council)"
    start = cabinet.decoded("dtstart")
    assert start == datetime.combine(
        london_now().date() + timedelta(days=10), datetime.min.time().replace(hour=14), LONDON
    )
    assert str(start.tzinfo) == "Europe/London"
    assert str(cabinet["location"]) == "Committee Room 1, County Hall"
    assert str(cabinet["url"]) == f"{council_server.base_url}/ieListDocuments.aspx?CId=101&MId=1002&Ver=4"
    assert str(cabinet["url"]) in str(cabinet["description"]) and "5 papers in memberdesk" in str(
        cabinet["description"]
    )
    cancelled = events[f"meeting-102-2001@{host}"]
    assert str(cancelled["status"]) == "CANCELLED" and str(cancelled["summary"]).startswith("Cancelled: ")
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]

    # The council moves the meeting to another room: the next sync writes the file again.
    moved = council_server.council.meeting(1002)
    assert moved is not None
    moved.location = "Council Chamber, Town Hall"
    again = memberdesk("sync", "--meeting", str(_meeting_id(home, "1002")), home=home)
    assert again.code == 0, again.err
    assert f"Calendar {target} updated: {followed_meetings} meetings." in again.out
    assert str(_events(target)[f"meeting-101-1002@{host}"]["location"]) == "Council Chamber, Town Hall"

    off = memberdesk("calendar", "--off", home=home)
    assert off.code == 0 and tomllib.loads((home / "settings.toml").read_text())["calendar"] == ""


def _meeting_id(home: Path, remote: str) -> int:
    with Library(home) as library:
        return next(e.meeting.id for e in library.meeting_day().meetings if e.meeting.remote_id == remote)


def test_calendar_refuses_a_name_that_is_not_ics_and_a_place_it_cannot_write(home: Path, tmp_path: Path) -> None:
    bad = memberdesk("calendar", "--to", tmp_path / "meetings.txt", home=home)
    assert bad.code == 2 and "ends .ics" in bad.err
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    run = memberdesk("calendar", "--to", a_file / "meetings.ics", home=home)
    assert run.code == 1 and "cannot be written" in run.err and "choose another file" in run.err
    nothing = memberdesk("calendar", home=home)
    assert nothing.code == 2 and "memberdesk calendar --to meetings.ics" in nothing.err
