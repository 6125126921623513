"""What the layout found on a page, handed to speech: its tables and its headings. Pure data;
the reading session makes it from the stored blocks (ReadingSession.laid_out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.papers.shapes import Table


@dataclass(frozen=True)
class LaidOut:
    """What the layout found on a page, for speech: its tables (top to bottom, for their
    headers) and its headings' texts. `headings` is None for a page stored without its
    blocks: then a heading is judged from the text alone."""

    tables: Sequence[Table] = ()
    headings: frozenset[str] | None = None

    def running(self, repeated: frozenset[str]) -> frozenset[str]:
        """The lines to leave unsaid as running headers: none on a page the layout laid out
        (it left its running lines out of the text already, and what it kept, such as a
        meeting's name over each question, the reader shows), else those found repeated."""
        return repeated if self.headings is None else frozenset()
