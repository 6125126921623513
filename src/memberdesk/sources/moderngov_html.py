"""ModernGov HTML pages -> records: the fallback when the web service is switched off, and
the only place meeting-level packs (front sheet, reports pack, printed minutes,
supplements) are listed.

Pages read (see ../shared/moderngov.md): mgListCommittees.aspx?bcr=1,
ieListMeetings.aspx?CId=..&Year=.., ieListDocuments.aspx?CId=..&MId=..&Ver=4.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

from memberdesk.sources.htmltext import clean_title
from memberdesk.sources.htmltree import Node, attr, classes, parse_html, text
from memberdesk.sources.records import (
    RemoteAgendaItem,
    RemoteCommittee,
    RemoteDocument,
    RemoteMeeting,
    RemoteMeetingDetail,
)
from memberdesk.sources.urls import absolute_url, url_key

_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
# "Wednesday, 15th January, 2025 10.00 am" and "15 Jan 2025 10.00 am"
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?)", re.IGNORECASE)
# The size ModernGov appends to a link's text: "Budget report PDF 300 KB".
_SIZE = re.compile(r"\s*\b(PDF|Word|Excel|HTML)\b\s*[\d.,]+\s*[KMG]?B\s*$", re.IGNORECASE)
_PACK_PATH = re.compile(r"/documents/([gbs])(\d+)/", re.IGNORECASE)
_STATUS_WORDS = ("cancelled", "postponed", "moved", "rescheduled")


def _date(text: str) -> date | None:
    for day, month, year in _DATE.findall(text):
        number = _MONTHS.get(month[:3].lower())
        if number:
            try:
                return date(int(year), number, int(day))
            except ValueError:
                continue
    return None


def _time(text: str) -> str:
    found = _TIME.search(text)
    return " ".join(found.group(1).split()) if found else ""


def _status(text: str) -> str:
    lowered = text.lower()
    for word in _STATUS_WORDS:
        if word in lowered:
            return word.capitalize()
    return ""


def _query(url: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def _link_title(node: Node) -> str:
    return clean_title(_SIZE.sub("", text(node).replace("\n", " ")))


# -- mgListCommittees.aspx ------------------------------------------------------------


def committees_from_html(markup: str) -> list[RemoteCommittee]:
    """Committees linked from the list page; the category is the heading above them."""
    root = parse_html(markup)
    found: dict[str, RemoteCommittee] = {}
    category = ""
    for node in root.css("h2, h3, a"):  # in page order
        if node.tag in ("h2", "h3"):
            category = clean_title(text(node))
            continue
        href = attr(node, "href")
        query = _query(href)
        page = urlsplit(href).path.lower()
        if page.endswith("mgcommitteedetails.aspx"):
            committee_id = query.get("id", "")
        elif page.endswith("ielistmeetings.aspx"):
            committee_id = query.get("cid", "")
        else:
            continue
        title = _link_title(node)
        if committee_id.isdigit() and title and committee_id not in found:
            found[committee_id] = RemoteCommittee(id=committee_id, title=title, category=category)
    return list(found.values())


# -- ieListMeetings.aspx --------------------------------------------------------------


def meetings_from_html(markup: str, committee_id: str) -> list[RemoteMeeting]:
    """Meetings linked from a committee's meetings page, with the status written next to
    each link ("Cancelled", "Postponed")."""
    root = parse_html(markup)
    title = ""
    heading = root.css_first("h1") or root.css_first("h2")
    if heading is not None:
        title = clean_title(text(heading).replace("\n", " "))
        title = re.sub(r"^\s*browse meetings\s*-\s*", "", title, flags=re.IGNORECASE)
    found: dict[str, RemoteMeeting] = {}
    # The li/tr around a link carries the status ("Cancelled"); the link text the date.
    # Links outside any list or table are read on their own, last.
    for holder in [*root.css("li, tr"), root]:
        for link in holder.css("a"):
            href = attr(link, "href")
            if not urlsplit(href).path.lower().endswith("ielistdocuments.aspx"):
                continue
            meeting_id = _query(href).get("mid", "")
            if not meeting_id.isdigit() or meeting_id in found:
                continue
            link_text = text(link)
            context = text(holder) if holder is not root else link_text
            found[meeting_id] = RemoteMeeting(
                id=meeting_id,
                committee_id=_query(href).get("cid", "") or committee_id,
                date=_date(link_text) or _date(context),
                time=_time(link_text) or _time(context),
                status=_status(context),
                committee_title=title,
            )
    return list(found.values())


# -- ieListDocuments.aspx -------------------------------------------------------------


def pack_kind(url: str, title: str) -> str | None:
    """ "frontsheet", "pack", "minutes", "supplement" for meeting-level PDFs; None otherwise."""
    found = _PACK_PATH.search(urlsplit(url).path)
    if found is None:
        return None
    letter = found.group(1).lower()
    if letter == "s":
        return None  # a single report: it belongs to an agenda item
    if letter == "b":
        return "supplement"
    lowered = (title or unquote(urlsplit(url).path)).lower()
    if "frontsheet" in lowered or "front sheet" in lowered:
        return "frontsheet"
    if "minutes" in lowered or "decisions" in lowered:
        return "minutes"
    if "supplement" in lowered:
        return "supplement"
    if "pack" in lowered:
        return "pack"
    # The ?T= number ModernGov puts on these links, when the title says nothing.
    return {"0": "frontsheet", "10": "pack", "1": "minutes", "9": "supplement"}.get(_query(url).get("t", ""), "pack")


def packs_from_html(markup: str, page_url: str) -> list[RemoteDocument]:
    """Meeting-level PDFs (documents/g<MId>/..., documents/b<id>/...) linked from the page."""
    return _packs(parse_html(markup), page_url)


def _packs(root: Node, page_url: str) -> list[RemoteDocument]:
    found: dict[str, RemoteDocument] = {}
    for link in root.css("a"):
        href = attr(link, "href")
        if not href or "/documents/" not in "/" + href.lower().lstrip("/"):
            continue
        url = absolute_url(page_url, href)
        title = _link_title(link) or unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        kind = pack_kind(url, title)
        if kind is not None and url_key(url) not in found:
            found[url_key(url)] = RemoteDocument(url=url, title=title, kind=kind)
    return list(found.values())


def meeting_from_html(markup: str, *, page_url: str, meeting_id: str, committee_id: str = "") -> RemoteMeetingDetail:
    """A meeting's agenda page: items from table.mgItemTable, their documents, the packs."""
    root = parse_html(markup)
    documents: dict[str, RemoteDocument] = {}
    items: list[RemoteAgendaItem] = []
    minutes_seen = False
    for table in root.css("table.mgItemTable"):
        for row in table.css("tr"):
            number_cell = row.css_first("td.mgItemNumberCell")
            if number_cell is None:
                continue
            cells = [c for c in row.iter() if c.tag == "td"]
            # mem_id: selectolax's == compares the nodes' HTML, not which node they are.
            body = next((c for c in cells if c.mem_id != number_cell.mem_id), None)
            if body is None:
                continue
            item = _item(body, number_cell, page_url, meeting_id, len(items), documents)
            minutes_seen = minutes_seen or bool(item.minutes)
            items.append(item)
    packs = _packs(root, page_url)
    for pack in packs:
        documents.setdefault(url_key(pack.url), pack)
    page_text = text(root)
    # :is() so an h2 that is also .mgSubTitleTxt comes once (a plain "a, b" list repeats it).
    heading = " ".join(text(n) for n in root.css(":is(h1, h2, [class*=mgSubTitle])"))
    venue = ""
    for paragraph in root.css("p"):
        line = text(paragraph).replace("\n", " ")
        if line.lower().startswith("venue:"):
            venue = line.split(":", 1)[1].strip()
            break
    return RemoteMeetingDetail(
        id=meeting_id,
        committee_id=committee_id,
        date=_date(heading) or _date(page_text),
        time=_time(heading) or _time(page_text),
        status=_status(heading) or ("Cancelled" if "meeting has been cancelled" in page_text.lower() else ""),
        location=venue,
        agenda_published=bool(items) or any(p.kind != "minutes" for p in packs),
        minutes_published=minutes_seen or any(p.kind == "minutes" for p in packs),
        items=tuple(items),
        documents=tuple(documents.values()),
    )


def _item(
    body: Node, number_cell: Node, page_url: str, meeting_id: str, position: int, documents: dict[str, RemoteDocument]
) -> RemoteAgendaItem:
    title_node = body.css_first("p.mgAiTitleTxt")
    title = clean_title(text(title_node).replace("\n", " ")) if title_node else ""
    item_id = ""
    if title_node is not None:
        for link in title_node.css("a"):
            if urlsplit(attr(link, "href")).path.lower().endswith("mgai.aspx"):
                item_id = _query(attr(link, "href")).get("id", "")
    item_id = item_id or f"{meeting_id}-{position}"
    # Walk the cell: a sub-heading ("Minutes:", "Decision:", "Supporting documents:")
    # names the div.mgWordPara that follows it; the first untitled one is the agenda text.
    sections: dict[str, list[str]] = {"text": [], "minutes": [], "decision": []}
    current = "text"
    for child in body.iter():
        if not child.is_element_node:
            continue
        if child.tag == "p" and "mgSubItemTitleTxt" in classes(child):
            label = text(child).lower()
            current = "minutes" if "minute" in label else "decision" if "decision" in label else "documents"
        elif "mgWordPara" in classes(child) and current in sections:
            sections[current].append(text(child))
    urls: list[str] = []
    for link in body.css("a"):
        href = attr(link, "href")
        found = _PACK_PATH.search("/" + href.lstrip("/"))
        if found is None or found.group(1).lower() != "s":
            continue
        url = absolute_url(page_url, href)
        key = url_key(url)
        if key in documents:
            if item_id not in documents[key].item_ids:
                documents[key] = replace(documents[key], item_ids=(*documents[key].item_ids, item_id))
        else:
            label = attr(link, "title") + " " + text(link)
            documents[key] = RemoteDocument(
                url=url,
                title=_link_title(link),
                kind="report",
                attachment_id=found.group(2),
                item_ids=(item_id,),
                restricted="restricted" in label.lower(),
            )
        if documents[key].url not in urls:
            urls.append(documents[key].url)
    minutes = "\n\n".join(sections["minutes"] + sections["decision"])
    return RemoteAgendaItem(
        id=item_id,
        number=clean_title(text(number_cell).replace("\n", " ")),
        title=title,
        text="\n\n".join(sections["text"]),
        minutes=minutes,
        is_decision=bool(sections["decision"]),
        is_restricted="restricted" in title.lower(),
        document_urls=tuple(urls),
        position=position,
    )
