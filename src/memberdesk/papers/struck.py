"""Words struck through -> marked "[deleted: ...]", so that a listener or a braille reader is
told what a paper with tracked changes takes out, as a sighted reader sees it; on such a page
the words underlined, what it puts in, -> "[added: ...]". Pure.

Word prints a tracked deletion (and any text struck through) with a thin line drawn through
the middle of the words; an underline sits under them and a table's rules between its rows,
so only a thin level line across the middle of most of a word's width strikes it. Marked word
by word here; joining.join_lines makes the marks of neighbouring words one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers.markers import is_marker
from memberdesk.papers.shapes import Box, Word

MARK = "[deleted: "
ADDED = "[added: "
UNDER = (0.78, 1.25)  # where under a word's box (top to bottom) its underline is drawn
COVERS = 0.8  # the least of a word's width its underline runs under
SATURATED = 80  # the least spread between an ink's red, green and blue that is a colour, not a grey
THIN = 2.5  # points: the thickest line still a stroke through text
MIDDLE = (0.3, 0.72)  # where across a word's box (top to bottom) a line through it is drawn
PART = 0.3  # the least of a word's width a line through it strikes (one end of the word)
TAB = 4.0  # ems: how far past its last word a line striking it may run (through a tab after it)
EDGE = 0.08  # how near a word's end a line through it may stop and still strike it whole


def marked(words: Sequence[Word], rules: Sequence[Box], added: frozenset[int] = frozenset()) -> list[Word]:
    """The words, each one struck through marked as deleted; a word struck only at its start
    or end ("b)a)": a list's old letter deleted, its new one inserted) is cut where the line
    ends, in proportion to its letters. A line strikes only if it begins and ends with the
    words it runs through (or the tab after them): a table's rule running through a "Page 14"
    stamp printed over it begins far before the stamp. `added`: the inks the paper marks its
    changes in elsewhere (change_inks), whose words are added on a page that strikes nothing
    (a constitution's new clause in red at the top of a page of its own)."""
    lines, spans, struck = _strikes(words, rules)
    if not struck:
        # (A page of its own all new, in the paper's colour: every word of it is added.)
        if not added:
            return list(words)
        return [_added_word(w, words, k) if w.ink in added and w.text.strip() else w for k, w in enumerate(words)]
    tops = [r.y0 for r in lines]
    marks = _added(words, lines, tops, struck)
    if len(struck) >= 2:
        # (Struck in black, added in the paper's colour: a motion's amendment, its new words red.)
        inks = added if 2 * sum(1 for w in words if w.ink in added) <= len(words) else frozenset()
        marks.update(k for k, w in enumerate(words) if k not in struck and w.ink in inks and w.text.strip())
    out: list[Word] = []
    for k, word in enumerate(words):
        if k in struck:
            out.extend(_cut(word, spans[k][1], spans[k][2]))
        elif k in marks:
            out.append(_added_word(word, words, k))
        else:
            out.append(word)
    return out


def change_inks(words: Sequence[Word], rules: Sequence[Box]) -> frozenset[int]:
    """The colours (no black or grey) a page's tracked changes strike words through in."""
    _lines, _spans, struck = _strikes(words, rules)
    if len(struck) < 2:
        return frozenset()
    return frozenset(ink for ink in {words[k].ink for k in struck} if _coloured(ink))


def coloured_inks(words: Sequence[Word]) -> frozenset[int]:
    return frozenset(w.ink for w in words if _coloured(w.ink))


def _added_word(word: Word, words: Sequence[Word], k: int) -> Word:
    if is_marker(word.text) and _starts_line(words, k):
        return word  # a list's letter stays one: "a) [added: ...]"
    return replace(word, text=f"{ADDED}{word.text}]")


def _strikes(
    words: Sequence[Word], rules: Sequence[Box]
) -> tuple[list[Box], dict[int, tuple[int, float, float]], set[int]]:
    """The thin lines, where each struck word is struck (its line, and where along it), and
    the words struck."""
    lines = sorted((r for r in rules if r.y1 - r.y0 <= THIN and r.x1 - r.x0 > 1.0), key=lambda r: r.y0)
    if not lines:
        return lines, {}, set()
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
    return lines, spans, struck


def _added(words: Sequence[Word], lines: list[Box], tops: list[float], struck: set[int]) -> set[int]:
    """The words a page that strikes words through puts in: those underlined in the ink of its
    deletions (Word's tracked changes in the reviser's colour, an inspector's schedule's bold
    underline in black), and those set in the deletions' own colour, if that is no black
    (a constitution's changes in red, struck or not). A title underlined in black over red
    changes, or a link's blue underline, puts nothing in."""
    if len(struck) < 2:
        return set()  # one word struck (a note showing "strikethrough" for deletions) is no tracked change yet
    inks = {words[k].ink for k in struck}
    # A colour, not a grey, and no more than half the page's words in it.
    coloured = {ink for ink in inks if _coloured(ink) and 2 * sum(1 for w in words if w.ink == ink) <= len(words)}
    added = {k for k in _underlined(words, lines, tops, struck) if words[k].ink in inks}
    if coloured:
        added.update(k for k, w in enumerate(words) if k not in struck and w.ink in coloured and w.text.strip())
    return added


def _starts_line(words: Sequence[Word], k: int) -> bool:
    """Whether word k begins a line: the word before it (in the stream) stands right of it or
    on another line."""
    if k == 0:
        return True
    before, word = words[k - 1].box, words[k].box
    return before.x0 > word.x0 or abs(before.y0 - word.y0) > 0.5 * (word.y1 - word.y0)


def _coloured(ink: int) -> bool:
    """A colour a change is marked in (red, blue, green), not black or a grey."""
    channels = (ink >> 16, (ink >> 8) & 0xFF, ink & 0xFF)
    return max(channels) - min(channels) >= SATURATED


def _underlined(words: Sequence[Word], lines: list[Box], tops: list[float], struck: set[int]) -> set[int]:
    """The words underlined, not struck: an underline runs under the words it marks and no
    further (a table's rule runs on past them)."""
    under: dict[int, list[int]] = {}
    for k, word in enumerate(words):
        if k in struck or word.sideways:
            continue
        n = _line_under(word.box, lines, tops)
        if n is not None:
            under.setdefault(n, []).append(k)
    added: set[int] = set()
    for n, ks in under.items():
        line, size = lines[n], max(words[k].size for k in ks)
        if (
            line.x0 >= min(words[k].box.x0 for k in ks) - 0.5 * size
            and line.x1 <= max(words[k].box.x1 for k in ks) + 0.5 * size
        ):
            added.update(ks)
    return added


def _line_under(box: Box, lines: list[Box], tops: list[float]) -> int | None:
    height = box.y1 - box.y0
    lo, hi = box.y0 + UNDER[0] * height, box.y0 + UNDER[1] * height
    for n in range(bisect_left(tops, lo - THIN), len(lines)):
        line = lines[n]
        if line.y0 > hi:
            break
        if lo <= (line.y0 + line.y1) / 2 <= hi and min(line.x1, box.x1) - max(line.x0, box.x0) >= COVERS * (
            box.x1 - box.x0
        ):
            return n
    return None


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


def unmarked(text: str) -> str:
    """A word's or a cell's text without the mark of a deletion or an insertion round it."""
    for mark in (MARK, ADDED):
        if text.startswith(mark):
            text = text[len(mark) :]
            return text[:-1] if text.endswith("]") else text
    return text


def joined(text: str) -> str:
    """A paragraph's text with the marks of words struck (or put in) one after another made one
    mark; a deletion next to an insertion stays apart from it."""
    for mark, other in ((MARK, ADDED), (ADDED, MARK)):
        if mark not in text:
            continue
        parts = text.split("] " + mark)
        out = parts[0]
        for part in parts[1:]:
            # Merged only into a mark of its own kind, the last one opened before it.
            out += (" " if out.rfind(mark) > out.rfind(other) else "] " + mark) + part
        text = out
    return text
