"""A paragraph's or a cell's lines -> one string: words joined with single spaces, and a word
a line's end broke put back together (hyphenated, or an address or link that ran on). Pure;
shared by paragraphs.py and ruled.py (a cell's lines).
"""

from __future__ import annotations

import re

from memberdesk.papers import struck
from memberdesk.papers.hyphens import BREAK as SOFT_HYPHEN
from memberdesk.papers.numbers import is_number

# The words no phrase ends on: a line or a cell stopping on one goes on in the next.
FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "a", "an", "or", "with", "on", "at", "by"})
CARRIES_ON = (",", "&", "\u2013", "\u2014")  # a line ending so is no paragraph's last
_URL_START = re.compile(r"^(https?://|www\.)", re.I)
_EMAILISH = re.compile(r"^[\w.+-]+@[\w.-]*$")
_DOMAINISH = re.compile(r"^[a-z0-9][\w-]*(\.[\w-]+)+[/\w.?=&%#~+-]*$", re.I)
_URL_CHARS = re.compile(r"^[\w/.?=&%#~+:@-]+$")


def join_lines(lines: list[list[str]]) -> str:
    """Words of each line -> one string, words joined with single spaces; a word broken at a
    line end (hyphenated, or an address or link that ran on) is put back together."""
    out: list[str] = []
    for line in lines:
        words = [w for w in line if w]
        if not words:
            continue
        if out:
            joined = _rejoin(out[-1], words[0]) or _rejoin_marked(out[-1], words[0])
            if out[-1] == "-" and is_number(words[0]) and not (len(out) > 1 and is_number(out[-2])):
                # A minus the line's end parted from its figure ("inflation from -" / "10.4%"),
                # not a range's dash ("0.07% -" / "0.09%").
                joined = "-" + words[0]
            if joined is not None:
                out[-1] = joined
                words = words[1:]
        out.extend(words)
    # A soft hyphen inside a word marks a break at a printed hyphen that the paper decides
    # (hyphens.resolve); one that ends a word (a real soft hyphen, nothing after it) goes.
    return struck.joined(" ".join(w.strip(SOFT_HYPHEN) for w in out if w.strip(SOFT_HYPHEN)))


def _rejoin_marked(prev: str, nxt: str) -> str | None:
    """Two words a change marks alike ("[added: pro-]", "[added: posal]") put back together as
    `_rejoin` would put them unmarked: a change's word broken at a line end is one word."""
    for mark in (struck.MARK, struck.ADDED):
        if prev.startswith(mark) and nxt.startswith(mark) and prev.endswith("]") and nxt.endswith("]"):
            inner = _rejoin(struck.unmarked(prev), struck.unmarked(nxt))
            return None if inner is None else f"{mark}{inner}]"
    return None


def _urlish(word: str) -> bool:
    return bool(_URL_START.match(word) or _EMAILISH.match(word) or ("@" in word and "." in word))


def _rejoin(prev: str, nxt: str) -> str | None:
    """`prev` (the last word of a line) and `nxt` (the first of the next) as one word, or None."""
    if prev.endswith(SOFT_HYPHEN):
        return prev[:-1] + nxt  # a real soft hyphen: where a word may break, never printed otherwise
    if _urlish(prev):
        if _URL_START.match(nxt):
            return None  # the next line's own address: two links, never one invented
        if prev.endswith(("@", "/", "_", "=", "?", "&", "#", "~", "-", ":", "%")):
            return prev + nxt
        if prev.endswith(".") and nxt[:1].islower() and _DOMAINISH.match(nxt.rstrip(".,;:)")):
            return prev + nxt
        if nxt.startswith(("/", "@", ".", "?", "&", "=", "#", "_")):
            return prev + nxt
        if _URL_START.match(prev) and _URL_CHARS.match(nxt) and re.search(r"[/=&?%#_]", nxt):
            return prev + nxt
        return None
    if nxt.startswith("@") and re.match(r"^[\w.+-]+$", prev):
        return prev + nxt  # an e-mail address broken before its @
    if len(prev) > 1 and prev.endswith("-") and prev[-2].isalnum():
        lower = prev[-2].isalpha() and prev[-2].islower() and nxt[:1].isalpha() and nxt[:1].islower()
        if lower and "-" not in prev[:-1]:
            # "inter-" + "national" (hyphenated to fit) or "one-" + "off" (a compound): the
            # paper's own spelling elsewhere decides (hyphens.resolve).
            return prev[:-1] + SOFT_HYPHEN + nxt
        return prev + nxt  # "2024-" + "25", "COVID-" + "19", "day-to-" + "day": part of it
    if len(prev) > 1 and prev.endswith("\u2013") and prev[-2].isdigit() and nxt[:1].isdigit():
        return prev + nxt  # "2024–" + "25"
    return None
