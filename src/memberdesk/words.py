"""Numbers in words as people read them: "1 page", "2 pages"."""

from __future__ import annotations


def plural(count: int, word: str, many: str = "") -> str:
    """'1 page', '3 pages', '1,200 pages'; `many` for words that do not just add an s."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def imported_words(done: int, not_done: int) -> str:
    """'3 papers imported, 7 not': what an import stopped early (a full disk, a stop) kept."""
    return f"{plural(done, 'paper')} imported, {not_done:,} not"


def document_words(title: str, *, status: str, pages: int, version: int = 1, marker: str = "") -> str:
    """A paper in words, title first (a screen reader hears what it is first), markers in words."""
    if status == "restricted":
        return f"{title}, restricted: not published"
    version_words = f", version {version}" if version > 1 else ""
    marker_words = f", {marker}" if marker else ""
    return f"{title}, {plural(pages, 'page')}{version_words}{marker_words}"
