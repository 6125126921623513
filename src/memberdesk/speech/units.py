"""Page text -> paragraphs -> sentences, the units that are read aloud and highlighted.

Council papers come out of PDF extraction as lines: wrapped prose, numbered paragraphs
("3.2.1 The Committee..."), bullet lists, headings, table rows with cells separated by runs
of spaces, words broken across lines with a hyphen, and a running header and footer on
every page. This module turns one page of such text into units without losing where each
unit sits in the page: every Sentence keeps (start, end) offsets into the page text so a UI
can highlight exactly the characters being spoken, while `spoken` holds the cleaned text
for the synthesiser (hyphen breaks rejoined, whitespace collapsed, cells joined by commas).

Sentences are split by our own rules, not pysbd: on council prose (the table in
tests/unit/test_speech_units.py, scored by tests/bench/bench_sentences.py) pysbd splits after
"Cllr.", "Revd.", "para." and "approx." and is 10-40x slower, over the 20 ms a page may take.

Nothing here knows about pronunciation: the lexicon (memberdesk.access.lexicon) is applied
to `spoken` later, so what is highlighted is always the text as printed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from memberdesk.papers.numbers import is_number
from memberdesk.papers.ocr import DOUBT
from memberdesk.papers.running import find_repeated_lines, line_key
from memberdesk.papers.shapes import Table, introduces
from memberdesk.speech.figures import STAR_MARK, form_labels, spoken_columns, spoken_row, spoken_values, with_pauses
from memberdesk.speech.sentence_breaks import split_sentences as _split_sentences

__all__ = ["find_repeated_lines", "line_key"]  # re-exported: where speech callers found them

# A list item or numbered paragraph at the start of a line: bullets, "3.2.1", "1.", "1)",
# "(a)", "a)", "(iv)". Capturing the marker lets the spoken text drop bullet symbols.
_ITEM = re.compile(
    r"""^[ \t]*(?:
        (?P<bullet>[•●▪■◦○·‣⁃∙\-–—*]|o(?=[ \t]+[^a-z\s]))[ \t]+  # "o": Word's second-level bullet
      | (?P<num>\d+(?:\.\d+)+\.?|\d{1,3}[.)]|\(\d{1,3}\))[ \t]+  # "(1)" as "(a)"; "2022." is a year
      | (?P<letter>\(?(?:[a-z]|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})\.\)?)[ \t]+  # "a.", "iv.", "a.)" too
    )""",
    re.VERBOSE,
)
_NOTE_REFERENCE = re.compile(r"(?<=[\w.,;:)%])\[(\d{1,3})\](?![a-z])")
_NOTE_BODY = re.compile(r"^\[?(\d{1,3})\]?\s+(?=[A-Z\u2018\u201c\"'(])")
# Two or more column gaps (tabs, or runs of 2+ spaces between text) mark a table row.
_CELL_GAP = re.compile(r"\t+| {2,}|\s\|\s")
_TABLE_CELL = re.compile(r" ?\| ?")
_SPACES = re.compile(r"\s+")
HEADING_MAX_CHARS = 70
HEADING_MAX_WORDS = 12


@dataclass(frozen=True)
class Sentence:
    """One unit to speak. `page_text[start:end]` is exactly what is highlighted."""

    start: int
    end: int
    spoken: str  # cleaned text for the synthesiser (no lexicon applied yet)
    kind: str = "sentence"  # "sentence", "heading", "item" (list/numbered), "row" (table)
    paragraph: int = 0  # index of the paragraph in its page


@dataclass
class SpokenParagraph:
    """A paragraph as reading aloud sees it: a span of the raw page text, its kind, its sentences."""

    start: int
    end: int
    kind: str  # "prose", "heading", "item", "row", "table" (a table's rows, a sentence each)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class _Line:
    start: int  # offset of the first non-blank character in the page
    end: int  # offset just after the last non-blank character
    text: str  # the stripped line

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        start = pos + lead
        out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return out


def _is_row(line: str) -> bool:
    if line.startswith("| ") or line.endswith(" |"):
        return True  # a row of two cells, one of them empty (a band naming a section, a box not ticked)
    cells = [c for c in _CELL_GAP.split(line) if c.strip()]
    return len(cells) >= 3 or (len(cells) == 2 and ("\t" in line or " | " in line))


def _table_cells(line: str) -> list[str] | None:
    """A row of a table as the layout stores it (cells between ' | '), with its empty cells."""
    if " | " not in line and not line.startswith("| ") and not line.endswith(" |"):
        return None
    return [c.strip() for c in _TABLE_CELL.split(line)]


def _numbered(line: str) -> bool:
    """Whether a line starts with a number or letter ("21.", "(b)"), not a bullet: a bullet's
    item over a second line in capitals ("• The Constitution and the" / "Financial ...") is
    no heading."""
    marker = _ITEM.match(line)
    return marker is not None and marker.group("bullet") is None


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"'”’)]").endswith((".", "!", "?", ":", ";"))


def _looks_like_heading(line: str) -> bool:
    if len(line) > HEADING_MAX_CHARS or len(line.split()) > HEADING_MAX_WORDS:
        return False
    if line.rstrip("\"'”’)]").endswith((".", ",", ";", ":", "!", "?", "-")):
        return False
    return line[:1].isupper() or line[:1].isdigit() or _ITEM.match(line) is not None


def _starts_upper(line: _Line | None) -> bool:
    """Whether the next line goes straight on with a capital (a blank line ends the block anyway)."""
    return line is not None and not line.blank and line.text.lstrip()[:1].isupper()


def _boilerplate(lines: list[_Line], keys: frozenset[str], edge_lines: int) -> set[int]:
    """Indexes of header/footer lines (only among the first/last non-blank lines)."""
    if not keys:
        return set()
    filled = [i for i, ln in enumerate(lines) if not ln.blank]
    edges = filled[:edge_lines] + filled[-edge_lines:]
    return {i for i in edges if line_key(lines[i].text) in keys}


def _blocks(
    lines: list[_Line], skip: set[int], headings: Collection[str] | None = None
) -> list[tuple[str, list[_Line]]]:
    """Group lines into (kind, lines) blocks: prose runs, headings, list items, rows. With the
    layout's `headings`, a line is a heading when the layout made it one, and never by its
    text: the layout saw its type ("1. Introduction" in bold heads a section; "Telephone:
    03000 416559", short and plain, does not)."""
    blocks: list[tuple[str, list[_Line]]] = []
    current: list[_Line] | None = None
    boundary = True  # the previous line ended a unit (blank, heading, full stop...)
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if line.blank:
            current, boundary = None, True
            continue
        nxt = next((ln for j, ln in enumerate(lines[i + 1 :], i + 1) if j not in skip), None)
        next_lower = nxt is not None and not nxt.blank and nxt.text[:1].islower()
        if headings is not None and line.text in headings:
            blocks.append(("heading", [line]))
            current, boundary = None, True
            continue
        if _is_row(line.text):
            blocks.append(("row", [line]))
            current, boundary = None, True
        elif headings is not None and _ITEM.match(line.text):
            current = [line]
            blocks.append(("item", current))
            boundary = False
        elif headings is not None:
            if current is None:
                current = [line]
                blocks.append(("prose", current))
            else:
                current.append(line)
        elif boundary and _numbered(line.text) and _looks_like_heading(line.text) and _starts_upper(nxt):
            # "21. Apologies" over "Apologies were received...": a numbered heading is its own
            # unit, never spoken and highlighted with the sentence under it. (A wrapped list
            # item's first line is long, or goes on in lower case.)
            blocks.append(("heading", [line]))
            current, boundary = None, True
            continue
        elif _ITEM.match(line.text):
            current = [line]
            blocks.append(("item", current))
            boundary = False
        elif boundary and _looks_like_heading(line.text) and not next_lower:
            blocks.append(("heading", [line]))
            current, boundary = None, True
            continue
        elif current is None:
            current = [line]
            blocks.append(("prose", current))
        else:
            current.append(line)
        boundary = _ends_sentence(line.text)
    return blocks


def _join(page: str, lines: list[_Line]) -> tuple[str, list[int]]:
    """Join wrapped lines into one string, with a map from its characters to page offsets.

    A word split by a hyphen at a line end followed by a lower-case letter is rejoined
    ("environ-" + "mental"); other line breaks become one space.
    """
    chars: list[str] = []
    where: list[int] = []
    for n, line in enumerate(lines):
        text, start = line.text, line.start
        following = lines[n + 1].text if n + 1 < len(lines) else ""
        broken = len(text) > 1 and text.endswith("-") and text[-2].isalpha() and following[:1].islower()
        if broken:
            text = text[:-1]
        chars.extend(text)
        where.extend(range(start, start + len(text)))
        if n + 1 < len(lines) and not broken:
            chars.append(" ")
            where.append(line.end)
    return "".join(chars), where


def _clean(text: str) -> str:
    # A word OCR was unsure of is heard as such, as it is seen marked on the page.
    return with_pauses(_SPACES.sub(" ", text.replace(DOUBT, " (unsure)")).strip())


def split_page(
    text: str,
    *,
    boilerplate: frozenset[str] = frozenset(),
    edge_lines: int = 3,
    tables: Sequence[Table] = (),
    headings: Collection[str] | None = None,
) -> list[SpokenParagraph]:
    """Paragraphs (with their sentences) of one page, skipping header/footer lines.

    `boilerplate` is what find_repeated_lines() returned for the whole document; `tables` and
    `headings` as for page_sentences().
    """
    grids = list(tables)
    lines = _lines(text)
    skip = _boilerplate(lines, boilerplate, edge_lines)
    starred = STAR_MARK.search(text) is not None  # a word marked for a note ("KSAS*")
    marked = set(_NOTE_REFERENCE.findall(text))  # the notes this page's words point to ("period[1]")
    paragraphs: list[SpokenParagraph] = []
    table: _TableRun | None = None
    for kind, block in _blocks(lines, skip, headings):
        cells = _table_cells(block[0].text) if kind == "row" else None
        if cells is not None and table is not None and table.fits(cells, block[0].start):
            table.add(cells, block[0])  # the next row of the same table: one paragraph for the table
            continue
        table = None
        index = len(paragraphs)
        para = SpokenParagraph(block[0].start, block[-1].end, kind)
        if cells is not None:
            para.kind = "table"
            table = _TableRun(para, index, text, _grid_for(cells, grids))
            table.add(cells, block[0])
        elif kind == "row":
            line = block[0]
            cells = [c.strip() for c in _CELL_GAP.split(line.text) if c.strip()]
            para.sentences.append(Sentence(line.start, line.end, ", ".join(cells), "row", index))
        elif kind == "heading":
            line = block[0]
            said = _clean(_TABLE_CELL.sub(", ", line.text.strip(" |")))  # a heading set in a grid's cells
            para.sentences.append(Sentence(line.start, line.end, said, "heading", index))
        else:
            joined, where = _join(text, block)
            marker = _ITEM.match(joined) if kind == "item" else None
            for n, (s, e) in enumerate(_split_sentences(joined)):
                piece = joined[s:e]
                if n == 0 and marker and marker.group("bullet"):
                    piece = piece[marker.end() - s :]  # a bullet is not read out
                    if marker.group("bullet") == "*" and starred:
                        piece = "Note: " + piece  # the note a word marked "*" on this page points to
                if n == 0 and marked and (note := _NOTE_BODY.match(piece)) and note.group(1) in marked:
                    # A footnote's text under its number ("2 Gross investment income ..."): heard as
                    # the note the mark in the text was said to be, not as "two gross ...".
                    piece = f"Note {note.group(1)}: {piece[note.end() :]}"
                spoken = _clean(piece)
                if not spoken:
                    continue
                while e > s and joined[e - 1].isspace():
                    e -= 1
                unit_kind = "item" if kind == "item" and n == 0 else "sentence"
                para.sentences.append(Sentence(where[s], where[e - 1] + 1, spoken, unit_kind, index))
        if para.sentences:
            paragraphs.append(para)
    return paragraphs


class _TableRun:
    """A table's rows (as the layout stored them, one line each): one paragraph, a sentence a
    row said with its headers. With the layout's own table (`grid`) the headers are its column
    names, a header of several rows said once, and a table carried over from the page before
    heard with the header printed where it began. Without one, the first row is the header
    when it has no figures and the rows under it do."""

    def __init__(self, para: SpokenParagraph, index: int, text: str, grid: Table | None = None) -> None:
        self.para, self.index, self.text = para, index, text
        self.header: list[str] = grid.column_names() if grid is not None and grid.head else []
        self.head_lines = len(grid.head) if grid is not None and not grid.continued else 0
        self.grid = grid
        self.rows = 0
        self.width = 0
        self.labels: list[str] | None = None  # the row before: a form's labels over its values
        self.first: tuple[list[str], _Line] | None = None

    def fits(self, cells: list[str], start: int) -> bool:
        return len(cells) == self.width and "\n\n" not in self.text[self.para.end : start]

    def add(self, cells: list[str], line: _Line) -> None:
        self.para.end = line.end
        self.rows += 1
        if self.first is None:
            self.first, self.width = (cells, line), len(cells)
        if self.rows <= self.head_lines:  # the header's lines: one sentence naming the columns
            self._name_columns(line)
            return
        if self.grid is None and self.rows == 2 and self._is_header(self.first[0], cells):
            self.header = self.first[0]
            self.para.sentences.clear()
            self._name_columns(self.first[1])
        self._say(cells, line, self.header)

    def _name_columns(self, line: _Line) -> None:
        words = "Table, columns: " + spoken_columns(self.header)
        start = self.para.sentences[0].start if self.para.sentences else line.start
        self.para.sentences[:] = [Sentence(start, line.end, words, "row", self.index)]

    def _is_header(self, first: list[str], cells: list[str]) -> bool:
        if introduces(first):
            return True  # each column says what it lists ("... include:")
        return not any(is_number(c) for c in first if c) and any(is_number(c) for c in cells[1:] if c)

    def _say(self, cells: list[str], line: _Line, header: list[str]) -> None:
        if len(cells) > 2 and cells[0].isdigit() and not any(cells[1:]):
            return  # an empty row with only its number (a spreadsheet's spacer row): nothing to say
        said = None
        if not header and self.labels is not None:
            said = spoken_values(cells, self.labels)  # the values under a form's labels
        self.labels = cells if not header and form_labels(cells) else None
        said = said or spoken_row(cells, header)
        self.para.sentences.append(Sentence(line.start, line.end, said, "row", self.index))


def _grid_for(cells: list[str], tables: list[Table]) -> Table | None:
    """The layout's table whose text starts with this row (taken from `tables`, in order)."""
    for k, table in enumerate(tables):
        first = table.rows_text().split("\n", 1)[0]
        if _table_cells(first) == cells:
            del tables[: k + 1]
            return table
    return None


def page_sentences(
    text: str,
    *,
    boilerplate: frozenset[str] = frozenset(),
    edge_lines: int = 3,
    tables: Sequence[Table] = (),
    headings: Collection[str] | None = None,
) -> list[Sentence]:
    """All sentences of a page in reading order (`tables`: the page's tables as the layout
    found them, top to bottom, for their headers; `headings`: its headings' texts, as
    LaidOut keeps them, or None to judge headings from the text)."""
    paragraphs = split_page(text, boilerplate=boilerplate, edge_lines=edge_lines, tables=tables, headings=headings)
    return [s for p in paragraphs for s in p.sentences]


def document_sentences(pages: Sequence[str | None]) -> list[list[Sentence]]:
    """Sentences of every page, with headers/footers repeated across the pages skipped.

    A page that is None (could not be extracted) gives an empty list.
    """
    keys = find_repeated_lines(pages)
    return [page_sentences(p, boilerplate=keys) if p else [] for p in pages]


def spoken_texts(sentences: Iterable[Sentence]) -> list[str]:
    return [s.spoken for s in sentences]
