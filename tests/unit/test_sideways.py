"""Text drawn turned a quarter on a portrait page with no /Rotate: read as the page turned
upright is read, tables included (generated with reportlab, cells written out by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import table_defects as td
import table_factory as tf
from memberdesk.papers import glyphs
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import Box, PageWords, Word
from memberdesk.papers.sideways import turn


@pytest.mark.parametrize("clockwise", [False, True], ids=["reading up the page", "reading down the page"])
def test_a_landscape_table_drawn_turned_is_read_upright(tmp_path: Path, clockwise: bool) -> None:
    [page] = finish_document(extract_pages(tf.sideways(tmp_path / "side.pdf", clockwise=clockwise))).pages
    assert page.width > page.height  # read as the landscape page it is
    texts = [b.text for b in page.blocks]
    assert texts[:2] == [
        "Revenue monitoring",
        "The table shows the forecast for each directorate in millions of pounds.",
    ]
    assert texts[-1] == "Figures are rounded, so totals may not add up."
    table = page.blocks[2].grid
    assert table is not None
    assert table.head == (tf.FINANCE_HEAD,)
    assert table.body == tuple(tf.FINANCE_BODY)
    assert table.totals == (5,)


def test_a_ruled_grid_drawn_turned_keeps_its_cells_and_the_upright_page_number_is_read_last(tmp_path: Path) -> None:
    [page] = finish_document(extract_pages(tf.sideways_grid(tmp_path / "grid.pdf"))).pages
    texts = [b.text for b in page.blocks]
    assert texts[0] == "Risk register" and texts[-1] == "Page 7"
    table = page.blocks[1].grid
    assert table is not None
    assert table.head == (tf.RULED_HEAD,)
    assert table.body == tuple(tf.RULED_BODY)


def test_a_note_turned_in_the_margin_of_an_upright_page_leaves_the_page_as_it_is(tmp_path: Path) -> None:
    path = _page_with_a_margin_note(
        tmp_path / "margin.pdf", "Printed on recycled paper by the council's print unit", 300
    )
    with glyphs.open_document(path) as doc:
        words = glyphs.page_words(doc, 0)
    assert turn(words) == (words, (), [])
    [page] = finish_document(extract_pages(path)).pages
    assert page.blocks[0].text.startswith("Line 1 of the report")
    assert page.blocks[-1].text == "Printed on recycled paper by the council's print unit"


def test_turning_moves_every_box_rule_and_the_page_size() -> None:
    # Words reading up a 600 x 800 page, one line at x 100-110, drawn bottom to top.
    words = tuple(
        Word(f"w{k}", Box(100, 700 - 40 * k - 30, 110, 700 - 40 * k), 10, order=k, sideways=True) for k in range(8)
    )
    number = Word("3", Box(300, 780, 306, 790), 9, order=8)
    page = PageWords(index=0, width=600, height=800, rotation=0, words=(*words, number))
    upright, rules, _extra = turn(page, (Box(90, 100, 91, 700),))
    assert (upright.width, upright.height) == (800, 600)
    first = upright.words[0]
    assert first.box == Box(100, 100, 130, 110) and not first.sideways
    assert upright.words[1].box.x0 > first.box.x1  # the next word to its right, as read
    assert upright.words[-1].sideways  # the upright page number is now at an angle: read last
    assert rules == (Box(100, 90, 700, 91),)


@pytest.mark.parametrize("ruled", [False, True], ids=["unruled", "ruled as a grid"])
@pytest.mark.parametrize("clockwise", [False, True], ids=["reading up the page", "reading down the page"])
def test_a_small_table_turned_on_an_upright_page_is_read_as_a_table(
    tmp_path: Path, clockwise: bool, ruled: bool
) -> None:
    path = td.sideways_table(tmp_path / "small.pdf", clockwise=clockwise, ruled=ruled)
    [page] = finish_document(extract_pages(path)).pages
    texts = [b.text for b in page.blocks]
    # The page stays upright: its prose first, the table where it stands under it, the page
    # number last.
    assert page.width < page.height
    assert texts[:2] == [td.TURNED_PROSE[0], " ".join(td.TURNED_PROSE[1:])]
    table = page.blocks[2].grid
    assert table is not None
    assert table.head == (td.TURNED_HEAD,)
    assert table.body == tuple(td.TURNED_BODY)
    assert table.totals == (4,)
    assert texts[3:] == ["Page 4"]
    # Its box is where it stands on the page: under the prose, taller than wide.
    assert table.box.y0 > page.blocks[1].box.y1 and table.box.height > table.box.width


def test_a_long_note_turned_in_the_margin_is_no_table(tmp_path: Path) -> None:
    note = "Printed on recycled paper by the council's print unit, in Maidstone, using inks made from vegetable oils"
    path = _page_with_a_margin_note(tmp_path / "margin.pdf", note, 150)
    [page] = finish_document(extract_pages(path)).pages
    assert all(b.grid is None for b in page.blocks)
    assert page.blocks[-1].text == note


def _page_with_a_margin_note(path: Path, note: str, y: float) -> Path:
    """An upright page of twenty lines with `note` turned a quarter in its left margin."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    for k in range(20):
        c.drawString(72, 760 - 16 * k, f"Line {k + 1} of the report, read as it stands on the page.")
    c.saveState()
    c.translate(40, y)
    c.rotate(90)
    c.drawString(0, 0, note)
    c.restoreState()
    c.showPage()
    c.save()
    return path
