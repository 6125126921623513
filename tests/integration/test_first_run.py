"""The first run through a pipe (plain mode): a councillor who types the council's name ends
with followed committees and synced papers; skipping every question leaves the demo pack."""

from __future__ import annotations

import tomllib
from pathlib import Path

from cli import memberdesk
from council_server import CouncilServer
from memberdesk.library import Library
from memberdesk.sync.directory import find_sites, site_address
from memberdesk.sync.first_run import needs_setup


def _local_council(home: Path, server: CouncilServer) -> None:
    """Support staff list their council in the library folder (the shipped list has real ones)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "councils.toml").write_text(
        f'[[council]]\nname = "Fixture County Council"\nurl = "{server.base_url}"\nsource = "test"\n'
    )


def test_setup_through_a_pipe_follows_committees_and_syncs(council_server: CouncilServer, home: Path) -> None:
    _local_council(home, council_server)
    assert needs_setup(home)
    answers = "\n".join(["3", "fixture county", "2 3"]) + "\n"
    run = memberdesk("setup", stdin=answers, home=home)
    assert run.code == 0, run.err
    out = run.out
    assert "Question 1 of 3: how would you like to read?" in out
    assert "9. I use a screen reader or a braille display" in out and "10. Read aloud to me" in out
    assert "Kept the high-contrast-light profile." in out
    assert "Question 2 of 3: your council." in out
    assert f"Checking Fixture County Council ({council_server.base_url})..." in out
    assert "Fixture County Council: found, read through the ModernGov web service." in out
    assert "Question 3 of 3: which committees do you sit on? Fixture County Council lists 3:" in out
    assert "1. Audit & Governance Committee\n2. Cabinet\n3. Planning Committee" in out
    assert "Following Cabinet, Planning Committee. Fetching their papers:" in out
    assert "Downloading " in out and "%" in out  # progress in words
    assert "Synced 5 meetings; papers: " in out
    assert out.rstrip().endswith("Set-up finished. Type h and Enter for every command.")
    settings = tomllib.loads((home / "settings.toml").read_text())
    assert settings["profile"] == "high-contrast-light" and settings["read_aloud"] is False
    assert not needs_setup(home)
    with Library(home) as library:
        day = library.meeting_day()
        assert day.next is not None and day.next.meeting.title == "Cabinet" and day.next.papers
        assert {c.title for c in library.councils.followed(library.councils.all()[0].id)} == {
            "Cabinet",
            "Planning Committee",
        }


def test_wrong_answers_are_asked_again_and_an_address_works_too(council_server: CouncilServer, home: Path) -> None:
    answers = "\n".join(
        ["99", "10", "no such council anywhere", f"{council_server.base_url}/mgCalendarMonthView.aspx", "7", "2"]
    )
    run = memberdesk("setup", stdin=answers + "\n", home=home)
    assert run.code == 0, run.err
    assert "'99' is not one of the numbers 1 to 10." in run.out
    assert "Kept: memberdesk reads each paper aloud as it opens, from where you were." in run.out
    assert "No council called 'no such council anywhere' in memberdesk's list" in run.out
    assert f"Checking the site at {council_server.base_url}..." in run.out
    assert "Use the numbers 1 to 3, with spaces between." in run.out
    assert "Following Cabinet." in run.out
    assert tomllib.loads((home / "settings.toml").read_text())["read_aloud"] is True


def test_skipping_every_question_leaves_the_demo_pack(home: Path) -> None:
    run = memberdesk("setup", stdin="\n\n", home=home)
    assert run.code == 0, run.err
    assert "Skipped: the standard profile stays." in run.out
    assert "Skipped: no council. The demo pack stays" in run.out
    assert (home / "settings.toml").exists() and not needs_setup(home)
    plain = memberdesk("--plain", stdin="q\n", home=home)  # no questions again; the library as before
    assert "Question 1 of 3" not in plain.out


def test_the_shipped_list_finds_councils_by_name_and_by_any_address() -> None:
    assert [s.name for s in find_sites("kent")] == ["Kent County Council"]
    assert [s.url for s in find_sites("https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=144&MId=9475")] == [
        "https://democracy.kent.gov.uk"
    ]
    assert [s.name for s in find_sites("www.kent.gov.uk/about-the-council")] == ["Kent County Council"]
    assert "London Borough of Sutton" in [s.name for s in find_sites("london")]
    assert site_address("https://www.argyll-bute.gov.uk/moderngov/documents/s1/x.pdf") == (
        "https://www.argyll-bute.gov.uk/moderngov"
    )
    assert find_sites("zzz nowhere") == []
