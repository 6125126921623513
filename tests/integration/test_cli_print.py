"""memberdesk print: just the pages named as printed, to a PDF (pypdf reads them back), counted
in the paper record as sheets printed against those saved."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli import memberdesk


@pytest.fixture
def demo_home(home: Path, demo_pdf: Path) -> Path:
    assert memberdesk("import", demo_pdf, home=home).code == 0
    return home


def test_print_pages_named_as_printed_to_a_file(demo_home: Path, demo_pdf: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "pages.pdf"
    run = memberdesk("print", "1", "--pages", "3-5", "--to", target, home=demo_home)
    assert run.code == 0, run.err
    printed = PdfReader(target)
    source = PdfReader(demo_pdf)
    # The demo pack's page printed "3" is its sixth PDF page (three roman front pages, as README says).
    first = next(i for i, label in enumerate(source.page_labels) if label == "3")
    assert len(printed.pages) == 3
    for n, page in enumerate(printed.pages):
        assert page.extract_text() == source.pages[first + n].extract_text()
    assert printed.metadata is not None and printed.metadata.title.endswith("pages 3 to 5")
    assert run.out.splitlines()[0].startswith("Wrote 3 pages of ") and "(printed 3 to 5)" in run.out
    assert "3 pages on 2 sheets in all" in run.out

    one = memberdesk("print", "1", "--pages", "#1", "--to", tmp_path / "front.pdf", home=demo_home)
    assert one.code == 0 and "Wrote 1 page of " in one.out and "(printed i)" in one.out
    record = memberdesk("paper", "--json", home=demo_home).json()
    assert (record["pages_printed"], record["sheets_printed"]) == (4, 3)  # double-sided: 2 + 1 sheets
    assert "Printed with memberdesk: 4 pages on 3 sheets in all" in memberdesk("paper", home=demo_home).out


def test_print_refuses_bad_pages_names_and_says_what_to_do_without_a_printer(demo_home: Path, tmp_path: Path) -> None:
    missing = memberdesk("print", "1", "--pages", "99", "--to", tmp_path / "x.pdf", home=demo_home)
    assert missing.code == 1 and "no page '99'" in missing.err and not (tmp_path / "x.pdf").exists()
    wrong = memberdesk("print", "1", "--pages", "1", "--to", tmp_path / "x.txt", home=demo_home)
    assert wrong.code == 2 and "should end .pdf" in wrong.err
    nobody = memberdesk("print", "1", "--pages", "1", home=demo_home, env={"PATH": os.path.dirname(sys.executable)})
    assert nobody.code == 1 and "--to pages.pdf" in nobody.err
    assert memberdesk("paper", "--json", home=demo_home).json()["pages_printed"] == 0  # nothing was printed
