"""PDF files -> the library: checked, copied in by content hash, text extracted in parallel.

The document row exists from the start (status 'importing'), pages are stored as chunks are
extracted so the first page can be read at once, and it becomes 'ready' only when complete.
A failure removes the row and the copied file; a crash leaves a row that the next start
removes (see Documents.remove_abandoned), so no half document ever shows as readable.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from memberdesk import config
from memberdesk.library import AlreadyStored, Library, LibraryError, LibraryFull
from memberdesk.library.store import storage_problem
from memberdesk.model import Document, ImportResult
from memberdesk.papers import extract, ocr, pdf, scans
from memberdesk.papers.copying import copy_atomically, file_hash
from memberdesk.papers.flow import (
    EXTRACTION,
    contents_from_headings,
    furniture_text,
    page_blocks,
    page_text,
    printed_labels,
)
from memberdesk.papers.scans import OcrCancelled, Progress
from memberdesk.papers.shapes import DocumentLayout, PageLayout, PaperProblem
from memberdesk.papers.workers import kill_workers, page_chunks, ready_to_spawn, result_unless_cancelled, watch_parent
from memberdesk.sources.local import pdf_paths

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_FROM = 24

DISK_FULL = "not imported: the disk is full"
STOPPED = "not imported: the import was stopped"


class ImportStopped(Exception):
    """The cancel was set while a paper's pages were being laid out: that paper is undone."""


class Importer:
    """Imports into one library; keeps its worker processes for the files of one run."""

    def __init__(
        self,
        library: Library,
        *,
        workers: int | None = None,
        ocr_mode: str | None = None,
        languages: str | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.library = library
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self.ocr_workers = max(1, os.cpu_count() or 1)  # one tesseract per core
        self.cancel = cancel or threading.Event()  # set by another thread: scans stop being read
        self._pool: ProcessPoolExecutor | None = None
        if ocr_mode is None or languages is None:
            try:
                settings = config.load_settings(library.home)
            except config.SettingsError:
                settings = config.Settings()
            ocr_mode = settings.ocr if ocr_mode is None else ocr_mode
            languages = settings.ocr_languages if languages is None else languages
        self.ocr_mode = ocr_mode
        self.languages = languages

    def close(self, *, abort: bool = False) -> None:
        """Let the workers go; `abort` (Ctrl+C, SIGTERM) or the cancel set: at once, not after
        the pages they hold. Killed, the pool fails its own pending futures; cancelling them
        too would race it (Python 3.11 then prints an InvalidStateError traceback)."""
        if self._pool is not None:
            if abort or self.cancel.is_set():
                kill_workers(self._pool)
                self._pool.shutdown(wait=False, cancel_futures=False)
            else:
                self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Importer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(abort=kind is not None and not issubclass(kind, Exception))

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Imported here: multiprocessing is ~20 ms of every import command's start, and
            # papers under PARALLEL_FROM pages (most of them) never start a worker.
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # fork is instant and inherits pypdf already imported, but a forked copy of a process
            # with other threads (the app) can deadlock: there, spawn fresh workers instead.
            method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
            if method == "spawn":
                ready_to_spawn()
            # Each worker ends when this process ends, however it ends (kill -9 too).
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=watch_parent,
                initargs=(os.getpid(),),
            )
        return self._pool

    def import_paths(self, paths: Iterable[str | Path], progress: Progress | None = None) -> list[ImportResult]:
        """Each path's result. A full disk stops the run: what was imported stays, that file and
        the rest are results with disk_full set (the command says it in one line). The cancel
        does the same: the paper being laid out is undone, it and the rest have `stopped` set."""
        results = []
        found = list(pdf_paths(paths))
        for n, (path, problem) in enumerate(found):
            if problem:
                results.append(ImportResult(path=str(path), error=problem))
                continue
            if self.cancel.is_set():  # stopped: the papers imported so far stay, the rest wait
                results.extend(
                    ImportResult(path=str(rest), error=STOPPED, stopped=True) for rest, why in found[n:] if not why
                )
                break
            try:
                results.append(self.import_file(path, progress=progress))
            except LibraryFull:
                results.extend(
                    ImportResult(path=str(rest), error=DISK_FULL, disk_full=True) for rest, why in found[n:] if not why
                )
                break
        return results

    def import_file(
        self,
        path: Path,
        *,
        title: str | None = None,
        source_url: str = "",
        meeting_id: int | None = None,
        kind: str = "",
        marker: str = "",
        progress: Progress | None = None,
        on_started: Callable[[int], None] | None = None,
    ) -> ImportResult:
        result = ImportResult(path=str(path))
        try:
            sha = file_hash(path)
        except OSError as exc:
            result.error = f"cannot be read ({exc.strerror or exc})"
            return result
        existing = self.library.documents.by_hash(sha)
        if existing is not None:
            result.document_id, result.duplicate, result.pages = existing.id, True, existing.page_count
            return result
        try:
            info = pdf.inspect(path)
        except pdf.PdfProblem as exc:
            result.error = exc.reason
            return result
        file_name = f"{sha[:2]}/{sha}.pdf"
        target = self.library.paper_path(file_name)
        document_id: int | None = None
        try:
            copy_atomically(path, target)
            document_id = self.library.documents.begin(
                title=title or info.title,
                sha256=sha,
                page_count=info.page_count,
                file_name=file_name,
                source_path=str(path.resolve()) if not source_url else "",
                source_url=source_url,
                meeting_id=meeting_id,
                kind=kind,
                outline=info.outline,
            )
            if on_started is not None:
                on_started(document_id)
            problems, labels, scans = self._extract(target, document_id, info, path, progress, keep_title=bool(title))
            self.library.documents.finish(document_id, marker=marker)
            self.library.notes.relink()  # notes restored before their paper arrived
        except pdf.PdfProblem as exc:
            result.error = exc.reason
        except ImportStopped:
            result.error, result.stopped = STOPPED, True
        except AlreadyStored as stored:  # another run stored the same bytes a moment ago
            existing = self.library.documents.get(stored.document_id)
            result.document_id, result.duplicate = stored.document_id, True
            result.pages = existing.page_count if existing else info.page_count
            return result
        except OSError as exc:
            problem = storage_problem(exc)
            if problem is not None:
                self._undo(document_id, target, sha)
                raise problem from exc
            result.error = f"cannot be stored in the library ({exc.strerror or exc})"
        except BaseException:
            self._undo(document_id, target, sha)
            raise
        finally:
            pdf.release()
        if result.error:
            self._undo(document_id, target, sha)
            return result
        assert document_id is not None  # begun, or result.error was set
        result.document_id, result.pages = document_id, info.page_count
        # Readable now; the scanned pages' text follows page by page (the reader refreshes).
        # Stopping here keeps the paper and every page read so far.
        stopped: list[str] = []
        try:
            problems += self.read_scans(document_id, target, scans, shown=str(path), progress=progress)
        except OcrCancelled:
            stopped = [f"reading its scanned pages was stopped: 'memberdesk ocr {document_id}' reads them"]
        result.warnings = _warnings(problems, labels) + stopped
        return result

    def reextract(self, document: Document, progress: Progress | None = None) -> str:
        """Lay out a paper already in the library again, from its stored copy, with this
        extractor (after an upgrade); "" when done, else why not. Its notes, bookmarks and
        reading position stay, since pages keep their positions."""
        stored = self.library.paper_path(self.library.documents.file_path_name(document.id))
        try:
            info = pdf.inspect(stored)
            _, _, scans = self._extract(
                stored, document.id, info, stored, progress, keep_title=bool(document.source_url), again=True
            )
            self.read_scans(document.id, stored, scans, shown=str(stored), progress=progress)
        except OcrCancelled:
            return f"reading its scanned pages was stopped: 'memberdesk ocr {document.id}' reads them"
        except pdf.PdfProblem as exc:
            return exc.reason
        except OSError as exc:
            return f"cannot be read from the library ({exc.strerror or exc})"
        finally:
            pdf.release()
        return ""

    def read_scans(
        self,
        document_id: int,
        path: Path,
        indices: Iterable[int],
        *,
        languages: str | None = None,
        shown: str = "",
        progress: Progress | None = None,
        told: Callable[[int, ocr.OcrPage], None] | None = None,
    ) -> list[tuple[int, str]]:
        """OCR pages `indices` of the paper (the library's copy at `path`): see scans.read_pages."""
        return scans.read_pages(
            self.library,
            document_id,
            path,
            list(indices),
            languages=languages or self.languages,
            workers=self.ocr_workers,
            cancel=self.cancel,
            shown=shown or str(path),
            progress=progress,
            told=told,
        )

    def _undo(self, document_id: int | None, target: Path, sha: str) -> None:
        """Remove what this file's import stored. On a full disk even the removal may not be
        written: the row stays 'importing' under this process, and the next start removes it."""
        try:
            if document_id is not None:
                self.library.documents.discard(document_id)
            if self.library.documents.file_in_use(f"{sha[:2]}/{sha}.pdf"):
                return
        except LibraryError:
            return
        try:
            target.unlink(missing_ok=True)
        except OSError:
            pass

    def _extract(
        self,
        path: Path,
        document_id: int,
        info: pdf.PdfInfo,
        source: Path,
        progress: Progress | None,
        *,
        keep_title: bool = False,
        again: bool = False,
    ) -> tuple[list[tuple[int, str]], list[str], list[int]]:
        """Pages of `path` (the library's copy) into the library: each page as soon as it is
        laid out (so the first can be read at once), then what the whole paper tells (labels
        from its stamps, running headers and footers, headings) once every page is in.
        `source`, the file as given (the same bytes, checked by hash), is read here for page one.
        `again`: a paper already in the library keeps its text, read and searched, until then.
        """
        shown = str(source)
        count = info.page_count
        layouts: list[PageLayout] = []
        problems: list[tuple[int, str]] = []
        if progress:
            progress(shown, 0, count)

        def store(rows: list[PageLayout]) -> None:
            if not again:
                self.library.documents.add_pages(
                    document_id, [(p.index, info.labels[p.index], page_text(p)) for p in rows]
                )
            layouts.extend(rows)
            problems.extend((p.index, p.problem or p.note) for p in rows if p.problem or p.note)
            if progress:
                progress(shown, len(layouts), count)
            if self.cancel.is_set():
                raise ImportStopped

        chunks = list(page_chunks(count, self.workers))
        if count < PARALLEL_FROM or self.workers == 1:
            for start, stop in chunks:
                store(_extract_pages(source, start, stop))
        else:
            futures: list[Future[list[PageLayout]]] = [
                self._executor().submit(_extract_pages, path, start, stop) for start, stop in chunks[1:]
            ]
            try:
                # The first page is laid out here, while the workers start on the rest: it is
                # on screen sooner, and this process would otherwise only wait.
                store(_extract_pages(source, *chunks[0]))
                for future in futures:  # in order, so pages arrive front to back
                    store(result_unless_cancelled(future, self.cancel, ImportStopped))
            except (ImportStopped, KeyboardInterrupt):
                raise  # the workers are ended with their pool (close), their futures with them
            except BaseException:
                for future in futures:  # a damaged page: the pool goes on to the next paper
                    future.cancel()
                raise
        # A page that gave no text may be a scan, a blank page, or a stream unsafe to read.
        for n, page in enumerate(layouts):
            if not page.blocks and not page.problem:
                reason = pdf.page_problem(source, page.index)
                if reason:
                    layouts[n] = replace(page, problem=reason)
                    problems.append((page.index, reason))
        failed = [p for p in layouts if p.problem]
        if failed and len(failed) == count:
            pdf.read_structure(source)  # pdfium opened it; pypdf may say better what is wrong
            raise pdf.PdfProblem(failed[0].problem)
        layouts = extract.changes_across(source, layouts)
        labels = self._finish(document_id, info, source, extract.finish_document(layouts), keep_title)
        own = [(p.index, page_text(p)) for p in layouts if not p.problem]
        scans = ocr.which_pages(path, own) if self.ocr_mode != "off" else []
        problems = [(i, reason) for i, reason in problems if i not in scans]  # OCR says for those
        return sorted(problems), labels, scans

    def _finish(
        self, document_id: int, info: pdf.PdfInfo, source: Path, paper: DocumentLayout, keep_title: bool
    ) -> list[str]:
        """Store what the whole paper tells; the pages' printed labels."""
        labels = printed_labels(info.page_count, info.labels if info.has_page_labels else None, paper.finish)
        rows = [
            (
                page.index,
                labels[page.index],
                page_text(page, done.furniture),
                page_blocks(page, done.furniture),
                furniture_text(page, done.furniture),
            )
            for page, done in zip(paper.pages, paper.finish)
        ]
        contents = None if info.outline else contents_from_headings(paper)
        # A council's own name for the paper (from sync) wins; else metadata unless a template's.
        title = None if keep_title else extract.title_of(info.metadata_title, source.name, paper)
        self.library.documents.lay_out(document_id, rows, extraction=EXTRACTION, outline=contents, title=title)
        return labels


def _warnings(problems: list[tuple[int, str]], labels: list[str]) -> list[str]:
    out = []
    for index, reason in sorted(problems):
        label = labels[index] if index < len(labels) else f"#{index + 1}"
        out.append(reason if reason.endswith(ocr.INSTALL_HINT) else f"page {label} ({reason})")
    return out


def _extract_pages(path: Path, start: int, stop: int) -> list[PageLayout]:
    try:
        return extract.extract_pages(path, start, stop)
    except PaperProblem as exc:
        raise pdf.PdfProblem(exc.reason) from exc
