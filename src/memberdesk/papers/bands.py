"""Words -> bands: the lines across a page (or a part of it), top to bottom, each left to right.

A band is the words whose boxes share most of their height with the band's tallest word; a
band of only small words touching a bigger line (a footnote mark, a superscript) joins it.
Reading order (regions.py), paragraphs and the table finders all start from bands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from memberdesk.papers.shapes import Word

OVERPRINT_WORDS = 6  # the most words of a stamp drawn over a line (page numbers, "DRAFT")


@dataclass(slots=True)
class Band:
    words: list[Word]  # left to right; never changed once the band is made
    y0: float
    y1: float
    # Worked out on first use, then kept: asked for again and again while a page is ordered
    # and cut into paragraphs (x1 alone ~90 times a page). Size: line_size below; weight: paragraphs.py.
    right: float | None = field(default=None, init=False, repr=False, compare=False)
    size: float | None = field(default=None, init=False, repr=False, compare=False)
    bold: bool | None = field(default=None, init=False, repr=False, compare=False)
    spaces: tuple[bool, ...] | None = field(default=None, init=False, repr=False, compare=False)  # regions.py

    @property
    def x0(self) -> float:
        return self.words[0].box.x0

    @property
    def x1(self) -> float:
        right = self.right
        if right is None:
            right = self.right = max(w.box.x1 for w in self.words)
        return right


def bands(words: list[Word]) -> list[Band]:
    """Words -> lines across the whole node, top to bottom, each left to right."""
    if not words:
        return []
    ordered = sorted(words, key=lambda w: (((b := w.box).y0 + b.y1) / 2, b.x0))  # (cy, x0)
    groups: list[list[Word]] = []
    top = bottom = 0.0  # the vertical range of the band's tallest word
    for word in ordered:  # a page's every word: min() and max() written out
        b = word.box
        if groups:
            y0, y1 = b.y0, b.y1
            overlap = (y1 if y1 < bottom else bottom) - (y0 if y0 > top else top)
            height, tallest = y1 - y0, bottom - top
            if overlap >= 0.5 * (tallest if tallest < height else height):
                groups[-1].append(word)
                if height > tallest:
                    top, bottom = y0, y1
                continue
        groups.append([word])
        top, bottom = b.y0, b.y1
    out = [band for g in groups for band in _overprinted(_band(g))]
    return _merge_raised(out)


def _overprinted(band: Band) -> list[Band]:
    """A band with a few words drawn later over its words (a ModernGov "Page 17" stamped over
    a page's last line of text), as two bands: the line, then what was printed over it. Words
    of one line never overlap one another; the later ones are those after a jump in the
    content stream."""
    words = band.words
    if len(words) < 3:
        return [band]
    over = [  # of two words drawn over each other, the one drawn later
        max(a, b, key=lambda w: w.order)
        for a, b in zip(words, words[1:])
        if b.box.x0 < a.box.x1 - 0.5 * min(a.box.width, b.box.width)
    ]
    if not over:
        return [band]
    later = {id(w) for w in words if w.order >= min(w.order for w in over)}
    on_top = [w for w in words if id(w) in later]
    under = [w for w in words if id(w) not in later]
    if not under or len(on_top) > OVERPRINT_WORDS or min(w.order for w in on_top) <= max(w.order for w in under):
        return [band]
    return [_band(under), _band(on_top)]


def _band(words: list[Word]) -> Band:
    words.sort(key=lambda w: (w.box.x0, w.order))
    return Band(words, min(w.box.y0 for w in words), max(w.box.y1 for w in words))


def _merge_raised(out: list[Band]) -> list[Band]:
    """A band of only small words touching a bigger line (a footnote mark, a superscript
    written as its own run) belongs to that line; a few words only (a line of small type
    set close under a big title is a line of its own)."""
    merged: list[Band] = []
    for band in out:
        small = max(w.size for w in band.words)
        if merged:
            prev = merged[-1]
            touching = band.y0 < prev.y1
            if touching and small < 0.8 * max(w.size for w in prev.words) and len(band.words) <= 3:
                merged[-1] = _band(prev.words + band.words)
                continue
            if touching and max(w.size for w in prev.words) < 0.8 * small and len(prev.words) <= 3:
                merged[-1] = _band(prev.words + band.words)
                continue
        merged.append(band)
    return merged


def line_size(line: Band) -> float:
    """The median size of the line's characters (each word's size once per character)."""
    size = line.size
    if size is None:
        size = line.size = char_median(line.words)
    return size


def char_median(words: list[Word]) -> float:
    """The median size of the words' characters (each word's size once per character), as
    statistics.median of that list would give it, without making the list."""
    first = words[0].size
    if all(w.size == first for w in words):
        return first  # most lines and paragraphs: one size
    weighted = sorted((w.size, max(len(w.text), 1)) for w in words)
    count = sum(n for _size, n in weighted)

    def at(k: int) -> float:
        for size, n in weighted:
            if k < n:
                return size
            k -= n
        return weighted[-1][0]

    low, high = at((count - 1) // 2), at(count // 2)
    return low if low == high else (low + high) / 2
