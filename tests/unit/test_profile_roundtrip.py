"""Export then import gives an equal profile, for any valid profile (hypothesis)."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from memberdesk.access.bindings import BINDINGS
from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.access.loading import load_profile, parse_profile, profile_to_toml, save_profile
from memberdesk.access.profile import Behaviour, Colours, Layout, Profile, Speech

hex_colour = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")
names = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True).filter(lambda n: n not in BUILTIN_ORDER)
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
# Keys no binding has, one per remapped binding, so a keymap never clashes.
FREE_KEYS = ["f13", "f14,ctrl+shift+f1", "alt+x", "ctrl+shift+k", "f20"]
keymaps = st.lists(st.sampled_from(sorted(BINDINGS)), unique=True, max_size=4).map(
    lambda ids: dict(zip(ids, FREE_KEYS))
)

colours = st.builds(
    Colours,
    **{
        name: hex_colour
        for name in (
            "text",
            "background",
            "heading",
            "link",
            "dim",
            "focus",
            "highlight_text",
            "highlight_background",
            "selection_text",
            "selection_background",
            "status_text",
            "status_background",
            "warning_text",
        )
    },
    warning_background=st.one_of(st.just("background"), hex_colour),
    palette=st.sampled_from(["custom", "terminal"]),
)
profiles = st.builds(
    Profile,
    name=names,
    colours=colours,
    description=text,
    based_on=st.sampled_from(["", *BUILTIN_ORDER]),
    fallback_on_low_colour=st.sampled_from(["downgrade", "terminal"]),
    layout=st.builds(
        Layout,
        max_line_width=st.integers(20, 240),
        margin=st.integers(0, 40),
        paragraph_spacing=st.integers(0, 4),
        line_spacing=st.sampled_from(["single", "double"]),
        ruler=st.sampled_from(["off", "line", "three"]),
        justify=st.just(False),
        bold_for_italics=st.booleans(),
    ),
    behaviour=st.builds(
        Behaviour,
        animations=st.booleans(),
        cursor_blink=st.booleans(),
        notifications=st.sampled_from(["status", "toast"]),
        screen_reader=st.booleans(),
    ),
    speech=st.builds(
        Speech,
        voice=text,
        rate=st.integers(80, 450),
        volume=st.floats(0, 1),
        auto_read=st.booleans(),
        lexicon=st.dictionaries(
            text.filter(lambda s: s.strip() != ""), text.filter(lambda s: s.strip() != ""), max_size=3
        ),
    ),
    keymap=keymaps,
)


@settings(max_examples=150)
@given(profiles)
def test_any_profile_survives_export_and_import(profile: Profile) -> None:
    assert parse_profile(profile_to_toml(profile), "<export>", builtin_profiles()) == profile


@settings(deadline=None)  # writes a file: a busy disk takes longer than hypothesis's 200 ms
@given(profiles)
def test_round_trip_through_a_file(profile: Profile) -> None:
    with TemporaryDirectory() as folder:
        path = save_profile(profile, Path(folder) / "p.toml")
        assert load_profile(path, builtin_profiles()) == profile
        assert [p.name for p in Path(folder).iterdir()] == ["p.toml"]  # no temp file left behind


def test_builtins_round_trip() -> None:
    for profile in builtin_profiles().values():
        assert parse_profile(profile_to_toml(profile), "<export>", builtin_profiles()) == profile


@settings(max_examples=100, deadline=None)  # each example validates three profiles: slow on a busy machine
@given(profiles, st.integers(0, 100))
def test_the_editor_form_keeps_every_setting_and_the_volume_typed(profile: Profile, percent: int) -> None:
    """A profile through the editor's form: left as shown, it builds the same profile (a volume
    of 0.3333 is not rounded to the 33 shown); a volume typed as a percentage is saved as the
    fraction, and survives export and import."""
    from dataclasses import replace

    from memberdesk.access import editing

    # The form trims what is typed in its text boxes, as a person's stray space should be.
    profile = replace(
        profile,
        description=profile.description.strip(),
        speech=replace(profile.speech, voice=profile.speech.voice.strip()),
    )
    values = editing.form_values(profile)
    built = editing.build_profile(values, profile, profile.based_on)
    assert built.problems == [] and built.profile == profile
    typed = editing.build_profile(values | {"speech.volume": f"{percent}%"}, profile, profile.based_on)
    # What is typed is kept, unless it is what the form showed (then the exact value stays).
    shown = editing.percent_text(profile.speech.volume) == str(percent)
    assert typed.profile is not None
    assert typed.profile.speech.volume == (profile.speech.volume if shown else percent / 100)
    assert parse_profile(profile_to_toml(typed.profile), "<export>", builtin_profiles()) == typed.profile
