"""Words broken over two lines at a hyphen, put back as the paper itself spells them. Pure.

PDFium reports a hyphen that ends a line as U+0002 whether the writer typed it ("one-off",
"long-term") or a typesetter put it in to fit the line ("inter-national"), so one page's lines
cannot tell which. The paragraph joiner (joining.join_lines) leaves such a word with BREAK
where the line broke; resolve() decides for the whole paper, from how the paper prints the word
where no line breaks it: "international" printed whole elsewhere loses the hyphen, "one-off"
keeps it. With no such evidence the hyphen stays, as printed: council papers are mostly Word's,
which hyphenates nothing by itself (measured on the corpus and 30 unseen papers: 27 of 27
undecided breaks were compounds, "self-funders", "co-location", "decision-making"). A hyphen
that is part of the word whatever the line (digits, capitals, a compound hyphenated before the
break) is kept by the joiner and never reaches this; a real soft hyphen is dropped there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from memberdesk.papers.shapes import PageLayout, Table

BREAK = "\u00ad"  # the soft hyphen: where a line broke a word at a hyphen that may go

_WORD = re.compile(r"[^\W_](?:[\w'\u00ad-]*[^\W_])?")


def settle(text: str, join: frozenset[str] = frozenset()) -> str:
    """`text` with each broken word put back: joined where its broken form (lower case) is in
    `join`, else with its hyphen."""
    if BREAK not in text:
        return text
    return _WORD.sub(lambda m: _settled(m.group(0), join), text).replace(BREAK, "-")


def _settled(word: str, join: frozenset[str]) -> str:
    if BREAK not in word:
        return word
    return word.replace(BREAK, "") if word.casefold() in join else word.replace(BREAK, "-")


def joined(texts: Iterable[str]) -> frozenset[str]:
    """The broken words (lower case, BREAK kept) the paper prints elsewhere joined up more
    often than with their hyphen."""
    whole: Counter[str] = Counter()
    broken: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            folded = word.casefold()
            if BREAK in folded:
                broken.add(folded)
            else:
                whole[folded] += 1
    return frozenset(w for w in broken if whole[w.replace(BREAK, "")] > whole[w.replace(BREAK, "-")])


def resolve(pages: Sequence[PageLayout]) -> list[PageLayout]:
    """Every page with its broken words put back as the paper spells them (see the module)."""
    join = joined(_texts(pages))
    out = []
    for page in pages:
        if not any(BREAK in b.text for b in page.blocks):
            out.append(page)
            continue
        blocks = []
        for block in page.blocks:
            if BREAK not in block.text:
                blocks.append(block)
            elif block.grid is not None:
                grid = _grid(block.grid, join)
                blocks.append(replace(block, grid=grid, text=grid.rows_text()))
            else:
                blocks.append(replace(block, text=settle(block.text, join)))
        out.append(replace(page, blocks=tuple(blocks)))
    return out


def _texts(pages: Sequence[PageLayout]) -> Iterable[str]:
    for page in pages:
        for block in page.blocks:
            if block.grid is None:
                yield block.text
            else:
                yield from (cell for row in (*block.grid.head, *block.grid.body) for cell in row)


def _grid(table: Table, join: frozenset[str]) -> Table:
    def rows(part: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(settle(cell, join) for cell in row) for row in part)

    return replace(table, head=rows(table.head), body=rows(table.body))
