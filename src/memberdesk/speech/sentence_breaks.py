"""Where a block of joined text breaks into sentences: the spans speech says one by one. Pure;
units.py uses it (and tests/bench/bench_sentences.py scores it against pysbd)."""

from __future__ import annotations

import re

from memberdesk.speech.abbreviations import ABBREVIATIONS, LABEL_WORDS, NUMBER_ABBREVIATIONS

_SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+|$)""")
_WORD_BEFORE = re.compile(r"""([\w.£$&'’-]+)$""")


def split_sentences(joined: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences in a joined block."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(joined):
        end = match.end()
        rest = joined[end:].lstrip()
        if not rest:
            break
        if not_a_break(joined[start : match.start()], joined[match.start() : end], rest):
            continue
        spans.append((start, end))
        start = end + (len(joined) - end - len(rest))
    if start < len(joined) and joined[start:].strip():
        spans.append((start, len(joined)))
    return spans


def not_a_break(before: str, punct: str, rest: str) -> bool:
    if not punct.startswith("."):
        # ! and ? end a sentence, unless quoted and a lower-case word goes on: '"Shame!" at'.
        return punct[-1] in "\"'”’)]" and rest[:1].islower()
    if not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"'“‘(£•"):
        return True  # "e.g. the report", "approx. four": a lower-case word follows
    word = _WORD_BEFORE.search(before)
    token = word.group(1) if word else ""
    bare = token.rstrip(".").lower()
    if bare in NUMBER_ABBREVIATIONS:
        return rest[:1].isdigit()
    if bare in ABBREVIATIONS:
        return True
    if len(bare) == 1 and token[:1].isupper():
        # An initial ("J. Smith"), unless it is a label: "Appendix A. The Committee".
        previous = before[: len(before) - len(token)].split()[-1:]
        return not (previous and previous[0].strip("(").lower() in LABEL_WORDS)
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) and bare not in ("a.m", "p.m"):
        return True  # "e.g", "i.e", "U.K" written with inner dots
    # "3.2." numbering, or a clause's letter ("a.", "iv.", "a.)"), at the very start of a
    # sentence is not the end of one.
    if before.strip() != token:
        return False
    return re.fullmatch(r"\d+(?:\.\d+)*|[a-z]|[ivx]{1,5}", token.rstrip(".")) is not None
