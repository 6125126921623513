"""The polite HTTP client's manners: a per-host limit, parallel downloads, conditional
pages, verified TLS."""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from council_server import CouncilServer
from memberdesk.sources.errors import FetchError, NotAPdfError
from memberdesk.sources.fetching import DownloadJob, DownloadResult, MemoryCache
from memberdesk.sources.http import HttpClient

DOC_IDS = [5001, 5002, 5003, 5004, 5005, 5006, 5007, 5008, 5010]


def jobs(server: CouncilServer, folder: Path, ids: list[int] = DOC_IDS) -> list[DownloadJob]:
    return [
        DownloadJob(server.url(f"mgConvert2PDF.aspx?ID={i}"), folder, final_path=folder / f"{i}.pdf", key=i)
        for i in ids
    ]


def test_at_most_four_requests_at_once_to_one_council(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    council_server.add_fault("mgConvert2PDF", "delay", seconds=0.15, times=None)

    results = dict((job.key, outcome) for job, outcome in http.download_many(jobs(council_server, tmp_path), workers=9))

    assert all(isinstance(r, DownloadResult) for r in results.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{i}.pdf" for i in DOC_IDS)
    assert council_server.max_in_flight == 4  # reached, never passed


def test_the_per_host_limit_is_a_setting(council_server: CouncilServer, tmp_path: Path) -> None:
    council_server.add_fault("mgConvert2PDF", "delay", seconds=0.1, times=None)
    with HttpClient(per_host=2) as http:
        list(http.download_many(jobs(council_server, tmp_path, DOC_IDS[:6]), workers=6))
    assert council_server.max_in_flight == 2


def test_download_many_reports_each_failure_beside_the_successes(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    outcomes = {job.key: outcome for job, outcome in http.download_many(jobs(council_server, tmp_path, [5001, 5009]))}

    assert isinstance(outcomes[5001], DownloadResult)
    assert isinstance(outcomes[5009], NotAPdfError)  # the restricted paper: a login page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["5001.pdf"]


def test_stopping_early_does_not_start_the_remaining_downloads(
    council_server: CouncilServer, http: HttpClient, tmp_path: Path
) -> None:
    council_server.add_fault("mgConvert2PDF", "delay", seconds=0.1, times=None)
    cancel = threading.Event()
    for _job, _outcome in http.download_many(jobs(council_server, tmp_path), workers=1, cancel=cancel):
        cancel.set()
        break
    assert len(council_server.requests("mgConvert2PDF")) <= 2
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_pages_are_fetched_conditionally_with_a_cache(council_server: CouncilServer) -> None:
    url = council_server.url("mgListCommittees.aspx?bcr=1")
    with HttpClient(cache=MemoryCache()) as http:
        first = http.get(url, use_cache=True)
        second = http.get(url, use_cache=True)

    assert not first.from_cache and second.from_cache
    assert second.content == first.content and second.status == 200
    logged = council_server.requests("mgListCommittees")
    assert [e.status for e in logged] == [200, 304]
    assert logged[1].headers["if-none-match"] == first.etag and logged[1].body_bytes == 0


def test_a_missing_page_is_a_clear_error(council_server: CouncilServer, http: HttpClient) -> None:
    url = council_server.url("nothing-here.aspx")
    with pytest.raises(FetchError) as caught:
        http.get(url)
    assert str(caught.value) == (
        f"the council's site has no such page (404 Not Found); it may have moved or been removed: {url}"
    )
    assert len(council_server.requests("nothing-here")) == 1  # a 404 is not retried


# -- TLS: always verified ------------------------------------------------------------


@pytest.fixture
def self_signed_site(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server on 127.0.0.1 whose certificate nobody vouches for."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "8")
            self.end_headers()
            self.wfile.write(b"%PDF-1.4")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/paper.pdf"
    server.shutdown()
    server.server_close()


def test_an_untrusted_certificate_is_refused_not_retried(
    self_signed_site: str, http: HttpClient, tmp_path: Path
) -> None:
    with pytest.raises(FetchError) as caught:
        http.download(self_signed_site, tmp_path / "papers")

    assert caught.value.kind == "tls"
    assert str(caught.value).startswith("could not make a secure connection to 127.0.0.1")
    assert "memberdesk always checks certificates" in str(caught.value)
    assert http.stats().retries == 0
    assert list((tmp_path / "papers").iterdir()) == []
