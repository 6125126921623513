"""A paper's contents numbered as the paper numbers them, so "go to item 5" means the agenda's
item 5 and not the fifth bookmark (a pack's bookmarks begin with its front sheet and agenda).

An entry whose title starts with its own number ("5. Home Care ...", "4.2 Risks", "Item 7")
is known by that number; a numbered entry under a numbered one is known by both ("4.1" for
"1. Purpose" under "4. Performance"); any other entry by its place in the list, "#2".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.model import OutlineEntry

# "5.", "5)", "5a.", "4.2", "4.2.1", "Item 5", "Item 5:" at the start of a title.
_OWN_NUMBER = re.compile(r"^\s*(?:item\s+)?(\d{1,3}[a-z]?(?:\.\d{1,3})*)(?:[.):]\s*|\s+(?=\S))", re.IGNORECASE)


@dataclass(frozen=True)
class NumberedEntry:
    key: str  # what `j` takes: "5", "4.1" or "#2"
    title: str  # the title without its own number
    entry: OutlineEntry

    @property
    def own_number(self) -> bool:
        return not self.key.startswith("#")


def numbered(outline: Sequence[OutlineEntry]) -> list[NumberedEntry]:
    found: list[NumberedEntry] = []
    used: set[str] = set()
    parents: dict[int, str] = {}  # level -> the key of the last entry at that level
    for position, entry in enumerate(outline, start=1):
        match = _OWN_NUMBER.match(entry.title)
        rest = entry.title[match.end() :].strip() if match else ""
        key = ""
        if match and rest:
            number = match.group(1).lower()
            parent = parents.get(entry.level - 1, "") if entry.level > 0 else ""
            if parent and not parent.startswith("#") and "." not in number and not number.startswith(parent + "."):
                number = f"{parent}.{number}"
            if number not in used:
                key = number
        if not key:
            key, rest = f"#{position}", entry.title
        used.add(key)
        parents[entry.level] = key
        for deeper in [level for level in parents if level > entry.level]:
            del parents[deeper]
        found.append(NumberedEntry(key=key, title=rest, entry=entry))
    return found


def find(entries: Sequence[NumberedEntry], typed: str) -> NumberedEntry | None:
    """The entry `typed` names: its own number ("5", "4.1", "item 5"), "#N" for the Nth entry,
    or, when no entry has that number, the Nth entry."""
    key = typed.strip().lower().removeprefix("item").strip().rstrip(".")
    for entry in entries:
        if entry.key == key:
            return entry
    position = key.removeprefix("#")
    if position.isdigit() and 1 <= int(position) <= len(entries):
        return entries[int(position) - 1]
    return None


def line(entry: NumberedEntry) -> str:
    """How the entry is listed: its number as printed, then its title."""
    mark = f"{entry.key}." if entry.own_number and "." not in entry.key else entry.key
    return f"{mark} {entry.title}"
