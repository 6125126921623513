"""Lines of a leaf (a column, a flow region, a table cell) -> paragraphs, from geometry. Pure.

A paragraph ends where the printed page shows one ending: a wider gap than between its lines,
a change of type size, a first line indented, a number standing out at the left edge with a
hanging indent or a gap after it, or a line left short on purpose. "Short" is judged against
the column's own width and the next line's first word: a narrow column leaves short lines
everywhere, but a line only ends a paragraph early if the next word would have fitted on it.
"""

from __future__ import annotations

import statistics

from memberdesk.papers.bands import Band, char_median, line_size
from memberdesk.papers.hyphens import BREAK as SOFT_HYPHEN
from memberdesk.papers.joining import CARRIES_ON, FUNCTION_WORDS, join_lines
from memberdesk.papers.markers import ends_contents_entry, is_marker
from memberdesk.papers.regions import Leaf
from memberdesk.papers.row_blocks import row_block
from memberdesk.papers.shapes import PARAGRAPH, Block, Box, Word, set_bold, union_all
from memberdesk.papers.struck import MARK as DELETED
from memberdesk.papers.struck import unmarked

LISTED_WORDS = 3  # the most words of a line of a column set line by line (an address)
RUNS_ON = (",", ";", "-", "\u2013", "&", "/")  # a line ending so runs on to the next, whatever it starts with
# Ems: how far right of the next line a line may start and still be that paragraph's (an
# indented first line); further, it was set off to the right of the text under it.
RIGHT_SET = 4.0
# How much of its column's width a numbered line leaves empty when it is a heading over its text.
HEADING_SHORT = 0.25
# How much of its column's width a centred line fills when it was wrapped, not set on its own.
WRAPPED = 0.85


def _next_in_list(first: str, then: str) -> bool:
    """`then` is the item after `first` in a list: "2." after "1.", "4.3" after "4.2",
    "(b)" after "(a)", "iii)" after "ii)". A wrapped line that happens to begin with a
    number ("25. The saving" inside item 1.2) is not."""
    a, b = first.strip("().:"), then.strip("().:")
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    head_a, _, last_a = a.rpartition(".")
    head_b, _, last_b = b.rpartition(".")
    if head_a and head_a == head_b and last_a.isdigit() and last_b.isdigit():
        return int(last_b) == int(last_a) + 1
    if len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha():
        return ord(b.lower()) == ord(a.lower()) + 1
    return False


def _line_bold(line: Band) -> bool:
    bold = line.bold
    if bold is None:
        heavy = sum(len(w.text) for w in line.words if w.bold)
        bold = line.bold = heavy * 2 > sum(len(w.text) for w in line.words)
    return bold


def _light(words: list[Word]) -> bool:
    return sum(len(w.text) for w in words if w.light) * 2 > sum(len(w.text) for w in words)


class Gaps:
    """The usual gap between lines of one paragraph on this page, in ems, for each type size:
    headings are often set with more leading than the body, and a wider gap than usual for
    its own size is what marks a paragraph's end."""

    def __init__(self, leaves: list[Leaf]) -> None:
        by_size: dict[float, list[float]] = {}
        for leaf in leaves:
            for a, b in zip(leaf.lines, leaf.lines[1:]):
                size = line_size(a)
                if size and abs(line_size(b) - size) < 0.05 * size and _line_bold(a) == _line_bold(b):
                    gap = (b.y0 - a.y1) / size
                    if -0.5 < gap < 0.8:
                        by_size.setdefault(round(size), []).append(gap)
        self.by_size = {k: statistics.median(v) for k, v in by_size.items()}
        everything = [g for v in by_size.values() for g in v]
        self.default = statistics.median(everything) if everything else 0.1

    def em(self, size: float) -> float:
        return self.by_size.get(round(size), self.default)


class _Open:
    """The paragraph being built: its lines, and the left edge its wrapped lines return to."""

    def __init__(self, line: Band, marked: bool) -> None:
        self.lines = [line]
        self.marked = marked
        # With a hanging indent, wrapped lines start where the text after the number starts.
        at = _struck_letter(line) + 1  # the text after the number (a new letter after a struck one)
        self.body_x0 = line.words[at].box.x0 if marked and len(line.words) > at else line.x0


def leaf_blocks(leaf: Leaf, gaps: Gaps, page_width: float, page_height: float) -> list[Block]:
    lines = leaf.lines
    if not lines:
        return []
    if leaf.cells:
        return [row_block(leaf, page_width, page_height)]
    # The column's right edge: where its own lines reach, unless it has too few lines to
    # show it, when the region's edge (the page's text, or the column's) stands in.
    right = max(line.x1 for line in lines)
    if len(lines) < 3:
        right = max(right, leaf.x1)
    left = min(line.x0 for line in lines)
    width = max(right, leaf.x1) - min(left, leaf.x0)  # the column's own, or its region's if wider
    groups: list[_Open] = []
    listed = _line_list(lines)
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        marked = _marked(line, nxt) and not (k and _range_runs_on(lines[k - 1], line))
        if groups and not listed and not _breaks(groups[-1], line, marked, gaps, (left, right), width):
            groups[-1].lines.append(line)
            continue
        groups.append(_Open(line, marked))
    return [_block(g, leaf.table, page_width, page_height) for g in groups]


def _line_list(lines: list[Band]) -> bool:
    """Whether a column's lines are set one by one (an address: "2 Marsham Street", "London",
    "SW1P 4DF"): three or more, each of a few words starting with a capital or a figure, none
    running on (prose wraps onto lines in lower case, or after a comma). Its widest line is
    no sign of where the others would have wrapped."""
    if len(lines) < 3 or len({round(line_size(line)) for line in lines}) > 1:
        return False
    for line in lines:
        first, last = line.words[0].text, line.words[-1].text
        if len(line.words) > LISTED_WORDS or not (first[:1].isupper() or first[:1].isdigit()):
            return False
        if last.endswith(RUNS_ON) or last.lower() in FUNCTION_WORDS:
            return False
    return True


def _range_runs_on(prev: Band, line: Band) -> bool:
    """Whether the line's first number ends a range broken at the line before ("2017-18 to
    2020-" / "21. The subsequent ..."): a year, not the number of a paragraph."""
    last, first = prev.words[-1].text, line.words[0].text
    return last[-1:] in ("-", "\u2013") and last[-2:-1].isdigit() and first[:1].isdigit()


RUNS_WORDS = 4  # the fewest words of a line broken by hand mid-sentence (when it is its paragraph's first)
HANG = 1.0  # ems: how far past a number's text its wrapped lines may hang (a tab stop)


def _marked(line: Band, nxt: Band | None) -> bool:
    """A number or bullet at the line's start that stands apart: a gap after it wider than a
    space, or the next line hanging at the text after it. A wrapped line that merely begins
    with a number ("25. The saving...", after "2024-") has neither."""
    words = line.words[_struck_letter(line) :]
    if len(words) < 2 or not is_marker(words[0].text):
        return False
    em = words[0].size or 10.0
    gap = words[1].box.x0 - words[0].box.x1
    # Justified prose stretches every space of the line alike ("2025-" / "26 is based on ..."):
    # a marker's gap is wider than the line's own word spaces.
    spaces = [b.box.x0 - a.box.x1 for a, b in zip(words[1:], words[2:])]
    if gap > 0.45 * em and (len(spaces) < 3 or gap > 1.5 * statistics.median(spaces)):
        return True
    # The next line hangs at the text, or at a tab stop a little past it: "9.1 An equality ..."
    # typed with one space, its wrapped lines at the paragraph's indent (Word's hanging indent).
    if nxt is None or nxt.x0 <= line.x0 + 0.5 * em:
        return False
    if abs(nxt.x0 - words[1].box.x0) < 0.3 * em:
        return True
    # At a tab stop past the text only for a paragraph's number as such ("9.1", "2.2.", "3)"):
    # "12 councillors ..." over an indented first line is a count, not a number.
    number = words[0].text
    numbered = "." in number.strip(".") or number.endswith((".", ")"))
    return numbered and words[0].box.x1 < nxt.x0 < words[1].box.x0 + HANG * em


def _breaks(block: _Open, line: Band, marked: bool, gaps: Gaps, edges: tuple[float, float], width: float) -> bool:
    """Whether `line` begins a new paragraph after `block`. `edges`: where the column's lines
    reach; `width`: the column's own width (its region's, where that is wider)."""
    prev = block.lines[-1]
    left, right = edges
    size, before = line_size(line), line_size(prev)
    em = max(size, before)
    if abs(size - before) > 0.08 * em and not (_shares(line, before, em) or _shares(prev, size, em)):
        # A heading and its text, or the text and a footnote; not a line most of which is a
        # link in smaller type, set among words of its paragraph's own size.
        return True
    if line.y0 - prev.y1 > (gaps.em(em) + 0.3) * em:
        return True
    if line.y0 < prev.y0 - 0.3 * em or prev.y1 - line.y0 > 0.5 * min(prev.y1 - prev.y0, line.y1 - line.y0):
        return True  # a line above the last one, or drawn over it (a stamp), is not its continuation
    if marked:
        return True
    if ends_contents_entry(" ".join(w.text for w in prev.words[-2:])):
        return True  # a contents entry ends at its page number, however full its line
    # The next item of a list at the list's left edge ("1. Apologies", "2. Minutes ...", each
    # on a line of its own) starts anew, however full the line before it was.
    # (A letter struck out before its new one, "[deleted: d)] b)", leaves the new one.)
    opener, starter = _lead(block.lines[0]), _lead(line)
    if (
        is_marker(opener)
        and is_marker(starter)
        and abs(line.x0 - block.lines[0].x0) < 0.3 * em
        and _next_in_list(opener, starter)
    ):
        return True
    first = unmarked(line.words[0].text)
    edge = min(b.x0 for b in block.lines[1:]) if len(block.lines) > 1 else block.body_x0
    indented = line.x0 > edge + 1.0 * em and prev.x0 <= edge + 0.5 * em  # a new paragraph in indent style
    # A line of prose, not a label over its value ("Wards affected" / "all wards", "do nothing").
    wide = len(prev.words) >= RUNS_WORDS or len(block.lines) > 1
    ends = unmarked(prev.words[-1].text)[-1:].isalnum() and "@" not in first and "://" not in first
    if first[:1].islower() and not is_marker(first) and not indented and wide and ends and not _heads(block, line):
        # A sentence goes on past a line broken by hand ("to reshape" / "local government"), or
        # into words set bold in red as a change puts them in.
        return False
    if _line_bold(line) != _line_bold(prev) and _ends_short(prev, line, right, em, 0.0):
        return True
    if _light(line.words) != _light(prev.words):
        return True  # out of a dark band or into one: a band's title is never its text's first line
    # The edge wrapped lines return to: the first line's (or the text after its number) until
    # a second line shows it, so an indented first line does not hide the next indent.
    edge = min(b.x0 for b in block.lines[1:]) if len(block.lines) > 1 else block.body_x0
    if len(block.lines) == 1 and any(abs(line.x0 - w.box.x0) < 0.3 * em for w in prev.words[1:3]):
        # A hanging indent after a label ("9 Mar  Winter ..."): wraps under the text, unless
        # the first line stops a long way short ("2.1 Partnership Board" over its text is a
        # heading of its own; a list item set in from the right wraps early, but not by that).
        block.body_x0 = line.x0
        return right - prev.x1 > HEADING_SHORT * width and _ends_short(prev, line, right, em, 0.5)
    if line.x0 > edge + 1.0 * em and prev.x0 <= edge + 0.5 * em and not _centred(prev, line, left, right, em):
        return True  # a first line indented: a new paragraph in indent style
    if prev.words[-1].text.endswith(("-", SOFT_HYPHEN)):
        return False
    centred = _centred(prev, line, left, right, em)
    if not centred and line.x0 < prev.x0 - RIGHT_SET * em:
        return True  # after a line set off to the right ("Question 2" over a centred title)
    if centred == "narrower":
        # Centred lines of different widths: one that leaves room for the next line's first
        # word across the column's width ends there (lines set one by one, not wrapped),
        # unless it nearly fills the column (a centred paragraph set in from both margins),
        # or the words run on ("... 2025-28 MTFP," over "and Draft Capital Programme").
        if prev.words[-1].text.endswith(RUNS_ON) or line.words[0].text[:1].islower():
            return False
        room = width - (prev.x1 - prev.x0)
        return room > line.words[0].box.width + 0.8 * em and room > (1 - WRAPPED) * width
    if centred:
        return False  # a centred title's lines are all short
    if _labelled(line) and abs(line.x0 - prev.x0) < 0.3 * em and not prev.words[-1].text.endswith(RUNS_ON):
        return True  # "Telephone: 03000 416833" under a contact's job: an entry of its own
    if prev.words[-1].text.endswith(CARRIES_ON) or prev.words[-1].text.lower() in FUNCTION_WORDS:
        # No paragraph ends on a comma or an "and": the line was wrapped, however short (Word
        # keeps "Mr D Jeffrey," together, so a list of names wraps early).
        return False
    return _ends_short(prev, line, min(right, _wrap_edge(block, em)), em, 0.5)


def _heads(block: _Open, line: Band) -> bool:
    """Whether `block`, bold in every line, heads a plain `line` ("Implications for the
    budget" over "the cost is met from ..."): a heading ends where the bold does, whatever
    case the text under it starts in, unless its last word carries on ("... and")."""
    last = block.lines[-1].words[-1].text
    if _line_bold(line) or last.endswith((*CARRIES_ON, "-", SOFT_HYPHEN)) or last.lower() in FUNCTION_WORDS:
        return False
    return all(_line_bold(b) for b in block.lines)


def _shares(line: Band, size: float, em: float) -> bool:
    """Whether a quarter of the line's letters at least are set in `size`."""
    at = sum(len(w.text) for w in line.words if abs(w.size - size) <= 0.08 * em)
    return at * 4 >= sum(len(w.text) for w in line.words)


def _wrap_edge(block: _Open, em: float) -> float:
    """Where the paragraph's own lines must wrap: each of its lines was wrapped because the next
    line's first word did not fit after it, so the edge lies short of there. A list item set in
    from the right, under a wider paragraph, wraps before the column's widest line."""
    lines = block.lines
    return min(
        (a.x1 + b.words[0].box.width + 0.3 * em for a, b in zip(lines, lines[1:], strict=False)),
        default=float("inf"),
    )


def _labelled(line: Band) -> bool:
    """Whether the line starts with a label and its value ("Telephone: 03000 416833",
    "E-mail: clerk@..."): a capitalised word ending in a colon, with words after it."""
    first = line.words[0].text
    return len(line.words) > 1 and len(first) > 2 and first[0].isupper() and first.endswith(":")


def _ends_short(prev: Band, line: Band, right: float, em: float, slack: float) -> bool:
    """Whether the next line's first word would have fitted at the end of `prev`."""
    room = right - prev.x1
    first = line.words[0].box.width
    return room > first + (0.3 + slack) * em


def _centred(prev: Band, line: Band, left: float, right: float, em: float) -> str:
    """How two lines are centred on the column: "inset" (both set in from its left edge),
    "narrower" (one narrower than the other by as much at each end: a slide box's "Empower
    patients" over "and carers", the first line the widest), or "" (not centred; lines that
    start level are set left, at a hanging indent)."""
    middle = (left + right) / 2
    if abs((prev.x0 + prev.x1) / 2 - middle) >= 1.5 * em or abs((line.x0 + line.x1) / 2 - middle) >= 1.5 * em:
        return ""
    if prev.x0 > left + 2 * em and line.x0 > left + 2 * em:
        return "inset"
    shift = line.x0 - prev.x0
    return "narrower" if abs(shift) > 0.5 * em and abs(shift - (prev.x1 - line.x1)) < em else ""


def _block(group: _Open, table: bool, page_width: float, page_height: float) -> Block:
    words = [w for line in group.lines for w in line.words]
    box = union_all([w.box for w in words])
    size = char_median(words)  # each character counts once (a word of no text as one)
    bold = set_bold(words)
    number = group.lines[0].words[0].text if group.marked else None
    return Block(
        text=join_lines([[w.text for w in line.words] for line in group.lines]),
        kind=PARAGRAPH,
        box=box,
        where=box.scaled(page_width, page_height),
        size=round(size, 2),
        bold=bold,
        number=number,
        lines=len(group.lines),
        table=table,
        light=_light(words),
    )


def _struck_letter(line: Band) -> int:
    """1 where the line begins with a list's letter struck out before its new one
    ("[deleted: d)] b) monitoring ..."), else 0: where its number now stands."""
    words = line.words
    if len(words) > 2 and words[0].text.startswith(DELETED) and is_marker(unmarked(words[0].text)):
        return int(not words[1].text.startswith(DELETED) and is_marker(words[1].text))
    return 0


def _lead(line: Band) -> str:
    """A line's first word as it now reads (past a letter struck out before its new one), unmarked."""
    return unmarked(line.words[_struck_letter(line)].text)


def sideways_blocks(words: list[Word], page_width: float, page_height: float) -> list[Block]:
    """Text at an angle (a margin note, a rotated table heading): one block per run, kept in
    the order it was drawn, read after the page's upright text."""
    runs: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.order):
        if runs and _near(runs[-1][-1], word):
            runs[-1].append(word)
        else:
            runs.append([word])
    out = []
    for run in runs:
        box: Box = union_all([w.box for w in run])
        out.append(
            Block(
                text=" ".join(w.text.replace(SOFT_HYPHEN, "") for w in run),
                kind=PARAGRAPH,
                box=box,
                where=box.scaled(page_width, page_height),
                size=round(statistics.median(w.size for w in run), 2),
                bold=all(w.bold for w in run),
            )
        )
    return out


def _near(a: Word, b: Word) -> bool:
    size = max(a.size, b.size, 1.0)
    return abs(a.box.cx - b.box.cx) < 30 * size and abs(a.box.cy - b.box.cy) < 30 * size
