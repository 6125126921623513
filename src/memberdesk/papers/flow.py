"""A laid-out page -> what the library keeps: the reading flow as text, its blocks with their
kinds, and the furniture (running headers, footers, stamps) kept apart; printed labels and a
contents from headings for the whole paper.

The text is what search indexes and `memberdesk text` prints: one paragraph or heading a
line, a blank line between them, furniture left out. The blocks say which lines are
headings (and their level) and which are table rows, so nothing downstream guesses again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.model import OutlineEntry
from memberdesk.papers.hyphens import settle
from memberdesk.papers.shapes import HEADING, DocumentLayout, PageFinish, PageLayout, Table

# 2: figures said by their alt text; 3: tables; 4: title bands over tables, hyphens as printed;
# 5: titles in light type on dark bands; 6: what a tracked change puts in, "[added: ...]";
# 7: page numbers in a footer's line, contact cards, changes judged across pages, group headers.
# Bump when the extractor changes what it stores: `reindex` reads older papers again.
EXTRACTION = 7


@dataclass(frozen=True)
class StoredBlock:
    text: str
    heading: bool = False
    level: int = 0
    table: bool = False
    grid: Table | None = None  # a whole table: its header and body rows of cells


def page_text(page: PageLayout, furniture: frozenset[int] = frozenset()) -> str:
    """The reading flow; a page not yet finished with its paper (stored while importing) has
    its broken words put back with their hyphens (hyphens.settle), as printed."""
    text = "\n\n".join(b.text for k, b in enumerate(page.blocks) if k not in furniture and b.text.strip())
    return settle(text)


def page_blocks(page: PageLayout, furniture: frozenset[int] = frozenset()) -> str:
    """The blocks as JSON: [{"t": text, "h": level (headings only), "r": 1 (table rows only),
    "g": a whole table, {"h": header rows, "b": body rows (lists of cell texts), "s": totals
    rows (body row numbers), "c": 1 when carried over from the page before}}]."""
    out = []
    for k, block in enumerate(page.blocks):
        if k in furniture or not block.text.strip():
            continue
        item: dict[str, object] = {"t": settle(block.text)}  # a page not finished with its paper: as page_text
        if block.kind == HEADING:
            item["h"] = block.level or 1
        if block.table:
            item["r"] = 1
        if block.grid is not None:
            item["g"] = _grid_json(block.grid)
        out.append(item)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def read_blocks(stored: str) -> list[StoredBlock]:
    """What page_blocks() wrote; [] for a page stored before blocks were kept (or damaged)."""
    try:
        items = json.loads(stored) if stored else []
    except ValueError:
        return []
    blocks = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("t"), str):
            level = item.get("h")
            blocks.append(
                StoredBlock(
                    item["t"],
                    heading=isinstance(level, int),
                    level=level if isinstance(level, int) else 0,
                    table=bool(item.get("r")),
                    grid=_grid(item.get("g")),
                )
            )
    return blocks


def _grid_json(table: Table) -> dict[str, object]:
    out: dict[str, object] = {"h": [list(r) for r in table.head], "b": [list(r) for r in table.body]}
    if table.totals:
        out["s"] = list(table.totals)
    if table.continued:
        out["c"] = 1
    return out


def _rows(value: object) -> tuple[tuple[str, ...], ...] | None:
    if not isinstance(value, list) or not all(
        isinstance(r, list) and all(isinstance(c, str) for c in r) for r in value
    ):
        return None
    return tuple(tuple(r) for r in value)


def _grid(value: object) -> Table | None:
    """A stored table, or None when it is not one (a damaged or foreign row is read as text)."""
    if not isinstance(value, dict):
        return None
    head, body = _rows(value.get("h", [])), _rows(value.get("b"))
    if head is None or not body:
        return None
    width = len(body[0])
    if any(len(r) != width for r in head + body):
        return None
    totals = value.get("s", [])
    marks = tuple(n for n in totals if isinstance(n, int)) if isinstance(totals, list) else ()
    return Table(head=head, body=body, totals=marks, continued=bool(value.get("c")))


def furniture_text(page: PageLayout, furniture: frozenset[int]) -> str:
    return "\n".join(page.blocks[k].text for k in sorted(furniture) if k < len(page.blocks))


def printed_labels(count: int, pdf_labels: Sequence[str] | None, finish: Sequence[PageFinish]) -> list[str]:
    """Each page's name as a person reads it.

    The PDF's own /PageLabels win. Else, where the pages carry stamps that run with the PDF's
    pages ("Page 6", "6 of 54", "- 6 -"), the stamped pages are named by their stamp and the
    unstamped ones (a pack's front sheet and agenda) by their position, "#1", "#2". A paper
    with no stamps at all is numbered by position, 1 to N, as it always was.
    """
    if pdf_labels is not None and len(pdf_labels) == count:
        return list(pdf_labels)
    stamped = [f.label for f in finish] + [None] * (count - len(finish))
    if not any(stamped):
        return [str(i + 1) for i in range(count)]
    seen: set[str] = set()
    labels = []
    for index, label in enumerate(stamped[:count]):
        # A stamp printed twice (an appendix restarting at 1) keeps the first page its name.
        if label and label not in seen:
            seen.add(label)
            labels.append(label)
        else:
            labels.append(f"#{index + 1}")
    return labels


def contents_from_headings(document: DocumentLayout, *, most: int = 400) -> list[OutlineEntry]:
    """Headings as a contents, for papers without bookmarks: levels start at 0."""
    if not document.headings:
        return []
    top = min(h.level for h in document.headings)
    return [OutlineEntry(h.text, h.page, h.level - top) for h in document.headings[:most]]
