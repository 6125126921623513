"""memberdesk print DOC --pages A-B [--to FILE.pdf]: just those pages, to a file or the printer.

Pages are named as printed (as for `text` and `speak`: --pages iii-4, #7). Without --to the
pages go to the printer with `lp` (CUPS) where it is installed. Each print is counted in the
paper record: sheets printed against sheets saved.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from memberdesk.commands import CommandError, Context, UsageError
from memberdesk.commands.documents import page_range, resolve
from memberdesk.words import plural


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "print",
        help="print just some pages of a paper (or write them to a PDF)",
        description="Write just the pages named (printed labels, e.g. --pages 3-5 or iii-2; #7 is the "
        "seventh page of the PDF) to FILE.pdf, or send them to the printer with lp when --to is not "
        "given. The paper record counts the sheets printed against those saved.",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--pages", metavar="A-B", required=True, help="printed page labels, e.g. 3-5 or iii-2")
    parser.add_argument("--to", metavar="FILE.pdf", help="write the pages to this PDF instead of printing")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.papers.pdf import PdfProblem
    from memberdesk.papers.printing import write_pages

    doc = resolve(ctx, args.doc)
    if doc.status != "ready":
        raise CommandError(f"{doc.title} is restricted: the council has not published it, so there is nothing to print")
    wanted = page_range(ctx, doc, args.pages)
    if not len(wanted):
        raise UsageError(f"--pages {args.pages} names no page")
    library = ctx.library()
    labels = library.documents.labels(doc.id)
    span = labels[wanted.start] if len(wanted) == 1 else f"{labels[wanted.start]} to {labels[wanted.stop - 1]}"
    source = library.paper_path(library.documents.file_path_name(doc.id))
    title = f"{doc.title}, page{'s' if len(wanted) > 1 else ''} {span}"
    if args.to:
        target = Path(args.to).expanduser().resolve()
        if target.suffix.lower() != ".pdf":
            raise UsageError(f"{args.to}: the file's name should end .pdf, e.g. pages.pdf")
        if target == source.resolve():
            raise UsageError(f"{args.to} is the paper itself: choose another file")
        try:
            count = write_pages(source, wanted, target, title=title)
        except PdfProblem as exc:
            raise CommandError(f"{doc.title}: {exc}") from None
        except OSError as exc:
            raise CommandError(f"{target}: cannot be written ({exc.strerror or exc}); choose another file") from None
        said = f"Wrote {plural(count, 'page')} of {doc.title} (printed {span}) to {target}."
    else:
        lp = shutil.which("lp")
        if lp is None:
            raise CommandError(
                "no printer command (lp) here: write the pages to a file with --to pages.pdf and print that, "
                "or install CUPS (sudo apt-get install cups-client)"
            )
        with tempfile.TemporaryDirectory(prefix="memberdesk-print-") as folder:
            target = Path(folder) / "pages.pdf"
            try:
                count = write_pages(source, wanted, target, title=title)
            except PdfProblem as exc:
                raise CommandError(f"{doc.title}: {exc}") from None
            done = subprocess.run([lp, "-t", title, str(target)], capture_output=True, text=True, check=False)
            if done.returncode != 0:
                reason = (done.stderr or done.stdout).strip().splitlines()
                raise CommandError(f"the printer refused the pages: {reason[-1] if reason else 'lp failed'}")
        said = f"Sent {plural(count, 'page')} of {doc.title} (printed {span}) to the printer."
    library.paper_record.record_print(doc.id, count)
    settings = ctx.settings()
    record = library.paper_record.record(
        double_sided=settings.double_sided, yearly_sheet_target=settings.yearly_sheet_target
    )
    print(said, file=ctx.out)
    print(record.printed_words().strip(), file=ctx.out)
    return 0
