"""The built-in profiles and the user's own: list, get, import, export, save."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.access.checks import check_profile, failures
from memberdesk.access.loading import ProfileError, load_profile
from memberdesk.access.registry import ProfileNotFound, ProfileRegistry

BUILTINS = list(BUILTIN_ORDER)


@pytest.fixture
def registry(tmp_path: Path) -> ProfileRegistry:
    return ProfileRegistry(tmp_path / "home")


def test_the_eight_builtins_are_there_in_picker_order() -> None:
    assert list(builtin_profiles()) == BUILTINS


@pytest.mark.parametrize("name", BUILTINS)
def test_every_builtin_loads_and_meets_its_levels(name: str) -> None:
    profile = builtin_profiles()[name]
    assert profile.name == name
    assert len(profile.description) > 40, "a support worker needs to know what it is for"
    assert profile.layout.justify is False
    rows = check_profile(profile, strict=True)
    assert failures(rows) == []
    if not profile.uses_terminal_palette:
        assert rows[0].pair == "body text" and rows[0].ratio >= 7.0 and rows[0].level == "AAA"


def test_builtins_say_what_they_promise() -> None:
    p = builtin_profiles()
    assert (p["high-contrast-dark"].colours.text, p["high-contrast-dark"].colours.background) == ("#ffffff", "#000000")
    assert (p["high-contrast-light"].colours.text, p["high-contrast-light"].colours.background) == (
        "#000000",
        "#ffffff",
    )
    assert (p["yellow-on-black"].colours.text, p["yellow-on-black"].colours.background) == ("#ffff00", "#000000")
    dyslexia = p["dyslexia"]
    assert dyslexia.colours.background == "#fdf6e3" and dyslexia.layout.ruler != "off"
    assert dyslexia.layout.line_spacing == "double" and dyslexia.layout.bold_for_italics
    large = p["large-layout"]
    assert large.layout.max_line_width <= 60 and large.layout.line_spacing == "double"
    sr = p["screen-reader"]
    assert sr.uses_terminal_palette and sr.behaviour.screen_reader
    assert not sr.behaviour.animations and not sr.behaviour.cursor_blink
    assert sr.behaviour.notifications == "status"


def test_colour_blind_safe_has_no_red_or_green() -> None:
    import colorsys

    from memberdesk.access.contrast import hex_to_rgb

    colours = builtin_profiles()["colour-blind-safe"].colours
    for role in ("heading", "link", "focus", "highlight_background", "selection_background", "warning_text"):
        r, g, b = hex_to_rgb(colours.resolved(role))
        hue, _l, saturation = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
        degrees = hue * 360
        if saturation > 0.2:
            assert not (degrees < 20 or degrees > 340), f"{role} is red"
            assert not (80 < degrees < 160), f"{role} is green"


def test_get_unknown_lists_the_names(registry: ProfileRegistry) -> None:
    with pytest.raises(ProfileNotFound) as caught:
        registry.get("fancy")
    assert str(caught.value).startswith("no profile called 'fancy'; the profiles are: standard, high-contrast-dark")


def test_import_then_list_get_export_round_trip(registry: ProfileRegistry, tmp_path: Path) -> None:
    source = tmp_path / "amy.toml"
    source.write_text(
        'name = "amy"\ndescription = "Amy: large yellow"\nbased_on = "yellow-on-black"\n[layout]\nmax_line_width = 40\n'
    )
    imported = registry.import_file(source)
    assert (registry.user_dir / "amy.toml").is_file()
    entry = registry.entries()[-1]
    assert (entry.name, entry.builtin, entry.description, entry.problem) == ("amy", False, "Amy: large yellow", None)
    assert registry.get("amy") == imported
    (tmp_path / "out").mkdir()
    exported = registry.export("amy", tmp_path / "out")  # a folder: <name>.toml inside
    assert exported == tmp_path / "out" / "amy.toml"
    other = ProfileRegistry(tmp_path / "other-home")
    assert other.import_file(exported) == imported


def test_export_a_builtin_then_import_under_a_new_name(registry: ProfileRegistry, tmp_path: Path) -> None:
    path = registry.export("dyslexia", tmp_path / "d.toml")
    assert load_profile(path, builtin_profiles()) == builtin_profiles()["dyslexia"]
    with pytest.raises(ProfileError) as caught:
        registry.import_file(path)  # still called "dyslexia": a built-in name
    assert "'dyslexia' is a built-in profile; give this one its own name" in str(caught.value)
    assert not registry.user_dir.exists()
    path.write_text(path.read_text().replace('name = "dyslexia"', 'name = "dyslexia-bob"'))
    assert registry.import_file(path).name == "dyslexia-bob"


def test_import_refuses_an_invalid_file_and_stores_nothing(registry: ProfileRegistry, tmp_path: Path) -> None:
    source = tmp_path / "bad.toml"
    source.write_text('name = "bad"\n[colours]\nbackgroud = "black"\n')
    with pytest.raises(ProfileError) as caught:
        registry.import_file(source)
    assert str(caught.value) == f"{source}, line 3: colours.backgroud: unknown setting; did you mean 'background'?"
    assert "bad" not in registry.names()


def test_save_refuses_builtin_names_and_bad_names(registry: ProfileRegistry) -> None:
    standard = registry.get("standard")
    with pytest.raises(ValueError, match="built-in"):
        registry.save(standard)
    with pytest.raises(ValueError, match="cannot be a profile name"):
        registry.save(replace(standard, name="Bob Smith"))
    registry.save(replace(standard, name="bob"))
    assert registry.get("bob").colours == standard.colours
    registry.delete("bob")
    assert "bob" not in registry.names()


def test_a_broken_user_file_is_listed_with_its_problem(registry: ProfileRegistry) -> None:
    registry.user_dir.mkdir(parents=True)
    (registry.user_dir / "broken.toml").write_text("[layout]\nmargin = -1\n")
    (broken,) = [e for e in registry.entries() if e.name == "broken"]
    assert broken.problem is not None and "line 2: layout.margin: -1 is out of range" in broken.problem
    with pytest.raises(ProfileError):
        registry.get("broken")


def test_a_user_file_cannot_shadow_a_builtin(registry: ProfileRegistry) -> None:
    registry.user_dir.mkdir(parents=True)
    (registry.user_dir / "standard.toml").write_text('[colours]\ntext = "#777777"\n')
    assert registry.get("standard") == builtin_profiles()["standard"]
    assert registry.names().count("standard") == 1
