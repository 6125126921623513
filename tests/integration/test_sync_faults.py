"""Sync when the council misbehaves: each fault asserts what the user is told and that the
library and its files are exactly as they should be (good copies intact, no partial files)."""

from __future__ import annotations

import pytest

from council_server import CouncilServer
from memberdesk.library import Library
from memberdesk.sync.report import SyncReport
from sync_support import files_in_papers, follow, leftovers, settled, sha, syncer

BUDGET = "mgConvert2PDF.aspx?ID=5001"


def first_sync(library: Library, server: CouncilServer) -> SyncReport:
    follow(library, server)
    with syncer(library) as sync:
        report = sync.run()
    assert report.ok
    return report


def snapshot(library: Library) -> tuple[list[dict], set[str]]:
    return library.catalogue()["documents"], files_in_papers(library)


def budget(library: Library) -> dict:
    return next(d for d in library.catalogue()["documents"] if d["source"].endswith("ID=5001"))


@pytest.mark.parametrize(
    "fault, options",
    [
        ("status", {"status": 500}),
        ("status", {"status": 503, "retry_after": "1"}),
        ("429", {"retry_after": "1"}),
        ("cut", {}),
    ],
)
def test_a_passing_fault_is_retried_and_the_sync_succeeds(council_server: CouncilServer, home, fault, options) -> None:  # type: ignore[no-untyped-def]
    council_server.add_fault(BUDGET, fault, times=1, **options)
    with Library(home) as library:
        report = first_sync(library, council_server)
        assert report.new == 17
        assert budget(library)["sha256"] == sha(council_server.council.doc_body(council_server.council.docs[5001]))
    settled(council_server)
    answers = [e.status for e in council_server.requests(BUDGET)]
    assert len(answers) == 2 and answers[-1] == 200
    assert leftovers(home) == []


def test_429_on_the_agenda_is_honoured(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    council_server.add_fault("GetMeeting?lMeetingId=1001", "429", times=1, retry_after="1")
    with Library(home) as library:
        report = first_sync(library, council_server)
        assert report.meetings == 6 and report.new == 17
    settled(council_server)
    tries = council_server.requests("GetMeeting?lMeetingId=1001")
    assert [e.status for e in tries] == [429, 200]


@pytest.mark.parametrize(
    "fault, options, said",
    [
        ("cut", {}, "cut off before the end"),
        ("html", {}, "web page (login or error page), not a PDF"),
        ("stall", {"seconds": 3}, "did not answer in time"),
        ("redirect_loop", {}, "round in circles"),
        ("status", {"status": 500}, "server error (500"),
    ],
)
def test_a_bad_download_never_replaces_the_good_copy(council_server: CouncilServer, home, fault, options, said) -> None:  # type: ignore[no-untyped-def]
    with Library(home) as library:
        first_sync(library, council_server)
        good, good_files = snapshot(library)
        council_server.council.republish(5001)  # the council has a new version ...
        council_server.add_fault(BUDGET, fault, times=None, **options)  # ... we cannot get it
        with syncer(library, recheck_minutes=0, read_timeout=0.5, retries=1) as sync:
            report = sync.run()

        assert [f.what for f in report.failures] == [f"Budget report 2025-26 (Cabinet, {_meeting_day(library)})"]
        message = str(report.failures[0])
        assert said in message and message.endswith("; the copy you have is kept")
        assert (report.updated, report.unchanged, report.failed) == (0, 16, 1)
        docs, files = snapshot(library)
        assert docs == good and files == good_files  # not a byte, not a row changed
        path = library.paper_path(f"{budget(library)['sha256'][:2]}/{budget(library)['sha256']}.pdf")
        assert sha(path.read_bytes()) == budget(library)["sha256"]
    assert leftovers(home) == []


def _meeting_day(library: Library) -> str:
    cabinet = next(k for c in library.catalogue()["councils"] for k in c["committees"] if k["title"] == "Cabinet")
    return next(m["date"] for m in cabinet["meetings"] if m["remote_id"] == "1001")


def test_a_new_paper_that_answers_a_web_page_is_not_stored(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    council_server.add_fault(BUDGET, "html", times=None)
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            report = sync.run()
        assert report.new == 16 and report.failed == 1
        assert "not a PDF" in str(report.failures[0])
        assert "copy you have" not in str(report.failures[0])
        assert not [d for d in library.catalogue()["documents"] if d["source"].endswith("ID=5001")]
        assert len(files_in_papers(library)) == 16
        council_server.clear_faults()
        with syncer(library) as sync:  # next time it arrives, and the meeting is looked at again
            again = sync.run()
        assert again.ok and again.new == 1
        assert budget(library)["marker"] == "new"
    assert leftovers(home) == []


@pytest.mark.parametrize(
    "fault, said",
    [
        ("billion_laughs", "refuses these for safety"),
        ("malformed", "not well-formed XML"),
        ("firewall", "web page"),
    ],
)
def test_a_bad_agenda_answer_fails_that_meeting_only(council_server: CouncilServer, home, fault, said) -> None:  # type: ignore[no-untyped-def]
    with Library(home) as library:
        first_sync(library, council_server)
        items_before = library.councils.agenda_items(_meeting_id(library, "1001"))
        good, good_files = snapshot(library)
        council_server.add_fault("GetMeeting?lMeetingId=1001", fault, times=None)
        with syncer(library, recheck_minutes=0) as sync:
            report = sync.run()

        assert report.meetings == 6 and report.failed == 1
        failure = report.failures[0]
        assert failure.what.startswith("Cabinet, ") and failure.what.endswith(": the agenda")
        assert said in failure.reason
        # The meeting as we had it is untouched; every other meeting synced.
        assert library.councils.agenda_items(_meeting_id(library, "1001")) == items_before
        assert snapshot(library) == (good, good_files)
        assert report.unchanged == 10  # the other meetings' papers, checked


def _meeting_id(library: Library, remote_id: str) -> int:
    return next(
        m["id"]
        for c in library.catalogue()["councils"]
        for k in c["committees"]
        for m in k["meetings"]
        if m["remote_id"] == remote_id
    )


def test_a_meetings_list_that_fails_names_the_committee(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    council_server.add_fault("lCommitteeId=102", "redirect_loop", times=None)
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            report = sync.run()
        assert [f.what for f in report.failures] == ["Fixture County Council, Planning Committee: the list of meetings"]
        assert "round in circles" in report.failures[0].reason
        assert report.meetings == 4 and report.new == 13  # Cabinet and Audit arrived
    assert leftovers(home) == []
