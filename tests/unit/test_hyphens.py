"""A word broken over two lines at a hyphen is put back as the paper spells it elsewhere:
PDFium marks every hyphen ending a line alike, typed ("one-off") or put in to fit
("inter-national"), so the page alone cannot tell. A hyphen that is part of the word whatever
the line (a figure after it, capitals, a compound hyphenated before the break, a cell's last
character) is always kept. Real PDFs (reportlab), read by PDFium."""

from __future__ import annotations

from pathlib import Path

import paper_factory as pf
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.flow import page_text
from memberdesk.papers.hyphens import BREAK, joined, settle


def _read(path: Path) -> str:
    document = finish_document(extract_pages(path))
    return "\n\n".join(page_text(page, done.furniture) for page, done in zip(document.pages, document.finish))


def test_the_papers_own_spelling_decides_a_broken_word(tmp_path: Path) -> None:
    path = pf.lines_page(
        tmp_path / "broken.pdf",
        [
            "The grant is a one-off payment, and the international benchmark applies to it in full",
            "again this year. A further one-",
            "off payment is planned to reach the inter-",
            "national benchmark, and the long-",
            "term plan is kept under review for the day-to-",
            "day cash flow from Mar-",
            "25 onwards.",
        ],
    )
    text = _read(path)
    assert "A further one-off payment" in text  # printed "one-off" elsewhere: a compound
    assert "reach the international benchmark" in text  # printed "international" elsewhere
    assert "the long-term plan" in text  # nothing says otherwise: as printed
    assert "for the day-to-day cash flow from Mar-25 onwards." in text
    assert BREAK not in text


def test_a_hyphen_that_ends_a_cell_is_printed_and_kept(tmp_path: Path) -> None:
    # "AA-" as the last thing in a cell: PDFium marks it as a line-end hyphen; it is the rating.
    path = pf.lines_page(tmp_path / "rating.pdf", ["Minimum credit rating AA-", "", "", "Liquidity is reviewed daily."])
    assert "Minimum credit rating AA-" in _read(path)


def test_settle_and_the_evidence() -> None:
    texts = ["A one-off grant", "one-off", "the international benchmark", f"one{BREAK}off and inter{BREAK}national"]
    join = joined(texts)
    assert join == frozenset({f"inter{BREAK}national"})
    assert settle(texts[-1], join) == "one-off and international"
    assert settle(f"The long{BREAK}term, Inter{BREAK}national.", join) == "The long-term, International."
