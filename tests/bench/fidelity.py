"""How faithfully memberdesk keeps a real paper's text, measured against poppler's pdftotext.

Shared by bench_fidelity.py and the corpus tests. Everything here goes through memberdesk's
public surface: the command line (`import`, then `text`).

The measures:
- word recall: of pdftotext's words (a multiset, normalised), the share memberdesk's text also has;
- pair recall: the same for adjacent word pairs. Its reference is only the pairs that pdftotext's
  reading order *and* its -layout order agree on. On their own, reading order reads a spreadsheet
  column by column, and -layout runs slide columns together line by line. Pairs both modes agree
  on (within a line of a paragraph, within a table row) are the ones that are unambiguously
  adjacent;
- label accuracy: pages carrying a printed page number (corpus.toml `stamps`) whose
  `--- page LABEL ---` header shows that number.

A line pdftotext finds on three or more pages (a table's header, repeated on each page the table
runs over; memberdesk prints it once) is counted once in the reference.

Running headers and footers are left out of both sides. They are found in pdftotext's per-page
output: lines that recur, digits aside, among the first or last three lines of most pages.
A running line with words in it is stripped wherever it is; a bare number only in those zones,
so table cells elsewhere on the page are never taken for page numbers.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MANIFEST = CORPUS / "corpus.toml"
SOURCES = CORPUS / "SOURCES.md"
KINDS = ("pack", "agenda", "minutes", "finance", "slides", "notice", "form", "designed", "scan")

ZONE = 3  # lines at the top and at the foot of a page where running headers/footers live
RUNNING_SHARE = 0.5  # ... recurring on at least this share of pages (and on 3 pages or more)


# --- the corpus --------------------------------------------------------------------------------


@dataclass
class CorpusFile:
    name: str
    path: Path
    kind: str
    pages: int
    stamps: dict[int, str]  # PDF page (1-based) -> printed label it carries
    stamp_kind: str  # "moderngov" (a pack's "Page N" stamp) or "printed" (the document's own)
    phrases: list[str]
    image_only: bool
    entry: dict = field(repr=False)


def stamps_of(entry: dict) -> dict[int, str]:
    """The stamps a corpus.toml entry lists, from its `stamp_rule` and its `stamps` table."""
    stamps: dict[int, str] = {}
    rule = entry.get("stamp_rule")
    if rule:
        skip = set(rule.get("skip", ()))
        number = rule.get("first_number", 1)
        for page in range(rule["first"], rule["last"] + 1):
            if page in skip:
                continue
            stamps[page] = str(number)
            number += 1
    for page, label in entry.get("stamps", {}).items():
        stamps[int(page)] = str(label)
    return stamps


def load_corpus(manifest: Path = MANIFEST) -> list[CorpusFile]:
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    files = []
    for entry in data["file"]:
        files.append(
            CorpusFile(
                name=entry["name"],
                path=manifest.parent / entry["name"],
                kind=entry["kind"],
                pages=entry["pages"],
                stamps=stamps_of(entry),
                stamp_kind=entry.get("stamp_kind", "printed"),
                phrases=list(entry.get("phrases", ())),
                image_only=bool(entry.get("image_only", False)),
                entry=entry,
            )
        )
    return files


# --- normalising text into words ---------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u00ad": "",
    }
)
_LETTER = r"[^\W\d_]"
_BROKEN = re.compile(rf"(?<={_LETTER})-[ \t]*\n[ \t]*(?={_LETTER})")  # "coproduc-\ning"
_JOINED = re.compile(rf"(?<={_LETTER})-(?={_LETTER})")  # "whole-family"
_TOKEN = re.compile(r"[^\W_]+(?:['.,][^\W_]+)*")  # words and numbers ("1,432.3", "carer's")


def normalise(text: str) -> str:
    """Case, compatibility forms (ligatures), quotes and dashes folded. Hyphens between letters
    go, both at a line break and within a word, so a dehyphenating reflow and pdftotext agree."""
    text = unicodedata.normalize("NFKC", text.translate(_FOLD)).translate(_FOLD).lower()
    return _JOINED.sub("", _BROKEN.sub("", text))


def words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def pairs(tokens: Sequence[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:], strict=False))


def line_key(line: str) -> str:
    """A line as running headers are compared: normalised, spaces collapsed, digits as '#'."""
    return re.sub(r"\d+", "#", " ".join(normalise(line).split()))


# --- running headers and footers ---------------------------------------------------------------


def _lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip()]


def _zones(items: Sequence[str]) -> set[int]:
    return set(range(min(ZONE, len(items)))) | set(range(max(0, len(items) - ZONE), len(items)))


def running_lines(pages: Sequence[str]) -> set[str]:
    """Keys of lines recurring in the top or bottom zone of most pages ('page # of #', '#')."""
    if len(pages) < 3:
        return set()
    counts: Counter = Counter()
    for page in pages:
        lines = _lines(page)
        counts.update({line_key(lines[i]) for i in _zones(lines)})
    need = max(3, math.ceil(RUNNING_SHARE * len(pages)))
    return {key for key, count in counts.items() if count >= need and re.search(r"[#\w]", key)}


def strip_running(page: str, running: set[str]) -> str:
    """The page without its running lines. A line with words in it ('page # of #') goes wherever
    it is (pdftotext sometimes reads a stamp in mid-page, as in a table); a bare number ('#') only
    in the top and bottom zones, so table cells elsewhere are never taken for page numbers."""
    lines = _lines(page)
    zones = _zones(lines)

    def running_here(i: int, line: str) -> bool:
        key = line_key(line)
        return key in running and (i in zones or re.search(r"[^\W\d_]", key) is not None)

    return "\n".join(line for i, line in enumerate(lines) if not running_here(i, line))


# --- the reference: pdftotext ------------------------------------------------------------------


def pdftotext_pages(path: Path, layout: bool = False) -> list[str]:
    """pdftotext's text, one string per page (reading order, or -layout)."""
    command = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass
class Reference:
    running: set[str]
    words: Counter
    pairs: Counter


def repeated_lines(pages: Sequence[str]) -> set[str]:
    """Keys of lines with words that pdftotext finds on three or more pages, anywhere: above all
    a table's header row, repeated on each page the table runs over. memberdesk joins such a
    table into one and prints its header once (as the tables issue asks), so the reference
    counts each such line once: fewer words asked for, never a line memberdesk lacks."""
    counts: Counter = Counter()
    for page in pages:
        counts.update({line_key(line) for line in _lines(page)})
    return {key for key, count in counts.items() if count >= 3 and re.search(r"[^\W\d_]", key)}


def _once(page: str, repeated: set[str], seen: set[str]) -> str:
    kept = []
    for line in _lines(page):
        key = line_key(line)
        if key in repeated:
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def reference(path: Path) -> Reference:
    raw = pdftotext_pages(path)
    layout = pdftotext_pages(path, layout=True)
    running = running_lines(raw)
    repeated, seen = repeated_lines([strip_running(page, running) for page in raw]), set()
    raw_words, raw_pairs, layout_pairs = Counter(), Counter(), Counter()
    for page in raw:
        tokens = words(_once(strip_running(page, running), repeated, seen))
        raw_words.update(tokens)
        raw_pairs.update(pairs(tokens))
    for page in layout:
        layout_pairs.update(pairs(words(strip_running(page, running))))
    return Reference(running=running, words=raw_words, pairs=raw_pairs & layout_pairs)


# --- memberdesk's side: the CLI ----------------------------------------------------------------

_PAGE_HEADER = re.compile(r"^--- page (.*?) ---$")


def memberdesk(*args: str, library: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "memberdesk", "--library", str(library), *args], capture_output=True, text=True
    )


def compile_memberdesk() -> None:
    """Byte-compile memberdesk as an install does (pip writes .pyc files), so that timed commands
    do not compile ~70 modules from source each time where PYTHONDONTWRITEBYTECODE is set
    (0.1 s or more per command here)."""
    import compileall

    import memberdesk

    compileall.compile_dir(Path(memberdesk.__file__).parent, quiet=1)


def import_file(library: Path, path: Path) -> tuple[int, float]:
    """`memberdesk import PATH` into LIBRARY: the document id and the command's wall time."""
    start = time.perf_counter()
    done = memberdesk("import", str(path), library=library)
    took = time.perf_counter() - start
    found = re.search(r"document (\d+)\)", done.stdout)
    if done.returncode or not found:
        raise RuntimeError(f"memberdesk import {path.name} failed ({done.returncode}): {done.stderr.strip()}")
    return int(found.group(1)), took


def document_text(library: Path, doc: int) -> tuple[str, bool]:
    """`memberdesk text DOC --all`, or plain `text DOC` (which prints every page) where the command
    has no --all yet. Returns the output and whether --all was there."""
    done = memberdesk("text", str(doc), "--all", library=library)
    if done.returncode == 2 and "--all" in done.stderr:
        done = memberdesk("text", str(doc), library=library)
        with_all = False
    else:
        with_all = True
    if done.returncode:
        raise RuntimeError(f"memberdesk text {doc} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout, with_all


def split_pages(output: str) -> list[tuple[str, str]]:
    """`text` output as (label, text) per page, from its '--- page LABEL ---' lines."""
    pages: list[tuple[str, list[str]]] = []
    for line in output.splitlines():
        header = _PAGE_HEADER.match(line)
        if header:
            pages.append((header.group(1).strip(), []))
        elif pages:
            pages[-1][1].append(line)
    return [(label, "\n".join(lines)) for label, lines in pages]


# --- comparing ---------------------------------------------------------------------------------


def recall(ref: Counter, ours: Counter) -> tuple[int, int]:
    """(matched, total) of a reference multiset found in ours."""
    return sum((ref & ours).values()), sum(ref.values())


def ratio(part: tuple[int, int]) -> float | None:
    matched, total = part
    return matched / total if total else None


def label_accuracy(stamps: dict[int, str], labels: Sequence[str]) -> tuple[int, int, list[tuple[int, str, str]]]:
    """(right, stamped, wrong): wrong lists (pdf page, printed label, label shown)."""
    wrong = []
    for page, printed in sorted(stamps.items()):
        shown = labels[page - 1] if page - 1 < len(labels) else "(missing)"
        if shown != printed:
            wrong.append((page, printed, shown))
    return len(stamps) - len(wrong), len(stamps), wrong


def phrases_in_order(tokens: Sequence[str], phrases: Iterable[str]) -> list[bool]:
    """For each phrase: found, as consecutive words, after the previous phrase found."""
    found, start = [], 0
    for phrase in phrases:
        want = words(phrase)
        at = _find(tokens, want, start) if want else -1
        found.append(at >= 0)
        if at >= 0:
            start = at + len(want)
    return found


def _find(tokens: Sequence[str], want: Sequence[str], start: int) -> int:
    first, size = want[0], len(want)
    for i in range(start, len(tokens) - size + 1):
        if tokens[i] == first and list(tokens[i : i + size]) == list(want):
            return i
    return -1


@dataclass
class Fidelity:
    words: tuple[int, int]
    pairs: tuple[int, int]
    labels: tuple[int, int]
    wrong_labels: list[tuple[int, str, str]]
    phrases: tuple[int, int]
    pages_ours: int


def measure(item: CorpusFile, ref: Reference, output: str) -> Fidelity:
    """memberdesk's `text` output for ITEM against pdftotext's reference."""
    pages = split_pages(output)
    our_words: Counter = Counter()
    our_pairs: Counter = Counter()
    stream: list[str] = []
    for _label, text in pages:
        tokens = words(strip_running(text, ref.running))
        our_words.update(tokens)
        our_pairs.update(pairs(tokens))
        stream.extend(words(text))
    right, stamped, wrong = label_accuracy(item.stamps, [label for label, _ in pages])
    found = phrases_in_order(stream, item.phrases)
    return Fidelity(
        words=recall(ref.words, our_words),
        pairs=recall(ref.pairs, our_pairs),
        labels=(right, stamped),
        wrong_labels=wrong,
        phrases=(sum(found), len(found)),
        pages_ours=len(pages),
    )
