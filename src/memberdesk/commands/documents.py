"""Finding the document a command is about: DOC is a document id or a path."""

from __future__ import annotations

from pathlib import Path

from memberdesk.commands import CommandError, Context
from memberdesk.model import Document


def resolve(ctx: Context, doc: str, *, import_missing: bool = True) -> Document:
    library = ctx.library()
    if doc.isdigit():
        found = library.documents.get(int(doc))
        if found is None or found.status not in ("ready", "restricted"):
            raise CommandError(f"no document {doc} in the library: 'memberdesk library' lists them")
        return found
    path = Path(doc).expanduser()
    if not path.exists():
        raise CommandError(f"{doc}: no such file, and not a document id ('memberdesk library' lists them)")
    if not import_missing:
        raise CommandError(f"{doc}: not in the library; add it with 'memberdesk import {doc}'")
    from memberdesk.papers.importer import Importer

    with Importer(library) as importer:
        result = importer.import_file(path)
    if result.error:
        raise CommandError(f"{doc}: {result.error}")
    found = library.documents.get(result.document_id or 0)
    assert found is not None
    return found


def page_range(ctx: Context, doc: Document, spec: str | None) -> range:
    """The pages `--pages A-B` names (printed labels or positions); every page without it."""
    from memberdesk.papers.paging import PageNotFound, resolve_range

    labels = ctx.library().documents.labels(doc.id)
    try:
        return resolve_range(labels, spec) if spec else range(len(labels))
    except PageNotFound as exc:
        raise CommandError(f"document {doc.id}: {exc}") from exc
