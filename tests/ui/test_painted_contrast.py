"""The colours the app actually paints, not only the ones a profile declares.

Each main screen is rendered headless under each built-in profile; every segment Textual's
compositor produces is walked, and each foreground/background pair that carries text must meet
4.5:1 (the body text pair and the reading ruler's dimmed text 7:1), and each box-drawing or block glyph 3:1 (WCAG non-text). A
colour left to the terminal (no colour in the segment) or the terminal's "dim" attribute is a
failure too: we could not say what the reader sees.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.color import Color
from rich.style import Style

from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.access.contrast import contrast_ratio, format_ratio
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.dialogs.profile_switcher import ProfileSwitcher
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.reader import ReaderScreen
from pilot_helpers import wait_for

NON_TEXT_GLYPHS = range(0x2500, 0x25A0)  # box drawing and block elements: borders, scrollbars, swatches


@dataclass
class Painted:
    foreground: str
    background: str
    kind: str  # "text" or "non-text"
    sample: str
    screen: str


def _hex(color: Color | None) -> str | None:
    if color is None or color.is_default:
        return None
    return color.get_truecolor().hex


def painted_pairs(app: MemberdeskApp, screen_name: str) -> tuple[list[Painted], list[str]]:
    """Every (foreground, background, kind) painted on the current screen, and the problems
    that cannot be measured (default colours, dim)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    pairs: dict[tuple[str, str, str], Painted] = {}
    problems: list[str] = []
    for line in update.strips:  # type: ignore[attr-defined]
        for strip in line:
            for segment in strip:
                text = segment.text
                if segment.control or not text.strip():
                    continue
                style = segment.style or Style()
                fg, bg = _hex(style.color), _hex(style.bgcolor)
                if style.reverse:
                    fg, bg = bg, fg
                if fg is None or bg is None:
                    problems.append(f"{screen_name}: {text.strip()[:30]!r} leaves a colour to the terminal")
                    continue
                if style.dim:
                    problems.append(f"{screen_name}: {text.strip()[:30]!r} is dimmed by the terminal")
                glyphs = [ch for ch in text if not ch.isspace()]
                kinds = {"non-text" if ord(ch) in NON_TEXT_GLYPHS else "text" for ch in glyphs}
                for kind in kinds:
                    pairs.setdefault((fg, bg, kind), Painted(fg, bg, kind, text.strip()[:30], screen_name))
    return list(pairs.values()), problems


async def render_screens(home: Path, name: str) -> tuple[list[Painted], list[str]]:
    profile = builtin_profiles()[name]
    found: list[Painted] = []
    problems: list[str] = []
    app = MemberdeskApp(home, active=ActiveProfile(profile, "--profile"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        app.notify("A sample message, as a toast or on the status line", severity="warning")
        await pilot.pause(0.3)
        for collected in [painted_pairs(app, "library")]:
            found += collected[0]
            problems += collected[1]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("right", "right", "right", "right", "right", "right")
        await pilot.press("slash", *"care", "enter")
        await pilot.press("n")  # a current match and other matches on the page
        await pilot.pause(0.3)
        pairs, trouble = painted_pairs(app, "reader with a search hit")
        found += pairs
        problems += trouble
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause(0.2)
        pairs, trouble = painted_pairs(app, "help")
        found += pairs
        problems += trouble
        await pilot.press("escape", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileSwitcher))
        await pilot.pause(0.2)
        pairs, trouble = painted_pairs(app, "profile list")
        found += pairs
        problems += trouble
    return found, problems


MEASURED: dict[str, list[str]] = defaultdict(list)  # printed with -s, for the record


@pytest.mark.parametrize("name", list(BUILTIN_ORDER))
async def test_every_painted_pair_meets_its_level(demo_home: Path, name: str) -> None:
    profile = builtin_profiles()[name]
    if profile.uses_terminal_palette:
        pytest.skip(f"'{name}' paints the terminal's own ANSI colours: the terminal's settings decide the contrast")
    found, problems = await render_screens(demo_home, name)
    body = (profile.colours.text, profile.colours.background)
    dimmed = (profile.colours.dim, profile.colours.background)
    failures = list(problems)
    seen_body = False
    for pair in found:
        ratio = contrast_ratio(pair.foreground, pair.background)
        if pair.kind == "non-text":
            required = 3.0
        elif (pair.foreground, pair.background) == body:
            required, seen_body = 7.0, True
        elif (pair.foreground, pair.background) == dimmed:
            required = 7.0  # most of a page with a reading ruler on is in this pair
        else:
            required = 4.5
        MEASURED[name].append(
            f"{pair.screen}: {pair.foreground} on {pair.background} {format_ratio(ratio)} ({pair.kind})"
        )
        if ratio < required:
            failures.append(
                f"{pair.screen}: {pair.kind} {pair.sample!r} {pair.foreground} on {pair.background} "
                f"is {format_ratio(ratio)}, needs {required:g}:1"
            )
    print(f"\n{name}: " + "\n  ".join(sorted(set(MEASURED[name]))))
    assert seen_body, f"the body text pair {body} was never painted"
    assert not failures, "\n".join(failures)
