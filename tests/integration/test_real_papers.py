"""Real papers read as the paper means them, through the command line: printed page labels
from the stamps (real ModernGov packs from the corpus, and generated ones), running headers
and footers out of the flow but kept for `text --all`, reading order on generated defect
classes, form values searchable, template titles replaced, and older papers read again by
`reindex`."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

import paper_factory as pf
from cli import memberdesk
from memberdesk.papers.extract import extract_pages, finish_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import fidelity

PAGE = re.compile(r"^--- page (.+) ---$", re.M)
STAMPED = [item for item in fidelity.load_corpus() if item.stamps]


def _pages(text: str) -> list[tuple[str, str]]:
    """(label, body) for each page `memberdesk text` printed."""
    parts = PAGE.split(text)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def _import(home: Path, path: Path) -> None:
    run = memberdesk("import", path, home=home)
    assert run.code == 0, run.err


@pytest.mark.parametrize("item", STAMPED, ids=lambda item: item.name)
def test_a_real_paper_names_each_page_as_stamped(home: Path, item: fidelity.CorpusFile) -> None:
    _import(home, item.path)
    pages = _pages(memberdesk("text", "1", home=home).out)
    assert len(pages) == item.pages
    for number, label in item.stamps.items():
        assert pages[number - 1][0] == label, f"PDF page {number} is stamped {label}"
    implied = {int(k): v for k, v in item.entry.get("implied_labels", {}).items()}
    for number in item.entry.get("unstamped", []):
        if number not in implied and item.stamp_kind == "moderngov":
            assert pages[number - 1][0] == f"#{number}", f"PDF page {number} has no stamp"


def test_a_moderngov_pack_goes_by_its_stamps(home: Path, tmp_path: Path) -> None:
    _import(home, pf.moderngov_pack(tmp_path / "pack.pdf"))
    pages = _pages(memberdesk("text", "1", home=home).out)
    assert [label for label, _ in pages] == ["#1", "#2", "1", "2", "3", "4", "5", "6"]
    # "Page 1" is the page stamped 1, the third in the PDF; the header is not in its text.
    first = _pages(memberdesk("text", "1", "--pages", "1", home=home).out)
    assert first[0][0] == "1" and first[0][1].strip().startswith("Report section 1")
    assert pf.PACK_HEADER not in first[0][1] and "Page 1" not in first[0][1]
    everything = memberdesk("text", "1", "--pages", "1", "--all", home=home).out
    assert pf.PACK_HEADER in everything and "Page 1" in everything
    # Plain mode goes by the same names.
    plain = memberdesk("read", "1", stdin="g 2\nw\nq\n", home=home).out
    assert "Page 2 (4 of 8)" in plain
    # The metadata title is a template's: the paper is named by its first heading instead.
    library = memberdesk("library", "--json", home=home)
    assert "Agenda Template" not in library.out and pf.PACK_FRONT[0] in library.out


def test_the_footer_written_first_is_read_last(home: Path, tmp_path: Path) -> None:
    _import(home, pf.footer_first(tmp_path / "notice.pdf"))
    body = _pages(memberdesk("text", "1", home=home).out)[0][1]
    assert body.index(pf.FOOTER_BODY[0]) < body.index(pf.FOOTER_FIRST)


def test_two_columns_read_one_after_the_other(home: Path, tmp_path: Path) -> None:
    _import(home, pf.two_column(tmp_path / "report.pdf"))
    body = _pages(memberdesk("text", "1", home=home).out)[0][1]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    left_end = max(body.index(p[:30]) for p in pf.TWO_COLUMN_LEFT)
    right_start = min(body.index(p[:30]) for p in pf.TWO_COLUMN_RIGHT)
    assert left_end < right_start
    assert len(paragraphs) == 1 + len(pf.TWO_COLUMN_LEFT) + len(pf.TWO_COLUMN_RIGHT) + 1  # title, ..., footer


def test_filled_in_form_values_are_read_and_found(home: Path, tmp_path: Path) -> None:
    _import(home, pf.filled_form(tmp_path / "form.pdf"))
    body = memberdesk("text", "1", home=home).out
    assert "Council Chamber" in body
    found = memberdesk("search", "chamber", home=home)
    assert found.code == 0 and "Venue: Council «Chamber»" in found.out


def test_reindex_reads_older_papers_again(home: Path, tmp_path: Path) -> None:
    _import(home, pf.moderngov_pack(tmp_path / "pack.pdf"))
    # As an older memberdesk left it: labels by position, no blocks, the header in the text.
    with sqlite3.connect(home / "library.sqlite3") as conn:
        conn.execute("UPDATE documents SET extraction = 0")
        conn.execute("UPDATE pages SET label = CAST(idx + 1 AS TEXT), blocks = '', furniture = ''")
    assert _pages(memberdesk("text", "1", home=home).out)[2][0] == "3"
    run = memberdesk("reindex", home=home)
    assert run.code == 0 and "Read 1 paper again" in run.out
    assert [label for label, _ in _pages(memberdesk("text", "1", home=home).out)][:3] == ["#1", "#2", "1"]
    again = memberdesk("reindex", home=home)
    assert "Read" not in again.out  # nothing older is left


TEXT_PAPERS = [item for item in fidelity.load_corpus() if not item.image_only]


def _reading_flow(path: Path) -> str:
    """The paper's reading flow as `memberdesk text` prints it (running headers and footers
    left out), extracted in this process: no workers, so the test leaves the other tests the
    machine's cores (the screen-reader walks are timed against a live terminal)."""
    document = finish_document(extract_pages(path))
    return "\n\n".join(
        b.text
        for page, done in zip(document.pages, document.finish, strict=True)
        for k, b in enumerate(page.blocks)
        if k not in done.furniture
    )


@pytest.mark.parametrize("item", TEXT_PAPERS, ids=lambda item: item.name)
def test_a_real_paper_reads_its_hand_checked_phrases_in_order(item: fidelity.CorpusFile) -> None:
    # Each phrase was copied from the page image: a phrase not found is text lost, glued,
    # split into pieces or read out of order (the scan's words come from OCR: tests/integration/test_ocr.py).
    found = fidelity.phrases_in_order(fidelity.words(_reading_flow(item.path)), item.phrases)
    assert [p for p, ok in zip(item.phrases, found, strict=True) if not ok] == []


def test_speech_keeps_the_layouts_headings(home: Path) -> None:
    # Speech judged headings again from the text: a bold numbered heading ("1. Introduction")
    # was heard as a list item, missed by heading navigation, while a plain short line ("This
    # page is intentionally left blank") was heard as a heading. The layout saw the type.
    from memberdesk.library import Library
    from memberdesk.reading.session import ReadingSession

    _import(home, Path(__file__).resolve().parents[1] / "corpus" / "kent-cabinet-2025-01-30-item7-supplement.pdf")
    with Library(home) as library:
        sentences = ReadingSession.open(library, 1).sentences()
        kinds = {s.spoken: s.kind for index in (3, 9, 11) for s in sentences.page(index)}
    assert kinds["1. Introduction"] == "heading"
    assert kinds["13. Contact details"] == "heading"
    assert kinds["This page is intentionally left blank"] == "sentence"


def test_a_real_table_read_aloud_from_the_library_says_each_figure_with_its_column(home: Path) -> None:
    # The reading session hands speech the tables it keeps: what the reader, plain mode and
    # `speak` say aloud. Row 1 has no figure for 2024-25: its first figure is 2025-26's.
    from memberdesk.library import Library
    from memberdesk.reading.session import ReadingSession

    _import(home, Path(__file__).resolve().parents[1] / "corpus" / "kent-revenue-plan-2025-28.pdf")
    with Library(home) as library:
        said = [s.spoken for s in ReadingSession.open(library, 1).sentences().page(2)]
    assert said[0].startswith("Table, columns: 2024-25 Core External £000s £000s, Total £000s, 2025-26 Core")
    assert "Revenue Support Grant: 2024-25 Total £000s 11,806.0, 2025-26 Total £000s 15,680.3, " in "\n".join(said)
    assert any(s.startswith("Domestic Abuse Safe Accommodation Grant: 2025-26 Total £000s 4,031.2, ") for s in said)


def test_a_title_centred_over_two_lines_is_the_papers_title_whole(home: Path) -> None:
    # Kent's draft budget report, its cover: "Draft Revenue Budget 2025-26 and 2025-28 MTFP,"
    # centred over "and Draft Capital Programme 2025-35", above its contents. The library
    # named it "and Draft Capital Programme 2025-35", its first line a paragraph.
    from memberdesk.library import Library

    _import(home, Path(__file__).resolve().parents[1] / "corpus" / "kent-draft-budget-2025-26-cover.pdf")
    with Library(home) as library:
        (document,) = library.documents.all()
    assert document.title == "Draft Revenue Budget 2025-26 and 2025-28 MTFP, and Draft Capital Programme 2025-35"


def test_a_minutes_long_numbered_title_in_bold_is_a_heading() -> None:
    # Kent Cabinet's printed minutes: "90. 24/00109 - Transfer the 18-25 section of the
    # Strengthening Independence Service from ... to the Adult Social Care and Health
    # Directorate", bold over three lines, was a list item: heading by heading went from 89 to 91.
    from memberdesk.papers.extract import extract_pages, finish_document

    path = Path(__file__).resolve().parents[1] / "corpus" / "kent-cabinet-2025-01-30-printed-minutes.pdf"
    titles = [h.text for h in finish_document(extract_pages(path)).headings]
    numbers = [t.split(".")[0] for t in titles if t[:2].isdigit()]
    assert "90" in numbers and numbers.index("90") == numbers.index("89") + 1
    assert any(t.startswith("90. 24/00109 - Transfer the 18-25 section") for t in titles)
