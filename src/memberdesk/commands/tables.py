"""memberdesk tables DOC [--pages A-B] [--json] [--to FILE.csv | DIR/]: a paper's tables."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from memberdesk.commands import CommandError, Context
from memberdesk.commands.documents import page_range, resolve
from memberdesk.words import plural

if TYPE_CHECKING:
    from memberdesk.reading.tables import PaperTable


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tables",
        help="list a document's tables, or save them as CSV",
        description="List the tables of a document (an id from 'memberdesk library', or a PDF path, "
        "imported if needed): for each, its pages, rows, columns and header cells. A table carried "
        "over several pages is one table, its header once. With --to, save them as CSV (UTF-8): "
        "to FILE.csv when there is one table (or to FILE-1.csv, FILE-2.csv ... for several), or to "
        "a folder (DIR/, made if needed) as table-1.csv, table-2.csv ...",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--pages", metavar="A-B", help="printed page labels or numbers, e.g. 3-5 or iii-2")
    parser.add_argument("--json", action="store_true", help="machine-readable output, every cell included")
    parser.add_argument("--to", metavar="FILE.csv|DIR/", help="save each table as a CSV file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.reading.session import ReadingSession
    from memberdesk.reading.tables import column_names, paper_tables

    doc = resolve(ctx, args.doc)
    reading = ReadingSession(ctx.library(), doc)
    wanted = page_range(ctx, doc, args.pages)
    found = paper_tables((index, reading.tables_on(index)) for index in wanted)
    if args.to:
        written = _export(found, Path(args.to).expanduser(), args.to.endswith(("/", "\\")))
        for path in written:
            print(f"Saved {path}", file=ctx.out)
        if not written:
            print(f"No tables in document {doc.id} to save.", file=ctx.out)
        return 0
    if args.json:
        items = [
            {
                "table": t.number,
                "pages": [reading.label(i) for i in t.pages],
                "rows": len(t.body),
                "columns": t.columns,
                "header": [list(r) for r in t.head],
                "columns_named": column_names(t.head, t.columns),
                "body": [list(r) for r in t.body],
                "totals": list(t.totals),
            }
            for t in found
        ]
        print(json.dumps({"document": doc.id, "tables": items}, indent=2, ensure_ascii=False), file=ctx.out)
        return 0
    if not found:
        print(f"No tables found in document {doc.id}.", file=ctx.out)
        return 0
    print(f"{plural(len(found), 'table')} in document {doc.id}:", file=ctx.out)
    for t in found:
        labels = [reading.label(i) for i in t.pages]
        where = f"page {labels[0]}" if len(labels) == 1 else f"pages {labels[0]} to {labels[-1]}"
        names = ", ".join(n for n in column_names(t.head, t.columns) if n) or "no header row"
        rows, cols = plural(len(t.body), "row"), plural(t.columns, "column")
        print(f"{t.number}. {where}: {rows}, {cols}: {names}", file=ctx.out)
    return 0


def _export(found: list[PaperTable], target: Path, as_folder: bool) -> list[Path]:
    if not found:
        return []
    if as_folder or target.is_dir() or target.suffix.lower() != ".csv":
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"{target}: cannot make this folder ({exc.strerror or exc})") from exc
        paths = [target / f"table-{t.number}.csv" for t in found]
    elif len(found) == 1:
        paths = [target]
    else:
        paths = [target.with_name(f"{target.stem}-{t.number}{target.suffix}") for t in found]
    from memberdesk.files import write_atomically

    for table, path in zip(found, paths):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(table.rows())
        try:
            write_atomically(path, out.getvalue())
        except OSError as exc:
            raise CommandError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    return paths
