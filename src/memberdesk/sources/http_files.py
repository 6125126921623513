"""Downloading one file for HttpClient: streamed into this run's own ".part" file, checked
(a PDF, the promised length), hashed while it streams, fsynced, then handed back or renamed."""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import httpx

from memberdesk.files import owned_prefix
from memberdesk.sources.errors import FetchCancelled, FetchError
from memberdesk.sources.fetching import (
    PART_PREFIX,
    PART_SUFFIX,
    DownloadResult,
    StatsCounter,
    content_length,
    cut_off_error,
    fsync_dir,
)
from memberdesk.sources.http_errors import RETRY_STATUSES, Retryable, check_pdf, retry_after

_CHUNK = 64 * 1024
_PDF_HEAD = 1024  # how much we look at before deciding "this is not a PDF"


def download_once(
    client: httpx.Client,
    slot: Callable[[], AbstractContextManager[None]],
    stats: StatsCounter,
    max_bytes: int,
    status_error: Callable[..., FetchError],
    url: str,
    folder: Path,
    headers: dict[str, str],
    expect_pdf: bool,
    target: Path | None,
    on_progress: Callable[[int, int | None], None] | None,
    cancel: threading.Event | None,
) -> DownloadResult:
    """One try: the checked file, or an exception (Retryable for one worth another try)."""
    fd, tmp_name = tempfile.mkstemp(prefix=owned_prefix(PART_PREFIX), suffix=PART_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    finished = False
    try:
        with (
            os.fdopen(fd, "wb") as out,
            slot(),
            client.stream("GET", url, headers=headers) as resp,
        ):
            if resp.status_code == 304:
                stats.add("not_modified")
                return DownloadResult(
                    url,
                    None,
                    etag=resp.headers.get("etag", ""),
                    last_modified=resp.headers.get("last-modified", ""),
                    not_modified=True,
                    final_url=str(resp.url),
                )
            if resp.status_code in RETRY_STATUSES:
                resp.read()  # let the connection be reused
                raise Retryable(status_error(resp.status_code, url), retry_after(resp.headers))
            if resp.status_code != 200:
                raise status_error(resp.status_code, url, tries=1)
            expected = content_length(resp.headers)
            if expected is not None and expected > max_bytes:
                raise FetchError(f"the file is too large ({expected} bytes): {url}", url=url, kind="too_large")
            digest = hashlib.sha256()
            size = 0
            head = b"" if expect_pdf else None
            try:
                for chunk in resp.iter_bytes(_CHUNK):
                    if cancel is not None and cancel.is_set():
                        raise FetchCancelled(f"download stopped: {url}", url=url)
                    if head is not None:  # decide early: never stream a whole web page
                        head += chunk
                        if len(head.lstrip()) >= 5 or len(head) >= _PDF_HEAD:
                            check_pdf(head, resp, url)
                            head = None
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"the file is too large (over {size} bytes): {url}", url=url, kind="too_large")
                    if on_progress is not None:
                        on_progress(size, expected)
            except httpx.RemoteProtocolError as exc:
                raise Retryable(cut_off_error(url, max(size, resp.num_bytes_downloaded), expected)) from exc
            if head is not None:
                check_pdf(head, resp, url)
            wire = resp.num_bytes_downloaded
            stats.add("bytes_fetched", wire)
            if expected is not None and wire != expected:
                raise Retryable(cut_off_error(url, wire, expected))
            out.flush()
            os.fsync(out.fileno())
            result_path = tmp
            if target is not None:
                os.replace(tmp, target)
                fsync_dir(target.parent)
                result_path = target
            finished = True
            stats.add("downloads")
            return DownloadResult(
                url,
                result_path,
                digest.hexdigest(),
                size,
                resp.headers.get("etag", ""),
                resp.headers.get("last-modified", ""),
                final_url=str(resp.url),
            )
    finally:
        if not finished:
            tmp.unlink(missing_ok=True)
