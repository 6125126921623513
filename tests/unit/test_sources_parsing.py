"""The sources layer's pure parts: text from council HTML, dates, the PDF check, URLs,
Retry-After, and XML safety — no server needed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memberdesk.sources.errors import CouncilDataError
from memberdesk.sources.fetching import WEB_PAGE_NOT_PDF, parse_retry_after, pdf_problem
from memberdesk.sources.htmltext import clean_title, html_to_text, unescape_until_stable
from memberdesk.sources.htmltree import parse_html, text
from memberdesk.sources.moderngov_html import meeting_from_html, meetings_from_html, pack_kind
from memberdesk.sources.moderngov_xml import parse_date, parse_xml, uk_date
from memberdesk.sources.urls import absolute_url, normalise_base, url_key


@pytest.mark.parametrize(
    "raw, plain",
    [
        ("Audit &amp;amp; Governance", "Audit & Governance"),
        ("Former depot &amp;#39;North&amp;#39;", "Former depot 'North'"),
        ("  Cabinet \n ", "Cabinet"),
        ("<b>Planning</b> Committee", "Planning Committee"),
        ("", ""),
    ],
)
def test_titles_are_unescaped_until_stable(raw: str, plain: str) -> None:
    assert clean_title(raw) == plain


@given(st.text(max_size=40))
def test_unescaping_twice_changes_nothing_more(text: str) -> None:
    once = unescape_until_stable(text)
    assert unescape_until_stable(once) == once


def test_agenda_html_becomes_readable_plain_text() -> None:
    escaped = (
        "&lt;p&gt;To note the report.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;"
        "&lt;li&gt;Two&lt;/li&gt;&lt;/ul&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Ward"
        "&lt;/td&gt;&lt;td&gt;Mill&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"
        "&lt;script&gt;x()&lt;/script&gt;"
    )
    assert html_to_text(escaped) == "To note the report.\n\n- One\n- Two\n\nWard | Mill"
    assert html_to_text("<p>a<br>b</p>") == "a\nb"
    assert html_to_text("\n   \n") == ""


@pytest.mark.parametrize(
    "text, day",
    [
        ("15/01/2025", date(2025, 1, 15)),
        ("5/1/2025 00:00:00", date(2025, 1, 5)),
        ("2025-01-15", date(2025, 1, 15)),
        ("31/02/2025", None),
        ("", None),
    ],
)
def test_council_dates(text: str, day: date | None) -> None:
    assert parse_date(text) == day


def test_dates_sent_to_the_council_are_dd_mm_yyyy() -> None:
    assert uk_date(date(2025, 1, 5)) == "05/01/2025"


@pytest.mark.parametrize(
    "head, verdict",
    [
        (b"%PDF-1.7\n", None),
        (b"\r\n \t%PDF-1.4", None),
        (b"\xef\xbb\xbf%PDF-1.4", None),
        (b"<!DOCTYPE html><html>", (WEB_PAGE_NOT_PDF, True)),
        (b"\n\n<html><body>Log in", (WEB_PAGE_NOT_PDF, True)),
        (b"", ("the council sent an empty file, not a PDF", False)),
    ],
)
def test_what_counts_as_a_pdf(head: bytes, verdict: tuple[str, bool] | None) -> None:
    assert pdf_problem(head, "") == verdict


def test_a_word_file_is_named_as_not_a_pdf() -> None:
    problem = pdf_problem(b"PK\x03\x04rest", "application/octet-stream")
    assert problem is not None and problem[0].startswith("the council sent something that is not a PDF (it begins b'PK")


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon") is None


def test_base_addresses_and_links() -> None:
    assert normalise_base("democracy.example.gov.uk/") == "https://democracy.example.gov.uk"
    assert normalise_base("https://x.gov.uk/modern.gov//") == "https://x.gov.uk/modern.gov"
    with pytest.raises(ValueError):
        normalise_base("ftp://x.gov.uk")
    link = absolute_url("https://x.gov.uk/ieListDocuments.aspx?MId=1", "documents/g1/Agenda frontsheet.pdf?T=0")
    assert link == "https://x.gov.uk/documents/g1/Agenda%20frontsheet.pdf?T=0"
    assert absolute_url("https://x.gov.uk/", link) == link  # quoting is not repeated
    assert url_key("HTTPS://X.gov.uk/a?ID=1#top") == url_key("https://x.gov.uk/a?ID=1")


@pytest.mark.parametrize(
    "path, title, kind",
    [
        ("/documents/g1/Agenda frontsheet.pdf?T=0", "Agenda frontsheet", "frontsheet"),
        ("/documents/g1/Public reports pack.pdf?T=10", "Public reports pack", "pack"),
        ("/documents/g1/Printed minutes.pdf?T=1", "Printed minutes", "minutes"),
        ("/documents/g1/x.pdf?T=10", "", "pack"),
        ("/documents/b9/Supplementary agenda.pdf?T=9", "Supplementary agenda", "supplement"),
        ("/documents/s5/Report.pdf", "Report", None),
        ("/mgConvert2PDF.aspx?ID=5", "Report", None),
    ],
)
def test_meeting_level_pdfs_are_classified(path: str, title: str, kind: str | None) -> None:
    assert pack_kind("https://x.gov.uk" + path, title) == kind


def test_meeting_lists_in_both_date_styles() -> None:
    page = (
        "<ul><li><a href='ieListDocuments.aspx?CId=1&amp;MId=7&amp;Ver=4'>"
        "Wednesday, 15th January, 2025 10.00 am</a></li>"
        "<li><a href='ieListDocuments.aspx?CId=1&amp;MId=8&amp;Ver=4'>3 Feb 2025 2.00 pm"
        "</a> CANCELLED</li></ul><a href='/other'>Not a meeting</a>"
    )
    meetings = meetings_from_html(page, "1")
    assert [(m.id, m.date, m.time, m.status) for m in meetings] == [
        ("7", date(2025, 1, 15), "10.00 am", ""),
        ("8", date(2025, 2, 3), "2.00 pm", "Cancelled"),
    ]


def _agenda(first_item_text: str) -> str:
    """A ModernGov agenda page (ieListDocuments.aspx) with three items."""
    rows = "".join(
        f'<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">{n}.</p></td><td>'
        f'<p class="mgAiTitleTxt"><a href="mgAi.aspx?ID={200 + n}">Item {n}</a></p>'
        f'<div class="mgWordPara">{first_item_text if n == 1 else f"<p>Text {n}.</p>"}</div>'
        f'<ul class="mgBulletList"><li><a href="documents/s{500 + n}/Report {n}.pdf">'
        f"Report {n} PDF 300 KB</a></li></ul></td></tr>"
        for n in (1, 2, 3)
    )
    return (
        '<!DOCTYPE html><html><body><div id="modgov"><h2 class="mgSubTitleTxt">Cabinet - '
        "Wednesday, 15th January, 2025 10.00 am</h2>"
        f'<table class="mgItemTable">{rows}</table></div></body></html>'
    )


@pytest.mark.parametrize(
    "first_item_text",
    [
        "<p>Text 1.</p>",
        "<p>Text 1.</p></div>",  # a stray end tag inside a cell: browsers ignore it
        "<p>Text 1.</p></div></div>",
        "<p><b><i>Text 1.</p>",  # unclosed inline tags
        "<p>Text 1.<script>var s = '<a href=\"documents/s999/x.pdf\">x</a>';</script></p>",
        "<!-- <a href='documents/s998/y.pdf'>y</a> --><p>Text 1.</p>",
    ],
)
def test_broken_agenda_html_reads_as_a_browser_shows_it(first_item_text: str) -> None:
    detail = meeting_from_html(
        _agenda(first_item_text), meeting_id="1001", page_url="https://x.gov.uk/ieListDocuments.aspx"
    )
    assert [(i.number, i.title, i.text) for i in detail.items] == [
        ("1.", "Item 1", "Text 1."),
        ("2.", "Item 2", "Text 2."),
        ("3.", "Item 3", "Text 3."),
    ]
    assert [d.attachment_id for d in detail.documents] == ["501", "502", "503"]
    assert detail.date == date(2025, 1, 15) and detail.time == "10.00 am"


def test_agenda_without_end_tags_gives_the_same_items() -> None:
    clean = _agenda("<p>Text 1.</p>")
    bare = clean
    for tag in ("td", "tr", "li", "p"):
        bare = bare.replace(f"</{tag}>", "")
    kwargs = {"page_url": "https://x.gov.uk/ieListDocuments.aspx", "meeting_id": "1001"}
    assert meeting_from_html(bare, **kwargs) == meeting_from_html(clean, **kwargs)
    cut = clean[: clean.index("Item 3") + 3]  # a page cut off in the middle
    assert [i.title for i in meeting_from_html(cut, **kwargs).items] == ["Item 1", "Item 2", "Ite"]


def test_html_text_has_a_line_per_block_and_decodes_entities() -> None:
    root = parse_html(
        "<div><p>Fish &amp; Chips&nbsp;Ltd &#8217;s &copy 2025</p><ul><li>One<li>Two"
        "</ul><table><tr><td>Ward</td><td>Mill</td></tr></table>a<br>b"
        "<style>p {}</style><script>x()</script></div>"
    )
    assert text(root) == "Fish & Chips Ltd \u2019s \u00a9 2025\n- One\n- Two\nWard\nMill\na\nb"
    assert text(parse_html("")) == ""
    # In an attribute "&copy=" is not an entity (our old tree made it "\u00a9=").
    link = parse_html('<a href="ieListDocuments.aspx?a=1&copy=2&amp;MId=7">x</a>').css_first("a")
    assert link.attributes["href"] == "ieListDocuments.aspx?a=1&copy=2&MId=7"


def test_external_entities_are_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><committees>&e;</committees>'
    with pytest.raises(CouncilDataError) as caught:
        parse_xml(xml, council="Test Council", url="u")
    assert caught.value.kind == "unsafe_xml"


def test_soap_result_sent_as_an_escaped_string_is_opened() -> None:
    xml = (
        b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        b'<GetCommitteesResponse xmlns="http://moderngov.co.uk/namespaces"><GetCommitteesResult>'
        b"&lt;committees&gt;&lt;committee&gt;&lt;committeeid&gt;1&lt;/committeeid&gt;"
        b"&lt;/committee&gt;&lt;/committees&gt;</GetCommitteesResult></GetCommitteesResponse>"
        b"</soap:Body></soap:Envelope>"
    )
    root = parse_xml(xml, council="Test Council", url="u")
    assert root.tag == "committees" and root.find("committee/committeeid").text == "1"
