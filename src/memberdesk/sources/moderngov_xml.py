"""ModernGov web service XML -> records. defusedxml only: no entities, no external references.

The quirks handled here are in docs (../shared/moderngov.md): dd/mm/yyyy dates, times
kept as text, "True"/"False", whitespace-only elements meaning empty, titles escaped
twice, SOAP envelopes around the same XML, HTML pages where XML was due.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from memberdesk.sources.errors import CouncilDataError
from memberdesk.sources.htmltext import clean_title, html_to_text
from memberdesk.sources.records import (
    RemoteAgendaItem,
    RemoteCommittee,
    RemoteDocument,
    RemoteMeeting,
    RemoteMeetingDetail,
)
from memberdesk.sources.urls import absolute_url, url_key

UNKNOWN_METHOD = "web service method name is not valid"
UNRECOGNISED_FORMAT = "request format is unrecognized"
_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def looks_like_html(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def parse_xml(content: bytes, *, council: str, url: str) -> Element:
    """The root element (namespaces dropped, SOAP envelope opened) or a CouncilDataError."""
    text_head = content[:4096].decode("utf-8", errors="replace").lower()
    if UNKNOWN_METHOD in text_head or UNRECOGNISED_FORMAT in text_head:
        raise CouncilDataError(
            f'{council}\'s web service does not offer this method ("Web Service method name is not valid"): {url}',
            url=url,
            kind="unknown_method",
        )
    if looks_like_html(content):
        raise CouncilDataError(
            f"{council} answered with a web page where data was expected (perhaps a firewall "
            f"challenge, a login or an error page); try again later: {url}",
            url=url,
            kind="html_not_xml",
        )
    try:
        root = SafeET.fromstring(content)
    except DefusedXmlException as exc:
        raise CouncilDataError(
            f"{council} sent XML with entity declarations or external "
            f"references ({type(exc).__name__}); memberdesk refuses "
            f"these for safety: {url}",
            url=url,
            kind="unsafe_xml",
        ) from exc
    except ParseError as exc:
        raise CouncilDataError(
            f"{council} sent data that is not well-formed XML ({exc}): {url}", url=url, kind="bad_xml"
        ) from exc
    _drop_namespaces(root)
    if root.tag.lower() == "envelope":
        root = _open_soap(root, council=council, url=url)
    return root


def _drop_namespaces(root: Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]


def _open_soap(envelope: Element, *, council: str, url: str) -> Element:
    body = next((e for e in envelope if e.tag.lower() == "body"), None)
    fault = body.find(".//faultstring") if body is not None else None
    if fault is not None:
        raise CouncilDataError(
            f"{council}'s web service reported a problem: {text(fault) or 'no details'}: {url}",
            url=url,
            kind="unknown_method" if UNKNOWN_METHOD in text(fault).lower() else "unexpected",
        )
    result = None
    if body is not None:
        result = next((e for e in body.iter() if e.tag.endswith("Result")), None)
    if result is None:
        raise CouncilDataError(f"{council}'s web service answer has no result in it: {url}", url=url, kind="unexpected")
    children = list(result)
    if children:
        return children[0]
    # Some installs send the result as an XML string inside the element: parse that too.
    inner = text(result)
    if not inner:
        raise CouncilDataError(f"{council}'s web service sent an empty result: {url}", url=url, kind="unexpected")
    return parse_xml(inner.encode("utf-8"), council=council, url=url)


# -- field readers --------------------------------------------------------------------


def text(element: Element | None, name: str | None = None) -> str:
    """The element's (or its child's) text; whitespace-only means empty."""
    if element is not None and name is not None:
        element = _child(element, name)
    if element is None or element.text is None:
        return ""
    return element.text.strip()


def _child(element: Element, name: str) -> Element | None:
    lowered = name.lower()  # ModernGov is consistent, but case has varied between versions
    return next((c for c in element if c.tag.lower() == lowered), None)


def flag(element: Element, name: str) -> bool:
    return text(element, name).lower() == "true"


def parse_date(value: str) -> date | None:
    """dd/mm/yyyy (optionally followed by a time); ISO as a courtesy; None if neither."""
    found = _DATE.match(value)
    try:
        if found:
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day)
        found = _ISO.match(value)
        if found:
            return date(*(int(g) for g in found.groups()))
    except ValueError:
        return None
    return None


def uk_date(day: date | datetime) -> str:
    """The form ModernGov understands; an ISO date makes it return its whole history."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


# -- the methods ----------------------------------------------------------------------


def committees_from_xml(root: Element) -> list[RemoteCommittee]:
    found = []
    for element in root.iter("committee"):
        committee_id = text(element, "committeeid")
        if not committee_id:
            continue
        found.append(
            RemoteCommittee(
                id=committee_id,
                title=clean_title(text(element, "committeetitle")),
                category=clean_title(text(element, "committeecategory")),
                deleted=flag(element, "committeedeleted"),
                expired=flag(element, "committeeexpired"),
            )
        )
    return found


def meetings_from_xml(root: Element, committee_id: str) -> list[RemoteMeeting]:
    """Meetings from GetMeetings (grouped by committee) or GetAllMeetingsByDate (flat)."""
    found = []
    for committee in [root, *root.iter("committee")]:
        owner = text(committee, "committeeid") or committee_id
        title = clean_title(text(committee, "committeetitle"))
        holder = _child(committee, "committeemeetings")
        if holder is None:
            holder = _child(committee, "meetings")
        if holder is None:
            continue
        for element in holder:
            if element.tag.lower() != "meeting" or not text(element, "meetingid"):
                continue
            found.append(
                RemoteMeeting(
                    id=text(element, "meetingid"),
                    committee_id=text(element, "committeeid") or owner,
                    date=parse_date(text(element, "meetingdate")),
                    time=text(element, "meetingtime"),
                    status=clean_title(text(element, "meetingstatus")),
                    committee_title=title,
                )
            )
    unique = {meeting.id: meeting for meeting in found}  # the root may be a committee too
    return list(unique.values())


def meeting_from_xml(root: Element, *, base_url: str, meeting_id: str, committee_id: str = "") -> RemoteMeetingDetail:
    meeting = root if root.tag.lower() == "meeting" else next(root.iter("meeting"), root)
    documents: dict[str, RemoteDocument] = {}
    items: list[RemoteAgendaItem] = []
    holder = _child(meeting, "agendaitems")
    for position, element in enumerate(holder if holder is not None else []):
        if element.tag.lower() != "agendaitem":
            continue
        item_id = text(element, "agendaitemid") or f"{meeting_id}-{position}"
        restricted_item = flag(element, "isrestricted")
        urls, links = [], []
        docs = _child(element, "linkeddocuments")
        for doc in docs if docs is not None else []:
            if doc.tag.lower() != "linkeddoc":
                continue
            attachment = text(doc, "attachmentid")
            title = clean_title(text(doc, "title")) or f"Document {attachment}"
            url = text(doc, "url") or (f"mgConvert2PDF.aspx?ID={attachment}" if attachment else "")
            if not url:
                continue
            url = absolute_url(base_url + "/", url)
            if flag(doc, "isurl"):  # a link to a web page, not a paper: keep it as text
                links.append(f"Link: {title} ({url})")
                continue
            key = url_key(url)
            known = documents.get(key)
            if known is None:
                documents[key] = RemoteDocument(
                    url=url,
                    title=title,
                    kind="report",
                    attachment_id=attachment,
                    restricted=flag(doc, "isrestricted") or restricted_item,
                    item_ids=(item_id,),
                    published=parse_date(text(doc, "publicationdate")),
                )
            elif item_id not in known.item_ids:
                documents[key] = _with_item(known, item_id)
            if documents[key].url not in urls:
                urls.append(documents[key].url)
        agenda_text = html_to_text(text(element, "agendatext"))
        if links:
            agenda_text = "\n\n".join(filter(None, [agenda_text, "\n".join(links)]))
        items.append(
            RemoteAgendaItem(
                id=item_id,
                number=text(element, "fulldisplaynumberformat") or text(element, "agendaitemnumber"),
                title=clean_title(text(element, "agendaitemtitle")),
                text=agenda_text,
                minutes=html_to_text(text(element, "minutesnonemptyhtmlbody")),
                is_decision=flag(element, "isdecision"),
                is_restricted=restricted_item,
                document_urls=tuple(urls),
                position=len(items),
            )
        )
    return RemoteMeetingDetail(
        id=text(meeting, "meetingid") or meeting_id,
        committee_id=text(meeting, "committeeid") or committee_id,
        date=parse_date(text(meeting, "meetingdate")),
        time=text(meeting, "meetingtime"),
        status=clean_title(text(meeting, "meetingstatus")),
        location=clean_title(text(meeting, "meetinglocation")),
        agenda_published=flag(meeting, "agendapublished"),
        minutes_published=flag(meeting, "minutepublished"),
        decisions_published=flag(meeting, "decisionpublished"),
        items=tuple(items),
        documents=tuple(documents.values()),
    )


def _with_item(document: RemoteDocument, item_id: str) -> RemoteDocument:
    return replace(document, item_ids=(*document.item_ids, item_id))
