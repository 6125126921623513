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
    ],
)
def test_template_and_file_name_titles_are_not_titles(title: str) -> None:
    assert is_template_title(title)


@pytest.mark.parametrize(
    "title", ["Cabinet - 11 December 2025", "Budget Monitoring Report Quarter 2", "Statement of Persons Nominated"]
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
