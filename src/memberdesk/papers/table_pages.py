"""Tables carried over pages -> one table, its header once. Pure.

A finance table runs on over several pages, each printing the column headings again (or not).
The part on the next page is marked `continued` and given the first part's header rows, so a
reader on that page still hears each cell's column, while the text, `memberdesk tables` and the
CSV export print the header once, where the table starts.

Two tables of one shape on following pages are often two tables: a report of indicators prints
each under its own heading, with the same year columns. So a part carries on only where nothing
but the page's running lines stands between them: a heading, a caption or a paragraph after
the first part or before the second begins a new table, and so does a header row that changed.
Text that starts right of the table's first column is a cell's lines carried over the page
(and a first row with no key, its cells running on from the last row's, is that row's end),
and running lines are told by their text being printed on other pages too (this runs before
the running headers and footers are judged for the whole paper).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers.joining import FUNCTION_WORDS
from memberdesk.papers.markers import is_marker
from memberdesk.papers.ruled import HEADER_WORDS
from memberdesk.papers.shapes import HEADING, Block, PageLayout, Table
from memberdesk.papers.struck import unmarked

# The first part must end in the lower part of its page and the next begin near the top.
ENDS_BELOW = 0.55
STARTS_ABOVE = 0.45
# A line printed on this many pages is a running header or footer, not a table's heading.
RUNNING_PAGES = 3

_DIGITS = re.compile(r"\d+")


def join(pages: Sequence[PageLayout]) -> list[PageLayout]:
    out = list(pages)
    running = _running(out)
    for k in range(1, len(out)):
        before = _last_table(out[k - 1].blocks)
        after = _first_table(out[k].blocks)
        if before is None or after is None:
            continue
        first, second = out[k - 1].blocks[before].grid, out[k].blocks[after].grid
        assert first is not None and second is not None
        a, b = out[k - 1].blocks[before], out[k].blocks[after]
        if _lone_header(first, second) and a.where.y1 > ENDS_BELOW and b.where.y0 < STARTS_ABOVE:
            # A header row alone at the page's foot (ruled.table), its table on the next page.
            out[k] = _with_grid(out[k], after, replace(second, head=first.body, continued=True))
            continue
        second = _unheaded(first, second)
        if not _carries_on(first, second, out[k - 1].blocks[before], out[k].blocks[after]):
            continue
        a, b = out[k - 1].blocks[before], out[k].blocks[after]
        # The first part's own title printed again over the second parts nothing (a band over
        # each page of one table).
        titles = running | {_key(t.text) for t in out[k - 1].blocks[max(before - 2, 0) : before] if t.grid is None}
        if _parted(out[k - 1].blocks[before + 1 :], a, running) or _parted(out[k].blocks[:after], b, titles):
            continue  # a heading or a caption of its own: a new table of the same shape
        if _row_carried(first, second):
            # The first part's last row runs on at the top of this page: one row, where it began.
            last = tuple(" ".join(c for c in pair if c) for pair in zip(first.body[-1], second.body[0], strict=True))
            first = replace(first, body=(*first.body[:-1], last))
            second = replace(second, body=second.body[1:])
            out[k - 1] = _with_grid(out[k - 1], before, first)
            if not second.body:
                out[k] = replace(out[k], blocks=out[k].blocks[:after] + out[k].blocks[after + 1 :])
                continue
        out[k] = _with_grid(out[k], after, replace(second, head=first.head, continued=True))
    return [_noted(page) for page in out]


_ROMAN = re.compile(r"[ivxlc]{1,6}")
_NOTE = re.compile(r"^(?:[*\u2020\u2021]|\[\d{1,3}\]|\d{1,2}\s|notes?\b|source\b)", re.I)  # a table's note
NOTE_BLOCKS = 2  # the most paragraphs (a note, its second line) that part a table on its page


def _noted(page: PageLayout) -> PageLayout:
    """A table parted on its page by a note set inside it (Excel's "* the prior year savings
    ..." in the label column, between the memorandum and the reserves): the part under the
    note, with no header of its own and the same columns, goes on under the header above."""
    blocks = page.blocks
    at = [k for k, b in enumerate(blocks) if b.grid is not None]
    for a, b in zip(at, at[1:]):
        first, second = blocks[a].grid, blocks[b].grid
        assert first is not None and second is not None
        between = blocks[a + 1 : b]
        if second.head or not first.head or first.columns != second.columns or len(between) > NOTE_BLOCKS:
            continue
        if any(t.kind == HEADING or not _NOTE.match(t.text) for t in between):
            continue  # a heading or a sentence of its own ("The table below ..."): a new table
        page = _with_grid(page, b, replace(second, head=first.head, continued=True))
        blocks = page.blocks
    return page


def _with_grid(page: PageLayout, at: int, grid: Table) -> PageLayout:
    block = replace(page.blocks[at], grid=grid, text=grid.rows_text())
    return replace(page, blocks=page.blocks[:at] + (block,) + page.blocks[at + 1 :])


def _row_carried(first: Table, second: Table) -> bool:
    """Whether the second part's first row is the rest of the first part's last row, cut by
    the page's end: no key in its first cell, and each of its cells words running on from
    the text in the cell above (a row of figures, such as a total's, is a row of its own)."""
    if not first.body or not second.body:
        return False
    head, rest = second.body[0], first.body[-1]
    if not any(c.strip() for c in head):
        return False
    if head[0].strip():
        # The row's name itself cut by the page ("Mayoral Power of" / "Direction over use of
        # ..."): carried on only where it stops mid-phrase or goes on in lower case.
        return all(not c.strip() or runs_on(above, c) for c, above in zip(head, rest, strict=True))
    return all(not c.strip() or (_wordy(c) and _wordy(above)) for c, above in zip(head, rest, strict=True))


def runs_on(above: str, cell: str) -> bool:
    """Whether a cell's text goes on from the text above it: it starts in lower case, or the
    text above stops mid-phrase (on "of", "and", a comma or a dash)."""
    above, cell = unmarked(above.strip()).strip(), unmarked(cell.strip()).strip()  # "[added: building stone ..."
    if not above or not cell or is_marker(cell.split()[0]) or _ROMAN.fullmatch(cell.split()[0]):
        return False  # a row's own reference ("vi", "b)") begins a row
    return (
        cell[0].islower()
        or above.endswith((",", "-", "\u2013", "&", "(", "/"))
        or above.split()[-1].lower() in FUNCTION_WORDS
    )


def _unheaded(first: Table, second: Table) -> Table:
    """The second part with its "header" put back as its first row where that row is the rest of
    the first part's last row (an inspector's schedule: the end of a long cell at the next
    page's top, in the last column only, taken for the header and then said in every row)."""
    if len(second.head) != 1 or not first.body or second.head == first.head or first.columns != second.columns:
        return second
    row = second.head[0]
    filled = [k for k, c in enumerate(row) if c.strip()]
    if not filled or len(filled) == len(row) or not all(runs_on(first.body[-1][k], row[k]) for k in filled):
        return second
    return replace(second, head=(), body=(row, *second.body))


def _lone_header(first: Table, second: Table) -> bool:
    """Whether a table of one row and no header, every cell a few words ("Alternative",
    "Impact on income and expenditure"), names the columns of a headless table of as many."""
    if first.head or len(first.body) != 1 or second.head or first.columns != second.columns:
        return False
    return all(c.strip() and _wordy(c) and len(c.split()) <= HEADER_WORDS for c in first.body[0])


def _wordy(cell: str) -> bool:
    """Whether a cell holds words rather than a figure: it starts with a letter, or it runs to
    several words ("£0.358bn (£0.043bn general, ...").)"""
    return cell.strip()[:1].isalpha() or len(cell.split()) > 3


def _key(text: str) -> str:
    """A line's text with its numbers as one sign ("Page 12 of 54" is "Page # of #")."""
    return _DIGITS.sub("#", " ".join(text.split()).casefold())


def _running(pages: Sequence[PageLayout]) -> set[str]:
    """The texts (as _key gives them) that stand on RUNNING_PAGES pages or more, or on every
    page of a shorter paper."""
    seen = Counter(key for page in pages for key in {_key(b.text) for b in page.blocks if b.grid is None})
    least = min(RUNNING_PAGES, max(len(pages), 2))
    return {key for key, n in seen.items() if n >= least}


def _parted(blocks: Sequence[Block], table: Block, running: set[str]) -> bool:
    """Whether text beside a part of a table is a heading, caption or paragraph of its own:
    text that starts at the table's left or before it. Text inside the table's columns, right
    of its first (a cell's lines carried over the page), and running lines part nothing; a
    heading parts wherever it starts (a title band indented to the table's second column)."""
    left = table.where.x0 + 0.1 * table.where.width
    return any(
        b.grid is None and (b.where.x0 < left or b.kind == HEADING) and _key(b.text) not in running for b in blocks
    )


def _last_table(blocks: Sequence[Block]) -> int | None:
    return next((k for k in range(len(blocks) - 1, -1, -1) if blocks[k].grid is not None), None)


def _first_table(blocks: Sequence[Block]) -> int | None:
    return next((k for k, b in enumerate(blocks) if b.grid is not None), None)


def _carries_on(first: Table, second: Table, a: Block, b: Block) -> bool:
    if first.columns != second.columns or second.continued:
        return False
    if second.head and second.head != first.head:
        return False
    if not first.head and not second.head and not _row_carried(first, second):
        return False  # nothing says they are one table
    return a.where.y1 > ENDS_BELOW and b.where.y0 < STARTS_ABOVE
