"""Sentence and paragraph splitting on real council phrasing (memberdesk.speech.units)."""

from __future__ import annotations

import pytest

from memberdesk.speech.units import (
    document_sentences,
    find_repeated_lines,
    line_key,
    page_sentences,
    split_page,
)

# (page text, the spoken sentences expected, in order)
CASES = [
    pytest.param(
        "Cllr. Smith moved the motion. Cllr. Jones seconded it.",
        ["Cllr. Smith moved the motion.", "Cllr. Jones seconded it."],
        id="cllr",
    ),
    pytest.param(
        "Mr. Patel and Dr. Okafor attended. Mrs. Hughes sent apologies.",
        ["Mr. Patel and Dr. Okafor attended.", "Mrs. Hughes sent apologies."],
        id="titles",
    ),
    pytest.param(
        "See No. 5 on the list. No. It was not agreed!",
        ["See No. 5 on the list.", "No.", "It was not agreed!"],
        id="number-vs-no",
    ),
    pytest.param(
        "Some schemes, e.g. Tree Planting, were delayed. Others, i.e. the rest, were not.",
        ["Some schemes, e.g. Tree Planting, were delayed.", "Others, i.e. the rest, were not."],
        id="eg-ie",
    ),
    pytest.param(
        "Buy pens, paper etc. The Chair thanked officers.",
        ["Buy pens, paper etc.", "The Chair thanked officers."],
        id="etc-ends-sentence",
    ),
    pytest.param(
        "The scheme costs £1.5m. It was approved at 10.00 am on 3 May.",
        ["The scheme costs £1.5m.", "It was approved at 10.00 am on 3 May."],
        id="money-time",
    ),
    pytest.param(
        "3.2.1 The Committee noted the report. It agreed the plan.",
        ["3.2.1 The Committee noted the report.", "It agreed the plan."],
        id="numbered-paragraph",
    ),
    pytest.param(
        "1. Minutes of the last meeting were agreed.",
        ["1. Minutes of the last meeting were agreed."],
        id="numbered-list",
    ),
    pytest.param(
        "The report by J. Smith was noted. Why was it late? Nobody knew.",
        ["The report by J. Smith was noted.", "Why was it late?", "Nobody knew."],
        id="initials-question",
    ),
    pytest.param(
        "The council's environ-\nmental strategy was\nagreed in full.",
        ["The council's environmental strategy was agreed in full."],
        id="hyphen-rejoined",
    ),
    pytest.param(
        "Recommendations\nThe Committee is asked to approve the plan.",
        ["Recommendations", "The Committee is asked to approve the plan."],
        id="heading",
    ),
    pytest.param(
        "The Committee is asked to:\n• approve the plan;\n• note the risks.",
        ["The Committee is asked to:", "approve the plan;", "note the risks."],
        id="bullets",
    ),
    pytest.param(
        "The environment includes:\no The Constitution and the\nFinancial Regulations\no The Code of Conduct\n\no and its guidance",
        [
            "The environment includes:",
            "The Constitution and the Financial Regulations",
            "The Code of Conduct",
            "o and its guidance",
        ],
        id="word-second-level-bullets",  # Word's "o", never said as "oh"; a lower-case word after it is prose
    ),
    pytest.param(
        "(a) approve the budget;\n(b) note the\nrisks.",
        ["(a) approve the budget;", "(b) note the risks."],
        id="lettered-list",
    ),
    pytest.param(
        "Ward        Budget      Spend\nHeadingley  £1.2m       £0.9m",
        ["Ward, Budget, Spend", "Headingley, £1.2m, £0.9m"],
        id="table-rows",
    ),
    pytest.param(
        "Members are asked to note the contents of the report and\nthe appendices",
        ["Members are asked to note the contents of the report and the appendices"],
        id="short-last-line-is-not-heading",
    ),
    pytest.param(
        "The meeting starts at 2 p.m. Tea follows.",
        ["The meeting starts at 2 p.m.", "Tea follows."],
        id="pm-ends-sentence",
    ),
]


# Sentence boundaries in council prose: one line of text, the sentences it must give. Shared
# with tests/bench/bench_sentences.py, which scores pysbd on the same table (the reason we keep
# our own splitter: pysbd splits after "Cllr.", "para.", "Revd.", "approx." and is ~50x slower).
SENTENCE_TABLE: list[tuple[str, str, list[str]]] = [
    (
        "cllr",
        "Cllr. Smith moved the motion. Cllr. Jones seconded it.",
        ["Cllr. Smith moved the motion.", "Cllr. Jones seconded it."],
    ),
    ("no-3", "See item No. 3 on the agenda. It was deferred.", ["See item No. 3 on the agenda.", "It was deferred."]),
    ("no-the-word", "No. It was not agreed.", ["No.", "It was not agreed."]),
    (
        "minute-no",
        "Minute No. 12 was agreed. The Chair signed it.",
        ["Minute No. 12 was agreed.", "The Chair signed it."],
    ),
    (
        "para",
        "As set out in para. 4.2 of the report, costs rose. Members noted this.",
        ["As set out in para. 4.2 of the report, costs rose.", "Members noted this."],
    ),
    ("money-m", "The scheme costs £1.2m. It was approved.", ["The scheme costs £1.2m.", "It was approved."]),
    (
        "money-pence",
        "The total was £1,234.56. This was within budget.",
        ["The total was £1,234.56.", "This was within budget."],
    ),
    (
        "eg",
        "Some schemes, e.g. the tree planting, were delayed. Others were not.",
        ["Some schemes, e.g. the tree planting, were delayed.", "Others were not."],
    ),
    (
        "ie",
        "It was agreed, i.e. without a vote. The next item followed.",
        ["It was agreed, i.e. without a vote.", "The next item followed."],
    ),
    (
        "initials",
        "Mr. J. Smith objected to the application. The Chair thanked him.",
        ["Mr. J. Smith objected to the application.", "The Chair thanked him."],
    ),
    (
        "titles",
        "Dr. Okafor, Ms. Lee and Revd. Green attended. Apologies were received.",
        ["Dr. Okafor, Ms. Lee and Revd. Green attended.", "Apologies were received."],
    ),
    (
        "mr-and-mrs",
        "Mr. and Mrs. Patel objected. Their letter is attached.",
        ["Mr. and Mrs. Patel objected.", "Their letter is attached."],
    ),
    (
        "prof",
        "The report by Prof. Jones was noted. It was well received.",
        ["The report by Prof. Jones was noted.", "It was well received."],
    ),
    (
        "saint",
        "The hearing was held in St. Albans on Monday. The panel agreed.",
        ["The hearing was held in St. Albans on Monday.", "The panel agreed."],
    ),
    (
        "am-mid",
        "The meeting starts at 10 a.m. on Tuesday. Tea follows.",
        ["The meeting starts at 10 a.m. on Tuesday.", "Tea follows."],
    ),
    ("pm-end", "The meeting ends at 4 p.m. Tea follows.", ["The meeting ends at 4 p.m.", "Tea follows."]),
    (
        "appendix-letter",
        "The details are in Appendix A. The Committee noted them.",
        ["The details are in Appendix A.", "The Committee noted them."],
    ),
    (
        "option-letter",
        "Members chose Option B. It is the cheapest.",
        ["Members chose Option B.", "It is the cheapest."],
    ),
    ("percent", "Inflation was 1.5%. Costs rose.", ["Inflation was 1.5%.", "Costs rose."]),
    ("per-cent", "The rate is 3.5 per cent. It rose in 2023.", ["The rate is 3.5 per cent.", "It rose in 2023."]),
    (
        "web-address",
        "Details are at www.example.gov.uk. Comments are welcome.",
        ["Details are at www.example.gov.uk.", "Comments are welcome."],
    ),
    (
        "email",
        "Email info@leeds.gov.uk for details. We reply within 5 days.",
        ["Email info@leeds.gov.uk for details.", "We reply within 5 days."],
    ),
    (
        "year-range",
        "The budget covers 2024/25. The next one follows.",
        ["The budget covers 2024/25.", "The next one follows."],
    ),
    ("numbered-paragraph", "4.2 The saving is £3m. It is recurrent.", ["4.2 The saving is £3m.", "It is recurrent."]),
    ("numbered-with-dot", "4.2. The saving is £3m. It is recurrent.", ["4.2. The saving is £3m.", "It is recurrent."]),
    (
        "lettered",
        "(a) The first option is cheaper. (b) The second option is quicker.",
        ["(a) The first option is cheaper.", "(b) The second option is quicker."],
    ),
    (
        "quote-full-stop",
        'The Chair said "This is final." The meeting ended.',
        ['The Chair said "This is final."', "The meeting ended."],
    ),
    (
        "quote-single",
        "He said: 'We will review it.' The Chair agreed.",
        ["He said: 'We will review it.'", "The Chair agreed."],
    ),
    (
        "quote-question",
        "The Chair asked, “Is there any dissent?” There was none.",
        ["The Chair asked, “Is there any dissent?”", "There was none."],
    ),
    (
        "quote-exclamation-inside",
        'Residents shouted "Shame!" at the vote. The Chair called for order.',
        ['Residents shouted "Shame!" at the vote.', "The Chair called for order."],
    ),
    (
        "bracket-abbreviation",
        "The costs rose (see para. 3.) Members agreed.",
        ["The costs rose (see para. 3.)", "Members agreed."],
    ),
    ("bracket-after", "The costs rose (by 5%). Members agreed.", ["The costs rose (by 5%).", "Members agreed."]),
    (
        "bracket-fig",
        "The council (see Fig. 3) spent less. Reserves grew.",
        ["The council (see Fig. 3) spent less.", "Reserves grew."],
    ),
    ("page-ref", "See p. 12 of the pack. It explains the costs.", ["See p. 12 of the pack.", "It explains the costs."]),
    (
        "pages-ref",
        "See pp. 3-5 of the pack. They explain the costs.",
        ["See pp. 3-5 of the pack.", "They explain the costs."],
    ),
    (
        "section-ref",
        "A levy is due under s. 106 of the Act. It is paid on completion.",
        ["A levy is due under s. 106 of the Act.", "It is paid on completion."],
    ),
    (
        "approx-money",
        "Costs were approx. £2m. This was less than forecast.",
        ["Costs were approx. £2m.", "This was less than forecast."],
    ),
    (
        "month-abbrev",
        "The meeting in Sept. 2024 agreed the plan. Work began.",
        ["The meeting in Sept. 2024 agreed the plan.", "Work began."],
    ),
    (
        "ltd",
        "The land is owned by Smith Ltd. The sale completes in May.",
        ["The land is owned by Smith Ltd.", "The sale completes in May."],
    ),
    (
        "etc",
        "Buy pens, paper etc. The Chair thanked officers.",
        ["Buy pens, paper etc.", "The Chair thanked officers."],
    ),
    (
        "ellipsis",
        "The matter was deferred... The Chair moved on.",
        ["The matter was deferred...", "The Chair moved on."],
    ),
    ("question-exclamation", "Why was it late? Nobody knew!", ["Why was it late?", "Nobody knew!"]),
    (
        "digit-start",
        "The report was approved. 12 members voted for it.",
        ["The report was approved.", "12 members voted for it."],
    ),
    (
        "ordinary",
        "The Committee noted the report. It agreed the recommendations. The meeting closed at 8.15 pm.",
        ["The Committee noted the report.", "It agreed the recommendations.", "The meeting closed at 8.15 pm."],
    ),
    (
        "ordinary-long",
        "Members considered the revenue budget for the coming year and the medium term financial "
        "strategy, including the savings proposals and the use of reserves. After debate the recommendations "
        "were agreed.",
        [
            "Members considered the revenue budget for the coming year and the medium term financial strategy, "
            "including the savings proposals and the use of reserves.",
            "After debate the recommendations were agreed.",
        ],
    ),
    ("repeated", "The report was noted. The report was noted.", ["The report was noted.", "The report was noted."]),
    ("one-sentence", "Apologies were received from Cllr. Brown.", ["Apologies were received from Cllr. Brown."]),
    # A motion's clauses lettered "a.)", "b." or "iv.": once the letter was a sentence of its own.
    (
        "letter-bracket",
        "a.) Immediate action to ban vapes. It passed.",
        ["a.) Immediate action to ban vapes.", "It passed."],
    ),
    ("letter-dot", "b. Note the report.", ["b. Note the report."]),
    ("roman-dot", "iv. Agree the budget.", ["iv. Agree the budget."]),
    ("letter-inside", "See item a. Then vote.", ["See item a.", "Then vote."]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in SENTENCE_TABLE])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    units = page_sentences(text)
    assert [u.spoken for u in units] == expected
    # One line in, so each unit's span is exactly its sentence as printed (what is highlighted).
    assert [text[u.start : u.end] for u in units] == expected


@pytest.mark.parametrize(("page", "expected"), CASES)
def test_council_phrasing(page: str, expected: list[str]) -> None:
    assert [s.spoken for s in page_sentences(page)] == expected


@pytest.mark.parametrize(("page", "expected"), CASES)
def test_offsets_point_into_the_page(page: str, expected: list[str]) -> None:
    """Each unit's (start, end) covers its printed text: the first and last words match."""
    for unit in page_sentences(page):
        shown = page[unit.start : unit.end]
        assert shown == shown.strip() and shown
        assert shown.split()[-1].rstrip("-") in unit.spoken.split()[-1] or unit.kind == "row"
        assert unit.spoken.split()[0].rstrip(",") in shown


def test_kinds_and_paragraphs() -> None:
    page = "Budget\nThe plan was agreed. It starts soon.\n\n• first item\n• second item"
    paras = split_page(page)
    assert [p.kind for p in paras] == ["heading", "prose", "item", "item"]
    assert [len(p.sentences) for p in paras] == [1, 2, 1, 1]
    assert paras[1].sentences[1].paragraph == 1
    assert paras[0].sentences[0].kind == "heading"


def test_line_key_ignores_digits() -> None:
    assert line_key("Page 3 of 10") == line_key("Page 14 of 120")
    assert line_key("  Agenda   Item 5 ") == "agenda item #"
    # Front pages numbered in roman figures are the same footer as the numbered ones.
    assert line_key("Page ii") == line_key("Page 3") == "page #"
    assert line_key("xiv") == line_key("14") and line_key("Page iv of 40") == line_key("Page 4 of 40")
    assert line_key("Civic") == "civic" and line_key("Page vi") == "page #"  # only real numerals


WORDS = ["parks", "roads", "schools", "libraries", "housing", "waste", "buses", "care"]


def _pages(n: int) -> list[str]:
    return [
        f"Leeds City Council Executive Board\nAgenda Item {i}\n"
        f"Body sentence about {WORDS[i % 8]} is here. It mentions Leeds City Council Executive Board.\n"
        f"Page {i} of {n}"
        for i in range(1, n + 1)
    ]


def test_repeated_headers_and_footers_are_skipped() -> None:
    pages = _pages(6)
    keys = find_repeated_lines(pages)
    assert "page # of #" in keys and "leeds city council executive board" in keys
    per_page = document_sentences(pages)
    spoken = [s.spoken for s in per_page[2]]
    assert spoken == ["Body sentence about libraries is here.", "It mentions Leeds City Council Executive Board."]
    # The offsets are still offsets into the original page.
    unit = per_page[2][0]
    assert pages[2][unit.start : unit.end] == "Body sentence about libraries is here."


def test_few_pages_keep_everything() -> None:
    pages = _pages(2)
    assert find_repeated_lines(pages) == frozenset()
    assert len(document_sentences(pages)[0]) == 5


def test_missing_page_gives_no_units() -> None:
    pages: list[str | None] = [*_pages(4), None]
    assert document_sentences(pages)[-1] == []


def test_empty_and_blank_pages() -> None:
    assert page_sentences("") == []
    assert page_sentences("\n   \n\t\n") == []


def test_a_numbered_heading_is_its_own_unit() -> None:
    page = (
        "21. Apologies\n"
        "Apologies were received from Cllr. R Kowalski and Cllr. L Whitfield.\n"
        "3.1 The council supports around 9,400 adults with eligible care and support needs, of\n"
        "whom about two thirds live in their own homes.\n"
        "1. Introduction\n"
        "2. Recommendations\n"
    )
    units = page_sentences(page)
    assert [(u.kind, u.spoken) for u in units] == [
        ("heading", "21. Apologies"),
        ("sentence", "Apologies were received from Cllr. R Kowalski and Cllr. L Whitfield."),
        (
            "item",
            "3.1 The council supports around 9,400 adults with eligible care and support needs, of whom about"
            " two thirds live in their own homes.",
        ),
        ("item", "1. Introduction"),
        ("item", "2. Recommendations"),
    ]


def test_a_table_is_read_row_by_row_with_its_headers_and_figures_in_words() -> None:
    from memberdesk.speech.figures import spoken_figure
    from memberdesk.speech.units import split_page

    page = (
        "Forecast by directorate.\n\n"
        " | Budget | Forecast | Variance | Variance\n"
        "Adult Social Care | 586.1 | 621.6 | +35.4 | +6.0%\n"
        "Children's Services | 430.6 | 420.8 | (9.9) | -2.3%\n"
        "Schools | 0.0 | £30.4m |  | \n\n"
        "The position has improved."
    )
    kinds = [(p.kind, [s.spoken for s in p.sentences]) for p in split_page(page)]
    assert kinds == [
        ("prose", ["Forecast by directorate."]),
        (
            "table",  # one paragraph: the next-paragraph key skips the whole table
            [
                "Table, columns: Budget, Forecast, Variance, Variance",
                "Adult Social Care: Budget 586.1, Forecast 621.6, Variance plus 35.4, plus 6.0 percent",
                "Children's Services: Budget 430.6, Forecast 420.8, Variance minus 9.9, minus 2.3 percent",
                "Schools: Budget 0.0, Forecast 30.4 million pounds",
            ],
        ),
        ("prose", ["The position has improved."]),
    ]
    assert [spoken_figure(t) for t in ("£500k", "\u22123.1", "£1.2bn", "Budget", "(1,200")] == [
        "500 thousand pounds",
        "minus 3.1",
        "1.2 billion pounds",
        "Budget",
        "(1,200",
    ]


def test_a_table_carried_over_from_the_page_before_has_no_header_row() -> None:
    from memberdesk.speech.units import split_page

    [table] = split_page("Older People | 97.5 | 124.9 | 27.4\nSensory | 0.3 | 0.5 | 0.2")
    assert [s.spoken for s in table.sentences] == ["Older People: 97.5, 124.9, 27.4", "Sensory: 0.3, 0.5, 0.2"]


def test_a_table_is_heard_with_the_headers_the_layout_found() -> None:
    # A header of four lines (years over sub-headings) is one sentence naming the columns,
    # and each figure is said with its column, so an empty first year is not taken for a
    # later one. Without the layout's table, the rows had only their figures.
    import tempfile
    from pathlib import Path

    import plan_factory as pf
    from memberdesk.papers.extract import extract_pages, finish_document
    from memberdesk.papers.flow import page_text

    with tempfile.TemporaryDirectory() as folder:
        (page,) = finish_document(extract_pages(pf.years_over_totals(Path(folder) / "years.pdf"))).pages
    text = page_text(page)
    (table,) = [b.grid for b in page.blocks if b.grid is not None]
    said = page_sentences(text, tables=[table])
    # Each group's heading is said once, where its columns start.
    assert said[0].spoken == (
        "Table, columns: 2024-25 Core £000s, External £000s, Total £000s, 2025-26 Core £000s, External £000s, "
        "Total £000s, INDICATIVE FOR PLANNING PURPOSES 2026-27 Core £000s, External £000s, Total £000s, "
        "2027-28 Core £000s, External £000s, Total £000s"
    )
    assert text[said[0].start : said[0].end] == "\n".join(" | ".join(r) for r in table.head).strip()
    label, first, second, *_ = pf.YEAR_ROWS[1]
    assert first == "" and said[2].spoken.startswith(f"{label}: 2025-26 Total £000s {second}, ")
    assert not page_sentences(text)[2].spoken.startswith(f"{label}: 2025-26")


def test_a_table_carried_over_is_heard_with_the_header_printed_where_it_began() -> None:
    from pathlib import Path

    from memberdesk.papers.extract import extract_pages, finish_document
    from memberdesk.papers.flow import page_text

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    document = finish_document(extract_pages(corpus / "kent-finance-appendix-nov-2024-25.pdf", 0, 2))
    page, finish = document.pages[1], document.finish[1]
    (table,) = [b.grid for k, b in enumerate(page.blocks) if b.grid is not None and k not in finish.furniture]
    assert table.continued and table.head
    said = [s.spoken for s in page_sentences(page_text(page, finish.furniture), tables=[table])]
    assert any(s.startswith("Housing Related Support: Working Budget 1.5, ") for s in said)


def test_a_label_numbered_anew_at_each_start_is_heard_on_pages_kept_as_text() -> None:
    # Pages kept as text only (before layouts were stored) are judged by their lines: a
    # "Question N" over each question's first page, questions running to two pages, is no
    # running header; the date under it, the same each time, is.
    starts = [0, 2, 3, 5, 6, 8]
    pages = [
        (f"Question {starts.index(i) + 1}\n" if i in starts else "") + f"13 March 2025\n\nAnswer text {i}."
        for i in range(10)
    ]
    keys = find_repeated_lines(pages)
    assert "# march #" in keys and "question #" not in keys
    assert page_sentences(pages[2], boilerplate=keys)[0].spoken == "Question 2"
    assert "page #" in find_repeated_lines([f"Text {i}.\nPage {i + 1}" for i in range(6)])


def test_a_cell_of_only_a_mark_is_said_by_its_name() -> None:
    # An effects key ("Some negative effect | -", "Significant negative effect | --",
    # "Uncertain effect | ?"): espeak-ng says nothing for these marks, so a listener heard
    # the column's name and then silence.
    from memberdesk.speech.figures import spoken_figure, spoken_row

    assert [spoken_figure(m) for m in ("-", "--", "?", "++", "\u2713", "\u2014")] == [
        "dash",
        "double dash",
        "question mark",
        "double plus",
        "tick",
        "dash",
    ]
    assert spoken_row(("Significant negative effect", "--"), ("Nature of effect", "Symbol")) == (
        "Significant negative effect: Symbol double dash"
    )
    assert spoken_figure("-9.9") == "minus 9.9" and spoken_figure("-?") == "-?" and spoken_figure("----") == "----"


def test_a_row_of_two_cells_with_one_empty_is_still_a_row_of_its_own() -> None:
    # An EqIA's band naming a section over two columns, a box not ticked: once read as prose
    # with its "|" and run into the next such row.
    text = "Question | Answer\nNegative impacts for age | \nAre there negative impacts? | Yes\n | Service redesign\nNext band | "
    said = page_sentences(text)
    assert [s.kind for s in said] == ["row"] * 5
    assert [s.spoken for s in said][1:] == [
        "Negative impacts for age",
        "Are there negative impacts? Yes",
        "Service redesign",
        "Next band",
    ]


def test_a_footnotes_mark_is_heard_as_a_note_not_run_into_its_figure() -> None:
    said = page_sentences("The budget is balanced by 2029-30[1], and spending rose 6.3%[12].")
    assert [s.spoken for s in said] == ["The budget is balanced by 2029-30 (note 1), and spending rose 6.3% (note 12)."]


def test_a_groups_heading_is_said_once_where_its_figures_start() -> None:
    from memberdesk.speech.figures import spoken_row

    names = ["", "2025-28 Draft MTFP 2025-26", "2025-28 Draft MTFP 2026-27", "2024-27 Final MTFP 2024-25"]
    assert spoken_row(("Adults", "£42.2m", "£42.5m", "£54.0m"), names) == (
        "Adults: 2025-28 Draft MTFP 2025-26 42.2 million pounds, 2026-27 42.5 million pounds, "
        "2024-27 Final MTFP 2024-25 54.0 million pounds"
    )
    # A group whose first figure is missing is named in full at the first one said.
    assert spoken_row(("Adults", "", "£42.5m", ""), names) == "Adults: 2025-28 Draft MTFP 2026-27 42.5 million pounds"
    # A name cut to a bare figure would be heard as a value ("12m to Dec 23 100, 24 99"): said whole.
    months = ["", "12m to Dec 23", "12m to Dec 24"]
    assert spoken_row(("Calls", "100", "99"), months) == "Calls: 12m to Dec 23 100, 12m to Dec 24 99"


def test_a_rows_reference_is_said_with_its_name_not_after_it_as_an_answer() -> None:
    from memberdesk.speech.figures import spoken_row

    # A DPIA form's unanswered question: "... stored? 15" sounded like its answer.
    assert spoken_row(("15", "In what system(s) will the data be stored?", "")) == (
        "15 In what system(s) will the data be stored?"
    )
    head = ("ROW REF", "Project", "Total Cost")
    assert spoken_row(("1", "Home Support Fund", "2,500"), head) == "1 Home Support Fund: Total Cost 2,500"
    assert spoken_row(("10,798.4", "Pay"), ("Core", "")) == "Pay: Core 10,798.4"  # a figure is no reference


def test_a_count_in_the_first_column_keeps_its_header_and_a_marked_figure_its_sign() -> None:
    from memberdesk.speech.figures import spoken_row

    head = ("Number of responses", "Answer", "Percentage")
    assert (
        spoken_row(("85", "Strongly agree", "45%"), head)
        == "Strongly agree: Number of responses 85, Percentage 45 percent"
    )
    assert spoken_row(("Loss", "(2.5)[3]"), ("", "2024-25")) == "Loss: 2024-25 minus 2.5 (note 3)"


def test_a_word_marked_with_an_asterisk_and_its_note_are_heard_as_such() -> None:
    # A scorecard's "KSAS*" and, under its table, "* Kent Support and Assistance Service": the
    # note was heard as a list item, its link to the word lost. A "*" list with no word
    # marked on the page stays a list.
    page = "The number of KSAS* awards rose.\n\nService | Q1 | Q2\nKSAS* | 10 | 12\n\n* Kent Support and Assistance Service"
    spoken = [s.spoken for s in page_sentences(page)]
    assert spoken[0] == "The number of KSAS (note) awards rose."
    assert spoken[-1] == "Note: Kent Support and Assistance Service"
    assert "KSAS (note): Q1 10, Q2 12" in spoken
    assert [s.spoken for s in page_sentences("Items:\n* first thing\n* second thing")] == [
        "Items:",
        "first thing",
        "second thing",
    ]


def test_a_long_row_name_beside_tick_marks_still_names_its_row() -> None:
    # A devolution framework's tick table: a long power's name beside "x" marks was taken for
    # prose, its column's name said before it; short names were said as names. One form now.
    from memberdesk.papers.shapes import row_key

    name = "Local Transport Authority and public transport functions, including bus franchising and an area-wide plan"
    cells = (name, "x", "x", "X")
    assert row_key(cells) == 0
    # A scorecard's KPI beside its ratings: a name, not prose.
    kpi = "Percentage of callers to Contact Point who rated the advisor who dealt with their call as good"
    assert row_key((kpi, "GREEN", "AMBER", "Performance steady or no trend")) == 0
    prose = "A long paragraph of words set in the first column of the row here and on"
    assert row_key((prose, "beside another paragraph of words set in the second column", "")) is None


def test_a_tracked_change_is_heard_with_where_it_ends() -> None:
    # "[added: The latest] Kent" was heard "added The latest Kent": where the new words stopped
    # was not said, as a screen reader says an insertion's end.
    from memberdesk.speech.figures import with_pauses

    assert with_pauses("[deleted: A refreshed] [added: The latest] Kent plan") == (
        "deleted: A refreshed (end deleted) added: The latest (end added) Kent plan"
    )
    # A change over two sentences is closed where it ends; brackets of the text stay.
    assert with_pauses("[added: The rules apply.") == "added: The rules apply."
    assert with_pauses("to amendments.] Next.") == "to amendments. (end of change) Next."
    assert with_pauses("the Leader [Cabinet] agreed") == "the Leader [Cabinet] agreed"


def test_a_grade_a_star_rating_or_a_sum_is_no_note() -> None:
    # "A*" is a grade, "4*" a hotel's rating, "2 * 3" a sum: none points to a note, and a page
    # with no word marked keeps its "*" bullets as a list.
    from memberdesk.speech.figures import with_pauses

    for text in ("Pupils achieving grades A* to C rose.", "The hotel is rated 4* and costs £95.", "Multiply 2 * 3."):
        assert with_pauses(text) == text
    page = "Our priorities\n\n* improve roads and pavements\n\n* support pupils achieving A* grades"
    assert [s.spoken for s in page_sentences(page)][1:] == [
        "improve roads and pavements",
        "support pupils achieving A* grades",
    ]


def test_a_risk_described_at_length_is_no_rows_name() -> None:
    # Beside short values a KPI's name names its row; a risk's long description does not, so
    # each cell is said with its header alone, not with the whole description again.
    from memberdesk.papers.shapes import row_key

    risk = (
        "Failure to deliver the agreed savings programme could result in an overspend and further use of "
        "reserves, weakening the council's financial resilience"
    )
    assert row_key((risk, "High", "Corporate Director of Finance", "March 2026")) is None
