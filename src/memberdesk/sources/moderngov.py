"""A ModernGov council site: committees, meetings, one meeting's agenda and papers.

The site is read the cheapest way it allows, found by probing once:
"webservice" (GET mgWebService.asmx/<Method>), else "soap" (SOAP 1.1 POST to the same
service), else "html" (the public pages). Meeting-level packs exist only on the
meeting's HTML page, so in every mode meeting() also reads ieListDocuments.aspx (one
conditional request when the page offers validators).

Dates go to the server as dd/mm/yyyy and are filtered again here, because some servers
ignore the range and answer with their whole history.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from urllib.parse import urlencode, urlsplit
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

from memberdesk.dates import london_now
from memberdesk.sources.errors import CouncilDataError, FetchError, SourceError
from memberdesk.sources.fetching import Response
from memberdesk.sources.http import HttpClient
from memberdesk.sources.moderngov_html import (
    committees_from_html,
    meeting_from_html,
    meetings_from_html,
    packs_from_html,
)
from memberdesk.sources.moderngov_xml import (
    UNKNOWN_METHOD,
    UNRECOGNISED_FORMAT,
    committees_from_xml,
    looks_like_html,
    meeting_from_xml,
    meetings_from_xml,
    parse_xml,
    uk_date,
)
from memberdesk.sources.records import (
    RemoteCommittee,
    RemoteDocument,
    RemoteMeeting,
    RemoteMeetingDetail,
)
from memberdesk.sources.urls import normalise_base, url_key

MODES = ("webservice", "soap", "html")
# How to tell a person which way the site is read (`council add` says this).
MODE_DESCRIPTIONS = {
    "webservice": "the ModernGov web service",
    "soap": "the ModernGov web service (SOAP)",
    "html": "the council's public web pages (the web service is switched off)",
}
SOAP_NAMESPACE = "http://moderngov.co.uk/namespaces"
# Status codes after which the next way of reading the site is worth trying.
_FALL_BACK_STATUSES = {400, 403, 404, 405, 500, 501}


def _service_refused(response: Response) -> bool:
    """A 5xx that is the service saying "no such method / not over GET": final, no retry."""
    head = response.content[:4096].decode("utf-8", errors="replace").lower()
    return UNKNOWN_METHOD in head or UNRECOGNISED_FORMAT in head or "faultstring" in head


class ModernGovClient:
    """One council site. Safe to share between threads once probed."""

    def __init__(
        self,
        base_url: str,
        http: HttpClient,
        *,
        name: str = "",
        mode: str | None = None,
        packs: bool = True,
        cancel: threading.Event | None = None,
    ) -> None:
        self.base_url = normalise_base(base_url)
        self.http = http
        self.name = name or urlsplit(self.base_url).netloc
        if mode is not None and mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
        self._mode = mode
        self.packs = packs
        self.cancel = cancel
        self._probe_committees: list[RemoteCommittee] | None = None
        self._lock = threading.Lock()

    @property
    def mode(self) -> str:
        """How the site is read; probes the site the first time it is asked."""
        if self._mode is None:
            self.probe()
        assert self._mode is not None
        return self._mode

    def probe(self) -> str:
        """Find out how to read the site: "webservice", "soap" or "html".

        Raises FetchError when the site cannot be reached at all (no point trying other
        ways), CouncilDataError when it answers but in no way we can read.
        """
        with self._lock:
            problems: list[SourceError] = []
            for mode in MODES:
                try:
                    committees = self._committees(mode)
                except CouncilDataError as error:
                    problems.append(error)
                    continue
                except FetchError as error:
                    if error.kind != "status" or error.status not in _FALL_BACK_STATUSES:
                        raise
                    problems.append(error)
                    continue
                if mode == "html" and not committees:
                    problems.append(
                        CouncilDataError(
                            f"{self.name}'s committee page lists no committees",
                            url=self._page_url("mgListCommittees.aspx", bcr="1"),
                        )
                    )
                    continue
                self._mode, self._probe_committees = mode, committees
                return mode
            first = problems[0]
            raise CouncilDataError(
                f"{first} (the SOAP service and the public pages did not work either, so "
                f"{self.name} cannot be read; check the address)",
                url=first.url,
                kind=getattr(first, "kind", "no_service") if isinstance(first, CouncilDataError) else "no_service",
            )

    # -- the public methods -----------------------------------------------------------

    def committees(self) -> list[RemoteCommittee]:
        """Every committee, deleted and expired ones included (flagged)."""
        mode = self.mode
        cached, self._probe_committees = self._probe_committees, None
        return cached if cached is not None else self._committees(mode)

    def meetings(self, committee_id: str, from_date: date, to_date: date) -> list[RemoteMeeting]:
        """The committee's meetings from from_date to to_date inclusive, by date."""
        committee_id = str(committee_id)
        if self.mode == "html":
            found: dict[str, RemoteMeeting] = {}
            for year in range(from_date.year, to_date.year + 1):
                page = self._page("ieListMeetings.aspx", CId=committee_id, Year=str(year))
                for meeting in meetings_from_html(page.text, committee_id):
                    found.setdefault(meeting.id, meeting)
            meetings = list(found.values())
        else:
            root = self._call(
                "GetMeetings", lCommitteeId=committee_id, sFromDate=uk_date(from_date), sToDate=uk_date(to_date)
            )
            meetings = meetings_from_xml(root, committee_id)
        # Our own filter: servers that ignore the range must not flood the library.
        wanted = [m for m in meetings if m.date is not None and from_date <= m.date <= to_date]
        return sorted(wanted, key=lambda m: (m.date or date.min, m.time, m.id))

    def meeting(self, meeting_id: str, committee_id: str = "") -> RemoteMeetingDetail:
        """One meeting: its agenda items (plain text) and every public and restricted
        document, each URL once; packs from the meeting's page when self.packs is on."""
        meeting_id, committee_id = str(meeting_id), str(committee_id or "")
        page_url = self._page_url("ieListDocuments.aspx", **self._meeting_query(meeting_id, committee_id))
        if self.mode == "html":
            page = self._page_response(page_url)
            return meeting_from_html(page.text, page_url=page.url, meeting_id=meeting_id, committee_id=committee_id)
        detail = meeting_from_xml(
            self._call("GetMeeting", lMeetingId=meeting_id),
            base_url=self.base_url,
            meeting_id=meeting_id,
            committee_id=committee_id,
        )
        if not self.packs:
            return detail
        try:
            packs = self._packs(page_url)
        except SourceError as error:
            # The agenda is still good without the packs: say so, do not fail the meeting.
            return replace(detail, warnings=(f"meeting packs not listed: {error}",))
        known = {url_key(d.url) for d in detail.documents}
        extra = tuple(p for p in packs if url_key(p.url) not in known)
        return replace(detail, documents=detail.documents + extra)

    def meeting_packs(self, meeting_id: str, committee_id: str = "") -> list[RemoteDocument]:
        """Only the meeting-level PDFs (front sheet, reports pack, minutes, supplements)."""
        return self._packs(
            self._page_url("ieListDocuments.aspx", **self._meeting_query(str(meeting_id), str(committee_id or "")))
        )

    # -- plumbing ---------------------------------------------------------------------

    def _committees(self, mode: str) -> list[RemoteCommittee]:
        if mode == "html":
            return committees_from_html(self._page("mgListCommittees.aspx", bcr="1").text)
        return committees_from_xml(self._call("GetCommittees", _mode=mode))

    def _call(self, method: str, _mode: str | None = None, **params: str) -> Element:
        mode = _mode or self.mode
        url = f"{self.base_url}/mgWebService.asmx"
        if mode == "soap":
            response = self.http.request(
                "POST",
                url,
                content=_soap_envelope(method, params),
                headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{SOAP_NAMESPACE}/{method}"'},
                give_up=_service_refused,
                cancel=self.cancel,
            )
        else:
            url = f"{url}/{method}"
            response = self.http.get(
                url, params=params or None, use_cache=True, give_up=_service_refused, cancel=self.cancel
            )
        shown = f"{url}?{urlencode(params)}" if params and mode != "soap" else url
        if response.status >= 400 and not _service_refused(response):
            raise FetchError(
                f"{self.name}'s web service answered {response.status}: {shown}",
                url=shown,
                kind="status",
                status=response.status,
            )
        return parse_xml(response.content, council=self.name, url=shown)

    def _page_url(self, page: str, **query: str) -> str:
        return f"{self.base_url}/{page}?{urlencode(query)}"

    def _page(self, page: str, **query: str) -> Response:
        return self._page_response(self._page_url(page, **query))

    def _page_response(self, url: str) -> Response:
        response = self.http.get(url, use_cache=True, cancel=self.cancel)
        if "xml" in response.content_type and not looks_like_html(response.content):
            raise CouncilDataError(
                f"{self.name} answered data where a web page was expected: {url}", url=url, kind="unexpected"
            )
        return response

    def _packs(self, page_url: str) -> list[RemoteDocument]:
        page = self._page_response(page_url)
        return packs_from_html(page.text, page.url)

    @staticmethod
    def _meeting_query(meeting_id: str, committee_id: str) -> dict[str, str]:
        query = {"CId": committee_id} if committee_id else {}
        return {**query, "MId": meeting_id, "Ver": "4"}


def _soap_envelope(method: str, params: dict[str, str]) -> bytes:
    fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in params.items())
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
        f'<soap:Body><{method} xmlns="{SOAP_NAMESPACE}">{fields}</{method}></soap:Body>'
        "</soap:Envelope>"
    ).encode()


def default_window(today: date | None = None) -> tuple[date, date]:
    """The sync window of issue 3: 30 days back, 90 days ahead (from London's day, as councils date meetings)."""
    today = today or london_now().date()
    return today - timedelta(days=30), today + timedelta(days=90)
