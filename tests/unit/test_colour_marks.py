"""Colour as the page uses it: type set light on a dark band (an EqIA's section titles), white shading that draws nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import colour_factory
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import HEADING


def test_a_title_in_white_on_a_dark_band_is_a_heading_and_its_own_paragraph(tmp_path: Path) -> None:
    # Kent's EqIAs: each protected characteristic's section was a paragraph, and one ran into
    # the bold question under it ("... Gender identity/transgender Are there negative impacts").
    layout = finish_document(extract_pages(colour_factory.eqia_bands(tmp_path / "eqia.pdf")))
    blocks = [(b.kind, b.text) for b in layout.pages[0].blocks]
    assert blocks[0] == (HEADING, "20. Negative impacts and Mitigating actions for Disability")
    assert (HEADING, "22. Negative Impacts and Mitigating actions for Gender identity/transgender") in blocks
    assert (HEADING, "Are there negative impacts for Gender identity/transgender") in blocks
    assert [b.light for b in layout.pages[0].blocks][:3] == [True, False, False]


def test_a_bullet_or_a_sentence_in_white_is_no_heading(tmp_path: Path) -> None:
    # A slide's callouts are set apart in colour as well, but say things, not name sections.
    layout = finish_document(extract_pages(colour_factory.eqia_bands(tmp_path / "eqia.pdf")))
    kinds = {b.text: b.kind for b in layout.pages[0].blocks}
    assert kinds["\u2022 Support carers and their families"] != HEADING
    assert kinds["Every family is offered a visit within two weeks of the referral."] != HEADING


@pytest.mark.parametrize("by_line", [False, True], ids=["word-by-word", "line-by-line"])
def test_text_shaded_white_is_a_paragraph_not_a_table(tmp_path: Path, by_line: bool) -> None:
    # A QPR's corporate risk register: a white box behind each word and space made every word
    # a cell ("The | Council, | along |  | with | ...") and scrambled the headings into the rows.
    # An inspector's report: a box behind each line, its ragged ends read as a second column.
    layout = finish_document(extract_pages(colour_factory.white_shaded(tmp_path / "shaded.pdf", by_line=by_line)))
    [block] = layout.pages[0].blocks
    assert block.grid is None and not block.table
    assert block.text == colour_factory.RISK_TEXT


def test_excel_white_cells_under_a_merged_row_stay_cells() -> None:
    # Column A's white cells, one merged section row over them sharing their left edge: once
    # taken for a paragraph's shaded lines and dropped, the table read as loose paragraphs.
    from memberdesk.papers.rules import _unshaded_lines

    cells = [(50.0, 700.0 - 15 * k, 200.0, 715.0 - 15 * k) for k in range(6)]
    merged = (50.0, 715.0, 545.0, 730.0)  # right over the first cell
    assert sorted(_unshaded_lines([merged, *cells])) == sorted([merged, *cells])
