"""Tables over pages: a part carries on the table before it only where nothing but the page's
running lines stands between them; a heading, a caption or a changed header row begins a new
table. Generated tables (reportlab) and the real prudential indicators of the corpus, every
expected cell written out by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import corpus_tables as ct
import table_defects as td
from memberdesk.papers import table_pages
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import Block, Box, PageLayout, Table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _tables(path: Path) -> list[list[Table]]:
    document = finish_document(extract_pages(path))
    return [[b.grid for b in page.blocks if b.grid is not None] for page in document.pages]


@pytest.mark.parametrize("headed", [True, False])
def test_a_table_under_a_heading_of_its_own_on_the_next_page_is_a_new_table(tmp_path: Path, headed: bool) -> None:
    [[first], [second]] = _tables(td.indicators(tmp_path / "ind.pdf", headed=headed))
    assert first.head == second.head == (td.YEARS,)
    assert first.body == tuple(td.INDICATOR_1) and second.body == tuple(td.INDICATOR_2)
    assert second.continued is not headed  # straight on, with no heading: the same table carried over
    # A new table prints its own header row; a part carried over does not.
    assert second.rows_text().startswith(" | ".join(td.YEARS)) is headed


APPENDIX_P13_FIRST = (  # read by hand from the page image: the first table under "Prudential Indicator 4"
    ("Authorised Limit - borrowing", "946", "1,261", "1,261", "1,271", "1,248", "1,248"),
    ("Authorised Limit - Other long term liabilities", "179", "168", "179", "179", "179", "179"),
    ("Authorised Limit - total external debt", "1,125", "1,429", "1,440", "1,450", "1,427", "1,427"),
    ("Operational Boundary - borrowing", "822", "1160.6", "1161", "1171", "1148.1", "1148.1"),
    ("Operational Boundary - Other long term liabilities", "179", "168", "179", "179", "179", "179"),
    ("Operation Boundary - total external debt", "1,001", "1,329", "1,340", "1,350", "1,327", "1,327"),
)


def test_the_prudential_indicator_4_table_is_its_own_not_indicator_3_carried_over() -> None:
    pages = _tables(CORPUS / "kent-finance-appendix-nov-2024-25.pdf")
    last_of_12 = pages[11][-1]
    first_of_13 = pages[12][0]
    assert last_of_12.body[-1] == ("Internal Borrowing", "317.35", "416.90", "349.86", "369.59", "408.66", "403.93")
    assert not first_of_13.continued
    assert first_of_13.head == (ct.PRUDENTIAL_YEARS,)
    assert first_of_13.body == APPENDIX_P13_FIRST
    assert first_of_13.rows_text().split("\n")[0] == " | ".join(ct.PRUDENTIAL_YEARS)


def test_a_detail_cell_carried_over_the_page_still_joins_its_table() -> None:
    """Monitoring p.12-13: the last row's Detail text runs on at the top of p.13, in that column
    (right of the table's first), before the table's next rows: one table still."""
    pages = _tables(CORPUS / "kent-finance-monitoring-q3-2024-25.pdf")
    assert pages[12][0].continued and pages[16][0].continued
    assert pages[12][0].head == pages[11][-1].head


def _page(index: int, grid: Table, top: float, bottom: float) -> PageLayout:
    box = Box(50.0, top * 842, 545.0, bottom * 842)
    block = Block(grid.rows_text(), "paragraph", box, box.scaled(595.0, 842.0), 10.0, False, grid=grid)
    return PageLayout(index=index, width=595.0, height=842.0, blocks=(block,))


def test_a_row_cut_by_the_page_end_is_one_row_where_it_began() -> None:
    first = Table(
        head=(),
        body=(
            ("Bond", "A certificate of debt"),
            ("Gilt", "Bond issued by the UK Government, named after the paper they were"),
        ),
    )
    second = Table(head=(), body=(("", "originally printed on."), ("Income return", "Return from dividends.")))
    one, two = table_pages.join([_page(0, first, 0.1, 0.95), _page(1, second, 0.05, 0.3)])
    [a], [b] = [blk.grid for blk in one.blocks], [blk.grid for blk in two.blocks]
    assert a is not None and b is not None
    assert a.body[-1] == (
        "Gilt",
        "Bond issued by the UK Government, named after the paper they were originally printed on.",
    )
    assert b.continued and b.body == (("Income return", "Return from dividends."),)


def test_a_rows_name_cut_by_the_page_end_is_one_row_and_a_new_row_stays_its_own() -> None:
    # A devolution framework's tick table: "Mayoral Power of" at a page's foot, "Direction
    # over use of ..." at the next page's top, was heard as a power cut short and a new row
    # with no tier ticked. A row named in full ("Housing ...") after a finished name stays.
    head = (("Function", "Foundation", "Mayoral", "Established"),)
    first = Table(
        head=head, body=(("Membership of the Data Council", "", "x", "X"), ("Mayoral Power of", "", "x", "X"))
    )
    second = Table(
        head=head,
        body=(
            ("Direction over use of the Key Route Network", "", "", ""),
            ("Housing and strategic planning", "x", "x", "X"),
        ),
    )
    one, two = table_pages.join([_page(0, first, 0.1, 0.95), _page(1, second, 0.05, 0.3)])
    [a], [b] = [blk.grid for blk in one.blocks], [blk.grid for blk in two.blocks]
    assert a is not None and b is not None
    assert a.body[-1] == ("Mayoral Power of Direction over use of the Key Route Network", "", "x", "X")
    assert b.continued and b.body == (("Housing and strategic planning", "x", "x", "X"),)
    # Where the name above is whole, the next page's first row is a row of its own.
    done = Table(head=head, body=(("Membership of the Data Council", "", "x", "X"),))
    one, two = table_pages.join([_page(0, done, 0.1, 0.95), _page(1, second, 0.05, 0.3)])
    assert two.blocks[0].grid is not None and len(two.blocks[0].grid.body) == 2


def test_the_end_of_a_long_cell_at_the_next_pages_top_is_no_header() -> None:
    # An inspector's schedule of modifications: the last column's cell runs on at the top of
    # the next page, the other cells empty. Taken for the header, it was said in every row.
    head = (("Ref", "Page", "Policy", "Main Modification"),)
    first = Table(head=head, body=(("MM13", "62", "New paragraph 5.2.17", "Add a paragraph: 'where it protects the"),))
    second = Table(
        head=(("", "", "", "building stone from aggregate development.'"),),
        body=(("MM14", "63", "Footnote 46", "Amend footnote 46 as follows."),),
    )
    one, two = table_pages.join([_page(0, first, 0.1, 0.95), _page(1, second, 0.05, 0.3)])
    [a], [b] = [blk.grid for blk in one.blocks], [blk.grid for blk in two.blocks]
    assert a is not None and b is not None
    assert a.body[-1][3] == "Add a paragraph: 'where it protects the building stone from aggregate development.'"
    assert (
        b.continued and b.head == head and b.body == (("MM14", "63", "Footnote 46", "Amend footnote 46 as follows."),)
    )


def test_a_row_of_figures_at_the_top_of_the_page_stays_a_row_of_its_own() -> None:
    head = (("Service", "Budget", "Forecast"),)
    first = Table(head=head, body=(("Adults", "40.7", "42.6"),))
    second = Table(head=head, body=(("", "40.7", "42.6"),))  # a total, with no label
    one, two = table_pages.join([_page(0, first, 0.1, 0.95), _page(1, second, 0.05, 0.3)])
    assert one.blocks[0].grid == first
    grid = two.blocks[0].grid
    assert grid is not None and grid.continued and grid.body == second.body


def test_a_finance_detail_cut_by_the_page_end_is_read_with_its_row() -> None:
    """Monitoring p.8-9 and p.39-40: the Detail text of a page's last row runs on at the top of
    the next page, under no key; it is read at the end of its row, where the row began."""
    pages = _tables(CORPUS / "kent-finance-monitoring-q3-2024-25.pdf")
    adults = next(r for r in pages[8][0].body if r[0] == "Adult Case Management & Assessment Services")
    assert adults[-1].endswith(
        "costs associated with early retirements following a service reorganisation, "
        "and additional posts recruited to drive service improvement and organisational change."
    )
    assert all(row[0] for t in pages[8] + pages[9] for row in t.body[:1])
    early_years = pages[38][-1].body[-1]
    assert early_years[0] == "Childcare Expansion (Early Years)"
    assert "Rephasing: Allocation of the grant funding is being managed by The Education People." in early_years[-1]


def test_a_word_table_with_inside_borders_only_is_a_table_its_row_carried_over_the_page(tmp_path: Path) -> None:
    # Word drew the rules across and the one between the columns, but no sides: the grid was
    # not seen (it needs three edges each way), and each line of a long cell was read beside a
    # line of its label ("and deliver The council has planned ..."). The row carried to the
    # next page starts with a sum ("£0.358bn ..."), not a letter: it is still text running on.
    import bordered_factory as bf

    pages = _tables(bf.assessment(tmp_path / "assessment.pdf"))
    assert [len(p) for p in pages] == [1, 1]
    first, second = pages[0][0], pages[1][0]
    rows = [*first.head, *first.body, *second.body]
    assert rows == bf.expected_rows()


@pytest.mark.parametrize("print_title", [False, True])
def test_a_title_band_drawn_as_a_grids_first_row_is_a_heading_over_its_table(tmp_path: Path, print_title: bool) -> None:
    """Kent's key service statement: each service's grid starts with a shaded band (the service,
    its director) over the bold header row, perhaps under the appendix's print title in bold
    (once taken for the header). The bands are the page's own headings, the header is the
    table's; the next page's service, under its own band, is a new table, not a part carried
    over (its band is indented to the table's second column, where a cell's carried lines sit)."""
    import banded_factory as bf

    path = bf.key_services(tmp_path / "services.pdf", print_title=print_title)
    document = finish_document(extract_pages(path))
    for page, (title, director, rows) in zip(document.pages, bf.SECTIONS, strict=True):
        blocks = page.blocks
        if print_title:
            assert blocks[0].text == bf.PRINT_TITLE
            blocks = blocks[1:]
        heading, named, block = blocks
        assert (heading.kind, heading.text) == ("heading", title)
        assert named.text == director
        assert block.grid is not None and not block.grid.continued
        assert block.grid.head == (bf.HEAD,)
        assert block.grid.body == tuple(rows)
        assert block.grid.totals == (len(rows) - 1,)


def test_a_band_across_a_two_column_table_is_its_title_printed_again_over_each_part(tmp_path: Path) -> None:
    """Kent's draft responses: a Word table of feedback and responses whose first header row is
    a band across both columns. The band is the heading, the columns' own row the header; the
    band printed again over the part on the next page still leaves it one table."""
    import banded_factory as bf

    document = finish_document(extract_pages(bf.feedback_responses(tmp_path / "feedback.pdf")))
    parts = []
    for page in document.pages:
        band, block = page.blocks
        assert (band.kind, band.text) == ("heading", bf.FEEDBACK_BAND)
        assert block.grid is not None and block.grid.head == (bf.FEEDBACK_HEAD,)
        parts.append(block.grid)
    assert [p.continued for p in parts] == [False, True]
    assert tuple(row for p in parts for row in p.body) == tuple(bf.FEEDBACK_ROWS)


def _one_page(first: Table, between: Block, second: Table) -> PageLayout:
    """One page: a table, a block under it, a second table under that."""

    def part(grid: Table, top: float) -> Block:
        box = Box(50.0, top, 545.0, top + 40.0)
        return Block(grid.rows_text(), "paragraph", box, box.scaled(595.0, 842.0), 10.0, False, grid=grid)

    return PageLayout(index=0, width=595.0, height=842.0, blocks=(part(first, 100), between, part(second, 240)))


def test_a_table_parted_on_its_page_by_a_note_goes_on_under_its_header() -> None:
    # An Excel budget: "* the prior year savings ..." set in the label column between the
    # memorandum and the reserves parted the table; the net budget below was heard with no years.
    head = (("2024-25 Total", "", "2025-26 Total"),)
    first = Table(head=head, body=(("1,315,610.6", "Revised Base", "1,429,506.8"),))
    second = Table(head=(), body=(("1,429,506.8", "NET BUDGET", "1,531,279.8"),))

    box = Box(300.0, 200.0, 400.0, 230.0)
    note = Block("* the prior year savings will be updated", "paragraph", box, box.scaled(595.0, 842.0), 8.0, False)
    [page] = table_pages.join([_one_page(first, note, second)])
    grid = page.blocks[2].grid
    assert grid is not None and grid.head == head and grid.continued
    # A heading between the parts begins a table of its own.
    heading = replace(note, kind="heading", level=2)
    [page] = table_pages.join([_one_page(first, heading, second)])
    assert page.blocks[2].grid is not None and not page.blocks[2].grid.head


def test_a_next_pages_table_of_other_columns_is_its_own() -> None:
    # A first row of the next page's table in other columns is never taken for a carried row
    # (it once raised IndexError).
    first = Table(head=(("Item", "Value"),), body=(("Rent", "100"), ("Rates", "200")))
    second = Table(head=(("", "", "2024-25", "2025-26"),), body=(("Adults", "x", "1", "2"),))
    one, two = table_pages.join([_page(0, first, 0.6, 0.9), _page(1, second, 0.1, 0.3)])
    assert two.blocks[0].grid == second


def test_a_rows_reference_in_lower_case_begins_its_own_row_and_a_sentence_parts_tables() -> None:
    assert not table_pages.runs_on("iv The council will", "v Review the plan")
    assert table_pages.runs_on("Mayoral Power of", "Direction over use of the network")
    head = (("Item", "Total"),)
    first = Table(head=head, body=(("Rent", "100"),))
    second = Table(head=(), body=(("Grant", "50"),))

    box = Box(50.0, 200.0, 400.0, 230.0)
    intro = Block("The table below shows the grants.", "paragraph", box, box.scaled(595.0, 842.0), 10.0, False)
    [page] = table_pages.join([_one_page(first, intro, second)])
    assert page.blocks[2].grid is not None and not page.blocks[2].grid.head


def test_a_rows_end_boxed_alone_at_the_next_pages_top_is_that_rows_end(tmp_path: Path) -> None:
    # A consultation timetable ruled in full, its last row cut by the page: page two's top
    # holds the row's end in a box of one row. A grid needs two rows, so the box was read as
    # text, its cells' lines side by side ("Kent Minerals and Norwood Quarry strategic ...").
    import bordered_factory as bf

    pages = _tables(bf.timetable(tmp_path / "timetable.pdf"))
    assert [len(p) for p in pages] == [1, 0]
    (table,) = pages[0]
    last = tuple(" ".join(c for c in pair if c) for pair in zip(bf.TIMETABLE_ROWS[-1], bf.TIMETABLE_CARRIED))
    assert table.head == (bf.TIMETABLE_HEAD,)
    assert table.body == (bf.TIMETABLE_ROWS[0], last)


def test_a_header_row_boxed_alone_at_a_pages_foot_names_the_next_pages_columns(tmp_path: Path) -> None:
    # The header printed alone at the page's foot, its rows over the page: they were heard
    # with no column names, and the header's cells line by line as a heading.
    import bordered_factory as bf

    [[alone], [table]] = _tables(bf.timetable_header_alone(tmp_path / "alone.pdf"))
    assert alone.body == (bf.TIMETABLE_HEAD,)
    assert table.head == (bf.TIMETABLE_HEAD,) and table.continued
    assert table.body == tuple(bf.TIMETABLE_ROWS)


def test_a_row_of_its_own_boxed_alone_at_the_next_pages_top_goes_on_under_the_header(tmp_path: Path) -> None:
    import bordered_factory as bf

    pages = _tables(bf.timetable(tmp_path / "whole.pdf", whole=True))
    (first,), (second,) = pages
    assert second.continued and second.head == first.head == (bf.TIMETABLE_HEAD,)
    assert second.body == (bf.TIMETABLE_NEXT,)


def test_a_two_column_rows_term_and_definition_cut_by_the_page_are_one_row(tmp_path: Path) -> None:
    # A glossary: "Weighted" | "The average time it takes for every" at page one's foot,
    # "average life (WAL)" | "pound of principal ..." boxed alone at page two's top. The term
    # was heard as "Weighted", the rest of it glued to its definition's end as a sentence.
    import bordered_factory as bf

    (table,), () = _tables(bf.glossary(tmp_path / "glossary.pdf"))
    term, meaning = bf.GLOSSARY_ROWS[-1]
    assert table.body[-1] == (f"{term} {bf.GLOSSARY_CARRIED[0]}", f"{meaning} {bf.GLOSSARY_CARRIED[1]}")


def test_a_reference_columns_name_over_numbered_rows_is_the_header_in_plain_type(tmp_path: Path) -> None:
    # A meeting note's "Ref | Action | Status", set as its rows are: it was heard as a row,
    # "Ref: Action, Status", and no action's status was said as its status.
    import bordered_factory as bf

    ((table,),) = _tables(bf.action_points(tmp_path / "actions.pdf"))
    assert table.head == (bf.ACTIONS_HEAD,)
    assert table.body == tuple(bf.ACTIONS_ROWS)


def test_a_two_column_form_is_no_header_by_what_it_says() -> None:
    from memberdesk.papers.shapes import names_references

    assert names_references([("Ref", "Action", "Status"), ("1", "Write to members.", "Complete")])
    assert not names_references([("Venue", "Council Chamber"), ("Chair", "Mr Smith")])
    assert not names_references([("No.", "3.2"), ("1", "4.5")])  # a figure is no column's name
    assert not names_references([("Ref", "Action"), ("Note", "Written by the clerk.")])


def test_a_total_boxed_on_its_own_under_a_table_is_its_last_row(tmp_path: Path) -> None:
    # A budget's "Total Budget", boxed apart after a gap under the table of its columns: it was
    # read as a sentence of eight bare figures, none said with its column.
    import bordered_factory as bf

    ((table,),) = _tables(bf.boxed_total(tmp_path / "total.pdf"))
    assert table.head == (bf.BUDGET_HEAD,)
    assert table.body == (*bf.BUDGET_ROWS, bf.BUDGET_TOTAL)
    assert table.totals == (2,)


def test_a_boxed_row_is_a_tables_only_with_its_columns_and_figures() -> None:
    # A spacer column the table left out would put the boxed total's figures under the wrong
    # years; another table's header row, boxed under this one, has no figures.
    from memberdesk.papers.tables import _a_row_of

    table = Table(head=(("Service", "2024-25", "2025-26"),), body=(("Roads", "4.0", "5.0"),))
    assert _a_row_of(table, Table(head=(), body=(("Total", "8.0", "10.0"),)))
    assert not _a_row_of(table, Table(head=(), body=(("Total", "", "8.0", "10.0"),)))
    assert not _a_row_of(table, Table(head=(), body=(("Scheme", "Budget", "Spend"),)))
