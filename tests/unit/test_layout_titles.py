"""titles.py: a metadata title unless it is a template's, else page one's first heading."""

from __future__ import annotations

from dataclasses import replace

import pytest

from memberdesk.papers.shapes import HEADING
from memberdesk.papers.titles import choose_title, is_template_title
from word_factory import block


@pytest.mark.parametrize(
    "title",
    [
        "Agenda Template",
        "<Election Title>",
        "Print Template Wizard",
        "Crystal Reports - NOTICE.RPT",
        "Microsoft Word - item 6 report.docx",
        "untitled",
        "Untitled",
        "Document1",
        "cabinet_report_v2",
        "C:\\Users\\clerk\\Desktop\\report.doc",
        "report.pdf",
        "  ",
        "12",
        "PowerPoint Presentation",
        "THE REPORT",  # Kent's report template's own title
        "Appendix",
        "Item 1",  # an agenda item's number alone, left in a half-year report's metadata
    ],
)
def test_template_and_file_name_titles_are_not_titles(title: str) -> None:
    assert is_template_title(title)


@pytest.mark.parametrize(
    "title",
    [
        "Cabinet - 11 December 2025",
        "Budget Monitoring Report Quarter 2",
        "Statement of Persons Nominated",
        "Agenda Document for Cabinet, 13/03/2025 15:00",  # ModernGov's, dates with slashes
        "Item 7 - Supplementary - 24/00109 - Transfer of the 18-25 service",
    ],
)
def test_real_titles_are_kept(title: str) -> None:
    assert not is_template_title(title)
    assert choose_title(title, "x.pdf", []) == title


def test_the_file_name_itself_is_not_a_title() -> None:
    assert is_template_title("Cabinet agenda", "Cabinet agenda.pdf")


def test_the_first_heading_of_page_one_stands_in_for_a_template_title() -> None:
    council, cabinet, day = block("Northshire County Council", 100), block("Cabinet", 140), block("Thursday", 180)
    first = [council, replace(cabinet, kind=HEADING, level=1), day]
    assert choose_title("Agenda Template", "pack.pdf", first) == "Cabinet"
    assert choose_title("", "Cabinet_pack_2025.pdf", []) == "Cabinet pack 2025"


def test_a_metadata_title_printed_on_page_one_is_shown_as_printed() -> None:
    first = [replace(block("Finance Monitoring Report", 100), kind=HEADING, level=1), block("As at November", 140)]
    assert choose_title("FinancE MONITORING REPORT", "report.pdf", first) == "Finance Monitoring Report"
    assert choose_title("Budget Report", "report.pdf", first) == "Budget Report"  # not printed: kept


def test_moderngov_s_prefix_is_set_apart_from_the_title() -> None:
    title = "(Public Pack)Agenda Document for Cabinet, 13/03/2025 15:00"
    assert choose_title(title, "pack.pdf", []) == "(Public Pack) Agenda Document for Cabinet, 13/03/2025 15:00"


def test_a_heading_set_as_several_paragraphs_runs_on_to_where_it_ends() -> None:
    # A frontsheet's cover: "Summons to and Agenda for a" / "Meeting on" / "Thursday, ..." /
    # "at 10.00 am", each a paragraph of its own; a title does not end on "a" or "on".
    lines = ["Summons to and Agenda for a", "Meeting on", "Thursday, 13th March, 2025", "at 10.00 am"]
    cover = [replace(block(text, 100 + 30 * k), kind=HEADING, level=1) for k, text in enumerate(lines)]
    expected = "Summons to and Agenda for a Meeting on Thursday, 13th March, 2025"
    assert choose_title("Agenda Template", "frontsheet.pdf", cover) == expected
    small = [cover[0], replace(cover[1], size=cover[1].size / 2)]  # not the same heading: not run on to
    assert choose_title("Agenda Template", "frontsheet.pdf", small) == "Summons to and Agenda for a"


def test_a_report_is_titled_by_its_subject_line() -> None:
    # Under "From:" and "To:", a council report's template names it; its first heading is
    # "Summary:" or "1. Introduction", which says nothing of the paper.
    first = [
        block("From: Roger Gough, Leader of the Council", 100),
        block("To: Cabinet - 4 March 2025", 120),
        block("Subject: Quarterly Performance Report, Quarter 3, 2024/25", 140),
        replace(block("Summary:", 180), kind=HEADING, level=1),
    ]
    assert choose_title("THE REPORT", "report.pdf", first) == "Quarterly Performance Report, Quarter 3, 2024/25"


def test_a_status_stamped_over_the_title_is_not_the_title() -> None:
    first = [
        replace(block(text, 100 + 30 * k), kind=HEADING, level=1)
        for k, text in enumerate(["DRAFT VERSION", "Consultation Responses"])
    ]
    assert choose_title("", "responses.pdf", first) == "Consultation Responses"


def test_a_metadata_title_that_is_the_start_of_the_printed_one_gives_way_to_it() -> None:
    printed = "APPENDIX D - High Level 2025-28 Revenue Plan and Financing"
    first = [replace(block(printed, 60), kind=HEADING, level=1), block("Original base budget", 120)]
    assert choose_title("Appendix D", "plan.pdf", first) == printed
    assert choose_title("Appendix", "plan.pdf", first) == printed  # (a template's word: the heading)


def test_an_old_label_in_the_metadata_gives_way_to_the_one_printed() -> None:
    # Last year's file, Title still "Appendix E ...": page one prints "Appendix O" (as its
    # running header here, so passed as printed text), and so does the file name.
    first = [replace(block("Annual Minimum Revenue Provision (MRP) Statement", 120), kind=HEADING, level=1)]
    meta = "Appendix E – Annual Minimum Revenue Provision Statement"
    fixed = "Appendix O – Annual Minimum Revenue Provision Statement"
    assert choose_title(meta, "report.pdf", first, ["Appendix O", *(b.text for b in first)]) == fixed
    assert choose_title(meta, "Appendix O - MRP.pdf", first) == fixed
    # A cross-reference in a sentence names another paper, not this one; its own label printed keeps it.
    prose = ["Appendix C sets out the minimum revenue provision for the years ahead and how it is made."]
    assert choose_title(meta, "report.pdf", first, prose) == meta
    assert choose_title(meta, "Appendix O - MRP.pdf", first, ["Appendix E"]) == meta


def test_a_templates_label_is_no_title_and_a_running_header_stands_in_for_a_missing_heading() -> None:
    subject = block("Subject: Treasury Management Mid-Year Update 2024-25", 140)
    assert choose_title("By:", "report.pdf", [block("By: Peter Oakford", 100), subject]) == (
        "Treasury Management Mid-Year Update 2024-25"
    )
    # A register printed with its name as the header of every page, page one a table: the
    # header names it, where a row of its totals once did.
    rows = [block("TOTAL £m 334.7 290.0", 100)]
    header = "Appendix I: Budget Risks Register 2025-26"
    assert choose_title("", "register.pdf", rows, [header, rows[0].text], header) == header
    assert choose_title("", "register.pdf", rows, [], "Page 3") == "register"


def test_a_label_is_a_capital_letter_or_a_number_and_a_header_a_name_of_the_paper() -> None:
    meta = "Appendix 2 - Capital Strategy"
    assert choose_title(meta, "capital strategy.pdf", [], ["Appendix to the report of the S151 Officer"]) == meta
    # A council's name or a security marking over every page names no paper; a file's name does.
    assert choose_title("", "x07.pdf", [], [], "Kent County Council") == "x07"
    assert choose_title("", "x07.pdf", [], [], "OFFICIAL - SENSITIVE") == "x07"
    header = "Appendix I: Budget Risks Register 2025-26"
    assert choose_title("", "Budget Risk Register 22.01.25.pdf", [], [], header) == "Budget Risk Register 22.01.25"


def test_a_councils_letterhead_gives_way_to_the_title_set_under_it() -> None:
    # A scorecard's cover: "Kent County Council" over "Quarterly Performance Report": every
    # paper the council prints would be titled by its name. Minutes keep theirs: the heading
    # under the letterhead is the committee's name, no paper's.
    def heading(text: str, top: float) -> object:
        return replace(block(text, top), kind=HEADING, level=1)

    cover = [
        heading("Kent County Council", 100),
        heading("Quarterly Performance Report", 130),
        heading("Quarter 3", 160),
    ]
    assert choose_title("", "qpr.pdf", cover) == "Quarterly Performance Report"
    minutes = [
        heading("KENT COUNTY COUNCIL", 100),
        heading("CABINET", 130),
        block("MINUTES of a meeting of the Cabinet", 160),
    ]
    minutes.append(heading("84. Apologies for Absence", 200))
    assert choose_title("", "minutes.pdf", minutes) == "KENT COUNTY COUNCIL"
    # Minutes that name their meeting and its date in their first line are titled by it: every
    # set of a council's minutes was titled by its name alone, none told apart in the library.
    minutes[2] = block(
        "MINUTES of a meeting of the County Council held in the Council Chamber, Sessions House, County Hall, "
        "Maidstone on Thursday, 13 February 2025.",
        160,
    )
    assert choose_title("", "minutes.pdf", minutes) == "Minutes of the County Council, Thursday, 13 February 2025"
    dated = [heading("London Borough of Hackney", 100), heading("Thursday 13 March 2025", 130)]
    assert choose_title("", "letter.pdf", dated) == "London Borough of Hackney"  # a date names no paper


@pytest.mark.parametrize(
    "heading",
    [
        "Report to Council",
        "Meeting of the Council",
        "Cabinet and Council",
        "Borough of Dover Local Plan",
        "Agenda for Full Council",
    ],
)
def test_a_heading_that_only_ends_in_council_is_no_letterhead(heading: str) -> None:
    from memberdesk.papers.titles import _ORGANISATION

    assert not _ORGANISATION.match(heading)
    assert _ORGANISATION.match("London Borough of Barking and Dagenham") and _ORGANISATION.match("KENT COUNTY COUNCIL")


def test_a_stale_metadata_title_gives_way_to_the_reports_subject() -> None:
    # A pay policy made from last year's file keeps "PAY BARGAINING" as its Title; page one
    # says "Subject: Pay Policy Statement 2025/26" and prints the old title as no line of its
    # own (only "pay bargaining" inside a sentence). A title page one prints stays the title.
    page = [
        block("Subject: Pay Policy Statement 2025/26", 100),
        block("1.3 As a result of this year's local pay bargaining process, the Council agreed a pay award.", 130),
    ]
    assert choose_title("PAY BARGAINING", "pay.pdf", page) == "Pay Policy Statement 2025/26"
    page.insert(0, replace(block("Budget Monitoring Report", 60), kind=HEADING, level=1))
    assert choose_title("Budget Monitoring Report", "x.pdf", page) == "Budget Monitoring Report"
