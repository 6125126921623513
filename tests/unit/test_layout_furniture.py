"""furniture.py: running headers and footers, and page labels only where the stamps run."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import paper_factory as pf
from memberdesk.papers import furniture
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import HEADING, Block, Box
from word_factory import block, layout

FOOT = 800.0  # a block this far down an A4 page is in the bottom band
HEAD = 20.0


def _labels(pages) -> list[str | None]:
    return [f.label for f in furniture.find(pages)]


def test_a_moderngov_pack_is_labelled_from_its_third_page(tmp_path: Path) -> None:
    path = pf.moderngov_pack(tmp_path / "pack.pdf", report_pages=6)
    document = finish_document(extract_pages(path))
    assert [f.label for f in document.finish] == [None, None, "1", "2", "3", "4", "5", "6"]
    assert [f.header for f in document.finish] == ["", ""] + [pf.PACK_HEADER] * 6
    for page, done in zip(document.pages[2:], document.finish[2:]):
        furniture_texts = {page.blocks[k].text for k in done.furniture}
        assert pf.PACK_HEADER in furniture_texts
        assert any(t.startswith("Page ") for t in furniture_texts)
    # The budget report's own numbers (1-3 at the bottom right) are furniture too, but the
    # pack's stamps label the pages; the stray "15" in the body is neither.
    page4, done4 = document.pages[4], document.finish[4]
    assert {page4.blocks[k].text for k in done4.furniture} == {pf.PACK_HEADER, "Page 3", "1"}
    page3, done3 = document.pages[3], document.finish[3]
    stray = [k for k, b in enumerate(page3.blocks) if b.text == "15"]
    assert stray and stray[0] not in done3.furniture
    # Front sheet and agenda keep their own text: nothing there is furniture.
    assert document.finish[0].furniture == frozenset()


def test_page_n_of_m_and_dashed_stamps(tmp_path: Path) -> None:
    of = finish_document(extract_pages(pf.stamped(tmp_path / "of.pdf", [f"Page {i} of 4" for i in range(1, 5)])))
    assert [f.label for f in of.finish] == ["1", "2", "3", "4"]
    dashed = finish_document(extract_pages(pf.stamped(tmp_path / "dash.pdf", [f"- {i} -" for i in range(5, 9)])))
    assert [f.label for f in dashed.finish] == ["5", "6", "7", "8"]
    assert all(len(f.furniture) == 1 for f in dashed.finish)


def test_a_landscape_pages_stamp_up_its_left_edge_labels_it(tmp_path: Path) -> None:
    # ModernGov stamps a landscape appendix's "Page N" up its left edge: those pages had no
    # label, and "Page 7" was read as the page's last paragraph. A table's row numbers at the
    # edge are no stamps.
    for rows in (False, True):
        path = pf.stamped_landscape(tmp_path / f"side{rows}.pdf", portrait=2, landscape=3, row_numbers=rows)
        document = finish_document(extract_pages(path))
        assert [f.label for f in document.finish] == ["1", "2", "3", "4", "5"]
        for page, done in zip(document.pages, document.finish):
            said = [b.text for k, b in enumerate(page.blocks) if k not in done.furniture]
            assert not any(t.startswith("Page ") for t in said)
            if rows and page.index >= 2:
                assert any("Service line 1" in t and "1" in t for t in said)
    # One landscape page among portrait ones goes on from their run.
    document = finish_document(extract_pages(pf.stamped_landscape(tmp_path / "one.pdf", portrait=2, landscape=1)))
    assert [f.label for f in document.finish] == ["1", "2", "3"]
    assert all(
        b.text != "Page 3" for k, b in enumerate(document.pages[2].blocks) if k not in document.finish[2].furniture
    )


def test_roman_front_matter_then_arabic(tmp_path: Path) -> None:
    path = pf.stamped(tmp_path / "roman.pdf", ["i", "ii", "iii", "1", "2", "3", "4"])
    document = finish_document(extract_pages(path))
    assert [f.label for f in document.finish] == ["i", "ii", "iii", "1", "2", "3", "4"]


def test_numbering_restarts_for_each_appendix() -> None:
    stamps = ["Page 1", "Page 2", "Page 3", "Page 1", "Page 2", "Page 1", "Page 2"]
    pages = [layout(i, [block("Body text of the report", 100), block(s, FOOT)]) for i, s in enumerate(stamps)]
    assert _labels(pages) == ["1", "2", "3", "1", "2", "1", "2"]


def test_a_stray_number_never_becomes_a_label() -> None:
    # A number in the body, a number in the footer band on only two pages, and numbers that
    # do not go up by one with the pages: none is a label.
    pages = [
        layout(0, [block("12", 400), block("Text", 100)]),
        layout(1, [block("13", 400), block("7", FOOT)]),
        layout(2, [block("Text", 100), block("8", FOOT)]),
        layout(3, [block("Text", 100), block("2024", FOOT)]),
        layout(4, [block("Text", 100), block("31", FOOT)]),
    ]
    assert _labels(pages) == [None] * 5
    assert all(not f.furniture for f in furniture.find(pages)[:1])


def test_bare_numbers_need_three_pages_in_a_run_and_may_step_over_an_unstamped_page() -> None:
    pages = [layout(i, [block("Text", 100)] + ([block(str(i + 10), FOOT)] if i != 2 else [])) for i in range(5)]
    assert _labels(pages) == ["10", "11", "12", "13", "14"]  # page 2 (a plan) is counted, unstamped
    # Two are no run: their count is believed only where it is the pages' own ("1", "2" on
    # the first two), but they are page numbers, hidden either way.
    two = [layout(i, [block("Text", 100), block(str(i + 10), FOOT)]) for i in range(2)]
    assert _labels(two + [layout(2, [block("Text", 100)])]) == [None, None, None]
    assert [f.furniture for f in furniture.find(two)] == [frozenset({1})] * 2
    own = [layout(i, [block("Text", 100), block(str(i + 1), FOOT)]) for i in range(2)]
    assert _labels(own + [layout(2, [block("Text", 100)])]) == ["1", "2", None]


def test_running_headers_match_with_their_numbers_normalised() -> None:
    pages = [
        layout(i, [block(f"Cabinet report {i + 4} of 12", HEAD), block("Body", 100), block(f"Page {i + 1}", FOOT)])
        for i in range(4)
    ]
    done = furniture.find(pages)
    assert [f.furniture for f in done] == [frozenset({0, 2})] * 4
    assert done[1].header == "Cabinet report 5 of 12"
    assert [f.label for f in done] == ["1", "2", "3", "4"]


def test_a_stamp_printed_with_the_running_footer_in_one_line() -> None:
    pages = [
        layout(i, [block("Body", 100), block(f"Northshire County Council | Page {i + 3}", FOOT)]) for i in range(3)
    ]
    done = furniture.find(pages)
    assert [f.label for f in done] == ["3", "4", "5"]
    assert all(f.furniture == frozenset({1}) for f in done)


def test_roman_numerals_round_trip() -> None:
    assert [furniture.roman_value(t) for t in ("i", "iv", "ix", "xiv", "xl", "MCMXC")] == [1, 4, 9, 14, 40, 1990]
    assert furniture.roman_value("iiii") is None and furniture.roman_value("vx") is None


def test_a_header_in_large_type_at_the_same_place_on_every_page_is_running() -> None:
    # "Appendix J" in bold 14 pt at the top right of each page of a 10 pt appendix: type larger
    # than the body's is taken for a heading, but not where it never moves.
    def header(x: float) -> object:
        return block("Appendix J", HEAD, x=x, size=14.0)

    body = [block("The Council is in receipt of a mix of general grants.", 100 + k * 14) for k in range(5)]
    pages = [layout(i, [header(440.0), *body]) for i in range(4)]
    assert [f.furniture for f in furniture.find(pages)] == [frozenset({0})] * 4
    assert furniture.find(pages)[0].header == "Appendix J"
    # A heading that happens to repeat, at another place on one page, is still a heading.
    pages[2] = layout(2, [header(60.0), *body])
    assert [f.furniture for f in furniture.find(pages)] == [frozenset()] * 4


def test_a_label_numbered_anew_at_each_start_is_read_not_taken_for_a_running_header() -> None:
    # A bundle of questions: "Question N" at the top of each question's first page, some
    # questions running to two pages. The number does not step with the pages (a page
    # number does) nor stay the same (a date does): it names what follows.
    starts = [0, 2, 3, 4, 5, 7, 8, 10]  # the pages where questions 1-8 begin
    pages = []
    for index in range(11):
        blocks = [block("13 March 2025", FOOT), block(f"Page {index + 1}", FOOT + 12, x=400.0)]
        if index in starts:
            blocks.insert(0, block(f"Question {starts.index(index) + 1}", HEAD, x=450.0))
        blocks.insert(-2, block("The answer goes on here.", 300.0))
        pages.append(layout(index, blocks))
    finish = furniture.find(pages)
    for page, done in zip(pages, finish):
        gone = {page.blocks[k].text for k in done.furniture}
        assert gone == {"13 March 2025", f"Page {page.index + 1}"}
    # A running header numbered by the page is still one.
    counted = [layout(i, [block(f"Budget book {i + 3}", HEAD), block("Text.", 300.0)]) for i in range(5)]
    assert all(done.furniture == {0} for done in furniture.find(counted))


def test_a_heading_that_opens_a_few_pages_far_apart_is_no_running_header() -> None:
    # A scorecard's "Activity indicators" heads a page's section on pages 3, 9 and 14 of 16:
    # three repeats at the top made it a running header, and it was never read. At the top of
    # pages one after another (an appendix's title over each page) it still runs.
    def top(text: str, kind: str = HEADING) -> Block:
        return replace(block(text, HEAD), kind=kind)

    pages = [layout(i, [block("Text of the page.", 300.0)]) for i in range(16)]
    for i in (3, 9, 14):
        pages[i] = layout(i, [top("Activity indicators"), block("Text of the page.", 300.0)])
    assert all(not done.furniture for done in furniture.find(pages))
    for i in (5, 6, 7):
        pages[i] = layout(i, [top("Appendix 2 - Key decisions"), block("Text of the page.", 300.0)])
    assert [bool(done.furniture) for done in furniture.find(pages)][5:8] == [True, True, True]
    # A header on the left-hand pages only, mirrored in print, runs on every other page.
    mirrored = [layout(i, [block("Text of the page.", 300.0)]) for i in range(24)]
    for i in range(16, 24, 2):
        mirrored[i] = layout(i, [top("Appendix B: Terms of Reference"), block("Text of the page.", 300.0)])
    assert [bool(done.furniture) for done in furniture.find(mirrored)][16:24:2] == [True] * 4
    # A mark stamped here and there ("DRAFT", no heading) runs wherever it stands.
    for i in (3, 9, 14):
        pages[i] = layout(i, [top("DRAFT", "paragraph"), block("Text of the page.", 300.0)])
    assert [bool(done.furniture) for done in furniture.find(pages)][3] is True


def test_a_landscape_pages_stamp_is_in_its_foot_band() -> None:
    # An inspector's report turns to landscape for its schedule: the page number stands as far
    # from the foot in points, a larger share of the shorter page, and was read as text.
    def landscape(index: int, blocks: list[Block]) -> object:
        from memberdesk.papers.shapes import PageLayout

        return PageLayout(index=index, width=842.0, height=595.0, blocks=tuple(blocks))

    def at(text: str, top: float) -> Block:
        box = Box(400.0, top, 420.0, top + 11.0)
        return Block(text=text, kind="paragraph", box=box, where=box.scaled(842.0, 595.0), size=11.0, bold=False)

    pages = [
        landscape(i, [at("Schedule of main modifications text.", 200.0), at(str(i + 33), 532.0)]) for i in range(4)
    ]
    finish = furniture.find(pages)
    assert [f.label for f in finish] == ["33", "34", "35", "36"]
    assert all(f.furniture == frozenset({1}) for f in finish)


def test_a_print_title_over_each_page_heads_its_section_once() -> None:
    # A spreadsheet printed with its title over every page ("APPENDIX F: ... - SPENDING", then
    # "... - SAVINGS"): the title was heard as a new heading at the top of all 26 pages. It
    # heads its section on its first page and runs as the pages' header after that; a title
    # over two pages only is a heading on both.
    body = "The service line and its figures for each year of the plan are set out below."
    titles = ["APPENDIX F: BUDGET - SPENDING"] * 3 + ["APPENDIX F: BUDGET - SAVINGS"] * 4 + ["Reserves"] * 2
    pages = [
        layout(
            i, [replace(block(t, 30, size=16), kind=HEADING, level=1), *(block(body, 100 + 20 * n) for n in range(20))]
        )
        for i, t in enumerate(titles)
    ]
    finish = furniture.find(pages)
    assert [0 in f.furniture for f in finish] == [False, True, True, False, True, True, True, False, False]
    assert finish[5].header == "APPENDIX F: BUDGET - SAVINGS"
    # Numbered titles one after another are items, not a title printed again; a title over two
    # pages and once more later is no run.
    for titles, running in (
        (["Report", "Item 5", "Item 6", "Item 7", "Item 8"], [False] * 5),
        (["Budget", "Budget", "Other", "Budget", "Budget"], [False] * 5),
    ):
        pages = [
            layout(
                i,
                [
                    replace(block(t, 30, size=16), kind=HEADING, level=1),
                    *(block(body, 100 + 20 * n) for n in range(20)),
                ],
            )
            for i, t in enumerate(titles)
        ]
        assert [0 in f.furniture for f in furniture.find(pages)] == running


def test_a_number_at_the_end_of_a_running_footer_labels_its_page() -> None:
    # "... | SR1 | 21/02/2025  4": the page's number printed in the footer's own line. It was
    # hidden with the footer, and the contents' "Table 2 ... 15" landed a page early.
    footer = "Sustainability Appraisal Report Non-Technical Summary | SR1 | 21/02/2025"
    pages = [layout(0, [block("Cover", 100)])]
    pages += [layout(i, [block("Body text", 100), block(f"{footer} {i}", FOOT)]) for i in range(1, 6)]
    done = furniture.find(pages)
    assert [f.label for f in done] == [None, "1", "2", "3", "4", "5"]
    assert all(f.furniture == frozenset({1}) for f in done[1:])
    # Numbered at the start, as a left-hand page is: the same.
    left = [
        layout(i, [block("Body text", 100), block(f"{i + 2} Kent County Council Annual Report", FOOT)])
        for i in range(4)
    ]
    assert _labels(left) == ["2", "3", "4", "5"]


def test_a_footnote_numbered_at_each_page_foot_is_no_page_number() -> None:
    # One note a page, numbered on: "1 Balance being defined ...", "2 The forecast ...". The
    # note's number counts up as the pages do, but its text is no running line.
    notes = ["Balance being defined as in surplus", "The forecast assumes the same rate", "Figures rounded to the"]
    pages = [
        layout(i, [block("Body text", 100), block(f"{i + 1} {note} nearest million", FOOT)])
        for i, note in enumerate(notes)
    ]
    done = furniture.find(pages)
    assert [f.label for f in done] == [None, None, None]
    assert all(not f.furniture for f in done)


def test_lone_page_numbers_off_the_run_are_hidden_and_label_only_where_they_keep_its_count() -> None:
    # Slides numbered at the foot on pages 1-4 and, after four unnumbered pages, on 9-10; an
    # inserted strategy's own "3" on page 6. The 9 and 10 keep the run's count; the 3 does not.
    pages = []
    for i in range(10):
        foot = [block(str(i + 1), FOOT, x=540)] if i < 4 or i >= 8 else [block("3", FOOT, x=540)] if i == 5 else []
        pages.append(layout(i, [block("Slide text", 100)] + foot))
    done = furniture.find(pages)
    assert [f.label for f in done] == ["1", "2", "3", "4", None, None, None, None, "9", "10"]
    assert all(f.furniture == frozenset({1}) for k, f in enumerate(done) if k < 4 or k == 5 or k >= 8)


def test_a_number_beside_a_note_at_the_foot_is_the_notes_own() -> None:
    # "1" set apart by a tab from its note's text: level with it, so no page number.
    note = Block(
        text="Balance being defined as in surplus",
        kind="paragraph",
        box=Box(80, FOOT, 300, FOOT + 11.5),
        where=Box(80, FOOT, 300, FOOT + 11.5).scaled(595.0, 842.0),
        size=10,
        bold=False,
    )
    page = layout(0, [block("Body text", 100), block("1", FOOT, x=60), note])
    done = furniture.find([page])
    assert done[0].furniture == frozenset() and done[0].label is None


def test_text_or_a_year_at_the_foot_that_no_run_takes_is_the_pages_own() -> None:
    # A stray stamp hidden is only a stamp alone: the page's last line ending "page 12", or a
    # year alone at the foot, is the page's text.
    pages = [
        layout(
            0,
            [
                block("Body text", 100),
                block("The savings are set out in the Medium Term Financial Plan, page 12", FOOT),
            ],
        )
    ]
    pages.append(layout(1, [block("Body text", 100), block("2030", FOOT, x=540)]))
    assert [f.furniture for f in furniture.find(pages)] == [frozenset(), frozenset()]
