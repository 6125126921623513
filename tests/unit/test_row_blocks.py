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


def test_entries_set_a_blank_line_apart_stay_apart_however_wide() -> None:
    # A cover sheet's "From:" over two officers double-spaced as its rows are, the first as
    # wide as the second: they were read "... Leader of the Council Amanda Beer ...".
    officers = ["Roger Gough \u2013 Leader of the Council", "Amanda Beer \u2013 Chief Executive Officer"]
    spaced = cell_text(bands(lines([(text, 60) for text in officers], 100, leading=2.5)))
    assert spaced == "Roger Gough \u2013 Leader of the Council; Amanda Beer \u2013 Chief Executive Officer"


def test_prose_wrapped_double_spaced_in_a_cell_is_one_entry() -> None:
    prose = ["The committee agreed the terms of reference for members of Kent", "County Council and Medway."]
    assert cell_text(bands(lines([(text, 60) for text in prose], 100, leading=2.0))) == " ".join(prose)


def test_a_rows_cells_read_as_a_line_are_kept_apart_where_words_meet_words() -> None:
    # Two contacts side by side read as one row: "... David.Whittle@kent.gov.uk Canon Peter
    # Bruinvels ..." ran one person into the next. A label's value and a row's figures follow on.
    from memberdesk.papers.row_blocks import _cells_joined

    assert _cells_joined(["Tim.Woolmer@kent.gov.uk", "Carol Cook"]) == "Tim.Woolmer@kent.gov.uk; Carol Cook"
    assert _cells_joined(["From:", "Roger Gough"]) == "From: Roger Gough"
    assert _cells_joined(["Loan repayments", "71.1", "9.4"]) == "Loan repayments 71.1 9.4"
    assert (
        _cells_joined(["Head of Finance Policy, Planning and", "Dave Shipton"])
        == "Head of Finance Policy, Planning and Dave Shipton"
    )


def test_an_address_set_flush_right_is_read_a_line_an_entry() -> None:
    # A letter's second sender at the top right: each line ends at the margin, so no line is
    # short at its end; it is short at its start. It was read "Vince Maple Leader of the
    # Council Gun Wharf Dock Road, Chatham Kent ME4 4TR".
    from word_factory import CHAR, line

    address = ["Vince Maple", "Leader of the Council", "Gun Wharf", "Dock Road, Chatham", "Kent ME4 4TR"]
    address.append("Email: vince.maple@medway.gov.uk")
    width = {text: len(text.replace(" ", "")) * CHAR * 10 + text.count(" ") * 2.8 for text in address}
    words = [w for k, text in enumerate(address) for w in line(text, 500 - width[text], 100 + 12.5 * k)]
    assert cell_text(bands(words)) == (
        "Vince Maple: Leader of the Council; Gun Wharf; Dock Road, Chatham; Kent ME4 4TR; Email: vince.maple@medway.gov.uk"
    )


def test_a_bold_label_over_its_plain_value_is_read_label_then_value() -> None:
    # A contact card: "Telephone number" and "Email address" in bold over their values,
    # the role's line as wide as the card (nothing short about it) above the first label.
    from word_factory import line

    card = [("Assistant Director Education \u2013 West Kent", False), ("Telephone number", True)]
    card += [("03000 410058", False), ("Email address", True), ("Nick.Abrahams@kent.gov.uk", False)]
    words = [w for k, (text, bold) in enumerate(card) for w in line(text, 60, 100 + 12.5 * k, bold=bold)]
    assert cell_text(bands(words)) == (
        "Assistant Director Education \u2013 West Kent; Telephone number 03000 410058; "
        "Email address: Nick.Abrahams@kent.gov.uk"
    )
