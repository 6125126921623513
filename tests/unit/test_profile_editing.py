"""The editor's model: form values round trip, problems in words, figures while typing."""

from __future__ import annotations

from memberdesk.access import editing
from memberdesk.access.builtins import builtin_profiles


def test_the_form_of_a_profile_builds_the_same_profile() -> None:
    for profile in builtin_profiles().values():
        built = editing.build_profile(editing.form_values(profile), profile, profile.based_on)
        assert built.problems == [] and built.profile is not None
        assert built.profile == profile


def test_problems_name_the_setting_and_the_fix() -> None:
    standard = builtin_profiles()["standard"]
    values = editing.form_values(standard) | {"colours.text": "bleu", "layout.margin": "99", "name": "Cllr Smith"}
    built = editing.build_profile(values, standard)
    assert built.profile is None
    assert "colours.text: 'bleu' is not a colour: did you mean 'blue'?" in built.problems
    assert any(p.startswith("layout.margin: ") for p in built.problems)


def test_figures_follow_the_colours_typed_so_far() -> None:
    standard = builtin_profiles()["standard"]
    values = editing.form_values(standard) | {"colours.text": "#77", "colours.heading": "white"}
    colours, errors = editing.colours_from(values, standard.colours)
    assert set(errors) == {"text"} and colours.text == standard.colours.text and colours.heading == "#ffffff"
    rows = editing.figures(colours)
    assert editing.figure_text(rows["headings"]) == "16.67:1 AAA, meets AAA"
    values["colours.text"] = "#777777"
    rows = editing.figures(editing.colours_from(values, standard.colours)[0])
    assert editing.below_aa(rows)[0].startswith("body text 3.")
    assert editing.figure_text(rows["body text"]).endswith("AA large, BELOW AA (4.5:1)")


def test_the_volume_is_a_percentage_with_its_range_in_the_message() -> None:
    standard = builtin_profiles()["standard"]
    values = editing.form_values(standard) | {"name": "mine"}
    assert values["speech.volume"] == "100"
    for typed, problem in [
        ("150", "speech.volume: 150% is out of range: type a percentage from 0 to 100"),
        ("-5", "speech.volume: -5% is out of range: type a percentage from 0 to 100"),
        ("loud", "speech.volume: 'loud' is not a volume: type a percentage from 0 to 100, e.g. 80"),
        ("", "speech.volume: no volume given: type a percentage from 0 to 100, e.g. 80"),
    ]:
        built = editing.build_profile(values | {"speech.volume": typed}, standard)
        assert built.profile is None and built.problems == [problem]
    for typed, volume in [("80", 0.8), (" 45 % ", 0.45), ("0", 0.0), ("12.5", 0.125)]:
        built = editing.build_profile(values | {"speech.volume": typed}, standard)
        assert built.profile is not None and built.profile.speech.volume == volume
