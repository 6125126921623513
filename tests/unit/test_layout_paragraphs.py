"""paragraphs.py and layout.py on words placed by hand: where paragraphs end, and how words
broken at a line end are put back together."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import paper_factory
from memberdesk.papers.extract import extract_pages
from memberdesk.papers.hyphens import settle
from memberdesk.papers.joining import join_lines
from memberdesk.papers.layout import layout_page
from memberdesk.papers.shapes import Box, Word
from word_factory import line, lines, page


def _texts(words: list[Word], width: float = 595.0) -> list[str]:
    # A word broken at a hyphen as a paper with no other spelling of it reads (hyphens.py).
    return [settle(b.text) for b in layout_page(page(words, width=width))]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("2024-", "25.", "2024-25."),  # digits: the hyphen is part of the range
        ("inter-", "national", "inter-national"),  # lower-case letters: as printed, unless the paper says
        ("COVID-", "19", "COVID-19"),
        ("Anglo-", "Saxon", "Anglo-Saxon"),
        ("inter\u00ad", "national", "international"),  # a real soft hyphen always goes
        ("democratic.services@", "northshire.gov.uk", "democratic.services@northshire.gov.uk"),
        ("democratic.services", "@northshire.gov.uk", "democratic.services@northshire.gov.uk"),
        ("https://www.", "northshire.gov.uk/cabinet", "https://www.northshire.gov.uk/cabinet"),
        (
            "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1",
            "34&MId=56",
            "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=134&MId=56",
        ),
        ("www.northshire.gov.uk/meeting-", "papers", "www.northshire.gov.uk/meeting-papers"),
        ("2024\u2013", "25", "2024\u201325"),
        # A tracked change marked word by word breaks at a line end as the words it puts in.
        ("[added: 2024-]", "[added: 25]", "[added: 2024-25]"),
        ("[deleted: inter\u00ad]", "[deleted: national]", "[deleted: international]"),
        ("[added: pro-]", "[added: posal]", "[added: pro-posal]"),
    ],
)
def test_words_broken_at_a_line_end_are_rejoined(first: str, second: str, joined: str) -> None:
    # A lower-case word broken at a hyphen keeps the break for the paper to decide (hyphens.py);
    # settled as a paper with no other spelling of it reads.
    assert settle(join_lines([["The", first], [second, "next"]])) == f"The {joined} next"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("clerk@northshire.gov.uk.", "The"),
        ("clerk@northshire.gov.uk.", "we"),
        ("costs", "-"),
        ("-", "and"),
        ("http://www.kent.gov.uk/jobs/working-for-us", "http://www.kent.gov.uk/scheme.pdf"),  # two links
    ],
)
def test_words_that_only_meet_at_a_line_end_stay_apart(first: str, second: str) -> None:
    assert join_lines([["to", first], [second, "x"]]) == f"to {first} {second} x"


def test_an_address_ending_in_a_slash_ends_its_paragraph() -> None:
    # A link's address ending in "/" at a paragraph's end: the next paragraph is its own.
    words = lines(
        [("The papers are at www.kent.gov.uk/budget/", 60), ("Appendix B sets out the capital programme in full.", 60)],
        100,
    )
    assert len(_texts(words)) == 2


def test_a_minus_parted_from_its_figure_by_the_line_end_is_the_figures_sign() -> None:
    # "airfares inflation from -" / "10.4% in July": read "- 10.4%", a fall heard as a rise.
    assert join_lines([["inflation", "from", "-"], ["10.4%", "in", "July"]]) == "inflation from -10.4% in July"
    assert join_lines([["between", "0.07%", "-"], ["0.09%", "a", "year"]]) == "between 0.07% - 0.09% a year"  # a range


def test_a_short_line_in_a_narrow_column_is_not_a_paragraph_end() -> None:
    # Column 120 points wide: "consultation" (12 letters, 60 pt) did not fit after "the".
    words = lines(
        [("Members noted the", 60), ("consultation", 60), ("responses and agreed", 60), ("the plan.", 60)], 100
    )
    assert _texts(words, width=200) == ["Members noted the consultation responses and agreed the plan."]


def test_a_line_left_short_on_purpose_ends_its_paragraph() -> None:
    words = lines(
        [
            ("Members noted the report and agreed the plan for", 60),
            ("next year.", 60),
            ("The Chair thanked officers for their work on it.", 60),
        ],
        100,
    )
    assert _texts(words) == [
        "Members noted the report and agreed the plan for next year.",
        "The Chair thanked officers for their work on it.",
    ]


def test_a_wider_gap_and_an_indented_first_line_each_start_a_paragraph() -> None:
    gap = lines([("First paragraph of the report is here and it", 60), ("ends on this line at the edge of", 60)], 100)
    gap += lines([("Second paragraph after a blank space between", 60)], 100 + 2 * 12.5 + 12)
    assert len(_texts(gap)) == 2
    indented = lines(
        [
            ("an indented first line begins each one of the", 80),
            ("paragraphs in this style of writing them down", 60),
            ("in the report and a new one starts here at the", 80),
            ("indent, like this one does here today.", 60),
        ],
        100,
    )
    assert _texts(indented) == [
        "an indented first line begins each one of the paragraphs in this style of writing them down",
        "in the report and a new one starts here at the indent, like this one does here today.",
    ]


def test_numbers_and_bullets_at_the_left_edge_with_a_hanging_indent_start_blocks() -> None:
    words = line("(a)", 60, 100) + line("note the performance set out in the table at", 90, 100)
    words += line("paragraph 4.2; and", 90, 112.5)
    words += line("(b)", 60, 125) + line("comment on the actions proposed.", 90, 125)
    words += line("\u2022", 60, 137.5) + line("A bullet point.", 90, 137.5)
    blocks = layout_page(page(words))
    assert [(b.number, b.text) for b in blocks] == [
        ("(a)", "(a) note the performance set out in the table at paragraph 4.2; and"),
        ("(b)", "(b) comment on the actions proposed."),
        ("\u2022", "\u2022 A bullet point."),
    ]


def test_a_wrapped_line_that_begins_with_a_number_continues_its_paragraph() -> None:
    words = lines(
        [
            ("The saving for the financial year 2024/25 will be", 60),
            ("12 per cent of the budget set for the year ahead", 60),
            ("of us.", 60),
        ],
        100,
    )
    assert _texts(words) == [
        "The saving for the financial year 2024/25 will be 12 per cent of the budget set for the year ahead of us."
    ]


def test_a_footnote_is_read_after_its_column_and_a_header_before_both() -> None:
    left = lines([(f"Left column line {k} of the text runs on here", 60) for k in range(8)], 100)
    right = lines([(f"Right column line {k} of the text runs on here", 320) for k in range(4)], 100)
    note = line("1 A footnote to the left column.", 60, 230, size=7)
    header = line("Northshire County Council - Cabinet report heading text", 60, 60, size=12, bold=True)
    texts = _texts(header + right + note + left)
    assert texts[0].startswith("Northshire County Council")
    assert texts[1].startswith("Left column line 0") and texts[1].endswith("line 7 of the text runs on here")
    assert texts[2] == "1 A footnote to the left column."
    assert texts[3].startswith("Right column line 0")


def test_layout_time_is_bounded_on_a_crowded_page() -> None:
    words = [Word("x", Box(x, y, x + 0.5, y + 0.6), 0.5) for y in range(0, 800, 1) for x in range(0, 500, 10)]
    started = time.perf_counter()
    blocks = layout_page(page(words))
    assert time.perf_counter() - started < 10
    assert blocks


def test_the_next_item_of_a_list_is_told_from_a_wrapped_number() -> None:
    from memberdesk.papers.paragraphs import _next_in_list

    assert _next_in_list("2.", "3.") and _next_in_list("4.2", "4.3") and _next_in_list("(a)", "(b)")
    assert not _next_in_list("1.2", "25.") and not _next_in_list("3.", "3.") and not _next_in_list("2024-", "25.")


def test_a_list_item_wrapping_short_of_the_widest_line_keeps_its_last_word() -> None:
    # Minutes' lettered items wrap well short of the page's widest line (item 11 below runs
    # to the margin). "Council." would have fitted before that margin, but not before the
    # edge the item's own lines wrap at: its first line left no room for "and".
    words = line("b)", 80, 100) + line(
        "PROVIDE support to the Working Party to develop and finalise their work", 95, 100
    )
    words += lines(
        [("and finalise their further activity in good time for the next March County", 95), ("Council.", 95)], 112.5
    )
    widest = "11. RESOLVED to note the ongoing work of the group and AGREE that a further report come to the Committee"
    words += line(widest, 60, 150)
    assert max(w.box.x1 for w in words) > 530
    assert _texts(words) == [
        "b) PROVIDE support to the Working Party to develop and finalise their work and finalise"
        " their further activity in good time for the next March County Council.",
        widest,
    ]


def test_a_contact_block_on_a_page_of_its_own_reads_line_by_line(tmp_path: Path) -> None:
    # A report's last page: name, job, telephone, e-mail. The job is the longest line, and
    # the page has no other text to show how far a line runs: taken as the column's edge, it
    # made "Telephone:" look as if it had not fitted after it. A label and its value at the
    # paragraph's edge is an entry of its own.
    contact = [
        "David Whittle",
        "Director of Strategy, Policy, Relationships & Corporate Assurance",
        "Telephone: 03000 416833",
        "David.Whittle@kent.gov.uk",
    ]
    [page] = extract_pages(paper_factory.lines_page(tmp_path / "contact.pdf", contact))
    assert [b.text for b in page.blocks] == contact


def test_a_label_inside_a_sentence_that_runs_on_stays_in_it() -> None:
    words = lines(
        [
            (
                "The item was moved by Mr Brady and seconded by the member for the City of Canterbury and Herne Bay East,",
                60,
            ),
            ("Ward: Mr Chard.", 60),
        ],
        100,
    )
    assert _texts(words) == [
        "The item was moved by Mr Brady and seconded by the member for the City of Canterbury and Herne Bay East, Ward: Mr Chard."
    ]


def test_a_justified_line_starting_with_the_end_of_a_year_range_continues_its_paragraph() -> None:
    # "... uplift for 2025-" / "26 is based on ...": justification stretched every space of the
    # second line, the one after "26" too, and "26" was taken for a paragraph's number.
    first = line("The inflationary uplift is set each year for the year 2025-", 60, 100)
    second = line("26 is based on the September CPI for the year before it", 60, 112.5, gap=0.9)
    assert _texts(first + second) == [
        "The inflationary uplift is set each year for the year 2025-26 is based on the September CPI for the year before it"
    ]
    # A year range broken at the line's end is no paragraph number, whatever space follows it.
    first = line("The allocations increased each year between 2017-18 and 2020-", 60, 100)
    second = line("21. The subsequent reviews kept the grant the same", 60, 112.5, gap=0.9)
    assert len(_texts(first + second)) == 1
    # A number starting a justified line, its space stretched as much as the others', is none.
    first = line("The saving for the financial year as a whole will be about some of the total", 60, 100, gap=0.6)
    second = line("12 per cent of the budget set for the year ahead of us all", 60, 112.5, gap=1.0)
    third = line("of the council", 60, 125)
    assert (
        "of the total 12 per cent of the budget set for the year ahead of us all" in _texts(first + second + third)[0]
    )


def test_a_numbered_heading_over_text_at_its_hanging_indent_is_a_paragraph_of_its_own() -> None:
    # "2.1  Kent & Medway Partnership Board" and under it, at the text's indent, "The Board has
    # been strengthened ...": the indent looked like the item's wrapped lines.
    text = "The Board has been strengthened by the new Membership representation as follows today:"
    words = line("2.1", 60, 100) + line("Kent & Medway Partnership Board", 84, 100) + line(text, 84, 112.5)
    assert _texts(words) == ["2.1 Kent & Medway Partnership Board", text]
    # An item whose first line runs most of the way across wraps under its text as before.
    first = "Lengthy discussions had been held around the Scrutiny Committee and its"
    words = line("h)", 60, 100) + line(first, 84, 100) + line(text, 84, 112.5)
    assert _texts(words) == [f"h) {first} {text}"]


def test_an_address_set_line_by_line_reads_line_by_line(tmp_path: Path) -> None:
    # A letter's address block: its widest line, "2 Marsham Street", was taken for the column's
    # edge, so "London" looked as if it had not fitted after it.
    address = ["2 Marsham Street", "London", "SW1P 4DF"]
    [page] = extract_pages(paper_factory.lines_page(tmp_path / "letter.pdf", address, x=322))
    assert [b.text for b in page.blocks] == address
    # A narrow column of prose wraps onto lines in lower case: still one paragraph.
    column = ["Give children and", "young people the", "best start in life"]
    [page] = extract_pages(paper_factory.lines_page(tmp_path / "slide.pdf", column, x=322))
    assert [b.text for b in page.blocks] == [" ".join(column)]


def test_a_line_ending_on_a_comma_or_and_runs_on_however_short() -> None:
    # Minutes' attendance: Word keeps "Mr D Jeffrey," together, so the line before it ends
    # early, with room for "Mr" alone; no paragraph ends on a comma.
    first = "PRESENT: Mr R W Gough (Chairman), Mr N Baker, Mrs C Bell, Mrs S Chandler,"
    words = lines([(first, 60), ("Mr D Jeffrey, Mr R C Love, OBE, Mr D Murphy and Mr R J Thomas", 60)], 100)
    words += line("The Chairman welcomed everyone to the meeting and the officers who had joined it.", 60, 140)
    texts = _texts(words, width=430)
    assert texts[0] == f"{first} Mr D Jeffrey, Mr R C Love, OBE, Mr D Murphy and Mr R J Thomas"


@pytest.mark.parametrize("marker", ["d.)", "1.)", "(d)", "d)"])
def test_numbers_written_with_a_stop_and_a_bracket_start_items(marker: str) -> None:
    words = line(marker, 60, 100) + line("Work with local schools to raise awareness of the risks; and", 90, 100)
    words += line("e.)" if marker[0].isalpha() or marker[0] == "(" else "2.)", 60, 112.5)
    words += line("Encourage stronger local enforcement against the improper disposal of vapes.", 90, 112.5)
    assert len(_texts(words)) == 2


def test_a_contents_entry_ends_at_its_page_number(tmp_path: Path) -> None:
    # Each line is full, so by its width it would run on into the next: the page number
    # after a dot leader is heard at the start of the next entry, as if it were its page.
    [page] = extract_pages(paper_factory.contents_page(tmp_path / "contents.pdf"))
    texts = [b.text for b in page.blocks]
    assert len(texts) == len(paper_factory.CONTENTS)
    for text, (title, number) in zip(texts, paper_factory.CONTENTS):
        assert text.startswith(title) and text.endswith(number)
        assert text[: -len(number)].rstrip().endswith("....")


def test_a_number_typed_with_one_space_before_a_hanging_indent_keeps_its_paragraph() -> None:
    # Word reports number paragraphs by hand ("9.1 An equality ...", one space) over a hanging
    # indent a little past the text: each such paragraph was cut after its first line and lost
    # its number, and the sentence was read as two.
    words = line("9.1 An equality impact assessment has been completed and no equality", 62, 100, size=11)
    words += lines(
        [
            ("implications have been identified. A copy of the assessment is at Appendix", 89.2),
            ("E. The earlier Local Plan work had its own assessment.", 89.2),
        ],
        100 + 1.25 * 11,
        size=11,
    )
    blocks = layout_page(page(words))
    assert [b.text[:24] for b in blocks] == ["9.1 An equality impact a"]
    assert blocks[0].number == "9.1"


def test_a_line_broken_by_hand_mid_sentence_runs_on_into_the_next() -> None:
    # A report's Shift+Enter: "... an ambitious agenda to reshape" stops well short of the
    # margin, "local government in England through:" goes on under it. It was two paragraphs,
    # read with a pause mid-sentence; a short line before a capital still ends its paragraph.
    words = lines(
        [
            ("1.1 The White Paper was published in December and it sets out the", 60),
            ("Government's ambitious agenda to reshape", 60),
            ("local government in England.", 60),
            ("Members are asked to note the report.", 60),
            ("The Leader will write to the Minister by the end of the month", 60),
        ],
        100,
    )
    blocks = layout_page(page(words))
    assert [b.text.split()[0] for b in blocks] == ["1.1", "Members", "The"]


def test_a_bold_heading_over_a_line_in_lower_case_ends_where_the_bold_does() -> None:
    # A report's bold heading over text that starts in lower case ("the cost ...") was read as
    # the text's first words; a bold line that ends on "and" still runs on into plain words.
    body = [("the cost of the scheme is met from the reserves set aside for it last year.", 60)]
    words = lines([("Financial implications for the Council", 60)], 100, bold=True) + lines(body, 112.5)
    assert _texts(words) == ["Financial implications for the Council", body[0][0]]
    words = lines([("The Cabinet agreed the plan for the new school and", 60)], 100, bold=True) + lines(body, 112.5)
    assert len(_texts(words)) == 1


def test_a_cover_sheets_field_naming_two_officers_keeps_them_apart() -> None:
    # A Kent cover sheet: "From:" over two officers, each on a line of their own, the first
    # wrapping. They were read as one: "... Traded Services John Betts, Interim ...".
    rows = [
        ("From:", 57, "Peter Oakford, Deputy Leader and Cabinet Member for Finance,"),
        ("", 57, "Corporate and Traded Services"),
        ("", 57, "John Betts, Interim Corporate Director of Finance"),
        ("To:", 57, "Cabinet \u2013 4th March 2025"),
        ("Subject:", 57, "Late changes to the 2025-26 budget and the Medium Term"),
        ("", 57, "Financial Plan (MTFP)"),
        ("Classification:", 57, "Unrestricted"),
    ]
    words: list[Word] = []
    top = 100.0
    for label, x, value in rows:
        if label:
            top += 6
            words += line(label, x, top, size=12)
        words += line(value, 142, top, size=12)
        top += 14
    texts = [b.text for b in layout_page(page(words))]
    assert (
        "From: Peter Oakford, Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services; "
        "John Betts, Interim Corporate Director of Finance"
    ) in texts
    assert "Subject: Late changes to the 2025-26 budget and the Medium Term Financial Plan (MTFP)" in texts


def test_a_label_over_its_value_in_lower_case_stays_apart_and_a_count_is_no_number() -> None:
    # The lower-case run-on is prose's: "Wards affected" over "all wards", a name over an e-mail
    # address, stay two lines.
    prose = ("The report asks the Cabinet to agree the new timetable for the work set out here.", 60)
    labels = [("Wards affected", 60), ("all wards", 60), ("Background documents", 60), ("none", 60)]
    words = lines([prose], 100) + lines(labels, 130)
    assert _texts(words)[1:] == ["Wards affected", "all wards", "Background documents", "none"]
    words = lines([prose], 100) + lines([("Jane Smith, Head of Finance", 60), ("jane.smith@example.gov.uk", 60)], 130)
    assert _texts(words)[1:] == ["Jane Smith, Head of Finance", "jane.smith@example.gov.uk"]
    # "12 councillors ..." wrapped under an indented first line is a count, not item 12.
    words = lines(
        [
            ("The panel met in the Council Chamber on Tuesday and the meeting was attended by", 90),
            ("12 councillors and three officers, who answered questions from the public gallery.", 72),
            ("The chair opened the meeting at seven o'clock and asked for declarations of interest", 90),
            ("from the members present, of which there were none recorded at this meeting.", 72),
        ],
        100,
        size=11,
    )
    assert _texts(words)[0].endswith("who answered questions from the public gallery.")


def test_a_line_mostly_a_smaller_link_stays_in_its_paragraph() -> None:
    # A report's paragraph with a decision's link in smaller type on one of its lines: the
    # line's size (its letters' median) was the link's, so the paragraph broke before and after
    # it, and its end was heard as a sentence of its own.
    words = line("2.2 The two providers were awarded a contract by way of Direct Award with the Key", 60, 100, size=12)
    words += line("Decision taken as follows:", 60, 115, size=12)
    words += line("Decision-21-00086-Commissioned-Open-Access-Provision", 220, 116, size=10)
    words += line("for Youth Services. This was discussed at Scrutiny Committee on 24 November 2021.", 60, 130, size=12)
    assert len(_texts(words)) == 1
