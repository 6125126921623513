"""Find in one document: the pages that contain the words, and where in their paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from memberdesk.library import Library
from memberdesk.reflow import paragraphs


@dataclass(frozen=True)
class Hit:
    page_index: int
    paragraph: int
    start: int
    end: int


@dataclass
class FindResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    current: int = 0


def find_in_document(library: Library, document_id: int, query: str, *, start_page: int = 0) -> FindResults:
    words = query.split()
    results = FindResults(query=" ".join(words))
    if not words:
        return results
    # Words may be split over lines in the PDF's text but not in a paragraph: match any spacing.
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for index, text in library.documents.pages_containing(document_id, words[0]):
        for number, para in enumerate(paragraphs(text)):
            for match in pattern.finditer(para.text):
                results.hits.append(Hit(index, number, match.start(), match.end()))
    # Start at the first match on or after the page being read.
    for position, hit in enumerate(results.hits):
        if hit.page_index >= start_page:
            results.current = position
            break
    return results
