"""pdf.py: page labels, outline, title, and every kind of bad input as one clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.papers import pdf
from memberdesk.papers.extract import extract_pages
from memberdesk.papers.flow import page_text
from pdf_factory import bomb_pdf, html_as_pdf, looping_pdf, make_pdf, nested_pdf, truncated_pdf


def test_labels_outline_and_title(pack: Path) -> None:
    info = pdf.inspect(pack)
    assert info.page_count == 30
    assert info.labels[:5] == ["i", "ii", "iii", "1", "2"]
    assert info.labels[-1] == "27"
    assert info.title == "Cabinet reports pack"
    assert [(e.title, e.page_index) for e in info.outline] == [
        ("Front sheet", 0),
        ("Item 1: Budget", 3),
        ("Item 2: Highways", 19),
    ]


def test_extract_pages_gives_each_page_text(pack: Path) -> None:
    rows = extract_pages(pack, 18, 20)
    assert [page.index for page in rows] == [18, 19]
    assert "page 19 of the committee pack" in page_text(rows[0])
    assert "zebra crossing" in page_text(rows[1])
    assert all(page.problem == "" for page in rows)


def test_title_falls_back_to_file_name(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "Planning_committee_minutes.pdf", ["Minutes"])
    assert pdf.inspect(path).title == "Planning committee minutes"


def test_demo_pack_labels_differ_from_pdf_index(demo_pdf: Path) -> None:
    info = pdf.inspect(demo_pdf)
    assert info.labels[0] == "i" and info.labels[3] == "1"
    assert any("Performance" in entry.title for entry in info.outline)


def test_owner_password_only_opens_without_asking(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "owner.pdf", ["Budget Council papers"], owner_password="council")
    info = pdf.inspect(path)
    assert "Budget Council papers" in page_text(extract_pages(path, 0, info.page_count)[0])


def _reason(path: Path) -> str:
    with pytest.raises(pdf.PdfProblem) as caught:
        pdf.inspect(path)
    return caught.value.reason


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert _reason(path).startswith("empty file")


def test_html_saved_as_pdf(tmp_path: Path) -> None:
    assert _reason(html_as_pdf(tmp_path / "login.pdf")).startswith("not a PDF (it is a web page")


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"PK\x03\x04 this is a zip file")
    assert _reason(path) == pdf.NOT_PDF


def test_cut_off_download(tmp_path: Path, pack: Path) -> None:
    assert _reason(truncated_pdf(pack, tmp_path / "cut.pdf")).startswith("damaged or incomplete")


def test_user_password(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", ["Exempt report"], user_password="secret")
    assert _reason(path).startswith("needs a password")


def _careful_reason(path: Path) -> str:
    """pdfium opens these (inspect() takes its word when a file has no labels or outline); the
    careful read by pypdf, which the importer asks when no page can be read, says why not."""
    with pytest.raises(pdf.PdfProblem) as caught:
        pdf.read_structure(path)
    return caught.value.reason


def test_deeply_nested_objects(tmp_path: Path) -> None:
    assert _careful_reason(nested_pdf(tmp_path / "deep.pdf")).startswith("damaged")


def test_looping_page_tree(tmp_path: Path) -> None:
    assert _careful_reason(looping_pdf(tmp_path / "loop.pdf")).startswith("damaged")


def test_decompression_bomb_page_is_refused_not_expanded(tmp_path: Path) -> None:
    path = bomb_pdf(tmp_path / "bomb.pdf", expanded_mb=120)
    info = pdf.inspect(path)
    [page] = extract_pages(path, 0, info.page_count)
    assert page_text(page) == "" and pdf.page_problem(path, 0) == pdf.UNSAFE


def test_an_unencrypted_paper_is_inspected_without_pypdf(tmp_path: Path) -> None:
    """pdfium reads the labels and outline (structure.py); pypdf only for encrypted files."""
    import subprocess
    import sys

    plain = make_pdf(tmp_path / "plain.pdf", ["Minutes", "Agenda"], title="Planning committee")
    labelled = make_pdf(tmp_path / "labelled.pdf", ["Front", "Report"], roman_front=1, outline={1: "Report"})
    owner = make_pdf(tmp_path / "owner.pdf", ["Minutes", "Agenda"], owner_password="council")
    for path in (plain, labelled, owner):
        assert pdf.inspect(path) == pdf.read_structure(path)  # the same facts either way
    assert pdf.inspect(plain).title == "Planning committee"
    assert pdf.inspect(labelled).labels == ["i", "1"]
    assert [(e.title, e.page_index) for e in pdf.inspect(labelled).outline] == [("Report", 1)]
    check = (
        "import sys; from pathlib import Path; from memberdesk.papers import pdf; "
        "info = pdf.inspect(Path(sys.argv[1])); print(info.page_count, 'pypdf' in sys.modules)"
    )
    for path, loaded in ((plain, "False"), (labelled, "False"), (owner, "True")):
        done = subprocess.run([sys.executable, "-c", check, str(path)], capture_output=True, text=True, check=True)
        assert done.stdout.split() == ["2", loaded]
