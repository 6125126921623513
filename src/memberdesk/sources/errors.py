"""What can go wrong when fetching papers, as messages a person can act on.

Every error raised by the sources layer is a SourceError; str(error) is one line that
names the thing (the council, the address) and what happened. `kind` is a short stable
word that sync uses to decide how to record the failure (e.g. "not_pdf" on a restricted
paper means "show it as restricted", not "failed").
"""

from __future__ import annotations


class SourceError(Exception):
    """A source could not give us what we asked for."""

    kind: str = "error"

    def __init__(self, message: str, *, url: str = "", kind: str | None = None) -> None:
        super().__init__(message)
        self.url = url
        if kind is not None:
            self.kind = kind

    @property
    def message(self) -> str:
        return str(self)


class FetchError(SourceError):
    """The HTTP exchange failed.

    kind is one of: "connection", "timeout", "tls", "status", "redirect_loop",
    "cut_off", "too_large", "not_pdf", "cancelled".
    """

    kind = "connection"

    def __init__(self, message: str, *, url: str = "", kind: str | None = None, status: int | None = None) -> None:
        super().__init__(message, url=url, kind=kind)
        self.status = status


class NotAPdfError(FetchError):
    """The answer was not a PDF; `web_page` is True when it was HTML (a login or error page)."""

    kind = "not_pdf"

    def __init__(self, message: str, *, url: str = "", web_page: bool = False) -> None:
        super().__init__(message, url=url, kind="not_pdf")
        self.web_page = web_page


class FetchCancelled(FetchError):
    """The caller asked us to stop (the user pressed cancel)."""

    kind = "cancelled"


class CouncilDataError(SourceError):
    """The council answered, but not with something we can read (bad XML, a web page, ...).

    kind is one of: "html_not_xml", "bad_xml", "unsafe_xml", "unknown_method",
    "no_service", "unexpected".
    """

    kind = "unexpected"
