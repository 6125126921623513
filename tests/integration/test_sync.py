"""sync.py against the fixture council over real HTTP: what lands in the library, versions,
markers, restricted papers, and what a repeat sync costs."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from council_data import Doc
from council_server import CouncilServer
from memberdesk.dates import london_now
from memberdesk.library import Library
from memberdesk.sync.report import SyncProgress
from sync_support import files_in_papers, follow, leftovers, settled, sha, syncer


def by_title(library: Library, title: str) -> dict:
    docs = [d for d in library.catalogue()["documents"] if d["title"] == title]
    assert len(docs) == 1, (title, docs)
    return docs[0]


def meeting_of(library: Library, remote_id: str) -> dict:
    for council in library.catalogue()["councils"]:
        for committee in council["committees"]:
            for meeting in committee["meetings"]:
                if meeting["remote_id"] == remote_id:
                    return meeting
    raise AssertionError(f"meeting {remote_id} not stored")


@pytest.mark.parametrize("mode", ["webservice", "soap", "html"])
def test_first_sync_brings_agendas_and_papers_home(council_server: CouncilServer, home, mode) -> None:  # type: ignore[no-untyped-def]
    council_server.mode = mode
    council = council_server.council
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            report = sync.run()

        assert report.ok, report.failures
        assert report.meetings == 6  # 3 Cabinet, 2 Planning (one cancelled), 1 Audit
        # 9 public reports (5003 once, though linked from two items), 8 meeting packs.
        assert (report.new, report.updated, report.restricted) == (17, 0, 1)
        # The first sync fills the library: nothing is flagged "new" yet.
        assert {d["marker"] for d in library.catalogue()["documents"]} == {""}

        cabinet = meeting_of(library, "1001")
        items = {i["number"]: i for i in cabinet["agenda_items"]}
        assert items["3."]["title"] == "Budget & council tax 2025/26"  # escaped twice on the wire
        budget = library.councils.agenda_item(items["3."]["id"])
        assert budget is not None and "<" not in budget.text and "budget" in budget.text
        assert "RESOLVED" in budget.minutes and budget.is_decision
        tax_base = by_title(library, "Council tax base")
        assert tax_base["id"] in items["3."]["documents"] and tax_base["id"] in items["5."]["documents"]
        body = council.doc_body(council.docs[5003])
        assert tax_base["sha256"] == sha(body)
        assert library.paper_path(f"{sha(body)[:2]}/{sha(body)}.pdf").read_bytes() == body
        kinds = {by_title(library, p.title)["kind"] for p in council.meeting(1001).packs}  # type: ignore[union-attr]
        assert kinds == {"frontsheet", "pack", "minutes"}

        restricted = by_title(library, "Exempt appendix - land values")
        assert restricted["status"] == "restricted" and restricted["pages"] == 0
        cancelled = meeting_of(library, "2001")
        assert cancelled["status"] == "Cancelled" and cancelled["documents"] == []
        unpublished = meeting_of(library, "1003")
        assert unpublished["agenda_items"] == [] and not unpublished["agenda_published"]
        assert len(files_in_papers(library)) == 17
    settled(council_server)
    assert not any("5009" in e.target for e in council_server.log)  # the login page: never asked for
    assert leftovers(home) == []


@pytest.mark.parametrize("mode", ["webservice", "html"])
def test_a_second_sync_with_nothing_changed_downloads_no_paper(council_server: CouncilServer, home, mode) -> None:  # type: ignore[no-untyped-def]
    council_server.mode = mode
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        before = files_in_papers(library)
        settled(council_server)
        council_server.reset_log()
        # A new run, a new HTTP client: the validators come from the library, not memory.
        with syncer(library) as sync:
            report = sync.run()
        settled(council_server)

        assert report.ok and (report.new, report.updated, report.unchanged) == (0, 0, 17)
        assert council_server.pdf_bodies_sent() == []
        assert {e.status for e in council_server.log} == {304}
        # About one small request per meeting and page: the meetings lists, then each
        # meeting's agenda (web service: GetMeeting and the packs page).
        per_meeting = 2 if mode == "webservice" else 1
        lists = 3 if mode == "webservice" else 6  # html: one page per committee per year
        assert len(council_server.log) == lists + per_meeting * report.meetings
        assert report.bytes_fetched == 0
        assert files_in_papers(library) == before


def test_a_republished_paper_is_a_new_version_marked_updated(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    council = council_server.council
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        old = by_title(library, "Budget report 2025-26")
        note = library.notes.add("Ask about the reserves", document_id=old["id"], page_index=0)
        council.republish(5001)
        # Papers checked in the last hour are not asked about again unless their meeting
        # changed; an hour later (recheck_minutes=0 here) the check finds the new content.
        with syncer(library, recheck_minutes=0) as sync:
            report = sync.run()

        assert (report.new, report.updated, report.unchanged) == (0, 1, 16)
        new = by_title(library, "Budget report 2025-26")  # only the current version is listed
        assert new["id"] != old["id"] and new["version"] == 2 and new["marker"] == "updated"
        assert new["sha256"] == sha(council.doc_body(council.docs[5001]))
        item = next(i for i in meeting_of(library, "1001")["agenda_items"] if i["number"] == "3.")
        assert new["id"] in item["documents"] and old["id"] not in item["documents"]
        # The old version is kept, hidden, with its file: notes stay with what they were made on.
        previous = library.documents.get(old["id"])
        assert previous is not None and previous.status == "superseded" and previous.replaced_by == new["id"]
        assert library.paper_path(previous.file_name).exists()
        kept_note = library.notes.get(note)
        assert kept_note is not None and kept_note.document_id == old["id"]
        # Opening the new version clears its marker.
        library.documents.mark_opened(new["id"])
        assert by_title(library, "Budget report 2025-26")["marker"] == ""


def test_a_late_paper_is_marked_new_and_hangs_off_its_item(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        council_server.council.add_document(1002, 211, Doc(5020, "Late housing figures", pages=2))
        with syncer(library) as sync:
            report = sync.run()

        assert (report.new, report.updated) == (1, 0) and report.ok
        late = by_title(library, "Late housing figures")
        assert late["marker"] == "new"
        item = meeting_of(library, "1002")["agenda_items"][0]
        assert late["id"] in item["documents"]


def test_a_meeting_outside_the_first_sync_brings_new_papers(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    today = london_now().date()
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run(to_date=today)  # only the past meetings
            report = sync.run()
        assert report.new == 10 and report.ok  # 1002: 2 + 3 packs; 2002: 2 + 2 packs; 5101: 1
        assert by_title(library, "Housing delivery update")["marker"] == "new"
        assert by_title(library, "Budget report 2025-26")["marker"] == ""


def test_dates_window_and_a_server_that_ignores_it(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    council_server.add_fault("GetMeetings", "ignore_dates", times=None)  # sends 60 old meetings too
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            report = sync.run()
        assert report.meetings == 6 and report.ok
        remote_ids = {
            m["remote_id"] for c in library.catalogue()["councils"] for k in c["committees"] for m in k["meetings"]
        }
        assert not any(r.startswith("90") for r in remote_ids)
        with syncer(library) as sync:
            report = sync.run(
                from_date=london_now().date() - timedelta(days=6), to_date=london_now().date() + timedelta(days=12)
            )
        assert report.meetings == 2  # the cancelled Planning meeting and Cabinet 1002


def test_one_meeting_rechecks_every_paper(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    with Library(home) as library:
        follow(library, council_server)
        with syncer(library) as sync:
            sync.run()
        council_server.council.republish(5005)
        meeting_id = meeting_of(library, "1002")["id"]
        with syncer(library) as sync:
            report = sync.run(meeting_id=meeting_id)
        assert report.meetings == 1 and (report.updated, report.unchanged) == (1, 4)


def test_a_cancelled_sync_keeps_what_arrived_and_leaves_no_partial_file(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    council_server.add_fault("mgConvert2PDF", "slow_body", times=None, seconds=0.3)
    cancel = threading.Event()
    seen: list[SyncProgress] = []

    def progress(event: SyncProgress) -> None:
        seen.append(event)
        if event.stage == "papers" and event.done >= 2:
            cancel.set()

    with Library(home) as library:
        follow(library, council_server)
        with syncer(library, cancel=cancel, progress=progress) as sync:
            report = sync.run()
        assert report.cancelled and not report.ok
        kept = report.new
        assert 2 <= kept < 17
        assert len(files_in_papers(library)) == kept
        assert leftovers(home) == []
        assert seen[-1].stage == "done" and "stopped before the end" in seen[-1].message
        council_server.clear_faults()
        with syncer(library) as sync:
            again = sync.run()
        assert again.ok and again.new == 17 - kept and again.unchanged == kept


def test_leftovers_of_a_killed_run_are_removed(council_server: CouncilServer, home) -> None:  # type: ignore[no-untyped-def]
    with Library(home) as library:
        follow(library, council_server)
        incoming = home / "incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        (incoming / ".download-999999999-abc.part").write_bytes(b"%PDF-1.7 half a file")  # its owner (that pid) is gone
        with syncer(library) as sync:
            assert sync.run().ok
    assert leftovers(home) == []
