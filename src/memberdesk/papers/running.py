"""Running headers and footers: the lines a paper repeats at the top or bottom of most pages.

They are heard once (in the status line or `w`), not read as the first and last sentence of
every page, and are left out of speech, paragraph joining and search ranking.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


# A page number in roman figures, alone or after "Page" ("iii", "Page xii of 40"): packs
# number their front pages so, and their footers must be skipped like "Page 3".
_ROMAN_PAGE = re.compile(r"^(page\s+)?(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})(\s+of\s+#)?$")


def line_key(line: str) -> str:
    """How a line is compared across pages: numbers ignored, so 'Page 3' == 'Page 14' == 'Page ii'."""
    key = _SPACES.sub(" ", _DIGITS.sub("#", line)).strip().lower()
    match = _ROMAN_PAGE.match(key)
    if match:
        key = f"{match.group(1) or ''}#{match.group(2) or ''}"
    return key


def find_repeated_lines(pages: Sequence[str | None], *, edge_lines: int = 3, min_share: float = 0.6) -> frozenset[str]:
    """Keys (see line_key) of lines repeated at the top or bottom of most pages.

    Only the first and last `edge_lines` non-blank lines of each page are considered,
    so a phrase that recurs in body text is never dropped. Needs at least 3 pages: with
    fewer there is no telling a running header from a coincidence.
    """
    texts = [p for p in pages if p]
    if len(texts) < 3:
        return frozenset()
    counts: Counter[str] = Counter()
    numbers: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for index, text in enumerate(pages):
        lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
        edges = {line_key(ln): ln for ln in lines[:edge_lines] + lines[-edge_lines:]}
        edges.pop("", None)
        counts.update(edges.keys())
        for key, line in edges.items():
            numbers.setdefault(key, []).append((index, tuple(int(n) for n in _DIGITS.findall(line))))
    needed = max(3, math.ceil(min_share * len(texts)))
    # A lone page number ("3", "- 3 -") is a footer too, whatever the share.
    keys = {key for key, n in counts.items() if n >= needed and not numbered_label(numbers[key])}
    return frozenset(keys | {k for k, n in counts.items() if n >= 3 and _only_number(k)})


def _only_number(key: str) -> bool:
    return bool(re.fullmatch(r"[\W#_]*#[\W#_]*", key))


def without_running_lines(text: str, running: frozenset[str], edge: int = 3) -> str:
    """The page text without the header and footer lines it shares with the other pages."""
    if not running:
        return text
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    drop = {i for i in filled[:edge] + filled[-edge:] if line_key(lines[i].strip()) in running}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def numbered_label(seen: list[tuple[int, tuple[int, ...]]]) -> bool:
    """The same words with a number that goes up at each printing, but more slowly than the
    pages do: "Question 1" at the top of question 1's first page, "Question 2" two pages on.
    That labels what follows. A running line's number is a date (the same on every page) or a
    page number (up as the pages go, or starting again)."""
    if len(seen) < 2 or len({n for _, n in seen}) < len(seen):
        return False
    slower = False
    for (p0, a), (p1, b) in zip(seen, seen[1:]):
        changed = [(x, y) for x, y in zip(a, b) if x != y]
        if len(a) != len(b) or len(changed) != 1 or not 0 < changed[0][1] - changed[0][0] <= p1 - p0:
            return False
        slower = slower or changed[0][1] - changed[0][0] < p1 - p0
    return slower
