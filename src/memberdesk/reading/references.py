"""Page references in the text: an agenda's "(Pages 31 - 190)", "see page 12", "p. 4".

They name pages as printed, so the reader can follow them to the page a person means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_REFERENCE = re.compile(
    r"\b(?:pages?|pp?\.)\s+(?P<first>[0-9]{1,4}|[ivxlc]{1,7})(?:\s*(?:-|–|—|to)\s*(?P<last>[0-9]{1,4}|[ivxlc]{1,7}))?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageReference:
    first: str  # the printed label the reference starts at
    last: str  # and ends at ("" for a single page)
    start: int  # where it stands in the paragraph
    end: int

    def words(self) -> str:
        return f"pages {self.first} to {self.last}" if self.last else f"page {self.first}"


def page_references(text: str) -> list[PageReference]:
    return [
        PageReference(m.group("first"), m.group("last") or "", m.start(), m.end()) for m in _REFERENCE.finditer(text)
    ]
