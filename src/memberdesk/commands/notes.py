"""memberdesk notes list | export | import: private notes, kept safe and movable."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from memberdesk.commands import CommandError, Context
from memberdesk.files import write_atomically
from memberdesk.library.notes import NoteView
from memberdesk.words import plural

EXPORT_FORMAT = "memberdesk-notes"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "notes",
        help="list, export or import your notes",
        description="Your private notes. 'export' writes Markdown (grouped by meeting and paper, with "
        "page numbers) or JSON; 'import' restores a JSON export into this library.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every note, grouped by meeting and paper")
    listing.set_defaults(handler=run_list)
    export = actions.add_parser("export", help="write every note to a file (or the screen)")
    export.add_argument("--to", metavar="FILE", help="the file to write (default: print it)")
    export.add_argument(
        "--format", choices=["markdown", "json"], help="default: from the file name (.json), else markdown"
    )
    export.set_defaults(handler=run_export)
    restore = actions.add_parser("import", help="restore notes from a JSON export")
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=run_import)


def _group(views: list[NoteView]) -> dict[str, dict[str, list[NoteView]]]:
    grouped: dict[str, dict[str, list[NoteView]]] = {}
    for view in views:
        meeting = view.meeting_title or "Papers not linked to a meeting"
        paper = view.document_title or (f"Agenda item {view.agenda_item_title}" if view.agenda_item_title else "Other")
        grouped.setdefault(meeting, {}).setdefault(paper, []).append(view)
    return grouped


def markdown(views: list[NoteView]) -> str:
    lines = ["# memberdesk notes", ""]
    for meeting, papers in _group(views).items():
        lines += [f"## {meeting}", ""]
        for paper, notes in papers.items():
            lines += [f"### {paper}", ""]
            for view in notes:
                where = f"Page {view.page_label}" if view.page_label else (view.agenda_item_title or "Note")
                lines.append(f"- **{where}** ({view.note.updated_at}): " + view.note.text.replace("\n", "\n  "))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_json(views: list[NoteView]) -> str:
    records: list[dict[str, Any]] = [
        {
            "uid": v.uid,
            "text": v.note.text,
            "document_title": v.document_title,
            "document_sha256": v.document_sha256,
            "page_index": v.note.page_index,
            "page_label": v.page_label,
            "agenda_item_title": v.agenda_item_title,
            "meeting_title": v.meeting_title,
            "created_at": v.note.created_at,
            "updated_at": v.note.updated_at,
        }
        for v in views
    ]
    return json.dumps({"format": EXPORT_FORMAT, "version": 1, "notes": records}, indent=2, ensure_ascii=False) + "\n"


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    views = ctx.library().notes.all()
    if not views:
        print("No notes yet. In the reader, press a to write a note on the page.", file=ctx.out)
        return 0
    print(markdown(views), end="", file=ctx.out)
    return 0


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library()
    views = library.notes.all()
    fmt = args.format or ("json" if args.to and args.to.lower().endswith(".json") else "markdown")
    text = as_json(views) if fmt == "json" else markdown(views)
    if not args.to:
        print(text, end="", file=ctx.out)
        return 0
    target = Path(args.to).expanduser()
    try:
        write_atomically(target, text)
    except OSError as exc:
        raise CommandError(f"{target}: cannot be written ({exc.strerror or exc}); choose another --to") from exc
    print(f"Wrote {plural(len(views), 'note')} to {target} ({fmt}).", file=ctx.out)
    return 0


MAX_EXPORT_BYTES = 64 * 1024 * 1024  # far beyond any person's notes; a bigger file is not an export
SHOWN_PROBLEMS = 20


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.library.note_records import MAX_NOTES, check_notes

    path = Path(args.file).expanduser()
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise CommandError(f"{path}: too large for a notes export ({size:,} bytes); nothing was imported")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(
            f"{path}: not a memberdesk notes export (not JSON: {exc}); export with --format json"
        ) from exc
    except RecursionError:
        raise CommandError(f"{path}: not a memberdesk notes export (nested too deeply); nothing was imported") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not isinstance(data.get("notes"), list):
        raise CommandError(
            f"{path}: not a memberdesk notes export; make one with 'memberdesk notes export --to notes.json'"
        )
    if len(data["notes"]) > MAX_NOTES:
        raise CommandError(f"{path}: {len(data['notes']):,} notes is more than {MAX_NOTES:,}; nothing was imported")
    records, bad = check_notes(data["notes"])
    for problem in bad[:SHOWN_PROBLEMS]:
        ctx.fail(f"{path}: {problem}; not imported")
    if len(bad) > SHOWN_PROBLEMS:
        ctx.fail(f"{path}: and {len(bad) - SHOWN_PROBLEMS:,} more notes that cannot be imported")
    added, skipped = ctx.library().notes.restore(records)
    refused = f"; {plural(len(bad), 'note')} could not be imported" if bad else ""
    print(f"Imported {plural(added, 'note')}; {skipped} already here{refused}.", file=ctx.out)
    return 1 if bad else 0
