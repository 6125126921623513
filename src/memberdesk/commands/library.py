"""memberdesk library [--json]: what the library holds."""

from __future__ import annotations

import argparse
import json

from memberdesk.commands import Context


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "library",
        help="list what the library holds: councils, meetings, agenda items, documents",
        description="List what the library holds. --json prints the stable shape documented in the README.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:

    library = ctx.library()
    data = library.catalogue()
    if args.json:
        data = {"library": str(library.home), **data}
        print(json.dumps(data, indent=2, ensure_ascii=False), file=ctx.out)
        return 0
    out = ctx.out
    docs = {d["id"]: d for d in data["documents"]}
    shown: set[int] = set()
    print(f"Library: {library.home}", file=out)
    for council in data["councils"]:
        print(f"\n{council['name']} ({council['url']})", file=out)
        for committee in council["committees"]:
            if not committee["meetings"] and not committee["followed"]:
                continue
            mark = "followed" if committee["followed"] else "not followed"
            print(f"  {committee['title']} [{mark}]", file=out)
            for meeting in committee["meetings"]:
                status = f", {meeting['status']}" if meeting["status"] else ""
                print(f"    Meeting {meeting['date'] or 'date not set'} {meeting['time']}{status}", file=out)
                for doc_id in meeting["documents"]:
                    shown.add(doc_id)
                    print(f"      {_doc_line(docs[doc_id])}", file=out)
    loose = [d for d in data["documents"] if d["id"] not in shown]
    if loose:
        print("\nDocuments", file=out)
        for doc in loose:
            print(f"  {_doc_line(doc)}", file=out)
    if not data["documents"] and not data["councils"]:
        print("The library is empty: add papers with 'memberdesk import PATH' or follow a council.", file=out)
    return 0


def _doc_line(doc: dict) -> str:
    marker = f" [{doc['marker']}]" if doc["marker"] else ""
    if doc["status"] == "restricted":
        return f"{doc['id']:>4}  {doc['title']} [restricted: not published]"
    pages = f"{doc['pages']} pages"
    if doc["first_page_label"] and doc["first_page_label"] != "1":
        pages += f", printed {doc['first_page_label']} to {doc['last_page_label']}"
    return f"{doc['id']:>4}  {doc['title']} ({pages}){marker}"
