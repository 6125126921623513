"""Header rows of Excel exports ruled across only: a header word broken by letters in a cell
too narrow for it is read whole ("Revenu" over "e" is "Revenue"), a header set bold ends where
the bold ends (the first row under it, with no figures, is the body's, not the header's), and a
bold header over the first rule with no line over it is still the header. A generated PDF of
each (table_defects.excel_cut_headers, wrapped as Excel wraps) and the real Kent monitoring
pages, every expected cell written out by hand from the page images."""

from __future__ import annotations

from pathlib import Path

import pytest

import table_defects as td
from corpus_tables import CAPITAL_HEAD, KEY_SERVICE_HEAD, P8_FIGURES, P8_LAST, P9_FIRST, P41_FIRST, P43_FIRST
from memberdesk.papers import ruled
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import Block, Box, Table, Word

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MONITORING = CORPUS / "kent-finance-monitoring-q3-2024-25.pdf"


def _tables(path: Path) -> list[list[Table]]:
    pages = finish_document(extract_pages(path)).pages
    return [[b.grid for b in page.blocks if b.grid is not None] for page in pages]


def _blocks(path: Path) -> list[list[Block]]:
    return [list(page.blocks) for page in finish_document(extract_pages(path)).pages]


@pytest.mark.parametrize(("ruled_over", "ruled"), [(True, True), (False, True), (False, False)])
def test_a_header_cut_by_letters_reads_whole_and_ends_over_a_row_without_figures(
    tmp_path: Path, ruled_over: bool, ruled: bool
) -> None:
    path = td.excel_cut_headers(tmp_path / "cut.pdf", ruled_over=ruled_over, ruled=ruled)
    # The maker does cut the words: the defect is in the PDF, not only in the reading of it.
    assert td.excel_wrap("Revenue Forecast", "Helvetica-Bold", 9.0, 34.0) == ["Revenu", "e", "Foreca", "st"]
    [[table]] = _tables(path)
    assert table.head == (td.EXCEL_HEAD,)
    assert table.body == tuple(td.EXCEL_BODY)  # "savings" over "programme" stays two words


def test_the_rule_for_a_word_cut_by_letters_on_words_placed_by_hand() -> None:
    def cell(*lines: str, width: float = 6.0) -> str:
        words = []
        for n, text in enumerate(lines):  # right-aligned at x = 200, 6 points a letter
            words.append(Word(text, Box(200 - width * len(text), 100 + 12 * n, 200, 110 + 12 * n), 10.0, order=n))
        return ruled.read_cell(words)

    assert cell("Revenu", "e", "Budget") == "Revenue Budget"
    assert cell("Foreca", "st") == "Forecast"
    assert cell("Total", "a") == "Total a"  # a word of one letter
    assert cell("Total", "spend") == "Total spend"  # a word moved whole to the next line
    assert cell("Revenu", "e", "Budget and Forecast") == "Revenu e Budget and Forecast"  # room for the e
    assert cell("Budget", "ab") == "Budget ab"  # letters with a vowel may be a word: left apart


def test_the_monitoring_key_services_headers_read_whole_and_their_pages_join() -> None:
    tables = _tables(MONITORING)
    [p8] = tables[7]
    assert p8.head == (KEY_SERVICE_HEAD,)
    assert [row[:5] for row in p8.body[:4]] == list(P8_FIGURES)
    [p9] = tables[8]
    assert p9.continued and p9.head == (KEY_SERVICE_HEAD,)  # one header, so the pages join
    assert p8.body[-1][:4] == P8_LAST and p9.body[0][:4] == P9_FIRST
    text = "\n".join(b.text for page in _blocks(MONITORING)[7:23] for b in page)
    for cut in ("Revenu e", "Forecas t", "Varianc e", "Rephasin g"):
        assert cut not in text


def test_the_capital_header_ends_over_a_first_row_run_on_from_the_page_before() -> None:
    tables = _tables(MONITORING)
    p41 = tables[40][0]
    assert p41.continued and p41.head == (CAPITAL_HEAD,)
    assert p41.body[0][:3] == P41_FIRST
    assert tables[39][-1].body[-1][3].endswith("based on the current programme for the design and build contract.")
    [p43] = tables[42]
    assert p43.continued and p43.head == (CAPITAL_HEAD,)  # the header over the first rule
    assert p43.body[0][:3] == P43_FIRST
    assert p43.body[0][3].startswith("transport projects review announced by Government in July 2024.")
    words = [b.text for b in _blocks(MONITORING)[42] if b.grid is None]
    assert not any("Rephasing" in t or "Variance" in t for t in words)  # no header left as text


def test_a_row_is_named_by_its_first_cell_of_words_in_every_front_end() -> None:
    # An Excel plan prints last year's figures left of its labels; a capital table starts each
    # row with its reference number. The row's name is its label, wherever it stands.
    from memberdesk.papers.shapes import Table, row_key
    from memberdesk.papers.table_text import layout
    from memberdesk.reading.tables import cell_words, row_words
    from memberdesk.speech.figures import spoken_row

    head = (("Core", "External", "Total", "", "Budget"),)
    row = ("10,798.4", "505.1", "11,303.5", "Pay", "21,845.7")
    table = Table(head=head, body=(row, ("35.0", "", "35.0", "Grant Income", "3,234.7")))
    assert row_key(row) == 3 and row_key(("1", "Home Support Fund", "2,500")) == 1 and row_key(("Total", "5")) == 0
    assert cell_words(table, 0, 0) == "Core, Pay: 10,798.4"
    assert cell_words(table, 0, 3) == "Pay"
    assert row_words(table, 0) == "Pay: Core 10,798.4, External 505.1, Total 11,303.5, Budget 21,845.7"
    assert spoken_row(row, head[0]).startswith("Pay: Core 10,798.4")
    lines = layout(table, 20).lines  # too narrow for aligned columns: row by row
    assert "Pay" in lines and "  Core: 10,798.4" in lines


def test_a_first_row_saying_what_each_column_lists_is_the_header(tmp_path: Path) -> None:
    # Set in the body's type, so neither bold nor figures under it tell; its colons do.
    import bordered_factory as bf
    from memberdesk.papers.shapes import introduces

    (table,) = _tables(bf.service_lists(tmp_path / "services.pdf"))[0]
    assert table.head == (tuple(" ".join(cell) for cell in bf.SERVICE_HEAD),)
    assert table.body == (tuple(" ".join(f"\u2022 {item}" for item in items) for items in bf.SERVICE_LISTS),)
    assert introduces(("Date:", "Venue:")) and introduces(("It includes: * booked", "", "We offer: (from May)"))
    assert not introduces(("Decision:", "Cabinet")) and not introduces(("Services include:",))


def test_a_table_of_lists_is_heard_a_column_at_a_time_an_item_at_a_time(tmp_path: Path) -> None:
    # Each list with the heading of its column, its items apart: the synthesiser skips a
    # bullet, so "Breast Pump Hire Little Talkers" ran on as one name. No cell names the row.
    import bordered_factory as bf
    from memberdesk.papers.flow import page_text
    from memberdesk.speech.units import page_sentences

    document = finish_document(extract_pages(bf.service_lists(tmp_path / "services.pdf")))
    said = [s.spoken for s in page_sentences(page_text(document.pages[0]))]
    first, second = (" ".join(cell) for cell in bf.SERVICE_HEAD)
    # Marked services ("Baby Massage*") are heard with their note, as the note in the header is.
    heard = [[item.replace("*", " (note)") for item in items] for items in bf.SERVICE_LISTS]
    first, second = (name.replace("* ", "(note) ") for name in (first, second))
    assert said[0] == f"Table, columns: {first}, {second}"
    assert said[1] == f"{first} {', '.join(heard[0])}, {second} {', '.join(heard[1])}"


def test_no_cell_names_a_row_of_lists_in_any_front_end(tmp_path: Path) -> None:
    import bordered_factory as bf
    from memberdesk.papers.shapes import row_key
    from memberdesk.papers.table_text import layout
    from memberdesk.reading.tables import cell_words, row_words

    (table,) = _tables(bf.service_lists(tmp_path / "services.pdf"))[0]
    first, second = (" ".join(cell) for cell in bf.SERVICE_HEAD)
    left, right = table.body[0]
    assert row_key(table.body[0]) is None
    assert row_key(("Adult Social Care", "586.1")) == 0 and row_key(("3", "- 2", "Pay")) == 2
    assert cell_words(table, 0, 1) == f"{second}: {right}"  # not the list beside it as its name
    assert row_words(table, 0) == f"{first} {left}, {second} {right}"
    lines = layout(table, 40).lines
    assert "Row 1" in lines and any(line.startswith("  The services on offer") for line in lines)


def test_years_over_repeated_sub_headings_name_every_column_of_their_group(tmp_path: Path) -> None:
    # Each year is set over its External heading, not centred over its three: the repeat of
    # Core, External, Total under the row of years says where each year's group ends. The
    # heading over the last two years names all six of their columns, not one.
    import plan_factory as pf

    (table,) = _tables(pf.years_over_totals(tmp_path / "years.pdf"))[0]
    expected = [""] + [
        f"{pf.PLANNED + ' ' if g >= 2 else ''}{year} {sub} £000s"
        for g, year in enumerate(pf.YEARS)
        for sub in pf.SUBHEADS
    ]
    assert table.column_names() == expected
    assert table.body[1][0] == pf.YEAR_ROWS[1][0] and table.body[1][3] == ""


def test_the_revenue_plan_funding_page_names_each_total_by_its_year() -> None:
    # The real page: Core and External have no figures there, so the year heads the Total of
    # its group too ("Total £000s" alone said nothing of which year it was).
    (table,) = _tables(CORPUS / "kent-revenue-plan-2025-28.pdf")[2]
    names = table.column_names()
    assert "2024-25 Total £000s" in names and "2025-26 Total £000s" in names
    planned = [n for n in names if n.startswith("INDICATIVE FOR PLANNING PURPOSES")]
    assert [n.split()[4] for n in planned] == ["2026-27", "2026-27", "2027-28", "2027-28"]


def test_a_shaded_band_with_no_rules_inside_is_read_cell_by_cell(tmp_path: Path) -> None:
    # Kent's budget templates: the header and the totals are bands drawn with no column rules,
    # over a body ruled in a grid. Each heading stands in its column (once all in the first
    # cell, so no figure was said with its year), "2026-27 £000's" pressed against "Service Area".
    import banded_factory as bf

    (table,) = _tables(bf.budget_changes(tmp_path / "budget.pdf"))[0]
    assert table.head == (bf.BUDGET_HEAD,)
    assert table.body == (*bf.BUDGET_ROWS, bf.BUDGET_TOTAL)
    assert table.totals == (len(bf.BUDGET_ROWS),)
    # Kent's alternative budget rules each band's row reference off: the rest of the band was
    # one cell, so the total's figures were glued to its label and no year was said with them.
    (table,) = _tables(bf.budget_changes(tmp_path / "ref.pdf", row_ref=True))[0]
    rows = [(str(n), *row) for n, row in enumerate((*bf.BUDGET_ROWS, bf.BUDGET_TOTAL), 1)]
    assert table.head == (("Row Ref", *bf.BUDGET_HEAD),)
    assert table.body == tuple(rows)


def test_a_long_name_beside_figures_still_names_its_row() -> None:
    from memberdesk.papers.shapes import row_key
    from memberdesk.speech.figures import spoken_row

    grant = "Local Authority Better Care Grant (previously Improved Better Care Fund and Hospital Discharge grant)"
    head = ("Grant", "2024-25 £000s", "2025-26 £000s")
    assert row_key((grant, "50,014.7", "61,701.3")) == 0
    assert spoken_row((grant, "50,014.7", "61,701.3"), head).startswith(f"{grant}: 2024-25 £000s 50,014.7")
    section = "Shortfall on Council's Office and Highways Network to Maintain Backlogs at Steady State"
    assert row_key((section, "", "")) == 0  # a section's name alone on its row
    prose = "The sessions run every week in term time, and booking is needed for the first visit only"
    assert row_key((prose, "Most families book online through the hub's own page")) is None


def test_a_heading_merged_over_a_group_of_columns_names_each_of_them(tmp_path: Path) -> None:
    # A budget report comparing two plans: "2025-28 Draft MTFP" over its three years, the years
    # in plain type under it. The years were read as a row of data and no figure had its year.
    import banded_factory as bf

    (table,) = _tables(bf.plan_groups(tmp_path / "plans.pdf"))[0]
    assert table.head == (("", *(p for p in bf.PLANS for _ in range(3))), ("", *bf.PLAN_YEARS))
    assert table.body == tuple(bf.PLAN_ROWS)
    assert table.column_names()[4] == "2024-27 Final MTFP 2024-25"


def test_a_shaded_column_is_one_column_not_three(tmp_path: Path) -> None:
    # The budget year shaded, its paragraph shading drawn a few points inside the cell's: the
    # edges of both were taken for columns, and the year's figures were said with no name.
    import banded_factory as bf

    (table,) = _tables(bf.shaded_year(tmp_path / "shaded.pdf"))[0]
    assert table.head == (bf.SHADED_HEAD,)
    assert table.body == tuple(bf.SHADED_ROWS)


@pytest.mark.parametrize("strip", [3.0, 1.6])
def test_a_gradient_drawn_as_strips_is_no_rows(tmp_path: Path, strip: float) -> None:
    # A risk register's shaded column: its gradient is thin strips stacked edge to edge, whose
    # edges were taken for rows, so each risk was read a line at a time. Strips thinner than a
    # rule (Kent's budget risk register, 1.6 points) were each taken for a rule.
    import banded_factory as bf

    (table,) = _tables(bf.gradient_risks(tmp_path / "risks.pdf", strip))[0]
    assert table.head == (bf.RISK_HEAD,)
    assert table.body == tuple(bf.RISK_ROWS)


def test_a_note_between_a_tables_header_and_its_body_leaves_the_header_the_tables() -> None:
    # Kent's revenue plan, page 2: "* the prior year savings ..." printed under "£000s" and over
    # the reserves: the header lines were read as four paragraphs and no figure had its year.
    # Read by hand from the page image.
    pages = _tables(CORPUS / "kent-revenue-plan-2025-28.pdf")
    table = pages[1][0]
    years = [
        f"{year} {part} £000s"
        for year in ("2024-25", "2025-26", "2026-27", "2027-28")
        for part in ("Core", "External", "Total")
    ]
    assert table.column_names() == [*years[:3], "", *years[3:]]
    assert table.body[1] == (
        "27,481.5", "", "27,481.5", "Contributions to Reserves", "42,884.9", "14,200.0", "57,084.9",
        "44,017.1", "14,200.0", "58,217.1", "43,538.0", "34,300.0", "77,838.0",
    )  # fmt: skip
    blocks = _blocks(CORPUS / "kent-revenue-plan-2025-28.pdf")[1]
    assert any(b.text.startswith("* the prior year savings rolled forward") for b in blocks if b.grid is None)


def test_a_footnote_ruled_in_as_a_grids_last_row_is_the_pages_text(tmp_path: Path) -> None:
    # A capital programme's "[1] These are projects relying on unsecured funding ..." was its
    # last row, said with the column of the table's first cell.
    import banded_factory as bf

    [blocks] = _blocks(bf.plan_groups(tmp_path / "plans.pdf", footnote=True))
    [table] = [b.grid for b in blocks if b.grid is not None]
    assert table.body == tuple(bf.PLAN_ROWS)
    assert blocks[-1].grid is None and blocks[-1].text == bf.PLAN_NOTE


def test_a_justified_note_across_a_grid_and_small_rows_keep_their_cells(tmp_path: Path) -> None:
    import banded_factory as bf

    [blocks] = _blocks(bf.justified_note(tmp_path / "note.pdf"))
    [table] = [b.grid for b in blocks if b.grid is not None]
    assert table.columns == 3 and (bf.JUSTIFIED_NOTE, "", "") in table.body
    (small,) = _tables(bf.small_rows(tmp_path / "small.pdf"))[0]
    assert small.head == (bf.SMALL_ROWS[0],) and small.body == tuple(bf.SMALL_ROWS[1:])


@pytest.mark.parametrize(
    "rows",
    [
        [
            ("", "Estimate included in Council papers £'000", "Updated figures for Cabinet £'000", "Increase £'000"),
            ("Business rate collection fund", "0.0", "313.3", "313.3"),
        ],
        [
            ("KPI Summary", "GREEN", "AMBER", "RED", "Improving", "Steady", "Worsening"),
            ("", "2", "", "1", "", "2", "1"),
        ],
    ],
    ids=["one-row-of-figures", "summary-strip-of-counts"],
)
def test_a_header_over_a_single_row_of_figures_is_the_header(tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    # A budget update's one-row table and a scorecard's summary strip: with no second row the
    # header was taken for a row, and the figures were heard bare ("0.0, 313.3, 313.3").
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as Grid

    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    path = tmp_path / "one-row.pdf"
    grid = Grid([[Paragraph(c, style) for c in row] for row in rows], colWidths=[500 / len(rows[0])] * len(rows[0]))
    grid.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("The table below sets out the change.", style), grid])
    [[table]] = _tables(path)
    assert table.head == (rows[0],)
    assert table.body == (rows[1],)


def test_a_groups_heading_over_two_columns_keeps_their_own_headings_in_the_header(tmp_path: Path) -> None:
    # A scorecard: "RAG rating" merged over "Latest" and "Previous". The second row was read as
    # the first row of the body, so no rating was heard with its quarter ("RAG rating, rating").
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as Grid

    bold = ParagraphStyle("b", fontName="Helvetica-Bold", fontSize=9, leading=11)
    plain = ParagraphStyle("p", fontName="Helvetica", fontSize=9, leading=11)
    rows = [
        [Paragraph("", bold), Paragraph("RAG rating", bold), Paragraph("", bold), Paragraph("", bold)],
        [
            Paragraph("Customer Services KPIs", bold),
            Paragraph("Latest", bold),
            Paragraph("Previous", plain),
            Paragraph("DoT", bold),
        ],
        [Paragraph(t, plain) for t in ("Calls answered within time", "GREEN", "AMBER", "Improving")],
        [Paragraph(t, plain) for t in ("Complaints answered in time", "RED", "RED", "Steady")],
    ]
    grid = Grid(rows, colWidths=[200, 90, 90, 90])
    grid.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (1, 0), (2, 0))])
    path = tmp_path / "rag.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Customer services performance.", plain), grid])
    [[table]] = _tables(path)
    assert table.head == (("", "RAG rating", "RAG rating", ""), ("Customer Services KPIs", "Latest", "Previous", "DoT"))
    assert table.body[0] == ("Calls answered within time", "GREEN", "AMBER", "Improving")


def test_a_bands_years_are_headings_not_figures_to_part_it_by() -> None:
    # A band parted by its runs only where they are figures: years over their columns are a
    # group's headings ("Budget 2025 2026" left in one cell), amounts a total's figures.
    from memberdesk.papers.grid_rows import parts_figures
    from word_factory import line

    label = line("TOTAL", 60, 100)
    assert not parts_figures([label, line("2025", 200, 100), line("2026", 260, 100)], [])
    assert parts_figures([label, line("10,289.7", 200, 100), line("-100.0", 260, 100)], [])


def test_a_column_empty_under_the_next_ones_merged_header_is_no_column() -> None:
    # A slide's table: "Shared Outcome" starts left of its codes, over a stray cell edge, and
    # was read as two columns both named "Shared Outcome", the codes after the empty one.
    from memberdesk.papers.grid_rows import without_empty_spans

    head = [("Action", "Measure", "Shared Outcome", "Shared Outcome")]
    body = [("Develop a plan", "Plans signed off", "", "SO1, SO2"), ("Review it", "Reviewed", "", "SO3")]
    assert without_empty_spans(head, body) == (
        [("Action", "Measure", "Shared Outcome")],
        [("Develop a plan", "Plans signed off", "SO1, SO2"), ("Review it", "Reviewed", "SO3")],
    )
    # A group's empty column stays: its name is its own ("2024-25" over "Budget" and "Actual").
    grouped = [("", "2024-25", "2024-25"), ("Service", "Budget", "Actual")]
    assert without_empty_spans(grouped, [("Roads", "", "4.2")]) == (grouped, [("Roads", "", "4.2")])


def test_directorates_over_their_columns_among_directorates_of_one_column(tmp_path: Path) -> None:
    # Kent's budget by directorate: "CYPE" centred over its Core, External and Total among
    # directorates of one column each. Each group's name went to its middle column alone, and
    # CYPE's total was said as "Total £000s", as the council's own was.
    import plan_factory as pf

    (table,) = _tables(pf.directorates(tmp_path / "directorates.pdf"))[0]
    expected = [""]
    for name, count in pf.DIRECTORATES:
        subs = pf.DIRECTORATE_SUBS[:count] if count > 1 else ("External" if name == "Public Health" else "Core",)
        expected += [f"{name} {sub} £000s" for sub in subs]
    assert table.column_names() == expected
