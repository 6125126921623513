"""Shared by the benchmarks: realistic council text and a big generated pack."""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

WORDS = [
    "council",
    "committee",
    "report",
    "budget",
    "contract",
    "highways",
    "scrutiny",
    "cabinet",
    "member",
    "officer",
    "recommendation",
    "resolved",
    "minutes",
    "agenda",
    "item",
    "appendix",
    "consultation",
    "equality",
    "impact",
    "assessment",
    "financial",
    "implications",
    "risk",
    "procurement",
    "framework",
    "service",
    "provider",
    "adult",
    "social",
    "care",
    "children",
    "education",
    "schools",
    "transport",
    "planning",
    "application",
    "housing",
    "waste",
    "recycling",
    "climate",
    "emergency",
    "carbon",
    "strategy",
    "workforce",
    "recruitment",
    "vacancy",
    "demand",
    "pressure",
    "forecast",
    "outturn",
    "overspend",
    "reserves",
    "capital",
    "revenue",
    "grant",
    "funding",
    "allocation",
    "performance",
    "target",
    "quarter",
    "annual",
    "review",
    "partnership",
    "health",
    "wellbeing",
    "community",
    "library",
    "leisure",
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "on",
    "with",
    "by",
    "at",
    "from",
    "that",
    "this",
    "which",
    "be",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "will",
    "shall",
    "may",
]


_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "fu",
    "ga",
    "ge",
    "gi",
    "go",
    "gu",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "vu",
]


def _vocabulary(size: int = 30_000) -> tuple[list[str], list[float]]:
    """The council words first (most frequent), then made-up words: a Zipf law over all, as in
    real text, so "council" is on nearly every page and most words on a few."""
    rng = random.Random(99)
    made: set[str] = set()
    while len(made) < size - len(WORDS):
        made.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    vocab = WORDS[::-1][: len(WORDS)] + sorted(made)
    # Function words most common, then council words, then the long tail.
    vocab = WORDS[-30:][::-1] + WORDS[:-30] + sorted(made)
    weights, total = [], 0.0
    for rank in range(1, len(vocab) + 1):
        total += 1.0 / rank**1.05
        weights.append(total)
    return vocab, weights


VOCAB, CUM_WEIGHTS = _vocabulary()


def sentence(rng: random.Random) -> str:
    words = rng.choices(VOCAB, cum_weights=CUM_WEIGHTS, k=rng.randint(8, 22))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def page_text(rng: random.Random, number: int, words: int = 450) -> str:
    parts = [f"{number}. Report section {number}"]
    count = 0
    while count < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        count += len(para.split())
        parts.append(f"{number}.{len(parts)} {para}")
    return "\n".join(parts)


def make_text_pack(path: Path, pages: int, seed: int = 1) -> Path:
    from pdf_factory import make_pdf

    if path.exists():
        return path
    rng = random.Random(seed)
    texts = [page_text(rng, n + 1, words=380) for n in range(pages)]
    outline = {n: f"Item {n // 25 + 1}" for n in range(0, pages, 25)}
    return make_pdf(path, texts, title=f"Generated {pages}-page pack", roman_front=4, outline=outline)


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95
