"""A ModernGov "Page N" stamp printed over, or level with, a page's last line of text (Kent's equality impact
assessment: "... belief as a Page protected 17 characteristic ..."): the line reads whole, the
stamp is the page's printed label and stays out of the reading flow. A generated pack of real
PDF pages, the stamp drawn after the text as ModernGov adds it, and the real Kent page."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from memberdesk.papers.extract import extract_pages, finish_document

KENT = Path(__file__).resolve().parents[1] / "corpus" / "kent-cabinet-2025-01-30-item7-supplement.pdf"
FIRST = "The committee considered the report on the transfer of the service between directorates."
LAST = [  # each page's own last line (a line repeated on every page would be a running footer)
    "There is no expectation that religion or belief as a protected characteristic would be affected.",
    "Staff who move between the directorates will keep their terms and conditions of employment.",
    "Families were told of the change by letter and at the parents forum held in the autumn.",
    "The service will be reviewed after its first year and a report brought back to this committee.",
]


def _stamped_over(path: Path, pages: int = 4) -> Path:
    c = canvas.Canvas(str(path), invariant=1)
    for n in range(pages):
        c.setFont("Helvetica", 11)
        c.drawString(40, 700, FIRST)
        c.drawString(40, 36, LAST[n])  # the last line, low on the page
        c.drawString(230, 33, f"Page {n + 1}")  # the stamp, drawn last, over that line
        c.showPage()
    c.save()
    return path


def _reading(path: Path) -> tuple[list[list[str]], list[str | None]]:
    document = finish_document(extract_pages(path))
    texts = [
        [b.text for k, b in enumerate(page.blocks) if k not in finish.furniture]
        for page, finish in zip(document.pages, document.finish)
    ]
    return texts, [finish.label for finish in document.finish]


def test_a_stamp_printed_over_the_last_line_is_the_label_and_not_read(tmp_path: Path) -> None:
    texts, labels = _reading(_stamped_over(tmp_path / "pack.pdf"))
    assert texts == [[FIRST, last] for last in LAST]
    assert labels == ["1", "2", "3", "4"]


def test_kent_eqia_last_lines_read_whole_under_their_stamps() -> None:
    texts, labels = _reading(KENT)
    page = labels.index("17")
    assert texts[page][-1] == (
        "There is no expectation that religion or belief as a protected characteristic amongst this group of young"
    )
    assert texts[labels.index("14")][-1].endswith("who have a current EHCP, and the service they receive from the")


def _stamped_beside(path: Path, pages: int = 4) -> Path:
    c = canvas.Canvas(str(path), invariant=1)
    for n in range(pages):
        c.setFont("Helvetica", 11)
        c.drawString(40, 700, FIRST)
        c.drawString(40, 36, LAST[n][:60])  # the last line of text, low on the page
        c.drawString(500, 36, f"Page {n + 1}")  # the stamp level with it, at its right
        c.showPage()
    c.save()
    return path


def test_text_printed_level_with_a_stamp_is_kept_without_the_stamp(tmp_path: Path) -> None:
    texts, labels = _reading(_stamped_beside(tmp_path / "pack.pdf"))
    assert texts == [[FIRST, last[:60]] for last in LAST]  # not dropped with the stamp
    assert labels == ["1", "2", "3", "4"]
