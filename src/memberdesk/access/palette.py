"""What a colour becomes on a terminal with only 256 or 16 colours.

Textual paints in truecolor and leaves the downgrade to Rich (`textual.strip` calls
`rich.color.Color.downgrade`), so the *index* is Rich's own downgrade, called here: the 6x6x6
cube or the grey ramp for 256 colours (never 0-15, whose look is up to the user's terminal),
and Rich's weighted nearest match for 16 colours. What that index then *looks like* is a
property of the terminal; we report the standard xterm values, the most common defaults
(Rich's own default theme has the Windows console's values, red = #800000, which few
terminals on Linux or macOS show), by handing Rich an xterm TerminalTheme.
"""

from __future__ import annotations

from rich.color import Color, ColorSystem
from rich.terminal_theme import TerminalTheme

from memberdesk.access.contrast import RGB, hex_to_rgb

# xterm's default values for the 16 ANSI colours (what most terminals ship with).
XTERM_16: tuple[RGB, ...] = (
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
)
ANSI_NAMES: tuple[str, ...] = (
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "bright black",
    "bright red",
    "bright green",
    "bright yellow",
    "bright blue",
    "bright magenta",
    "bright cyan",
    "bright white",
)
XTERM_THEME = TerminalTheme((0, 0, 0), (229, 229, 229), list(XTERM_16[:8]), list(XTERM_16[8:]))


def _rich(colour: str) -> Color:
    return Color.from_rgb(*hex_to_rgb(colour))  # '#rrggbb' only, as before


def xterm_256_rgb(index: int) -> RGB:
    """The standard value of an xterm-256 index (0-15 as xterm's defaults)."""
    if not 0 <= index <= 255:
        raise ValueError(f"{index} is not an xterm-256 index")
    return tuple(Color.from_ansi(index).get_truecolor(XTERM_THEME))  # type: ignore[return-value]


def index_256(colour: str) -> int:
    """The xterm-256 index Rich sends for this colour on a 256-colour terminal."""
    return _rich(colour).downgrade(ColorSystem.EIGHT_BIT).number  # type: ignore[return-value]


def to_256(colour: str) -> str:
    """The colour a 256-colour terminal shows for `colour`, as '#rrggbb'."""
    return _rich(colour).downgrade(ColorSystem.EIGHT_BIT).get_truecolor(XTERM_THEME).hex


def index_16(colour: str) -> int:
    """The ANSI colour index (0-15) Rich sends for this colour on a 16-colour terminal."""
    return _rich(colour).downgrade(ColorSystem.STANDARD).number  # type: ignore[return-value]


def to_16(colour: str) -> str:
    """The colour a 16-colour terminal with xterm's default palette shows, as '#rrggbb'."""
    return _rich(colour).downgrade(ColorSystem.STANDARD).get_truecolor(XTERM_THEME).hex
