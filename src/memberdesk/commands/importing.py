"""memberdesk import PATH...: add PDF files and folders of PDFs to the library."""

from __future__ import annotations

import argparse
import threading
from typing import TYPE_CHECKING

from memberdesk.commands import Context
from memberdesk.commands.progress import progress_reporter
from memberdesk.commands.stopping import STOPPED, stop_asks_first
from memberdesk.words import imported_words, plural

if TYPE_CHECKING:
    from memberdesk.library import Library
    from memberdesk.model import ImportResult


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="add PDF files or folders of PDFs to the library",
        description="Add PDF files, or every PDF in the given folders, to the library. The same "
        "file twice is recognised and kept once. Damaged or protected files are named on stderr "
        "and the rest still import; the exit status is then 1.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a PDF file or a folder")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.papers.importer import Importer

    library = ctx.library()
    cancel = threading.Event()  # the first Ctrl+C or SIGTERM: the papers imported so far are kept
    # To the last line said: a stop as the run ends is then no kill (every paper is named).
    with stop_asks_first(cancel):
        with progress_reporter(ctx, "Importing") as report, Importer(library, cancel=cancel) as importer:
            results = importer.import_paths(args.paths, progress=report)
        return _said(results, library, ctx)


def _said(results: list[ImportResult], library: Library, ctx: Context) -> int:
    """Each paper imported (or why not), the line for a full disk or a stop; the exit status."""
    failed = 0
    full = [r for r in results if r.disk_full]
    stopped = [r for r in results if r.stopped]
    for result in results:
        if result.disk_full or result.stopped:
            continue
        if result.error:
            failed += 1
            ctx.fail(f"{result.path}: {result.error}")
            continue
        doc = library.documents.get(result.document_id or 0)
        title = doc.title if doc else result.path
        if result.duplicate:
            print(f"already in the library: {title} (document {result.document_id})", file=ctx.out)
        else:
            print(f"imported: {title} ({plural(result.pages, 'page')}, document {result.document_id})", file=ctx.out)
        for warning in result.warnings:
            if warning.startswith("page "):
                ctx.fail(f"{result.path}: {warning} could not be read; the other pages are there")
            else:
                ctx.fail(f"{result.path}: {warning}")
    if full:
        done = sum(1 for r in results if r.ok)
        ctx.fail(f"the disk is full: {imported_words(done, len(full))}; free some space and run the same command again")
        return 1
    if stopped:
        done = sum(1 for r in results if r.ok)
        ctx.fail(f"stopped: {imported_words(done, len(stopped))}; run the same command again to finish")
        return STOPPED
    return 1 if failed else 0
