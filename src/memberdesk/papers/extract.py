"""The one way in: a PDF's pages -> layouts in reading order; a paper's layouts -> labels,
furniture, headings and title.

extract_pages() does the per-page work and is safe to call in worker processes (fork or
spawn): it opens the file itself, keeps nothing open afterwards, and a page that fails gives
its problem instead of losing the paper. finish_document() needs every page at once (running
headers, page-number runs and heading levels are judged across the paper) and reads no file.
"""

from __future__ import annotations

import gc
import statistics
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from memberdesk.papers import (
    figures,
    furniture,
    glyphs,
    headings,
    hyphens,
    rules,
    sideways,
    struck,
    table_pages,
    titles,
)
from memberdesk.papers.layout import layout_page
from memberdesk.papers.shapes import HEADING, Box, DocumentLayout, Heading, PageFinish, PageLayout, PaperProblem, Word

DAMAGED_PAGE = "this page is damaged and could not be read"


def page_count(path: Path | str) -> int:
    """How many pages the PDF has; raises PaperProblem when it cannot be opened."""
    with glyphs.open_document(path) as doc:
        return glyphs.page_count(doc)


_PAUSES = threading.Lock()
_paused = [0, False]  # extractions under way in this process; whether the collector was on


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while pages are read. A page makes thousands of small
    objects (glyph runs, words, boxes, lines), none of them in a cycle, and the collector's
    passes over them took ~13% of extraction's CPU (measured: the corpus 3.6 -> 3.2 s, a
    500-page pack 11.6 -> 10.1 s). Reference counting still frees everything at once; a cycle
    made meanwhile is collected once the last extraction in the process (threads) is done."""
    with _PAUSES:
        if _paused[0] == 0:
            _paused[1] = gc.isenabled()
            gc.disable()
        _paused[0] += 1
    try:
        yield
    finally:
        with _PAUSES:
            _paused[0] -= 1
            if _paused[0] == 0 and _paused[1]:
                gc.enable()


def extract_pages(
    path: Path | str, start: int = 0, stop: int | None = None, added: frozenset[int] = frozenset()
) -> list[PageLayout]:
    """Pages start..stop-1 (clipped to the paper) as blocks in reading order; `added`, the
    inks the paper marks its changes in (changes_across).

    Raises PaperProblem only when the file as a whole cannot be opened.
    """
    out: list[PageLayout] = []
    with glyphs.open_document(path) as doc, _collector_paused():
        count = glyphs.page_count(doc)
        stop = count if stop is None else min(stop, count)
        wanted = range(max(start, 0), stop)
        fields: dict[int, list[Word]] = {}
        if glyphs.has_form(doc):
            from memberdesk.papers.forms import form_words  # pypdf, only for papers with forms

            fields = form_words(path, wanted)
        for index in wanted:
            out.append(_page(doc, index, fields.get(index, []), added))
    return out


def changes_across(path: Path | str, pages: Sequence[PageLayout]) -> list[PageLayout]:
    """The pages, those that strike nothing through but print words in the colour the paper's
    tracked changes strike words in laid out again with those words marked added: a page of
    new clauses in red, after the pages that strike old ones in red, was read as the paper's
    standing text."""
    changed = [p.index for p in pages if p.changes]
    inks = frozenset().union(*(p.changes for p in pages))
    out = list(pages)
    for n, page in enumerate(out):
        # Only near the pages that strike words through: one appendix of tracked changes in
        # red says nothing of a red RAG rating in another report of the pack.
        near = any(abs(page.index - k) <= CHANGES_NEAR for k in changed)
        if inks and near and not page.changes and not page.problem and page.inks & inks:
            try:
                out[n] = extract_pages(path, page.index, page.index + 1, page.inks & inks)[0]
            except PaperProblem:
                pass  # read once already: that reading stands
    return out


CHANGES_NEAR = 5  # pages from one that strikes words through within which its colour marks additions


def _page(doc: object, index: int, extra: list[Word], added: frozenset[int] = frozenset()) -> PageLayout:
    drawn: tuple[Box, ...] = ()
    try:
        with glyphs.open_page(doc, index) as page:  # loaded once for its words and its rules
            words = glyphs.read_words(page, index)
            try:
                drawn = rules.read_page(page)
            except Exception:  # noqa: BLE001 - without its lines a table is still found by its words
                drawn = ()
    except PaperProblem as exc:
        return PageLayout(index=index, width=0.0, height=0.0, problem=exc.reason)
    except Exception:  # noqa: BLE001 - one bad page must not lose the paper
        return PageLayout(index=index, width=0.0, height=0.0, problem=DAMAGED_PAGE)
    try:
        words, drawn, extra = sideways.turn(words, drawn, extra)  # text drawn turned a quarter: read upright
        blocks = layout_page(words, extra, drawn, added=added)
        pictures = list(words.figures)
        if charts := [f.box for f in figures.charts(pictures, blocks)]:  # a chart taken for a table
            blocks = layout_page(words, extra, drawn, charts, added)
        if inside := figures.in_tables(pictures, blocks):  # a table's symbols, read in their cells
            size = statistics.median(w.size for w in words.words) if words.words else 10.0
            blocks = layout_page(words, [*extra, *figures.cell_words(inside, size)], drawn, charts, added)
            pictures = [f for f in pictures if f not in inside]
        blocks = figures.place(blocks, pictures, words.width, words.height, first=index == 0)
        changes = struck.change_inks(words.words, drawn) if drawn else frozenset()
        inks = struck.coloured_inks(words.words)
    except Exception:  # noqa: BLE001 - a layout bug on one page still leaves the others
        return PageLayout(index=index, width=words.width, height=words.height, problem=DAMAGED_PAGE)
    note = ""
    if words.truncated:
        note = f"only the first {words.chars_read:,} of {words.chars_total:,} characters on this page were read"
    return PageLayout(
        index=index,
        width=words.width,
        height=words.height,
        blocks=tuple(blocks),
        note=note,
        changes=changes,
        inks=inks,
    )


def finish_document(pages: Sequence[PageLayout]) -> DocumentLayout:
    """Words broken at a line's hyphen, printed labels, running headers/footers and headings,
    judged across the whole paper.

    `pages` are every page of one paper, in order (as extract_pages returned them, perhaps
    in chunks from several workers)."""
    pages = table_pages.join(hyphens.resolve(sorted(pages, key=lambda p: p.index)))
    judged, body = headings.rejudge([list(p.blocks) for p in pages])
    final = [replace(page, blocks=tuple(blocks)) for page, blocks in zip(pages, judged)]
    finish = furniture.find(final)
    final = [_without_stamps(page, done) for page, done in zip(final, finish)]
    found: list[Heading] = []
    for page, done in zip(final, finish):
        for k, block in enumerate(page.blocks):
            if block.kind == HEADING and k not in done.furniture and block.level:
                found.append(Heading(page=page.index, level=block.level, text=block.text))
    return DocumentLayout(pages=tuple(final), finish=tuple(finish), headings=tuple(found), body_size=body)


def _without_stamps(page: PageLayout, done: PageFinish) -> PageLayout:
    """The page with the stamps cut off the text they were printed with (furniture.find)."""
    if not done.kept:
        return page
    blocks = list(page.blocks)
    for k, text in done.kept:
        blocks[k] = replace(blocks[k], text=text)
    return replace(page, blocks=tuple(blocks))


def paper_title(path: Path | str, document: DocumentLayout) -> str:
    """The title from metadata unless it is a template's, else page one's first heading."""
    try:
        with glyphs.open_document(path) as doc:
            meta = glyphs.metadata_title(doc)
    except PaperProblem:
        meta = ""
    return title_of(meta, Path(path).name, document)


def title_of(meta: str, file_name: str, document: DocumentLayout) -> str:
    """The title for a paper laid out, from its metadata's, its file's name and page one: its
    own text (running lines left out), all it prints (for a label) and its running header."""
    if not document.pages:
        return titles.choose_title(meta, file_name, [])
    first, done = document.pages[0], document.finish[0]
    blocks = [b for k, b in enumerate(first.blocks) if k not in done.furniture]
    return titles.choose_title(meta, file_name, blocks, [b.text for b in first.blocks], done.header)
