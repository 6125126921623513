"""glyphs.py: real PDFs -> words, with spaces from geometry and odd characters made plain."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

import paper_factory as pf
from memberdesk.papers import glyphs
from memberdesk.papers.extract import extract_pages, finish_document
from memberdesk.papers.shapes import PaperProblem


def _words(path: Path, index: int = 0) -> glyphs.PageWords:
    with glyphs.open_document(path) as doc:
        return glyphs.page_words(doc, index)


def test_runs_placed_apart_without_a_space_are_separate_words(tmp_path: Path) -> None:
    words = _words(pf.separate_runs(tmp_path / "runs.pdf")).words
    # "Coun" and "cil" touch: one word drawn in two runs stays one word.
    assert [w.text for w in words] == ["Cabinet", "Report", "on", "the", "Council"]


def test_ligatures_soft_hyphens_nbsp_and_nul_are_made_plain(tmp_path: Path) -> None:
    path = pf.unicode_page(
        tmp_path / "uni.pdf", ["The \ufb01nal \ufb02oor plan is inter\u00ad", "national at 10\u00a0am\x00."]
    )
    if path is None:
        pytest.skip("DejaVu Sans is not installed")
    texts = [w.text for w in _words(path).words]
    joined = " ".join(texts)
    assert "final" in texts and "floor" in texts
    assert not any(c in joined for c in "\ufb01\ufb02\xa0\x00")
    assert texts[texts.index("10") : texts.index("10") + 2] == ["10", "am"]
    # PDFium marks the hyphen drawn at the line's end (0x02) as it marks a typed one: read as
    # the hyphen printed, kept unless the paper spells the word whole (hyphens.py).
    assert "inter-" in texts
    [page] = finish_document(extract_pages(path)).pages
    assert page.blocks[0].text.startswith("The final floor plan is inter-national at 10 am")


def test_text_drawn_twice_for_fake_bold_is_read_once(tmp_path: Path) -> None:
    words = _words(pf.fake_bold(tmp_path / "bold.pdf", "Budget summary")).words
    assert [w.text for w in words] == ["Budget", "summary"]


def test_font_size_includes_the_transformation_and_bold_comes_from_the_font(tmp_path: Path) -> None:
    path = tmp_path / "sizes.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, "Heading")
    c.saveState()
    c.scale(2, 2)
    c.setFont("Helvetica", 6)  # 6 pt scaled by 2: seen as 12 pt
    c.drawString(30, 370, "Scaled")
    c.restoreState()
    c.save()
    heading, scaled = _words(path).words
    assert (heading.text, heading.size, heading.bold) == ("Heading", 16.0, True)
    assert (scaled.text, scaled.size, scaled.bold) == ("Scaled", 12.0, False)
    assert heading.box.y0 < scaled.box.y0  # top-left origin: the heading is higher up


def test_a_page_turned_by_rotate_is_read_as_seen(tmp_path: Path) -> None:
    page = _words(pf.rotated(tmp_path / "rot.pdf", ["Landscape table heading", "Second line"]))
    assert (page.rotation, round(page.width), round(page.height)) == (90, 842, 595)
    assert [w.text for w in page.words] == ["Landscape", "table", "heading", "Second", "line"]
    first, second = page.words[0], page.words[3]
    assert first.box.x0 == pytest.approx(60, abs=1) and first.box.y0 < second.box.y0
    assert not any(w.sideways for w in page.words)
    assert all(0 <= w.box.x0 < w.box.x1 <= page.width for w in page.words)


def test_sideways_text_is_marked_and_read_after_the_page(tmp_path: Path) -> None:
    path = tmp_path / "margin.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Body text of the page.")
    c.saveState()
    c.translate(30, 400)
    c.rotate(90)
    c.drawString(0, 0, "Draft for consultation")
    c.restoreState()
    c.save()
    words = _words(path).words
    assert [w.text for w in words if w.sideways] == ["Draft", "for", "consultation"]
    [page] = extract_pages(path)
    assert [b.text for b in page.blocks] == ["Body text of the page.", "Draft for consultation"]


def test_a_page_of_100000_tiny_glyphs_returns_quickly_and_says_it_was_cut(tmp_path: Path) -> None:
    path = pf.tiny_glyphs(tmp_path / "tiny.pdf", 100_000)
    started = time.perf_counter()
    [page] = extract_pages(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert page.problem == ""
    assert page.note.startswith("only the first 40,000 of 100,")  # pdfium counts its line ends too
    words = _words(path)
    assert words.truncated and words.chars_read == glyphs.MAX_CHARS


def test_files_that_are_not_readable_pdfs_give_a_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    html = tmp_path / "page.pdf"
    html.write_bytes(b"<!doctype html><html><body>Sign in</body></html>")
    for path, reason in ((empty, glyphs.EMPTY), (html, glyphs.NOT_PDF), (tmp_path / "missing.pdf", "cannot be read")):
        with pytest.raises(PaperProblem) as caught:
            extract_pages(path)
        assert reason in caught.value.reason


def test_a_password_protected_pdf_says_so_and_an_owner_password_alone_opens(tmp_path: Path) -> None:
    from pdf_factory import make_pdf

    locked = make_pdf(tmp_path / "locked.pdf", ["Secret minutes"], user_password="letmein")
    with pytest.raises(PaperProblem) as caught:
        extract_pages(locked)
    assert caught.value.reason == glyphs.NEEDS_PASSWORD
    owner = make_pdf(tmp_path / "owner.pdf", ["Open minutes of the meeting"], owner_password="owner")
    [page] = extract_pages(owner)
    assert [b.text for b in page.blocks] == ["Open minutes of the meeting"]


def test_text_drawn_off_the_page_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "off.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Seen on the page.")
    c.drawString(60, 760, "Also seen here.")
    c.drawString(-400, 500, "Hidden revision text")
    c.save()
    assert [w.text for w in _words(path).words] == ["Seen", "on", "the", "page.", "Also", "seen", "here."]


def test_a_paragraph_number_drawn_as_its_own_run_a_thin_gap_before_its_text_is_a_word(tmp_path: Path) -> None:
    """Word's numbered paragraphs ("3.1", a tab, "Whilst ...") as Kent's reports print them:
    the text run starts 1.3 points after the number's advance, with no space written."""
    path = tmp_path / "numbered.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 12)
    y = 700.0
    for number, text in [("3.1", "Whilst the Government"), ("(b)", "The decision"), ("12.", "Members asked")]:
        c.drawString(71, y, number)
        c.drawString(71 + c.stringWidth(number, "Helvetica", 12) + 1.3, y, text)
        y -= 20
    # A word whose second part is another run drawn right after the first stays one word.
    c.drawString(71, y, "Coun")
    c.drawString(71 + c.stringWidth("Coun", "Helvetica", 12) + 0.2, y, "cil minutes")
    c.showPage()
    c.save()
    texts = [w.text for w in _words(path).words]
    assert texts == ["3.1", "Whilst", "the", "Government", "(b)", "The", "decision", "12.", "Members", "asked"] + [
        "Council",
        "minutes",
    ]


def test_words_placed_a_narrow_gap_apart_without_spaces_are_words(tmp_path: Path) -> None:
    # Some generators place each word with no space written: a gap of a sixth of an em between
    # "for" and "their" (a tight space; letters stand about 0 apart) parts them.
    path = tmp_path / "placed.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 11)
    x = 72.0
    for word in ["ambitious", "for", "their", "future."]:
        c.drawString(x, 700, word)
        x += stringWidth(word, "Helvetica", 11) + 0.16 * 11
    c.showPage()
    c.save()
    assert [b.text for b in extract_pages(path)[0].blocks] == ["ambitious for their future."]


def test_a_raised_footnote_mark_is_read_apart_from_the_figure_it_follows(tmp_path: Path) -> None:
    # "by 2029-30" with a raised "1" was read "2029-301", another year; a unit squared is no note.
    [page] = finish_document(extract_pages(pf.footnote_marks(tmp_path / "notes.pdf"))).pages
    assert page.blocks[0].text == (
        "The budget is balanced by 2029-30[1], and spending rose 6.3%[12]. The hall has 500m2 of floor space. "
        "The yard has 1,500 m2, bought for £10m[3]."
    )


def test_text_drawn_wholly_outside_its_clip_is_not_read(tmp_path: Path) -> None:
    # A risk register's "Significant Risks (over £10m)", hidden by its clip on every page but
    # the first, was read into each page's first risk.
    [page] = extract_pages(pf.clipped_text(tmp_path / "clipped.pdf"))
    text = " ".join(b.text for b in page.blocks)
    assert "Significant" not in text
    assert "each risk to the budget" in text and "for its likelihood" in text
    # A stamp drawn from a form XObject keeps its clip in the form's own space: still seen.
    [stamped] = extract_pages(pf.stamped_form(tmp_path / "stamped.pdf"))
    assert [b.text for b in stamped.blocks] == ["Body text of the report", "Page 12"]


def test_a_footnote_mark_of_three_figures_drawn_in_two_runs_is_one_mark(tmp_path: Path) -> None:
    # An inspector's report: "All development" with footnote 104 raised, drawn as "10" and "4"
    # a hair apart in height, was read "development[10]4", heard as note 10 and a stray 4.
    path = tmp_path / "note104.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "All development")
    x = 72 + stringWidth("All development", "Helvetica", 11)
    c.setFont("Helvetica", 7)
    c.drawString(x, 704.9, "10")
    c.drawString(x + stringWidth("10", "Helvetica", 7), 704.95, "4")
    c.setFont("Helvetica", 11)
    c.drawString(x + stringWidth("104 ", "Helvetica", 7) + 3, 700, "shall achieve a net gain in biodiversity value.")
    c.showPage()
    c.save()
    [page] = extract_pages(path)
    assert page.blocks[0].text == "All development[104] shall achieve a net gain in biodiversity value."
