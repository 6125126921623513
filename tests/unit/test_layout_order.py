"""Reading order and paragraphs on real PDFs, as a reader reads the printed page."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import agenda_factory as af
import list_factory as lf
import paper_factory as pf
import slide_factory as sf
from memberdesk.papers.extract import extract_pages
from memberdesk.papers.hyphens import settle
from memberdesk.papers.shapes import HEADING

SLIDES = Path(__file__).resolve().parents[1] / "corpus" / "kent-health-wellbeing-slides-p1-4.pdf"


def _texts(path: Path) -> list[str]:
    [page] = extract_pages(path)
    assert page.problem == ""
    return [settle(b.text) for b in page.blocks]  # a broken word as a paper with no other spelling of it reads


def _pdftotext_words(path: Path) -> Counter[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return Counter(out.stdout.split())


def test_two_columns_are_read_one_after_the_other_even_when_their_paragraphs_line_up(tmp_path: Path) -> None:
    path = pf.two_column(tmp_path / "two.pdf")
    assert _texts(path) == [pf.TWO_COLUMN_TITLE, *pf.TWO_COLUMN_LEFT, *pf.TWO_COLUMN_RIGHT, pf.TWO_COLUMN_FOOTER]
    [page] = extract_pages(path)
    assert page.blocks[0].kind == HEADING and page.blocks[0].level == 1
    assert [b.kind for b in page.blocks[1:]] == ["paragraph"] * 5


def test_a_slide_of_three_narrow_columns_keeps_each_bullet_whole(tmp_path: Path) -> None:
    path = pf.three_column_slide(tmp_path / "slide.pdf")
    expected = [pf.SLIDE_TITLE]
    for heading, bullets in pf.SLIDE_COLUMNS:
        expected += [heading] + ["\u2022 " + b for b in bullets]
    assert _texts(path) == expected
    [page] = extract_pages(path)
    kinds = {b.text: b.kind for b in page.blocks}
    assert all(kinds[h] == HEADING for h, _ in pf.SLIDE_COLUMNS)


def test_a_footer_written_first_in_the_stream_is_read_last(tmp_path: Path) -> None:
    path = pf.footer_first(tmp_path / "footer.pdf")
    assert _texts(path) == [*pf.FOOTER_BODY, pf.FOOTER_FIRST]


def test_candidates_drawn_out_of_order_are_read_under_their_ward(tmp_path: Path) -> None:
    path = pf.election_notice(tmp_path / "election.pdf")
    expected = [pf.ELECTION_TITLE]
    for ward, candidates in pf.ELECTION_WARDS:
        rows = [" | ".join(pf.ELECTION_HEADER)]
        rows += [f"{name} | {' '.join(address)} | {description}" for name, address, description in candidates]
        expected += [ward, "\n".join(rows)]
    assert _texts(path) == expected
    [page] = extract_pages(path)
    wards = [b for b in page.blocks if b.text in ("Abbey Ward", "Bridge Ward")]
    assert [b.kind for b in wards] == [HEADING, HEADING]
    grids = [b.grid for b in page.blocks if b.grid is not None]
    assert [g.head for g in grids] == [(pf.ELECTION_HEADER,)] * 2
    assert grids[1].body[1] == ("DAVIES Tom", "40 Station Road Southford", "Independent")


def test_a_year_range_wrapped_at_its_hyphen_is_not_a_hyphenated_word(tmp_path: Path) -> None:
    path = pf.lines_page(
        tmp_path / "hyphen.pdf",
        [
            "The cost for the financial year 2024-",
            "25. The saving is expected to reach the inter-",
            "national benchmark by the end of the year.",
        ],
    )
    assert _texts(path) == [
        "The cost for the financial year 2024-25. The saving is expected to reach the inter-national "
        "benchmark by the end of the year."
    ]


def test_an_email_address_and_a_link_at_a_line_end_are_not_split(tmp_path: Path) -> None:
    path = pf.lines_page(
        tmp_path / "mail.pdf",
        [
            "Please send questions to democratic.services@",
            "northshire.gov.uk or read the papers at https://www.",
            "northshire.gov.uk/meetings/cabinet before the meeting.",
        ],
    )
    assert _texts(path) == [
        "Please send questions to democratic.services@northshire.gov.uk or read the papers at "
        "https://www.northshire.gov.uk/meetings/cabinet before the meeting."
    ]


def test_numbered_paragraphs_start_blocks_only_where_the_number_stands_out(tmp_path: Path) -> None:
    # 4.1 and 4.2 have a tab after the number and wrap under the text (a hanging indent); the
    # "25." that starts the third line is the end of a wrapped "2024-25".
    path = tmp_path / "numbered.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    rows = [
        ("4.1", "The budget for the year 2024-"),
        ("", "25. is set out in Appendix A, with the forecast for"),
        ("", "each directorate."),
        ("4.2", "The saving from the new contract is expected to be"),
        ("", "about a tenth of the current cost."),
    ]
    c.setFont("Helvetica", 11)
    for k, (number, text) in enumerate(rows):
        y = 780 - 14 * k
        if number:
            c.drawString(60, y, number)
        c.drawString(90, y, text)
    c.save()
    [page] = extract_pages(path)
    assert [(b.number, b.text) for b in page.blocks] == [
        (
            "4.1",
            "4.1 The budget for the year 2024-25. is set out in Appendix A, with the forecast for each directorate.",
        ),
        ("4.2", "4.2 The saving from the new contract is expected to be about a tenth of the current cost."),
    ]


def test_a_filled_in_form_is_read_where_its_values_sit(tmp_path: Path) -> None:
    path = pf.filled_form(tmp_path / "form.pdf")
    assert _texts(path) == [
        "Notice of meeting",
        "Date of meeting: 11 December 2025",
        "Venue: Council Chamber",
        "Urgent item: [x]",
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize(
    "maker", ["two_column", "three_column_slide", "election_notice", "footer_first", "separate_runs"]
)
def test_every_word_pdftotext_finds_is_read_once(tmp_path: Path, maker: str) -> None:
    """Same words as poppler's reader, none lost or doubled: only the order differs."""
    path = getattr(pf, maker)(tmp_path / f"{maker}.pdf")
    [page] = extract_pages(path)
    ours = Counter(w for b in page.blocks for w in b.text.split() if w != "|")  # '|' parts a table's cells
    assert ours == _pdftotext_words(path)


def test_a_slide_of_boxes_reads_each_box_whole_under_the_lines_centred_over_them(tmp_path: Path) -> None:
    path = sf.boxed_slide(tmp_path / "boxes.pdf")
    expected = [sf.TITLE, *sf.OVER, sf.TOGETHER, *sf.AIMS, sf.ACHIEVE]
    expected += ["\u2022 " + point for points in sf.POINTS for point in points]
    expected += [sf.ENABLERS, *sf.STATEMENTS]  # centred one per line: a statement each
    assert _texts(path) == expected


def test_kent_slide_2_reads_box_by_box_and_point_by_point() -> None:
    """Every text written out by hand from the slide's image (corpus: Kent health and
    wellbeing slides, slide 2)."""
    texts = [b.text for b in extract_pages(SLIDES, 1, 2)[0].blocks]
    aims = [
        "Give children and young people the best start in life",
        "Tackle the wider determinants to prevent ill health",
        "Support happy and healthy living for all",
        "Empower patients and carers",
        "Improve health and care services",
        "Support and grow our workforce",
    ]
    points = [
        "• Support families and communities so children thrive",
        "• Strive for children and young people to be physically and emotionally healthy",
        "• Help preschool and school-age children and young people achieve their potential",
        "• Address inequalities",
        "• Provide high quality primary care",
        "• Champion inclusive teams",
    ]
    enablers = [
        "Enablers:",
        "We will drive research, innovation and improvement across the system",
        "We will provide system leadership and make the most of our collective resources including our estate",
        "We will engage our communities on our strategy and in co-designing services",
    ]
    wanted = ["Together we will…", *aims, "What we need to achieve", *points, *enablers]
    assert [t for t in texts if t in wanted] == wanted  # each whole, in this order


def test_kent_slide_3_reads_its_three_columns_one_after_another() -> None:
    """Three boxes side by side, each with its own line spacing, the middle one justified to
    within 7 points of the right one (written out from the slide's image)."""
    texts = [b.text for b in extract_pages(SLIDES, 2, 3)[0].blocks]
    firsts = [
        "Give children and young people the best start in life",
        "We will ensure that the conditions and support are in place",
        "What we heard:",
        "• Improve support for those with Special Educational Needs and Disabilities (SEND) and their families",
        "• Ensure local access to support for families",
        "Everyone plays a role in keeping children safe.",
        "Priorities to deliver this outcome:",
        "Support families and communities so children thrive",
        "We will take a whole-family approach, coproducing with children, young people and families",
        "Help preschool and school-age children and young people achieve their potential",
        "Indicators for this outcome could include:",
        "By 2028/29, the proportion of mothers smoking at time of delivery will have reduced from 10.2% to no more",
        "By 2028 pupil absence rates will have fallen from 7.9% to below 5%.",
    ]
    at = [next(n for n, t in enumerate(texts) if t.startswith(first)) for first in firsts]
    assert at == sorted(at)  # each found at the start of a block, in reading order


def test_an_agenda_reads_its_spelled_out_title_as_a_word_and_a_justified_item_as_one_line(tmp_path: Path) -> None:
    # ModernGov frontsheets print "A G E N D A", and Word justifies a line ending in a manual
    # break by widening its spaces past a gutter's width; the short lines above leave those
    # spaces free, so they lined up as columns and item 2 was read in pieces ("Pecuniary" /
    # "or" / "Other" / ...) with the title among them.
    path = af.agenda(tmp_path / "agenda.pdf")
    [page] = extract_pages(path)
    assert page.blocks[0].text == af.AGENDA_TITLE and page.blocks[0].kind == HEADING
    items = [b.text for b in page.blocks[1:]]
    expected = []
    for number, lines, pages in af.AGENDA_ITEMS:
        expected.append(" ".join([number, *lines, pages]).strip())
    assert items == expected


def test_a_lettered_list_under_a_numbered_paragraph_reads_item_by_item(tmp_path: Path) -> None:
    # Minutes' "a." / "b." at a deeper hanging indent: their tab lined up as a gutter, the
    # letters were not taken for a list's (only "(a)" and "a)" were), and every wrapped line
    # of an item was read as a table row of its own.
    path = lf.lettered_minutes(tmp_path / "minutes.pdf")
    [page] = extract_pages(path)
    assert [b.text for b in page.blocks] == lf.expected()
    assert not any(b.table for b in page.blocks)


def test_a_label_set_at_the_right_margin_is_not_the_start_of_the_title_under_it(tmp_path: Path) -> None:
    # "Question 2" at the right margin straight over the centred "COUNTY COUNCIL" was read as
    # one paragraph with it: a line starting far to the right of the next is a line of its own.
    path = af.question_sheet(tmp_path / "question.pdf")
    assert _texts(path) == [af.QUESTION_LABEL, *af.QUESTION_TITLES, af.QUESTION_BODY]


def test_details_beside_one_long_cell_are_read_row_by_row(tmp_path: Path) -> None:
    # No wider gap parts the rows: the labels' column takes up again, level with its value,
    # after lines left empty beside the long cell. Before, the labels were read together and
    # then the values ("Ask for: Telephone: Georgina Little Tel: ...").
    path = af.details_block(tmp_path / "details.pdf")
    # The meeting's time and the row's label are two cells, kept apart: "... later); Ask for: ...".
    expected = [" ".join(when) + "; " + " ".join([label, *values]) for when, label, values in af.DETAILS]
    # A value's entries set a line each are kept apart: "Tel: ...; Email: ...".
    expected[1] = expected[1].replace("414043 Email:", "414043; Email:")
    assert _texts(path) == expected


def test_a_centred_note_set_in_from_both_margins_reads_as_one_paragraph(tmp_path: Path) -> None:
    # Its first line leaves room at the column's ends for the next line's first word, as a
    # slide's lines set one by one do; but it fills most of the column: it was wrapped.
    path = af.centred_note(tmp_path / "note.pdf")
    assert _texts(path) == [af.NOTE_BODY, af.EXEMPT_NOTE]


def test_two_lists_of_names_side_by_side_read_line_by_line_between_their_label_and_the_next_heading(
    tmp_path: Path,
) -> None:
    # A meeting note's "Attendance:" over two columns of names: the agenda's last items, above a
    # gap, were taken into the names' first column, "Discussion Summary:" under them was read
    # before the second column, and names ran into each other ("... (Chair) Rosalind Binks").
    path = lf.meeting_note(tmp_path / "note.pdf")
    [page] = extract_pages(path)
    texts = [b.text for b in page.blocks]
    assert texts == [
        lf.NOTE_TITLE,
        *lf.NOTE_AGENDA,
        lf.ATTENDANCE,
        *(f"{left}; {right}" for left, right in lf.PRESENT),  # two names, kept apart
        lf.SUMMARY,
        lf.SUMMARY_TEXT,
    ]


def test_boxes_side_by_side_are_read_box_by_box(tmp_path: Path) -> None:
    # A record of decision: "DECISION TO BE TAKEN BY:" over the member's name in one box, and
    # "DECISION NUMBER:" over the number in the box beside it. Read as a table's rows, the
    # two labels came first and then the two values; each box is read whole instead.
    import bordered_factory as bf

    for fields in (bf.DECISION_BOXES, bf.SHORT_BOXES):  # values of two lines, and of one
        [page] = extract_pages(bf.decision_boxes(tmp_path / "decision.pdf", fields))
        expected = [text for label, value in fields for text in (label, " ".join(value))]
        assert [b.text for b in page.blocks] == [*expected, "For publication"]


def test_a_header_at_the_top_right_is_read_before_the_lines_under_it_at_the_left() -> None:
    # An EqIA form: "EQIA Submission Form" / "Information collected ..." at the top right, then
    # "EQIA Submission - ID Number" / "Section A" / "EQIA Title" at the left under it. Their
    # gutter made them two columns, the left read first, though they never stand side by side.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    words = line("EQIA Submission Form", 452, 36) + line("Information collected from the Submission", 327, 51)
    words += line("EQIA Submission - ID Number", 36, 66) + line("Section A", 36, 86) + line("EQIA Title", 36, 106)
    words += line("Commissioning Plan for Education Provision in Kent 2025-29 and the years after", 36, 121)
    texts = [b.text for b in layout_page(page(words))]
    assert texts[:2] == ["EQIA Submission Form", "Information collected from the Submission"]


def test_two_contacts_side_by_side_are_read_one_after_the_other() -> None:
    # The end of a Kent report: the author beside the director, the same labels in each.
    # Read across, "Telephone number: 0300 0419815 Telephone number: 03000 412795" left no
    # way to tell whose number was whose.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    # (The director's column is the wider: columns of one width would be read apart anyway.)
    left = ["Report Author: Ben Sherreard", "Telephone number: 0300 0419815", "Email address:", "ben@kent.gov.uk"]
    right = [
        "Director: Ingrid Crisan, Operational Integrated Services",
        "Telephone number: 03000 412795",
        "Email address:",
        "ingrid.crisan@kent.gov.uk",
    ]
    words = []
    for k, (a, b) in enumerate(zip(left, right)):
        top = 100 + 25 * min(k, 2) + 12.5 * max(k - 2, 0)  # each address under its label
        words += line(a, 60, top) + line(b, 260, top)
    flow = " | ".join(settle(b.text) for b in layout_page(page(words)))
    assert flow.startswith(f"{left[0]} | {left[1]} | Email address: {left[3]} | {right[0]} | {right[1]}")
    assert flow.replace(" | ", " ").endswith(f"Email address: {right[3]}")


def test_two_contacts_labelled_without_colons_are_read_one_after_the_other() -> None:
    # A Kent report's "Contact details": "Telephone number" over each number, "Email address"
    # over each address, no colons. Read across, "03000 410058 03000 418913" ran two officers'
    # numbers into one.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    left = ["Report Author:", "Nick Abrahams", "Assistant Director Education \u2013 West Kent"]
    left += ["Telephone number", "03000 410058", "Email address", "nicholas.abrahams@kent.gov.uk"]
    right = ["Relevant Director:", "Christine McInnes", "Director of Education", "Telephone number"]
    right += ["03000 418913", "Email address", "Christine.mcinnes@kent.gov.uk"]
    words = []
    for k, (a, b) in enumerate(zip(left, right)):
        words += line(a, 60, 100 + 13 * k) + line(b, 300, 100 + 13 * k)
    flow = " ".join(settle(b.text) for b in layout_page(page(words)))
    assert flow.index("03000 410058") < flow.index("nicholas.abrahams") < flow.index("Christine McInnes")
    assert "410058 03000" not in flow


def test_contact_cards_side_by_side_without_labels_are_read_one_after_the_other() -> None:
    # Two officers' cards, name, role, number and address each, side by side with no labels;
    # the cards are of different lengths, so no line of one matches the other's.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    left = ["David Whittle", "Director of Strategy, Policy,", "Relationships & Corporate Assurance"]
    left += ["03000 416883", "David.Whittle@kent.gov.uk"]
    right = ["Canon Peter Bruinvels CC", "Covenant Lead and Civilian Military", "Liaison Adviser"]
    right += ["03000 412986/ 07721 411 688", "Peter.Bruinvels@kent.gov.uk"]
    left.insert(0, "Relevant Director")
    words = []
    for k, text in enumerate(left):
        words += line(text, 60, 100 + 13 * k)
    for k, text in enumerate(right):
        words += line(text, 300, 113 + 13 * k)
    flow = " ".join(settle(b.text) for b in layout_page(page(words)))
    assert flow.index("David.Whittle@kent.gov.uk") < flow.index("Canon Peter")
    assert flow.index("Director of Strategy") < flow.index("Relationships & Corporate") < flow.index("Canon")


def test_amounts_each_beside_its_wrapped_text_are_read_an_amount_at_a_time() -> None:
    # A budget's "key numbers": each amount hangs in the margin, its text wrapped beside it,
    # lines at one spacing. Read a line at a time, "This represents a £101.4m" stopped short.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    items = [
        (
            "£1,530.9m",
            ["Assumed net revenue budget for 2025-26. This represents a £101.4m", "increase on the final budget."],
        ),
        ("£151.2m", ["Additional estimated core funded spending growth, see paragraph", "9.1 below for more detail."]),
        ("-£61.5m", ["Assumed net savings, income and future cost increase avoidance."]),
    ]
    words, top = [], 100.0
    for amount, text in items:
        words += line(amount, 60, top)
        for part in text:
            words += line(part, 130, top)
            top += 12.5
    texts = [settle(b.text) for b in layout_page(page(words))]
    assert texts == [f"{amount} {' '.join(text)}" for amount, text in items]


def test_a_letters_sender_at_the_top_right_is_read_before_its_addressees() -> None:
    # A minister's letter: the sender's block at the top right, the addressees lower down at
    # the left, the date level with the last of them. The addressees were read first, so the
    # minister sounded like a third of them.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, lines, page

    sender = ["Jim McMahon OBE MP", "Minister of State for Local Government and English Devolution", "London"]
    words = [w for k, text in enumerate(sender) for w in line(text, 318, 22 + 17 * k, size=11)]
    addressees = ["Cllr Rodger Gough", "Leader - Kent County Council", "Cllr Vince Maple", "Leader - Medway Council"]
    words += lines([(text, 50) for text in addressees], 158, size=11, leading=1.3)
    words += line("5 February 2025", 439, 158 + 3 * 14.3, size=11)
    words += lines(
        [("Dear Leaders,", 50), ("In July 2024 the Deputy Prime Minister invited you to partner.", 50)], 255, size=11
    )
    texts = [b.text for b in layout_page(page(words))]
    at = [next(k for k, t in enumerate(texts) if t.startswith(w)) for w in ("Jim", "Cllr Rodger", "5 February", "Dear")]
    assert at == sorted(at)


def test_a_right_column_that_runs_on_past_a_gap_is_read_after_the_left() -> None:
    # Two columns, the left starting lower (under a picture): the right column's first
    # paragraph is no sender's block over the rest; it is read in its column's turn.
    from memberdesk.papers.layout import layout_page
    from word_factory import lines, page

    left, right = (
        "Left column prose line number {} of the article text",
        "Right column prose line {} of the news story here",
    )
    words = lines([(right.format(k), 318) for k in (1, 2, 3)], 100)
    words += lines([(left.format(k), 60) for k in range(1, 16)], 145)
    words += lines([(right.format(k), 318) for k in range(4, 14)], 170)
    texts = [b.text for b in layout_page(page(words))]
    assert texts[0].startswith("Left column prose line number 1")


def test_a_sentence_the_column_break_cuts_is_one_paragraph() -> None:
    # A key service statement in two columns: "... has enabled ASCHO to" at the left column's
    # foot, "reflect, refocus and reset ..." at the right's top. Heard as two sentences, the
    # first stopped mid-phrase ("By." was one on its own).
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    left = [
        "The Operations Division includes the social care staff who assess",
        "the needs of older people and adults.",
    ]
    left += ["", "The programme has, as indicated above, enabled ASCHO to"]
    right = ["reflect, refocus and reset, and this has culminated in a", "move to a truly local way of working."]
    right += [
        "It works with the communities and partners it",
        "serves, across the county.",
        "",
        "Public Health commissions the services.",
    ]
    words = []
    for k, text in enumerate(left):
        words += line(text, 40, 100 + 10 * k, size=8) if text else []
    for k, text in enumerate(right):
        words += line(text, 320, 100 + 10 * k, size=8) if text else []
    texts = [settle(b.text) for b in layout_page(page(words))]
    cut = next(t for t in texts if "enabled ASCHO to" in t)
    assert "enabled ASCHO to reflect, refocus and reset, and this has culminated in a move" in cut
    assert not any(t.startswith("reflect") for t in texts)
    assert texts[-1] == "Public Health commissions the services."


def test_two_columns_of_prose_each_with_an_address_are_columns_not_cards() -> None:
    # Contact cards are a few lines each; a newsletter's two columns, each naming a contact's
    # address in its text, keep their headings and paragraphs.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    words = []
    for x, name in ((40, "Libraries"), (320, "Highways")):
        top = 100.0
        words += line(name, x, top, size=12, bold=True)
        for _line in range(14):
            top += 12.5
            words += line("The service is open to every resident and it lends books", x, top, size=8)
        words += line(f"Write to {name.lower()}@kent.gov.uk for more.", x, top + 12.5, size=8)
    kinds = [(b.kind, b.table) for b in layout_page(page(words))]
    assert ("heading", False) in kinds and not any(table for _kind, table in kinds)


def test_a_column_ending_on_a_capital_letter_does_not_run_on() -> None:
    # "... set out in Plan A" at a column's foot, "Option B would ..." at the next one's top:
    # "A" is a plan's letter, not the article.
    from memberdesk.papers.layout import layout_page
    from word_factory import line, page

    left = ["The council compared the options for the service,", "as they are set out in Plan A"]
    right = ["Option B would close two of the centres this year.", "It was not taken forward by the council."]
    words = [w for k, t in enumerate(left) for w in line(t, 40, 100 + 10 * k, size=8)]
    words += [w for k, t in enumerate(right) for w in line(t, 320, 100 + 10 * k, size=8)]
    words += [
        w
        for k in range(3)
        for w in line("The committee noted the options and the consultation.", 40, 140 + 10 * k, size=8)
    ]
    texts = [settle(b.text) for b in layout_page(page(words))]
    assert not any("Plan A Option B" in t for t in texts)
