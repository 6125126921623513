"""Helpers for sync tests: a library following the fixture council, a syncer with small
timeouts (faults cost milliseconds) and the library's own persistent page cache."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from council_server import CouncilServer, wait_until
from memberdesk.library import Library
from memberdesk.sources.http import HttpClient
from memberdesk.sync.following import add_council, find_committees
from memberdesk.sync.syncer import Syncer

FOLLOWED = ("101", "102", "105")  # Cabinet, Planning, Audit & Governance


def small_http(cache: object | None = None, **overrides: float) -> HttpClient:
    options: dict = dict(
        connect_timeout=2.0, read_timeout=2.0, retries=2, backoff=0.01, max_backoff=0.05, max_retry_after=1.5
    )
    options.update(overrides)
    return HttpClient(cache=cache, **options)  # type: ignore[arg-type]


@contextmanager
def syncer(library: Library, **options: object) -> Iterator[Syncer]:
    """A Syncer as the app makes one, but with test-sized timeouts."""
    http_names = (
        "read_timeout",
        "retries",
        "connect_timeout",
        "page_deadline",
        "download_deadline",
        "min_rate",
        "rate_window",
        "max_page_bytes",
    )
    http_options = {k: options.pop(k) for k in list(options) if k in http_names}
    with (
        library.page_cache() as cache,
        small_http(cache, **http_options) as http,
        Syncer(library, http=http, **options) as sync,
    ):  # type: ignore[arg-type]
        yield sync


def follow(library: Library, server: CouncilServer, committees: tuple[str, ...] = FOLLOWED) -> int:
    with syncer(library) as sync:
        council, _ = add_council(sync, server.base_url, "Fixture County Council")
    found, problems = find_committees(library, council, list(committees))
    assert not problems
    library.councils.set_followed([c.id for c in found], True)
    return council.id


def leftovers(home: Path) -> list[Path]:
    """Temporary and partial files anywhere in the library folder: there must be none."""
    return sorted(
        p
        for p in home.rglob("*")
        if p.is_file() and (p.suffix == ".part" or p.name.startswith((".download-", ".incoming-")))
    )


def settled(server: CouncilServer) -> None:
    """The server logs each answer just after its last byte: wait until it has."""
    assert wait_until(lambda: server.in_flight == 0)


def doc_by_url(library: Library, contains: str) -> dict:
    docs = [d for d in library.catalogue()["documents"] if contains in d["source"]]
    assert len(docs) == 1, (contains, docs)
    return docs[0]


def sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def files_in_papers(library: Library) -> set[str]:
    return {str(p.relative_to(library.papers_dir)) for p in library.papers_dir.rglob("*.pdf")}
