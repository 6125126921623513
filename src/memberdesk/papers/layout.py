"""A page's words -> blocks (paragraphs and headings) in the order a reader reads them. Pure.

tables.py finds the tables first (each becomes one block holding its cells), regions.py decides
the order of the rest (header, columns left to right, footers last; tables row by
row), paragraphs.py cuts each column into paragraphs, headings.py judges which blocks are
headings against this page's body text (finish_document judges again for the whole paper).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers import headings, letterspacing, paragraphs, regions, ruled, struck, tables, underlines
from memberdesk.papers import sideways as sideways_tables
from memberdesk.papers.joining import CARRIES_ON, FUNCTION_WORDS, join_lines
from memberdesk.papers.markers import is_marker
from memberdesk.papers.shapes import PARAGRAPH, Block, Box, PageWords, Word


def layout_page(
    page: PageWords,
    extra: Sequence[Word] = (),
    rules: Sequence[Box] = (),
    charts: Sequence[Box] = (),
    added: frozenset[int] = frozenset(),
) -> list[Block]:
    """The page's blocks in reading order; `extra` are words to place among the page's own
    (filled-in form fields), by their position; `rules` the lines drawn on it (rules.py);
    `charts` where pictures of charts stand, whose bars are no rules and whose labels are text,
    never a table; `added` the inks the paper marks what it adds in (struck.marked)."""
    if charts:
        rules = [r for r in rules if not any(c.contains(r.cx, r.cy) for c in charts)]
    upright = [w for w in page.words if not w.sideways] + [w for w in extra if not w.sideways]
    unlinked = [r for r in rules if not underlines.linked(r, page.links)]  # a link's underline is no change
    upright = letterspacing.joined(struck.marked(upright, unlinked, added) if rules or added else upright)
    inside = {id(w) for w in upright if any(c.contains(w.box.cx, w.box.cy) for c in charts)} if charts else set()
    found = tables.find([w for w in upright if id(w) not in inside] if inside else upright, rules, page.height)
    if found:
        used = frozenset().union(*(f.words for f in found))
        upright = [w for w in upright if id(w) not in used]
    turned = sideways_tables.turned_tables(page, rules)  # a small table pasted in sideways
    turned_used = frozenset().union(*(f.words for f in turned)) if turned else frozenset()
    found = sorted(found + turned, key=lambda f: f.table.box.y0)
    leaves = regions.order(upright, page.height, page.width, ruled.frames(rules) if rules else ())
    gaps = paragraphs.Gaps(leaves)
    blocks: list[Block] = []
    for leaf in leaves:
        made = paragraphs.leaf_blocks(leaf, gaps, page.width, page.height)
        if blocks and made and _runs_across(blocks[-1], made[0]):
            # A sentence the column break cut ("... enabled ASCHO to" / "reflect, refocus ..."),
            # read on at the next column's top: one paragraph, not two sentences.
            blocks[-1] = _joined(blocks[-1], made[0], page)
            made = made[1:]
        blocks.extend(made)
    for table in found:
        # A table stands where it stands on the page: before the first block below its top.
        at = next((k for k, b in enumerate(blocks) if b.box.y0 >= table.table.box.y0), len(blocks))
        blocks.insert(at, _table_block(table, page))
    sideways = [w for w in page.words if w.sideways and id(w) not in turned_used]
    if sideways:
        # Read after the page's text but before what sits in its bottom band (the footer).
        at = len(blocks)
        while at > 0 and blocks[at - 1].where.y0 > regions.BOTTOM_BAND:
            at -= 1
        blocks[at:at] = paragraphs.sideways_blocks(sideways, page.width, page.height)
    if rules:
        blocks = underlines.marked(blocks, rules, page.links)
    body, body_bold = headings.body_size(blocks)
    sizes = headings.heading_sizes(blocks, body, body_bold)
    return headings.judge(blocks, body, body_bold, sizes, headings.light_body(blocks))


def _runs_across(last: Block, first: Block) -> bool:
    """Whether a column's last paragraph goes on at the top of the next column, to its right:
    it ends mid-sentence and the next begins in lower case, or it ends on an "and", a "by" or
    a comma (a list of names goes on)."""
    if last.kind != PARAGRAPH or first.kind != PARAGRAPH or last.table or first.table or last.figure or first.figure:
        return False
    if first.box.x0 < last.box.x1 - 1.0 or first.box.y0 >= last.box.y0 or abs(first.size - last.size) > 0.5:
        return False
    text, after = last.text.rstrip(), first.text
    if not text or not after or ENDED.search(text) or last.bold != first.bold or is_marker(text.split()[0]):
        return False  # (a heading in bold at the next column's top; a list's item ends unpunctuated)
    end = text.split()[-1]  # ("Plan A" ends on a letter, not the article)
    prose = len(text) >= PROSE_CHARS  # (an address's "County Hall," over "Dear ..." is no sentence)
    return after[:1].islower() or end in FUNCTION_WORDS or (prose and text.endswith(CARRIES_ON))


def _joined(last: Block, first: Block, page: PageWords) -> Block:
    box = Box(
        min(last.box.x0, first.box.x0),
        min(last.box.y0, first.box.y0),
        max(last.box.x1, first.box.x1),
        max(last.box.y1, first.box.y1),
    )
    text = join_lines([last.text.split(), first.text.split()])
    return replace(last, text=text, box=box, where=box.scaled(page.width, page.height), lines=last.lines + first.lines)


PROSE_CHARS = 150  # the least a paragraph holds that goes on past a comma into the next column
ENDED = re.compile(r"""[.!?:;]["'\u201d\u2019)\]]*$""")


def _table_block(found: tables.Found, page: PageWords) -> Block:
    table = found.table
    return Block(
        text=table.rows_text(),
        kind=PARAGRAPH,
        box=table.box,
        where=table.box.scaled(page.width, page.height),
        size=found.size,
        bold=False,
        lines=len(table.head) + len(table.body),
        table=True,
        grid=table,
    )
