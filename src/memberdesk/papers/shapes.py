"""The plain values the papers modules hand each other: boxes, words, blocks, pages.

Every coordinate is in PDF points on the page as a person sees it (after /Rotate and the crop
box), with the origin at the top-left and y growing downwards, because that is the order a
reader's eye moves in and it keeps every comparison in layout.py the same way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from memberdesk.papers.markers import SYMBOL_BULLET
from memberdesk.papers.numbers import is_number


class PaperProblem(Exception):
    """A paper (or one page of it) that cannot be read; `reason` is a short phrase for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Box(NamedTuple):
    """A rectangle on the page. A named tuple rather than a frozen dataclass: a page makes a
    box for every word, and a frozen dataclass's __init__ (object.__setattr__ per field) cost
    ~4x as much (measured 1.2 against 0.3 us a box); as immutable, and it pickles smaller."""

    x0: float
    y0: float  # top
    x1: float
    y1: float  # bottom

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def scaled(self, width: float, height: float) -> Box:
        """This box as fractions of a page of the given size (0..1 on each axis)."""
        w = width or 1.0
        h = height or 1.0
        return Box(self.x0 / w, self.y0 / h, self.x1 / w, self.y1 / h)


def union_all(boxes: list[Box]) -> Box:
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes), max(b.y1 for b in boxes))


def to_top_left(x: float, y: float, crop: tuple[float, float, float, float], rotation: int) -> tuple[float, float]:
    """A point in PDF user space -> the seen page (top-left origin), for /Rotate 0, 90, 180, 270.

    `crop` is the crop box (left, bottom, right, top); /Rotate turns the page clockwise.
    """
    left, bottom, right, top = crop
    rotation %= 360
    if rotation == 90:
        return y - bottom, x - left
    if rotation == 180:
        return right - x, y - bottom
    if rotation == 270:
        return top - y, right - x
    return x - left, top - y


def box_to_top_left(
    left: float, bottom: float, right: float, top: float, crop: tuple[float, float, float, float], rotation: int
) -> Box:
    ax, ay = to_top_left(left, bottom, crop, rotation)
    bx, by = to_top_left(right, top, crop, rotation)
    return Box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


@dataclass(frozen=True, slots=True)
class Word:
    """One word as printed: its text (ligatures expanded, no spaces inside), where it sits, and
    its type. `order` is its place in the content stream, kept only to break ties."""

    text: str
    box: Box
    size: float  # effective font size in points (the text matrix included)
    bold: bool = False
    order: int = 0
    sideways: bool = False  # drawn at an angle to the page's reading direction
    from_form: bool = False  # a filled-in form field's value, not page content
    light: bool = False  # set in a light colour, so on a dark ground (white on a navy band)
    ink: int = 0  # its colour, 0xRRGGBB (a tracked change's red, a link's blue)


_new = object.__new__
_set_word = tuple(getattr(Word, name).__set__ for name in Word.__slots__)


def new_word(
    text: str, box: Box, size: float, bold: bool, order: int, sideways: bool, light: bool = False, ink: int = 0
) -> Word:
    """Word(text, box, size, bold, order, sideways, light=light, ink=ink) made in half the time, for the glyph loop
    (a page makes hundreds): a frozen dataclass's __init__ goes through object.__setattr__
    by name for every field; the slots' own setters skip that (measured 1.4 against 0.65 us)."""
    word = _new(Word)
    set_text, set_box, set_size, set_bold, set_order, set_sideways, set_form, set_light, set_ink = _set_word
    set_text(word, text)
    set_box(word, box)
    set_size(word, size)
    set_bold(word, bold)
    set_order(word, order)
    set_sideways(word, sideways)
    set_form(word, False)
    set_light(word, light)
    set_ink(word, ink)
    return word


@dataclass(frozen=True, slots=True)
class Figure:
    """A tagged paper's picture with alt text (figures.py)."""

    alt: str
    box: Box  # on the page as seen


@dataclass(frozen=True, slots=True)
class PageWords:
    index: int
    width: float
    height: float
    rotation: int
    words: tuple[Word, ...]
    chars_read: int = 0
    chars_total: int = 0
    figures: tuple[Figure, ...] = ()
    links: tuple[Box, ...] = ()  # the page's link areas: a link's underline marks no heading

    @property
    def truncated(self) -> bool:
        """True when the page had more characters than are read (see glyphs.MAX_CHARS)."""
        return self.chars_read < self.chars_total


@dataclass(frozen=True, slots=True)
class Table:
    """A table's cells as text: header rows (one or more; a cell over several columns has its
    text in the first) then the body rows, every row as wide as the table. `totals` are body
    rows that total others; `continued` marks the part of a table carried over from the page
    before, whose `head` is that table's (printed again on this page or not)."""

    head: tuple[tuple[str, ...], ...]
    body: tuple[tuple[str, ...], ...]
    totals: tuple[int, ...] = ()
    box: Box = Box(0.0, 0.0, 0.0, 0.0)
    continued: bool = False

    @property
    def columns(self) -> int:
        rows = self.head or self.body
        return len(rows[0]) if rows else 0

    def column_names(self) -> list[str]:
        """Each column's name: its header cells, top to bottom, joined ("2024-25 Budget")."""
        return [" ".join(r[k] for r in self.head if k < len(r) and r[k]) for k in range(self.columns)]

    def rows_text(self) -> str:
        """The table as text: one row a line, cells between ' | ', the header first (only
        where the table starts)."""
        rows = self.body if self.continued else self.head + self.body
        return "\n".join(" | ".join(row) for row in rows)


# A row is named by a cell of a few words ("Adult Social Care", a project's name); a list or
# a paragraph names nothing, and its row is then named by no cell.
NAME_WORDS = 12
SHORT_WORDS = 6  # the most words of a value beside which a long row name is still a name
LONG_NAME = 20  # the most words of that name (a KPI's); a risk described at length is no name
_LIST = re.compile(rf"^{SYMBOL_BULLET}(?:\s|$)")


def row_key(cells: Sequence[str], names: Sequence[str] = ()) -> int | None:
    """Which cell names its row: the first that is words, not a figure ("Revised Base" after
    last year's figures in an Excel plan, a project's name after its reference number), or
    the first cell where none is; None when that cell is a list, or a paragraph beside other
    words (a table of lists or of prose, each cell said with its column's header alone), or
    when every column, the first too, is named by a period (`names`: "By 2025-26", "Post
    2032": each cell is a period's, none the row's). Every front end names a row, and a
    cell's row, by it."""
    named = [n for n in names[: len(cells)] if n]
    if len(named) >= 2 and len(named) == len(cells) and all(_PERIOD.search(n) for n in named):
        # The first column's own words (besides its year) name the others too: "By" of "By
        # 2025-26" over "By 2026-27"; "Directorate 2025-26" names its rows' column.
        own = {word for word in named[0].split() if not any(c.isdigit() for c in word)}
        if all(any(word in n.split() for n in named[1:]) for word in own):
            return None
    key = next((k for k, text in enumerate(cells) if text and not is_number(text)), 0)
    text = cells[key] if cells else ""
    if _LIST.match(text):
        return None
    if len(text.split()) > NAME_WORDS:
        # A long name beside figures, marks or short values only ("Local Authority Better Care
        # Grant (previously ...)", a KPI beside its ratings), or a section's name alone on its
        # row, still names it; beside other words at length it is prose.
        others = [t for k, t in enumerate(cells) if k != key and t]
        if all(is_number(t) or _MARK.match(t) for t in others):
            return key
        short = len(text.split()) <= LONG_NAME and all(len(t.split()) <= SHORT_WORDS for t in others)
        return key if short else None
    return key


_PERIOD = re.compile(r"\b(?:19|20)\d\d\b")  # a year in a column's name: "2025-26", "Q1 2024"

# A tick table's marks: a cell saying only that the row has it ("x", "✓", "Yes").
_MARK = re.compile(r"^(?:[xX\u2713\u2714\u2717\u2718\u25cf\u2022*]|yes|no|y|n)$", re.I)


def set_bold(words: Sequence[Word]) -> bool:
    """Whether a paragraph is set bold: most of its letters are, and it is not a label in bold
    before a value in plain type ("Decision no: 24/00093", a report's cover sheet), or a
    plain label before a bold value ("Past Pathway of report: CYPE Cabinet Committee"), which
    are a form's lines, not headings."""
    weight = sum(max(len(w.text), 1) for w in words if w.bold)
    if weight * 2 <= sum(max(len(w.text), 1) for w in words):
        return False
    plain = next((k for k, w in enumerate(words) if not w.bold), None)
    if plain is not None and plain > 0 and words[plain - 1].text.endswith(":"):
        return False
    bold = next(k for k, w in enumerate(words) if w.bold)
    return not (0 < bold <= FIELD_LABEL_WORDS and words[bold - 1].text.endswith(":"))


FIELD_LABEL_WORDS = 5  # the most words of a form's label before its value ("Past Pathway of report:")


def labelled(label: str, text: str) -> str:
    """'label: text' as a row or a cell is named ("Adult Social Care: Budget 586.1"); a label
    that ends with its own colon or question mark ("Answer:", "Any negative impacts?") keeps
    just that."""
    if not label:
        return text
    return f"{label} {text}" if label.endswith((":", "?")) else f"{label}: {text}"


_TOTAL = re.compile(r"\b(total|totals|overall|net position|grand)\b", re.I)


def names_total(cells: Sequence[str]) -> bool:
    """Whether the cell that names the row says it is a total ("Total - Public Health", after a
    row reference "37"). Shared by the ruled and the unruled tables."""
    key = row_key(cells)
    return key is not None and bool(_TOTAL.search(cells[key]))


# A cell that ends by introducing what is under it: "... would no longer run at Millmead include:",
# perhaps with the key to the marks in the list under it ("* booking or referral required.").
_INTRODUCES = re.compile(r":\s*(?:[*\u2020\u2021(].*)?$")


# A first column's header that names references ("Row Ref", "Question Number", "No."), not counts.
REF_HEADER = re.compile(r"\b(ref|reference|id|code)\b|#|^(no\.?|item)$|\bnumber$|\bno\.?$", re.I)
REFERENCE = re.compile(r"^(?:\d{1,3}[a-z]?|[A-Z]{1,3}\d{1,3})\.?$")  # a row's first cell: 13, 7a, SR1
HEADER_NAME_WORDS = 3  # the most words of a column's name in a header told by what it says


def names_references(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the first row is a header by what it says: a reference column's name first
    ("Ref | Action | Status", in the body's own type) over rows each numbered in it, every
    other cell of it a short name, no figure."""
    first, body = rows[0], rows[1:]
    return (
        bool(body)
        and len(first) >= 2
        and bool(REF_HEADER.search(first[0]))
        and all(text and not is_number(text) and len(text.split()) <= HEADER_NAME_WORDS for text in first)
        and all(row and REFERENCE.match(row[0]) for row in body)
    )


def introduces(cells: Sequence[str]) -> bool:
    """Whether a row is a header by what it says: two cells or more, each ending with a colon
    (a Word table whose first row says what each column lists, set in the body's type)."""
    filled = [text for text in cells if text]
    return len(filled) >= 2 and all(_INTRODUCES.search(text) for text in filled)


PARAGRAPH = "paragraph"
HEADING = "heading"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or heading as the printed page means it, in reading order.

    `where` is `box` as fractions of the page, so a caller can tell "top band" or "left column"
    without knowing the page size; `number` is the paragraph's own number ("4.2", "(a)") when
    it starts with one at its left edge.
    """

    text: str
    kind: str
    box: Box
    where: Box
    size: float
    bold: bool
    level: int | None = None
    number: str | None = None
    lines: int = 1
    table: bool = False  # a cell of a table (read row by row), not running prose
    figure: bool = False  # a picture said by its alt text (figures.py), never a heading
    grid: Table | None = None  # a whole table found by papers/tables.py
    underlined: bool = False  # one line drawn over its own underline (underlines.py)
    light: bool = False  # most of its letters set light on a dark band (glyphrun.LIGHT)


@dataclass(frozen=True, slots=True)
class PageLayout:
    index: int
    width: float
    height: float
    blocks: tuple[Block, ...] = ()
    problem: str = ""  # why this page could not be read; "" when it was
    note: str = ""  # e.g. that only part of a crowded page was read
    changes: frozenset[int] = frozenset()  # the colours its tracked changes strike words in
    inks: frozenset[int] = frozenset()  # the colours (no black or grey) its words are in


@dataclass(frozen=True, slots=True)
class Heading:
    page: int
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class PageFinish:
    """What the whole document tells about one page."""

    label: str | None  # the printed page number where the stamps run consistently, else None
    furniture: frozenset[int]  # indices into the page's blocks: running headers, footers, stamps
    header: str  # the running header to show in a status line ("" if none)
    # Blocks of the page's own text that a stamp was printed with, as (index, the text without
    # the stamp): extract.finish_document puts that text in their place.
    kept: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentLayout:
    pages: tuple[PageLayout, ...]  # blocks re-judged against the document's body size
    finish: tuple[PageFinish, ...]
    headings: tuple[Heading, ...]
    body_size: float = 0.0
