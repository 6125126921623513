"""Sentence splitting: ours (memberdesk.speech.units) against pysbd (a script; not collected by pytest).

    .venv/bin/pip install pysbd   # only for this comparison; memberdesk does not depend on it
    .venv/bin/python tests/bench/bench_sentences.py [--pages 20] [--rounds 3]

1. Accuracy on SENTENCE_TABLE (tests/unit/test_speech_units.py): council prose with "Cllr.",
   "No. 3", "para. 4.2", "£1.2m", "e.g.", "Mr. J. Smith", "Appendix A.", quotes, brackets...
   Each splitter gets the same line; a case is right when every boundary is. pysbd runs as
   `Segmenter(language="en", clean=False, char_span=True)`, its spans checked for exactness.
2. Speed: ms per 1,000 sentences on the table, and per generated 540-word page (numbered
   paragraphs, tests/bench/common.py) through page_sentences(), with pysbd swapped in as the
   splitter for its figure. Budget: a page is split when it is read, so under 20 ms a page.
3. "pysbd+our rules": pysbd's boundaries, minus those our abbreviation rules call no break
   (what combining the two would give).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "src"))
sys.path.insert(0, str(ROOT / "unit"))
sys.path.insert(0, str(ROOT / "bench"))

from common import page_text  # noqa: E402
from test_speech_units import SENTENCE_TABLE  # noqa: E402

from memberdesk.speech import sentence_breaks, units  # noqa: E402

PAGE_BUDGET_MS = 20.0
Spans = list[tuple[int, int]]


ours: Callable[[str], Spans] = units._split_sentences  # the splitter page_sentences() uses


def make_pysbd() -> Callable[[str], Spans] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> Spans:
        spans = []
        for piece in segmenter.segment(text):
            if text[piece.start : piece.end] != piece.sent:
                raise AssertionError(f"pysbd span {piece.start}:{piece.end} is not {piece.sent!r}")
            lead = len(piece.sent) - len(piece.sent.lstrip())
            if piece.sent.strip():
                spans.append((piece.start + lead, piece.start + len(piece.sent.rstrip())))
        return spans

    return split


def combined(split: Callable[[str], Spans]) -> Callable[[str], Spans]:
    """pysbd's boundaries, then our abbreviation rules undo the ones they call no break."""

    def run(text: str) -> Spans:
        merged: Spans = []
        for start, end in split(text):
            if merged:
                first, last = merged[-1]
                punct = re.search(r"""[.!?]+["'”’)\]]*$""", text[first:last])
                if punct and sentence_breaks.not_a_break(
                    text[first : last - len(punct.group())], punct.group(), text[start:]
                ):
                    merged[-1] = (first, end)
                    continue
            merged.append((start, end))
        return merged

    return run


def trimmed(text: str, spans: Spans) -> list[str]:
    return [text[s:e].strip() for s, e in spans if text[s:e].strip()]


def accuracy(name: str, split: Callable[[str], Spans]) -> tuple[int, list[str]]:
    right, wrong = 0, []
    for case_id, text, expected in SENTENCE_TABLE:
        got = trimmed(text, split(text))
        if got == expected:
            right += 1
        else:
            wrong.append(f"    {case_id}: {got}")
    return right, wrong


def best_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def with_splitter(split: Callable[[str], Spans], pages: list[str]) -> Callable[[], object]:
    def run() -> object:
        original = units._split_sentences
        units._split_sentences = split
        try:
            return [units.page_sentences(page) for page in pages]
        finally:
            units._split_sentences = original

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    splitters: dict[str, Callable[[str], Spans]] = {"ours": ours}
    other = make_pysbd()
    if other is None:
        print("pysbd is not installed (.venv/bin/pip install pysbd): only our splitter is measured")
    else:
        splitters["pysbd"] = other
        splitters["pysbd+our rules"] = combined(other)

    print(f"== accuracy on SENTENCE_TABLE ({len(SENTENCE_TABLE)} cases)")
    for name, split in splitters.items():
        right, wrong = accuracy(name, split)
        print(f"  {name:15} {right}/{len(SENTENCE_TABLE)} cases right ({100 * right / len(SENTENCE_TABLE):.0f}%)")
        for line in wrong:
            print(line)

    table_texts = [text for _, text, _ in SENTENCE_TABLE] * 20
    table_sentences = sum(len(expected) for _, _, expected in SENTENCE_TABLE) * 20
    rng = random.Random(540)
    pages = [page_text(rng, n, words=500) for n in range(1, args.pages + 1)]  # about 540 words
    unit_count = sum(len(units.page_sentences(page)) for page in pages)
    words = sum(len(p.split()) for p in pages) / len(pages)
    print(
        f"== speed (best of {args.rounds}); table: {table_sentences} sentences; "
        f"pages: {len(pages)} of {words:.0f} words, {unit_count} units"
    )
    figures: dict[str, tuple[float, float]] = {}
    for name, split in splitters.items():
        table_ms = best_ms(lambda split=split: [split(t) for t in table_texts], args.rounds)
        pages_ms = best_ms(with_splitter(split, pages), args.rounds)
        per_1000 = table_ms / table_sentences * 1000
        per_page = pages_ms / len(pages)
        figures[name] = (per_1000, per_page)
        verdict = "within" if per_page < PAGE_BUDGET_MS else "OVER"
        print(
            f"  {name:15} {per_1000:8.1f} ms per 1,000 sentences   {per_page:7.2f} ms per page of "
            f"{words:.0f} words ({verdict} the {PAGE_BUDGET_MS:.0f} ms budget)"
        )
    if "pysbd" in figures:
        (o1, o2), (p1, p2) = figures["ours"], figures["pysbd"]
        print(f"  pysbd/ours: {p1 / o1:.1f}x per sentence, {p2 / o2:.1f}x per page")


if __name__ == "__main__":
    main()
