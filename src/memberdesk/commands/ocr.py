"""memberdesk ocr DOC [--pages A-B] [--lang eng+cym] [--force]: read scanned pages' text now."""

from __future__ import annotations

import argparse
import re

from memberdesk.commands import CommandError, Context, UsageError
from memberdesk.commands.documents import page_range, resolve
from memberdesk.commands.progress import progress_reporter
from memberdesk.words import plural

_LANGUAGES = re.compile(r"[A-Za-z_]+(\+[A-Za-z_]+)*")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ocr",
        help="read the text of a document's scanned pages (OCR, with Tesseract)",
        description="Read the text of the scanned and image-only pages of a document (an id from "
        "'memberdesk library', or a PDF path) with Tesseract, and store it so it can be read, heard "
        'and searched. Import does this by itself unless settings.toml says ocr = "off". Pages that '
        "already have their own text are left alone unless --force is given.",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--pages", metavar="A-B", help="printed page labels or numbers, e.g. 3-5 or iii-2")
    parser.add_argument(
        "--lang", metavar="LANGS", help="Tesseract languages, '+' between them (default: ocr_languages, 'eng')"
    )
    parser.add_argument("--force", action="store_true", help="read every page named, even those with their own text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.papers import ocr
    from memberdesk.papers.importer import Importer

    languages = args.lang or ctx.settings().ocr_languages
    if not _LANGUAGES.fullmatch(languages):
        raise UsageError(f"--lang {languages!r}: Tesseract language names such as eng or eng+cym")
    if not ocr.available():
        raise CommandError(f"Tesseract is not installed: {ocr.INSTALL_HINT}")
    library = ctx.library()
    doc = resolve(ctx, args.doc)
    wanted = page_range(ctx, doc, args.pages)
    path = library.paper_path(library.documents.file_path_name(doc.id))
    pages = library.documents.pages(doc.id, wanted.start, wanted.stop)
    if args.force:
        indices = [p.index for p in pages]
    else:
        own = [(p.index, "" if p.source == "ocr" else p.text) for p in pages]
        indices = ocr.which_pages(path, own)
    if not indices:
        print(f"document {doc.id}: no scanned pages to read", file=ctx.out)
        return 0
    labels = library.documents.labels(doc.id)

    def told(index: int, read: ocr.OcrPage) -> None:
        label = labels[index] if index < len(labels) else f"#{index + 1}"
        if read.confidence is not None:
            doubtful = f", {plural(len(read.doubtful), 'doubtful word')}" if read.doubtful else ""
            kind = ", mostly a picture (its labels read)" if read.picture else ""
            print(f"page {label}: read, {read.confidence:.0f}% confidence{doubtful}{kind}", file=ctx.out)

    with progress_reporter(ctx, "OCR:") as report, Importer(library, workers=1) as importer:
        problems = importer.read_scans(
            doc.id, path, indices, languages=languages, shown=doc.title, progress=report, told=told
        )
    for index, reason in problems:
        label = labels[index] if index < len(labels) else f"#{index + 1}"
        ctx.fail(f"document {doc.id}: page {label}: {reason}")
    read = len(indices) - len(problems)
    print(f"document {doc.id}: {plural(read, 'scanned page')} read of {len(indices)}", file=ctx.out)
    return 1 if problems else 0
