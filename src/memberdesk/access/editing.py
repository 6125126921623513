"""The profile editor's model, without any UI: which fields there are, what each is called,
which contrast pair each one shows, and turning what was typed back into a Profile.

The editor builds a TOML document from the form and runs it through `parse_profile`, so a
profile made in the editor passes exactly the validation a file does, with the same messages.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from memberdesk.access.bindings import BINDINGS
from memberdesk.access.builtins import builtin_profiles
from memberdesk.access.checks import PAIRS, CheckRow, check_colours
from memberdesk.access.colours import ColourError, parse_colour
from memberdesk.access.contrast import format_ratio
from memberdesk.access.loading import ProfileError, parse_profile
from memberdesk.access.profile import SAME_AS_BACKGROUND, Colours, Profile, to_dict


@dataclass(frozen=True)
class ColourField:
    role: str  # a Colours field
    label: str  # what the person reads first
    pair: str | None  # the contrast pair shown beside it (None: explained in `note`)
    note: str = ""


COLOUR_FIELDS: tuple[ColourField, ...] = (
    ColourField("text", "Body text", "body text"),
    ColourField("background", "Page background", None, "the page: pairs above use it"),
    ColourField("heading", "Headings", "headings"),
    ColourField("link", "Links", "links"),
    ColourField("dim", "Dimmed lines (ruler)", "dimmed text (reading ruler)"),
    ColourField("focus", "Focus marker", "focus indicator against the page"),
    ColourField("highlight_text", "Search hit text", "highlight text"),
    ColourField("highlight_background", "Search hit background", "highlight against the page"),
    ColourField("selection_text", "Selected text", "selected text"),
    ColourField("selection_background", "Selection background", "selection bar against the page"),
    ColourField("status_text", "Status line text", "status line"),
    ColourField("status_background", "Status line background", None, "see status line text"),
    ColourField("warning_text", "Warning text", "warnings"),
    ColourField("warning_background", "Warning background", None, "'background': the page's own"),
)

# Choice and switch fields: (section, key, label, choices); choices () means on/off.
CHOICE_FIELDS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("colours", "palette", "Colours from", ("custom", "terminal")),
    ("layout", "line_spacing", "Line spacing", ("single", "double")),
    ("layout", "ruler", "Reading ruler", ("off", "line", "three")),
    ("layout", "bold_for_italics", "Bold instead of italics", ()),
    ("behaviour", "animations", "Animations", ()),
    ("behaviour", "cursor_blink", "Cursor blinks", ()),
    ("behaviour", "notifications", "Messages shown as", ("toast", "status")),
    ("behaviour", "screen_reader", "Screen-reader mode", ()),
    ("speech", "auto_read", "Read aloud on opening", ()),
)
NUMBER_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("layout", "max_line_width", "Longest line (characters)"),
    ("layout", "margin", "Margin (columns)"),
    ("layout", "paragraph_spacing", "Blank lines between paragraphs"),
    ("speech", "rate", "Reading speed (words/min)"),
)
# Shown and typed as a percentage (as `speak --volume` takes it), kept in the file as 0..1.
PERCENT_FIELDS: tuple[tuple[str, str, str], ...] = (("speech", "volume", "Reading volume (0-100%)"),)
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (("speech", "voice", "Voice (empty: default)"),)
# The keymap: one row per binding id, its keys as typed ("j,down"); checked as a file's are.
KEY_FIELDS: tuple[str, ...] = tuple(BINDINGS)

CHOICE_WORDS = {
    "custom": "the colours below",
    "terminal": "the terminal's own colours",
    "single": "single",
    "double": "double (a blank line between lines)",
    "off": "off",
    "line": "one line bright",
    "three": "three lines bright",
    "toast": "a line of text that clears itself",
    "status": "a line of text that stays",
}


def form_values(profile: Profile) -> dict[str, Any]:
    """'section.key' -> value for every field of the form."""
    data = to_dict(profile)
    values: dict[str, Any] = {"name": profile.name, "description": profile.description}
    for f in COLOUR_FIELDS:
        values[f"colours.{f.role}"] = data["colours"][f.role]
    for section, key, _label, _choices in CHOICE_FIELDS:
        values[f"{section}.{key}"] = data[section][key]
    for section, key, _label in NUMBER_FIELDS:
        values[f"{section}.{key}"] = str(data[section][key])
    for section, key, _label in PERCENT_FIELDS:
        values[f"{section}.{key}"] = percent_text(data[section][key])
    for section, key, _label in TEXT_FIELDS:
        values[f"{section}.{key}"] = str(data[section][key])
    for binding_id in KEY_FIELDS:
        values[f"keymap.{binding_id}"] = data["keymap"][binding_id]
    return values


@dataclass
class Built:
    profile: Profile | None  # None while something cannot be used
    problems: list[str]  # "colours.text: 'bleu' is not a colour: did you mean 'blue'?"


def build_profile(values: dict[str, Any], base: Profile, start_from: str = "") -> Built:
    """The profile the form describes (the lexicon kept from `base`), validated as a file
    is. `start_from` (a built-in's name, or "") is recorded as based_on, for the record only:
    the form sets every setting."""
    import tomli_w

    data = to_dict(base)
    data["name"] = str(values.get("name", "")).strip()
    data["description"] = str(values.get("description", "")).strip()
    data["based_on"] = start_from
    problems: list[str] = []
    for path, value in values.items():
        if "." not in path:
            continue
        section, key = path.split(".", 1)
        if (section, key) in {(s, k) for s, k, _ in PERCENT_FIELDS}:
            fraction, problem = fraction_of(str(value), data[section][key])
            if problem:
                problems.append(f"{path}: {problem}")
            else:
                data[section][key] = fraction
            continue
        if isinstance(value, str) and (section, key) in {(s, k) for s, k, _ in NUMBER_FIELDS}:
            text = value.strip()
            value = int(text) if text.lstrip("-").isdigit() else text
        elif isinstance(value, str):
            value = value.strip()
        data[section][key] = value
    try:
        profile = parse_profile(tomli_w.dumps(data), "the editor", builtin_profiles())
    except ProfileError as exc:
        return Built(None, problems + [f"{p.key}: {p.message}" if p.key else p.message for p in exc.problems])
    return Built(None, problems) if problems else Built(profile, [])


def percent_text(fraction: float) -> str:
    """0.85 -> '85', 0.333 -> '33.3': the volume as the editor shows it."""
    return f"{round(float(fraction) * 100, 2):g}"


def fraction_of(typed: str, kept: float) -> tuple[float, str]:
    """(0..1, "") from a percentage typed in the editor, or (kept, what is wrong). A field
    left as shown keeps the profile's own value exactly (a file's 0.3333 is not rounded)."""
    text = typed.strip().removesuffix("%").strip()
    if text == percent_text(kept):
        return kept, ""
    if not text:
        return kept, "no volume given: type a percentage from 0 to 100, e.g. 80"
    try:
        percent = float(text)
    except ValueError:
        return kept, f"'{typed.strip()}' is not a volume: type a percentage from 0 to 100, e.g. 80"
    if not 0 <= percent <= 100:
        return kept, f"{text}% is out of range: type a percentage from 0 to 100"
    return round(percent / 100, 4), ""


def colours_from(values: dict[str, Any], fallback: Colours) -> tuple[Colours, dict[str, str]]:
    """The colours typed so far (a field that is not a colour yet keeps `fallback`'s value),
    and role -> why that field is not a colour. Lets the figures update while typing."""
    chosen: dict[str, str] = {}
    errors: dict[str, str] = {}
    for f in fields(Colours):
        if f.name == "palette":
            continue
        typed = str(values.get(f"colours.{f.name}", getattr(fallback, f.name))).strip()
        if f.name == "warning_background" and typed == SAME_AS_BACKGROUND:
            chosen[f.name] = typed
            continue
        try:
            chosen[f.name] = parse_colour(typed)
        except ColourError as exc:
            errors[f.name] = str(exc)
            chosen[f.name] = getattr(fallback, f.name)
    return Colours(**chosen, palette=fallback.palette), errors


def figures(colours: Colours, *, strict: bool = False) -> dict[str, CheckRow]:
    """pair name -> its check row."""
    return {row.pair: row for row in check_colours(colours, strict=strict)}


def figure_text(row: CheckRow) -> str:
    """'15.52:1 AAA, meets AA' / '3.10:1 fail, BELOW AA (4.5:1)': the figure first, verdict in words."""
    if row.ok:
        verdict = "meets AAA" if row.level == "AAA" else "meets AA"
    else:
        verdict = f"BELOW {'AAA' if row.required >= 7 else 'AA'} ({row.required:g}:1)"
    return f"{format_ratio(row.ratio)} {row.level}, {verdict}"


def below_aa(rows: dict[str, CheckRow]) -> list[str]:
    """'body text 3.10:1' for each pair below its level, in check order (for the warning)."""
    order = [pair.name for pair in PAIRS]
    return [f"{name} {format_ratio(rows[name].ratio)}" for name in order if name in rows and not rows[name].ok]


_PARTNERS = {"background": "text", "status_background": "status_text", "warning_background": "warning_text"}


def partner(role: str) -> str:
    """The colour a role is measured against (for the picker's figures)."""
    if role in _PARTNERS:
        return _PARTNERS[role]
    for pair in PAIRS:
        if pair.foreground == role:
            return pair.background
    return "background"
