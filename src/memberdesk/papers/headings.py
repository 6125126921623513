"""Which blocks are headings, and at what level, judged against the body text's size. Pure.

A heading is short and stands out from the body: larger type, or bold or capitals where the
body is neither, or a line of its own underlined, or light type on a dark band. Levels follow the sizes used for headings, largest first; bold or capital
headings at body size come below those, one deeper for each part of a number like "4.2".
The judgement is made per page first (all a worker knows) and again over the whole document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from memberdesk.papers import struck
from memberdesk.papers.markers import is_marker, is_number
from memberdesk.papers.shapes import HEADING, PARAGRAPH, Block

_STAMP = re.compile(r"^(page\s+)?[-\u2013\s]*(\d{1,4}|[ivxlcdm]{1,7})[-\u2013\s]*(of\s+\d{1,4})?$", re.I)
# The filler ModernGov and print rooms put on a page left empty: what the page says, no heading.
_FILLER = re.compile(r"^this page (?:is |has been )?(?:intentionally |deliberately )?left blank\.?$", re.I)
# An amount, not a day, a year or an item's number: decimals, thousands, money or a percentage.
_FIGURE = re.compile(
    r"^[(-]?£?\d{1,3}(?:,\d{3})*(?:\.\d+)(?:[mk]|bn|%)?\)?$|^[(-]?£?\d{1,3}(?:,\d{3})+\)?$|^£\d|^-?\d+(?:\.\d+)?%$"
)
# A table's or a chart's caption ("Table 6.1 - Proposed Council Tax Increases"), however it is
# set: it names what follows, no section of the paper (in the contents it stood level with them).
_CAPTION = re.compile(r"^(table|chart|figure|graph|diagram)\s+\d+(\.\d+)*[a-z]?\b", re.I)
_RECOMMENDS = re.compile(r"^\S+\s+to\s", re.I)  # "1. To NOTE ...": a numbered recommendation, set bold
_ENUMERATED = re.compile(
    r"^[A-Z][A-Za-z]*(?: [A-Za-z]+)? (?:\d{1,2}|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten)):\s"
)
# The words that lead into a list rather than head a section: "is asked to:", "as follows:".
# A verb, but not "to be": "Decision to be taken by:" labels what follows, as a heading.
_LEAD_IN = re.compile(
    r"\b(?:to|that|follows|following|include|includes|including|below)\s*:$"
    r"|\b(?:is|are|was|were|been|asked|recommended|requested|invited|resolved)\b|(?<!\bto )\bbe\b",
    re.I,
)
_NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})\.?\s")
# A line that is a contact's address or number ("E: jane.smith@kent.gov.uk", "T: 03000 416738").
_CONTACT = re.compile(
    r"^(?:(?:e|t|tel|telephone|phone|email|e-mail|mobile)\s*[:.]\s*)?(?:\S+@\S+\.\S+|\+?[\d() ]{9,})$", re.I
)
TWO_LINE_WORDS = 18  # the most words of a title in bold set over two lines
_AMOUNT = re.compile(r"^\(?-?£-?\d[\d,]*(?:\.\d+)?(?:m|k|bn)?\)?$|^\(?-?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?$")
_SIGN_OFF = re.compile(r"^(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+wishes)\b", re.I)
DISPLAY = 2.0  # times the body's size: a cover's display type
SIGNATURE_WORDS = 8  # the most words of a line of a signature (a name, a role, an office)
MAX_LEVEL = 6
MARKED_WORDS = 10  # the most words of a heading marked by its underline or dark band alone
CAPITALS_WORDS = 20  # the most words of a heading at body size (two lines of capitals)
NUMBERED_TITLE_CHARS = 240
NUMBERED_TITLE_WORDS = 30  # the most words of a numbered title in bold (a minute's, over two lines)


def body_size(blocks: Iterable[Block]) -> tuple[float, bool]:
    """The size (and boldness) most characters are set in, to half a point."""
    sizes: Counter[float] = Counter()
    bold: Counter[bool] = Counter()
    for block in blocks:
        if block.figure:
            continue  # alt text is not type on the page
        sizes[round(block.size * 2) / 2] += len(block.text)
        bold[block.bold] += len(block.text)
    if not sizes:
        return 10.0, False
    return sizes.most_common(1)[0][0], bold.most_common(1)[0][0]


def light_body(blocks: Iterable[Block]) -> bool:
    """Whether most of the text is set light (a slide deck in a dark theme): then light type
    marks nothing out, as bold does not where the body is bold."""
    light = total = 0
    for block in blocks:
        if not block.figure:
            total += len(block.text)
            light += len(block.text) if block.light else 0
    return light * 2 > total


def _shape(block: Block, body: float, body_bold: bool, body_light: bool = False) -> str:
    """ "big", "plain" (bold or capitals at body size) or "" for a block that is no heading."""
    text = block.text
    # (A cover's title in display type, twice the body's size or more, runs to more lines; a
    # minute's numbered title in bold to more letters, "90. 24/00109 - Transfer the 18-25 ...".)
    longest = NUMBERED_TITLE_CHARS if block.bold and _NUMBERED.match(text) else 160
    if len(text) > longest or (block.lines > 3 and block.size < DISPLAY * body) or block.figure:
        return ""  # before counting anything: most blocks are paragraphs, and long
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    # A minute's numbered title in bold runs long ("288. Minutes of the meetings held on 19
    # December 2024 and 9 January 2025 and, if in order, to be approved as a correct record").
    titled = block.bold and not body_bold and _NUMBERED.match(text) and not _RECOMMENDS.match(text)
    most = NUMBERED_TITLE_WORDS if titled else 22
    if len(letters) < 2 or len(words) > most or _STAMP.match(text) or _FILLER.match(text) or _CAPTION.match(text):
        return ""
    # "Reason one: The decision is not in accordance with the Budget." set bold: a call-in's
    # or an options paper's enumerated heading, though it reads as a sentence.
    enumerated = block.bold and not body_bold and _ENUMERATED.match(text)
    if text.endswith((",", ";")) or (text.endswith(".") and len(words) > 8 and not enumerated):
        return ""
    if text.endswith(":") and len(words) > 3 and (len(words) > 8 or _LEAD_IN.search(text)):
        return ""  # "The Committee is asked to:" leads into a list; "Reasons for the call-in:" heads one
    if sum(1 for w in words if _FIGURE.match(w)) >= max(2, 0.4 * len(words)):
        return ""  # a row of figures set apart ("TOTAL £m 334.7 290.0", a total under a table)
    if _AMOUNT.match(words[-1]) and len(words) > 1:
        return ""  # a total boxed under a table ("Total Investments £502,611,544"): a label and its sum
    if block.size >= body * 1.15 and block.size >= body + 1.0:
        return "big"
    if block.table or block.size < body * 0.9:
        return ""
    if struck.ADDED in text or struck.MARK in text:
        return ""  # a tracked change's bold or underline marks what it changes, not a heading
    if titled:
        return "plain"  # a minute's numbered title runs long ("294. Minutes of the meeting held on ...")
    if len(words) > CAPITALS_WORDS:
        return ""
    capitals = sum(1 for c in letters if c.isupper())
    spoken = sum(1 for w in words if any(c.isalnum() for c in w))  # a dash between is no word
    if _CONTACT.match(text):
        return ""  # a contact's e-mail or telephone set bold at a report's end heads nothing
    long_title = (
        block.lines == 2 and spoken <= TWO_LINE_WORDS and not text.endswith((".", ":")) and not _RECOMMENDS.match(text)
    )
    if block.bold and not body_bold and (spoken <= 14 or text.endswith("?") or long_title):
        # A form's question in bold runs longer ("Do you have evidence that can help ...?"), and
        # so does a title over two lines ("Question by Mike Whiting to Dan Watkins, Cabinet
        # Member for Adult Social Care and Public Health").
        return "plain"
    # A Word appendix's only mark of its headings is an underline, an EqIA's a dark band
    # ("Section B - Evidence"): a sentence so marked is stressed, a bullet a callout.
    bullet = is_marker(words[0]) and not is_number(words[0])
    # A title underlined line by line over two or three lines runs longer than a marked line.
    most = MARKED_WORDS if block.lines == 1 or not block.underlined else CAPITALS_WORDS
    marked = (block.underlined or (block.light and not body_light)) and len(words) <= most
    if marked and not text[:1].islower() and not text.endswith(".") and not bullet:
        return "plain"
    if len(letters) >= 4 and capitals >= 0.9 * len(letters) and (len(words) <= 10 or block.lines <= 2):
        # A heading in capitals runs to two lines ("PERCEIVED IMPACT OF ACCESSING FAMILY HUB
        # SERVICES AT THE SHEPPEY GATEWAY ON FAMILY", 13 words).
        return "plain"
    return ""


def judge(
    blocks: list[Block], body: float, body_bold: bool, sizes: list[float], body_light: bool = False
) -> list[Block]:
    """Blocks with kind and level set; `sizes` are the heading sizes in use, largest first."""
    out = []
    signed = False  # under a letter's "Yours sincerely": its signatory's name and role
    for k, block in enumerate(blocks):
        shape = _shape(block, body, body_bold, body_light)
        if not shape and _heads_its_numbers(block, blocks[k + 1] if k + 1 < len(blocks) else None, body_bold):
            shape = "plain"
        signed = bool(_SIGN_OFF.match(block.text)) or (signed and len(block.text.split()) <= SIGNATURE_WORDS)
        if signed:
            shape = ""
        if not shape:
            out.append(replace(block, kind=PARAGRAPH, level=None) if block.kind != PARAGRAPH else block)
            continue
        # Sizes past the third share level 3: few papers use more, and a deeper tree of
        # barely different sizes only makes the contents harder to move through.
        if shape == "big":
            size = round(block.size * 2) / 2
            level = min(sizes.index(size) + 1 if size in sizes else len(sizes), 3)
        else:
            level = min(len(sizes), 3) + 1
            numbered = _NUMBERED.match(block.text)
            if numbered:
                level += numbered.group(1).count(".")
        out.append(replace(block, kind=HEADING, level=min(max(level, 1), MAX_LEVEL)))
    return out


def _heads_its_numbers(block: Block, after: Block | None, body_bold: bool) -> bool:
    """A bold numbered title, however it ends, over its section's first numbered paragraph:
    "7. How does the proposed decision support Framing Kent's Future." over "7.1 The KCP ..."."""
    number = _number(block).rstrip(".")
    return (
        block.bold
        and not body_bold
        and not block.table
        and block.lines <= 3
        and number.isdigit()
        and after is not None
        and _number(after).startswith(number + ".")
        and len(block.text.split()) <= NUMBERED_TITLE_WORDS
        and struck.ADDED not in block.text
        and struck.MARK not in block.text
        and not block.text.rstrip().endswith(":")  # "3. The Cabinet is asked to:" leads into its list
        and not _RECOMMENDS.match(block.text)
    )


def _number(block: Block) -> str:
    if block.number:
        return block.number
    numbered = _NUMBERED.match(block.text)
    return numbered.group(1) if numbered else ""


def heading_sizes(blocks: Iterable[Block], body: float, body_bold: bool) -> list[float]:
    """The sizes used for headings larger than the body, largest first."""
    return sorted({round(b.size * 2) / 2 for b in blocks if _shape(b, body, body_bold) == "big"}, reverse=True)


def rejudge(pages: list[list[Block]]) -> tuple[list[list[Block]], float]:
    """Every page's blocks judged against the whole document's body size, or against its own
    prose's where that is larger: a pack whose Excel appendices fill most of its pages in
    small type has its covering report's prose at 11 points, which is its body, not big type
    (every bullet of it was a heading)."""
    everything = [b for page in pages for b in page]
    body, body_bold = body_size(everything)
    sizes = heading_sizes(everything, body, body_bold)
    light = light_body(everything)
    out = []
    by_body: dict[float, list[float]] = {}  # heading sizes against each page body, judged once a size
    for page in pages:
        # Prose: paragraphs of several lines or words, in plain type (an agenda's bold item
        # titles, a little larger than the paper's body, are its headings, never its body).
        prose = [
            b
            for b in page
            if not b.table
            and b.grid is None
            and not b.figure
            and not b.bold
            and (b.lines > 1 or len(b.text.split()) >= 15)
        ]
        own, _bold = body_size(prose)
        if own > body and sum(len(b.text) for b in prose) >= PAGE_PROSE:
            if own not in by_body:
                by_body[own] = heading_sizes(everything, own, False)
            out.append(judge(page, own, False, by_body[own], light))
        else:
            out.append(judge(page, body, body_bold, sizes, light))
    return out, body


PAGE_PROSE = 1200  # characters of prose on a page that say what its body type is
