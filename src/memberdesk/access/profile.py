"""The accessibility profile: colours, reading layout and behaviour, as plain dataclasses.

A profile is what support staff set up once for a councillor and deploy as a TOML file.
This module holds the shape and the rules for each setting (`SCHEMA`), nothing else:
reading and writing files is `memberdesk.access.loading`, the contrast check is
`memberdesk.access.checks`, the built-in and user collections are `memberdesk.access.registry`,
and turning a profile into Textual theme values is `memberdesk.access.theme`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from memberdesk.access.keymap import changed_only, full_keymap

PaletteMode = Literal["custom", "terminal"]
LineSpacing = Literal["single", "double"]
Ruler = Literal["off", "line", "three"]
Notifications = Literal["status", "toast"]
LowColour = Literal["downgrade", "terminal"]

# `warning_background` may say "background": warnings sit on the page's own background.
SAME_AS_BACKGROUND = "background"

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")


@dataclass(frozen=True)
class Colours:
    """Every colour the app paints, as '#rrggbb'. With palette "terminal" they are kept
    (so switching back is one setting) but the app uses the terminal's own ANSI colours."""

    text: str
    background: str
    heading: str
    link: str
    dim: str  # the reading ruler's dimmed lines; still text, so still 4.5:1
    focus: str  # the focus indicator (border / marker) drawn on the background
    highlight_text: str  # search hit, the sentence being read aloud
    highlight_background: str
    selection_text: str
    selection_background: str
    status_text: str
    status_background: str
    warning_text: str
    warning_background: str = SAME_AS_BACKGROUND
    palette: PaletteMode = "custom"

    def resolved(self, role: str) -> str:
        """The hex value of a colour role, with "background" references followed."""
        value = getattr(self, role)
        return self.background if value == SAME_AS_BACKGROUND else value


@dataclass(frozen=True)
class Layout:
    max_line_width: int = 80  # characters; shorter lines are easier to track
    margin: int = 2  # columns either side of the text
    paragraph_spacing: int = 1  # blank lines between paragraphs
    line_spacing: LineSpacing = "single"  # "double": a blank line between lines
    ruler: Ruler = "off"  # reading ruler: "line" or "three" lines at full strength, rest dimmed
    justify: bool = False  # always False: justified text makes uneven gaps (kept so files can say so)
    bold_for_italics: bool = False

    @property
    def double_spaced(self) -> bool:
        return self.line_spacing == "double"


@dataclass(frozen=True)
class Speech:
    voice: str = ""  # "" = the speech engine's default voice
    rate: int = 170  # words per minute
    volume: float = 1.0
    auto_read: bool = False  # start reading aloud when a document opens
    lexicon: dict[str, str] = field(default_factory=dict)  # written form -> how to say it


@dataclass(frozen=True)
class Behaviour:
    animations: bool = True
    cursor_blink: bool = True
    # Messages are always a line of text under the page; "toast": it clears after a few seconds,
    # "status": it stays until the next message.
    notifications: Notifications = "toast"
    screen_reader: bool = False


@dataclass(frozen=True)
class Profile:
    name: str
    colours: Colours
    description: str = ""
    based_on: str = ""  # the built-in this profile started from ("" = stands alone)
    fallback_on_low_colour: LowColour = "downgrade"
    layout: Layout = field(default_factory=Layout)
    behaviour: Behaviour = field(default_factory=Behaviour)
    speech: Speech = field(default_factory=Speech)
    # binding id -> "key" or "key1,key2", only where it differs from access.bindings' keys
    keymap: dict[str, str] = field(default_factory=dict)

    @property
    def uses_terminal_palette(self) -> bool:
        return self.colours.palette == "terminal"


# ---- the rules for each setting, used by the loader to validate a file ----


@dataclass(frozen=True)
class Rule:
    """What one setting accepts. kind: colour, colour_or_background, bool, int, float,
    choice, text, name, keymap, lexicon."""

    kind: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


# TOML layout: top-level keys, then one table per section. Section None = top level.
SCHEMA: dict[str | None, dict[str, Rule]] = {
    None: {
        "name": Rule("name"),
        "description": Rule("text"),
        "based_on": Rule("text"),
        "fallback_on_low_colour": Rule("choice", choices=("downgrade", "terminal")),
    },
    "colours": {
        "palette": Rule("choice", choices=("custom", "terminal")),
        **{
            f.name: Rule("colour_or_background" if f.name == "warning_background" else "colour")
            for f in fields(Colours)
            if f.name != "palette"
        },
    },
    "layout": {
        "max_line_width": Rule("int", 20, 240),
        "margin": Rule("int", 0, 40),
        "paragraph_spacing": Rule("int", 0, 4),
        "line_spacing": Rule("choice", choices=("single", "double")),
        "ruler": Rule("choice", choices=("off", "line", "three")),
        "justify": Rule("bool"),
        "bold_for_italics": Rule("bool"),
    },
    "behaviour": {
        "animations": Rule("bool"),
        "cursor_blink": Rule("bool"),
        "notifications": Rule("choice", choices=("status", "toast")),
        "screen_reader": Rule("bool"),
    },
    "speech": {
        "voice": Rule("text"),
        "rate": Rule("int", 80, 450),
        "volume": Rule("float", 0.0, 1.0),
        "auto_read": Rule("bool"),
        "lexicon": Rule("lexicon"),
    },
    "keymap": {},  # free-form: binding id -> key string, checked by access.keymap
}
SECTIONS = tuple(s for s in SCHEMA if s is not None)


def to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as the nested dict a TOML file holds (every setting, nothing None)."""
    data: dict[str, Any] = {
        "name": profile.name,
        "description": profile.description,
        "based_on": profile.based_on,
        "fallback_on_low_colour": profile.fallback_on_low_colour,
    }
    for section in ("colours", "layout", "behaviour", "speech"):
        part = getattr(profile, section)
        data[section] = {f.name: _copy(getattr(part, f.name)) for f in fields(part)}
    # Every binding id with its keys, so a file shows what can be changed (staff edit, not guess).
    data["keymap"] = full_keymap(profile.keymap)
    return data


def from_dict(data: dict[str, Any]) -> Profile:
    """Build a Profile from a complete, already validated dict (see loading.py)."""
    return Profile(
        name=data["name"],
        description=data.get("description", ""),
        based_on=data.get("based_on", ""),
        fallback_on_low_colour=data.get("fallback_on_low_colour", "downgrade"),
        colours=Colours(**data["colours"]),
        layout=Layout(**data.get("layout", {})),
        behaviour=Behaviour(**data.get("behaviour", {})),
        speech=Speech(**{k: _copy(v) for k, v in data.get("speech", {}).items()}),
        keymap=changed_only(data.get("keymap", {})),  # only what differs from the built-in keys
    )


def _copy(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value
