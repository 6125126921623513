"""Scanned pages read by OCR after a paper is in: one tesseract per core side by side (threads
only wait for them), each page stored by the calling thread as it comes, so the first is
readable at once; a cancel stops every tesseract and keeps what was read."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

from memberdesk.library import Library
from memberdesk.papers import ocr
from memberdesk.papers.flow import page_blocks, page_text

Progress = Callable[[str, int, int], None]  # (path, pages done, pages in all)


class OcrCancelled(Exception):
    """The importer's cancel was set while scanned pages were being read."""


def read_pages(
    library: Library,
    document_id: int,
    path: Path,
    wanted: Sequence[int],
    *,
    languages: str,
    workers: int,
    cancel: threading.Event,
    shown: str,
    progress: Progress | None = None,
    told: Callable[[int, ocr.OcrPage], None] | None = None,
) -> list[tuple[int, str]]:
    """OCR pages `wanted` of the paper (the library's copy at `path`), storing each page as it
    is read; the pages that gave no text, with why. Without tesseract, each is marked so the
    reader can say how to add it, and one problem names them all."""
    problems: list[tuple[int, str]] = []
    if not wanted:
        return problems
    if not ocr.available():
        library.documents.mark_ocr(document_id, wanted, ocr.MISSING)
        return [(wanted[0], f"{len(wanted)} scanned page(s) not read: {ocr.INSTALL_HINT}")]
    library.documents.mark_ocr(document_id, wanted, ocr.reading_note())
    if progress:
        progress(f"{shown} (reading scans)", 0, len(wanted))
    # Each page is a tesseract process on one core; threads only wait for them, and this
    # thread stores each page as it comes (the first one read is readable at once).
    pool = ThreadPoolExecutor(max(1, min(workers, len(wanted))), thread_name_prefix="ocr")
    pending = {pool.submit(ocr.read_page, path, index, languages): index for index in wanted}
    stored: set[int] = set()
    try:
        while pending:
            if cancel.is_set():
                raise OcrCancelled
            finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                read = future.result()
                stored.add(index)
                if not _store(library, document_id, index, read):
                    problems.append((index, read.problem or ocr.NO_READABLE_TEXT))
                if told is not None:
                    told(index, read)
                if progress:
                    progress(f"{shown} (reading scans)", len(stored), len(wanted))
    except BaseException:
        # Cancelled (Ctrl+C, the app's stop, a sync cancelled): stop every tesseract now;
        # pages not read say so and how to read them later, rather than "in a moment".
        for future in pending:
            future.cancel()
        ocr.stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        left = [i for i in wanted if i not in stored]
        library.documents.mark_ocr(document_id, left, ocr.STOPPED)
        raise
    pool.shutdown(wait=True)
    return sorted(problems)


def _store(library: Library, document_id: int, index: int, read: ocr.OcrPage) -> str:
    """Store one page OCR read; its text ("" when none was read)."""
    text = page_text(read.layout)
    library.documents.store_ocr(
        document_id,
        index,
        text=text,
        blocks=page_blocks(read.layout) if text else "",
        confidence=read.confidence,
        note=ocr.PICTURE if text and read.picture else read.problem,
    )
    return text
