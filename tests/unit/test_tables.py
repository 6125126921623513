"""Tables found on real PDFs: generated ones (reportlab, as Word and Excel draw them) and the
real finance tables of the corpus, every expected cell written out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import table_factory as tf
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.flow import page_blocks, read_blocks
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _tables(path: Path) -> list[list[Table]]:
    document = finish_document(extract_pages(path))
    return [[b.grid for b in page.blocks if b.grid is not None] for page in document.pages]


def _one(path: Path) -> Table:
    [[table]] = _tables(path)
    return table


def test_a_ruled_word_table_keeps_its_rows_header_and_cells_of_several_lines(tmp_path: Path) -> None:
    table = _one(tf.ruled(tmp_path / "ruled.pdf"))
    assert table.head == (tf.RULED_HEAD,)
    assert table.body == tuple(tf.RULED_BODY)


def test_an_unruled_finance_table_with_signed_figures_and_brackets(tmp_path: Path) -> None:
    table = _one(tf.finance(tmp_path / "finance.pdf"))
    assert table.head == (tf.FINANCE_HEAD,)
    assert table.body == tuple(tf.FINANCE_BODY)
    assert table.totals == (5,)  # the "Total" row


def test_the_text_around_a_table_stays_text_in_order(tmp_path: Path) -> None:
    [page] = finish_document(extract_pages(tf.finance(tmp_path / "finance.pdf"))).pages
    texts = [b.text for b in page.blocks]
    assert texts[:2] == [
        "Revenue monitoring",
        "The table shows the forecast for each directorate in millions of pounds.",
    ]
    assert texts[-1] == "Figures are rounded, so totals may not add up."
    assert page.blocks[2].grid is not None
    assert texts[2].split("\n")[:2] == [
        "Directorate | Budget | Forecast | Variance | Variance %",
        "Adult Social Care | 586.1 | 621.6 | +35.4 | +6.0%",
    ]


def test_an_excel_export_with_header_lines_a_spanning_cell_and_a_section_row(tmp_path: Path) -> None:
    table = _one(tf.excel(tmp_path / "excel.pdf"))
    assert table.head == tf.EXCEL_HEAD
    assert table.body == tuple(tf.EXCEL_BODY)
    assert table.totals == (5,)


def test_a_table_over_two_pages_with_its_header_repeated_is_joined_header_once(tmp_path: Path) -> None:
    pages = _tables(tf.continued(tmp_path / "long.pdf"))
    assert len(pages) == 2 and [len(p) for p in pages] == [1, 1]
    first, second = pages[0][0], pages[1][0]
    assert first.head == second.head == (tf.LONG_HEAD,)
    assert not first.continued and second.continued
    assert first.body + second.body == tuple(tf.LONG_BODY)
    # The part on the second page is printed without its repeated header.
    assert second.rows_text().split("\n")[0] == " | ".join(second.body[0])


def test_a_rotated_page_reads_its_table_upright(tmp_path: Path) -> None:
    table = _one(tf.rotated(tmp_path / "rotated.pdf"))
    assert table.head == (tf.FINANCE_HEAD,)
    assert table.body == tuple(tf.FINANCE_BODY)


def test_a_page_of_100000_tiny_glyphs_is_read_and_its_table_still_found(tmp_path: Path) -> None:
    [page] = extract_pages(tf.crowded(tmp_path / "crowded.pdf"))
    assert "only the first" in page.note
    [table] = [b.grid for b in page.blocks if b.grid is not None]
    assert table.body[0] == tf.FINANCE_BODY[0][:3]
    assert [row[0] for row in table.body] == [row[0] for row in tf.FINANCE_BODY]


def test_tables_are_stored_with_the_page_and_read_back(tmp_path: Path) -> None:
    [page] = extract_pages(tf.excel(tmp_path / "excel.pdf"))
    [stored] = [b for b in read_blocks(page_blocks(page)) if b.grid is not None]
    assert stored.table and stored.grid is not None
    assert stored.grid.head == tf.EXCEL_HEAD
    assert stored.grid.body == tuple(tf.EXCEL_BODY)
    assert stored.grid.totals == (5,)
    assert read_blocks('[{"t":"x","g":{"h":[],"b":[["a"],["b","c"]]}}]')[0].grid is None  # ragged: text only


@pytest.mark.parametrize(
    ("text", "number"),
    [("1,432.3", True), ("-9.9", True), ("+6.0%", True), ("(1,200)", True), ("£23.3m", True), ("+ 23.3", True)],
)
def test_figures_as_tables_print_them(text: str, number: bool) -> None:
    assert is_number(text) is number
    assert not is_number("Budget") and not is_number("2024-25 Budget")


# -- the real finance tables of the corpus (cells read by hand from the page images) ------------


def test_the_key_service_statement_is_one_table_over_seven_pages() -> None:
    pages = _tables(CORPUS / "kent-finance-appendix-nov-2024-25.pdf")
    first = pages[0][0]
    assert first.head == (("Directorate, Division & Key Service", "Working Budget", "£m Forecast", "Variance"),)
    assert ("Adult In House Carer Services", "2.4", "2.8", "0.4") in first.body
    assert ("Older People - Residential Care Services", "97.5", "124.9", "27.4") in first.body
    total = first.body.index(("Adult Social Care & Health Operations Total", "524.7", "588.4", "63.7"))
    assert total in first.totals
    assert first.body[0] == ("Adult Social Care & Health", "", "", "")  # a section row, not a header
    assert all(p[0].continued for p in pages[1:7])
    assert ("Adult Social Care & Health Total", "586.1", "621.6", "35.4") in pages[1][0].body
    assert not pages[7][0].continued  # Appendix 2 is a table of its own
    savings = pages[7][0]
    assert savings.head[-1][:2] == ("Saving", "2024-25 Savings Target")
    assert (
        "Supported Living - LD",
        "-900.0",
        "-1,508.6",
        "0.0",
        "0.0",
        "-1,508.6",
        "-608.6",
        "0.0",
        "0.0",
    ) in savings.body


def test_the_directorate_table_of_the_monitoring_report() -> None:
    pages = _tables(CORPUS / "kent-finance-monitoring-q3-2024-25.pdf")
    [table] = pages[5]
    assert table.head == (("", "Budget", "Forecast", "Variance", "Variance"),)
    assert table.body[0] == ("Adult Social Care & Health", "586.1", "621.6", "+35.4", "+6.0%")
    assert ("Children, Young People & Education", "430.6", "420.8", "-9.9", "-2.3%") in table.body
    assert table.body[-1] == ("Overall Position", "1,432.3", "1,486.0", "+53.7", "")


def test_the_revenue_plan_is_one_table_of_thirteen_columns() -> None:
    # Excel: last year's figures boxed left of the labels, totals ruled under the figures only,
    # last year's totals touching their box's side; "Drivers - Demand" placed with no space
    # written (pdfium guesses one, the gap is 0.2 em).
    import corpus_tables as ct

    [table] = _tables(CORPUS / "kent-revenue-plan-2025-28.pdf")[0]
    assert table.columns == 13
    body = set(table.body)
    assert [row for row in ct.PLAN_P1 if row not in body] == []
    # "Core £000s", "External £000s", "Total £000s" over the figures, not set bold as the
    # years over them are, belong to the header; each year, centred over its three columns,
    # names all three (else a listener hears "Core" four times and cannot tell the years).
    assert table.body[0] == ct.PLAN_P1[0]
    names = table.column_names()
    assert names[:3] == ["2024-25 Core £000s", "2024-25 External £000s", "2024-25 Total £000s"]
    assert names[3] == "" and names[4] == "2025-26 Core £000s"
    # The heading over the last two years, alone in its row, names all six of their columns.
    planned = "INDICATIVE FOR PLANNING PURPOSES"
    assert names[7] == f"{planned} 2026-27 Core £000s" and names[12] == f"{planned} 2027-28 Total £000s"


def test_a_bordered_table_repeating_its_header_over_pages_is_joined() -> None:
    pages = _tables(CORPUS / "kent-council-2025-01-09-item3-supplement.pdf")
    parts = [p[0] for p in pages[14:20]]
    assert all(t.head == (("Detail", "Foundation", "Mayoral", "Established"),) for t in parts)
    assert not parts[0].continued and all(t.continued for t in parts[1:])  # begun on page 15, under its title


def test_a_table_that_fits_is_shown_as_aligned_columns_else_row_by_row() -> None:
    from memberdesk.papers.table_text import layout

    table = Table(head=(tf.FINANCE_HEAD,), body=tuple(tf.FINANCE_BODY[:2]))
    wide = layout(table, 80)
    assert wide.lines == [
        "Table, 2 rows, 5 columns: Directorate, Budget, Forecast, Variance, Variance %",
        "Directorate          Budget  Forecast  Variance  Variance %",
        "Adult Social Care     586.1     621.6     +35.4       +6.0%",
        "Children's Services   430.6     420.8      -9.9       -2.3%",
    ]
    assert wide.cells[(1, 3)] == (3, 43)  # "-9.9" starts there, right-aligned
    narrow = layout(table, 40)
    assert narrow.lines[:2] == ["Table, 2 rows, 5 columns: Directorate,", "Budget, Forecast, Variance, Variance %"]
    assert narrow.lines[2:8] == [
        "Adult Social Care",
        "  Budget: 586.1",
        "  Forecast: 621.6",
        "  Variance: +35.4",
        "  Variance %: +6.0%",
        "Children's Services",
    ]
    assert narrow.cells[(1, 2)] == (9, 12)  # on "420.8", after "  Forecast: "


def test_a_character_of_the_tables_text_names_its_cell() -> None:
    from memberdesk.reading.table_mode import TableCursor

    table = Table(head=(("Ward", "Votes"),), body=(("Abbey", "1,204"), ("Brook", "")))
    text = table.rows_text()
    cursor = TableCursor(table)
    for wanted, cell in (("1,204", (0, 1)), ("Brook", (1, 0)), ("Votes", (0, 1)), ("Abbey", (0, 0))):
        assert cursor.at_offset(text.index(wanted)) and (cursor.row, cursor.column) == cell, wanted
    assert cursor.at_offset(len(text)) and (cursor.row, cursor.column) == (1, 1)  # the empty last cell
    assert not cursor.at_offset(len(text) + 1)
    # A part carried over from the page before shows no header in its text.
    carried = Table(head=table.head, body=table.body, continued=True)
    assert carried.rows_text().startswith("Abbey")
    cursor = TableCursor(carried)
    assert cursor.at_offset(carried.rows_text().index("Brook")) and (cursor.row, cursor.column) == (1, 0)


def test_a_plan_ruled_under_its_figures_only_is_one_table_parted_at_its_drawn_lines(tmp_path: Path) -> None:
    # The totals' rules stop short of the labels: taken as a table ruled across, they made two
    # tables of the figure groups, each row of a band one cell of many lines, and left the
    # labels as text. Last year's totals touch the box's side, the label just past it: the
    # drawn line parts "11,303.5" from "Pay".
    import plan_factory as pf

    [page] = extract_pages(pf.plan(tmp_path / "plan.pdf"))
    [table] = [b.grid for b in page.blocks if b.grid is not None]
    assert table.head == (pf.HEAD,)
    assert table.body == tuple(pf.ROWS)


def test_a_frame_ruled_across_under_a_few_rows_reads_each_line_as_a_row(tmp_path: Path) -> None:
    # The rows under the rule stand in one box each side of the labels: read as a grid's cells,
    # every figure of a column was one cell ("11,806.0 117,046.1 ..."), every label another.
    # The figures are rows; the header shares the first band with the first rows (no rule
    # under it), its years each name the three columns they stand over; the drawn line parts
    # a total right-aligned against it from the label just past it; the bold section's name
    # is a row of its own, though the labels' column is not the first.
    import plan_factory as pf

    [page] = extract_pages(pf.funding(tmp_path / "funding.pdf"))
    [table] = [b.grid for b in page.blocks if b.grid is not None]
    years = tuple(pf.FUND_YEARS[0] if k < 3 else "" if k == 3 else pf.FUND_YEARS[1] for k in range(7))
    assert table.head == (years, pf.FUND_HEAD)
    section = ("", "", "", pf.SECTION, "", "", "")
    assert table.body == (*pf.RESERVES, section, *pf.FUNDING)


def test_a_note_just_over_a_table_is_a_paragraph_not_its_header(tmp_path: Path) -> None:
    # Its lines were taken for header lines (a few words each, one starting "2025-26"), and
    # the header row's columns ran "14,200.0 57,440.9" together.
    import plan_factory as pf

    [page] = extract_pages(pf.noted(tmp_path / "noted.pdf"))
    [table] = [b.grid for b in page.blocks if b.grid is not None]
    assert table.head == () and table.body == tuple(pf.NOTED_ROWS)
    assert [b.text for b in page.blocks if b.grid is None] == [" ".join(pf.NOTE)]
