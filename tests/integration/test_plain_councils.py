"""Plain mode's councils and agendas, through a pipe, against a library synced from the
fixture council (a real ModernGov site on 127.0.0.1): co lists councils, committees and
meetings (the next first), ag N a meeting's agenda numbered as the agenda numbers it, with
its papers, i N opens an item's paper at that item."""

from __future__ import annotations

import re
from pathlib import Path

from cli import memberdesk
from council_server import CouncilServer
from memberdesk.library import Library
from sync_support import follow, syncer

ESCAPE = re.compile(r"\x1b")


def _synced(home: Path, server: CouncilServer) -> tuple[int, int]:
    """The library after one sync; the ids of Cabinet's next and past meeting."""
    with Library(home) as library:
        follow(library, server)
        with syncer(library) as sync:
            sync.run()
        day = library.meeting_day()
        cabinet = [e.meeting for e in day.meetings if e.meeting.title == "Cabinet" and e.papers]
        upcoming = next(m for m in cabinet if any(e.meeting is m and e.upcoming for e in day.meetings))
        past = next(m for m in cabinet if m is not upcoming)
        return upcoming.id, past.id


def test_councils_committees_and_meetings_next_first(council_server: CouncilServer, home: Path) -> None:
    upcoming, past = _synced(home, council_server)
    run = memberdesk("--plain", stdin="co\nc\nq\n", home=home)
    assert run.code == 0, run.err
    assert not ESCAPE.search(run.out)
    listing = run.out.split("Command (")[1]  # the answer to co, after the first prompt
    lines = listing.splitlines()
    assert lines[0].endswith(": Council: Fixture County Council, 3 committees, following 3."), lines[0]
    assert "  Committee: Cabinet, followed." in lines
    cabinet = lines.index("  Committee: Cabinet, followed.")
    assert lines[cabinet + 1] == f"    {upcoming}. " + lines[cabinet + 1].split(". ", 1)[1]
    assert "Next meeting: Cabinet, in 10 days" in lines[cabinet + 1]  # the next meeting first
    assert any(line.startswith(f"    {past}. Meeting: Cabinet, 20 days ago") for line in lines[cabinet + 2 :])
    assert "Type ag and a meeting's number for its agenda" in listing
    # c with no paper open has no contents to list: it lists the councils as co does.
    assert run.out.split("Command (")[2].splitlines()[0].split(": ", 1)[1] == lines[0].split(": ", 1)[1]


def test_a_meeting_agenda_numbered_as_printed_with_its_papers(council_server: CouncilServer, home: Path) -> None:
    _upcoming, past = _synced(home, council_server)
    run = memberdesk("--plain", stdin=f"ag {past}\ni 3\nw\nag {past}\ni 1\ni 9\nq\n", home=home)
    assert run.code == 0, run.err
    answers = run.out.split("Command (")
    agenda = answers[1].splitlines()
    assert re.search(r": Agenda of Cabinet, \w+day \d+ \w+ \d{4} 10\.00 am:$", agenda[0]), agenda[0]  # in words
    items = [line for line in agenda if line.startswith("Item ")]
    assert items == [
        "Item 1 Apologies for absence",
        "Item 2 Declarations of interest",
        "Item 3 Budget & council tax 2025/26, decision",
        "Item 4 Treasury management, decision",
        "Item 5 Council tax support scheme",
    ]
    under_3 = agenda[agenda.index(items[2]) + 1 : agenda.index(items[3])]
    assert len(under_3) == 3 and all(re.match(r"  \d+\. ", line) for line in under_3), under_3
    assert any("Council tax base" in line for line in under_3)
    # i 3: the item's first paper is opened (its papers named, there are three).
    opened = answers[2]
    assert "Item 3 Budget & council tax 2025/26.\n" in opened
    assert "Its papers: " in opened and "Opened " in opened
    first_paper = under_3[0].split(". ", 1)[1].split(",")[0]
    assert f"Opened {first_paper}" in opened
    assert first_paper in answers[3]  # w: in that paper
    # An item with no paper of its own says its text; a number not on the agenda says so.
    assert "To receive apologies. (This item has no paper of its own.)" in answers[5]
    assert "'9' is not an item of this agenda" in answers[6]


def test_meetings_name_their_agenda_and_help_lists_the_new_commands(council_server: CouncilServer, home: Path) -> None:
    upcoming, _past = _synced(home, council_server)
    run = memberdesk("--plain", stdin="mt\nh\nag\ni 1\nq\n", home=home)
    assert run.code == 0, run.err
    assert f"(ag {upcoming}: its agenda)" in run.out
    for line in [
        "co or councils: councils, their committees and each followed committee's meetings, the next first",
        "ag or agenda MEETING: a meeting's agenda: its items as the agenda numbers them",
        "i or item NUMBER: after ag: open the agenda item's paper at that item",
    ]:
        assert line in run.out.splitlines()
    assert "Type ag and the meeting's number, for example ag 12" in run.out
    assert "First list a meeting's agenda" in run.out
