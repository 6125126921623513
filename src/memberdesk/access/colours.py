"""Colours as people write them: '#rgb', '#rrggbb' or a friendly name from a short list.

The names are for the profile editor's picker and for support staff typing a file by hand
("navy", "dark grey"); a profile stores the hex value, so two spellings of one colour are
equal and a saved file says exactly what is painted.
"""

from __future__ import annotations

import difflib

from memberdesk.access.contrast import hex_to_rgb, rgb_to_hex

# name -> hex. Chosen for reading: plain whites, creams and pastels for backgrounds, dark
# inks for text, and a few strong colours for highlights. British and American spellings
# of grey/gray are both accepted by `parse_colour`.
NAMED_COLOURS: dict[str, str] = {
    "white": "#ffffff",
    "black": "#000000",
    "cream": "#fdf6e3",
    "ivory": "#fffff0",
    "pale yellow": "#ffffcc",
    "pale blue": "#e6f0ff",
    "pale green": "#e8f5e9",
    "pale pink": "#fde8ef",
    "light grey": "#d0d0d0",
    "grey": "#808080",
    "dark grey": "#333333",
    "charcoal": "#1e1e1e",
    "navy": "#000080",
    "dark blue": "#00205b",
    "blue": "#0050c8",
    "light blue": "#9fc5ff",
    "sky blue": "#87ceeb",
    "teal": "#007070",
    "cyan": "#00ffff",
    "dark green": "#005a2b",
    "green": "#00a651",
    "yellow": "#ffff00",
    "amber": "#ffbf00",
    "orange": "#ff8c00",
    "dark orange": "#b34700",
    "brown": "#5c3a1e",
    "dark red": "#8b0000",
    "red": "#d00000",
    "magenta": "#ff00ff",
    "purple": "#5b2a86",
    "lavender": "#e6e6fa",
}


class ColourError(ValueError):
    """A value that is not a colour; the message says what to write instead."""


def _normal_name(text: str) -> str:
    name = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    return name.replace("gray", "grey")


def parse_colour(text: str) -> str:
    """'#ABC', '#aabbcc', 'Navy', 'dark-gray' -> '#rrggbb' (lower case). ColourError otherwise."""
    if not isinstance(text, str):
        raise ColourError(f"{text!r} is not a colour: use #rrggbb or a name such as 'navy'")
    stripped = text.strip()
    if stripped.startswith("#"):
        try:
            return rgb_to_hex(hex_to_rgb(stripped))
        except ValueError:
            pass
    else:
        name = _normal_name(stripped)
        if name in NAMED_COLOURS:
            return NAMED_COLOURS[name]
        close = difflib.get_close_matches(name, NAMED_COLOURS, n=1, cutoff=0.75)
        if close:
            raise ColourError(f"{text!r} is not a colour: did you mean '{close[0]}'?")
    raise ColourError(f"{text!r} is not a colour: use #rrggbb or a name such as 'navy'")


def colour_name(hex_colour: str) -> str | None:
    """The friendly name of an exact hex value, if it has one (for the picker's label)."""
    wanted = parse_colour(hex_colour)
    for name, value in NAMED_COLOURS.items():
        if value == wanted:
            return name
    return None


def describe(hex_colour: str) -> str:
    """'navy (#000080)' or '#123456': how the editor and the check print a colour."""
    name = colour_name(hex_colour)
    return f"{name} ({hex_colour})" if name else hex_colour
