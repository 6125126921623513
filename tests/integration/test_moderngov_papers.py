"""A meeting's papers fetched the way sync will fetch them: in parallel, checked, and a
second time conditionally, so nothing unchanged is downloaded again."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from council_data import bulk_council
from council_server import CouncilServer
from memberdesk.sources.errors import NotAPdfError
from memberdesk.sources.fetching import DownloadJob, DownloadResult
from memberdesk.sources.http import HttpClient
from memberdesk.sources.moderngov import ModernGovClient, default_window
from memberdesk.sources.records import RemoteMeetingDetail


def fetch_all(
    http: HttpClient, detail: RemoteMeetingDetail, folder: Path, known: dict[str, DownloadResult]
) -> dict[str, DownloadResult | Exception]:
    """What sync does: restricted papers are listed, never downloaded; others conditionally."""
    jobs = []
    for n, doc in enumerate(detail.documents):
        if doc.restricted:
            continue
        before = known.get(doc.url)
        jobs.append(
            DownloadJob(
                doc.url,
                folder,
                etag=before.etag if before else "",
                last_modified=before.last_modified if before else "",
                final_path=folder / f"{detail.id}-{n}.pdf",
                key=doc.url,
            )
        )
    return {str(job.key): outcome for job, outcome in http.download_many(jobs)}


def test_a_second_fetch_of_unchanged_papers_downloads_no_body(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    site = ModernGovClient(council_server.base_url, http)
    detail = site.meeting("1001", "101")

    first = fetch_all(http, detail, tmp_path, {})
    assert all(isinstance(r, DownloadResult) and not r.not_modified for r in first.values())
    assert len(first) == 7  # four reports (one linked twice) and three packs
    bodies = len(council_server.pdf_bodies_sent())
    assert bodies == 7

    council_server.reset_log()
    again = site.meeting("1001", "101")
    second = fetch_all(http, again, tmp_path, first)  # type: ignore[arg-type]

    assert all(isinstance(r, DownloadResult) and r.not_modified for r in second.values())
    assert council_server.pdf_bodies_sent() == []
    assert {e.status for e in council_server.log} <= {200, 304}
    assert len(council_server.log) == 2 + 7  # GetMeeting, the agenda page, seven 304s


def test_restricted_papers_are_listed_and_their_login_page_never_stored(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    site = ModernGovClient(council_server.base_url, http)
    detail = site.meeting("2002", "102")
    restricted = next(d for d in detail.documents if d.restricted)

    results = fetch_all(http, detail, tmp_path, {})
    assert restricted.url not in results and len(results) == 4

    # Even if a caller tried, the login page would be refused, leaving nothing behind.
    with pytest.raises(NotAPdfError) as caught:
        http.download(restricted.url, tmp_path / "tried")
    assert caught.value.web_page
    assert list((tmp_path / "tried").iterdir()) == []


def test_downloaded_papers_match_what_the_council_serves(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    detail = ModernGovClient(council_server.base_url, http).meeting("1002", "101")
    results = fetch_all(http, detail, tmp_path, {})
    expected = {council_server.council.doc_body(council_server.council.docs[5005])}
    hashes = {r.sha256 for r in results.values() if isinstance(r, DownloadResult)}
    assert hashlib.sha256(expected.pop()).hexdigest() in hashes


def test_a_bulk_council_is_configurable(http: HttpClient, tmp_path: Path) -> None:
    council = bulk_council(meetings=3, docs_per_meeting=4, doc_size=50_000, packs=True)
    with CouncilServer(council) as server:
        site = ModernGovClient(server.base_url, http)
        committee = site.committees()[0]
        meetings = site.meetings(committee.id, *default_window())
        assert len(meetings) == 3
        detail = site.meeting(meetings[0].id, committee.id)
        assert len(detail.items) == 4 and len(detail.packs) == 2
        results = fetch_all(http, detail, tmp_path, {})
    sizes = sorted(r.size for r in results.values() if isinstance(r, DownloadResult))
    assert len(sizes) == 6  # four padded reports, two small packs
    assert all(45_000 < size < 60_000 for size in sizes[2:]) and sizes[1] < 20_000
