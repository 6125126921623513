"""Tables and notes as reading aloud says them (memberdesk.speech.units and speech.figures): a
row with its headers and its figures in words, a table carried over pages, a footnote's mark,
an asterisk's note, a tracked change's end, and which cell names a row."""

from __future__ import annotations

from memberdesk.speech.units import find_repeated_lines, page_sentences


def test_a_table_is_read_row_by_row_with_its_headers_and_figures_in_words() -> None:
    from memberdesk.speech.figures import spoken_figure
    from memberdesk.speech.units import split_page

    page = (
        "Forecast by directorate.\n\n"
        " | Budget | Forecast | Variance | Variance\n"
        "Adult Social Care | 586.1 | 621.6 | +35.4 | +6.0%\n"
        "Children's Services | 430.6 | 420.8 | (9.9) | -2.3%\n"
        "Schools | 0.0 | £30.4m |  | \n\n"
        "The position has improved."
    )
    kinds = [(p.kind, [s.spoken for s in p.sentences]) for p in split_page(page)]
    assert kinds == [
        ("prose", ["Forecast by directorate."]),
        (
            "table",  # one paragraph: the next-paragraph key skips the whole table
            [
                "Table, columns: Budget, Forecast, Variance, Variance",
                "Adult Social Care: Budget 586.1, Forecast 621.6, Variance plus 35.4, plus 6.0 percent",
                "Children's Services: Budget 430.6, Forecast 420.8, Variance minus 9.9, minus 2.3 percent",
                "Schools: Budget 0.0, Forecast 30.4 million pounds",
            ],
        ),
        ("prose", ["The position has improved."]),
    ]
    # Figures run together in one cell, a sign set apart from its digits (a total band whose
    # columns are not ruled apart) are each said; a year's range is no minus.
    assert spoken_figure("- 61,527.1 - 31,322.7 31,793.1") == "minus 61,527.1, minus 31,322.7, 31,793.1"
    assert spoken_figure("2025-26 2026-27") == "2025-26 2026-27"
    # A range, a year's span or a count is no run of figures; a unit alone is left to the lexicon.
    assert [spoken_figure(t) for t in ("2024 - 25", "1.5 - 2.5", "0 \u2013 4", "£000")] == [
        "2024 - 25",
        "1.5 - 2.5",
        "0 \u2013 4",
        "£000",
    ]
    assert [spoken_figure(t) for t in ("£500k", "\u22123.1", "£1.2bn", "Budget", "(1,200")] == [
        "500 thousand pounds",
        "minus 3.1",
        "1.2 billion pounds",
        "Budget",
        "(1,200",
    ]


def test_a_table_carried_over_from_the_page_before_has_no_header_row() -> None:
    from memberdesk.speech.units import split_page

    [table] = split_page("Older People | 97.5 | 124.9 | 27.4\nSensory | 0.3 | 0.5 | 0.2")
    assert [s.spoken for s in table.sentences] == ["Older People: 97.5, 124.9, 27.4", "Sensory: 0.3, 0.5, 0.2"]


def test_a_table_is_heard_with_the_headers_the_layout_found() -> None:
    # A header of four lines (years over sub-headings) is one sentence naming the columns,
    # and each figure is said with its column, so an empty first year is not taken for a
    # later one. Without the layout's table, the rows had only their figures.
    import tempfile
    from pathlib import Path

    import plan_factory as pf
    from memberdesk.papers.extract import extract_pages, finish_document
    from memberdesk.papers.flow import page_text

    with tempfile.TemporaryDirectory() as folder:
        (page,) = finish_document(extract_pages(pf.years_over_totals(Path(folder) / "years.pdf"))).pages
    text = page_text(page)
    (table,) = [b.grid for b in page.blocks if b.grid is not None]
    said = page_sentences(text, tables=[table])
    # Each group's heading is said once, where its columns start.
    assert said[0].spoken == (
        "Table, columns: 2024-25 Core £000s, External £000s, Total £000s, 2025-26 Core £000s, External £000s, "
        "Total £000s, INDICATIVE FOR PLANNING PURPOSES 2026-27 Core £000s, External £000s, Total £000s, "
        "2027-28 Core £000s, External £000s, Total £000s"
    )
    assert text[said[0].start : said[0].end] == "\n".join(" | ".join(r) for r in table.head).strip()
    label, first, second, *_ = pf.YEAR_ROWS[1]
    assert first == "" and said[2].spoken.startswith(f"{label}: 2025-26 Total £000s {second}, ")
    assert not page_sentences(text)[2].spoken.startswith(f"{label}: 2025-26")


def test_a_table_carried_over_is_heard_with_the_header_printed_where_it_began() -> None:
    from pathlib import Path

    from memberdesk.papers.extract import extract_pages, finish_document
    from memberdesk.papers.flow import page_text

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    document = finish_document(extract_pages(corpus / "kent-finance-appendix-nov-2024-25.pdf", 0, 2))
    page, finish = document.pages[1], document.finish[1]
    (table,) = [b.grid for k, b in enumerate(page.blocks) if b.grid is not None and k not in finish.furniture]
    assert table.continued and table.head
    said = [s.spoken for s in page_sentences(page_text(page, finish.furniture), tables=[table])]
    assert any(s.startswith("Housing Related Support: Working Budget 1.5, ") for s in said)


def test_a_label_numbered_anew_at_each_start_is_heard_on_pages_kept_as_text() -> None:
    # Pages kept as text only (before layouts were stored) are judged by their lines: a
    # "Question N" over each question's first page, questions running to two pages, is no
    # running header; the date under it, the same each time, is.
    starts = [0, 2, 3, 5, 6, 8]
    pages = [
        (f"Question {starts.index(i) + 1}\n" if i in starts else "") + f"13 March 2025\n\nAnswer text {i}."
        for i in range(10)
    ]
    keys = find_repeated_lines(pages)
    assert "# march #" in keys and "question #" not in keys
    assert page_sentences(pages[2], boilerplate=keys)[0].spoken == "Question 2"
    assert "page #" in find_repeated_lines([f"Text {i}.\nPage {i + 1}" for i in range(6)])


def test_a_cell_of_only_a_mark_is_said_by_its_name() -> None:
    # An effects key ("Some negative effect | -", "Significant negative effect | --",
    # "Uncertain effect | ?"): espeak-ng says nothing for these marks, so a listener heard
    # the column's name and then silence.
    from memberdesk.speech.figures import spoken_figure, spoken_row

    assert [spoken_figure(m) for m in ("-", "--", "?", "++", "\u2713", "\u2014")] == [
        "dash",
        "double dash",
        "question mark",
        "double plus",
        "tick",
        "dash",
    ]
    assert spoken_row(("Significant negative effect", "--"), ("Nature of effect", "Symbol")) == (
        "Significant negative effect: Symbol double dash"
    )
    assert spoken_figure("-9.9") == "minus 9.9" and spoken_figure("-?") == "-?" and spoken_figure("----") == "----"


def test_a_row_of_two_cells_with_one_empty_is_still_a_row_of_its_own() -> None:
    # An EqIA's band naming a section over two columns, a box not ticked: once read as prose
    # with its "|" and run into the next such row.
    text = "Question | Answer\nNegative impacts for age | \nAre there negative impacts? | Yes\n | Service redesign\nNext band | "
    said = page_sentences(text)
    assert [s.kind for s in said] == ["row"] * 5
    assert [s.spoken for s in said][1:] == [
        "Negative impacts for age",
        "Are there negative impacts? Yes",
        "Service redesign",
        "Next band",
    ]


def test_a_footnotes_mark_is_heard_as_a_note_not_run_into_its_figure() -> None:
    said = page_sentences("The budget is balanced by 2029-30[1], and spending rose 6.3%[12].")
    assert [s.spoken for s in said] == ["The budget is balanced by 2029-30 (note 1), and spending rose 6.3% (note 12)."]
    # A note's text under its number is heard as that note; a count that no mark points to is not.
    text = "Income is 4.00%.[2]\n\n2 Gross investment income is £19.8m.\n\n[3] Not marked.\n\n12 members attended."
    assert [s.spoken for s in page_sentences(text, headings=frozenset())] == [
        "Income is 4.00%. (note 2)",
        "Note 2: Gross investment income is £19.8m.",
        "(note 3) Not marked.",
        "12 members attended.",
    ]
    # Brackets inside a word, in its own type, are the word's text (a pasted artefact): no note.
    said = page_sentences("The Council will use this un[1]ringfenced income.")
    assert [s.spoken for s in said] == ["The Council will use this un[1]ringfenced income."]


def test_a_groups_heading_is_said_once_where_its_figures_start() -> None:
    from memberdesk.speech.figures import spoken_row

    names = ["", "2025-28 Draft MTFP 2025-26", "2025-28 Draft MTFP 2026-27", "2024-27 Final MTFP 2024-25"]
    assert spoken_row(("Adults", "£42.2m", "£42.5m", "£54.0m"), names) == (
        "Adults: 2025-28 Draft MTFP 2025-26 42.2 million pounds, 2026-27 42.5 million pounds, "
        "2024-27 Final MTFP 2024-25 54.0 million pounds"
    )
    # A group whose first figure is missing is named in full at the first one said.
    assert spoken_row(("Adults", "", "£42.5m", ""), names) == "Adults: 2025-28 Draft MTFP 2026-27 42.5 million pounds"
    # A name cut to a bare figure would be heard as a value ("12m to Dec 23 100, 24 99"): said whole.
    months = ["", "12m to Dec 23", "12m to Dec 24"]
    assert spoken_row(("Calls", "100", "99"), months) == "Calls: 12m to Dec 23 100, 12m to Dec 24 99"
    # Two columns of one year, each its own cell: the year is each one's (it was cut from the
    # second, "Revised from November 13.8 percent", the year lost).
    rates = ["", "2022-23 Original from April", "2022-23 Revised from November"]
    assert spoken_row(("Rate", "15.05%", "13.8%"), rates) == (
        "Rate: 2022-23 Original from April 15.05 percent, 2022-23 Revised from November 13.8 percent"
    )
    hubs = [
        "The sessions available at Cliftonville Family Hub include",
        "The sessions available at Margate Family Hub include",
    ]
    assert spoken_row(("\u2022 Baby Massage", "\u2022 Stay and Play"), hubs) == (
        "The sessions available at Cliftonville Family Hub include Baby Massage, "
        "The sessions available at Margate Family Hub include Stay and Play"
    )


def test_a_row_under_periods_alone_is_said_each_cell_with_its_period() -> None:
    # A commissioning plan's places, one row under "By 2025-26 | By 2026-27 | ... | Post 2032":
    # no column names the row. Its first cell was said as the row's name, and its year lost;
    # and "By", shared by every name, was said once, as if a group's heading.
    from memberdesk.papers.shapes import Table, row_key
    from memberdesk.reading.tables import cell_words
    from memberdesk.speech.figures import spoken_row

    names = ("By 2025-26", "By 2026-27", "By 2027-28", "Post 2032")
    cells = ("0.3FE 85 Year R temp places", "5FE 10 Year R temp places", "6.3FE", "")
    assert row_key(cells, names) is None
    assert spoken_row(cells, names) == (
        "By 2025-26 0.3FE 85 Year R temp places, By 2026-27 5FE 10 Year R temp places, By 2027-28 6.3FE"
    )
    table = Table(head=(names,), body=(cells,))
    assert cell_words(table, 0, 1) == "By 2026-27: 5FE 10 Year R temp places"
    # A row named by its first cell keeps its name under years ("Adults" under "" then years),
    # and so under a first column named with a year of its own ("Directorate 2025-26").
    assert row_key(("Adults", "42.2", "42.5"), ("", "2025-26", "2026-27")) == 0
    assert row_key(("Adults", "42.2", "42.5"), ("Directorate 2025-26", "2025-26 £m", "2026-27 £m")) == 0


def test_a_rows_reference_is_said_with_its_name_not_after_it_as_an_answer() -> None:
    from memberdesk.speech.figures import spoken_row

    # A DPIA form's unanswered question: "... stored? 15" sounded like its answer.
    assert spoken_row(("15", "In what system(s) will the data be stored?", "")) == (
        "15 In what system(s) will the data be stored?"
    )
    head = ("ROW REF", "Project", "Total Cost")
    assert spoken_row(("1", "Home Support Fund", "2,500"), head) == "1 Home Support Fund: Total Cost 2,500"
    assert spoken_row(("10,798.4", "Pay"), ("Core", "")) == "Pay: Core 10,798.4"  # a figure is no reference


def test_a_count_in_the_first_column_keeps_its_header_and_a_marked_figure_its_sign() -> None:
    from memberdesk.speech.figures import spoken_row

    head = ("Number of responses", "Answer", "Percentage")
    assert (
        spoken_row(("85", "Strongly agree", "45%"), head)
        == "Strongly agree: Number of responses 85, Percentage 45 percent"
    )
    assert spoken_row(("Loss", "(2.5)[3]"), ("", "2024-25")) == "Loss: 2024-25 minus 2.5 (note 3)"


def test_a_word_marked_with_an_asterisk_and_its_note_are_heard_as_such() -> None:
    # A scorecard's "KSAS*" and, under its table, "* Kent Support and Assistance Service": the
    # note was heard as a list item, its link to the word lost. A "*" list with no word
    # marked on the page stays a list.
    page = "The number of KSAS* awards rose.\n\nService | Q1 | Q2\nKSAS* | 10 | 12\n\n* Kent Support and Assistance Service"
    spoken = [s.spoken for s in page_sentences(page)]
    assert spoken[0] == "The number of KSAS (note) awards rose."
    assert spoken[-1] == "Note: Kent Support and Assistance Service"
    assert "KSAS (note): Q1 10, Q2 12" in spoken
    # The mark set apart at the end of a row's name ("... in 25-26 *"), its note under the table.
    page = "Budget changes.\n\nItem | 2025-26\nPrior Year savings in 25-26 * | 0.0\nGrowth | 12.5\n\n* to be confirmed."
    spoken = [s.spoken for s in page_sentences(page)]
    assert "Prior Year savings in 25-26 (note): 2025-26 0.0" in spoken
    assert spoken[-1] == "Note: to be confirmed."
    assert [s.spoken for s in page_sentences("Items:\n* first thing\n* second thing")] == [
        "Items:",
        "first thing",
        "second thing",
    ]


def test_a_long_row_name_beside_tick_marks_still_names_its_row() -> None:
    # A devolution framework's tick table: a long power's name beside "x" marks was taken for
    # prose, its column's name said before it; short names were said as names. One form now.
    from memberdesk.papers.shapes import row_key

    name = "Local Transport Authority and public transport functions, including bus franchising and an area-wide plan"
    cells = (name, "x", "x", "X")
    assert row_key(cells) == 0
    # A scorecard's KPI beside its ratings: a name, not prose.
    kpi = "Percentage of callers to Contact Point who rated the advisor who dealt with their call as good"
    assert row_key((kpi, "GREEN", "AMBER", "Performance steady or no trend")) == 0
    prose = "A long paragraph of words set in the first column of the row here and on"
    assert row_key((prose, "beside another paragraph of words set in the second column", "")) is None


def test_a_tracked_change_is_heard_with_where_it_ends() -> None:
    # "[added: The latest] Kent" was heard "added The latest Kent": where the new words stopped
    # was not said, as a screen reader says an insertion's end.
    from memberdesk.speech.figures import with_pauses

    assert with_pauses("[deleted: A refreshed] [added: The latest] Kent plan") == (
        "deleted: A refreshed (end deleted) added: The latest (end added) Kent plan"
    )
    # A change over two sentences is closed where it ends; brackets of the text stay.
    assert with_pauses("[added: The rules apply.") == "added: The rules apply."
    assert with_pauses("to amendments.] Next.") == "to amendments. (end of change) Next."
    assert with_pauses("the Leader [Cabinet] agreed") == "the Leader [Cabinet] agreed"


def test_a_grade_a_star_rating_or_a_sum_is_no_note() -> None:
    # "A*" is a grade, "4*" a hotel's rating, "2 * 3" a sum: none points to a note, and a page
    # with no word marked keeps its "*" bullets as a list.
    from memberdesk.speech.figures import with_pauses

    for text in ("Pupils achieving grades A* to C rose.", "The hotel is rated 4* and costs £95.", "Multiply 2 * 3."):
        assert with_pauses(text) == text
    page = "Our priorities\n\n* improve roads and pavements\n\n* support pupils achieving A* grades"
    assert [s.spoken for s in page_sentences(page)][1:] == [
        "improve roads and pavements",
        "support pupils achieving A* grades",
    ]


def test_a_risk_described_at_length_is_no_rows_name() -> None:
    # Beside short values a KPI's name names its row; a risk's long description does not, so
    # each cell is said with its header alone, not with the whole description again.
    from memberdesk.papers.shapes import row_key

    risk = (
        "Failure to deliver the agreed savings programme could result in an overspend and further use of "
        "reserves, weakening the council's financial resilience"
    )
    assert row_key((risk, "High", "Corporate Director of Finance", "March 2026")) is None


def test_a_heading_set_in_a_grids_cells_is_said_without_its_rules() -> None:
    said = page_sentences(
        "1 | Introduction and Headlines\n\nThe report sets out the budget.",
        headings=frozenset({"1 | Introduction and Headlines"}),
    )
    assert [(s.kind, s.spoken) for s in said][0] == ("heading", "1, Introduction and Headlines")


def test_a_forms_labels_over_their_values_are_said_with_them() -> None:
    # A budget amendment form ruled as a grid: "Proposed Amount" over "£75k", "Proposed Funding
    # Source:" over where it comes from. The amount was heard as the funding source's value
    # ("Reduce Contribution to General Reserves: 75 thousand pounds"), and a label a few cells
    # before its value was said with a comma between them ("Amendment Number:, 2").
    text = "\n".join(
        [
            "Amendment Name: | Home to School Transport | Amendment Number: |  | 2",
            "Proposer: | Mark Hood | Seconder: |  | Barry Lewis",
            "Proposed Purpose: |  |  |  | ",
            "Proposed Amount |  |  | Proposed Funding Source: | ",
            "£75k |  |  | Reduce Contribution to General Reserves | ",
        ]
    )
    said = [s.spoken for s in page_sentences(text)]
    assert said == [
        "Amendment Name: Home to School Transport, Amendment Number: 2",
        "Proposer: Mark Hood, Seconder: Barry Lewis",
        "Proposed Purpose:",
        "Proposed Amount: Proposed Funding Source:",
        "Proposed Amount: 75 thousand pounds, Proposed Funding Source: Reduce Contribution to General Reserves",
    ]


def test_a_spacer_rows_number_alone_is_not_said() -> None:
    # A spreadsheet's empty row before its totals, only its row number filled, was heard as a
    # bare "146" between the rows.
    text = "145 | Grants | -28,965.7 | 22,262.3\n146 |  |  | \n147 | CORE | -59,765.1 | -34,801.7"
    said = [s.spoken for s in page_sentences(text, headings=frozenset())]
    assert not any(s.strip() == "146" for s in said) and len(said) == 2
