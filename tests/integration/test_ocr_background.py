"""OCR after import with the real Tesseract: pages read side by side on the cores, each stored
as it is read, stopped at once when cancelled (what was read kept, the rest saying how to read
it), a page whose reader was killed never promised "in a moment", doubtful words marked."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from cli import memberdesk
from memberdesk.library import Library
from memberdesk.library.store import transaction
from memberdesk.papers import ocr
from memberdesk.papers.importer import Importer
from memberdesk.reading.session import NOT_READ, WAITING, ReadingSession, no_text_words
from memberdesk.speech.units import page_sentences
from scan_factory import image_only_pdf, page_picture, text_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr (scripts/setup.sh)")

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGES = [
    "The planning committee approved the new library extension in Market Street.",
    "The licensing committee renewed the market traders permits for another year.",
    "The audit committee noted the internal audit plan and the risk register.",
    "The scrutiny committee reviewed the waste collection contract performance.",
]


def _scan_pack(tmp: Path, pages: list[str]) -> Path:
    pictures = []
    for n, text in enumerate(pages):
        source = text_pdf(tmp / f"page{n}-source.pdf", [text])
        pictures.append(page_picture(source, tmp / f"page{n}.png"))
    return image_only_pdf(tmp / "scans.pdf", pictures)


def _logging_tesseract(tmp: Path) -> tuple[dict[str, str], Path]:
    """PATH with a `tesseract` that runs the real one and logs when each run starts and ends."""
    bin_dir, log = tmp / "bin", tmp / "tesseract.log"
    bin_dir.mkdir()
    real = shutil.which("tesseract")
    script = bin_dir / "tesseract"
    script.write_text(
        f'#!/bin/sh\necho "start $(date +%s.%N)" >> {log}\n{real} "$@"\nstatus=$?\n'
        f'echo "end $(date +%s.%N)" >> {log}\nexit $status\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{bin_dir}:{os.environ['PATH']}"}, log


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores to read two pages at once")
def test_scanned_pages_are_read_side_by_side_and_all_stored(home: Path, tmp_path: Path) -> None:
    scans = _scan_pack(tmp_path, PAGES)
    env, log = _logging_tesseract(tmp_path)
    run = memberdesk("import", scans, home=home, env=env)
    assert run.code == 0, run.err
    out = memberdesk("text", "1", home=home).out
    for text in PAGES:
        assert " ".join(text.split()[:4]) in " ".join(out.split())
    # Two tesseracts ran at once: some run started before another had ended.
    events = [line.split() for line in log.read_text().splitlines()]
    running = most = 0
    for kind, _ in sorted(events, key=lambda e: float(e[1])):
        running += 1 if kind == "start" else -1
        most = max(most, running)
    assert len(events) == 2 * len(PAGES) and most >= 2


def test_a_cancelled_ocr_keeps_the_paper_and_what_was_read(home: Path, tmp_path: Path) -> None:
    scans = _scan_pack(tmp_path, PAGES)
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(what: str, done: int, total: int) -> None:
        if "reading scans" in what:
            seen.append((done, total))
            if done >= 1:
                cancel.set()  # as Ctrl+C or the app's stop would, once a page is in

    with Library(home) as library:
        importer = Importer(library, cancel=cancel)
        importer.ocr_workers = 1  # one page at a time, so pages are still waiting when it stops
        started = time.monotonic()
        with importer:
            result = importer.import_file(scans, progress=progress)
        stopped_in = time.monotonic() - started
        assert not result.error and result.document_id is not None
        assert any("reading its scanned pages was stopped" in w for w in result.warnings)
        pages = library.documents.pages(result.document_id, 0, len(PAGES))
        read = [p for p in pages if p.source == "ocr"]
        left = [p for p in pages if p.source != "ocr"]
        assert read and left and all(p.ocr_note == ocr.STOPPED for p in left)
        session = ReadingSession.open(library, result.document_id)
        assert session is not None
        assert session.no_text(left[0].index) == NOT_READ.format(id=result.document_id)
        assert not session.waiting_for_ocr(left[0].index)
    assert stopped_in < 60  # not all four pages at ~3 s each plus a timeout: it stopped
    # `memberdesk ocr` reads the rest later.
    again = memberdesk("ocr", str(result.document_id), home=home)
    assert again.code == 0, again.err
    assert PAGES[-1].split()[1] in memberdesk("text", str(result.document_id), home=home).out


def test_a_page_whose_reader_was_killed_is_not_promised(home: Path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    assert ocr.still_reading(ocr.reading_note()) is True
    assert ocr.still_reading(ocr.reading_note(dead.pid)) is False
    assert ocr.still_reading("") is None
    assert no_text_words(ocr.reading_note()) == WAITING
    assert no_text_words(ocr.reading_note(dead.pid), 7) == NOT_READ.format(id=7)


def test_doubtful_words_are_marked_seen_and_heard_and_still_found(home: Path) -> None:
    run = memberdesk("import", CORPUS / "souldern-pc-notice-conclusion-audit-2016.pdf", home=home)
    assert run.code == 0, run.err
    out = memberdesk("text", "1", home=home).out
    assert out.count(ocr.DOUBT_WARNING) == 1
    marked = [w for w in out.split() if w.endswith(ocr.DOUBT)]
    assert marked
    # Heard as unsure, not as punctuation.
    with Library(home) as library:
        text = library.documents.page_texts(1)[0] or ""
    spoken = " ".join(s.spoken for s in page_sentences(text))
    assert "(unsure)" in spoken and ocr.DOUBT not in spoken
    # The word itself, without its mark, is still found.
    word = next(w[: -len(ocr.DOUBT)] for w in marked if w[: -len(ocr.DOUBT)].isalpha())
    assert memberdesk("search", word, "--json", home=home).json()["results"]


def test_sync_reads_a_scanned_paper_the_council_publishes(council_server, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from council_data import Doc
    from sync_support import follow, syncer

    scan = _scan_pack(tmp_path, PAGES[:1]).read_bytes()
    with Library(home) as library:
        follow(library, council_server)
        council_server.council.add_document(1002, 211, Doc(5021, "Signed petition", pages=1, body=scan))
        with syncer(library) as sync:
            report = sync.run()
        assert report.ok
        doc = next(d for d in library.catalogue()["documents"] if d["title"] == "Signed petition")
    found = memberdesk("search", "extension", "--json", home=home).json()
    assert any(r["document_id"] == doc["id"] for r in found["results"])
    listed = {d["id"]: d for d in memberdesk("library", "--json", home=home).json()["documents"]}
    assert listed[doc["id"]]["ocr_pages"] == 1


def test_reindex_reads_scans_again(home: Path, tmp_path: Path) -> None:
    scans = _scan_pack(tmp_path, PAGES[:1])
    assert memberdesk("import", scans, home=home).code == 0
    with Library(home) as library, transaction(library.conn) as conn:  # as an older memberdesk left it: no OCR yet
        conn.execute("UPDATE documents SET extraction = 0")
        conn.execute("UPDATE pages SET text = '', blocks = '', source = 'text', confidence = NULL")
    run = memberdesk("reindex", home=home)
    assert run.code == 0, run.err
    assert "library extension" in memberdesk("text", "1", home=home).out


def test_a_map_is_said_as_a_picture_with_its_labels(home: Path, tmp_path: Path) -> None:
    from scan_factory import map_scan

    labels = [(50, 45, "Station Road"), (140, 100, "Allotments"), (60, 200, "Village Hall"), (120, 265, "Mill Lane")]
    run = memberdesk("import", map_scan(tmp_path, labels), home=home)
    assert run.code == 0, run.err
    paras = [p for p in memberdesk("text", "1", home=home).out.split("\n\n") if p.strip()]
    assert paras[0].splitlines()[-1] == ocr.PICTURE_WARNING
    words = " ".join(paras[1:])
    for _, _, label in labels:
        assert label.split()[0] in words
    # A page of text read from a scan is not taken for a picture.
    scan = _scan_pack(tmp_path / "text", PAGES[:1] * 1)
    assert memberdesk("import", scan, home=home).code == 0
    assert ocr.PICTURE_WARNING not in memberdesk("text", "2", home=home).out
