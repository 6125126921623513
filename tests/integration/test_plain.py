"""Plain mode through a pipe: every command in its help works, and no escape sequences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli import memberdesk

ESCAPE = re.compile(r"\x1b|\x9b|\r")


@pytest.fixture
def demo_home(home: Path, demo_pdf: Path) -> Path:
    assert memberdesk("import", demo_pdf, home=home).code == 0
    return home


def answers(output: str) -> list[str]:
    """What followed each prompt: the responses, one block per command."""
    parts = re.split(r"Command \([^)]*\): ", output)
    return [p.strip() for p in parts]


def test_reading_paragraph_by_paragraph(demo_home: Path) -> None:
    run = memberdesk("read", "1", stdin="n\nn\nr\np\nq\n", home=demo_home)
    assert run.code == 0 and not ESCAPE.search(run.out)
    blocks = answers(run.out)
    assert blocks[0].splitlines()[1].startswith("Opened Health and Adult Services Scrutiny Committee")
    assert "Page i (1 of 13), Front sheet." in blocks[0]
    assert blocks[0].endswith("Heading: Northshire County Council")
    assert blocks[1] == "Heading: Health and Adult Services Scrutiny Committee"
    assert blocks[2].startswith("Meeting to be held on Tuesday, 12 January 2027 at 10.00 am")
    assert blocks[3] == blocks[2]  # r repeats
    assert blocks[4] == blocks[1]  # p goes back
    assert blocks[5] == "Goodbye."


def test_full_words_work_as_well_as_letters(demo_home: Path) -> None:
    short = memberdesk("read", "1", "--page", "i", stdin="n\ng 4\nc\nj 12\nq\n", home=demo_home)
    long = memberdesk("read", "1", "--page", "i", stdin="next\ngo 4\ncontents\njump 12\nquit\n", home=demo_home)
    assert short.out == long.out


def test_every_command_in_help_works(demo_home: Path) -> None:
    script = "\n".join(
        [
            "h",
            "n",
            "p",
            "r",
            "g 3",
            "g iii",
            "g 99",
            "w",
            "c",
            "j 5",
            "j 99",
            "f care act",
            "f",
            "f zebra",
            "b",
            "a Ask about the locum costs",
            "m",
            "b",
            "s",
            "x",
            "nh",
            "ph",
            "l",
            "mt",
            "o 1",
            "o 99",
            "bogus",
            "q",
        ]
    )
    run = memberdesk("read", "1", stdin=script + "\n", home=demo_home)
    assert run.code == 0 and not ESCAPE.search(run.out)
    text = run.out
    help_lines = [line for line in text.splitlines() if re.match(r"^\w+ or \w+", line)]
    assert len(help_lines) == 31  # and "row N" (one name)
    for expected in [
        "Page 3 (6 of 13)",  # g 3 by printed label
        "Page iii (3 of 13)",
        "no page '99': pages run from i to 10 (13 in all).",
        "paragraph 1 of",  # w
        "\n5. Home Care Recommissioning: ICT and Scheduling Contract, page 6\n",
        "'99' is not in the contents",
        "Match 1 of 2 (back at the start):",
        "Match 2 of 2:",
        "'zebra' is not in this paper.",
        "bookmarked.",
        "Note saved on page",
        "Note on page",
        "no longer bookmarked.",
        "1 paper in the library:",
        "No meetings: no committee is followed yet",
        "There is no paper 99.",
        "'bogus' is not a command.",
        "Goodbye.",
    ]:
        assert expected in text, expected
    # s: reads aloud, or says in one line why it cannot here (no sound device on a test machine).
    speak_answer = answers(text)[19]
    assert speak_answer.startswith("Reading aloud") and "\n" not in speak_answer


def test_plain_mode_with_no_paper_lists_and_searches(demo_home: Path) -> None:
    run = memberdesk("--plain", stdin="n\nf trusted assessor\no 1\nw\n", home=demo_home)
    assert run.code == 0 and not ESCAPE.search(run.out)
    assert "1. Health and Adult Services Scrutiny Committee: agenda reports pack, 12 January 2027, 13 pages" in run.out
    assert "No paper is open: type l to list papers" in run.out
    assert (
        "Paper 1, Health and Adult Services Scrutiny Committee: agenda reports pack, 12 January 2027, page 5:"
        in run.out
    )
    assert "\u00abtrusted\u00bb \u00abassessor\u00bb" in run.out
    assert "Opened Health and Adult Services" in run.out
    assert run.out.rstrip().endswith("paragraph 1 of 15.") or "paragraph 1 of" in run.out


def test_read_starts_at_a_printed_page_and_skips_running_headers(demo_home: Path) -> None:
    run = memberdesk("read", "1", "--page", "4", stdin="q\n", home=demo_home)
    first = answers(run.out)[0]
    assert "Page 4 (7 of 13)" in first and first.endswith("Heading: 4. Performance in Quarter 2")
    assert "12 January 2027\n" not in first  # the running header is not read on every page


def test_text_has_no_escape_sequences(demo_home: Path) -> None:
    run = memberdesk("text", "1", home=demo_home)
    assert run.code == 0 and not ESCAPE.search(run.out) and "--- page 10 ---" in run.out


def test_headings_one_by_one_and_the_section_the_reader_is_in(demo_home: Path) -> None:
    run = memberdesk("read", "1", stdin="g 3\nw\nnh\nw\nnh\nnh\nw\nph\nq\n", home=demo_home)
    blocks = answers(run.out)[1:]  # from the answer to "g 3" on
    # The page is announced with the section at its top, not the last one begun on it.
    assert "Page 3 (6 of 13), 4. Adult Social Care Performance Report, Quarter 2." in blocks[0]
    assert blocks[1].endswith("4. Adult Social Care Performance Report, Quarter 2, paragraph 1 of 12.")
    assert blocks[2] == "Heading: 1. Purpose of the report"
    assert "Quarter 2 / 1. Purpose of the report, paragraph 3 of 12." in blocks[3]
    assert blocks[4] == "Heading: 2. Recommendations" and blocks[5] == "Heading: 3. Background"
    assert "Quarter 2 / 3. Background, paragraph 10 of 12." in blocks[6]
    assert blocks[7] == "Heading: 2. Recommendations"


def test_a_contents_jump_reads_from_the_heading_not_the_top_of_its_page(demo_home: Path) -> None:
    run = memberdesk("read", "1", stdin="j 4.3\nq\n", home=demo_home)  # "3. Background" of item 4, page 3
    jumped = answers(run.out)[1]
    assert jumped.startswith("4.3 Background.") and jumped.endswith("Heading: 3. Background")


def test_contents_are_numbered_as_the_agenda_numbers_its_items(demo_home: Path) -> None:
    run = memberdesk("read", "1", stdin="c\nj 5\nj item 3\nj #2\nq\n", home=demo_home)
    listing, five, three, second = answers(run.out)[1:5]
    lines = listing.splitlines()
    assert lines[:4] == [
        "#1 Front sheet, page i",
        "#2 Agenda, page ii",
        "3. Minutes of the meeting held on 10 November 2026, page 1",
        "4. Adult Social Care Performance Report, Quarter 2, page 3",
    ]
    assert "  4.1 Purpose of the report, page 3" in lines and "  5.4 Risks, page 7" in lines
    assert five.endswith("Heading: Home Care Recommissioning: ICT and Scheduling Contract")
    assert "Page 6 (9 of 13)" in five
    assert three.startswith("3. Minutes of the meeting") and "Page 1 (4 of 13)" in three
    assert second.startswith("#2 Agenda.") and "Page ii (2 of 13)" in second


def test_an_empty_library_opens_the_demo_pack_and_says_so(home: Path) -> None:
    run = memberdesk("--plain", stdin="w\nq\n", home=home)
    assert run.code == 0 and not ESCAPE.search(run.out)
    assert "The library is empty, so memberdesk opens its demo agenda pack to try." in run.out
    assert "Opened Health and Adult Services Scrutiny Committee" in run.out
    assert memberdesk("library", "--json", home=home).json()["documents"][0]["pages"] == 13


def test_the_paper_record_is_said_in_sentences(demo_home: Path) -> None:
    run = memberdesk("read", "1", stdin="n\ng 3\npr\nq\n", home=demo_home)
    record = answers(run.out)[3]
    lines = record.splitlines()
    assert lines[0].startswith("2 pages read on screen this year: 1 sheet saved (double-sided)")
    assert re.fullmatch(r"\w+ \d{4}: 2 pages read, 1 sheet saved\.", lines[1])


def test_find_reads_the_paragraph_with_the_match(demo_home: Path) -> None:
    run = memberdesk("read", "1", stdin="f framework\nf\nq\n", home=demo_home)
    first, second = answers(run.out)[1:3]
    for block in (first, second):
        assert "framework" in block.lower(), block


def test_tables_cell_by_cell(demo_home: Path) -> None:
    script = "t\nt 1\nnc\nnc\ndc\nrow 6\ncol status\ncol 2\npc\npc\nrr\nrow 9\ncol Budget\nt 3\nq\n"
    run = memberdesk("read", "1", "--page", "4", stdin=script, home=demo_home)
    assert run.code == 0 and not ESCAPE.search(run.out)
    blocks = answers(run.out)
    assert blocks[1].splitlines() == [
        "1 table on page 4:",
        "1. Table, 6 rows, 5 columns: Measure, Target, Q1, Q2, Status",
        "Type t and a number to move through a table cell by cell.",
    ]
    assert blocks[2].splitlines()[-1] == "Measure: Care Act assessments completed within 28 days"
    assert blocks[3:13] == [
        "Target, Care Act assessments completed within 28 days: 85%",
        "Q1, Care Act assessments completed within 28 days: 78%",
        "Q1, Reviews completed within 12 months: 81%",
        "Q1, Safeguarding enquiries concluded within 60 days: 69%",
        "Status, Safeguarding enquiries concluded within 60 days: Below target",
        "Target, Safeguarding enquiries concluded within 60 days: 75%",
        "Measure: Safeguarding enquiries concluded within 60 days",
        "End of the row. Measure: Safeguarding enquiries concluded within 60 days",
        "Row 6 of 6: Safeguarding enquiries concluded within 60 days: Target 75%, Q1 69%, Q2 66%, Status Below target",
        "Type row and a number from 1 to 6.",
    ]
    assert blocks[13].startswith("No column 'Budget': the columns are Measure, Target, Q1, Q2, Status")
    assert blocks[14] == "There is no table 3 on this page: type t and a number from 1 to 1."


def test_a_find_in_a_table_enters_table_mode_on_the_cell_and_f_goes_on_cell_by_cell(demo_home: Path) -> None:
    script = "f below target\nf\nf\nnc\nuc\nrr\nf\nn\nq\n"
    run = memberdesk("read", "1", "--page", "4", stdin=script, home=demo_home)
    assert run.code == 0 and not ESCAPE.search(run.out)
    blocks = answers(run.out)
    assert blocks[1].splitlines()[0] == "Match 2 of 4:"  # in prose: the paragraph, as before
    announced = "In a table (Table, 6 rows, 5 columns: Measure, Target, Q1, Q2, Status)"
    assert blocks[2].splitlines() == [
        "Match 3 of 4:",
        f"{announced}, row 1 of 6, column 5. nc next cell, rr the row, f the next match.",
        "Status, Care Act assessments completed within 28 days: Below target",
    ]
    # f again: the next cell that matches, in the same table.
    assert blocks[3].splitlines() == [
        "Match 4 of 4:",
        f"{announced}, row 6 of 6, column 5. nc next cell, rr the row, f the next match.",
        "Status, Safeguarding enquiries concluded within 60 days: Below target",
    ]
    # The table keys move from the matched cell.
    assert blocks[4] == "End of the row. Status, Safeguarding enquiries concluded within 60 days: Below target"
    assert blocks[5] == "Status, Carers' assessments completed: On target"
    assert blocks[6] == "Row 5 of 6: Carers' assessments completed: Target 1,200, Q1 1,134, Q2 1,262, Status On target"
    # Past the last match f starts again at the top, in prose; n then reads on from there.
    assert blocks[7].splitlines()[0] == "Match 1 of 4 (back at the start):"
    assert blocks[7].splitlines()[-1].endswith("the actions being taken where performance is below target.")
    assert blocks[8] == "Heading: 2. Recommendations"


def test_a_table_drawn_turned_or_ruled_across_only_moves_cell_by_cell(home: Path, tmp_path: Path) -> None:
    import row_rule_factory as rf
    import table_factory as tf

    for pdf in (tf.sideways(tmp_path / "sideways.pdf"), rf.capital(tmp_path / "capital.pdf")):
        assert memberdesk("import", pdf, home=home).code == 0
    run = memberdesk("read", "1", stdin="t 1\nnc\ndc\nrr\nq\n", home=home)
    blocks = answers(run.out)
    assert blocks[2:5] == [
        "Budget, Adult Social Care: 586.1",
        "Budget, Children's Services: 430.6",
        "Row 2 of 6: Children's Services: Budget 430.6, Forecast 420.8, Variance -9.9, Variance % -2.3%",
    ]
    run = memberdesk("read", "2", stdin="f 10,325\nrr\nq\n", home=home)
    blocks = answers(run.out)
    assert (
        blocks[1].splitlines()[-1]
        == "Forecast £000, Schools condition programme and expansion of special school places: 10,325"
    )
    assert blocks[2].startswith(
        "Row 2 of 5: Schools condition programme and expansion of special school places: Budget £000 9,850"
    )
