"""figures.py: a tagged PDF's figures said by their alt text, where each picture sits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from memberdesk.library import Library
from memberdesk.papers import glyphs
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.figures import described
from memberdesk.papers.flow import page_text
from memberdesk.papers.importer import Importer
from tagged_factory import tagged_pdf

MAP = "Map of the new Berkeley ward boundaries"


def _paper(tmp_path: Path) -> Path:
    return tagged_pdf(
        tmp_path / "tagged.pdf",
        [
            (
                [(790, "Ward boundaries"), (770, "The map below shows the new wards."), (300, "Comments are invited.")],
                # The second has no /Alt; nor has the third, an icon.
                [(MAP, (60, 400, 300, 200)), ("", (380, 400, 150, 100)), ("", (60, 330, 40, 40))],
            ),
            ([], [("Photograph of the council chamber", (0, 0, 595, 842))]),
        ],
    )


def test_a_figure_is_read_by_its_alt_text_where_the_picture_sits(tmp_path: Path) -> None:
    paper = finish_document(extract_pages(_paper(tmp_path)))
    first = [b.text for b in paper.pages[0].blocks]
    # A picture with no alt text, as big as a chart, is said as one; an icon is not.
    assert first == [
        "Ward boundaries",
        "The map below shows the new wards.",
        f"Picture: {MAP}",
        "Comments are invited.",
        "Picture with no description",  # beside the map, over no text of its own
    ]
    figure = paper.pages[0].blocks[2]
    assert figure.figure and figure.kind == "paragraph"  # never a heading, nor in the contents
    assert all(h.text != figure.text for h in paper.headings)


def test_a_page_that_is_only_a_picture_says_its_alt_text(tmp_path: Path) -> None:
    pages = extract_pages(_paper(tmp_path))
    assert page_text(pages[1]) == "Picture: Photograph of the council chamber"


def test_small_figures_without_alt_text_and_untagged_papers_add_nothing(tmp_path: Path) -> None:
    with glyphs.open_document(_paper(tmp_path)) as doc:
        found = glyphs.page_words(doc, 0).figures
    assert [f.alt for f in found] == [MAP, ""]
    box = found[0].box
    # 60..360 across and 842-600..842-400 down, in points from the top left.
    assert (round(box.x0), round(box.y0), round(box.x1), round(box.y1)) == (60, 242, 360, 442)
    plain = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(plain))
    c.drawString(60, 780, "No structure here")
    c.save()
    with glyphs.open_document(plain) as doc:
        assert glyphs.page_words(doc, 0).figures == ()


@pytest.mark.parametrize("end", ["", "\x00"])  # Word ends some of it with a NUL, kept out of text and speech
def test_alt_text_office_made_up_is_said_as_its_guess(tmp_path: Path, end: str) -> None:
    # "A diagram of a chart Description automatically generated": said without its note, the
    # guess was heard as the author's own description (the chart's figures said nowhere).
    alt = "A red and white sign with a horse Description automatically generated" + end
    path = tagged_pdf(tmp_path / "office.pdf", [([(790, "Kent")], [(alt, (60, 400, 300, 200))])])
    [page] = extract_pages(path)
    said = "Picture: A red and white sign with a horse (the software's guess)"
    assert [b.text for b in page.blocks] == ["Kent", said]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_picture_page_keeps_its_alt_text_when_ocr_finds_no_text_and_search_finds_it(tmp_path: Path) -> None:
    with Library(tmp_path / "home") as library, Importer(library, workers=1) as importer:
        result = importer.import_file(_paper(tmp_path))
        assert result.document_id is not None
        page = library.documents.page(result.document_id, 1)
        assert page is not None and page.text == "Picture: Photograph of the council chamber"
        assert [i for i, _ in library.documents.pages_containing(result.document_id, "chamber")] == [1]


def test_a_tables_symbols_are_read_in_their_cells(tmp_path: Path) -> None:
    # A performance table's direction of travel is an arrow in each row, its meaning in the
    # alt text: read after the table, "Picture: Performance improving" three times told a
    # listener nothing of which indicator improved.
    rows = [
        (700, "Indicator | Latest | Previous | Trend"),
        (684, "Calls answered | 85% | 79%"),
        (668, "Complaints in time | 61% | 64%"),
        (652, "Repairs in 28 days | 93% | 90%"),
    ]
    trends = ["Performance improving", "Performance steady", "Performance worsening"]
    arrows = [(alt, (472.0, y - 1.0, 10.0, 10.0)) for alt, (y, _row) in zip(trends, rows[1:])]
    path = tagged_pdf(tmp_path / "trends.pdf", [(rows, arrows)])
    [page] = extract_pages(path)
    [table] = [b.grid for b in page.blocks if b.grid is not None]
    assert table.head == (("Indicator", "Latest", "Previous", "Trend"),)
    assert [row[3] for row in table.body] == trends
    assert not [b for b in page.blocks if b.figure]  # each read once, in its cell


def test_a_chart_taken_for_a_table_is_read_as_its_picture_and_its_labels(tmp_path: Path) -> None:
    # A consultation report's bar chart: each bar's label and its percentage line up as two
    # columns, the chart's picture (with its alt text) over them. Read as a table, a listener
    # heard bare percentages with the alt text spread over the cells; the chart is a picture,
    # its labels the text beside it.
    labels = [("Facebook", "40%"), ("From a friend or relative", "27%"), ("Newspaper", "8%"), ("Poster", "4%")]
    lines = [(700, "How did you find out about this consultation?")]
    lines += [(660 - 16 * k, f"{label} | {share}") for k, (label, share) in enumerate(labels)]
    alt = "Chart displaying how consultees found out about the consultation"
    path = tagged_pdf(tmp_path / "chart.pdf", [(lines, [(alt, (50.0, 590.0, 300.0, 90.0))])])
    [page] = extract_pages(path)
    assert not [b for b in page.blocks if b.grid is not None]
    texts = [b.text for b in page.blocks]
    assert f"Picture: {alt}" in texts
    assert [t for t in texts if t.endswith("%")] == [f"{label} {share}" for label, share in labels]


def test_a_letterheads_logo_with_no_description_is_not_said(tmp_path: Path) -> None:
    # Every ModernGov front sheet and letter starts with the council's logo, undescribed.
    lines = [(700, "Dear Member"), (680, "Please find the papers for the meeting enclosed.")]
    path = tagged_pdf(tmp_path / "letter.pdf", [(lines, [("", (380, 720, 150, 100))])] * 2)
    pages = extract_pages(path)
    assert [b.text for b in pages[0].blocks] == [t for _y, t in lines]
    assert "Picture with no description" in [b.text for b in pages[1].blocks]  # not a letterhead there


def test_a_text_box_tagged_as_a_figure_is_read_as_its_text_alone(tmp_path: Path) -> None:
    # Office tags a text box as a Figure, with no alt text: its words are read; "Picture with
    # no description" over them was noise suggesting something missing.
    lines = [(800, "Our plan for the year"), (760, "Our enablers"), (700, "Look after our people and teams.")]
    path = tagged_pdf(tmp_path / "box.pdf", [(lines, [("", (50, 680, 400, 100))])])
    [page] = extract_pages(path)
    assert [b.text for b in page.blocks] == [t for _y, t in lines]


def test_a_chart_set_in_a_tables_cell_is_said_as_a_picture_not_as_its_cells_words(tmp_path: Path) -> None:
    # A scorecard's KPI card: a chart in the card's table. Its alt text went into the cells
    # as words, and was heard as a heading of the page's own ("A graph with a green line").
    rows = [(700 - 16 * k, f"Indicator {k} | {80 + k}% | {70 + k}% | GREEN") for k in range(9)]
    rows.insert(0, (716, "Indicator | Latest | Previous | RAG"))
    alt = "A graph with a green line and a purple rectangle"
    path = tagged_pdf(tmp_path / "card.pdf", [(rows, [(alt, (340.0, 600.0, 120.0, 40.0))])])
    [page] = extract_pages(path)
    [table] = [b.grid for b in page.blocks if b.grid is not None]
    assert alt not in " ".join(" ".join(row) for row in table.body)
    assert f"Picture: {alt}" in [b.text for b in page.blocks if b.figure]


@pytest.mark.parametrize(
    ("alt", "said"),
    [
        (
            r"C:\Documents and Settings\butchd03\Local Settings\Temp\KCC_Logo_New_2012_Framed copy.jpg",
            "KCC Logo New 2012 Framed copy",
        ),
        ("image001.png", ""),
        ("/home/officer/IMG_2034.JPG", ""),
        ("logo.png", "logo"),
        ("A bar chart of spending by directorate", "A bar chart of spending by directorate"),
        ("The photo shows the new hub.jpg", "The photo shows the new hub.jpg"),
    ],
)
def test_alt_text_that_is_the_pictures_file_is_said_as_what_its_name_says(alt: str, said: str) -> None:
    # A QPR's cover read out "Picture: C:\Documents and Settings\butchd03\Local Settings\...".
    assert described(alt) == said
