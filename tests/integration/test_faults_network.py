"""A council that drips, resets, never answers or never stops: every request ends within its
deadline, the good copy stays, and a stop (cancel, SIGTERM, Ctrl+C) is obeyed within a second."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from council_server import CouncilServer, wait_until
from faults import start, stop
from memberdesk.library import Library
from sync_support import files_in_papers, follow, leftovers, sha, syncer

BUDGET = "mgConvert2PDF.aspx?ID=5001"
QUICK = {"retries": 1, "read_timeout": 5.0, "min_rate": 2000.0, "rate_window": 1.0}


def first_sync(library: Library, server: CouncilServer) -> None:
    follow(library, server)
    with syncer(library) as sync:
        assert sync.run().ok


@pytest.mark.parametrize(
    "fault, options, said, limit",
    [
        ("drip", {"seconds": 0.2}, "came too slowly", {}),
        ("reset", {}, "could not reach", {}),
        ("never_answer", {}, "took too long", {"download_deadline": 1.5}),
        ("endless", {}, "took too long", {"download_deadline": 1.5}),
    ],
)
def test_a_council_that_never_finishes_a_paper_is_cut_off_and_the_good_copy_kept(
    council_server: CouncilServer, home: Path, fault: str, options: dict, said: str, limit: dict
) -> None:
    with Library(home) as library:
        first_sync(library, council_server)
        good = library.catalogue()["documents"], files_in_papers(library)
        council_server.council.republish(5001)
        council_server.add_fault(BUDGET, fault, times=None, **options)
        started = time.monotonic()
        with syncer(library, recheck_minutes=0, **QUICK, **limit) as sync:
            report = sync.run()
        spent = time.monotonic() - started
        assert spent < 10, f"{fault}: the sync took {spent:.1f} s"
        assert report.failed == 1 and said in str(report.failures[0]), report.failures
        assert str(report.failures[0]).endswith("; the copy you have is kept")
        assert (library.catalogue()["documents"], files_in_papers(library)) == good
        stored = next(d for d in library.catalogue()["documents"] if d["source"].endswith("ID=5001"))
        assert (
            sha(library.paper_path(f"{stored['sha256'][:2]}/{stored['sha256']}.pdf").read_bytes()) == stored["sha256"]
        )
    assert leftovers(home) == []


@pytest.mark.parametrize("fault", ["drip", "never_answer", "endless", "reset"])
def test_a_council_request_that_never_finishes_fails_that_committee_within_its_deadline(
    council_server: CouncilServer, home: Path, fault: str
) -> None:
    with Library(home) as library:
        follow(library, council_server)
        # Every committee's list of meetings misbehaves: asked at once, they cost one deadline.
        council_server.add_fault("GetMeetings", fault, times=None, seconds=0.3)
        started = time.monotonic()
        with syncer(library, **QUICK, page_deadline=1.5, max_page_bytes=4 * 1024 * 1024) as sync:
            report = sync.run()
        spent = time.monotonic() - started
        assert spent < 6, f"{fault}: {spent:.1f} s for three committees"
        assert report.failed == 3 and all("the list of meetings" in f.what for f in report.failures)
        assert report.meetings == 0


def test_a_cancel_stops_a_sync_stuck_on_a_silent_council_within_a_second(
    council_server: CouncilServer, home: Path
) -> None:
    council_server.add_fault("mgConvert2PDF", "never_answer", times=None)
    cancel = threading.Event()
    with Library(home) as library:
        follow(library, council_server)
        # The real timeouts: a read would wait 30 s, a request 60 s in all.
        with syncer(library, cancel=cancel, read_timeout=30.0) as sync:
            done: list[float] = []
            reports = []
            worker = threading.Thread(target=lambda: (reports.append(sync.run()), done.append(time.monotonic())))
            worker.start()
            assert wait_until(lambda: council_server.in_flight >= 4, timeout=10)
            time.sleep(0.5)
            asked = time.monotonic()
            cancel.set()
            worker.join(timeout=5)
            assert done and done[0] - asked < 1.0, f"stopped {done[0] - asked if done else 'never':} s after cancel"
        assert reports[0].cancelled
        assert len(files_in_papers(library)) == reports[0].new  # what arrived (other addresses) is kept
    assert leftovers(home) == []


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_memberdesk_sync_stops_within_a_second_of_sigterm_or_ctrl_c(
    council_server: CouncilServer, home: Path, how: signal.Signals
) -> None:
    with Library(home) as library:
        follow(library, council_server)
    council_server.add_fault("mgConvert2PDF", "drip", times=None, seconds=2.0)
    child = start("sync", home=home)
    try:
        assert wait_until(lambda: council_server.in_flight >= 4, timeout=20)
        time.sleep(0.5)
        out, err, spent = stop(child, how)
    finally:
        child.kill()
    assert spent < 1.5, f"{spent:.2f} s after {how.name}"
    assert child.returncode == 130, err
    assert b"sync stopped before the end" in err
    assert leftovers(home) == []
