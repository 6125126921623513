"""Following reading aloud in the text on screen: a document's sentences, and where each
one sits in the reflowed page the reader shows.

Sentences (memberdesk.speech.units) are spans of the *raw* page text, because that is what
the splitter understands (lines, table cells, headers and footers). The reader shows the
page *reflowed* (memberdesk.papers.reflow.paragraphs): lines joined, hyphen breaks rejoined,
runs of spaces collapsed. PageMap ties the two together character by character, so the
highlight covers exactly the words being spoken whichever way either side splits the
page, and "read from the reading line" can find the sentence under the line.
DocumentSentences also moves through a document by sentence and by paragraph, over pages.

No Textual here: the reader uses this, and so could plain mode.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from memberdesk.papers.reflow import Paragraph
from memberdesk.speech.laid_out import LaidOut
from memberdesk.speech.page_breaks import runs_on
from memberdesk.speech.units import Sentence, find_repeated_lines, page_sentences

# How far ahead to look for a character the reflow kept but the alignment lost track of.
# Reflow only drops whitespace and line-break hyphens, so this is a safety net, not a path.
_SEARCH_AHEAD = 200
RELOAD_EVERY = 1.0  # seconds: how often to look again for pages still being imported
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n")  # "environ-" at a line end: reflow may drop it


class PageMap:
    """Where each character of the reflowed paragraphs came from in the raw page text."""

    def __init__(self, page_text: str, paragraphs: Sequence[Paragraph]) -> None:
        self.page_text = page_text
        self._texts = [p.text for p in paragraphs]
        # offsets[p][k]: raw offset of paragraph p's character k. Non-decreasing across the
        # whole page (paragraphs come in page order), which makes look-ups a bisection.
        self.offsets: list[list[int]] = []
        pos = 0
        raw = page_text
        for para in paragraphs:
            these: list[int] = []
            for ch in para.text:
                if ch.isspace():
                    these.append(pos)  # a joining space: it stands where the line break was
                    continue
                found = self._find(raw, ch, pos)
                if found is None:
                    these.append(pos)  # unknown origin: keep order, do not advance
                    continue
                these.append(found)
                pos = found + 1
            self.offsets.append(these)

    @staticmethod
    def _find(raw: str, ch: str, pos: int) -> int | None:
        """The raw offset of `ch` at or after `pos`, skipping what reflow drops."""
        n = len(raw)
        while pos < n:
            if raw[pos].isspace() or (raw[pos] == "-" and ch != "-" and _LINE_END_HYPHEN.match(raw, pos)):
                pos += 1
                continue
            break
        if pos < n and raw[pos] == ch:
            return pos
        found = raw.find(ch, pos, pos + _SEARCH_AHEAD)
        return found if found >= 0 else None

    def to_paragraphs(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) spans of reflowed text showing raw text[start:end]."""
        spans: list[tuple[int, int, int]] = []
        for number, offsets in enumerate(self.offsets):
            if not offsets or offsets[-1] < start or offsets[0] >= end:
                continue
            first = bisect_left(offsets, start)
            last = bisect_left(offsets, end)
            text = self._texts[number]
            while first < last and text[first].isspace():
                first += 1
            while last > first and text[last - 1].isspace():
                last -= 1
            if last > first:
                spans.append((number, first, last))
        return spans

    def to_page(self, paragraph: int, offset: int) -> int:
        """The raw offset of reflowed (paragraph, offset); past the end for an unknown place."""
        if 0 <= paragraph < len(self.offsets) and self.offsets[paragraph]:
            these = self.offsets[paragraph]
            return these[max(0, min(offset, len(these) - 1))]
        return len(self.page_text)


def sentence_at(sentences: Sequence[Sentence], raw_offset: int) -> int | None:
    """Index of the sentence holding `raw_offset`, else the first after it; None if none."""
    ends = [s.end for s in sentences]
    index = bisect_right(ends, raw_offset)
    return index if index < len(sentences) else None


@dataclass(frozen=True)
class Place:
    """A sentence in the document: its page and its index among that page's sentences."""

    page: int
    number: int


class DocumentSentences:
    """The sentences of every page of one document, made on demand and kept.

    Running headers and footers are found once across all the pages (as
    document_sentences() does), so they are skipped on every page.
    `load_texts()` returns every page's text (None where there is none yet);
    `load_layout(index)` what the layout found on a page: its tables, for their headers, and
    its headings.
    """

    def __init__(
        self,
        load_texts: Callable[[], Sequence[str | None]],
        load_layout: Callable[[int], LaidOut] | None = None,
    ) -> None:
        self._load = load_texts
        self._layout = load_layout
        self.texts: list[str | None] = list(load_texts())
        self._keys = find_repeated_lines(self.texts)
        self._pages: dict[int, list[Sentence]] = {}
        self._loaded = time.monotonic()

    def __len__(self) -> int:
        return len(self.texts)

    def text(self, index: int) -> str | None:
        if 0 <= index < len(self.texts):
            if self.texts[index] is None:
                self._reload()  # a page still being imported may have arrived since
            return self.texts[index]
        return None

    def page(self, index: int) -> list[Sentence]:
        if index not in self._pages:
            text = self.text(index)
            if text is None:
                return []  # not there yet: do not remember "no sentences"
            laid = self._layout(index) if self._layout is not None and text else LaidOut()
            self._pages[index] = (
                page_sentences(text, boilerplate=laid.running(self._keys), tables=laid.tables, headings=laid.headings)
                if text
                else []
            )
        return self._pages[index]

    def read_on(self, places: Sequence[Place]) -> list[tuple[Place, str]]:
        """What is spoken for `places` read one after another: each sentence's words, and a
        sentence the page break cut said whole where it begins (page_breaks.runs_on), its end at
        the next page's top not said again."""
        out: list[tuple[Place, str]] = []
        for place in places:
            sentence = self.sentence(place)
            ends = Place(place.page - 1, len(self.page(place.page - 1)) - 1)  # the page before's last
            if out and place.number == 0 and out[-1][0] == ends and runs_on(self.sentence(ends), sentence):
                out[-1] = (ends, f"{out[-1][1]} {sentence.spoken}")
                continue
            out.append((place, sentence.spoken))
        return out

    def head_of(self, place: Place) -> Place:
        """Where the sentence that `place` belongs to is said: a page's first sentence that the
        page before's last runs on into (read_on) is said with that one."""
        if place.number == 0 and place.page > 0:
            ends = Place(place.page - 1, len(self.page(place.page - 1)) - 1)
            if ends.number >= 0 and runs_on(self.sentence(ends), self.sentence(place)):
                return ends
        return place

    def pages_from(self, found: Place, pages: int) -> tuple[list[Place], Place]:
        """The sentences of `pages` pages with any sentences, from `found`'s page, and where the
        pages after them start. A last sentence that runs on over the page takes its end from
        the next page's top with it (read_on says the two as one), and the pages after start
        past that end."""
        items: list[Place] = []
        page, taken = found.page, 0
        while page < len(self) and taken < pages:
            count = len(self.page(page))
            items.extend(Place(page, n) for n in range(count))
            taken += 1 if count else 0
            page += 1
        if items and page < len(self) and self.page(page) and self.head_of(Place(page, 0)) == items[-1]:
            items.append(Place(page, 0))
            return items, Place(page, 1)
        return items, Place(page, 0)

    def step_said(self, here: Place, delta: int, *, paragraph: bool = False) -> Place | None:
        """step_sentence (or step_paragraph) as reading aloud says them: the end of a sentence
        over the page is said with its start, so a step onto that end is one onto the start,
        and a step on from the start goes past its end."""
        move = self.step_paragraph if paragraph else self.step_sentence
        target = move(here, delta)
        if target is not None and delta > 0 and self.head_of(target) == here:
            target = move(target, delta)
        return self.head_of(target) if target is not None else None

    # -- moving through the document, sentence by sentence or paragraph by paragraph --------
    def sentence(self, place: Place) -> Sentence:
        return self.page(place.page)[place.number]

    def settle(self, place: Place) -> Place | None:
        """The first sentence at or after `place`, skipping pages with nothing to read."""
        page, number = place.page, place.number
        while page < len(self):
            if number < len(self.page(page)):
                return Place(page, number)
            page, number = page + 1, 0
        return None

    def last_before(self, page: int) -> Place | None:
        """The last sentence on the nearest page before `page` that has any."""
        while page > 0:
            page -= 1
            count = len(self.page(page))
            if count:
                return Place(page, count - 1)
        return None

    def step_sentence(self, here: Place, delta: int) -> Place | None:
        """The next (delta > 0) or previous sentence, across pages; None at either end."""
        if delta > 0:
            return self.settle(Place(here.page, here.number + 1))
        return Place(here.page, here.number - 1) if here.number > 0 else self.last_before(here.page)

    def step_paragraph(self, here: Place, delta: int) -> Place | None:
        """The first sentence of the next or previous paragraph (pages end paragraphs)."""
        sentences = self.page(here.page)
        paragraph = sentences[here.number].paragraph
        if delta > 0:
            for number in range(here.number + 1, len(sentences)):
                if sentences[number].paragraph != paragraph:
                    return Place(here.page, number)
            return self.settle(Place(here.page + 1, 0))
        first = here.number  # back to the first sentence of this paragraph, then one more
        while first > 0 and sentences[first - 1].paragraph == paragraph:
            first -= 1
        before = Place(here.page, first - 1) if first > 0 else self.last_before(here.page)
        if before is None:
            return None
        earlier = self.page(before.page)
        number = before.number
        while number > 0 and earlier[number - 1].paragraph == earlier[before.number].paragraph:
            number -= 1
        return Place(before.page, number)

    def _reload(self) -> None:
        if time.monotonic() - self._loaded < RELOAD_EVERY:
            return
        self._loaded = time.monotonic()
        fresh = list(self._load())
        if len(fresh) >= len(self.texts):
            self.texts = fresh
