"""What a profile becomes on a terminal with fewer colours, or with NO_COLOR set.

On 256 or 16 colours every colour is replaced by the one the terminal is sent (see
palette.py), so contrast can fall; the report gives the new colours and the check rows
recomputed. A profile may ask to use the terminal's own colours there instead
(`fallback_on_low_colour = "terminal"`). NO_COLOR always means the terminal's own colours:
the UI then applies the ANSI theme, whose reverse-video markers need no colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Literal

from memberdesk.access.checks import CheckRow, check_colours, failures
from memberdesk.access.contrast import format_ratio
from memberdesk.access.palette import to_16, to_256
from memberdesk.access.profile import SAME_AS_BACKGROUND, Colours, Profile

Depth = Literal["truecolor", "256", "16"]
DEPTHS: tuple[Depth, ...] = ("truecolor", "256", "16")


@dataclass(frozen=True)
class ColourChange:
    role: str  # a Colours field, e.g. "background"
    original: str
    shown: str


@dataclass(frozen=True)
class DepthReport:
    depth: Depth
    no_color: bool
    use_terminal_palette: bool  # True: the UI applies theme_values() of the terminal palette
    colours: Colours | None  # the colours actually shown (None with the terminal palette)
    changes: list[ColourChange]
    rows: list[CheckRow]  # the contrast check on the colours shown
    summary: str  # one sentence for the CLI and the editor

    @property
    def ok(self) -> bool:
        return not failures(self.rows)


def downgrade_colours(colours: Colours, depth: Depth) -> Colours:
    convert = {"truecolor": lambda c: c, "256": to_256, "16": to_16}[depth]
    values = {
        f.name: convert(getattr(colours, f.name))
        for f in fields(Colours)
        if f.name != "palette" and getattr(colours, f.name) != SAME_AS_BACKGROUND
    }
    return replace(colours, **values)


def depth_report(profile: Profile, depth: Depth, *, no_color: bool = False, strict: bool = False) -> DepthReport:
    """What `profile` becomes at `depth` (and with NO_COLOR), and its contrast there."""
    if depth not in DEPTHS:
        raise ValueError(f"{depth!r} is not a colour depth: use one of {', '.join(DEPTHS)}")

    def terminal(summary: str) -> DepthReport:
        return DepthReport(depth, no_color, True, None, [], [], summary)

    if profile.uses_terminal_palette:
        return terminal("uses the terminal's own colours at every depth: the terminal's settings decide the contrast")
    if no_color:
        return terminal(
            "NO_COLOR is set: colours are off, the terminal's own colours are used, and the cursor,"
            " selection and highlight are shown in reverse video"
        )
    if depth != "truecolor" and profile.fallback_on_low_colour == "terminal":
        return terminal(f"only {depth} colours: this profile switches to the terminal's own colours, as it asks")

    shown = downgrade_colours(profile.colours, depth)
    changes = [
        ColourChange(f.name, getattr(profile.colours, f.name), getattr(shown, f.name))
        for f in fields(Colours)
        if getattr(profile.colours, f.name) != getattr(shown, f.name)
    ]
    rows = check_colours(shown, strict=strict)
    if depth == "truecolor":
        summary = "full colour: shown as designed"
    else:
        before = check_colours(profile.colours, strict=strict)[0].ratio
        summary = (
            f"on a {depth}-colour terminal {len(changes)} colours change; "
            f"body text {format_ratio(before)} becomes {format_ratio(rows[0].ratio)}"
        )
        bad = failures(rows)
        if bad:
            summary += "; below the required level: " + ", ".join(f"{r.pair} {format_ratio(r.ratio)}" for r in bad)
            summary += ' (set fallback_on_low_colour = "terminal" to use the terminal\'s own colours instead)'
    return DepthReport(depth, no_color, False, shown, changes, rows, summary)


def detect_depth(environ: Mapping[str, str]) -> tuple[Depth, bool]:
    """(depth, no_color) from the environment, by the rules Textual and Rich use:
    TEXTUAL_COLOR_SYSTEM if set, else COLORTERM=truecolor|24bit, else TERM's -256color suffix;
    NO_COLOR counts when present at all (as Textual does)."""
    no_color = "NO_COLOR" in environ
    forced = environ.get("TEXTUAL_COLOR_SYSTEM", "auto").strip().lower()
    if forced in ("truecolor", "256", "standard", "windows"):
        return ("truecolor" if forced == "truecolor" else "256" if forced == "256" else "16"), no_color
    if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor", no_color
    suffix = environ.get("TERM", "").strip().lower().rpartition("-")[2]
    return ("256" if suffix in ("256color", "kitty") else "16"), no_color
