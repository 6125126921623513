"""A table's figures and rows as they are said aloud. Pure.

"+35.4" is said "plus 35.4", "-9.9", "−9.9" and "(1,200)" "minus ...", "6.0%" "6.0 percent",
"£23.3m" "23.3 million pounds", "£500k" "500 thousand pounds", "£1.2bn" "1.2 billion pounds";
a cell of only a mark by its name ("-" "dash", "++" "double plus", "?" "question mark").
A row is said with its headers: "Adult Social Care: Budget 586.1, Forecast 621.6, Variance plus
35.4, plus 6.0 percent" (a header the same as the one before it is not said twice).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from memberdesk.papers.joining import FUNCTION_WORDS
from memberdesk.papers.markers import SYMBOL_BULLET
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import REF_HEADER, REFERENCE, labelled, row_key

_FIGURE = re.compile(
    r"^(?P<open>\()?(?P<sign>[-+\u2212\u2013])?\s?(?P<cur>[£$€])?(?P<sign2>[-+\u2212])?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>%|k|m|bn|b)?(?P<close>\))?$",
    re.I,
)
_SCALE = {"k": "thousand", "m": "million", "b": "billion", "bn": "billion"}
_MONEY = {"£": "pounds", "$": "dollars", "€": "euros"}


# A cell that is only a mark ("-" for nil or a negative effect, "++", "?", a tick): the
# synthesiser says nothing for most of them, so a listener heard the column's name and silence.
_MARKS = {
    "-": "dash", "\u2013": "dash", "\u2014": "dash", "\u2212": "minus", "+": "plus", "?": "question mark",
    "=": "equals", "*": "star", "/": "slash", "\u2713": "tick", "\u2714": "tick", "\u2717": "cross",
    "\u2718": "cross", "\u00d7": "cross", "\u2022": "bullet", "\u25cf": "dot",
}  # fmt: skip
_TIMES = {2: "double", 3: "triple"}


def _mark(text: str) -> str | None:
    """A cell of one mark, said once or repeated ("--" is "double dash"); else None."""
    marks = text.replace(" ", "")
    name = _MARKS.get(marks[:1]) if marks else None
    if name is None or marks != marks[0] * len(marks) or len(marks) > 3:
        return None
    return f"{_TIMES[len(marks)]} {name}" if len(marks) > 1 else name


# A figure among several in one cell, its sign perhaps set apart ("- 61,527.1 - 31,322.7"): a
# sign only where a figure starts, never inside a year ("2025-26").
_ONE_OF_SEVERAL = re.compile(r"(?:(?<=\s)|^)(?:[-\u2212\u2013]\s?)?\(?£?\d[\d,]*(?:\.\d+)?\)?%?(?=\s|$)")
_AMOUNT = re.compile(r"\d,\d{3}|\.\d")  # 61,527.1 or 4.5: an amount, not a year ("2024 - 25") or a count


def spoken_figure(text: str) -> str:
    """A cell as said: a figure in words around its digits (the synthesiser says the digits),
    a mark by its name, figures run together in one cell each in turn (a total band's, its
    columns not ruled apart); anything else as it is."""
    if (mark := _mark(text)) is not None:
        return mark
    m = _FIGURE.match(text.strip().replace(" ", ""))
    several = _ONE_OF_SEVERAL.findall(text) if m is None else []
    # Two amounts with a dash between, the first unsigned, are a range ("1.5 - 2.5"); three
    # or more, or a first one signed, are a band's figures run together.
    if (
        (len(several) >= 3 or (len(several) == 2 and several[0][:1] in "-\u2212\u2013"))
        and all(_AMOUNT.search(f) for f in several)
        and "".join(several).replace(" ", "") == text.replace(" ", "")
    ):
        return ", ".join(spoken_figure(f) for f in several)
    if m is None or bool(m.group("open")) != bool(m.group("close")):
        return text
    if m.group("cur") and m.group("num") == "000" and not (m.group("sign") or m.group("sign2")):
        return text  # "£000": a column's unit, said by the lexicon ("thousands of pounds")
    sign = m.group("sign") or m.group("sign2") or ""
    words = []
    if m.group("open") or sign in "-\u2212\u2013" and sign:
        words.append("minus")
    elif sign == "+":
        words.append("plus")
    words.append(m.group("num"))
    unit = (m.group("unit") or "").lower()
    if unit == "%":
        words.append("percent")
    elif unit:
        words.append(_SCALE[unit])
    if m.group("cur"):
        words.append(_MONEY[m.group("cur")])
    return " ".join(words)


# Bullets inside a line (a cell's list, joined as its lines are): the synthesiser skips the
# symbol and runs the items together ("Sing and Sign Baby Massage"); a comma gives the pause.
_INLINE_BULLET = re.compile(rf"(?:^|\s+){SYMBOL_BULLET}(?:\s+|$)")


# A footnote's mark as the layout gives it ("2029-30[1]", "Debt[1]"): heard as a note, never
# as a figure run on from the one before it.
_NOTE_MARK = re.compile(r" ?\[(\d{1,3})\](?![a-z])")  # "un[1]ringfenced": a word's own text, no mark


# A word marked for a note by an asterisk ("KSAS*", "2024-25*"): the note is under the table.
# Not a grade ("A*") or a star rating ("4*"): a capital or a figure alone before the star.
# A word marked for a note ("KSAS*"), or a mark set apart at a cell's or line's end ("... in 25-26 *").
STAR_MARK = re.compile(r"(?<=[\w)%])(?<!\b[A-Z])(?<!\b\d)\*+(?=[\s,.;:)]|$)|(?<=[\w)%] )\*+(?=[ \t]*(?:\||$))", re.M)
_STAR_NOTE = re.compile(r"(?:^|(?<=:\s))\*+\s+(?=[A-Za-z])")  # "... site: * booking or referral required": the note


# A tracked change as the layout marks it ("[deleted: oversight]", "[added: The latest]"):
# heard with where it ends, as a screen reader says an insertion's end. A mark cut by the
# sentence's end is closed where its "]" falls in a later sentence.
_CHANGE = re.compile(r"\[(added|deleted): ([^\[\]]*)\]")
_CHANGE_OPEN = re.compile(r"\[(added|deleted): ")


def _changes(text: str) -> str:
    text = _CHANGE.sub(r"\1: \2 (end \1)", text)
    text = _CHANGE_OPEN.sub(r"\1: ", text)
    out, depth = [], 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            if depth == 0:
                out.append(" (end of change)")  # the end of a change begun in an earlier sentence
                continue
            depth -= 1
        out.append(ch)
    return "".join(out)


def with_pauses(text: str) -> str:
    """`text` with a pause where a bullet stands inside it, and a footnote's mark said as one."""
    text = _NOTE_MARK.sub(r" (note \1)", text) if "[" in text else text
    if "[" in text or "]" in text:
        text = _changes(text)
    if "*" in text:
        text = _STAR_NOTE.sub("(note) ", STAR_MARK.sub(" (note)", text)).replace("  (note)", " (note)")
    return _INLINE_BULLET.sub(", ", text).strip(", ")


def _after(name: str, before: str) -> str:
    """A column's name without the heading it shares with the column before ("2025-28 Draft
    MTFP 2026-27" after "2025-28 Draft MTFP 2025-26" is "2026-27"): a group's heading is said
    once, where the group starts, not before each of its figures. A group's columns are its
    periods or numbers, a few words each; words shared with a name of other words are the
    column's own ("2022-23 Revised from November" after "2022-23 Original from April")."""
    words, others = name.split(), before.split()
    shared = 0
    while shared < min(len(words), len(others)) - 1 and words[shared] == others[shared]:
        shared += 1
    if shared == 1 and words[0].lower() in FUNCTION_WORDS:
        return name  # "By 2025-26", "By 2026-27": each column's own "By", no group's heading
    rest = " ".join(words[shared:])
    if shared and (len(words) - shared > GROUP_PART_WORDS or not any(c.isdigit() for c in rest)):
        return name
    # A bare figure left ("24" of "12m to Dec 24") would be heard as the value: say it all.
    if shared and rest.isdigit() and len(rest) < 4:
        return name
    return rest if shared else name


GROUP_PART_WORDS = 3  # the most words of a column's own part under a group's heading ("Q2 £m")


_TRAILING_NOTE = re.compile(r"^(.*\S)\[(\d{1,3})\]$")


def _figure_with_note(cell: str) -> str:
    """A cell said as a figure, a footnote's mark after it said apart ("(2.5)[3]": minus 2.5,
    note 3), so the mark never keeps the figure from being read as one."""
    marked = _TRAILING_NOTE.match(cell)
    if marked is None:
        return spoken_figure(cell)
    return f"{spoken_figure(marked.group(1))} (note {marked.group(2)})"


def spoken_columns(names: Sequence[str]) -> str:
    """A table's column names as said once before its rows, each group's heading once."""
    said: list[str] = []
    heard = ""
    for name in (n for n in names if n):
        said.append(with_pauses(_after(name, heard)))
        heard = name
    return ", ".join(said)


def form_labels(cells: Sequence[str]) -> bool:
    """Whether a row of a table with no header is a form's labels over the values under them
    ("Proposed Amount | Proposed Funding Source:" over "£75k | Reduce Contribution to ..."):
    every filled cell a few words, none a figure, one at least ending in a colon, and no
    value beside a label ("Proposer: | Mark Hood" is a label with its value)."""
    filled = [c for c in cells if c]
    beside = any(a.endswith(":") and not b.endswith(":") for a, b in zip(filled, filled[1:]))
    return (
        len(filled) >= 2
        and not beside
        and any(c.endswith(":") for c in filled)
        and all(len(c.split()) <= FORM_LABEL_WORDS and not is_number(c) for c in filled)
    )


FORM_LABEL_WORDS = 5


def spoken_values(cells: Sequence[str], labels: Sequence[str]) -> str | None:
    """A form's row of values said each with the label over it, in the row's order; None
    where a value stands under no label (then the row is no such row)."""
    said = []
    for k, cell in enumerate(cells):
        if not cell:
            continue
        label = labels[k] if k < len(labels) else ""
        if not label or cell.endswith(":"):
            return None  # a value under no label, or labels under labels
        said.append(labelled(label, with_pauses(_figure_with_note(cell))))
    return ", ".join(said) if said else None


def spoken_row(cells: Sequence[str], header: Sequence[str] = ()) -> str:
    """A row with its headers; without a header, its cells in turn."""
    key = row_key(cells, header)
    label = with_pauses(cells[key]) if cells and key is not None else ""
    # A reference in the first cell, before the name ("13" before a form's question, a row's
    # number before its project), is said with the name, as printed: said after it,
    # "... stored? 15" sounded like the question's answer.
    first = header[0] if header else ""
    refs = [0] if key and REFERENCE.match(cells[0]) and (not first or REF_HEADER.search(first)) else []
    if refs and label:
        label = " ".join([*(cells[k] for k in refs), label])
    said: list[str] = []
    previous = heard = ""  # the column before; the last column whose name was said
    for k, cell in enumerate(cells):
        if k == key or k in refs:
            continue
        name = header[k] if k < len(header) else ""
        if not cell:
            previous = name
            continue
        value = with_pauses(_figure_with_note(cell))
        if not header and said and said[-1].endswith(":"):
            said[-1] += f" {value}"  # a form's label with its value a few cells on ("Amendment Number: 2")
            continue
        if name and name != previous:
            said.append(f"{with_pauses(_after(name, heard))} {value}")
            heard = name
        else:
            said.append(value)
        previous = name
    if not said:
        return label
    return labelled(label, ", ".join(said))
