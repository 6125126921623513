"""Words struck through -> marked "[deleted: ...]", so that a listener or a braille reader is
told what a paper with tracked changes takes out, as a sighted reader sees it. Pure.

Word prints a tracked deletion (and any text struck through) with a thin line drawn through
the middle of the words; an underline sits under them and a table's rules between its rows,
so only a thin level line across the middle of most of a word's width strikes it. Marked word
by word here; joining.join_lines makes the marks of neighbouring words one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers.shapes import Box, Word

MARK = "[deleted: "
THIN = 2.5  # points: the thickest line still a stroke through text
MIDDLE = (0.3, 0.72)  # where across a word's box (top to bottom) a line through it is drawn
PART = 0.3  # the least of a word's width a line through it strikes (one end of the word)
TAB = 4.0  # ems: how far past its last word a line striking it may run (through a tab after it)
EDGE = 0.08  # how near a word's end a line through it may stop and still strike it whole


def marked(words: Sequence[Word], rules: Sequence[Box]) -> list[Word]:
    """The words, each one struck through marked as deleted; a word struck only at its start
    or end ("b)a)": a list's old letter deleted, its new one inserted) is cut where the line
    ends, in proportion to its letters. A line strikes only if it begins and ends with the
    words it runs through (or the tab after them): a table's rule running through a "Page 14"
    stamp printed over it begins far before the stamp."""
    lines = sorted((r for r in rules if r.y1 - r.y0 <= THIN and r.x1 - r.x0 > 1.0), key=lambda r: r.y0)
    if not lines:
        return list(words)
    tops = [r.y0 for r in lines]
    through: dict[int, list[int]] = {}  # a line -> the words it runs through
    spans: dict[int, tuple[int, float, float]] = {}  # a word -> its line, and where along it
    for k, word in enumerate(words):
        found = None if word.sideways else _stroke(word.box, lines, tops)
        if found is not None:
            spans[k] = found
            through.setdefault(found[0], []).append(k)
    struck: set[int] = set()
    for n, ks in through.items():
        line, size = lines[n], max(words[k].size for k in ks)
        begins = line.x0 >= min(words[k].box.x0 for k in ks) - 0.5 * size or _inside(line, words)
        if begins and line.x1 <= max(words[k].box.x1 for k in ks) + TAB * size:
            struck.update(ks)
    if not struck:
        return list(words)
    out: list[Word] = []
    for k, word in enumerate(words):
        if k in struck:
            out.extend(_cut(word, spans[k][1], spans[k][2]))
        else:
            out.append(word)
    return out


def _inside(line: Box, words: Sequence[Word]) -> bool:
    """Whether the line begins within a word it runs through the middle of (a deletion that
    starts at the comma after "Statement."): it begins with the words all the same."""
    middle = (line.y0 + line.y1) / 2
    return any(
        w.box.x0 <= line.x0 <= w.box.x1
        and w.box.y0 + MIDDLE[0] * (w.box.y1 - w.box.y0) <= middle <= w.box.y0 + MIDDLE[1] * (w.box.y1 - w.box.y0)
        for w in words
    )


def _cut(word: Word, start: float, end: float) -> list[Word]:
    box, text = word.box, word.text
    width = box.x1 - box.x0
    if start - box.x0 <= EDGE * width and box.x1 - end <= EDGE * width:
        return [replace(word, text=f"{MARK}{text}]")]
    # Struck at one end: the letters under the line are the deleted ones.
    if start - box.x0 <= EDGE * width:
        cut = round(len(text) * (end - box.x0) / width)
        parts = [(f"{MARK}{text[:cut]}]", box.x0, end), (text[cut:], end, box.x1)]
    else:
        cut = round(len(text) * (start - box.x0) / width)
        parts = [(text[:cut], box.x0, start), (f"{MARK}{text[cut:]}]", start, box.x1)]
    if not 0 < cut < len(text):
        return [word]
    return [replace(word, text=t, box=Box(x0, box.y0, x1, box.y1)) for t, x0, x1 in parts]


def _stroke(box: Box, lines: list[Box], tops: list[float]) -> tuple[int, float, float] | None:
    """The line through the word's middle, if one covers enough of it, and where along it. A
    word that three lines or more cross is on shading drawn as strips (Excel's cell fills), or
    on a hatched area: not struck."""
    height = box.y1 - box.y0
    lo, hi = box.y0 + MIDDLE[0] * height, box.y0 + MIDDLE[1] * height
    found = None
    crossing = 0
    for n in range(bisect_left(tops, box.y0 - THIN), len(lines)):
        line = lines[n]
        if line.y0 > box.y1:
            break
        start, end = max(line.x0, box.x0), min(line.x1, box.x1)
        if end - start < PART * (box.x1 - box.x0):
            continue
        crossing += 1
        if found is None and lo <= (line.y0 + line.y1) / 2 <= hi:
            found = (n, start, end)
    return found if crossing < 3 else None


def joined(text: str) -> str:
    """A paragraph's text with the marks of words struck one after another made one mark."""
    return text.replace("] " + MARK, " ") if MARK in text else text
