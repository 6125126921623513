"""headings.py on words placed by hand and on generated papers: which blocks are headings (size,
weight, capitals, underlines, a colon, an enumerated label) and which only look like one."""

from __future__ import annotations

from pathlib import Path

import pytest

import paper_factory
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.layout import layout_page
from memberdesk.papers.shapes import HEADING, Word
from word_factory import CHAR, line, lines, page


def test_headings_by_size_and_weight_with_levels() -> None:
    words = line("Annual Report", 60, 60, size=20, bold=True)
    words += line("1. Introduction", 60, 100, size=14, bold=True)
    words += lines(
        [("The council's annual report sets out what was done in the year and", 60), ("what comes next.", 60)], 125
    )
    words += line("Key points", 60, 170, bold=True)
    words += lines([("Most targets were met, and the budget was balanced at the year end.", 60)], 190)
    blocks = layout_page(page(words))
    assert [(b.kind, b.level) for b in blocks] == [
        (HEADING, 1),
        (HEADING, 2),
        ("paragraph", None),
        (HEADING, 3),
        ("paragraph", None),
    ]


def test_a_minutes_long_numbered_title_is_a_heading_and_a_recommendation_is_not() -> None:
    # Every set of minutes: "294. Minutes of the meeting held on ..." in bold over two lines,
    # 21 words, was a paragraph the heading keys went past; "1. To NOTE ..." in bold is a
    # report's recommendation, no heading.
    words = lines([("The Chairman opened the meeting and welcomed the members of the public present.", 60)], 60)
    words += lines(
        [
            ("294. Minutes of the meeting held on 13 February 2025 and, if in order, to be", 60),
            ("approved as a correct record", 60),
        ],
        100,
        bold=True,
    )
    words += lines([("RESOLVED that the minutes be approved as a correct record of the meeting.", 60)], 140)
    words += lines(
        [
            ("1. To NOTE with thanks the contribution and efforts of the Members of the Governance", 60),
            ("Working Party", 60),
        ],
        180,
        bold=True,
    )
    words += lines([("The working party met six times in the year and reported to the committee.", 60)], 220)
    blocks = layout_page(page(words))
    assert [b.kind for b in blocks] == ["paragraph", HEADING, "paragraph", "paragraph", "paragraph"]
    # Two meetings' minutes named in one title run to 25 words, and it heads its item too.
    words = lines(
        [
            ("288. Minutes of the meetings held on 19 December 2024 and 9 January 2025", 60),
            ("and, if in order, to be approved as a correct record", 60),
        ],
        100,
        bold=True,
    )
    resolved = "RESOLVED that the minutes of both meetings be approved as a correct record and signed."
    words += lines([(resolved, 60)] * 3, 140)
    assert [b.kind for b in layout_page(page(words))] == [HEADING, "paragraph"]


def test_a_bold_label_before_a_plain_value_is_a_forms_line_not_a_heading() -> None:
    # A Kent report's cover sheet: "Classification:" in bold, "Unrestricted" plain, six such
    # lines were the first six headings of every report.
    words = line("Classification:", 60, 60, bold=True) + line("Unrestricted", 150, 60)
    words += line("Electoral Division:", 60, 90, bold=True) + line("Sheppey", 170, 90)
    words += line("Summary", 60, 120, size=14, bold=True)
    words += lines([("The report asks the Cabinet Member to take the decision set out below.", 60)], 150)
    assert [b.kind for b in layout_page(page(words))] == ["paragraph", "paragraph", HEADING, "paragraph"]
    # The other way about: the label plain, its value bold ("Past Pathway of report:" before
    # a committee and its date, the first heading of the report's contents).
    prose = [("The report asks the Cabinet Member to take the decision set out below.", 60)] * 4
    words = line("Past Pathway of report:", 60, 60) + line(
        "CYPE Cabinet Committee - 21 November 2024", 180, 60, bold=True
    )
    words += line("Introduction", 60, 90, bold=True) + lines(prose, 110)
    assert [b.kind for b in layout_page(page(words))] == ["paragraph", HEADING, "paragraph"]


def test_a_forms_long_question_in_bold_is_a_heading() -> None:
    words = line(
        "Do you have evidence that can help you understand the potential impact of your activity?", 60, 60, bold=True
    )
    answer = [
        "Yes, the consultation report and the usage data of both centres, set out in",
        "section B of this assessment, with the figures for each of the protected",
        "characteristics and the comments the consultation received about each of them.",
    ]
    words += lines([(text, 60) for text in answer], 90)
    assert [b.kind for b in layout_page(page(words))] == [HEADING, "paragraph"]


def test_a_tables_caption_in_bold_is_no_heading() -> None:
    # A budget report's "Table 6.1 - Proposed Council Tax Increases by Band" was a heading
    # in some places and not others, level with the sections in the contents.
    words = line("Table 6.1 - Proposed Council Tax Increases by Band", 60, 60, bold=True)
    words += line("Council Tax", 60, 90, size=14, bold=True)
    words += lines([("The council tax for each band rises by 4.99 per cent in the year ahead.", 60)], 120)
    assert [b.kind for b in layout_page(page(words))] == ["paragraph", HEADING, "paragraph"]


def test_a_row_of_figures_set_apart_is_no_heading_but_a_date_is_no_figure() -> None:
    # A register's totals in bold over its table, and a budget's total row in a box of its own,
    # were headings (and one the paper's title); a bold date still is one.
    words = line("TOTAL £m 334.7 290.0", 60, 60, bold=True)
    words += line("Thursday 13 March 2025", 60, 90, bold=True)
    words += lines([("The register lists the risks to the budget and how each is managed.", 60)], 120)
    blocks = layout_page(page(words))
    assert [b.kind for b in blocks] == ["paragraph", HEADING, "paragraph"]


def test_a_heading_in_capitals_over_two_lines_is_a_heading() -> None:
    # A consultation report's section heading at body size, letter-spaced capitals, 13 words
    # wrapped onto two lines: once a paragraph, so the heading keys went past every finding.
    words = lines([("The consultation ran for eight weeks and drew three hundred responses.", 60)], 60)
    words += lines(
        [("PERCEIVED IMPACT OF ACCESSING FAMILY HUB SERVICES AT THE SHEPPEY", 60), ("GATEWAY ON FAMILY", 60)], 110
    )
    words += lines([("Consultees were asked to detail the impact in their own words, and did.", 60)], 160)
    blocks = layout_page(page(words))
    assert [(b.kind, b.text) for b in blocks][1] == (
        HEADING,
        "PERCEIVED IMPACT OF ACCESSING FAMILY HUB SERVICES AT THE SHEPPEY GATEWAY ON FAMILY",
    )


def test_a_line_drawn_over_its_own_underline_is_a_heading(tmp_path: Path) -> None:
    # A Word appendix marks its headings by an underline alone: once none of its 8 headings
    # was found. A sentence underlined for stress, and a line over a rule across the page, are not.
    [page] = extract_pages(paper_factory.underlined_headings(tmp_path / "under.pdf"))
    assert [(b.kind, b.text[:30]) for b in page.blocks] == [
        (HEADING, "Economic Outlook - Growth"),
        ("paragraph", "The economy grew by 0.9 per ce"),
        ("paragraph", "The council must set a balance"),
        ("paragraph", "Fiscal Outlook - Public Sector"),
        ("paragraph", "Receipts rose in line with ear"),
        ("paragraph", "ADASS Roadmap"),
        ("paragraph", "Mental Capacity Act 2005: DoLS"),
    ]
    # Lines underlined one after another are links (a report's background documents).
    assert [b.underlined for b in page.blocks] == [True, False, True, False, False, False, False]


@pytest.mark.parametrize("filler", ["This page is intentionally left blank", "This page has been left blank."])
def test_a_blank_pages_filler_is_what_the_page_says_not_a_heading(filler: str) -> None:
    # ModernGov's filler, bold and larger than the pack's body: once a heading for each blank
    # page in the contents of every pack.
    words = line(filler, 200, 100, size=14, bold=True)
    words += lines([("The agenda items follow on the next page of the pack, as published.", 60)], 400)
    blocks = layout_page(page(words))
    assert [(b.kind, b.text) for b in blocks][0] == ("paragraph", filler)


def test_bold_headings_that_end_in_a_colon_or_name_an_enumerated_reason() -> None:
    # A call-in's headings: "Reasons for calling in the decision:", then "Reason one: The
    # decision is not in line with ...". None was a heading, so its contents were empty. A bold
    # line leading into a list ("The Committee is asked to:") is still none.
    body = "The decision was taken without the consultation the framework requires of it, so it is called in."
    rows = [
        ("Reasons for calling in the decision:", True),
        (body, False),
        ("Reason one: The decision is not in line with the Council's Policy Framework.", True),
        (body, False),
        ("The Committee is asked to:", True),
        (body, False),
        ("Motion for Time Limited Debate \u2013 Addressing the Environmental and Social Harm of Vapes", True),
        (body, False),
        ("DECISION TO BE TAKEN BY:", True),  # a record of decision's label: "be" is no lead-in's verb
        (body, False),
    ]
    words: list[Word] = []
    for k, (text, bold) in enumerate(rows):
        words += line(text, 60, 100 + 30 * k, bold=bold)
    kinds = [(b.kind, b.text[:20]) for b in layout_page(page(words))]
    assert [k for k, _t in kinds] == [
        HEADING,
        "paragraph",
        HEADING,
        "paragraph",
        "paragraph",
        "paragraph",
        HEADING,
        "paragraph",
        HEADING,
        "paragraph",
    ]


def test_a_title_underlined_over_two_lines_and_a_number_left_unmarked_are_headings(tmp_path: Path) -> None:
    # A call-in's only title, centred and underlined over two lines, was no heading (so the
    # paper was titled by its file's name); "1.15  Visit Kent", its number not underlined,
    # was no section. The note underlined under the title is neither a heading nor a link.
    import underline_factory as uf

    layout = finish_document(extract_pages(uf.underlined_titles(tmp_path / "callin.pdf")))
    kinds = [(b.kind, b.text) for b in layout.pages[0].blocks]
    assert kinds[0] == (HEADING, " ".join(uf.TITLE))
    assert kinds[1] == ("paragraph", uf.NOTE)
    assert (HEADING, "1.15 Visit Kent") in kinds


def test_a_links_underline_marks_no_heading(tmp_path: Path) -> None:
    # A report's appendices each name a document by a link, blue and underlined: the links
    # were top-level headings, level with "12. Contact details".
    import underline_factory as uf

    layout = finish_document(extract_pages(uf.linked_titles(tmp_path / "links.pdf")))
    kinds = {b.text: b.kind for b in layout.pages[0].blocks}
    assert kinds[uf.LINKED] == "paragraph"
    assert kinds["Background Documents"] == HEADING


def test_a_recommendations_lead_in_ending_in_a_colon_is_no_heading() -> None:
    # "Cabinet is asked to note:" set bold opens the recommendations of most reports: it leads
    # into a list, it heads no section. A noun phrase with a colon does head one.
    body = "The report sets out the changes proposed to the budget and the reasons for each of them."
    for lead in (
        "Cabinet is asked to note:",
        "It is recommended that the Cabinet:",
        "The key risks are set out below:",
        "The options open to the Council would be:",
    ):
        words = line(lead, 60, 100, bold=True) + line(body, 60, 130)
        assert layout_page(page(words))[0].kind == "paragraph", lead
    words = line("Desired outcome of this call-in:", 60, 100, bold=True) + line(body, 60, 130)
    assert layout_page(page(words))[0].kind == HEADING


def test_in_a_dark_theme_light_type_marks_no_heading() -> None:
    # A slide deck in white on navy: every short line was a heading, as light as the rest.
    from dataclasses import replace

    rows = ["Funding gap of 12.4m in 2025-26", "Next steps for the council", "Savings of 3m are planned this year"]
    words = [replace(w, light=True) for k, text in enumerate(rows) for w in line(text, 60, 100 + 30 * k)]
    assert all(b.kind == "paragraph" for b in layout_page(page(words)))


def test_a_packs_prose_is_judged_by_its_own_type_beside_appendices_in_small_type() -> None:
    # A budget amendments pack: the covering report in 11 points, then forty pages of Excel
    # appendices in 7. Judged against the pack's body (7 points), every 11-point bullet of the
    # report was big type, and a heading.
    from dataclasses import replace

    from memberdesk.papers.headings import rejudge
    from word_factory import block

    sentence = "The Group proposes to reinvest the savings in prevention and in services run by the Council. "
    report = [block(sentence * 2, 100 + 40 * k, size=11) for k in range(8)]
    report.insert(4, block("\u2022 Reduce spend on consultants.", 60, size=11))
    report.insert(0, replace(block("Alternative Budget", 40, size=16), bold=True))
    sheet = [replace(block("1 | Service line | 1,234.5 | 2,345.6 " * 60, 100, size=7), table=True)]
    judged, body = rejudge([report, *([sheet] * 5)])
    kinds = {b.text[:20]: b.kind for b in judged[0]}
    assert body == 7.0
    assert kinds["\u2022 Reduce spend on co"] == "paragraph" and kinds["Alternative Budget"] == HEADING
    # An agenda's page of bold items a little larger than the body: its headings, not its body.
    items = [
        replace(block(f"{n}. Matters arising from the minutes of the last meeting", 60 + 30 * n, size=12), bold=True)
        for n in range(24)
    ]
    judged, _body = rejudge([[block(sentence * 2, 100 + 40 * k, size=11) for k in range(20)], items])
    assert all(b.kind == HEADING for b in judged[1])


def test_a_bold_title_over_two_lines_is_a_heading_and_a_contacts_address_is_not() -> None:
    # A questions paper: "Question by ... to ..., Cabinet Member for ..." in bold over two lines,
    # 16 words, was text, so moving by heading skipped it; a report's closing contact, its
    # e-mail in bold, was a heading.
    body = "The Cabinet Member thanked the member for the question, and answered."
    title = ["Question by Mike Whiting to Dan Watkins,", "Cabinet Member for Adult Social Care and Public Health"]
    middle = 60 + len(body) * CHAR * 5
    words = lines([(t, middle - len(t) * CHAR * 5) for t in title], 100, bold=True)  # centred over the text
    words += lines([(body, 60)] * 4, 140)
    words += lines([("E: jane.smith@kent.gov.uk", 60)], 220, bold=True)
    words += lines([(body, 60)] * 2, 240)
    words += lines([("Total Investments £502,611,544", 60)], 290, bold=True)  # a total boxed under a table
    words += lines([(body, 60)] * 2, 310)
    kinds = [b.kind for b in layout_page(page(words))]
    assert kinds == [HEADING, "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_a_letters_signature_is_no_heading() -> None:
    # A letter signed in bold under "Yours sincerely": the signatories' names and offices
    # were the letter's only headings besides its subject.
    body = "We look forward to working with you on the programme over the coming months and years."
    words = lines([(body, 60)] * 4, 100)
    words += lines([("Yours sincerely,", 60)], 160)
    words += lines([("Roger Gough", 60), ("Leader, Kent County Council", 60)], 200, bold=True)
    assert [b.kind for b in layout_page(page(words))] == ["paragraph"] * 4


def test_a_covers_title_in_display_type_over_many_lines_is_a_heading() -> None:
    # A sustainability appraisal's cover: its title at 50 points over seven lines (here 30 over four), under it a
    # subtitle in bold. The title was a paragraph (past three lines), and the paper was titled
    # by the subtitle, "Report for Kent County Council to support the adoption of the Plan".
    title = ["Sustainability Appraisal Report", "Non-Technical Summary of the", "Kent Minerals and Waste Local"]
    title += ["Plan for the years 2024-2039"]
    words = lines([(text, 60) for text in title], 60, size=30, leading=1.1)
    words += line("Report for Kent County Council to support the adoption of the Plan", 60, 440, size=18, bold=True)
    words += lines([("The report sets out the likely effects of the plan on the county and its people.", 60)] * 4, 490)
    blocks = layout_page(page(words))
    assert blocks[0].kind == HEADING and blocks[0].text == " ".join(title)
    assert blocks[0].level is not None and blocks[1].level is not None and blocks[0].level < blocks[1].level


def test_a_bold_numbered_title_ending_in_a_full_stop_heads_the_paragraphs_numbered_under_it() -> None:
    # "7. How does the proposed decision support Framing Kent's Future and Securing Kent's
    # Future." in bold over two lines, over "7.1 The KCP supports ...": read as a list item,
    # section 7 was missing from the headings, its paragraphs under section 6.
    prose = "The plan supports the council's priorities for levelling up and for its children and families."
    words = line("6. Equalities implications", 60, 60, bold=True) + lines([("6.1 " + prose, 60)] * 3, 80)
    title = [
        ("7. How does the proposed decision support Framing Kent's Future and", 60),
        ("Securing Kent's Future.", 60),
    ]
    words += lines(title, 130, bold=True) + lines([("7.1 " + prose, 60)] * 3, 165)
    # A bold numbered sentence over prose that is not its section's stays a paragraph.
    words += lines(
        [("8. The Cabinet is asked to agree the plan and to note the report's findings.", 60)], 215, bold=True
    )
    words += lines([(prose, 60)] * 3, 235)
    kinds = [(b.kind, b.text[:2]) for b in layout_page(page(words))]
    assert kinds == [
        (HEADING, "6."),
        ("paragraph", "6."),
        (HEADING, "7."),
        ("paragraph", "7."),
        ("paragraph", "8."),
        ("paragraph", "Th"),
    ]
