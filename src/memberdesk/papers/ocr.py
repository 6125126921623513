"""Scanned and image-only pages -> text, with Tesseract (the `tesseract` program, run in a
subprocess: no Python binding, nothing to build).

which_pages() says which laid-out pages need it: no text at all on a page with a picture on
it, or a few words on a page a picture covers most of (a scan with a stamped page number).
read_page() draws the page at 300 dpi (papers/glyphs.py, pypdfium2; a page that declares an
absurd size is drawn at most pictures.MAX_PIXELS pixels), runs tesseract on it with a timeout,
and gives back the page in the layout engine's own shapes (PageLayout of paragraph Blocks, in
tesseract's reading order, columns one after the other), so papers/flow.py stores it as any
other page; with the mean word confidence and the words read with low confidence.

Nothing here raises: a page that cannot be drawn, a picture with no readable text, tesseract
missing or timing out, each gives OcrPage.problem, a phrase for a person.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from memberdesk.papers import glyphs, headings, pictures
from memberdesk.papers.layout import layout_page
from memberdesk.papers.ocr_tsv import LOW_CONFIDENCE, merged_tsv
from memberdesk.papers.shapes import PARAGRAPH, Block, Box, PageLayout, PageWords, PaperProblem, Word

DPI = 300
TIMEOUT = 120.0  # seconds for one page: a clean A4 page takes 2 to 5
TALLEST_WORD = 72.0  # points: a doubtful "word" taller than an inch is a line or box of a drawing
# A page "dominated by an image": its pictures cover at least this much of it ...
IMAGE_DOMINATED = 0.5
# ... and its own text is at most this many characters (a scan's stamp, a caption).
LITTLE_TEXT = 200

MISSING = "tesseract-missing"  # OcrPage.problem when there is no tesseract program
READING = "reading"  # pages.ocr_note while the page waits for OCR: "reading <pid of the reader>"
STOPPED = "reading its text was stopped before it finished"
NO_READABLE_TEXT = "this page is a picture with no readable text"
DAMAGED_PICTURE = "the picture on this page is damaged and cannot be read"
INSTALL_HINT = "to read text from scanned pages, add OCR: sudo apt-get install tesseract-ocr tesseract-ocr-eng"
SCAN_WARNING = "Text read from a scan: it may contain mistakes."
# A word read with low confidence is printed with this after it, so no one (eye, ear or
# braille) takes it as certain; the page's warning says what it means.
DOUBT = "(?)"
# pages.ocr_note of a page that is mostly a picture (a map, a plan, a chart) with a few words
# read from it: said as a picture, its words as labels, not as a page of text.
PICTURE = "picture"
PICTURE_WARNING = "This page is mostly a picture (a map, plan, photo or chart). Words read from the picture:"
# A scanned page of text has lines of several words; a map's or chart's labels stand alone.
PICTURE_WORDS_PER_LINE = 2.5
PICTURE_MAX_WORDS = 150
DOUBT_WARNING = f"Text read from a scan: it may contain mistakes, and words marked {DOUBT} were hard to read."


# The tesseract processes running now, so a cancelled import can stop them at once.
_RUNNING: set[subprocess.Popen[bytes]] = set()
_RUNNING_LOCK = threading.Lock()


def reading_note(pid: int | None = None) -> str:
    """pages.ocr_note of a page waiting for OCR by this process (its pid, so a reader can tell
    a page still coming from one whose reader was killed)."""
    return f"{READING} {pid or os.getpid()}"


def still_reading(note: str) -> bool | None:
    """None when `note` is not a waiting page's; else whether its reader is still alive."""
    if note != READING and not note.startswith(READING + " "):
        return None
    try:
        pid = int(note.split()[1])
    except (IndexError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _alive(pid)


def _alive(pid: int) -> bool:
    """A zombie (killed, not yet reaped by its parent) reads nothing any more."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


@dataclass(frozen=True)
class OcrPage:
    layout: PageLayout
    confidence: float | None = None  # mean word confidence, 0..100; None when nothing was read
    doubtful: tuple[str, ...] = ()  # words read with confidence below LOW_CONFIDENCE
    problem: str = ""  # why no text was read ("" when some was); MISSING when no tesseract
    picture: bool = False  # mostly a picture: its words are labels (a map's, a chart's)
    seconds: float = 0.0


@dataclass(frozen=True)
class _Word:
    text: str
    conf: float
    box: Box  # in points


@dataclass
class _Para:
    lines: list[list[_Word]] = field(default_factory=list)


def available() -> bool:
    return shutil.which("tesseract") is not None


def which_pages(path: Path | str, pages: Sequence[tuple[int, str]]) -> list[int]:
    """Indices of the pages that need OCR, of `pages` given as (index, the page's own text):
    no text on a page with a picture, or little text on a page mostly picture. Never raises."""
    candidates = [(i, text) for i, text in pages if len(text.strip()) <= LITTLE_TEXT]
    if not candidates:
        return []
    wanted = []
    try:
        with glyphs.open_document(path) as doc:
            for index, text in candidates:
                try:
                    cover = pictures.image_coverage(doc, index)
                except Exception:  # noqa: BLE001 - a page we cannot judge is not OCR'd
                    continue
                if (not text.strip() and cover > 0) or cover >= IMAGE_DOMINATED:
                    wanted.append(index)
    except PaperProblem:
        return []
    return wanted


def read_page(
    path: Path | str,
    index: int,
    languages: str = "eng",
    *,
    dpi: int = DPI,
    timeout: float = TIMEOUT,
    max_pixels: int = pictures.MAX_PIXELS,
) -> OcrPage:
    """Page `index` of the PDF at `path`, read by tesseract in `languages` ("eng", "eng+cym")."""
    import time

    started = time.monotonic()
    empty = PageLayout(index=index, width=0.0, height=0.0)
    program = shutil.which("tesseract")
    if program is None:
        return OcrPage(empty, problem=MISSING)
    try:
        with glyphs.open_document(path) as doc:
            image, drawn_dpi = pictures.render_page(doc, index, dpi, max_pixels)
    except PaperProblem as exc:
        return OcrPage(empty, problem=exc.reason)
    except Exception:  # noqa: BLE001 - pdfium failing on one page must not stop the others
        return OcrPage(empty, problem="this page could not be drawn to read its text")
    tsv, problem = run_tesseract(image, languages, timeout=timeout, program=program)
    if problem:
        return OcrPage(empty, problem=problem, seconds=time.monotonic() - started)
    page = to_layout(tsv, index, drawn_dpi)
    if page.picture:
        # Page segmentation looks for columns of text and misses labels scattered over a map;
        # tesseract's sparse-text mode finds them. Kept when it reads more.
        # Each mode finds labels the other misses: the words of both, each place read once.
        sparse, problem = run_tesseract(image, languages, timeout=timeout, program=program, psm=11)
        if not problem:
            page = replace(to_layout(merged_tsv(sparse, tsv), index, drawn_dpi), picture=True)
    if page.problem == NO_READABLE_TEXT and _damaged(path, index):
        page = replace(page, problem=DAMAGED_PICTURE)
    return replace(page, seconds=time.monotonic() - started)


def _damaged(path: Path | str, index: int) -> bool:
    try:
        with glyphs.open_document(path) as doc:
            return pictures.broken_images(doc, index) > 0
    except Exception:  # noqa: BLE001 - then it is only a picture without text
        return False


def run_tesseract(
    image: bytes, languages: str = "eng", *, timeout: float = TIMEOUT, program: str = "tesseract", psm: int = 3
) -> tuple[str, str]:
    """(tesseract's TSV for a PNM image, ""), or ("", why it could not read it)."""
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")  # one core a page: pages are read side by side instead
    try:
        child = subprocess.Popen(
            [program, "stdin", "stdout", "-l", languages or "eng", "--psm", str(psm), "tsv"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    except OSError as exc:
        return "", f"tesseract could not be run ({exc.strerror or exc})"
    with _RUNNING_LOCK:
        _RUNNING.add(child)
    try:
        out, err = child.communicate(image, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return "", f"reading the text of this page took longer than {timeout:.0f} seconds and was stopped"
    finally:
        with _RUNNING_LOCK:
            _RUNNING.discard(child)
    if child.returncode < 0:
        return "", STOPPED
    if child.returncode != 0:
        message = err.decode("utf-8", "replace")
        if "Failed loading language" in message or "Error opening data file" in message:
            return "", f"tesseract has no '{languages}' language data: install tesseract-ocr-{languages.split('+')[0]}"
        first = next((line.strip() for line in message.splitlines() if line.strip()), "")
        return "", f"tesseract could not read this page ({first[:120] or f'exit status {child.returncode}'})"
    return out.decode("utf-8", "replace"), ""


def stop_all() -> None:
    """Stop every tesseract this process is running (an import or sync cancelled): the
    pages they were reading are left unread, and say so."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for child in running:
        with contextlib.suppress(OSError):
            child.kill()


def to_layout(tsv: str, index: int, dpi: float) -> OcrPage:
    """tesseract's TSV -> the page as paragraph blocks in its reading order."""
    scale = 72 / dpi
    width = height = 0.0
    paras: dict[tuple[int, int], _Para] = {}
    order: list[tuple[int, int]] = []
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        try:
            level, block, par, line = int(cells[0]), int(cells[2]), int(cells[3]), int(cells[4])
            left, top, w, h = (float(c) * scale for c in cells[6:10])
            conf = float(cells[10])
        except ValueError:
            continue
        if level == 1:
            width, height = w, h
            continue
        text = cells[11].strip()
        if level != 5 or not text or conf < 0:
            continue
        if conf < LOW_CONFIDENCE and h > TALLEST_WORD:
            continue  # a drawing's edge taken for a letter: no word is that tall
        key = (block, par)
        if key not in paras:
            paras[key] = _Para()
            order.append(key)
        words = lines.get((block, par, line))
        if words is None:
            words = lines[(block, par, line)] = []
            paras[key].lines.append(words)
        words.append(_Word(text, conf, Box(left, top, left + w, top + h)))
    every = [w for k in order for line in paras[k].lines for w in line]
    blocks = _laid_out(paras, order, width, height)
    layout = PageLayout(index=index, width=width, height=height, blocks=tuple(blocks))
    if not blocks:
        return OcrPage(layout, problem=NO_READABLE_TEXT)
    mean = round(sum(w.conf for w in every) / len(every), 1)
    doubtful = tuple(w.text for w in every if w.conf < LOW_CONFIDENCE)
    line_count = sum(len(paras[k].lines) for k in order)
    picture = len(every) <= PICTURE_MAX_WORDS and len(every) / max(line_count, 1) < PICTURE_WORDS_PER_LINE
    return OcrPage(layout, confidence=mean, doubtful=doubtful, picture=picture)


def _laid_out(
    paras: dict[tuple[int, int], _Para], order: list[tuple[int, int]], width: float, height: float
) -> list[Block]:
    """The words as the layout engine reads positioned text (columns, paragraphs from line
    spacing and indents, headings by size); tesseract's own paragraphs if that fails."""
    lines = [
        line
        for key in order
        for line in paras[key].lines
        # specks read as punctuation alone, at low confidence, are noise
        if not all(w.conf < 30 and not any(c.isalnum() for c in w.text) for w in line)
    ]
    if not lines:
        return []
    # A line's height depends on whether it has capitals and descenders; its type does not.
    # Lines near the page's usual height are taken as body text of one size; others (headings,
    # small print) keep their own. Ascender to descender is about 1.1 ems.
    heights = [max(w.box.y1 for w in line) - min(w.box.y0 for w in line) for line in lines]
    usual = sorted(heights)[len(heights) // 2]
    words: list[Word] = []
    for line, height in zip(lines, heights):
        size = round(max(usual if 0.6 * usual <= height <= 1.35 * usual else height, 1.0) / 1.1, 1)
        # Every word of a line gets the box a PDF glyph has (ascender to descender about its
        # baseline), so a line of small letters ("concerts.") sits where a line with capitals
        # would: the baseline is the highest word bottom, a word without a descender.
        base = min(w.box.y1 for w in line)
        top, bottom = base - 0.8 * size, base + 0.25 * size
        words.extend(
            Word(text=_marked(w), box=Box(w.box.x0, top, w.box.x1, bottom), size=size, order=len(words) + n)
            for n, w in enumerate(line)
        )
    if not words:
        return []
    try:
        return layout_page(PageWords(index=0, width=width, height=height, rotation=0, words=tuple(words)))
    except Exception:  # noqa: BLE001 - a layout bug must not lose what was read
        blocks = [b for b in (_block(paras[k], width, height) for k in order) if b is not None]
        return _judged(blocks)


def _marked(word: _Word) -> str:
    """The word as shown: with DOUBT after it when tesseract was unsure of a real word."""
    if word.conf < LOW_CONFIDENCE and any(c.isalnum() for c in word.text):
        return word.text + DOUBT
    return word.text


def _block(para: _Para, width: float, height: float) -> Block | None:
    words = [w for line in para.lines for w in line]
    # Specks read as punctuation alone, at low confidence, are noise, not text.
    if not words or all(w.conf < 30 and not any(c.isalnum() for c in w.text) for w in words):
        return None
    text = ""
    for line in para.lines:
        joined = " ".join(_marked(w) for w in line)
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and joined[:1].islower():
            text = text[:-1] + joined  # a word broken at the line's end
        else:
            text = f"{text} {joined}" if text else joined
    box = Box(
        min(w.box.x0 for w in words),
        min(w.box.y0 for w in words),
        max(w.box.x1 for w in words),
        max(w.box.y1 for w in words),
    )
    # A line's height from ascender to descender is about the font size.
    heights = sorted(max(w.box.height for w in line) for line in para.lines)
    size = round(heights[len(heights) // 2], 1)
    return Block(
        text=text,
        kind=PARAGRAPH,
        box=box,
        where=box.scaled(width, height),
        size=size,
        bold=False,
        lines=len(para.lines),
    )


def _judged(blocks: list[Block]) -> list[Block]:
    """Headings by size against the page's body text, as the layout engine judges them."""
    if not blocks:
        return blocks
    try:
        body, body_bold = headings.body_size(blocks)
        return headings.judge(blocks, body, body_bold, headings.heading_sizes(blocks, body, body_bold))
    except Exception:  # noqa: BLE001 - a page read as paragraphs only is still read
        return blocks
