"""Tables ruled across only (horizontal lines, no vertical ones): generated as Word, ModernGov
and journal layouts draw them, and the real prudential indicators of the corpus, every
expected cell written out by hand."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import row_rule_factory as rf
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.rule_stacks import stacks
from memberdesk.papers.shapes import Box, Table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _page(path: Path, index: int = 0) -> tuple[list[Table], list[str]]:
    page = finish_document(extract_pages(path)).pages[index]
    return [b.grid for b in page.blocks if b.grid is not None], [b.text for b in page.blocks if b.grid is None]


def test_a_word_table_with_horizontal_borders_only_keeps_cells_of_several_lines(tmp_path: Path) -> None:
    [table], text = _page(rf.risks(tmp_path / "risks.pdf"))
    assert table.head == (rf.RISK_HEAD,)
    assert table.body == tuple(rf.RISK_BODY)
    assert text == [
        "Risk register",
        "The table below is reviewed by the committee each quarter.",
        "Officers will report again at the next meeting.",
    ]


def test_a_moderngov_finance_table_underlined_header_row_lines_and_a_total_line(tmp_path: Path) -> None:
    [table], _ = _page(rf.capital(tmp_path / "capital.pdf"))
    assert table.head == (rf.CAPITAL_HEAD,)  # the header's lines stacked: "Spend to date £000"
    assert table.body == tuple(rf.CAPITAL_BODY)
    assert table.totals == (4,)


def test_rules_over_and_under_the_header_and_under_the_last_row_give_a_row_a_line(tmp_path: Path) -> None:
    [table], _ = _page(rf.booktabs(tmp_path / "booktabs.pdf"))
    assert table.head == (rf.BOOK_HEAD,)
    assert table.body == tuple(rf.BOOK_BODY)


def test_lines_that_are_no_table_make_none(tmp_path: Path) -> None:
    """A heading underlined, a page framed, a signature line and prose between rules."""
    path = tmp_path / "lines.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    c.rect(24, 24, width - 48, height - 48)  # the page's frame
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, height - 80, "Report of the Director")
    c.line(60, height - 84, 260, height - 84)
    c.setFont("Helvetica", 10)
    y = height - 120
    for n in range(3):
        c.line(60, y + 12, width - 60, y + 12)
        for k in range(4):
            c.drawString(60, y - 14 * k, f"Paragraph {n + 1} line {k + 1} of the report runs on as prose does, across.")
        y -= 80
    c.line(60, y + 12, width - 60, y + 12)
    c.drawString(60, 120, "Signed:")
    c.line(100, 118, 260, 118)
    c.showPage()
    c.save()
    tables, text = _page(path)
    assert tables == []
    assert text[0] == "Report of the Director"


def test_segments_of_one_line_and_a_double_line_are_one_line_and_a_frame_is_no_table_line() -> None:
    segments = [Box(60, 100, 200, 100.5), Box(204, 100, 400, 100.5)]  # drawn cell by cell
    double = [Box(60, 200, 400, 200.5), Box(60, 202.5, 400, 203)]
    total = [Box(250, 180, 400, 180.5)]  # over the columns of figures only
    frame = [Box(20, 20, 580, 20.5), Box(20, 800, 580, 800.5)]
    [stack] = stacks(segments + double + total + [Box(60, 150, 400, 150.5)] + frame)
    assert [round(r.cy) for r in stack] == [100, 150, 180, 202]
    assert (stack[0].x0, stack[0].x1) == (60, 400)


def test_the_prudential_indicators_three_tables_ruled_across_with_prose_between() -> None:
    tables, text = _page(CORPUS / "kent-finance-appendix-nov-2024-25.pdf", 11)
    years = ("", "23-24 Actuals", "2024-25 Budget", "2024-25 Forecast", "2025-26 Estimate")
    assert [t.head[0][:5] for t in tables] == [years, years, years]
    assert tables[0].body == (("Total", "237.29", "427.07", "315.48", "271.30", "276.84", "246.51"),)
    assert tables[1].body == (("Total CFR", "1,268.01", "1,300.80", "1,244.33", "1,232.87", "1,247.76", "1,235.80"),)
    assert tables[2].body[:3] == (
        ("Other Long-term Liabilities", "178.77", "168.00", "178.55", "178.55", "178.55", "178.55"),
        ("External Borrowing", "771.89", "715.90", "715.92", "684.73", "660.55", "653.32"),
        ("Total Debt", "950.66", "883.90", "894.47", "863.28", "839.10", "831.87"),
    )
    assert "Prudential Indicator 2: Estimate of Capital Financing Requirement (CFR) (£m)" in text


def test_a_caption_under_the_header_in_the_labels_column_begins_the_body(tmp_path: Path) -> None:
    # An Excel plan's "MEMORANDUM: The net impact on our reserves balances is:" in the labels'
    # column under the header, in one band with it: it was heard as a column's name, in the
    # middle of the figures' names, never as the caption of the rows under it.
    (table,), _text = _page(rf.reserves(tmp_path / "reserves.pdf"))
    assert table.head == (rf.RESERVES_HEAD,)
    assert table.body == (rf.RESERVES_CAPTION, *rf.RESERVES_BODY, *rf.RESERVES_MORE)
