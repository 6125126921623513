"""Tables carried over pages -> one table, its header once. Pure.

A finance table runs on over several pages, each printing the column headings again (or not).
The part on the next page is marked `continued` and given the first part's header rows, so a
reader on that page still hears each cell's column, while the text, `memberdesk tables` and the
CSV export print the header once, where the table starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers.shapes import Block, PageLayout, Table

# The first part must end in the lower part of its page and the next begin near the top.
ENDS_BELOW = 0.55
STARTS_ABOVE = 0.45


def join(pages: Sequence[PageLayout]) -> list[PageLayout]:
    out = list(pages)
    for k in range(1, len(out)):
        before = _last_table(out[k - 1].blocks)
        after = _first_table(out[k].blocks)
        if before is None or after is None:
            continue
        first, second = out[k - 1].blocks[before].grid, out[k].blocks[after].grid
        assert first is not None and second is not None
        if not _carries_on(first, second, out[k - 1].blocks[before], out[k].blocks[after]):
            continue
        grid = replace(second, head=first.head, continued=True)
        block = replace(out[k].blocks[after], grid=grid, text=grid.rows_text())
        blocks = out[k].blocks[:after] + (block,) + out[k].blocks[after + 1 :]
        out[k] = replace(out[k], blocks=blocks)
    return out


def _last_table(blocks: Sequence[Block]) -> int | None:
    return next((k for k in range(len(blocks) - 1, -1, -1) if blocks[k].grid is not None), None)


def _first_table(blocks: Sequence[Block]) -> int | None:
    return next((k for k, b in enumerate(blocks) if b.grid is not None), None)


def _carries_on(first: Table, second: Table, a: Block, b: Block) -> bool:
    if first.columns != second.columns or second.continued:
        return False
    if second.head and second.head != first.head:
        return False
    if not first.head and not second.head:
        return False  # nothing says they are one table
    return a.where.y1 > ENDS_BELOW and b.where.y0 < STARTS_ABOVE
