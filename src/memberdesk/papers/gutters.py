"""The free stretches of a line across the page (no word over them) and the gutters that run
down through several lines: where regions.py looks for columns. Pure.

A justified line's word spaces, widened as wide as a gutter, are not free: its words are one
line of text however far apart; a row of figures spaced alike keeps its gutters.
"""

from __future__ import annotations

from memberdesk.papers.bands import Band
from memberdesk.papers.numbers import is_number
from memberdesk.papers.region_shape import Interval

JUSTIFIED_WORDS = 4  # the fewest words spaced alike whose spaces are a justified line's, not gutters


def free(band: Band, lo: float, hi: float, least: float) -> list[Interval]:
    """The horizontal stretches of [lo, hi] that no word of the band covers, at least `least`
    wide. A justified line's widened word spaces are not free: its words are one line of text
    however far apart (they would otherwise line up with short lines' free space as gutters)."""
    out: list[Interval] = []
    cursor = lo
    spaces = word_spaces(band, least)
    for k, word in enumerate(band.words):  # sorted by x0
        if word.box.x0 - cursor >= least and not spaces[k]:
            out.append((cursor, word.box.x0))
        cursor = max(cursor, word.box.x1)
    if hi - cursor >= least:
        out.append((cursor, hi))
    return out


def word_spaces(band: Band, least: float) -> tuple[bool, ...]:
    """For each word of the band, whether the gap before it is a justified line's word space
    widened to gutter width: one of a run of JUSTIFIED_WORDS words or more, spaced alike
    (Word justifies by spreading a line's spaces evenly), that are words, not figures (a
    reference such as "24/00093" or a dash among them, but no more than a figure in four). A
    table's cells leave gaps of different widths, or hold figures; a justified line in one
    cell of a table's row still leaves the gaps to the next cells free."""
    spaces = band.spaces
    if spaces is not None:
        return spaces
    words = band.words
    flags = [False] * len(words)
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(words, words[1:])]
    start = 0  # the first gap of the run of like gaps being looked at
    for k in range(1, len(gaps) + 1):
        if k < len(gaps) and abs(gaps[k] - gaps[start]) <= 0.1 * gaps[start] and gaps[start] >= 0.5 * least:
            continue
        run = words[start : k + 1]  # the words the gaps start..k-1 part
        wide = len(run) >= JUSTIFIED_WORDS and gaps[start] >= 0.5 * least
        words_in = sum(1 for w in run if w.text[:1].isalpha())
        if wide and words_in >= JUSTIFIED_WORDS and sum(1 for w in run if is_number(w.text)) * 4 <= len(run):
            for m in range(start + 1, k + 1):
                flags[m] = True
        start = k
    band.spaces = spaces = tuple(flags)
    return spaces


def intersect(a: list[Interval], b: list[Interval], least: float, edges: Interval = (0.0, 0.0)) -> list[Interval]:
    """The gutters `a` that the free stretches `b` of the next band keep, `least` wide, or as
    wide as before. Half as wide will do for a gap between two of the band's words (not a
    margin, `edges`) ending at the gutter's right edge, a column's straight left edge: a
    justified line in the column before ending a little nearer it."""
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        # Narrowed from the left only, by a gap that ends where the gutter ended: a word of the
        # band starts at the next column's edge, as the column's words before it did.
        edge = edges[0] < b[j][0] and b[j][1] < edges[1] and abs(b[j][1] - a[i][1]) < 0.5 and lo > a[i][0]
        if hi - lo >= least or (lo, hi) == a[i] or (edge and hi - lo >= 0.5 * least):
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out
