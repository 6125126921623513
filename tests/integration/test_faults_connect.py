"""A council server that accepts no connection (a full backlog: the SYN goes unanswered).

The connect timeout is 10 s; a stop (cancel, the app's x, SIGTERM, Ctrl+C) must still end
a sync within a second while it waits to connect, and without a stop the connect timeout
still ends the wait, as a failure that is retried like any other.
"""

from __future__ import annotations

import dataclasses
import signal
import threading
import time
from pathlib import Path

import pytest

from council_server import CouncilServer, wait_until
from faults import connecting_to, integrity, never_accepting, start, stop
from memberdesk.library import Library
from memberdesk.sources.errors import FetchCancelled, FetchError
from memberdesk.sources.http import HttpClient
from sync_support import follow, leftovers, syncer


def test_a_connect_that_is_never_accepted_ends_at_the_connect_timeout() -> None:
    with never_accepting() as url, HttpClient(connect_timeout=0.6, retries=1, backoff=0.05) as http:
        started = time.monotonic()
        with pytest.raises(FetchError) as raised:
            http.get(url)
        spent = time.monotonic() - started
    assert "did not answer in time (0.6 s)" in str(raised.value), str(raised.value)
    assert 1.2 <= spent < 3.0, f"two tries of a 0.6 s connect took {spent:.2f} s"


def test_a_cancel_ends_a_request_waiting_to_connect_within_a_second() -> None:
    cancel = threading.Event()
    with never_accepting() as url, HttpClient(connect_timeout=10.0) as http:
        outcome: list[BaseException] = []
        ended: list[float] = []

        def ask() -> None:
            try:
                http.get(url, cancel=cancel)
            except BaseException as error:  # noqa: BLE001 - the test looks at what it was
                outcome.append(error)
            ended.append(time.monotonic())

        worker = threading.Thread(target=ask)
        worker.start()
        assert wait_until(lambda: connecting_to(url) >= 1, timeout=5)
        time.sleep(0.3)
        asked = time.monotonic()
        cancel.set()
        worker.join(timeout=5)
    assert ended and ended[0] - asked < 1.0, f"stopped {ended[0] - asked if ended else 'never'} s after the cancel"
    assert isinstance(outcome[0], FetchCancelled), outcome


def test_a_cancel_stops_a_sync_whose_council_accepts_nothing_within_a_second(
    council_server: CouncilServer, home: Path
) -> None:
    cancel = threading.Event()
    with Library(home) as library, never_accepting() as url:
        follow(library, council_server)
        council = dataclasses.replace(library.councils.all()[0], base_url=url)
        with syncer(library, cancel=cancel, connect_timeout=10.0, retries=3) as sync:
            reports = []
            ended: list[float] = []
            worker = threading.Thread(
                target=lambda: (reports.append(sync.run([council])), ended.append(time.monotonic()))
            )
            worker.start()
            # Every committee's list of meetings is asked at once, each waiting to connect.
            assert wait_until(lambda: connecting_to(url) >= 3, timeout=5), connecting_to(url)
            time.sleep(0.3)
            asked = time.monotonic()
            cancel.set()
            worker.join(timeout=15)
        assert ended and ended[0] - asked < 1.0, f"stopped {ended[0] - asked if ended else 'never'} s after the cancel"
        assert reports[0].cancelled
    assert integrity(home) == "ok"
    assert leftovers(home) == []


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_memberdesk_sync_stops_within_a_second_of_a_signal_while_connecting(home: Path, how: signal.Signals) -> None:
    with never_accepting() as url:
        with Library(home) as library:
            council_id = library.councils.add_council("Stuck Borough Council", url.rstrip("/"), "webservice")
            committee = library.councils.upsert_committee(council_id, "101", "Cabinet")
            library.councils.set_followed([committee], True)
        child = start("sync", home=home)
        try:
            # Started, the lock taken, the connect waiting (10 s timeout).
            assert wait_until(lambda: connecting_to(url) >= 1, timeout=20), child.poll()
            time.sleep(0.3)
            _, err, spent = stop(child, how, timeout=15)
        finally:
            child.kill()
    assert spent < 1.5, f"{spent:.2f} s after {how.name}"
    assert child.returncode == 130, err
    assert b"sync stopped before the end" in err
    assert leftovers(home) == []
