"""memberdesk text DOC [--pages A-B]: the plain text, for pipes and other tools."""

from __future__ import annotations

import argparse

from memberdesk.commands import Context
from memberdesk.commands.documents import page_range, resolve


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "text",
        help="print a document's text, page by page",
        description="Print the reflowed text of a document (an id from 'memberdesk library', or a "
        "PDF path, imported if needed) in reading order, a blank line between paragraphs. Each page "
        "starts with a '--- page LABEL ---' line naming the page as printed. Running headers and footers "
        "are left out unless --all is given.",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--pages", metavar="A-B", help="printed page labels or numbers, e.g. 3-5 or iii-2")
    parser.add_argument(
        "--all", action="store_true", help="also print the running headers, footers and page stamps of each page"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.reading.session import ReadingSession

    doc = resolve(ctx, args.doc)
    reading = ReadingSession(ctx.library(), doc)
    wanted = page_range(ctx, doc, args.pages)
    for page in ctx.library().documents.pages(doc.id, wanted.start, wanted.stop):
        print(f"--- page {page.label} ---", file=ctx.out)
        if args.all and page.furniture:
            print(page.furniture, file=ctx.out)
            print(file=ctx.out)
        paras = reading.paragraphs(page.index, running=args.all) or []
        if not paras and page.ocr_note:
            # A picture: say what became of it rather than print nothing.
            print(reading.no_text(page.index), file=ctx.out)
            print(file=ctx.out)
        for para in paras:
            print(para.text, file=ctx.out)
            print(file=ctx.out)
    return 0
