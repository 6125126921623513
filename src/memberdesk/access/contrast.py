"""WCAG 2.2 contrast: relative luminance, contrast ratio and the level a ratio reaches.

Implemented once, here; every other part of memberdesk (the profile check, the editor's
figures, the colour-depth report) asks this module. Colours are "#rrggbb" strings or RGB
triplets; `memberdesk.access.colours` turns what people type into those.
"""

from __future__ import annotations

import math
from typing import Literal

RGB = tuple[int, int, int]

# The WCAG thresholds. A ratio is compared unrounded: 4.499:1 does not meet AA.
AAA_TEXT = 7.0
AA_TEXT = 4.5
AA_LARGE = 3.0
NON_TEXT = 3.0  # WCAG 1.4.11: focus rings, selection bars and other indicators

Kind = Literal["text", "non-text"]


def hex_to_rgb(colour: str) -> RGB:
    """'#rrggbb' or '#rgb' -> (r, g, b). Raises ValueError for anything else."""
    value = colour.strip().lstrip("#") if colour.strip().startswith("#") else None
    if value is None or len(value) not in (3, 6) or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise ValueError(f"{colour!r} is not a hex colour (#rgb or #rrggbb)")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _linear(channel: int) -> float:
    # WCAG 2.2 uses the sRGB threshold 0.04045 (2.0 printed 0.03928; no 8-bit value falls between).
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str | RGB) -> float:
    """Relative luminance, 0 (black) to 1 (white), per WCAG 2.2."""
    r, g, b = hex_to_rgb(colour) if isinstance(colour, str) else colour
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(foreground: str | RGB, background: str | RGB) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1.0 to 21.0, the same either way round."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def wcag_level(ratio: float, kind: Kind = "text") -> str:
    """The level a ratio reaches: text 'AAA' | 'AA' | 'AA large' | 'fail'; non-text 'AA' | 'fail'.

    Non-text contrast (WCAG 1.4.11) has only the one 3:1 threshold, so an indicator never
    claims AAA however strong it is.
    """
    if kind == "non-text":
        return "AA" if ratio >= NON_TEXT else "fail"
    if ratio >= AAA_TEXT:
        return "AAA"
    if ratio >= AA_TEXT:
        return "AA"
    if ratio >= AA_LARGE:
        return "AA large"
    return "fail"


def format_ratio(ratio: float) -> str:
    """'4.48:1'. Rounded down, so a shown figure never looks like it passes when it does not."""
    return f"{math.floor(ratio * 100) / 100:.2f}:1"
