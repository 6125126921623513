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
        "PDF path, imported if needed). Each page starts with a '--- page LABEL ---' line.",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--pages", metavar="A-B", help="printed page labels or numbers, e.g. 3-5 or iii-2")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.papers.reflow import paragraphs

    doc = resolve(ctx, args.doc)
    docs = ctx.library().documents
    wanted = page_range(ctx, doc, args.pages)
    for page in docs.pages(doc.id, wanted.start, wanted.stop):
        print(f"--- page {page.label} ---", file=ctx.out)
        for para in paragraphs(page.text):
            print(para.text, file=ctx.out)
            print(file=ctx.out)
    return 0
