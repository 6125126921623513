"""extract.py: the entry point on whole papers, in chunks, in worker processes."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

import paper_factory as pf
from memberdesk.papers.extract import extract_pages, finish_document, page_count, paper_title
from memberdesk.papers.shapes import HEADING

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"


def test_the_demo_pack_reads_with_its_printed_labels_and_running_header() -> None:
    document = finish_document(extract_pages(DEMO))
    assert [f.label for f in document.finish] == ["i", "ii", "iii"] + [str(n) for n in range(1, 11)]
    header = "Health and Adult Services Scrutiny Committee - 12 January 2027"
    assert [f.header for f in document.finish] == [""] + [header] * 12
    agenda = document.pages[1]
    body = [b.text for k, b in enumerate(agenda.blocks) if k not in document.finish[1].furniture]
    assert body[:3] == [
        "Agenda",
        "1. Apologies for absence",
        "2. Declarations of interest. Members are asked to declare any disclosable pecuniary "
        "interests [DPIs] or other interests in items on this agenda.",
    ]
    tables = [b.grid for b in document.pages[6].blocks if b.grid is not None]
    assert len(tables) == 1
    assert tables[0].head == (("Measure", "Target", "Q1", "Q2", "Status"),)
    row = ("Permanent admissions to care homes (65+), per 100,000", "560", "548", "571", "Near target")
    assert row in tables[0].body
    contents = [(h.page, h.text) for h in document.headings]
    assert (1, "Agenda") in contents and (5, "1. Purpose of the report") in contents
    assert all(h.text != header for h in document.headings)
    assert paper_title(DEMO, document).startswith("Health and Adult Services Scrutiny Committee")


def test_chunks_give_the_same_pages_as_one_pass() -> None:
    whole = extract_pages(DEMO)
    count = page_count(DEMO)
    chunks = [p for start in range(0, count, 4) for p in extract_pages(DEMO, start, start + 4)]
    assert chunks == whole
    assert extract_pages(DEMO, count - 1, count + 10)[0].index == count - 1


def _worker(args: tuple[str, int, int]) -> list[tuple[int, list[str]]]:
    path, start, stop = args
    return [(p.index, [b.text for b in p.blocks]) for p in extract_pages(path, start, stop)]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes_read_the_same_as_the_parent(method: str) -> None:
    extract_pages(DEMO, 0, 1)  # the parent has used pdfium before it forks
    expected = [(p.index, [b.text for b in p.blocks]) for p in extract_pages(DEMO)]
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        parts = pool.map(_worker, [(str(DEMO), s, s + 5) for s in range(0, 13, 5)])
    assert [page for part in parts for page in part] == expected


def test_a_template_title_gives_way_to_the_first_heading(tmp_path: Path) -> None:
    path = pf.moderngov_pack(tmp_path / "pack.pdf", report_pages=2)
    document = finish_document(extract_pages(path))
    assert paper_title(path, document) == pf.PACK_FRONT[0]
    first = document.pages[0]
    assert [b.text for b in first.blocks] == pf.PACK_FRONT
    assert [b.kind for b in first.blocks[:2]] == [HEADING, HEADING]


def test_a_damaged_page_gives_its_problem_and_the_rest_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from memberdesk.papers import extract

    real = extract.layout_page
    calls = {"n": 0}

    def flaky(words, extra=(), rules=(), charts=(), added=frozenset()):
        calls["n"] += 1
        if words.index == 1:
            raise ValueError("boom")
        return real(words, extra, rules, charts, added)

    monkeypatch.setattr(extract, "layout_page", flaky)
    pages = extract_pages(pf.stamped(tmp_path / "s.pdf", ["1", "2", "3"]))
    assert [bool(p.problem) for p in pages] == [False, True, False]
    assert pages[1].blocks == () and pages[2].blocks
    document = finish_document(pages)
    assert len(document.finish) == 3


def test_a_page_box_inherited_from_the_page_tree_is_used(tmp_path: Path) -> None:
    # fpdf2 writes /MediaBox only on /Pages: the page is A4, its first line near the top.
    from pdf_factory import make_pdf

    path = make_pdf(tmp_path / "inherit.pdf", ["Report of the Director\nThe report follows."])
    [page] = extract_pages(path)
    assert (round(page.width), round(page.height)) == (595, 842)
    assert [b.text for b in page.blocks][0] == "Report of the Director"
    assert 0 < page.blocks[0].where.y0 < 0.1
