"""A stack of rules across that holds two tables parted by a heading in the body's own type,
the header repeated under it ("Previously reported variances" on Kent monitoring p.41), and a
negative figure Excel wrapped as a minus sign over its number ("-" over "1.868"): a generated
PDF of both and the real page, every expected cell written out by hand from the page image."""

from __future__ import annotations

from pathlib import Path

import table_defects as td
from corpus_tables import CAPITAL_HEAD
from memberdesk.papers import ruled
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import Block, Box, Word

MONITORING = Path(__file__).resolve().parents[1] / "corpus" / "kent-finance-monitoring-q3-2024-25.pdf"


def _blocks(path: Path) -> list[list[Block]]:
    return [list(page.blocks) for page in finish_document(extract_pages(path)).pages]


def test_a_heading_and_a_repeated_header_part_two_tables_under_one_stack_of_rules(tmp_path: Path) -> None:
    [blocks] = _blocks(td.capital_variances(tmp_path / "variances.pdf"))
    kinds = [("table" if b.grid is not None else b.text) for b in blocks]
    assert kinds == ["table", td.VARIANCE_HEADING, "table"]
    first, second = blocks[0].grid, blocks[2].grid
    assert first is not None and second is not None
    assert first.head == second.head == (td.VARIANCE_HEAD,)
    assert list(first.body) == td.VARIANCE_FIRST  # the label of two lines and -1.868 one row
    assert list(second.body) == td.VARIANCE_SECOND


def test_kent_monitoring_p41_reads_as_two_tables_with_the_heading_between() -> None:
    page = _blocks(MONITORING)[40]
    tables = [b.grid for b in page if b.grid is not None]
    assert len(tables) == 2
    texts = [b.text for b in page if b.grid is None]
    assert "Previously reported variances" in texts
    first, second = tables
    assert first.continued and second.head == (CAPITAL_HEAD,) and not second.continued
    assert first.body[-1][:3] == ("Kent Empty Property Initiative – No Use Empty", "-0.488", "-1.868")
    assert first.body[-1][3] == "The rephasing is due to a re-alignment of loan repayments."
    assert [row[:3] for row in second.body[:3]] == [
        ("Highways & Transportation", "", ""),
        ("A228 and B2160 Junction Improvements with Badsell Road", "", "-2.757"),
        ("A28 Chart Road, Ashford", "", "-2.474"),
    ]


def test_a_minus_sign_over_its_number_is_one_figure_and_a_dash_alone_stays() -> None:
    def cell(*lines: str) -> str:
        words = [
            Word(t, Box(200 - 6 * len(t), 100 + 12 * n, 200, 110 + 12 * n), 10.0, order=n) for n, t in enumerate(lines)
        ]
        return ruled.read_cell(words)

    assert cell("-", "1.868") == "-1.868"
    assert cell("-") == "-"
    assert cell("-", "note") == "- note"


def test_a_last_row_under_the_last_rule_keeps_every_paragraph_of_its_cell(tmp_path: Path) -> None:
    [blocks] = _blocks(td.detail_last_row(tmp_path / "detail.pdf"))
    assert [b.text for b in blocks if b.grid is None] == [td.DETAIL_AFTER]  # the page's text, after
    [table] = [b.grid for b in blocks if b.grid is not None]
    assert table.head == (td.DETAIL_HEAD,)
    assert table.body == (td.DETAIL_FIRST, (*td.DETAIL_LAST, " ".join(td.DETAIL_PARAGRAPHS)))


def test_kent_monitoring_p23_last_row_is_a_row_with_its_whole_detail() -> None:
    [table] = [b.grid for b in _blocks(MONITORING)[22] if b.grid is not None]
    last = table.body[-1]
    assert last[:5] == ("Corporately Held Budgets", "-2.4", "0.2", "+2.6", "Undeliverable Savings")
    assert last[5].startswith("The 2024-25 budget included an estimated saving of £2.3m, held corporately")
    assert "+£0.75m - The planned savings from a reduction in the use of Agency staff" in last[5]
    assert last[5].endswith(
        "Release of the residual pay provision, which will be included as a saving in 2025-26 budget."
    )


def test_kent_appendix_p7_section_headings_stand_over_their_rows() -> None:
    """A heading in bigger type set close over its row ("Non Attributable Costs" over the row
    of the same name) is a section's name, not words of the row (written out from the image)."""
    appendix = MONITORING.with_name("kent-finance-appendix-nov-2024-25.pdf")
    rows = [row for b in _blocks(appendix)[6] if b.grid is not None for row in b.grid.body]
    for section, row in [
        ("Non Attributable Costs", ("Non Attributable Costs", "102.4", "95.4", "-7.0")),
        ("Corporately Held Budgets", ("Corporately Held Budgets (to be allocated)", "-2.4", "0.2", "2.6")),
        ("Directorate Summary", ("Adult Social Care & Health", "586.1", "621.6", "35.4")),
    ]:
        at = rows.index((section, "", "", ""))
        assert rows[at + 1] == row
