"""Contents numbered as the paper numbers them (reading/contents.py)."""

from __future__ import annotations

from memberdesk.model import OutlineEntry
from memberdesk.reading.contents import find, line, numbered


def _outline(*entries: tuple[str, int]) -> list[OutlineEntry]:
    return [OutlineEntry(title, page, level) for page, (title, level) in enumerate(entries)]


def test_own_numbers_nested_numbers_and_places() -> None:
    entries = numbered(
        _outline(
            ("Front sheet", 0),
            ("1. Apologies", 0),
            ("Item 2: Declarations of interest", 0),
            ("3 Budget monitoring", 0),
            ("1. Purpose", 1),
            ("3.2 Recommendations", 1),
            ("Appendix A", 1),
            ("4a. Late item", 0),
            ("2024 review of fees", 0),  # a year, not an item number
        )
    )
    assert [e.key for e in entries] == ["#1", "1", "2", "3", "3.1", "3.2", "#7", "4a", "#9"]
    assert [line(e) for e in entries][:6] == [
        "#1 Front sheet",
        "1. Apologies",
        "2. Declarations of interest",
        "3. Budget monitoring",
        "3.1 Purpose",
        "3.2 Recommendations",
    ]


def test_find_by_number_item_place_and_nothing() -> None:
    entries = numbered(_outline(("Front sheet", 0), ("Agenda", 0), ("3. Minutes", 0), ("4. Finance", 0)))
    assert (
        find(entries, "3") is entries[2] and find(entries, "item 4") is entries[3] and find(entries, "4.") is entries[3]
    )
    assert find(entries, "#2") is entries[1]
    assert find(entries, "1") is entries[0]  # no item 1: the first entry
    assert find(entries, "9") is None and find(entries, "zebra") is None


def test_a_repeated_number_is_not_taken_twice() -> None:
    entries = numbered(_outline(("5. Report", 0), ("5. Report (supplement)", 0)))
    assert [e.key for e in entries] == ["5", "#2"]
