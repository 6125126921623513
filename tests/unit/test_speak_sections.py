"""`speak --to DIR/`: which pages each agenda item's audio file holds."""

from __future__ import annotations

from memberdesk.model import Document, OutlineEntry
from memberdesk.reading.sections import agenda_sections as _sections


def doc(pages: int) -> Document:
    return Document(1, "Cabinet pack", "0" * 64, "ready", pages)


def test_top_level_items_with_the_pages_up_to_the_next() -> None:
    outline = [
        OutlineEntry("Agenda", 1),
        OutlineEntry("Item 1", 3),
        OutlineEntry("1.1 Purpose", 3, 1),
        OutlineEntry("Item 2", 6),
    ]
    # Pages before the first item belong to it; sub-entries do not make files of their own.
    assert _sections(outline, doc(8), range(8)) == [("Agenda", [0, 1, 2]), ("Item 1", [3, 4, 5]), ("Item 2", [6, 7])]
    # --pages: only the pages asked for, and items with none of them left out.
    assert _sections(outline, doc(8), range(4, 7)) == [("Item 1", [4, 5]), ("Item 2", [6])]


def test_items_starting_on_one_page_share_a_file() -> None:
    outline = [OutlineEntry("Item 1", 0), OutlineEntry("Item 2", 2), OutlineEntry("Item 3", 2)]
    assert _sections(outline, doc(4), range(4)) == [("Item 1", [0, 1]), ("Item 2; Item 3", [2, 3])]


def test_a_lone_root_is_looked_beneath_and_no_outline_is_one_file() -> None:
    outline = [OutlineEntry("Pack", 0), OutlineEntry("Item 1", 0, 1), OutlineEntry("Item 2", 2, 1)]
    assert _sections(outline, doc(3), range(3)) == [("Item 1", [0, 1]), ("Item 2", [2])]
    assert _sections([], doc(3), range(1, 3)) == [("Cabinet pack", [1, 2])]
