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


def test_with_the_layouts_headings_a_heading_is_what_the_layout_made_one() -> None:
    # Without blocks (a page stored before they were kept) headings are judged from the text;
    # with them, the layout's word stands: its bold "2. Budget Principles" heads a section,
    # a short plain "Telephone: 03000 416559" is a line of text.
    text = "2. Budget Principles\n\nThe budget is balanced.\n\nTelephone: 03000 416559\n\nJane Smith"
    by_text = {s.spoken: s.kind for s in page_sentences(text)}
    assert by_text["2. Budget Principles"] == "item" and by_text["Jane Smith"] == "heading"
    laid = {s.spoken: s.kind for s in page_sentences(text, headings=frozenset({"2. Budget Principles"}))}
    assert laid == {
        "2. Budget Principles": "heading",
        "The budget is balanced.": "sentence",
        "Telephone: 03000 416559": "sentence",
        "Jane Smith": "sentence",
    }


def test_a_paragraph_numbered_in_brackets_is_an_item_as_a_lettered_one_is() -> None:
    # A minute's resolutions "(1) ...", "(2) ..." were heard as sentences, "(a) ..." as items.
    text = "(1) The Council agreed the plan.\n\n(2) The Council noted the risks.\n\n(a) The Leader will write."
    assert [s.kind for s in page_sentences(text, headings=frozenset())] == ["item", "item", "item"]
    # A year a paragraph's line starts with is no item's number.
    said = page_sentences("2022. Decision 22/00108 was taken.", headings=frozenset())
    assert [s.kind for s in said] == ["sentence"]
