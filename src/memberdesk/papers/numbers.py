"""Figures as tables print them. Pure."""

from __future__ import annotations

import re

_NUMBER = re.compile(
    r"^[(\[]?[-+\u2212\u2013]?\s?[£$€]?[-+\u2212]?\d[\d,]*(\.\d+)?[)\]]?(%|[kmbKMB]|bn)?[)\]]?$|^[-\u2013\u2014]$|^n/?a$",
    re.I,
)


def is_number(text: str) -> bool:
    """A figure as tables print them: 1,432.3  -9.9  +6.0%  (1,200)  £23.3m  - (nil)."""
    return bool(_NUMBER.match(text.replace(" ", "")))
