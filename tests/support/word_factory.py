"""Words and pages made by hand, with exact geometry, for the pure layout tests (no PDF)."""

from __future__ import annotations

from memberdesk.papers.shapes import Block, Box, PageLayout, PageWords, Word

CHAR = 0.5  # width of one character, in ems: close enough to Helvetica's average


def line(text: str, x: float, top: float, size: float = 10.0, bold: bool = False, gap: float = 0.28) -> list[Word]:
    """One printed line: its words left to right from x, their tops at `top`."""
    out = []
    for word in text.split():
        width = len(word) * CHAR * size
        out.append(Word(word, Box(x, top, x + width, top + 1.15 * size), size, bold))
        x += width + gap * size
    return out


def lines(rows: list[tuple[str, float]], top: float, size: float = 10.0, leading: float = 1.25, **kw) -> list[Word]:
    """Several lines (text, x) one under another."""
    out: list[Word] = []
    for k, (text, x) in enumerate(rows):
        out.extend(line(text, x, top + k * leading * size, size, **kw))
    return out


def page(words: list[Word], width: float = 595.0, height: float = 842.0, index: int = 0) -> PageWords:
    return PageWords(index=index, width=width, height=height, rotation=0, words=tuple(words))


def block(text: str, top: float, height: float = 842.0, x: float = 60.0, size: float = 10.0) -> Block:
    """A block at `top` points from the page top (for the furniture tests)."""
    box = Box(x, top, x + len(text) * CHAR * size, top + 1.15 * size)
    return Block(text=text, kind="paragraph", box=box, where=box.scaled(595.0, height), size=size, bold=False)


def layout(index: int, blocks: list[Block]) -> PageLayout:
    return PageLayout(index=index, width=595.0, height=842.0, blocks=tuple(blocks))
