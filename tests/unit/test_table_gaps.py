"""Cells of prose in tables ruled across only: justified word spaces are no column gaps, a
heading set apart between two tables under one stack of lines parts them, and a column of
labels whose figures stand on a line of their own is still a column. Generated tables (reportlab,
drawn as Word justifies a narrow cell) and the real Kent savings and capital tables, every
expected cell written out by hand from the page images."""

from __future__ import annotations

from pathlib import Path

import table_defects as td
from corpus_tables import CAPITAL_HEAD, P35_CHB, P35_GET, P40_CARRIED, P40_GET, SAVINGS_HEAD_9
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import Block, Table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MONITORING = CORPUS / "kent-finance-monitoring-q3-2024-25.pdf"


def _pages(path: Path) -> list[list[Block]]:
    return [list(page.blocks) for page in finish_document(extract_pages(path)).pages]


def _tables(blocks: list[Block]) -> list[Table]:
    return [b.grid for b in blocks if b.grid is not None]


from corpus_tables import note as _note  # noqa: E402


def test_names_justified_in_a_narrow_column_stay_one_cell(tmp_path: Path) -> None:
    [blocks] = _pages(td.justified(tmp_path / "justified.pdf"))
    [table] = _tables(blocks)
    assert table.head == (td.JUSTIFIED_HEAD,)
    assert table.body == (
        td.JUSTIFIED_BODY[0],
        _note(td.JUSTIFIED_NOTES[0], 5),
        td.JUSTIFIED_BODY[1],
        _note(td.JUSTIFIED_NOTES[1], 5),
    )


def test_lines_over_each_note_only_rule_it_off_its_saving(tmp_path: Path) -> None:
    [blocks] = _pages(td.savings(tmp_path / "savings.pdf"))
    [table] = _tables(blocks)
    assert table.head == (td.SAVINGS_HEAD,)
    rows = [row for saving, note in zip(td.SAVINGS, td.SAVINGS_NOTES) for row in (saving, _note(note, 5))]
    assert table.body == tuple(rows)


def test_a_heading_between_two_tables_under_one_stack_of_lines_parts_them(tmp_path: Path) -> None:
    [blocks] = _pages(td.savings_sections(tmp_path / "sections.pdf"))
    first, second = _tables(blocks)
    assert first.head == second.head == (td.SAVINGS_HEAD,)
    assert first.body == (td.SAVINGS[0], _note(td.SAVINGS_NOTES[0], 5), td.SAVINGS[1], _note(td.SAVINGS_NOTES[1], 5))
    assert second.body == (td.SAVINGS[2], _note(td.SAVINGS_NOTES[2], 5))
    [heading] = [b for b in blocks if td.SECTION in b.text]
    assert heading.grid is None and heading.text == td.SECTION


# -- the real pages ----------------------------------------------------------------------------


def test_the_savings_tables_of_page_35_keep_their_justified_names_whole() -> None:
    get, chb = _tables(_pages(MONITORING)[34])
    assert get.head == chb.head == (SAVINGS_HEAD_9,)
    assert not get.continued and not chb.continued  # each under a heading of its own
    assert get.body == P35_GET
    assert chb.body == P35_CHB


def test_the_savings_table_of_page_34_is_page_33s_carried_on_with_its_names_whole() -> None:
    [table] = _tables(_pages(MONITORING)[33])
    assert table.continued and table.head == (SAVINGS_HEAD_9,)
    labels = [row[0] for row in table.body if row[0]]
    assert labels == [
        "Adult Social Care - Consistently adhere to our policy framework in relation to areas such as: Third "
        "Party Top Ups; arranging support and debt for self-funders; transport and maximisation of relevant "
        "benefits; use of inhouse provision and occupancy to reduce reliance on external purchasing of short "
        "term beds; people in residential care in receipt of other services; timely reviews of Section 117 "
        "status with regard to charging",
        "Adult Social Care contracts with Voluntary Sector",
        "Redesign of In House Adult Social Care Services",
    ]
    figures = [row[1:] for row in table.body if row[0]]
    assert figures == [
        ("-851.4", "-108.7", "-", "-", "-108.7", "742.7", "480.0", "-262.7"),
        ("-3,216.8", "-", "-", "-2,304.2", "-2,304.2", "912.6", "3,216.8", "-"),
        ("-1,456.4", "-34.9", "-", "-", "-34.9", "1,421.5", "1,421.5", "-"),
    ]
    notes = [row for row in table.body if not row[0]]
    assert all(not any(row[2:]) for row in notes)  # each note one cell, never cut into columns
    assert notes[1][1].endswith(
        "pressure by -£965.0k. Public Health are also to provide an additional £1m in "
        "24/25 to fund priority mental health services delivered under the Live Well "
        "Kent contract, in line with the PH grant conditions. This additional £1m is "
        "one-off funding for 24/25 only. Public Health to review towards the end of 24/25 "
        "the possibility of funding an additional £339.2k for community navigation "
        "services subject to Public Health’s financial position (particularly in relation "
        "to its own transformation programme), other potential funding pressures and the "
        "expenditure meeting the PH grant conditions."
    )


def test_the_capital_tables_of_page_40_are_two_the_section_heading_neither() -> None:
    pages = _pages(MONITORING)
    blocks = pages[39]
    # The first, under p.40's repeated header, is only the end of p.39's last row (its Detail
    # cell runs on): read with that row, where it began (table_pages.py).
    last = _tables(pages[38])[-1].body[-1]
    assert last[0] == "Childcare Expansion (Early Years)" and last[-1].endswith(" " + P40_CARRIED)
    [get] = _tables(blocks)
    assert not get.continued and get.head == (CAPITAL_HEAD,)
    assert get.body == P40_GET
    assert "5c | Growth, Environment & Transport" in [b.text for b in blocks if b.grid is None]


# -- the rule itself, on words placed by hand ------------------------------------------------


def _line(texts: list[str], gaps_em: list[float], size: float = 10.0) -> list[str]:
    """The chunks cut_line makes of words 6 points a letter wide, set `gaps_em` apart."""
    from memberdesk.papers.bands import bands
    from memberdesk.papers.columns import cut_line
    from memberdesk.papers.shapes import Box, Word

    words, x = [], 50.0
    for n, text in enumerate(texts):
        words.append(Word(text, Box(x, 100, x + 6 * len(text), 110), size, order=n))
        x += 6 * len(text) + (gaps_em[n] * size if n < len(gaps_em) else 0)
    [band] = bands(words)
    return [chunk.text for chunk in cut_line(band).chunks]


def test_spaces_stretched_alike_along_a_line_of_prose_are_word_spaces() -> None:
    words = ["Adult", "social", "care", "contracts", "with"]
    assert _line(words, [1.25] * 4) == ["Adult social care contracts with"]
    # After a full stop a space twice as wide is still a word space.
    sentence = ["the", "planning", "areas.", "Expressions", "of", "interest", "from"]
    assert _line(sentence, [0.42, 0.42, 0.9, 0.42, 0.42, 0.42]) == [" ".join(sentence)]


def test_gutters_stay_gutters() -> None:
    # Headings one word a column, set alike apart: capitalised, no prose.
    assert _line(["Jan", "Feb", "Mar", "Apr", "May"], [1.2] * 4) == ["Jan", "Feb", "Mar", "Apr", "May"]
    # Figures set alike apart are columns.
    assert _line(["Care", "586.1", "621.6", "35.4", "6.0"], [3.0, 1.2, 1.2, 1.2]) == [
        "Care",
        "586.1",
        "621.6",
        "35.4",
        "6.0",
    ]
    # A wide gap among narrow word spaces is a gutter (a label and its note).
    assert _line(["for", "the", "year", "the", "rate", "rose"], [0.28, 0.28, 1.2, 0.28, 0.28]) == [
        "for the year",
        "the rate rose",
    ]
    # Too few spaces to tell: two words a stretched space apart stay two chunks.
    assert _line(["further", "discretionary"], [1.22]) == ["further", "discretionary"]


def test_figures_of_two_cells_set_close_are_two_chunks() -> None:
    # Excel sets "0.0" and "1,531,279.8" of two columns a space and a half apart: read as one
    # chunk, they merged two columns for the whole table. One word space still joins words,
    # and a year beside a year is no pair of cells.
    assert _line(["NET", "BUDGET", "0.0", "1,531,279.8"], [0.28, 3.0, 0.9]) == ["NET BUDGET", "0.0", "1,531,279.8"]
    assert _line(["-1,350.5", "-16,227.9"], [0.5]) == ["-1,350.5", "-16,227.9"]
    assert _line(["0.0", "1,531,279.8"], [0.3]) == ["0.0 1,531,279.8"]
    assert _line(["in", "2024", "2025"], [0.28, 0.6]) == ["in 2024 2025"]


def test_lines_over_part_of_a_table_join_its_stack_but_a_page_frame_does_not_take_it() -> None:
    from memberdesk.papers.rule_stacks import stacks
    from memberdesk.papers.shapes import Box

    def line(x0: float, x1: float, y: float) -> Box:
        return Box(x0, y, x1, y + 0.5)

    rows = [line(60, 500, y) for y in (100, 120, 180, 240)]  # over and under the header, under each row
    notes = [line(200, 500, y) for y in (150, 210)]  # over each row's note only
    frame = [line(20, 540, 20), line(20, 540, 800)]  # the page's frame, wider than the table
    [stack] = [s for s in stacks(rows + notes + frame) if len(s) > 2]
    assert [round(r.cy) for r in stack] == [100, 120, 150, 180, 210, 240]
