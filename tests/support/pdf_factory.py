"""Real PDFs for tests: good ones made with fpdf2, and bad ones made by hand, byte by byte."""

from __future__ import annotations

import zlib
from pathlib import Path

from fpdf import FPDF


def make_pdf(
    path: Path,
    pages: list[str],
    *,
    title: str | None = None,
    roman_front: int = 0,
    outline: dict[int, str] | None = None,
    owner_password: str | None = None,
    user_password: str | None = None,
) -> Path:
    """A PDF with one page per text; the first `roman_front` pages labelled i, ii, ..."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    if title:
        pdf.set_title(title)
    for number, text in enumerate(pages):
        pdf.add_page()
        if roman_front and number == 0:
            pdf.set_page_label("r", None, 1)
        elif roman_front and number == roman_front:
            pdf.set_page_label("D", None, 1)
        if outline and number in outline:
            pdf.start_section(outline[number])
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 5.5, text)
    if owner_password or user_password:
        pdf.set_encryption(owner_password=owner_password or "owner", user_password=user_password or "")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _assemble(objects: list[bytes]) -> bytes:
    """A PDF file from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def bomb_pdf(path: Path, expanded_mb: int = 200) -> Path:
    """A page whose content stream inflates to `expanded_mb` megabytes of zeros."""
    squeeze = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    data = b"".join(squeeze.compress(chunk) for _ in range(expanded_mb)) + squeeze.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    path.write_bytes(
        _assemble(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                stream,
            ]
        )
    )
    return path


def nested_pdf(path: Path, depth: int = 50_000) -> Path:
    """A page dictionary holding arrays nested `depth` deep."""
    nested = b"[" * depth + b"]" * depth
    path.write_bytes(
        _assemble(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + nested + b" >>",
            ]
        )
    )
    return path


def looping_pdf(path: Path) -> Path:
    """A page tree whose Kids point back at itself."""
    path.write_bytes(
        _assemble(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
            ]
        )
    )
    return path


def html_as_pdf(path: Path) -> Path:
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in.</body></html>\n",
        encoding="utf-8",
    )
    return path


def truncated_pdf(source: Path, path: Path, keep: float = 0.5) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path
