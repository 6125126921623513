"""memberdesk search QUERY: every page and agenda item, ranked; and memberdesk reindex."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from memberdesk.commands import Context, UsageError
from memberdesk.words import plural

NEWEST_NOTE = "(These words are on most pages, so the most recently added papers come first; add a word to narrow it.)"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search every paper and agenda item in the library",
        description="Search every page of every paper and every agenda item. Words must all "
        'appear; "quoted words" must appear together; budg* matches budget, budgets... '
        "Hits are marked \u00ab like this \u00bb in the snippets.",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help='words, "phrases" and prefixes*')
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--committee", metavar="ID|TITLE", default="", help="only this committee (id or part of its title)"
    )
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="only meetings on or after DATE")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="only meetings on or before DATE")
    parser.add_argument("--document", metavar="DOC", help="only this document (id)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    parser.set_defaults(handler=run)
    reindex = subparsers.add_parser(
        "reindex",
        help="read older papers again with this version's extractor, and rebuild the search index",
        description="Lay out again every paper stored by an older memberdesk (printed page numbers, "
        "reading order, running headers), then check the search index and rebuild it. Safe at any time.",
    )
    reindex.set_defaults(handler=run_reindex)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.dates import parse_date
    from memberdesk.library.search import Filters, SearchError

    try:
        filters = Filters(
            committee=args.committee,
            date_from=parse_date(args.date_from) if args.date_from else None,
            date_to=parse_date(args.date_to) if args.date_to else None,
            document_id=int(args.document) if args.document else None,
        )
    except ValueError as exc:
        raise UsageError(
            str(exc).replace("invalid literal for int() with base 10", "--document takes a document id")
        ) from exc
    query = " ".join(args.query)
    try:
        hits = ctx.library().search.query(query, filters, limit=max(1, args.limit))
    except SearchError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print(
            json.dumps({"query": query, "results": [asdict(h) for h in hits]}, indent=2, ensure_ascii=False),
            file=ctx.out,
        )
        return 0
    if not hits:
        print(f"Nothing found for {query}.", file=ctx.out)
        return 0
    print(f"{plural(len(hits), 'result')} for {query}:", file=ctx.out)
    if any(h.order == "newest" for h in hits):
        print(NEWEST_NOTE, file=ctx.out)
    for number, hit in enumerate(hits, start=1):
        where = (
            f"{hit.document_title}, page {hit.page_label}"
            if hit.kind == "page"
            else f"Agenda item {hit.document_title}"
        )
        meeting = ", ".join(x for x in (hit.committee, hit.meeting_date) if x)
        doc = f" (document {hit.document_id})" if hit.document_id else ""
        print(f"{number}. {where}{doc}{' - ' + meeting if meeting else ''}", file=ctx.out)
        print(f"   {hit.snippet}", file=ctx.out)
    return 0


def run_reindex(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.commands.progress import progress_reporter
    from memberdesk.papers.flow import EXTRACTION
    from memberdesk.papers.importer import Importer

    library = ctx.library()
    older = library.documents.needing_extraction(EXTRACTION)
    if older:
        with progress_reporter(ctx, "Reading again") as report, Importer(library) as importer:
            for doc in older:

                def step(_: str, done: int, total: int, title: str = doc.title) -> None:
                    report(title, done, total)

                problem = importer.reextract(doc, progress=step)
                if problem:
                    ctx.fail(f"{doc.title}: {problem}; it reads as before")
        print(f"Read {plural(len(older), 'paper')} again with this version's extractor.", file=ctx.out)
    search = library.search
    healthy = search.check()
    search.rebuild()
    state = "was sound" if healthy else "was damaged"
    print(f"The search index {state}; it has been rebuilt from the stored text.", file=ctx.out)
    return 0
