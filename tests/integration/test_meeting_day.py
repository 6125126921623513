"""Meeting day against the fixture council: the next meeting first, and what a second sync
brought (a supplement, a republished report) listed as new since the paper was last opened."""

from __future__ import annotations

from pathlib import Path

from cli import memberdesk
from council_data import Pack
from council_server import CouncilServer
from memberdesk.library import Library
from memberdesk.library.meeting_words import day_lines
from sync_support import follow, syncer


def _late_supplement(server: CouncilServer) -> str:
    meeting = server.council.meeting(1002)
    assert meeting is not None
    title = "Supplementary agenda 2 - late housing figures"
    meeting.packs.append(Pack(f"documents/b7799/{title}.pdf", title, 9, pages=2))
    return title


def test_new_since_last_opened_after_a_second_sync(council_server: CouncilServer, home: Path) -> None:
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        first = library.meeting_day()
        assert first.next is not None and first.next.meeting.remote_id == "1002"
        assert first.next.when == "in 10 days" and first.next.is_next
        assert [e.meeting.remote_id for e in first.upcoming] == ["1002", "2002", "5101", "1003"]
        assert [e.meeting.remote_id for e in first.past][:2] == ["2001", "1001"]  # newest first
        assert first.new == []  # the first sync of a committee marks nothing new

        housing = next(d for d in library.documents.all() if d.title == "Housing delivery update")
        library.documents.mark_opened(housing.id)
        supplement = _late_supplement(council_server)
        council_server.council.republish(5005)
        with syncer(library, recheck_minutes=0) as sync:
            report = sync.run()
        assert (report.new, report.updated) == (1, 1), report.summary()

        day = library.meeting_day()
        assert sorted((p.title, p.marker) for p in day.new) == [
            ("Housing delivery update", "updated"),
            (supplement, "new"),
        ]
        assert day.next is not None and len(day.next.new) == 2
        updated = next(p for p in day.new if p.marker == "updated")
        assert updated.version == 2 and updated.last_opened  # when the old version was opened
        lines = day_lines(day)
        assert lines[1] == "2 papers new or updated since you last opened them:"
        assert any(line.startswith(f"  New: {supplement}, for Cabinet in 10 days") for line in lines)
        assert any("Updated to version 2: Housing delivery update" in line and "last opened" in line for line in lines)
        next_line = next(line for line in lines if "Next meeting" in line)
        assert next_line.startswith("  Next meeting: Cabinet, in 10 days, ") and next_line.endswith("1 new, 1 updated")

        # Opening the supplement clears it from what is new.
        library.documents.mark_opened(next(p.document_id for p in day.new if p.marker == "new"))
        assert [p.marker for p in library.meeting_day().new] == ["updated"]


def test_next_json_and_text(council_server: CouncilServer, home: Path) -> None:
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
    data = memberdesk("next", "--json", home=home).json()
    assert set(data) == {"today", "next", "new_count", "new", "meetings", "last_sync"}
    assert data["last_sync"]["new"] == 17 and data["last_sync"]["summary"].startswith("Synced 6 meetings")
    first = data["meetings"][0]
    assert first["id"] == data["next"] and first["next"] and first["upcoming"] and first["when"] == "in 10 days"
    assert first["committee"] == "Cabinet" and first["council"] == "Fixture County Council"
    assert first["location"] == "Committee Room 1, County Hall" and len(first["papers"]) == 5
    assert first["words"].startswith("Next meeting: Cabinet, in 10 days, ")
    assert [m["next"] for m in data["meetings"]].count(True) == 1
    days = [m["days"] for m in data["meetings"] if m["upcoming"]]
    assert days == sorted(days) and days[0] == 10
    past = [m["days"] for m in data["meetings"] if not m["upcoming"]]
    assert past == sorted(past, reverse=True) and past[0] == -5
    text = memberdesk("next", home=home)
    assert text.code == 0
    lines = text.out.splitlines()
    assert lines[0].startswith("Today is ") and lines[1].startswith("Last sync ")
    assert lines[1].endswith(": 17 new, 0 updated.")
    assert lines[2] == "Nothing new since you last opened your papers."
    assert lines[3] == "Coming up:" and lines[4].startswith("  Next meeting: Cabinet, in 10 days")
    assert "Past meetings:" in lines


def test_next_with_nothing_followed(home: Path) -> None:
    run = memberdesk("next", home=home)
    assert run.code == 0 and "No meetings of followed committees" in run.out


def test_plain_mode_lists_meetings_next_first(council_server: CouncilServer, home: Path) -> None:
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        housing = next(d for d in library.documents.all() if d.title == "Housing delivery update")
    run = memberdesk("--plain", stdin=f"mt\no {housing.id}\nq\n", home=home)
    assert run.code == 0, run.err
    first, again = run.out.split("Command (")[:2]
    lines = first.splitlines()
    assert lines[1].startswith("Today is ") and lines[2] == "Coming up:"
    assert lines[3].startswith("Next meeting: Cabinet, in 10 days, ")
    assert f"  {housing.id}. Housing delivery update, 3 pages" in lines
    past = lines.index(next(line for line in lines if line.startswith("Past meetings")))
    assert lines[past + 1].startswith("Meeting: Planning Committee, 5 days ago")
    assert "Next meeting: Cabinet, in 10 days" in again  # mt lists the same
    assert "Opened Housing delivery update" in run.out
