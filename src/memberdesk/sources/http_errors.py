"""How an HTTP failure becomes a reason a person can act on, and whether to try again.

Part of the HTTP client (memberdesk.sources.http): with it, the only modules that use httpx.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from memberdesk.sources.errors import FetchCancelled, FetchError, NotAPdfError
from memberdesk.sources.fetching import is_tls_problem, parse_retry_after, pdf_problem
from memberdesk.sources.watch import Interrupted

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class Retryable(Exception):
    """This attempt failed in a way worth another try."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def transport_error(
    exc: httpx.HTTPError, url: str, *, max_redirects: int, connect_timeout: float, read_timeout: float
) -> FetchError | Retryable:
    host = urlsplit(url).hostname or url
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(
            f"the council's site sends us round in circles (more than "
            f"{max_redirects} redirects); it may have moved: {url}",
            url=url,
            kind="redirect_loop",
        )
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return FetchError(f"not a web address memberdesk can use: {url}", url=url, kind="bad_url")
    if is_tls_problem(exc):
        return FetchError(
            f"could not make a secure connection to {host} ({exc}); memberdesk always checks certificates: {url}",
            url=url,
            kind="tls",
        )
    if isinstance(exc, httpx.TimeoutException):
        limit = connect_timeout if isinstance(exc, httpx.ConnectTimeout) else read_timeout
        return Retryable(
            FetchError(
                f"the council's site at {host} did not answer in time ({limit:g} s): {url}", url=url, kind="timeout"
            )
        )
    if isinstance(exc, httpx.RemoteProtocolError):
        return Retryable(FetchError(f"the connection to {host} broke off mid-answer: {url}", url=url, kind="cut_off"))
    return Retryable(
        FetchError(
            f"could not reach the council's site at {host} ({exc or type(exc).__name__}): {url}",
            url=url,
            kind="connection",
        )
    )


def retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after", "")
    return parse_retry_after(value) if value else None


def check_pdf(head: bytes, resp: httpx.Response, url: str) -> None:
    problem = pdf_problem(head, resp.headers.get("content-type", "").lower())
    if problem is not None:
        reason, web_page = problem
        raise NotAPdfError(f"{reason}: {url}", url=url, web_page=web_page)


def interrupted_error(cut: Interrupted, url: str, limit: float, min_rate: float) -> Exception:
    """What a watched read cut short means: stopped, out of time (final), or too slow (retry)."""
    if cut.kind == "cancelled":
        return FetchCancelled(f"stopped: {url}", url=url)
    if cut.kind == "deadline":
        return FetchError(
            f"the council's site took too long (over {limit:.0f} seconds in all): {url}", url=url, kind="deadline"
        )
    return Retryable(
        FetchError(f"the council's answer {cut} (under {min_rate:.0f} bytes a second): {url}", url=url, kind="too_slow")
    )
