"""Where a spoken sentence (a span of raw page text) sits in the reflowed page, and back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from memberdesk.papers.extract import extract_pages
from memberdesk.papers.flow import page_text
from memberdesk.papers.reflow import paragraphs
from memberdesk.speech.follow import DocumentSentences, PageMap, Place, sentence_at
from memberdesk.speech.laid_out import LaidOut
from memberdesk.speech.units import page_sentences

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"

PAGE = """Cabinet - 3 March 2027
3.2.1 The Committee noted that the environ-
mental impact of the scheme was assessed in
full. Cllr. Smith asked about costs.
Measure      Target   Q1    Q2
Visits       85%      78%   74%
(a) a   short   item
Page 3"""


def shown(page: str, spans: list[tuple[int, int, int]]) -> str:
    paras = paragraphs(page)
    return " | ".join(paras[p].text[a:b] for p, a, b in spans)


def squash(text: str) -> str:
    return re.sub(r"[\s-]+", "", text)


def test_sentences_land_on_the_reflowed_words() -> None:
    mapping = PageMap(PAGE, paragraphs(PAGE))
    got = [shown(PAGE, mapping.to_paragraphs(s.start, s.end)) for s in page_sentences(PAGE)]
    assert "3.2.1 The Committee noted that the environmental impact of the scheme was assessed in full." in got
    assert "Cllr. Smith asked about costs." in got
    assert "Visits 85% 78% 74%" in got  # a table row: its cells' spacing collapsed on screen
    assert "(a) a short item" in got


def test_every_sentence_of_the_demo_pack_maps_exactly() -> None:
    texts = [page_text(page) for page in extract_pages(DEMO, 0, 13)]
    sentences = DocumentSentences(lambda: texts)
    count = 0
    for index, text in enumerate(texts):
        paras = paragraphs(text)
        mapping = PageMap(text, paras)
        for sentence in sentences.page(index):
            spans = mapping.to_paragraphs(sentence.start, sentence.end)
            assert squash("".join(paras[p].text[a:b] for p, a, b in spans)) == squash(
                text[sentence.start : sentence.end]
            )
            count += 1
    assert count > 100


def test_from_the_reading_line_back_to_the_sentence() -> None:
    paras = paragraphs(PAGE)
    mapping = PageMap(PAGE, paras)
    sentences = page_sentences(PAGE)
    # The second sentence starts in the middle of a reflowed paragraph.
    para = next(n for n, p in enumerate(paras) if "Cllr." in p.text)
    offset = paras[para].text.index("Cllr.")
    number = sentence_at(sentences, mapping.to_page(para, offset))
    assert number is not None and sentences[number].spoken == "Cllr. Smith asked about costs."
    # Inside a sentence: that sentence, not the next.
    inside = sentence_at(sentences, mapping.to_page(para, paras[para].text.index("mental")))
    assert inside is not None and sentences[inside].spoken.startswith("3.2.1 The Committee")
    assert sentence_at(sentences, len(PAGE)) is None
    assert mapping.to_page(99, 0) == len(PAGE)


@pytest.mark.parametrize("page", ["", "   \n\n", "One line only"])
def test_odd_pages(page: str) -> None:
    mapping = PageMap(page, paragraphs(page))
    for sentence in page_sentences(page):
        assert mapping.to_paragraphs(sentence.start, sentence.end)


def test_pages_still_being_imported_are_looked_for_again(monkeypatch: pytest.MonkeyPatch) -> None:
    stored: list[str | None] = ["First page. It is here.", None]
    sentences = DocumentSentences(lambda: list(stored))
    assert len(sentences.page(0)) == 2 and sentences.page(1) == []
    stored[1] = "Second page, arrived later."
    monkeypatch.setattr("memberdesk.speech.follow.RELOAD_EVERY", 0.0)
    assert [s.spoken for s in sentences.page(1)] == ["Second page, arrived later."]


def test_moving_by_sentence_and_paragraph_across_pages() -> None:
    pages: list[str | None] = [
        "First one. First two.\n\nSecond para here.",
        "",  # a page with nothing to read is stepped over
        "Third para one. Third para two. Third para three.",
    ]
    doc = DocumentSentences(lambda: pages)
    spoken = lambda place: doc.sentence(place).spoken  # noqa: E731
    assert [spoken(Place(0, n)) for n in range(3)] == ["First one.", "First two.", "Second para here."]
    assert doc.step_sentence(Place(0, 2), +1) == Place(2, 0)
    assert doc.step_sentence(Place(2, 0), -1) == Place(0, 2)
    assert doc.step_sentence(Place(2, 2), +1) is None and doc.step_sentence(Place(0, 0), -1) is None
    assert doc.step_paragraph(Place(0, 0), +1) == Place(0, 2)
    assert doc.step_paragraph(Place(0, 2), +1) == Place(2, 0)
    assert doc.step_paragraph(Place(2, 2), -1) == Place(0, 2)  # from mid-paragraph: the one before
    assert doc.step_paragraph(Place(0, 2), -1) == Place(0, 0)
    assert doc.step_paragraph(Place(0, 1), -1) is None
    assert doc.settle(Place(1, 0)) == Place(2, 0) and doc.settle(Place(2, 3)) is None


CUT = [
    "The plan was submitted for independent Examination by a Government-appointed",
    "inspector. The examination is held in public.\n\n1 HM Treasury (2024), Autumn Budget 2024",
    "therefore the limits apply.\n\nBackground and context\n\nThe council agreed the plan.",
]


def test_a_sentence_cut_by_a_page_break_is_read_whole_where_it_begins() -> None:
    # A Word report breaks paragraphs over most pages: reading aloud paused mid-sentence at
    # each page turn and said "inspector." alone. A footnote at a page's foot, a heading or a
    # finished sentence are not run on.
    doc = DocumentSentences(lambda: CUT)
    places = [Place(p, n) for p in range(3) for n in range(len(doc.page(p)))]
    read = doc.read_on(places)
    assert [text for _place, text in read] == [
        "The plan was submitted for independent Examination by a Government-appointed inspector.",
        "The examination is held in public.",
        "1 HM Treasury (2024), Autumn Budget 2024",
        "therefore the limits apply.",
        "Background and context",
        "The council agreed the plan.",
    ]
    assert read[0][0] == Place(0, 0) and Place(1, 0) not in [place for place, _text in read]
    # Read from the next page's top, its first sentence is said as it stands.
    assert doc.read_on([Place(1, 0), Place(1, 1)])[0][1] == "inspector."
    # A list of names cut after a title, or after an "and", runs on into a capital.
    pages = ["For (3): Mr Hood, Mr", "Jeffrey, Mr Lewis.", "Against (2): Mr Ross and", "Mrs Bell."]
    votes = DocumentSentences(lambda: pages, lambda _index: LaidOut(headings=frozenset()))  # laid out: no headings
    places = [Place(p, n) for p in range(4) for n in range(len(votes.page(p)))]
    assert [t for _p, t in votes.read_on(places)] == [
        "For (3): Mr Hood, Mr Jeffrey, Mr Lewis.",
        "Against (2): Mr Ross and Mrs Bell.",
    ]


def test_the_end_of_a_cut_sentence_leads_back_to_where_it_is_said() -> None:
    # Moving by sentence in the app: the tail on the next page is said with its head, so a
    # step onto it is a step onto the head, and a note at the foot of a page runs on to nothing.
    doc = DocumentSentences(lambda: CUT)
    assert doc.head_of(Place(1, 0)) == Place(0, 0)
    assert doc.head_of(Place(1, 1)) == Place(1, 1)
    assert doc.head_of(Place(2, 0)) == Place(2, 0)  # after a footnote: said where it stands
    assert doc.head_of(Place(0, 0)) == Place(0, 0)
    noted = DocumentSentences(lambda: [CUT[0] + " and\n\n[1] HM Treasury (2024), Autumn Budget 2024", CUT[1]])
    assert noted.head_of(Place(1, 0)) == Place(1, 0)


def test_a_laid_out_pages_repeated_heading_is_said_as_the_reader_shows_it() -> None:
    # A questions paper prints "COUNTY COUNCIL" over each question; the layout kept it as a
    # heading (it is no running header: not on every page, in large type), and the reader shows
    # it, but speech left it out everywhere as a line repeated at the pages' tops. A page stored
    # without its blocks still leaves such lines unsaid.
    asks = ["the budget", "the roads", "the schools", "the libraries"]
    pages = [f"COUNTY COUNCIL\n\nThe member asks about {topic}." for topic in asks]
    laid = DocumentSentences(lambda: pages, lambda _index: LaidOut(headings=frozenset({"COUNTY COUNCIL"})))
    assert [s.spoken for s in laid.page(2)] == ["COUNTY COUNCIL", "The member asks about the schools."]
    unlaid = DocumentSentences(lambda: pages)
    assert [s.spoken for s in unlaid.page(2)] == ["The member asks about the schools."]
