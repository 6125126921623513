"""Just the pages to print: a new PDF of some pages of a paper (pypdf, with papers/pdf.py's
opening checks), for the councillor who still needs one page on paper."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfWriter

from memberdesk.files import write_atomically
from memberdesk.papers.pdf import open_reader


def write_pages(source: Path, pages: range, target: Path, *, title: str = "") -> int:
    """Write `pages` (0-based PDF positions) of `source` to `target` atomically; returns how
    many were written. The pages are copied as they are: what prints is what the council sent."""
    reader = open_reader(source)
    writer = PdfWriter()
    for index in pages:
        writer.add_page(reader.pages[index])
    if title:
        writer.add_metadata({"/Title": title, "/Producer": "memberdesk print"})
    buffer = BytesIO()
    writer.write(buffer)
    write_atomically(target, buffer.getvalue())
    return len(pages)
