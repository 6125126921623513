"""Printed page labels: finding a page the way a person names it ("page 12", "iii", "7 of 40")."""

from __future__ import annotations

from memberdesk.model import OutlineEntry


class PageNotFound(ValueError):
    """No page answers to what was asked; the message says which pages there are."""


def resolve_page(labels: list[str], wanted: str) -> int:
    """The 0-based index of the page a person means.

    A printed label wins ("12" is the page printed 12, even when it is the PDF's 15th page);
    "#15" or "15 of" style input means the position; a number no label matches is a position.
    """
    text = wanted.strip().lower().removeprefix("page").strip()
    if not text:
        raise PageNotFound("no page given: type a printed page number such as 12 or iii")
    if text.startswith("#"):
        return _position(labels, text[1:])
    for index, label in enumerate(labels):
        if label.lower() == text:
            return index
    if text.isdigit() and 1 <= int(text) <= len(labels):
        return int(text) - 1
    raise PageNotFound(f"no page '{wanted.strip()}': {_span(labels)}")


def _position(labels: list[str], text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= len(labels):
        raise PageNotFound(f"no page at position {text.strip()}: this paper has {len(labels)} pages")
    return int(text) - 1


def _span(labels: list[str]) -> str:
    if not labels:
        return "this paper has no pages yet"
    return f"pages run from {labels[0]} to {labels[-1]} ({len(labels)} in all)"


def resolve_range(labels: list[str], spec: str) -> range:
    """ "A-B", "A", "A-" or "-B" in labels or positions -> a range of indices."""
    spec = spec.strip()
    if "-" in spec:
        first, _, last = spec.partition("-")
        start = resolve_page(labels, first) if first.strip() else 0
        stop = resolve_page(labels, last) + 1 if last.strip() else len(labels)
    else:
        start = resolve_page(labels, spec)
        stop = start + 1
    if stop <= start:
        raise PageNotFound(f"the range '{spec}' runs backwards: give the first page first")
    return range(start, stop)


def section_at(outline: list[OutlineEntry], page_index: int) -> str:
    """The top-level section a page belongs to, and the latest sub-section begun by it."""
    top, sub = "", ""
    for entry in outline:
        if entry.page_index > page_index:
            break
        if entry.level == 0:
            top, sub = entry.title, ""
        else:
            sub = entry.title
    return f"{top} / {sub}" if top and sub else top or sub
