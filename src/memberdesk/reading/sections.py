"""A paper cut into sections, one per agenda item, for audio files a listener can skip between."""

from __future__ import annotations

from memberdesk.model import Document, OutlineEntry

Section = tuple[str, list[int]]  # (title, page indexes)


def agenda_sections(outline: list[OutlineEntry], doc: Document, wanted: range) -> list[Section]:
    """One section per agenda item: the outline's top level (or the level below one lone entry).

    Items that start on the same page share it as one section (titles joined), since pages
    are the smallest unit a sentence can be placed by; pages before the first item belong
    to it. Without an outline the whole document is one section.
    """
    if not outline:
        return [(doc.title, list(wanted))]
    top = min(entry.level for entry in outline)
    level = top
    if sum(1 for e in outline if e.level == top) < 2 and any(e.level == top + 1 for e in outline):
        level = top + 1
    starts: dict[int, list[str]] = {}
    for entry in outline:
        if entry.level == level:
            starts.setdefault(entry.page_index, []).append(" ".join(entry.title.split()))
    firsts = sorted(starts)
    sections: list[Section] = []
    for number, first in enumerate(firsts):
        begin = 0 if number == 0 else first
        end = firsts[number + 1] if number + 1 < len(firsts) else doc.page_count
        pages = [i for i in range(begin, end) if i in wanted]
        if pages:
            sections.append(("; ".join(starts[first]), pages))
    return sections
