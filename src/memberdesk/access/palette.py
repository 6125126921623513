"""What a colour becomes on a terminal with only 256 or 16 colours.

Textual paints in truecolor and leaves the downgrade to Rich (`textual.strip` calls
`rich.color.Color.downgrade`), so the *index* chosen here follows Rich's rules exactly:
the 6x6x6 cube or the grey ramp for 256 colours (never 0-15, whose look is up to the
user's terminal), and Rich's weighted nearest match for 16 colours. A parity test keeps the
two in step. What that index then *looks like* is a property of the terminal; we report the
standard xterm values, the most common defaults.
"""

from __future__ import annotations

import colorsys
import math

from memberdesk.access.contrast import RGB, hex_to_rgb, rgb_to_hex

# xterm's default values for the 16 ANSI colours (what most terminals ship with).
XTERM_16: tuple[RGB, ...] = (
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
)
ANSI_NAMES: tuple[str, ...] = (
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright black", "bright red", "bright green", "bright yellow",
    "bright blue", "bright magenta", "bright cyan", "bright white",
)
# Rich matches a truecolor value against these (VGA-like) values to pick the index it sends;
# they decide *which* of the 16 is used, XTERM_16 says how it then looks.
_RICH_STANDARD: tuple[RGB, ...] = (
    (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0),
    (0, 0, 170), (170, 0, 170), (0, 170, 170), (170, 170, 170),
    (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85),
    (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255),
)
_CUBE_LEVELS = (0, 95, 135, 175, 215, 255)


def xterm_256_rgb(index: int) -> RGB:
    """The standard value of an xterm-256 index (0-15 as xterm's defaults)."""
    if not 0 <= index <= 255:
        raise ValueError(f"{index} is not an xterm-256 index")
    if index < 16:
        return XTERM_16[index]
    if index >= 232:
        grey = 8 + 10 * (index - 232)
        return grey, grey, grey
    n = index - 16
    return _CUBE_LEVELS[n // 36], _CUBE_LEVELS[(n // 6) % 6], _CUBE_LEVELS[n % 6]


def index_256(colour: str) -> int:
    """The xterm-256 index Rich sends for this colour on a 256-colour terminal."""
    red, green, blue = hex_to_rgb(colour)
    _h, lightness, saturation = colorsys.rgb_to_hls(red / 255, green / 255, blue / 255)
    if saturation < 0.15:  # Rich treats near-greys as greys: the 24-step ramp plus black/white
        grey = round(lightness * 25.0)
        return 16 if grey == 0 else 231 if grey == 25 else 231 + grey

    def six(channel: int) -> int:
        return round(channel / 95 if channel < 95 else 1 + (channel - 95) / 40)

    return 16 + 36 * six(red) + 6 * six(green) + six(blue)


def to_256(colour: str) -> str:
    """The colour a 256-colour terminal shows for `colour`, as '#rrggbb'."""
    return rgb_to_hex(xterm_256_rgb(index_256(colour)))


def index_16(colour: str) -> int:
    """The ANSI colour index (0-15) Rich sends for this colour on a 16-colour terminal."""
    r1, g1, b1 = hex_to_rgb(colour)

    def distance(index: int) -> float:
        # Rich's "redmean" weighted distance, integer shifts and all, so ties break the same way.
        r2, g2, b2 = _RICH_STANDARD[index]
        red_mean = (r1 + r2) // 2
        red, green, blue = r1 - r2, g1 - g2, b1 - b2
        return math.sqrt(
            (((512 + red_mean) * red * red) >> 8) + 4 * green * green + (((767 - red_mean) * blue * blue) >> 8)
        )

    return min(range(16), key=distance)


def to_16(colour: str) -> str:
    """The colour a 16-colour terminal with xterm's default palette shows, as '#rrggbb'."""
    return rgb_to_hex(XTERM_16[index_16(colour)])

