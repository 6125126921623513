"""Whether a region of columns (regions.py) is a table, read row by row, or columns of text,
read one after another; and the rows a table's region falls into. Pure."""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right

from memberdesk.papers.bands import Band
from memberdesk.papers.shapes import Word

Interval = tuple[float, float]
SIDE_BY_SIDE = 4  # the fewest lines that make lists side by side a table (fewer could be prose)
BULLETS = ("\u2022", "\u25cf", "\u25aa", "\u25a0", "\u25e6", "\u2013", "-", "*")


def em_of(words: list[Word]) -> float:
    return statistics.median(w.size for w in words) if words else 10.0


def column_of(word: Word, gutters: list[Interval]) -> int:
    """Which column (0 = leftmost) a word's centre falls in."""
    return bisect_right([a for a, _b in gutters], word.box.cx)


def by_column(band: Band, starts: list[float]) -> dict[int, list[Word]]:
    """A band's words by column, in one pass (a wide table has dozens of columns)."""
    out: dict[int, list[Word]] = {}
    for word in band.words:
        out.setdefault(bisect_right(starts, word.box.cx), []).append(word)
    return out


LABEL_WORDS = 4  # the most words of a form's label before its colon ("Telephone number:")


def cards(region: list[Band], gutters: list[Interval]) -> bool:
    """Whether a region of columns is a card for each column (_cards), read a card at a time."""
    starts = [a for a, _b in gutters]
    return _cards([by_column(band, starts) for band in region])


def _cards(cells: list[dict[int, list[Word]]]) -> bool:
    """Whether columns side by side are one form filled in for each (a report's contacts:
    "Report Author: ..." beside "Director: ...", then "Telephone number:" beside "Telephone
    number:"): lines that start with the same label in every column, twice or more, or every
    column holding an e-mail address of its own (officers' cards, name, role, number and
    address, of different lengths). Read across, whose number is whose is lost; each column
    is read whole."""
    same = 0
    addresses: set[int] = set()
    count = 1 + max((k for parts in cells for k in parts), default=0)
    for parts in cells:
        addresses.update(k for k, words in parts.items() if any(_EMAIL.match(w.text) for w in words))
        if len(parts) < 2:
            continue
        labels = {_label(words) for words in parts.values()}
        same += len(labels) == 1 and None not in labels
    # (Cards are a few lines each: columns of prose, an address in each, are columns.)
    return same >= 2 or (count >= 2 and len(addresses) == count and len(cells) <= CARD_LINES)


CARD_LINES = 12  # the most lines of a region of contact cards side by side
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+[.,;]?$")


def _label(words: list[Word]) -> str | None:
    """A line's label: up to its colon ("Telephone number:"), or a line of two to four
    capitalised words with no colon, which counts when every column prints the same ("Email
    address"; one word, "Green" beside "Green", is a table's rating)."""
    for k, word in enumerate(words[:LABEL_WORDS]):
        if word.text.endswith(":"):
            return " ".join(w.text for w in words[: k + 1]).casefold()
    if 2 <= len(words) <= LABEL_WORDS and words[0].text[:1].isupper() and all(w.text.isalpha() for w in words):
        return " ".join(w.text for w in words).casefold() + ":"
    return None


def tightest(gaps: list[float], em: float) -> float:
    """The gap between lines of one cell: the narrowest in the region (a wrapped cell's lines
    sit closer than the rows do), but no closer than lines can sit."""
    return max(min(gaps), -0.2 * em) if gaps else 0.0


def rows_of(region: list[Band], em: float) -> list[list[Band]]:
    """The region cut at full-width gaps clearly wider than the gap between a cell's lines."""
    gaps = [b.y0 - a.y1 for a, b in zip(region, region[1:])]
    usual = tightest(gaps, em)
    rows: list[list[Band]] = [[region[0]]]
    for gap, band in zip(gaps, region[1:]):
        if gap > usual + 0.35 * em and gap > 0.25 * em:
            rows.append([band])
        else:
            rows[-1].append(band)
    return rows


def cells_resumed(rows: list[list[Band]], starts: list[float]) -> list[list[Band]]:
    """The rows, each cut again where two of its columns or more take up again together after
    a line or more left empty in them: a row's cells each run on unbroken, so cells starting
    anew level with each other are the next row's, even with no wider gap over it (a
    frontsheet's "Ask for: / Georgina Little" then "Telephone: / Tel: ..." beside one long
    cell). Columns whose lines merely stand at other heights than their neighbours' are not
    taken up again: each line follows its column's last at the usual spacing."""
    out: list[list[Band]] = []
    for row in rows:
        bottom: dict[int, float] = {}  # each column's last line in the row being made: its foot
        out.append([])
        for band in row:
            now = by_column(band, starts)
            empty_line = band.y1 - band.y0
            resumed = [k for k in now if k in bottom and band.y0 - bottom[k] > empty_line]
            if out[-1] and len(resumed) >= 2:
                out.append([])
                bottom = {}
            out[-1].append(band)
            for k in now:
                bottom[k] = band.y1
    return out


def is_table(region: list[Band], gutters: list[Interval], columns: list[list[Word]], edges: list[Interval]) -> bool:
    """Whether a multi-column region is a table (read row by row) rather than columns of text
    (read one after another)."""
    em = em_of([w for col in columns for w in col])
    gaps = [b.y0 - a.y1 for a, b in zip(region, region[1:])]
    if sum(1 for g in gaps if g < 0) > 0.5 * len(gaps) and len(rows_of(region, em)) < 2:
        # One row whose columns' lines overlap one another's rather than stand level: boxes
        # of text side by side (a slide's row of boxes, each centred on its own), not a table.
        return False
    # By the cells' shape: a table has a column of numbers, names or short labels; prose,
    # even in a narrow column, has lines of several words. (How full the lines are says
    # little: in a narrow column most lines are the short last lines of their paragraphs.)
    starts = [a for a, _b in gutters]
    cells = [by_column(band, starts) for band in region]
    if _cards(cells):
        return False
    for k in range(len(columns)):
        counts = [len(c[k]) for c in cells if k in c]
        if len(counts) >= 2 and statistics.mean(counts) < 2.5 and not _bulleted([c[k] for c in cells if k in c]):
            return True
    if _lists_side_by_side(region, cells, len(columns)):
        return True
    # Prose in columns of one width is a page laid out in columns, even where paragraphs in
    # both columns happen to start level with each other.
    widths = [b - a for a, b in edges if b > a]
    if widths and max(widths) < 1.2 * min(widths):
        return False
    # Prose in columns of different widths: a table when each column's paragraphs start
    # level with the rows' tops.
    rows = rows_of(region, em)
    if len(rows) < 2 or sum(1 for r in rows if _populated(r, gutters) >= 2) < 2:
        return False
    row_tops = [r[0].y0 for r in rows]
    heads_seen = aligned = 0
    for k in range(len(columns)):
        parts = [c[k] for c in cells if k in c]
        gaps = [min(w.box.y0 for w in b) - max(w.box.y1 for w in a) for a, b in zip(parts, parts[1:])]
        usual = tightest(gaps, em)
        heads = [parts[0]] + [b for g, b in zip(gaps, parts[1:]) if g > usual + 0.35 * em and g > 0.25 * em]
        for head in heads:
            top = min(w.box.y0 for w in head)
            heads_seen += 1
            aligned += any(abs(top - t) < 0.6 * em for t in row_tops)
    return bool(heads_seen) and aligned >= 0.8 * heads_seen


def _lists_side_by_side(region: list[Band], cells: list[dict[int, list[Word]]], count: int) -> bool:
    """Whether the columns are lists of short entries set line for line (an attendance list of
    names in two columns): every line (but a label over them) has an entry in every column, entries of a few words,
    and none runs on from the line above (prose wraps onto lines starting in lower case)."""
    rows = cells[1:] if len(cells[0]) < count else cells  # under a label ("Attendance:")
    if len(rows) < SIDE_BY_SIDE or any(len(c) < count for c in rows):
        return False
    entries = [part for c in rows for part in c.values()]
    if any(part[0].text[:1].islower() for part in entries):
        return False
    return statistics.mean(len(part) for part in entries) < 6


def _bulleted(lines: list[list[Word]]) -> bool:
    """Whether a column's lines are a narrow bulleted list (a slide's box of points): two
    bullets or more, the other lines running on from them (starting in lower case). Its
    short lines are wrapped points, not the short labels of a table's column."""
    firsts = [line[0].text for line in lines]
    bullets = sum(1 for t in firsts if t in BULLETS)
    others = [t for t in firsts if t not in BULLETS]
    return bullets >= 2 and sum(1 for t in others if t[:1].islower()) >= 0.5 * len(others)


def _populated(rows: list[Band], gutters: list[Interval]) -> int:
    return len({column_of(w, gutters) for band in rows for w in band.words})


def above_the_rest(region: list[Band], gutters: list[Interval]) -> int:
    """How many of the region's first lines are a block in a right-hand column over where the
    other columns begin, set apart from them by a gap (a letter's sender at the top right, over
    the addressees at the left): read before them, as the page is read from the top. 0 for
    none."""
    first = {column_of(w, gutters) for w in region[0].words}
    if len(first) != 1 or first == {0}:
        return 0
    k = 1
    while k < len(region) and {column_of(w, gutters) for w in region[k].words} == first:
        k += 1
    gaps = [b.y0 - a.y1 for a, b in zip(region, region[1:])]
    wide = statistics.median(gaps) + 0.6 * em_of([w for band in region for w in band.words]) if gaps else 0.0
    if k >= len(region) - 1 or region[k].y0 - region[k - 1].y1 <= wide:
        return 0
    # The column stops there but for a line or two (the letter's date): a column that runs on
    # under the gap (its next paragraph) is read in its turn.
    later = sum(1 for band in region[k:] if not first.isdisjoint(column_of(w, gutters) for w in band.words))
    return k if later <= 2 and first.isdisjoint(column_of(w, gutters) for w in region[k].words) else 0


def keyed_rows(region: list[Band], starts: list[float]) -> list[list[Band]]:
    """Lines at one even spacing cut into rows where the first column takes up again: each
    key (an amount, a date) with the lines its text wraps onto beside it, under it ("£1,530.9m
    Assumed net revenue budget ... This represents" over "increase on the final ...")."""
    rows: list[list[Band]] = []
    text: int | None = None  # the column the key's text runs in
    for band in region:
        columns = sorted(by_column(band, starts))
        if columns[0] == 0:
            if len(columns) != 2:
                return []  # not a key beside its text: a table's rows
            rows.append([band])
            text = columns[1]
        elif rows and columns == [text]:
            rows[-1].append(band)
        else:
            return []
    return rows
