"""Imports started in the app (i in the library, a paper named at start, the demo pack), off
the UI thread, one at a time; `x` stops the one running within a second.

A stop keeps every paper already imported and undoes only the one being laid out (no half
paper is ever readable); a paper whose scanned pages were being read is kept with the pages
read so far. What was kept is said in one line ("Import stopped: 3 papers imported, 7 not;
import the folder again to finish"): importing again finds the papers already in at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from memberdesk.library import Library, LibraryError
from memberdesk.model import ImportResult
from memberdesk.words import imported_words, plural


@dataclass(frozen=True)
class ImportOutcome:
    """What the app shows when an import ends: a line, how grave, and a paper to open."""

    message: str = ""
    severity: str = "information"
    open_document: int | None = None  # an already-imported paper: open it instead
    refresh: bool = True  # the library list changed


class ImportJobs:
    """One import at a time; `stop()` asks it to end (papers finished stay)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.cancel = threading.Event()
        self.running = ""  # the name of what is being imported, "" when idle
        self.document_id: int | None = None  # the paper on screen while it is laid out

    def begin(self, name: str) -> None:
        """Called on the UI thread before the worker starts, so `x` pressed at once is seen."""
        self.cancel = threading.Event()
        self.running = name
        self.document_id = None

    def stop(self) -> bool:
        if not self.running:
            return False
        self.cancel.set()
        return True

    def run(self, path: Path, *, open_it: bool, on_started: Callable[[int], None]) -> ImportOutcome:
        """Import `path` (a PDF, or every PDF in a folder) on the worker thread."""
        from memberdesk.papers.importer import Importer

        def started(document_id: int) -> None:
            self.document_id = document_id
            if open_it and not path.is_dir():
                on_started(document_id)

        try:
            with Library(self.home) as library, Importer(library, cancel=self.cancel) as importer:
                if path.is_dir():
                    return _folder_outcome(path, importer.import_paths([path]))
                return _file_outcome(path, importer.import_file(path, on_started=started), open_it)
        except LibraryError as error:  # a full disk, a read-only library: said, not raised
            return ImportOutcome(f"{path}: {error}", severity="error")
        finally:
            self.running = ""
            self.document_id = None


def _file_outcome(path: Path, result: ImportResult, open_it: bool) -> ImportOutcome:
    if result.stopped:
        return ImportOutcome(f"Import of {path.name} stopped: {imported_words(0, 1)}; import it again to finish.")
    if result.error:
        return ImportOutcome(f"{path}: {result.error}", severity="error")
    if result.duplicate and result.document_id is not None and open_it:
        return ImportOutcome(open_document=result.document_id, refresh=False)
    stopped = [w for w in result.warnings if "was stopped" in w]
    if stopped:
        return ImportOutcome(f"Import of {path.name} stopped; the paper is kept, but {stopped[0]}.")
    if result.warnings:
        return ImportOutcome(f"{path}: {len(result.warnings)} pages could not be read", severity="warning")
    return ImportOutcome(refresh=not open_it)


def _folder_outcome(folder: Path, results: list[ImportResult]) -> ImportOutcome:
    done = sum(1 for r in results if r.ok)
    stopped = sum(1 for r in results if r.stopped)
    full = sum(1 for r in results if r.disk_full)
    failed = [r for r in results if r.error and not (r.stopped or r.disk_full)]
    trouble = ""
    if failed:
        trouble = f" {plural(len(failed), 'file')} could not be imported (first: {failed[0].path}: {failed[0].error})."
    if failed and not (done or stopped or full):
        return ImportOutcome(f"{failed[0].path}: {failed[0].error}", severity="error")
    if stopped:
        line = f"Import stopped: {imported_words(done, stopped)}; import the folder again to finish.{trouble}"
        return ImportOutcome(line)
    if full:
        line = f"The disk is full: {imported_words(done, full)}; free some space and import the folder again."
        return ImportOutcome(line, severity="error")
    return ImportOutcome(
        f"Imported {plural(done, 'paper')} from {folder}.{trouble}", "warning" if failed else "information"
    )
