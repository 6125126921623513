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
