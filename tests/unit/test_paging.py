from __future__ import annotations

import pytest

from memberdesk.papers.paging import PageNotFound, resolve_page, resolve_range

LABELS = ["i", "ii", "iii", "1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("wanted", "index"),
    [("3", 5), ("iii", 2), ("III", 2), ("page 2", 4), ("#3", 2), ("#1", 0), (" 5 ", 7)],
)
def test_printed_labels_win(wanted: str, index: int) -> None:
    assert resolve_page(LABELS, wanted) == index


def test_unknown_page_says_what_pages_exist() -> None:
    with pytest.raises(PageNotFound, match="pages run from i to 5"):
        resolve_page(LABELS, "xx")
    with pytest.raises(PageNotFound, match="has 8 pages"):
        resolve_page(LABELS, "#9")


def test_ranges() -> None:
    assert list(resolve_range(LABELS, "ii-2")) == [1, 2, 3, 4]
    assert list(resolve_range(LABELS, "4-")) == [6, 7]
    assert list(resolve_range(LABELS, "-i")) == [0]
    with pytest.raises(PageNotFound, match="backwards"):
        resolve_range(LABELS, "5-1")
