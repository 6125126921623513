"""A cell's lines as read (row_blocks.cell_text): wrapped lines joined, entries kept apart."""

from __future__ import annotations

import pytest

from memberdesk.papers.bands import bands
from memberdesk.papers.row_blocks import cell_text
from word_factory import lines


@pytest.mark.parametrize(
    ("rows", "read"),
    [
        # Two officers, each on a line of their own, the first wrapping short of the widest.
        (
            ["Jane Smith, Head of Finance and", "Procurement", "John Betts, Director"],
            "Jane Smith, Head of Finance and Procurement; John Betts, Director",
        ),
        (["Evidence", "The council has consulted the schools."], "Evidence: The council has consulted the schools."),
        # A choice set over two lines is one answer, not a label over its value ("Yes: No").
        (["Yes /", "No", "Give the reasons for the answer here"], "Yes / No; Give the reasons for the answer here"),
        (
            ["Option A or", "Option B", "Give the reasons for the answer here"],
            "Option A or Option B; Give the reasons for the answer here",
        ),
    ],
)
def test_a_cells_lines_are_read_as_entries_or_as_one(rows: list[str], read: str) -> None:
    assert cell_text(bands(lines([(text, 60) for text in rows], 100))) == read
