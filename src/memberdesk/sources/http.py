"""The one polite HTTP client of memberdesk: with http_errors, the only user of httpx.

Synchronous on purpose: the command line calls it directly, and a Textual worker thread
calls it the same way; parallel downloads use a thread pool (download_many). Politeness
is enforced here, not left to callers: at most `per_host` requests at once to a host,
retries with exponential backoff on connection errors, timeouts, 429 and 5xx, a shared
pause when a host sends Retry-After, TLS always verified, redirects followed up to a limit.

A download streams into a temporary ".part" file inside the destination folder, is checked
(a PDF, the promised length), hashed while it streams, fsynced, and only then handed back
(or renamed to the caller's final path). Any failure removes the temporary file.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

from memberdesk.model import CachedPage
from memberdesk.sources.errors import FetchCancelled, FetchError, SourceError
from memberdesk.sources.fetching import (
    USER_AGENT,
    DownloadJob,
    DownloadResult,
    HostGate,
    HttpStats,
    LinkedStop,
    Response,
    ResponseCache,
    StatsCounter,
    sleep_or_cancel,
    status_reason,
)
from memberdesk.sources.http_errors import RETRY_STATUSES, Retryable, interrupted_error, retry_after, transport_error
from memberdesk.sources.http_files import download_once
from memberdesk.sources.watch import Budget, Interrupted, Watch, watch_client, watching

T = TypeVar("T")

_CHUNK = 64 * 1024
_PDF_HEAD = 1024  # how much we look at before deciding "this is not a PDF"


class HttpClient:
    """Thread-safe; make one per run and share it. Use as a context manager or call close()."""

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        per_host: int = 4,
        retries: int = 3,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        max_retry_after: float = 30.0,
        max_redirects: int = 5,
        max_page_bytes: int = 64 * 1024 * 1024,
        max_download_bytes: int = 1024 * 1024 * 1024,
        page_deadline: float = 60.0,
        download_deadline: float = 600.0,
        min_rate: float = 256.0,
        rate_window: float = 15.0,
        user_agent: str = USER_AGENT,
        cache: ResponseCache | None = None,
    ) -> None:
        self.per_host = per_host
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.max_redirects = max_redirects
        self.max_page_bytes = max_page_bytes
        self.max_download_bytes = max_download_bytes
        self.read_timeout = read_timeout
        self.connect_timeout = connect_timeout
        # Overall deadlines (all tries of one request, from its first slot) and the slowest
        # answer taken (bytes a second over each window): a drip is cut off like a timeout.
        self.page_deadline = page_deadline
        self.download_deadline = download_deadline
        self.min_rate = min_rate
        self.rate_window = rate_window
        self.cache = cache
        self._stats = StatsCounter()
        self._gates: dict[str, HostGate] = {}
        self._gates_lock = threading.Lock()
        self._client = httpx.Client(
            verify=True,  # never switched off: a council paper must come from the council
            follow_redirects=True,
            max_redirects=max_redirects,
            timeout=httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=None),
            # Our HostGate does the limiting; the pool only needs room for it.
            limits=httpx.Limits(max_connections=per_host * 16, max_keepalive_connections=per_host * 4),
            headers={"User-Agent": user_agent},
            event_hooks={"request": [self._count_request]},
        )
        transports = [self._client._transport, *self._client._mounts.values()]
        watch_client([getattr(t, "_pool", None) for t in transports if t is not None])

    # -- life cycle and counters -------------------------------------------------------

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def stats(self) -> HttpStats:
        return self._stats.snapshot()

    def _count_request(self, request: httpx.Request) -> None:
        self._stats.add("requests")  # called for each hop of a redirect too

    # -- pages: XML and HTML, read whole -----------------------------------------------

    def get(
        self,
        url: str,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        use_cache: bool = False,
        give_up: Callable[[Response], bool] | None = None,
        cancel: threading.Event | None = None,
    ) -> Response:
        """GET a page; raise FetchError for 4xx/5xx (after retries) unless give_up kept it.

        use_cache: send the validators we hold for this URL and, on 304, return our copy
        (from_cache=True). give_up(response): True means "this error answer is final, do
        not retry, hand it to me" (e.g. ModernGov's "method name is not valid" 500).
        """
        full = str(httpx.URL(url, params=params)) if params else url
        extra = dict(headers or {})
        cached = self.cache.lookup(full) if (use_cache and self.cache) else None
        if cached:
            if cached.etag:
                extra["If-None-Match"] = cached.etag
            if cached.last_modified:
                extra["If-Modified-Since"] = cached.last_modified
        response = self.request("GET", full, headers=extra, give_up=give_up, cancel=cancel)
        if response.status == 304 and cached:
            return Response(response.url, 200, dict(cached.headers), cached.content, True)
        if response.status >= 400 and not (give_up and give_up(response)):
            raise FetchError(
                f"{status_reason(response.status, 1)}: {full}", url=full, kind="status", status=response.status
            )
        if use_cache and self.cache and response.status == 200 and (response.etag or response.last_modified):
            self.cache.store(
                full, CachedPage(response.etag, response.last_modified, response.content, dict(response.headers))
            )
        return response

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        give_up: Callable[[Response], bool] | None = None,
        cancel: threading.Event | None = None,
    ) -> Response:
        """Send one request (retrying as needed) and read the whole answer, whatever its status.

        Only retryable statuses that never got better raise; other statuses are returned.
        """

        budget = Budget(self.page_deadline)

        def attempt() -> Response:
            with (
                self._slot(url, cancel, budget),
                self._client.stream(method, url, headers=headers, content=content) as resp,
            ):
                body = bytearray()
                for chunk in resp.iter_bytes(_CHUNK):
                    body.extend(chunk)
                    if len(body) > self.max_page_bytes:
                        raise FetchError(
                            f"the council's answer is unreasonably large (over {self.max_page_bytes} bytes): {url}",
                            url=url,
                            kind="too_large",
                        )
                self._stats.add("bytes_fetched", resp.num_bytes_downloaded)
                answer = Response(
                    str(resp.url), resp.status_code, {k.lower(): v for k, v in resp.headers.items()}, bytes(body)
                )
            if answer.status == 304:
                self._stats.add("not_modified")
            if answer.status in RETRY_STATUSES and not (give_up and give_up(answer)):
                raise Retryable(self._status_error(answer.status, url), retry_after(answer.headers))
            return answer

        return self._retrying(url, attempt, cancel, budget)

    # -- files -------------------------------------------------------------------------

    def download(
        self,
        url: str,
        dest_dir: str | os.PathLike[str],
        *,
        etag: str = "",
        last_modified: str = "",
        expect_pdf: bool = True,
        final_path: str | os.PathLike[str] | None = None,
        on_progress: Callable[[int, int | None], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> DownloadResult:
        """Fetch url into dest_dir, checked and complete, or raise FetchError leaving nothing.

        Without final_path, result.path is a ".part" temporary file in dest_dir that the
        caller renames (or deletes). With final_path (chosen by the caller, on the same
        file system), the checked file is renamed there atomically. etag / last_modified
        make it conditional: an unchanged file gives not_modified=True and no file at all.
        Names sent by the server never decide where anything is written.
        """
        folder = Path(dest_dir)
        folder.mkdir(parents=True, exist_ok=True)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        target = Path(final_path) if final_path is not None else None
        budget = Budget(self.download_deadline)
        return self._retrying(
            url,
            lambda: download_once(
                self._client,
                lambda: self._slot(url, cancel, budget),
                self._stats,
                self.max_download_bytes,
                self._status_error,
                url,
                folder,
                headers,
                expect_pdf,
                target,
                on_progress,
                cancel,
            ),
            cancel,
            budget,
        )

    def download_many(
        self, jobs: Iterable[DownloadJob], *, workers: int = 8, cancel: threading.Event | None = None
    ) -> Generator[tuple[DownloadJob, DownloadResult | SourceError], None, None]:
        """Run downloads on a thread pool, yielding (job, result or error) as each finishes.

        `workers` may exceed per_host: the host gate still keeps each council to its limit
        while other councils proceed.
        """
        stop = LinkedStop(cancel)
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="memberdesk-download")
        futures = {pool.submit(self._run_job, job, stop): job for job in jobs}
        handed: set[Future[DownloadResult | SourceError]] = set()
        try:
            for future in as_completed(futures):
                handed.add(future)
                yield futures[future], future.result()
        finally:
            # The caller stopped early (cancel, a full disk): start nothing more, stop what
            # runs, and remove the files of downloads it will never see.
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            for future in futures:
                if future in handed or future.cancelled():
                    continue
                outcome = future.result()
                if isinstance(outcome, DownloadResult) and outcome.path is not None:
                    outcome.path.unlink(missing_ok=True)

    def _run_job(self, job: DownloadJob, cancel: threading.Event | None) -> DownloadResult | SourceError:
        try:
            return self.download(
                job.url,
                job.dest_dir,
                etag=job.etag,
                last_modified=job.last_modified,
                expect_pdf=job.expect_pdf,
                final_path=job.final_path,
                cancel=cancel,
            )
        except SourceError as error:
            return error
        except OSError as error:  # our side: the disk, not the council
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                return FetchError(f"the disk is full: {job.url}", url=job.url, kind="disk_full")
            return FetchError(
                f"cannot be written here ({error.strerror or error}): {job.url}", url=job.url, kind="local"
            )

    # -- retries and politeness --------------------------------------------------------

    def _gate(self, url: str) -> HostGate:
        host = urlsplit(url).netloc.lower()
        with self._gates_lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = HostGate(self.per_host)
            return gate

    @contextmanager
    def _slot(self, url: str, cancel: threading.Event | None, budget: Budget) -> Iterator[None]:
        """One of the host's slots, with this thread's reads watched (stop, deadline, rate)."""
        gate = self._gate(url)
        # Wait for a free slot, but notice a cancel while four slow answers hold them all.
        while not gate.semaphore.acquire(timeout=0.1):
            if cancel is not None and cancel.is_set():
                raise FetchCancelled(f"download stopped: {url}", url=url)
        try:
            sleep_or_cancel(gate.wait_time(), cancel, url)  # a pause the host asked for
            watch = Watch(cancel, budget.start(), self.min_rate, self.rate_window)
            with watching(watch):
                yield
        finally:
            gate.semaphore.release()

    def _retrying(
        self, url: str, attempt: Callable[[], T], cancel: threading.Event | None, budget: Budget | None = None
    ) -> T:
        for number in range(self.retries + 1):
            try:
                try:
                    return attempt()
                except Interrupted as cut:
                    raise interrupted_error(cut, url, budget.limit if budget else 0, self.min_rate) from None
                except httpx.HTTPError as exc:
                    raise transport_error(
                        exc,
                        url,
                        max_redirects=self.max_redirects,
                        connect_timeout=self.connect_timeout,
                        read_timeout=self.read_timeout,
                    ) from exc
            except Retryable as retry:
                if number == self.retries:
                    raise retry.error from None
                wait = min(self.backoff * 2**number, self.max_backoff)
                if retry.retry_after is not None:
                    wait = min(retry.retry_after, self.max_retry_after)
                if budget is not None and budget.left() < wait:  # no time for another try
                    raise retry.error from None
                if retry.retry_after is not None:
                    self._gate(url).pause_until(time.monotonic() + wait)
                self._stats.add("retries")
                sleep_or_cancel(wait, cancel, url)
        raise AssertionError("unreachable")

    def _status_error(self, status: int, url: str, tries: int | None = None) -> FetchError:
        return FetchError(
            f"{status_reason(status, tries or self.retries + 1)}: {url}", url=url, kind="status", status=status
        )
