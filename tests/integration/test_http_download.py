"""The polite HTTP client against the real fixture council: downloads, checks, faults.

Every failure test asserts what a person would be told and that the destination folder
holds nothing afterwards (no partial or temporary file).
"""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from council_server import CouncilServer, wait_until
from memberdesk.sources.errors import FetchCancelled, FetchError, NotAPdfError
from memberdesk.sources.fetching import USER_AGENT, WEB_PAGE_NOT_PDF
from memberdesk.sources.http import HttpClient

DOC = "mgConvert2PDF.aspx?ID=5001"
RESTRICTED = "mgConvert2PDF.aspx?ID=5009"


def body_of(server: CouncilServer, doc_id: int = 5001) -> bytes:
    return server.council.doc_body(server.council.docs[doc_id])


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_download_streams_a_checked_pdf_into_a_temporary_file_in_the_folder(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    result = http.download(council_server.url(DOC), tmp_path)

    body = body_of(council_server)
    assert result.path is not None and result.path.parent == tmp_path
    assert result.path.name.endswith(".part")  # never mistaken for a finished file
    assert result.path.read_bytes() == body
    assert result.sha256 == hashlib.sha256(body).hexdigest()
    assert result.size == len(body)
    assert result.etag.startswith('"') and result.last_modified.endswith("GMT")
    assert not result.not_modified
    sent = council_server.requests(DOC)
    assert len(sent) == 1 and sent[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("memberdesk/") and "accessible council papers" in USER_AGENT


def test_download_renames_into_the_callers_path_not_a_name_from_the_server(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    final = tmp_path / "doc-1.pdf"
    result = http.download(council_server.url("documents/s5001/Budget report 2025-26.pdf"), tmp_path, final_path=final)

    assert result.path == final
    assert files_in(tmp_path) == ["doc-1.pdf"]
    assert final.read_bytes()[:5] == b"%PDF-"


def test_conditional_download_of_an_unchanged_paper_sends_no_body(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    first = http.download(council_server.url(DOC), tmp_path, final_path=tmp_path / "a.pdf")
    by_etag = http.download(council_server.url(DOC), tmp_path, etag=first.etag)
    by_date = http.download(council_server.url(DOC), tmp_path, last_modified=first.last_modified)

    assert by_etag.not_modified and by_etag.path is None
    assert by_date.not_modified and by_date.path is None
    assert files_in(tmp_path) == ["a.pdf"]
    assert len(council_server.pdf_bodies_sent()) == 1
    assert [e.status for e in council_server.requests(DOC)] == [200, 304, 304]
    assert http.stats().not_modified == 2


def test_a_republished_paper_is_fetched_again_with_its_new_hash(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    first = http.download(council_server.url(DOC), tmp_path, final_path=tmp_path / "a.pdf")
    council_server.council.republish(5001)
    second = http.download(council_server.url(DOC), tmp_path, etag=first.etag, last_modified=first.last_modified)

    assert not second.not_modified
    assert second.sha256 != first.sha256 and second.etag != first.etag


def test_server_error_then_success_is_retried(council_server: CouncilServer, http: HttpClient, tmp_path: Path) -> None:
    council_server.add_fault("ID=5001", "status", status=500, times=1)

    result = http.download(council_server.url(DOC), tmp_path)

    assert result.path is not None and result.path.read_bytes() == body_of(council_server)
    assert [e.status for e in council_server.requests(DOC)] == [500, 200]
    assert http.stats().retries == 1


def test_a_server_that_keeps_failing_is_reported_after_a_few_tries(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    council_server.add_fault("ID=5001", "status", status=503, times=None)

    with pytest.raises(FetchError) as caught:
        http.download(council_server.url(DOC), tmp_path)

    assert str(caught.value) == (
        "the council's site had a server error (503 Service Unavailable), still failing "
        f"after 3 tries: {council_server.url(DOC)}"
    )
    assert caught.value.kind == "status" and caught.value.status == 503
    assert len(council_server.requests(DOC)) == 3  # retries=2 in the fixture client
    assert files_in(tmp_path) == []


def test_429_with_retry_after_waits_then_succeeds(council_server: CouncilServer, tmp_path: Path) -> None:
    council_server.add_fault("ID=5001", "429", retry_after="1", times=1)
    with HttpClient(retries=2, backoff=0.01, max_retry_after=0.4) as http:
        started = time.monotonic()
        result = http.download(council_server.url(DOC), tmp_path)
        waited = time.monotonic() - started

    assert result.size == len(body_of(council_server))
    assert 0.35 <= waited < 1.0  # Retry-After: 1 honoured, capped at max_retry_after
    assert [e.status for e in council_server.requests(DOC)] == [429, 200]


def test_retry_after_pauses_every_request_to_that_host(council_server: CouncilServer, tmp_path: Path) -> None:
    council_server.add_fault("ID=5001", "429", retry_after="1", times=1)
    with HttpClient(retries=2, backoff=0.01, max_retry_after=0.5) as http:
        worker = threading.Thread(target=http.download, args=(council_server.url(DOC), tmp_path / "a"))
        worker.start()
        assert _wait(lambda: council_server.requests(DOC))
        time.sleep(0.05)
        started = time.monotonic()
        http.get(council_server.url("mgListCommittees.aspx?bcr=1"))
        waited = time.monotonic() - started
        worker.join()

    assert waited >= 0.3  # the other request waited for the pause the host asked for


def test_a_stalled_answer_times_out_with_a_clear_message(council_server: CouncilServer, tmp_path: Path) -> None:
    council_server.add_fault("ID=5001", "stall", seconds=5, times=None)
    with HttpClient(read_timeout=0.3, retries=1, backoff=0.01) as http, pytest.raises(FetchError) as caught:
        http.download(council_server.url(DOC), tmp_path)

    assert caught.value.kind == "timeout"
    assert str(caught.value).startswith("the council's site at 127.0.0.1 did not answer in time (0.3 s)")
    assert len(council_server.requests(DOC)) <= 2
    assert files_in(tmp_path) == []


def test_a_body_that_stalls_halfway_leaves_no_partial_file(council_server: CouncilServer, tmp_path: Path) -> None:
    council_server.add_fault("ID=5001", "slow_body", seconds=5, times=None)
    with HttpClient(read_timeout=0.3, retries=0) as http, pytest.raises(FetchError) as caught:
        http.download(council_server.url(DOC), tmp_path)

    assert caught.value.kind == "timeout"
    assert files_in(tmp_path) == []


def test_a_body_cut_short_is_refused_and_nothing_is_left(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    council_server.add_fault("ID=5001", "cut", times=None)
    size = len(body_of(council_server))

    with pytest.raises(FetchError) as caught:
        http.download(council_server.url(DOC), tmp_path)

    assert caught.value.kind == "cut_off"
    assert str(caught.value) == (
        f"the download was cut off before the end ({size // 2} of {size} bytes arrived): {council_server.url(DOC)}"
    )
    assert files_in(tmp_path) == []


def test_a_body_cut_short_once_is_fetched_again(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    council_server.add_fault("ID=5001", "cut", times=1)

    result = http.download(council_server.url(DOC), tmp_path)

    assert result.path is not None and result.path.read_bytes() == body_of(council_server)
    assert files_in(tmp_path) == [result.path.name]


@pytest.mark.parametrize("target", [DOC, RESTRICTED])
def test_a_web_page_where_a_pdf_was_due_is_refused(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path, target: str
) -> None:
    council_server.add_fault("ID=5001", "html", times=None)  # the restricted one needs none

    with pytest.raises(NotAPdfError) as caught:
        http.download(council_server.url(target), tmp_path)

    assert str(caught.value) == f"{WEB_PAGE_NOT_PDF}: {council_server.url(target)}"
    assert WEB_PAGE_NOT_PDF == ("the council answered a web page (login or error page), not a PDF")
    assert caught.value.web_page and caught.value.kind == "not_pdf"
    assert len(council_server.requests(target)) == 1  # not worth retrying
    assert files_in(tmp_path) == []


def test_expect_pdf_false_accepts_other_files(council_server: CouncilServer, http: HttpClient, tmp_path: Path) -> None:
    result = http.download(council_server.url(RESTRICTED), tmp_path, expect_pdf=False)
    assert result.path is not None and b"Log in" in result.path.read_bytes()


def test_a_redirect_is_followed_and_a_redirect_loop_is_a_clear_error(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    council_server.add_fault("ID=5001", "redirect", times=1)
    moved = http.download(council_server.url(DOC), tmp_path)
    assert moved.final_url.endswith("hop=1") and moved.size == len(body_of(council_server))

    council_server.add_fault("ID=5002", "redirect_loop", times=None)
    url = council_server.url("mgConvert2PDF.aspx?ID=5002")
    with pytest.raises(FetchError) as caught:
        http.download(url, tmp_path / "loop")

    assert caught.value.kind == "redirect_loop"
    assert str(caught.value) == (
        f"the council's site sends us round in circles (more than 5 redirects); it may have moved: {url}"
    )
    assert files_in(tmp_path / "loop") == []


def test_cancelling_stops_a_download_and_leaves_nothing(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    cancel = threading.Event()
    council_server.council.docs[5001].size = 400_000  # several chunks
    council_server.add_fault("ID=5001", "slow_body", seconds=0.3, times=None)

    def progress(done: int, total: int | None) -> None:
        cancel.set()  # the user pressed "stop" as soon as bytes arrived

    with pytest.raises(FetchCancelled):
        http.download(council_server.url(DOC), tmp_path, on_progress=progress, cancel=cancel)
    assert files_in(tmp_path) == []


def test_an_unreachable_site_is_named(http: HttpClient, tmp_path: Path) -> None:
    with pytest.raises(FetchError) as caught:
        http.download("http://127.0.0.1:9/nothing.pdf", tmp_path)
    assert caught.value.kind == "connection"
    assert str(caught.value).startswith("could not reach the council's site at 127.0.0.1")
    assert files_in(tmp_path) == []


def test_counters_add_up_requests_and_bytes(council_server: CouncilServer, http: HttpClient, tmp_path: Path) -> None:
    before = http.stats()
    http.download(council_server.url(DOC), tmp_path)
    http.get(council_server.url("mgListCommittees.aspx?bcr=1"))
    used = http.stats() - before

    # The server writes its log line just after the last byte: wait for it, not for luck.
    assert wait_until(lambda: len(council_server.log) == 2)
    sent = sum(e.body_bytes for e in council_server.log)
    assert used.requests == len(council_server.log) == 2
    assert used.bytes_fetched == sent
    assert used.downloads == 1


def _wait(predicate: object, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def test_leftovers_of_a_killed_run_can_be_swept(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    from memberdesk.sources.fetching import clean_partial_downloads

    pending = http.download(council_server.url(DOC), tmp_path)  # never renamed: "killed"
    (tmp_path / "kept.pdf").write_bytes(b"%PDF-1.4 a good copy")
    assert pending.path is not None
    assert clean_partial_downloads(tmp_path) == 0  # its owner (this process) is alive: not a leftover
    # The same file left by a process that is gone (a pid beyond any pid_max):
    pending.path.rename(tmp_path / ".download-999999999-xyz.part")
    assert clean_partial_downloads(tmp_path) == 1
    assert files_in(tmp_path) == ["kept.pdf"]
