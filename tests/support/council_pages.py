"""The fixture council rendered the way ModernGov renders it: web service XML, SOAP
envelopes, and the HTML pages (committee list, meetings list, a meeting's agenda)."""

from __future__ import annotations

from datetime import date
from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape

from council_data import Council, Meeting

SOAP_NS = "http://moderngov.co.uk/namespaces"
NOT_VALID = b"System.InvalidOperationException: Web Service method name is not valid."

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<committees><committee><committeeid>1</committeeid><committeetitle>&lol9;</committeetitle></committee></committees>"""

MALFORMED = (
    b'<?xml version="1.0"?>\n<getmeetings><committee><committeeid>101</committeeid>'
    b"<committeemeetings><meeting><meetingid>1001</meeting"
)

FIREWALL_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>"
    b"<h1>Checking your browser before accessing the site.</h1>"
    b"<p>Please enable JavaScript and cookies to continue.</p></body></html>"
)


def not_found_page(path: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>Page not found</title></head><body>"
        f"<h1>Sorry, we could not find {html_escape(path)}</h1></body></html>"
    ).encode()


def _uk(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _b(value: bool) -> str:
    return "True" if value else "False"


def _x(value: str) -> str:
    return xml_escape(value)


def _el(name: str, value: str) -> str:
    # ModernGov leaves "empty" elements full of whitespace and newlines.
    return f"<{name}>{_x(value) if value.strip() else chr(10) + '    '}</{name}>"


# -- web service XML ------------------------------------------------------------------


def committees_xml(council: Council) -> str:
    rows = "".join(
        f"<committee><committeeid>{c.id}</committeeid>{_el('committeetitle', c.title)}"
        f"<committeedeleted>{_b(c.deleted)}</committeedeleted>"
        f"<committeeexpired>{_b(c.expired)}</committeeexpired>"
        f"{_el('committeecategory', c.category)}</committee>"
        for c in council.committees
    )
    return f"<committees><committeescount> {len(council.committees)}</committeescount>{rows}</committees>"


def meetings_xml(council: Council, committee_id: int, meetings: list[Meeting]) -> str:
    committee = council.committee(committee_id)
    title = committee.title if committee else ""
    rows = "".join(
        f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{_uk(m.date)}</meetingdate>"
        f"{_el('meetingstatus', m.status)}<meetingtime>{m.time}</meetingtime>"
        f"<iswebcast>False</iswebcast></meeting>"
        for m in meetings
    )
    return (
        f"<getmeetings><committee><committeeid>{committee_id}</committeeid>"
        f"{_el('committeetitle', title)}<meetingscount> {len(meetings)}</meetingscount>"
        f"<committeemeetings>{rows}</committeemeetings></committee></getmeetings>"
    )


def meeting_xml(council: Council, meeting: Meeting, base_url: str) -> str:
    items = []
    for item in meeting.items:
        docs = []
        for doc_id in item.doc_ids:
            doc = council.docs[doc_id]
            docs.append(
                f"<linkeddoc><attachmentid>{doc.id}</attachmentid>{_el('title', doc.title)}"
                f"<isurl>False</isurl><url>{_x(base_url)}/mgConvert2PDF.aspx?ID={doc.id}</url>"
                f"<isrestricted>{_b(doc.restricted)}</isrestricted>"
                f"{_el('restrictionsRef', 'Paragraph 3' if doc.restricted else '')}"
                f"{_el('publicationdate', _uk(doc.published) if doc.published else '')}"
                f"<ownertitle>Director of Resources</ownertitle></linkeddoc>"
            )
        items.append(
            f"<agendaitem><agendaitemid>{item.id}</agendaitemid>"
            f"{_el('agendaitemtitle', item.title)}{_el('agendatext', item.text_html)}"
            f"<agendaitemnumber>{item.number.rstrip('.')}</agendaitemnumber>"
            f"<fulldisplaynumberformat>{item.number}</fulldisplaynumberformat>"
            f"{_el('minutesnonemptyhtmlbody', item.minutes_html)}"
            f"<isrestricted>{_b(item.restricted)}</isrestricted>"
            f"<isdecision>{_b(item.is_decision)}</isdecision>"
            f"<isminutepublished>{_b(bool(item.minutes_html))}</isminutepublished>"
            f"<linkeddocuments>{''.join(docs)}</linkeddocuments></agendaitem>"
        )
    return (
        f"<meeting><meetingid>{meeting.id}</meetingid>"
        f"<meetingdate>{_uk(meeting.date)}</meetingdate><meetingtime>{meeting.time}</meetingtime>"
        f"{_el('meetingstatus', meeting.status)}{_el('meetinglocation', meeting.location)}"
        f"<agendapublished>{_b(meeting.agenda_published)}</agendapublished>"
        f"<minutepublished>{_b(meeting.minutes_published)}</minutepublished>"
        f"<decisionpublished>False</decisionpublished>"
        f"<agendaitems>{''.join(items)}</agendaitems>"
        f'<attendees><attendee name="Councillor A. Smith" roledescription="Chair" '
        f'attendance="Expected" politicalparty="Independent" ward="Mill"/></attendees>'
        f"</meeting>"
    )


def xml_document(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")


def soap_document(method: str, body: str) -> bytes:
    return xml_document(
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>'
        f'<{method}Response xmlns="{SOAP_NS}"><{method}Result>{body}</{method}Result>'
        f"</{method}Response></soap:Body></soap:Envelope>"
    )


def soap_fault(message: str) -> bytes:
    return xml_document(
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        f"<soap:Fault><faultcode>soap:Client</faultcode><faultstring>{_x(message)}"
        "</faultstring></soap:Fault></soap:Body></soap:Envelope>"
    )


# -- HTML pages -----------------------------------------------------------------------


def _page(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html_escape(title)}'
        f'</title></head><body><div id="modgov">{body}</div></body></html>'
    ).encode()


def committees_html(council: Council) -> bytes:
    sections: dict[str, list[str]] = {}
    for c in council.committees:
        if c.deleted:
            continue  # the public page hides deleted committees
        sections.setdefault(c.category, []).append(
            f'<li><a href="mgCommitteeDetails.aspx?ID={c.id}">{html_escape(c.title)}</a></li>'
        )
    body = "".join(f'<h2>{html_escape(k)}</h2><ul class="mgBulletList">{"".join(v)}</ul>' for k, v in sections.items())
    return _page("Committee structure", f"<h1>Committee structure</h1>{body}")


def _short_date(day: date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def _long_date(day: date) -> str:
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.strftime('%A')}, {day.day}{suffix} {day.strftime('%B')}, {day.year}"


def meetings_html(council: Council, committee_id: int, year: int) -> bytes:
    committee = council.committee(committee_id)
    title = committee.title if committee else "Unknown committee"
    rows = []
    for m in council.meetings_of(committee_id):
        if year and m.date.year != year:
            continue
        status = f" {html_escape(m.status.upper())}" if m.status != "Confirmed" else ""
        rows.append(
            f'<li><a href="ieListDocuments.aspx?CId={committee_id}&amp;MId={m.id}'
            f'&amp;Ver=4">{_short_date(m.date)} {m.time}</a>{status}</li>'
        )
    return _page(
        f"Browse meetings - {title}",
        f'<h1>Browse meetings - {html_escape(title)}</h1><ul class="mgCalendarList">{"".join(rows)}</ul>',
    )


def meeting_html(council: Council, meeting: Meeting) -> bytes:
    committee = council.committee(meeting.committee_id)
    title = committee.title if committee else ""
    parts = [
        f'<h1 class="mgMainTitleTxt">Agenda and minutes</h1>'
        f'<h2 class="mgSubTitleTxt">{html_escape(title)} - {_long_date(meeting.date)} '
        f"{meeting.time}</h2>"
    ]
    if "cancel" in meeting.status.lower():
        parts.append("<p>This meeting has been cancelled.</p>")
    if meeting.location.strip():
        parts.append(f'<p><span class="mgLabel">Venue: </span>{html_escape(meeting.location)}</p>')
    if meeting.packs:
        links = "".join(
            f'<li><a href="{html_escape(p.path)}?T={p.t}">{html_escape(p.title)} PDF 120 KB</a></li>'
            for p in meeting.packs
        )
        parts.append(f'<ul class="mgActionList">{links}</ul>')
    rows = []
    for item in meeting.items:
        cell = [f'<p class="mgAiTitleTxt"><a href="mgAi.aspx?ID={item.id}">{html_escape(item.title)}</a></p>']
        if item.text_html:
            cell.append(f'<div class="mgWordPara">{item.text_html}</div>')
        if item.minutes_html:
            label = "Decision:" if item.is_decision else "Minutes:"
            cell.append(f'<p class="mgSubItemTitleTxt">{label}</p><div class="mgWordPara">{item.minutes_html}</div>')
        if item.doc_ids:
            links = []
            for doc_id in item.doc_ids:
                doc = council.docs[doc_id]
                note = "Restricted enclosure " if doc.restricted else ""
                links.append(
                    f'<li>{note}<a href="{html_escape(doc.path)}" title="'
                    f'{note}Link to document {html_escape(doc.title)}">'
                    f"{html_escape(doc.title)} PDF 300 KB</a></li>"
                )
            cell.append(
                f'<p class="mgSubItemTitleTxt">Supporting documents:</p><ul class="mgBulletList">{"".join(links)}</ul>'
            )
        rows.append(
            f'<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">'
            f"{item.number}</p></td><td>{''.join(cell)}</td></tr>"
        )
    if rows:
        parts.append(f'<table class="mgItemTable">{"".join(rows)}</table>')
    elif not meeting.agenda_published:
        parts.append("<p>The agenda for this meeting has not been published yet.</p>")
    return _page(f"Agenda for {title} on {_short_date(meeting.date)}", "".join(parts))
