"""Sentences the page break cuts: a page's last sentence that goes on in the next page's first.
Pure; follow.py (reading aloud, stepping) and export.py (audio files) say the two as one."""

from __future__ import annotations

import re

from memberdesk.papers.joining import FUNCTION_WORDS
from memberdesk.speech.units import Sentence

TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "miss", "dr", "cllr", "cllrs", "sir", "dame", "lord", "lady", "rev", "revd"}
)

_ENDED = re.compile(r"""[.!?:;]["'”’)\]]*$""")
# "1 HM Treasury (2024), ...", "[1] ...", "* ...", "Source: ONS": a note at a page's foot.
_NOTE_START = re.compile(
    r"^(?:\d{1,3}\s|\[\d{1,3}\]|\(note\b|[*\u2020\u2021\u00b9\u00b2\u00b3]|(?:source|note|notes)\s*:)", re.I
)


def runs_on(last: Sentence, first: Sentence) -> bool:
    """Whether a page's last sentence goes on in the next page's first: a paragraph the page
    break cut ("... by a Government-appointed" / "inspector. The examination ..."), spoken
    whole, not as two with a pause and "inspector." heard alone. Only prose goes on: a heading,
    a list item or a table's row starts anew, and a footnote ends its page."""
    if last.kind not in ("sentence", "item") or first.kind != "sentence":
        return False
    if _ENDED.search(last.spoken) or _NOTE_START.match(last.spoken):
        return False
    if first.spoken[:1].islower():
        return True
    # Cut mid-phrase, whatever the next page starts with: on an "and", or a title before its
    # name ("Mr Hood, Mr" / "Jeffrey, Mr Lewis ...", a vote's list of names).
    end = last.spoken.split()[-1] if last.spoken.split() else ""
    return end.lower() in FUNCTION_WORDS or end.lower().rstrip(".") in TITLES
