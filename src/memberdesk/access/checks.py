"""The contrast check of a profile: every pair of colours painted together, its ratio and level.

Body text, and the text the reading ruler dims (most of a page with a ruler on), must reach
AAA (7:1) in built-in profiles (`strict=True`) and AA (4.5:1) in any profile; every other text pair AA; indicators (focus, the selection bar, the highlight)
3:1 against the page around them, so they can be found without reading their text.
`memberdesk profile check FILE` prints these rows and exits 1 when any is not ok.
"""

from __future__ import annotations

from dataclasses import dataclass

from memberdesk.access.contrast import AA_TEXT, AAA_TEXT, NON_TEXT, Kind, contrast_ratio, format_ratio, wcag_level
from memberdesk.access.profile import Colours, Profile


@dataclass(frozen=True)
class Pair:
    name: str
    foreground: str  # a Colours field
    background: str  # a Colours field
    kind: Kind
    required: float


BODY = "body text"
DIMMED = "dimmed text (reading ruler)"
AAA_WHEN_STRICT = (BODY, DIMMED)
PAIRS: tuple[Pair, ...] = (
    Pair(BODY, "text", "background", "text", AA_TEXT),  # AAA when strict
    Pair("headings", "heading", "background", "text", AA_TEXT),
    Pair("links", "link", "background", "text", AA_TEXT),
    Pair(DIMMED, "dim", "background", "text", AA_TEXT),
    Pair("highlight text", "highlight_text", "highlight_background", "text", AA_TEXT),
    Pair("selected text", "selection_text", "selection_background", "text", AA_TEXT),
    Pair("status line", "status_text", "status_background", "text", AA_TEXT),
    Pair("warnings", "warning_text", "warning_background", "text", AA_TEXT),
    Pair("focus indicator against the page", "focus", "background", "non-text", NON_TEXT),
    Pair("selection bar against the page", "selection_background", "background", "non-text", NON_TEXT),
    Pair("highlight against the page", "highlight_background", "background", "non-text", NON_TEXT),
)


@dataclass(frozen=True)
class CheckRow:
    pair: str
    foreground: str
    background: str
    ratio: float
    level: str  # "AAA" | "AA" | "AA large" | "fail" (text); "AA" | "fail" (non-text)
    required: float
    ok: bool
    kind: Kind = "text"

    def __str__(self) -> str:
        verdict = "ok" if self.ok else f"BELOW {self.required:g}:1"
        return (
            f"{self.pair}: {self.foreground} on {self.background} {format_ratio(self.ratio)} {self.level} ({verdict})"
        )


def check_colours(colours: Colours, *, strict: bool = False) -> list[CheckRow]:
    """Rows for a set of colours (the editor calls this on every change)."""
    rows = []
    for pair in PAIRS:
        fg, bg = colours.resolved(pair.foreground), colours.resolved(pair.background)
        required = AAA_TEXT if strict and pair.name in AAA_WHEN_STRICT else pair.required
        ratio = contrast_ratio(fg, bg)
        level = wcag_level(ratio, pair.kind)
        rows.append(CheckRow(pair.name, fg, bg, ratio, level, required, ratio >= required, pair.kind))
    return rows


def check_profile(profile: Profile, *, strict: bool = False) -> list[CheckRow]:
    """Every pair's ratio and level. A "terminal" palette paints the terminal's own colours,
    which we cannot know, so it has no rows: the user's terminal settings decide."""
    if profile.uses_terminal_palette:
        return []
    return check_colours(profile.colours, strict=strict)


def failures(rows: list[CheckRow]) -> list[CheckRow]:
    return [row for row in rows if not row.ok]
