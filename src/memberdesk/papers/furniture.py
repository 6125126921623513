"""Across a whole paper: running headers and footers, page-number stamps, printed labels. Pure.

A running header or footer is the same text (digits aside) in the top or bottom band of many
pages. A page-number stamp ("Page 4", "Page 4 of 9", "- 4 -", "4", "iv") is believed only where
stamps of one style run with the PDF's pages: on consecutive pages, each one more than the
last. Then a stray number in a table near the page foot, which does not run, never becomes a
label. A ModernGov pack stamps "Page 1" from its third PDF page; appendices restart at 1; front
matter runs in roman numerals: each is its own run. Where no run covers a page its label is
None, and the caller keeps "#N" or the PDF's own /PageLabels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from memberdesk.papers.headings import body_size
from memberdesk.papers.running import numbered_label
from memberdesk.papers.shapes import HEADING, Block, PageFinish, PageLayout

# The bands are the page margins: a block ending above 8.5% of the page height (72 pt of A4,
# the usual top margin) is in the top band, one starting below 91.5% in the bottom band. A
# heading at the top of the text area, numbered the same on every page, stays out of them.
TOP = 0.085
BOTTOM = 0.915
MARGIN = 72.0  # points: the band's depth however the page is turned (an inch, A4's 8.5%)
HOLE = 2  # unstamped pages (a plan, a landscape insert) a run may step over

_PAGE = re.compile(r"^page\s+(\d{1,4})(?:\s+of\s+(\d{1,4}))?$", re.I)
_PAGE_ROMAN = re.compile(r"^page\s+([ivxlcdm]{1,7})$", re.I)
_DASH = re.compile(r"^[-\u2013\u2014]\s*(\d{1,4})\s*[-\u2013\u2014]$")
_BARE = re.compile(r"^(\d{1,4})$")
_ROMAN = re.compile(r"^([ivxlcdm]{1,7})$", re.I)
_PAGE_AT_END = re.compile(r"^(.*\S)\s+[|\u2013-]?\s*page\s+(\d{1,4})(?:\s+of\s+(\d{1,4}))?$", re.I)
_PAGE_AT_START = re.compile(r"^page\s+(\d{1,4})(?:\s+of\s+(\d{1,4}))?\s+[|\u2013-]?\s*(\S.*)$", re.I)
# A number at the end (or start) of a running line of three words or more: "Sustainability
# Appraisal Report | SR1 | 21/02/2025  4". Believed only where the line's words run.
_NUMBER_AT_END = re.compile(r"^((?:\S+\s+){2,}\S+)\s+(\d{1,4})$")
_NUMBER_AT_START = re.compile(r"^(\d{1,4})\s+((?:\S+\s+){2,}\S+)$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
# How many stamped pages make a run believable: explicit "Page N" less than a bare number.
_LEAST = {"page": 2, "page-roman": 2, "dash": 2, "bare": 3, "roman": 3, "end": 3, "start": 3}
_PREFER = ["page", "page-roman", "dash", "bare", "roman", "end", "start"]
_WITH_TEXT = ("end", "start")  # numbers printed in a running line's text
_ALONE = ("page", "dash", "bare")  # a stamp alone at the foot: hidden where no run takes it
_SIDEWAYS = ("page", "page-roman")  # the stamps believed up a page's side margin


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral (i..mmm), else None."""
    total, last = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        total += -value if value < last else value
        last = max(last, value)
    return total if total > 0 and to_roman(total) == text.lower() else None


def to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


@dataclass(slots=True)
class _Stamp:
    page: int
    block: int
    family: str
    band: str
    value: int
    upper: bool = False  # roman numerals printed in capitals
    rest: str = ""  # running text printed with the stamp in one block
    before: _Stamp | None = None
    members: list[_Stamp] = field(default_factory=list)


def _band(block: Block) -> str:
    where = block.where
    # On a landscape page the foot's margin is as deep in points, a larger share of its height.
    height = block.box.y1 / where.y1 if where.y1 > 0 else 0.0
    margin = MARGIN / height if height > 0 else 0.0
    if where.y1 <= TOP:
        return "top"  # (a landscape page's top holds its table's title and units, not a stamp)
    if where.y0 >= min(BOTTOM, 1 - margin):
        return "bottom"
    return ""


def _side(block: Block) -> bool:
    """Whether a block stands up a page's left or right margin, set turned a quarter (taller
    than wide): ModernGov stamps a landscape page's "Page N" up its left edge, where the foot
    of the portrait page it was turned from would be."""
    where, box = block.where, block.box
    width = box.x1 / where.x1 if where.x1 > 0 else 0.0
    side = MARGIN / width if width > 0 else 0.0
    upright = box.y1 - box.y0 > box.x1 - box.x0
    return upright and not block.table and (where.x1 <= side or where.x0 >= 1 - side)


def _parse(text: str) -> tuple[str, int, bool, str] | None:
    """(family, value, capitals, other text) for a stamp, else None."""
    text = " ".join(text.split())
    if m := _PAGE.match(text):
        return "page", int(m.group(1)), False, ""
    if (m := _PAGE_ROMAN.match(text)) and (value := roman_value(m.group(1))):
        return "page-roman", value, m.group(1).isupper(), ""
    if m := _DASH.match(text):
        return "dash", int(m.group(1)), False, ""
    if m := _BARE.match(text):
        return "bare", int(m.group(1)), False, ""
    if (m := _ROMAN.match(text)) and (value := roman_value(m.group(1))):
        return "roman", value, m.group(1).isupper(), ""
    if m := _PAGE_AT_END.match(text):
        return "page", int(m.group(2)), False, m.group(1)
    if m := _PAGE_AT_START.match(text):
        return "page", int(m.group(1)), False, m.group(3)
    if (m := _NUMBER_AT_END.match(text)) and sum(c.isalpha() for c in m.group(1)) >= 2:
        return "end", int(m.group(2)), False, m.group(1)
    if (m := _NUMBER_AT_START.match(text)) and sum(c.isalpha() for c in m.group(2)) >= 2:
        return "start", int(m.group(1)), False, m.group(2)
    return None


def normalised(text: str) -> str:
    """Text compared across pages: case and spacing ignored, every number the same."""
    text = re.sub(r"\d+", "#", " ".join(text.lower().split()))
    return re.sub(r"\bpage [ivxlcdm]+\b", "page #", text)


def find(pages: Sequence[PageLayout]) -> list[PageFinish]:
    running = _running(pages)
    # A number in a line's text is a page's only where the rest runs (not a footnote's "1 ...").
    stamps = [s for s in _stamps(pages) if s.family not in _WITH_TEXT or (s.band, _text(pages, s)) in running]
    runs = _runs(stamps)
    labels: list[str | None] = [None] * len(pages)
    chosen: list[tuple[int, int]] = [(0, len(_PREFER))] * len(pages)  # (length, preference)
    for run in runs:
        score = (len(run.members), _PREFER.index(run.family))
        first = run.members[0]
        for index in range(first.page, run.members[-1].page + 1):
            if (-score[0], score[1]) < (-chosen[index][0], chosen[index][1]):
                chosen[index] = score
                labels[index] = _printed(run, first.value + index - first.page)
    titled = _print_titles(pages)
    out: list[PageFinish] = []
    stamped = {(s.page, s.block): s for run in runs for s in run.members}
    strays = _strays(pages, stamps, stamped, runs, labels)
    for index, page in enumerate(pages):
        furniture = set()
        header = ""
        kept: list[tuple[int, str]] = []
        for k, block in enumerate(page.blocks):
            band = _band(block) or ("side" if (index, k) in stamped else "")
            if not band:
                continue
            stamp = stamped.get((index, k))
            with_text = stamp is not None and stamp.family in _WITH_TEXT
            key = (band, normalised(stamp.rest if stamp and stamp.rest and not with_text else block.text))
            if stamp is not None and stamp.rest and key not in running:
                kept.append((k, stamp.rest))  # the page's own text, printed level with its stamp
                continue
            if stamp is not None or key in running or (index, k) in titled or (index, k) in strays:
                furniture.add(k)
                # The status line shows the running header, without its page number.
                text = block.text if stamp is None else stamp.rest
                if band == "top" and text and not header:
                    header = " ".join(text.split())
        out.append(PageFinish(label=labels[index], furniture=frozenset(furniture), header=header, kept=tuple(kept)))
    return out


def _text(pages: Sequence[PageLayout], stamp: _Stamp) -> str:
    return normalised(pages[stamp.page].blocks[stamp.block].text)


def _strays(
    pages: Sequence[PageLayout],
    stamps: list[_Stamp],
    stamped: dict[tuple[int, int], _Stamp],
    runs: list[_Stamp],
    labels: list[str | None],
) -> set[tuple[int, int]]:
    """(page, block) of page numbers alone at the foot that no run takes: a run broken by more
    unstamped pages than a run steps over (64, 65 among slides without numbers), an inserted
    document's own numbers, a paper numbered on its first page only. Each is hidden, never
    read as text ("... manage work 9"); it labels its page where it keeps a run's count (or,
    with no run, the page's own place). `labels` gains those labels."""
    offsets = {(run.family, run.band, run.value - run.page) for run in runs}
    out: set[tuple[int, int]] = set()
    for stamp in stamps:
        alone = stamp.family in _ALONE and not stamp.rest and stamp.value < 1000  # "2030" is a year
        if not alone or stamp.band != "bottom" or (stamp.page, stamp.block) in stamped:
            continue
        blocks = pages[stamp.page].blocks
        box, em = blocks[stamp.block].box, blocks[stamp.block].size
        if any(abs(b.box.y0 - box.y0) < 0.5 * em and 0 <= b.box.x0 - box.x1 < 4 * em for b in blocks):
            continue  # a note's number, its text beginning level with it just to its right
        out.add((stamp.page, stamp.block))
        keeps = (stamp.family, stamp.band, stamp.value - stamp.page) in offsets
        if labels[stamp.page] is None and (keeps or (not runs and stamp.value == stamp.page + 1)):
            labels[stamp.page] = str(stamp.value)
    return out


def _printed(run: _Stamp, value: int) -> str:
    if run.family in ("roman", "page-roman"):
        text = to_roman(value)
        return text.upper() if run.upper else text
    return str(value)


def _stamps(pages: Sequence[PageLayout]) -> list[_Stamp]:
    out = []
    for index, page in enumerate(pages):
        for k, block in enumerate(page.blocks):
            band = _band(block) or ("side" if _side(block) else "")
            if band and len(block.text) < 200:
                parsed = _parse(block.text)
                # Up the margin only "Page N" alone: a table's row numbers stand at the edge too.
                if parsed is not None and (band != "side" or (parsed[0] in _SIDEWAYS and not parsed[3])):
                    family, value, upper, rest = parsed
                    # Up the side, it goes on from the foot's run: the page turned landscape.
                    out.append(_Stamp(index, k, family, "bottom" if band == "side" else band, value, upper, rest))
    return out


def _runs(stamps: list[_Stamp]) -> list[_Stamp]:
    """Chains of stamps of one style and band, each one more than the last on the next page
    (or a page or two on, over unstamped pages); only those long enough to believe."""
    latest: dict[tuple[str, str, int], _Stamp] = {}  # (family, band, value expected next page) -> stamp
    heads: list[_Stamp] = []
    for stamp in sorted(stamps, key=lambda s: (s.page, s.block)):
        found = None
        for hole in range(HOLE + 1):
            before = latest.get((stamp.family, stamp.band, stamp.value - hole - 1))
            if before is not None and before.page == stamp.page - hole - 1:
                found = before
                break
        if found is not None and found.members[-1] is found:
            found.members.append(stamp)  # one list shared by the whole run
            stamp.members = found.members
        else:
            stamp.members = [stamp]
            heads.append(stamp)
        stamp.before = found
        latest[(stamp.family, stamp.band, stamp.value)] = stamp
    out = []
    for head in heads:
        if len(head.members) >= _LEAST[head.family]:
            out.append(head)
    return out


COMMON = 0.25  # a text at the top or foot of this share of the pages runs, whether or not they follow on


def _running(pages: Sequence[PageLayout]) -> set[tuple[str, str]]:
    """(band, text) printed in the same band on enough pages to be a running header/footer.
    Type larger than the body's is a heading, however often it repeats, unless it stands at
    the very same place on every page ("Appendix J" at the top right of each)."""
    body, _bold = body_size(b for page in pages for b in page.blocks)
    seen: Counter[tuple[str, str]] = Counter()
    placed: Counter[tuple[str, str, float, float]] = Counter()
    numbers: dict[tuple[str, str], list[tuple[int, tuple[int, ...]]]] = {}  # key -> (page, its numbers)
    headed: set[tuple[str, str]] = set()  # set as a heading where it stands
    for index, page in enumerate(pages):
        keys = set()
        for block in page.blocks:
            band = _band(block)
            if band:
                parsed = _parse(block.text)
                # (A number in a running line's text is one of its numbers, compared as "#".)
                text = parsed[3] if parsed and parsed[3] and parsed[0] not in _WITH_TEXT else block.text
                key = (band, normalised(text))
                if block.size <= body * 1.1:
                    keys.add(key)
                    if block.kind == HEADING:
                        headed.add(key)
                    numbers.setdefault(key, []).append((index, tuple(int(n) for n in re.findall(r"\d+", text))))
                else:
                    placed[(*key, round(block.where.x0, 2), round(block.where.y0, 2))] += 1
        seen.update(keys)
    for (band, text, _x, _y), count in placed.items():
        if count == len(pages) >= 2:
            seen[(band, text)] = count
    least = 3 if len(pages) > 3 else 2
    return {
        key
        for key, count in seen.items()
        if count >= least
        and sum(c.isalpha() for c in key[1]) >= 2
        and not numbered_label(numbers.get(key, []))
        and (key not in headed or _repeats_as_header(count, [n for n, _ in numbers.get(key, [])], len(pages)))
    }


def _print_titles(pages: Sequence[PageLayout]) -> set[tuple[int, int]]:
    """(page, block) of a title in large type printed again at the same place at the top of
    the pages that follow (a spreadsheet's print title over each page of its sheet, "APPENDIX
    F: ... - SPENDING" then "... - SAVINGS"): furniture after its first page, where it stays
    the heading its section starts with. Three pages at least: a title over two is no run."""
    body, _bold = body_size(b for page in pages for b in page.blocks)
    at: dict[tuple[str, float, float], list[tuple[int, int]]] = {}
    for index, page in enumerate(pages):
        for k, block in enumerate(page.blocks):
            if block.kind == HEADING and block.size > body * 1.1 and _band(block) == "top":
                # Its own words and numbers: "Item 6" after "Item 5" is the next item, no repeat.
                key = (" ".join(block.text.casefold().split()), round(block.where.x0, 2), round(block.where.y0, 2))
                at.setdefault(key, []).append((index, k))
    out: set[tuple[int, int]] = set()
    for places in at.values():
        run = [places[0]]
        for place in [*places[1:], (-2, 0)]:  # (a sentinel ends the last run)
            if place[0] == run[-1][0] + 1:
                run.append(place)
                continue
            if len(run) >= RUN_TITLES:
                out.update(run[1:])  # printed again on each page after the first: running on
            run = [place]
    return out


RUN_TITLES = 3


def _repeats_as_header(count: int, where: list[int], pages: int) -> bool:
    """Whether a heading's repeats run as a header does: on many of the paper's pages, or on
    pages one after another (an appendix's title over each of its pages). A section's heading
    that happens to start a few pages far apart ("Activity indicators" on pages 10, 41 and 49
    of 71) is the heading each time; a "DRAFT" stamped here and there is no heading at all."""
    if count >= COMMON * pages or not where:
        return True
    # Every page, or every other (a header on the left-hand pages only, mirrored in print).
    return any(b - a <= 2 for a, b in zip(where, where[1:]))
