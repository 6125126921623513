"""Scanned papers for OCR tests: a real text page drawn to a picture (pdftoppm, 300 dpi) and
wrapped as an image-only PDF (fpdf2), and a page whose image stream is broken (by hand)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from fpdf import FPDF

from pdf_factory import _assemble

A4 = (210.0, 297.0)  # mm


def text_pdf(path: Path, paragraphs: list[str], *, columns: int = 1, size: float = 12) -> Path:
    """One A4 page of clean Helvetica text: the paragraphs one after another, or split into
    `columns` columns (the first half of them in the left column)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", size)
    margin, gutter = 20.0, 10.0
    width = (A4[0] - 2 * margin - gutter * (columns - 1)) / columns
    per = -(-len(paragraphs) // columns)
    for column in range(columns):
        pdf.set_xy(margin + column * (width + gutter), 25)
        for text in paragraphs[column * per : (column + 1) * per]:
            pdf.set_x(margin + column * (width + gutter))
            pdf.multi_cell(width, size * 0.5, text)
            pdf.ln(size * 0.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def page_picture(pdf: Path, out: Path, dpi: int = 300) -> Path:
    """Page one of `pdf` as a grey PNG at `dpi` (poppler's pdftoppm)."""
    stem = out.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )
    return stem.with_suffix(".png")


def image_only_pdf(path: Path, pictures: list[Path]) -> Path:
    """One A4 page per picture, each filling its page: no text at all, as a scanner makes."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for picture in pictures:
        pdf.add_page()
        pdf.image(str(picture), x=0, y=0, w=A4[0], h=A4[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def scan_of(tmp: Path, name: str, paragraphs: list[str], *, columns: int = 1) -> Path:
    """The paragraphs typeset, printed to a 300 dpi picture and scanned back as a PDF."""
    source = text_pdf(tmp / f"{name}-source.pdf", paragraphs, columns=columns)
    return image_only_pdf(tmp / f"{name}.pdf", [page_picture(source, tmp / f"{name}.png")])


def broken_image_then_text_pdf(path: Path, text: str) -> Path:
    """Page one: an image whose JPEG stream is garbage; page two: ordinary text."""
    junk = b"\xff\xd8\xff\xe0 this is not a JPEG at all " * 20
    page_one = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    page_two = b"BT /F1 14 Tf 72 760 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(page_one) + page_one + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 800 /Height 1100 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % len(junk) + junk + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R"
        b" /Resources << /Font << /F1 8 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(page_two) + page_two + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_assemble(objects))
    return path


def map_scan(tmp: Path, labels: list[tuple[float, float, str]]) -> Path:
    """A site plan drawn as a scanner sees it: roads and plots as lines and boxes, a few place
    names scattered over it (x, y in mm), printed to a 300 dpi picture and scanned back."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_line_width(1.2)
    for y in (60.0, 150.0, 230.0):
        pdf.line(10, y, 200, y + 15)
    for x in (40.0, 120.0, 175.0):
        pdf.line(x, 20, x - 10, 280)
    pdf.set_line_width(0.5)
    for x, y in ((55.0, 80.0), (130.0, 170.0), (60.0, 245.0)):
        pdf.rect(x, y, 35, 25)
    pdf.set_font("Helvetica", "B", 14)
    for x, y, text in labels:
        pdf.text(x, y, text)
    source = tmp / "map-source.pdf"
    pdf.output(str(source))
    return image_only_pdf(tmp / "map.pdf", [page_picture(source, tmp / "map.png")])
