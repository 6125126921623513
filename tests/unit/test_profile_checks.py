"""The contrast check of a profile, the Textual theme values and the colour-depth report."""

from __future__ import annotations

from dataclasses import replace

import pytest

from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.access.checks import PAIRS, check_profile, failures
from memberdesk.access.depth import depth_report, detect_depth
from memberdesk.access.theme import app_settings, md_variable_defaults, theme_values


def standard_with(**colours: str):
    standard = builtin_profiles()["standard"]
    return replace(standard, name="test", colours=replace(standard.colours, **colours))


def test_every_pair_is_checked_with_level_and_requirement() -> None:
    rows = check_profile(builtin_profiles()["high-contrast-light"], strict=True)
    assert [r.pair for r in rows] == [p.name for p in PAIRS]
    body = rows[0]
    assert (body.foreground, body.background, body.ratio, body.level, body.required, body.ok) == (
        "#000000",
        "#ffffff",
        21.0,
        "AAA",
        7.0,
        True,
    )
    assert str(body) == "body text: #000000 on #ffffff 21.00:1 AAA (ok)"
    assert all(r.required == 3.0 for r in rows if r.kind == "non-text")


def test_body_text_needs_aaa_only_when_strict() -> None:
    profile = standard_with(text="#777777", background="#000000")  # 4.69:1: AA, not AAA
    assert failures(check_profile(profile)) == []
    (row,) = failures(check_profile(profile, strict=True))
    assert (row.pair, row.level, row.required) == ("body text", "AA", 7.0)


def test_a_weak_pair_fails_naming_the_pair_and_ratio() -> None:
    profile = standard_with(status_text="#777777", status_background="#ffffff", focus="#2a2a2a")
    bad = failures(check_profile(profile))
    assert [str(r) for r in bad] == [
        "status line: #777777 on #ffffff 4.47:1 AA large (BELOW 4.5:1)",
        "focus indicator against the page: #2a2a2a on #1e1e1e 1.16:1 fail (BELOW 3:1)",
    ]


def test_warning_background_may_follow_the_page() -> None:
    profile = standard_with(background="#000000")
    row = [r for r in check_profile(profile) if r.pair == "warnings"][0]
    assert row.background == "#000000"


def test_terminal_palette_has_no_rows() -> None:
    assert check_profile(builtin_profiles()["screen-reader"]) == []


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_theme_values_build_a_textual_theme_that_keeps_the_checked_colours(name: str) -> None:
    from textual.theme import Theme

    profile = builtin_profiles()[name]
    values = theme_values(profile)
    theme = Theme(**values)
    # What App.get_css_variables does: the generated system, then the theme's own variables.
    generated = {**theme.to_color_system().generate(), **theme.variables}
    assert theme.name == f"memberdesk-{name}"
    if profile.uses_terminal_palette:
        assert theme.ansi and generated["md-selection-style"] == "reverse bold"
        return
    c = profile.colours
    # Textual would otherwise use "auto 87%" text and translucent cursors: the checked colours must win.
    assert generated["text"] == c.text
    assert generated["background"].lower() == c.background
    assert generated["surface"].lower() == c.background
    assert generated["block-cursor-background"] == c.selection_background
    assert generated["border"] == c.focus
    assert generated["footer-background"] == c.status_background
    assert generated["md-highlight-background"] == c.highlight_background
    assert values["dark"] == (name not in ("high-contrast-light", "dyslexia"))


def test_md_variable_defaults_cover_every_md_variable() -> None:
    for profile in builtin_profiles().values():
        md = {k for k in theme_values(profile)["variables"] if k.startswith("md-")}
        assert md == set(md_variable_defaults())


def test_app_settings() -> None:
    sr = app_settings(builtin_profiles()["screen-reader"])
    assert sr == {
        "animation_level": "none",
        "cursor_blink": False,
        "notifications": "status",
        "screen_reader": True,
        "keymap": {},
    }
    assert app_settings(builtin_profiles()["standard"])["animation_level"] == "full"


@pytest.mark.parametrize("name", [n for n in BUILTIN_ORDER if n != "screen-reader"])
def test_builtins_keep_their_levels_on_a_256_colour_terminal(name: str) -> None:
    report = depth_report(builtin_profiles()[name], "256", strict=True)
    assert not report.use_terminal_palette
    assert report.ok, report.summary


def test_depth_report_says_what_changes() -> None:
    profile = builtin_profiles()["dyslexia"]
    full = depth_report(profile, "truecolor")
    assert full.changes == [] and full.colours == profile.colours and full.summary == "full colour: shown as designed"
    low = depth_report(profile, "16", strict=True)
    assert low.colours is not None and low.colours.background == "#ffffff"  # cream becomes white
    assert ("background", "#fdf6e3", "#ffffff") in [(c.role, c.original, c.shown) for c in low.changes]
    assert low.summary.startswith("on a 16-colour terminal 11 colours change; body text 14.74:1 becomes 21.00:1")
    assert not low.ok and "dimmed text (reading ruler) 4.00:1" in low.summary
    assert 'fallback_on_low_colour = "terminal"' in low.summary


def test_terminal_fallback_and_no_color() -> None:
    profile = replace(builtin_profiles()["dyslexia"], fallback_on_low_colour="terminal")
    assert depth_report(profile, "16").use_terminal_palette
    assert not depth_report(profile, "truecolor").use_terminal_palette
    no_color = depth_report(builtin_profiles()["standard"], "truecolor", no_color=True)
    assert no_color.use_terminal_palette and no_color.rows == [] and "NO_COLOR" in no_color.summary
    assert depth_report(builtin_profiles()["screen-reader"], "16").use_terminal_palette
    with pytest.raises(ValueError):
        depth_report(profile, "8")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"COLORTERM": "truecolor", "TERM": "xterm"}, ("truecolor", False)),
        ({"TERM": "xterm-256color"}, ("256", False)),
        ({"TERM": "linux"}, ("16", False)),
        ({"TERM": "xterm-256color", "NO_COLOR": ""}, ("256", True)),
        ({"TERM": "xterm-256color", "TEXTUAL_COLOR_SYSTEM": "standard"}, ("16", False)),
    ],
)
def test_detect_depth(env: dict[str, str], expected: tuple[str, bool]) -> None:
    assert detect_depth(env) == expected


def test_access_never_imports_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, memberdesk.access.contrast, memberdesk.access.colours, memberdesk.access.palette, "
        "memberdesk.access.profile, memberdesk.access.loading, memberdesk.access.registry, "
        "memberdesk.access.checks, memberdesk.access.theme, memberdesk.access.depth; "
        "memberdesk.access.registry.builtin_profiles(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def test_every_theme_and_md_variable_is_accepted_by_a_real_textual_app() -> None:
    # The values are plain data here; prove Textual accepts them, md-* variables included.
    from textual.app import App, ComposeResult
    from textual.theme import Theme
    from textual.widgets import Static

    css = (
        "Static { color: $md-highlight-foreground; background: $md-highlight-background;"
        " text-style: $md-highlight-style; border: solid $md-focus; }"
    )

    class Probe(App[None]):
        CSS = css

        def get_theme_variable_defaults(self) -> dict[str, str]:
            return md_variable_defaults()

        def compose(self) -> ComposeResult:
            yield Static("[not markup]", markup=False)

    app = Probe()
    async with app.run_test() as pilot:
        for profile in builtin_profiles().values():
            app.register_theme(Theme(**theme_values(profile)))
            app.theme = f"memberdesk-{profile.name}"
            await pilot.pause()
            static = app.query_one(Static)
            if not profile.uses_terminal_palette:
                assert static.styles.background.hex.lower() == profile.colours.highlight_background
