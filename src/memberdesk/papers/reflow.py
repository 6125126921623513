"""Page text as extracted (lines cut where the PDF cut them) -> paragraphs, and paragraphs ->
lines of a chosen width, keeping where each line came from so highlights can be placed.

No Textual here: the reader, plain mode and speech all reflow the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from memberdesk.papers import table_text
from memberdesk.papers.shapes import Table

# Lines that start something new: numbered paragraphs (1., 3.2, 4.1.2), lettered and bracketed
# items ((a), a), (iv)), bullets, and "Resolved:"-style lead-ins.
_STARTS_BLOCK = re.compile(
    r"""^\s*(
        \d+(\.\d+)*\.?\s |
        \(?[a-z]{1,3}\)\s |
        \(?[ivx]{1,5}\)\s |
        [\u2022\u25cf\u25aa\u2013\-*]\s |
        (Resolved|RESOLVED|Recommendation|Decision|Minutes|Note)s?\b:?
    )""",
    re.VERBOSE,
)
_ENDS_SENTENCE = re.compile(r"[.:;!?)\]]\s*$")
# Three numbers in a row (85% 78% 74%, 1,200 1,134 1,262) mark a table row: keep it a line.
_TABLE_ROW = re.compile(r"(?:^|\s)[£$]?\(?\d[\d,.]*%?\)?\s+[£$]?\(?\d[\d,.]*%?\)?\s+[£$]?\(?\d[\d,.]*%?\)?(?:\s|$)")

_PAGE_NUMBER = re.compile(r"^(page\s+)?[\divxlc]{1,6}(\s+of\s+\d+)?$", re.I)


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False
    table_row: bool = False
    table: Table | None = None  # a whole table (its text is its rows, cells between ' | ')


@dataclass(frozen=True)
class Line:
    """One display line: text, and the paragraph and character span it shows."""

    text: str
    paragraph: int  # -1 for the blank spacing lines between paragraphs
    start: int = 0
    end: int = 0
    heading: bool = False


def paragraphs(page_text: str) -> list[Paragraph]:
    raw = [line.strip() for line in page_text.split("\n")]
    lengths = sorted(len(line) for line in raw if line)
    if not lengths:
        return []
    # The measure of a full line on this page: long lines are wrapped prose, short ones end a block.
    full = max(40, lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0])
    out: list[Paragraph] = []
    current: list[str] = []
    current_short = False

    def flush() -> None:
        nonlocal current
        if current:
            text = _join(current)
            row = len(current) == 1 and _TABLE_ROW.search(text) is not None
            out.append(Paragraph(text, heading=not row and _looks_like_heading(text, current), table_row=row))
            current = []

    for line in raw:
        if not line:
            flush()
            continue
        table_row = _TABLE_ROW.search(line) is not None or _PAGE_NUMBER.match(line) is not None
        if current and (_STARTS_BLOCK.match(line) or current_short or table_row):
            flush()
        current.append(line)
        # A line well short of the measure ends its paragraph (the rest of the line was empty).
        # So does a sentence that stops clearly short of it: prose wraps mid-sentence.
        broken_word = len(line) > 1 and line.endswith("-") and line[-2].isalpha()
        current_short = not broken_word and (
            table_row or len(line) < full * 0.75 or (len(line) < full * 0.9 and line[-1:] in ".!?:")
        )
    flush()
    return out


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line  # a word broken over two lines
        else:
            text = f"{text} {line}"
    return re.sub(r" {2,}", " ", text)


def _looks_like_heading(text: str, lines: list[str]) -> bool:
    if len(lines) > 1 or len(text) > 80 or _ENDS_SENTENCE.search(text) or text.endswith(","):
        return False
    words = text.split()
    if not words or len(words) > 12:
        return False
    # A numbered heading ("4. Performance in Quarter 2") or a capitalised title line.
    letters = [w for w in words if w[:1].isalpha()]
    return bool(letters) and letters[0][:1].isupper()


def wrap(paras: list[Paragraph], width: int, *, paragraph_gap: int = 1, double_spaced: bool = False) -> list[Line]:
    """Greedy word wrap to `width` columns, left-aligned, never justified."""
    width = max(10, width)
    lines: list[Line] = []
    for number, para in enumerate(paras):
        if number and paragraph_gap:
            lines.extend(Line("", -1) for _ in range(paragraph_gap))
        if para.table is not None:
            # A table keeps its rows: aligned columns, or row by row when too wide.
            # Each line's start is its place in the table, so a line is found again after a resize.
            shown = table_text.layout(para.table, width).lines
            lines.extend(Line(text, number, k, k) for k, text in enumerate(shown))
            continue
        for start, end in _wrap_spans(para.text, width):
            if double_spaced and lines and lines[-1].paragraph == number:
                lines.append(Line("", -1))
            lines.append(Line(para.text[start:end], number, start, end, para.heading))
    return lines


_WORD = re.compile(r"\S+")


def _wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start = line_end = -1
    for match in _WORD.finditer(text):
        start, end = match.span()
        while end - start > width:  # a word longer than the line is cut
            if line_start >= 0:
                spans.append((line_start, line_end))
                line_start = -1
            spans.append((start, start + width))
            start += width
        if line_start < 0:
            line_start, line_end = start, end
        elif end - line_start <= width:
            line_end = end
        else:
            spans.append((line_start, line_end))
            line_start, line_end = start, end
    if line_start >= 0:
        spans.append((line_start, line_end))
    return spans
