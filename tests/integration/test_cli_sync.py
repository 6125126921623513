"""Following a council through the real `memberdesk` command: council add, committees,
follow, sync, library --json; in each of the three ways a site can be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli import memberdesk
from council_server import CouncilServer
from sync_support import leftovers, settled


def add_and_follow(server: CouncilServer, home: Path) -> None:
    added = memberdesk("council", "add", server.base_url + "/", "--name", "Fixture County Council", home=home)
    assert added.code == 0, added.err
    followed = memberdesk("follow", "fixture", "cabinet", "102", "audit", home=home)
    assert followed.code == 0, followed.err


@pytest.mark.parametrize(
    "mode, said",
    [
        ("webservice", "the ModernGov web service."),
        ("soap", "the ModernGov web service (SOAP)."),
        ("html", "the council's public web pages (the web service is switched off)."),
    ],
)
def test_add_follow_sync_and_list(council_server: CouncilServer, home: Path, mode: str, said: str) -> None:
    council_server.mode = mode
    added = memberdesk("council", "add", council_server.base_url, "--name", "Fixture County Council", home=home)
    assert added.code == 0 and said in added.out
    assert memberdesk("follow", "1", "Cabinet", "plan", "105", home=home).code == 0

    run = memberdesk("sync", home=home)
    assert run.code == 0, run.err
    assert run.out.strip() == (
        "Synced 6 meetings; papers: 17 new, 0 updated, 0 unchanged, "
        f"1 restricted, 0 failed; {run.out.split('; ')[-1].strip()}"
    )
    assert "Downloading 17 of 17, 100%" in run.err  # not a terminal: progress as text lines

    data = memberdesk("library", "--json", home=home).json()
    council = data["councils"][0]
    assert council["mode"] == mode
    cabinet = next(c for c in council["committees"] if c["title"] == "Cabinet")
    assert cabinet["followed"] and [m["remote_id"] for m in cabinet["meetings"]] == ["1001", "1002", "1003"]
    item = cabinet["meetings"][0]["agenda_items"][2]
    assert item["title"] == "Budget & council tax 2025/26" and item["has_text"] and len(item["documents"]) == 3
    docs = {d["id"]: d for d in data["documents"]}
    assert {docs[i]["kind"] for i in cabinet["meetings"][0]["documents"]} == {"report", "frontsheet", "pack", "minutes"}
    assert [d["status"] for d in data["documents"]].count("restricted") == 1

    settled(council_server)
    council_server.reset_log()
    again = memberdesk("sync", home=home)
    assert again.code == 0 and "0 new, 0 updated, 17 unchanged" in again.out
    settled(council_server)
    assert council_server.pdf_bodies_sent() == []
    assert leftovers(home) == []


def test_committees_lists_ids_and_marks(council_server: CouncilServer, home: Path) -> None:
    add_and_follow(council_server, home)
    shown = memberdesk("committees", "Fixture", home=home)
    assert shown.code == 0
    assert "   101  Cabinet  [followed]" in shown.out and "   102  Planning Committee  [followed]" in shown.out
    assert "Old Scrutiny Panel" not in shown.out and "Climate Working Group" not in shown.out
    everything = memberdesk("committees", "1", "--all", home=home)
    assert "   103  Old Scrutiny Panel  [deleted]" in everything.out
    assert "   104  Climate Working Group  [expired]" in everything.out
    data = memberdesk("committees", "127.0.0.1", "--json", home=home).json()
    assert data["council"]["name"] == "Fixture County Council"
    assert {c["remote_id"]: c["followed"] for c in data["committees"]} == {"101": True, "102": True, "105": True}

    unfollowed = memberdesk("unfollow", "1", "planning", home=home)
    assert unfollowed.code == 0 and "no longer following: Planning Committee (102)" in unfollowed.out


def test_ambiguous_and_unknown_names_are_explained(council_server: CouncilServer, home: Path) -> None:
    add_and_follow(council_server, home)
    run = memberdesk("follow", "1", "committee", "zebra", "101", home=home)
    assert run.code == 1
    assert "following: Cabinet (101)" in run.out
    assert (
        "'committee' matches 2 committees: 105 Audit & Governance Committee; 102 Planning Committee; "
        "say which by its id or a longer part of its name"
    ) in run.err
    assert "no committee matches 'zebra'" in run.err
    nowhere = memberdesk("sync", "Borsetshire", home=home)
    assert nowhere.code == 1 and "no council matches 'Borsetshire'" in nowhere.err


def test_sync_names_each_failure_and_exits_1(council_server: CouncilServer, home: Path) -> None:
    add_and_follow(council_server, home)
    council_server.add_fault("ID=5007", "html", times=None)
    council_server.add_fault("lCommitteeId=105", "malformed", times=None)
    run = memberdesk("sync", home=home)
    assert run.code == 1
    lines = [line for line in run.err.splitlines() if line.startswith("memberdesk: ")]
    assert len(lines) == 2
    assert lines[0].startswith(
        "memberdesk: Fixture County Council, Audit & Governance Committee: the list of meetings: "
    )
    assert "not well-formed XML" in lines[0]
    assert lines[1].startswith("memberdesk: Application 24/0123/FUL officer report (Planning Committee, ")
    assert "not a PDF" in lines[1]
    assert "15 new, 0 updated, 0 unchanged, 1 restricted, 2 failed" in run.out
    assert leftovers(home) == []


def test_dates_in_either_form_and_one_meeting(council_server: CouncilServer, home: Path) -> None:
    add_and_follow(council_server, home)
    run = memberdesk("sync", "--from", "01/01/2025", "--to", "2025-03-31", home=home)
    # Only old meetings fall in that window (agendas never published): listed, nothing to fetch.
    assert run.code == 0 and run.out.startswith("Synced 3 meetings; papers: 0 new")
    sent = council_server.requests("GetMeetings")[-1].target
    assert "sFromDate=01%2F01%2F2025" in sent and "sToDate=31%2F03%2F2025" in sent
    bad = memberdesk("sync", "--from", "2025-13-01", home=home)
    assert bad.code == 2 and "is not a date" in bad.err

    assert memberdesk("sync", home=home).code == 0
    meeting = next(
        m
        for c in memberdesk("library", "--json", home=home).json()["councils"][0]["committees"]
        for m in c["meetings"]
        if m["remote_id"] == "1002"
    )
    council_server.council.republish(5006)
    one = memberdesk("sync", "--meeting", str(meeting["id"]), home=home)
    assert one.code == 0 and one.out.startswith("Synced 1 meeting; papers: 0 new, 1 updated, 4 unchanged")
    missing = memberdesk("sync", "--meeting", "999", home=home)
    assert missing.code == 1 and "there is no meeting 999 in the library" in missing.err


def test_sync_before_any_council_says_what_to_do(home: Path) -> None:
    run = memberdesk("sync", home=home)
    assert run.code == 1 and "memberdesk council add URL" in run.err
    unreachable = memberdesk("council", "add", "http://127.0.0.1:9", home=home)
    assert unreachable.code == 1 and "could not reach the council's site at 127.0.0.1" in unreachable.err
