"""The plain parts of fetching that need no HTTP library: results, counters, messages.

http.py (the only httpx user) builds on these; sync and the tests read them.
"""

from __future__ import annotations

import email.utils
import os
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Protocol

from memberdesk import __version__
from memberdesk.files import sweep_stale
from memberdesk.model import CachedPage
from memberdesk.sources.errors import FetchCancelled, FetchError

USER_AGENT = f"memberdesk/{__version__} (+accessible council papers reader)"

WEB_PAGE_NOT_PDF = "the council answered a web page (login or error page), not a PDF"

# Bytes a PDF may have before "%PDF-": whitespace, NULs and a stray UTF-8 byte-order mark.
_LEADING_JUNK = b" \t\r\n\x0c\x00"
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Response:
    """A complete answer (body read into memory): for XML and HTML pages, not PDFs."""

    url: str  # where the answer came from, after redirects
    status: int
    headers: Mapping[str, str]  # lower-case names
    content: bytes
    from_cache: bool = False  # True: the server said 304 and this is our cached copy

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def text(self) -> str:
        charset = "utf-8"
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip('"')
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class DownloadResult:
    """A finished download. With not_modified, path is None and nothing was written."""

    url: str
    path: Path | None
    sha256: str = ""
    size: int = 0
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False
    final_url: str = ""  # after redirects; never used to choose where a file goes


@dataclass(frozen=True)
class DownloadJob:
    """One download for HttpClient.download_many; `key` is the caller's, handed back untouched."""

    url: str
    dest_dir: Path
    etag: str = ""
    last_modified: str = ""
    final_path: Path | None = None
    expect_pdf: bool = True
    key: int = -1  # the caller's own number for this job, handed back with its outcome


@dataclass(frozen=True)
class HttpStats:
    """Counters since the client was made. Subtract two snapshots to measure one sync."""

    requests: int = 0  # every request sent, including retries and redirects
    bytes_fetched: int = 0  # body bytes as they came over the wire
    retries: int = 0
    not_modified: int = 0  # 304 answers
    downloads: int = 0  # files completed and checked

    def __sub__(self, other: HttpStats) -> HttpStats:
        return HttpStats(
            self.requests - other.requests,
            self.bytes_fetched - other.bytes_fetched,
            self.retries - other.retries,
            self.not_modified - other.not_modified,
            self.downloads - other.downloads,
        )


class StatsCounter:
    """Thread-safe counters behind HttpStats."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values = {name: 0 for name in HttpStats.__dataclass_fields__}

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._values[name] += amount

    def snapshot(self) -> HttpStats:
        with self._lock:
            return HttpStats(**self._values)


class ResponseCache(Protocol):
    """Where conditional GETs of pages (XML, HTML) keep their validators and bodies.

    MemoryCache lasts one run; the library may provide a persistent one with these methods.
    """

    def lookup(self, url: str) -> CachedPage | None: ...

    def store(self, url: str, page: CachedPage) -> None: ...


class MemoryCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pages: dict[str, CachedPage] = {}

    def lookup(self, url: str) -> CachedPage | None:
        with self._lock:
            return self._pages.get(url)

    def store(self, url: str, page: CachedPage) -> None:
        with self._lock:
            self._pages[url] = page


class LinkedStop(threading.Event):
    """Set by its owner, or when `parent` (the caller's cancel) is set: lets a pool of
    downloads be stopped early without telling the caller it was cancelled."""

    def __init__(self, parent: threading.Event | None) -> None:
        super().__init__()
        self.parent = parent

    def is_set(self) -> bool:
        return super().is_set() or (self.parent is not None and self.parent.is_set())

    def wait(self, timeout: float | None = None) -> bool:
        end = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = 0.1 if end is None else min(0.1, end - time.monotonic())
            if left <= 0:
                return False
            super().wait(left)
        return True


class HostGate:
    """At most `limit` requests at once to one host, and a shared pause when it asks for one.

    When a host answers 429/503 with Retry-After, every thread talking to it waits, not
    just the one that was told: that is what "honour Retry-After" means with a pool.
    """

    def __init__(self, limit: int) -> None:
        self.semaphore = threading.BoundedSemaphore(limit)
        self._lock = threading.Lock()
        self._not_before = 0.0

    def pause_until(self, moment: float) -> None:
        with self._lock:
            self._not_before = max(self._not_before, moment)

    def wait_time(self) -> float:
        with self._lock:
            return max(0.0, self._not_before - time.monotonic())


def parse_retry_after(value: str, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def pdf_problem(head: bytes, content_type: str) -> tuple[str, bool] | None:
    """Why these first bytes are not a PDF, and whether it was a web page; None if they are."""
    stripped = head.lstrip(_LEADING_JUNK)
    if stripped.startswith(_BOM):
        stripped = stripped[len(_BOM) :].lstrip(_LEADING_JUNK)
    if stripped.startswith(b"%PDF-"):
        return None
    if not stripped:
        return ("the council sent an empty file, not a PDF", False)
    lowered = stripped[:1024].lower()
    if stripped.startswith(b"<") or b"<html" in lowered or "html" in content_type:
        return (WEB_PAGE_NOT_PDF, True)
    return (f"the council sent something that is not a PDF (it begins {stripped[:16]!r})", False)


def status_reason(status: int, tries: int) -> str:
    """A sentence for an HTTP status that will not turn into a document."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "unknown status"
    label = f"{status} {phrase}"
    if status == 404 or status == 410:
        return f"the council's site has no such page ({label}); it may have moved or been removed"
    if status in (401, 403):
        return f"the council's site refused access ({label}); the paper may be restricted"
    if status == 429:
        return f"the council's site asked us to slow down ({label}) and still refused after {tries} tries"
    if status >= 500:
        return f"the council's site had a server error ({label}), still failing after {tries} tries"
    return f"the council's site answered {label}"


def content_length(headers: Mapping[str, str]) -> int | None:
    # Compared with the bytes that came over the wire, so a compressed body still checks.
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


def cut_off_error(url: str, got: int, expected: int | None) -> FetchError:
    of = f" ({got} of {expected} bytes arrived)" if expected is not None else ""
    return FetchError(f"the download was cut off before the end{of}: {url}", url=url, kind="cut_off")


def is_tls_problem(exc: BaseException) -> bool:
    """True when a connection failed on the certificate or the TLS handshake."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def sleep_or_cancel(seconds: float, cancel: threading.Event | None, url: str) -> None:
    if seconds <= 0:
        return
    if cancel is None:
        time.sleep(seconds)
    elif cancel.wait(seconds):
        raise FetchCancelled(f"stopped while waiting to retry: {url}", url=url)


def fsync_dir(folder: Path) -> None:
    """Make a rename itself survive a power cut (POSIX; not possible on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


PART_PREFIX, PART_SUFFIX = ".download-", ".part"  # HttpClient.download: .download-<pid>-XXXX.part


def clean_partial_downloads(folder: Path) -> int:
    """Remove the temporary files of runs that were killed (their process is gone); returns
    how many. Another run's downloads in progress are its own and stay (memberdesk.files)."""
    return sweep_stale(Path(folder), PART_PREFIX, PART_SUFFIX)
