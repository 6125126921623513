"""A real ModernGov-shaped council site on 127.0.0.1, for integration tests and benchmarks.

    server = CouncilServer(default_council(), mode="webservice").start()
    server.base_url                 # http://127.0.0.1:<port>[/prefix]
    server.mode = "soap"            # "webservice" | "soap" (GET says "method name is not
                                    # valid") | "html" (web service switched off: 404)
    server.add_fault("GetMeetings", "status", status=500, times=1)
    server.requests("mgConvert2PDF") / server.pdf_bodies_sent() / server.max_in_flight
    server.stop()

Faults (match is a case-insensitive substring of "METHOD /path?query" plus, for SOAP,
" soap:<Method>"; `times` answers are faulty, then normal; times=None: always):
  status (status=500, retry_after=None)   429 (retry_after="1")   stall (seconds=5:
  nothing is sent until then)   slow_body (seconds: headers, half the body, a pause, the
  rest)   cut (Content-Length says more than is sent, then the connection closes)
  html (a login page, status 200, where a PDF was due)   firewall (an HTML challenge page,
  200, anywhere)   redirect (one 302 to the same resource)   redirect_loop (302s forever)
  billion_laughs   malformed (cut-off XML)   ignore_dates (GetMeetings answers with the
  whole history)   delay (seconds, then normal: for concurrency tests)
  drip (seconds=1: headers, then the body one byte every `seconds`)   reset (the connection
  is reset, RST, before any answer)   never_answer (the request is read and nothing is ever
  sent, until the server stops)   endless (a body with no length that never ends: the
  normal answer's first bytes, then filler for as long as the client reads)
Every GET answer with a body carries an ETag and Last-Modified and honours
If-None-Match / If-Modified-Since with 304 (switch off with validators=False).
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import council_pages as pages
from council_data import LOGIN_PAGE, Council, etag_of

MODES = ("webservice", "soap", "html")


@dataclass
class Fault:
    match: str
    kind: str
    times: int | None = 1
    options: dict[str, object] = field(default_factory=dict)
    used: int = 0


@dataclass(frozen=True)
class Logged:
    method: str
    target: str  # path?query after the prefix, as sent (percent-encoding kept)
    status: int
    body_bytes: int  # body bytes actually written
    pdf: bool  # the body was a PDF
    headers: dict[str, str]  # lower-case names


class CouncilServer:
    def __init__(
        self, council: Council, *, mode: str = "webservice", prefix: str = "", validators: bool = True
    ) -> None:
        assert mode in MODES
        self.council = council
        self.mode = mode
        self.prefix = prefix.rstrip("/")
        self.validators = validators
        self.faults: list[Fault] = []
        self.log: list[Logged] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> CouncilServer:
        self.council.render()
        handler = type("Handler", (_Handler,), {"site": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # releases stalled answers at once
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> CouncilServer:
        return self.start() if self._httpd is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    # -- faults and the log ------------------------------------------------------------

    def add_fault(self, match: str, kind: str, times: int | None = 1, **options: object) -> Fault:
        fault = Fault(match.lower(), kind, times, dict(options))
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def take_fault(self, target: str) -> Fault | None:
        lowered = target.lower()
        with self._lock:
            for fault in self.faults:
                if fault.match in lowered and (fault.times is None or fault.used < fault.times):
                    fault.used += 1
                    return fault
        return None

    def record(self, entry: Logged) -> None:
        with self._lock:
            self.log.append(entry)

    def reset_log(self) -> None:
        with self._lock:
            self.log.clear()
            self.max_in_flight = 0

    def settle(self, timeout: float = 2.0) -> None:
        """Wait (a little) until no answer is being sent: each is logged just after its last
        byte, so a client can have its answer before the log has it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if self.in_flight == 0:
                    return
            time.sleep(0.002)

    def requests(self, contains: str = "", method: str | None = None) -> list[Logged]:
        self.settle()
        with self._lock:
            return [
                e for e in self.log if contains.lower() in e.target.lower() and (method is None or e.method == method)
            ]

    def pdf_bodies_sent(self) -> list[Logged]:
        """Answers that carried a PDF body: what "downloaded again" means."""
        self.settle()
        with self._lock:
            return [e for e in self.log if e.pdf and e.body_bytes > 0]

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


@dataclass
class _Answer:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: str = ""


class _Handler(BaseHTTPRequestHandler):
    site: CouncilServer
    protocol_version = "HTTP/1.1"  # keep-alive, like a real server
    # Headers and body go out in separate writes; without this, Nagle's algorithm and the
    # client's delayed ACK add ~40 ms to every keep-alive answer.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass  # the tests read site.log instead

    def do_GET(self) -> None:
        self._serve("GET", b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve("POST", self.rfile.read(length) if length else b"")

    def _serve(self, method: str, body: bytes) -> None:
        site = self.site
        site.enter()
        try:
            target = self.path
            if site.prefix:
                if not target.startswith(site.prefix + "/"):
                    return self._send(method, target, _Answer(404, pages.not_found_page(target)))
                target = target[len(site.prefix) :]
            soap_method = ""
            if method == "POST":
                action = self.headers.get("SOAPAction", "").strip('"')
                soap_method = action.rsplit("/", 1)[-1]
            match_on = f"{method} {target}" + (f" soap:{soap_method}" if soap_method else "")
            fault = site.take_fault(match_on)
            answer = self._faulty(fault, target) if fault else None
            if answer is None:
                answer = self._route(method, target, body, soap_method, fault)
            self._send(method, target, answer, fault)
        finally:
            site.leave()

    # -- routing ---------------------------------------------------------------------

    def _route(self, method: str, target: str, body: bytes, soap_method: str, fault: Fault | None) -> _Answer:
        site, council = self.site, self.site.council
        parts = urlsplit(target)
        path = unquote(parts.path)
        query = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
        if path.lower() == "/mgwebservice.asmx" and method == "POST":
            if site.mode == "html":
                return _Answer(404, pages.not_found_page(path))
            params = dict(re.findall(rb"<(\w+)>([^<]*)</\1>", body.split(b"Body>", 1)[-1]))
            params = {k.decode().lower(): v.decode() for k, v in params.items()}
            xml = self._service(soap_method, params, fault)
            if xml is None:
                return _Answer(
                    500, pages.soap_fault("Web Service method name is not valid."), "text/xml; charset=utf-8"
                )
            return _Answer(200, pages.soap_document(soap_method, xml), "text/xml; charset=utf-8")
        if path.lower().startswith("/mgwebservice.asmx/"):
            if site.mode == "html":
                return _Answer(404, pages.not_found_page(path))
            if site.mode == "soap":
                return _Answer(500, pages.NOT_VALID, "text/plain; charset=utf-8")
            xml = self._service(path.rsplit("/", 1)[-1], query, fault)
            if xml is None:
                return _Answer(500, pages.NOT_VALID, "text/plain; charset=utf-8")
            return _Answer(
                200, pages.xml_document(xml), "text/xml; charset=utf-8", last_modified=council.last_modified(0)
            )
        page = path.lower()
        if page == "/mglistcommittees.aspx":
            return self._html(pages.committees_html(council))
        if page == "/ielistmeetings.aspx" and query.get("cid", "").isdigit():
            year = int(query.get("year", "0") or 0)
            return self._html(pages.meetings_html(council, int(query["cid"]), year))
        if page == "/ielistdocuments.aspx" and query.get("mid", "").isdigit():
            meeting = council.meeting(int(query["mid"]))
            if meeting is not None:
                return self._html(pages.meeting_html(council, meeting))
        if page == "/mgconvert2pdf.aspx" and query.get("id", "").isdigit():
            return self._doc(int(query["id"]))
        found = re.fullmatch(r"/(documents/([gbs])(\d+)/[^/]+)", path)
        if found:
            if found.group(2) == "s":
                doc = council.docs.get(int(found.group(3)))
                if doc is not None and doc.path == found.group(1):
                    return self._doc(doc.id)
            else:
                pack = council.pack(found.group(1))
                if pack is not None:
                    return _Answer(
                        200,
                        council.pack_body(pack),
                        "application/pdf",
                        last_modified=council.last_modified(pack.version),
                    )
        if page == "/mglogin.aspx":
            return self._html(LOGIN_PAGE)
        return _Answer(404, pages.not_found_page(path))

    def _html(self, body: bytes) -> _Answer:
        return _Answer(200, body, last_modified=self.site.council.last_modified(0))

    def _doc(self, doc_id: int) -> _Answer:
        council = self.site.council
        doc = council.docs.get(doc_id)
        if doc is None:
            return _Answer(404, pages.not_found_page(f"document {doc_id}"))
        if doc.restricted:  # what a real site does: a login page, status 200
            return _Answer(200, LOGIN_PAGE)
        return _Answer(200, council.doc_body(doc), "application/pdf", last_modified=council.last_modified(doc.version))

    def _service(self, method: str, params: dict[str, str], fault: Fault | None) -> str | None:
        council = self.site.council
        key = {k.lower(): v for k, v in params.items()}
        if method == "GetCommittees":
            return pages.committees_xml(council)
        if method == "GetMeetings" and key.get("lcommitteeid", "").lstrip("-").isdigit():
            committee_id = int(key["lcommitteeid"])
            meetings = council.meetings_of(committee_id)
            start, end = _uk_date(key.get("sfromdate", "")), _uk_date(key.get("stodate", ""))
            # The real trap: an ISO (or any unreadable) date means "everything, ever".
            if start and end and not (fault and fault.kind == "ignore_dates"):
                meetings = [m for m in meetings if start <= m.date <= end]
            return pages.meetings_xml(council, committee_id, meetings)
        if method == "GetMeeting" and key.get("lmeetingid", "").isdigit():
            meeting = council.meeting(int(key["lmeetingid"]))
            if meeting is None:
                return "<meeting></meeting>"
            return pages.meeting_xml(council, meeting, self.site.base_url)
        return None

    # -- faults ------------------------------------------------------------------------

    def _faulty(self, fault: Fault, target: str) -> _Answer | None:
        """The faulty answer, or None when the fault changes how the normal one is sent."""
        kind, options, site = fault.kind, fault.options, self.site
        if kind == "status" or kind == "429":
            status = int(options.get("status", 429 if kind == "429" else 500))  # type: ignore
            headers = {}
            retry_after = options.get("retry_after", "1" if kind == "429" else None)
            if retry_after is not None:
                headers["Retry-After"] = str(retry_after)
            return _Answer(status, b"<html><body><h1>Service unavailable</h1></body></html>", headers=headers)
        if kind == "never_answer":
            site.stopping.wait()
            return None
        if kind in ("stall", "delay"):
            site.stopping.wait(float(options.get("seconds", 5)))  # type: ignore[arg-type]
            return None
        if kind == "html":
            return _Answer(200, LOGIN_PAGE)
        if kind == "firewall":
            return _Answer(200, pages.FIREWALL_PAGE)
        if kind in ("redirect", "redirect_loop"):
            hop = "&" if "?" in target else "?"
            location = site.base_url + target + (f"{hop}hop=1" if kind == "redirect" else "")
            return _Answer(302, b"", headers={"Location": location})
        if kind == "billion_laughs":
            return _Answer(200, pages.BILLION_LAUGHS, "text/xml; charset=utf-8")
        if kind == "malformed":
            return _Answer(200, pages.MALFORMED, "text/xml; charset=utf-8")
        return None  # cut, slow_body, drip, reset, endless, ignore_dates: handled while answering

    def _send(self, method: str, target: str, answer: _Answer, fault: Fault | None = None) -> None:
        site = self.site
        body = answer.body
        headers = dict(answer.headers)
        etag = etag_of(body) if body else ""
        conditional = method == "GET" and answer.status == 200 and site.validators and bool(body)
        if conditional:
            headers["ETag"] = etag
            if answer.last_modified:
                headers["Last-Modified"] = answer.last_modified
            if self._unchanged(etag, answer.last_modified):
                answer, body = _Answer(304), b""
        sent = 0
        logged = False
        is_pdf = answer.body[:5] == b"%PDF-"
        kind = fault.kind if fault else ""
        if kind == "reset":
            self._reset()
            site.record(Logged(method, target, 0, 0, is_pdf, {k.lower(): v for k, v in self.headers.items()}))
            return
        if kind == "endless":
            return self._endless(method, target, answer)
        try:
            self.send_response(answer.status)
            for name, value in headers.items():
                self.send_header(name, value)
            if answer.status != 304:
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(body)))
            if kind == "cut":
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if kind == "cut":
                body = body[: len(body) // 2]
            if kind == "slow_body":
                half = len(body) // 2
                self.wfile.write(body[:half])
                self.wfile.flush()
                sent = half
                site.stopping.wait(float(fault.options.get("seconds", 5)))  # type: ignore
                body = body[half:]
            if kind == "drip":
                pause = float(fault.options.get("seconds", 1.0))  # type: ignore
                for byte in body:
                    if site.stopping.wait(pause):
                        break
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    sent += 1
                body = b""
            # Logged before the last bytes go: once the client has the whole answer, a test
            # may read the log at once, and must find this request there.
            sent += len(body)
            site.record(
                Logged(method, target, answer.status, sent, is_pdf, {k.lower(): v for k, v in self.headers.items()})
            )
            logged = True
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout): that is fine
        finally:
            if not logged:
                site.record(
                    Logged(method, target, answer.status, sent, is_pdf, {k.lower(): v for k, v in self.headers.items()})
                )

    def _reset(self) -> None:
        import socket
        import struct

        # SO_LINGER with a zero timeout: close() sends RST, "connection reset by peer".
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _endless(self, method: str, target: str, answer: _Answer) -> None:
        site, sent = self.site, 0
        head = answer.body[: 64 * 1024] or b"<html>"
        filler = b" " * (64 * 1024) if answer.body[:5] == b"%PDF-" else b"<p>more</p>" * 6000
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            self.wfile.write(head)
            sent = len(head)
            while not site.stopping.is_set():
                self.wfile.write(filler)
                sent += len(filler)
        except OSError:
            pass  # the client gave up: what it should do
        site.record(
            Logged(
                method,
                target,
                answer.status,
                sent,
                head[:5] == b"%PDF-",
                {k.lower(): v for k, v in self.headers.items()},
            )
        )

    def _unchanged(self, etag: str, last_modified: str) -> bool:
        wanted = self.headers.get("If-None-Match")
        if wanted is not None:
            return etag in [tag.strip() for tag in wanted.split(",")] or wanted.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since and last_modified:
            try:
                return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False


def _uk_date(value: str) -> date | None:
    found = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", value.strip())
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def wait_until(predicate: object, timeout: float = 5.0) -> bool:
    """Poll predicate() until true or timeout (for tests watching the server)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False
