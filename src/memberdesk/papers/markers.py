"""A paragraph's own number or bullet, as it stands at the paragraph's left edge. Pure.

Defined once for the glyph loop (glyphrun.py: a number drawn as a run of its own is a word of
its own) and for paragraphs (paragraphs.py: a number standing out begins a paragraph, a
contents entry ends at its page number)."""

from __future__ import annotations

import re

# 4, 4.2, 4.2.1, 4., (a), a), (iv), iv), A., a., and "a.)" / "1.)" as some typists write them.
NUMBER = r"""\(?\d{1,3}(\.\d{1,3}){0,3}(\.\)|[.)])? |
    \([a-zA-Z]{1,2}\) | [a-zA-Z]{1,2}\.?\) | [A-Za-z]\. |
    \(?[ivxlcIVXLC]{1,6}[.)]"""
# The bullets word processors use.
BULLET = r"[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2013\u2014*\-o\u27a2\u2192>]"
# Those that are bullets wherever they stand, even inside a line (a dash, "*" or "o" may be
# words or marks there).
SYMBOL_BULLET = r"[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219]"

_MARKER = re.compile(rf"^({NUMBER} | {BULLET})$", re.VERBOSE)
_NUMBER = re.compile(rf"^({NUMBER})$", re.VERBOSE)


def is_marker(text: str) -> bool:
    """A paragraph's number or bullet: "4.2", "(a)", "iv)", "•"."""
    return bool(_MARKER.match(text))


def is_number(text: str) -> bool:
    """A paragraph's number, not a bullet: "4.2", "(a)", "iv)", "A."."""
    return bool(_NUMBER.match(text))


# A contents entry's end: a dot leader and its page ("Welfare Support ........ 15").
_LEADER = re.compile(r"(?:\.{4,}|\u2026{2,})\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.I)


def ends_contents_entry(text: str) -> bool:
    return _LEADER.search(text) is not None
