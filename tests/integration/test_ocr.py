"""OCR of scanned pages, with the real Tesseract, on real PDFs: a typeset page printed to a
300 dpi picture and wrapped as an image-only PDF, the corpus's real scan, a broken image."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli import memberdesk
from memberdesk.papers import ocr, pictures
from scan_factory import broken_image_then_text_pdf, scan_of

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr (scripts/setup.sh)")

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MARK = "Text read from a scan: it may contain mistakes."  # the start of both warnings

ONE = [
    "Highways committee agreed the resurfacing programme for Banbury Road.",
    "The second paragraph names the budget of four hundred thousand pounds.",
    "Councillor Pemberton thanked the officers for the quarterly monitoring report.",
]
LEFT = [
    "The libraries service opened two new branches this year and extended opening hours at the "
    "central library on Saturdays and Sundays.",
    "Visitor numbers rose by twelve per cent compared with last year, with the largest rise among "
    "families with young children.",
    "The committee asked officers to report back on the cost of running the mobile library in the rural villages.",
]
RIGHT = [
    "The parks team planted four hundred trees across the district and restored the bandstand in "
    "Victoria Park for summer concerts.",
    "Complaints about litter fell after new bins were installed along the riverside walk and in the town centre.",
    "Members agreed to consult residents on a new play area for the recreation ground before the next meeting.",
]


def _paragraphs(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("--- page"))
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def test_a_scanned_page_is_read_in_order_marked_and_found_by_search(home: Path, tmp_path: Path) -> None:
    scan = scan_of(tmp_path, "highways", ONE)
    run = memberdesk("import", scan, home=home)
    assert run.code == 0, run.err
    text = memberdesk("text", "1", home=home)
    assert text.code == 0, text.err
    paras = [p.strip() for p in _paragraphs(text.out)]
    assert paras[0] == MARK  # said once, at the top of the page
    assert text.out.count(MARK) == 1
    assert paras[1:] == ONE  # every word, in order, paragraph by paragraph
    found = memberdesk("search", "Pemberton", "--json", home=home).json()
    assert [(r["document_id"], r["page_index"]) for r in found["results"]] == [(1, 0)]
    docs = memberdesk("library", "--json", home=home).json()["documents"]
    assert docs[0]["ocr_pages"] == 1


def test_two_columns_of_a_scan_are_read_one_after_the_other(home: Path, tmp_path: Path) -> None:
    scan = scan_of(tmp_path, "services", LEFT + RIGHT, columns=2)
    assert memberdesk("import", scan, home=home).code == 0
    paras = [" ".join(p.split()) for p in _paragraphs(memberdesk("text", "1", home=home).out)]
    assert paras == [MARK, *LEFT, *RIGHT]


def test_the_corpus_scan_imports_with_text_and_the_marking(home: Path) -> None:
    run = memberdesk("import", CORPUS / "souldern-pc-notice-conclusion-audit-2016.pdf", home=home)
    assert run.code == 0, run.err
    out = memberdesk("text", "1", home=home).out
    assert out.count(MARK[:-1]) == 1
    for phrase in (
        "NOTICE OF CONCLUSION",
        "Souldern Parish Council",
        "Section 25 of the Local Audit and Accountability Act 2014",
    ):
        assert phrase in out
    assert memberdesk("search", "Souldern", "--json", home=home).json()["results"]


def test_plain_mode_says_the_page_was_read_from_a_scan(home: Path, tmp_path: Path) -> None:
    assert memberdesk("import", scan_of(tmp_path, "highways", ONE), home=home).code == 0
    run = memberdesk("read", "1", home=home, stdin="n\nn\nq\n")
    assert run.code == 0, run.err
    assert run.out.count(MARK) == 1
    assert "Highways committee agreed" in run.out


def test_a_broken_image_gives_one_clear_line_and_the_rest_reads(home: Path, tmp_path: Path) -> None:
    pdf = broken_image_then_text_pdf(tmp_path / "broken.pdf", "Members thanked the clerk for the minutes.")
    run = memberdesk("import", pdf, home=home)
    assert run.code == 0, run.err
    lines = [line for line in run.err.splitlines() if line.startswith("memberdesk:")]
    assert lines == [f"memberdesk: {pdf}: page 1 ({ocr.DAMAGED_PICTURE}) could not be read; the other pages are there"]
    out = memberdesk("text", "1", home=home).out
    assert "Members thanked the clerk for the minutes." in out
    assert "This page is a picture whose text could not be read" in out
    assert MARK not in out


def test_without_tesseract_the_reader_says_how_to_add_ocr(home: Path, tmp_path: Path) -> None:
    scan = scan_of(tmp_path, "highways", ONE)
    no_ocr = {"PATH": str(Path(shutil.which("python3") or "/usr/bin/python3").parent) + ":/nonexistent"}
    run = memberdesk("import", scan, home=home, env=no_ocr)
    assert run.code == 0, run.err
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng" in run.err
    out = memberdesk("text", "1", home=home).out
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng" in out
    # Once it is installed, `memberdesk ocr` reads it.
    again = memberdesk("ocr", "1", home=home)
    assert again.code == 0, again.err
    assert "1 scanned page read of 1" in again.out
    assert memberdesk("text", "1", home=home).out.count(MARK) == 1


def test_ocr_off_in_settings_leaves_scans_unread(home: Path, tmp_path: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.toml").write_text('ocr = "off"\n', encoding="utf-8")
    assert memberdesk("import", scan_of(tmp_path, "highways", ONE), home=home).code == 0
    assert "Highways" not in memberdesk("text", "1", home=home).out
    run = memberdesk("ocr", "1", "--lang", "eng+cym", home=home)
    assert run.code == 0, run.err
    assert "Highways committee agreed" in memberdesk("text", "1", home=home).out


def test_a_huge_declared_page_is_drawn_within_the_pixel_cap(tmp_path: Path) -> None:
    from memberdesk.papers import glyphs
    from pdf_factory import _assemble

    pdf = tmp_path / "huge.pdf"
    pdf.write_bytes(
        _assemble(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100000 100000] >>",
            ]
        )
    )
    with glyphs.open_document(pdf) as doc:
        image, dpi = pictures.render_page(doc, 0, 300, max_pixels=4_000_000)
    width, height = (int(n) for n in image.split(b"\n")[1].split())
    assert width * height <= 4_000_000 and dpi < 300
    assert ocr.read_page(pdf, 0, max_pixels=4_000_000).problem == ocr.NO_READABLE_TEXT
