"""Find in one document: the pages that contain the words, and where in their paragraphs.

Two ways to ask: the reader's own find looks for the words as typed, together (like a
browser's find); a result opened from "search everything" marks each search term, the way the
search matched them ("phrases", prefix*).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from memberdesk.library import Library
from memberdesk.library.search import SearchError, fts_query
from memberdesk.papers.reflow import Paragraph


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


def _literal(query: str) -> tuple[re.Pattern[str] | None, str]:
    words = query.split()
    if not words:
        return None, ""
    # Words may be split over lines in the PDF's text but not in a paragraph: match any spacing.
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE), words[0]


def _as_search(query: str) -> tuple[re.Pattern[str] | None, str]:
    try:
        _, terms = fts_query(query)
    except SearchError:
        return None, ""
    alternatives = []
    for words in terms:
        prefix = words[-1] == "*"
        words = words[:-1] if prefix else words
        alternatives.append(r"\b" + r"\W+".join(re.escape(w) for w in words) + (r"\w*" if prefix else r"\b"))
    return re.compile("|".join(alternatives), re.IGNORECASE), terms[0][0]


def find_in_pages(
    library: Library,
    document_id: int,
    query: str,
    paragraphs_of: Callable[[int], list[Paragraph] | None],
    *,
    start_page: int = 0,
    as_search: bool = False,
) -> FindResults:
    """Matches in the paragraphs `paragraphs_of(page)` gives: the ones the reader shows, so
    a hit's paragraph number is the paragraph on screen (or said in plain mode)."""
    results = FindResults(query=" ".join(query.split()))
    pattern, first_word = (_as_search if as_search else _literal)(query)
    if pattern is None:
        return results
    for index, _ in library.documents.pages_containing(document_id, first_word):
        for number, para in enumerate(paragraphs_of(index) or []):
            for match in pattern.finditer(para.text):
                results.hits.append(Hit(index, number, match.start(), match.end()))
    # Start at the first match on or after the page being read.
    for position, hit in enumerate(results.hits):
        if hit.page_index >= start_page:
            results.current = position
            break
    return results
