"""WCAG contrast maths against published values, colour parsing, and the terminal downgrade."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memberdesk.access.colours import NAMED_COLOURS, ColourError, colour_name, describe, parse_colour
from memberdesk.access.contrast import contrast_ratio, format_ratio, hex_to_rgb, relative_luminance, wcag_level
from memberdesk.access.palette import index_16, index_256, to_16, to_256, xterm_256_rgb

hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@pytest.mark.parametrize(
    ("fg", "bg", "expected"),
    [
        ("#000000", "#ffffff", 21.0),  # the maximum
        ("#777777", "#ffffff", 4.48),  # the classic "just fails AA" grey
        ("#767676", "#ffffff", 4.54),  # WebAIM: the lightest grey that passes AA on white
        ("#595959", "#ffffff", 7.00),  # WebAIM: the lightest grey that passes AAA on white
        ("#0000ff", "#ffffff", 8.59),  # WebAIM contrast checker, blue on white
        ("#ff0000", "#ffffff", 3.998),  # WebAIM shows 3.99:1 (4:1 rounded)
        ("#ffff00", "#000000", 19.56),
        ("#ffffff", "#ffffff", 1.0),
    ],
)
def test_published_ratios(fg: str, bg: str, expected: float) -> None:
    assert contrast_ratio(fg, bg) == pytest.approx(expected, abs=0.005)


def test_relative_luminance_known_values() -> None:
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


def test_levels_use_unrounded_ratios() -> None:
    assert wcag_level(21) == "AAA"
    assert wcag_level(7.0) == "AAA"
    assert wcag_level(6.99) == "AA"
    assert wcag_level(4.5) == "AA"
    assert wcag_level(contrast_ratio("#777777", "#ffffff")) == "AA large"  # 4.48 is not 4.5
    assert wcag_level(3.0) == "AA large"
    assert wcag_level(2.99) == "fail"
    assert wcag_level(10, "non-text") == "AA"  # non-text has no AAA
    assert wcag_level(2.9, "non-text") == "fail"


def test_format_ratio_never_rounds_up_to_a_pass() -> None:
    assert format_ratio(4.4999) == "4.49:1"
    assert format_ratio(21.0) == "21.00:1"
    assert format_ratio(contrast_ratio("#777777", "#ffffff")) == "4.47:1"


@given(hex_colours, hex_colours)
def test_ratio_is_symmetric_and_in_range(a: str, b: str) -> None:
    ratio = contrast_ratio(a, b)
    assert ratio == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= ratio <= 21.0


@given(hex_colours)
def test_a_colour_against_itself_is_one_and_black_or_white_reach_at_least_4_58(a: str) -> None:
    assert contrast_ratio(a, a) == pytest.approx(1.0)
    # Every colour has at least 4.58:1 against black or white: a fact the editor's hints rely on.
    assert max(contrast_ratio(a, "#000000"), contrast_ratio(a, "#ffffff")) >= 4.58


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#FFF", "#ffffff"),
        ("#1a2B3c", "#1a2b3c"),
        (" navy ", "#000080"),
        ("Dark Grey", "#333333"),
        ("dark-gray", "#333333"),
        ("dark_grey", "#333333"),
        ("cream", "#fdf6e3"),
        ("white", "#ffffff"),
        ("black", "#000000"),
        ("yellow", "#ffff00"),
    ],
)
def test_parse_colour(text: str, expected: str) -> None:
    assert parse_colour(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("#12345g", "'#12345g' is not a colour: use #rrggbb or a name such as 'navy'"),
        ("#1234", "'#1234' is not a colour: use #rrggbb or a name such as 'navy'"),
        ("", "'' is not a colour: use #rrggbb or a name such as 'navy'"),
        ("nvay", "'nvay' is not a colour: did you mean 'navy'?"),
        ("chartreuse", "'chartreuse' is not a colour: use #rrggbb or a name such as 'navy'"),
    ],
)
def test_unreadable_colours_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(ColourError) as caught:
        parse_colour(text)
    assert str(caught.value) == message


def test_every_named_colour_is_valid_hex_and_names_round_trip() -> None:
    for name, value in NAMED_COLOURS.items():
        assert hex_to_rgb(value)
        assert colour_name(value) == name
    assert describe("#000080") == "navy (#000080)"
    assert describe("#123456") == "#123456"


def test_xterm_256_palette_values() -> None:
    assert xterm_256_rgb(16) == (0, 0, 0)
    assert xterm_256_rgb(21) == (0, 0, 255)
    assert xterm_256_rgb(196) == (255, 0, 0)
    assert xterm_256_rgb(231) == (255, 255, 255)
    assert xterm_256_rgb(232) == (8, 8, 8)
    assert xterm_256_rgb(255) == (238, 238, 238)
    assert xterm_256_rgb(9) == (255, 0, 0)


def test_downgrade_known_colours() -> None:
    assert to_256("#ffffff") == "#ffffff"
    assert to_256("#000000") == "#000000"
    assert to_256("#ffff00") == "#ffff00"
    assert to_256("#fdf6e3") == "#ffffd7"  # cream
    assert to_16("#ffff00") == "#ffff00"  # bright yellow
    assert to_16("#ffffff") == "#ffffff"
    assert to_16("#1e1e1e") == "#000000"
    # The index is Rich's; the look is xterm's (Rich's default theme would say red is #800000).
    assert to_16("#cc0000") == "#cd0000" and to_16("#c0c0c0") == "#e5e5e5"


@given(hex_colours)
def test_downgrade_matches_what_rich_sends(colour: str) -> None:
    # Textual leaves the downgrade to Rich; our prediction must be the index Rich picks.
    from rich.color import Color, ColorSystem

    parsed = Color.parse(colour)
    assert index_256(colour) == parsed.downgrade(ColorSystem.EIGHT_BIT).number
    assert index_16(colour) == parsed.downgrade(ColorSystem.STANDARD).number
    assert 16 <= index_256(colour) <= 255
