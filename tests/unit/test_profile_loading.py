"""Profile files: partial files start from their base, and every bad file gets a message
naming the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.access.builtins import builtin_profiles
from memberdesk.access.loading import ProfileError, load_profile, parse_profile


def write(tmp_path: Path, text: str, name: str = "cllr-smith.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        load_profile(path, builtin_profiles())
    return [str(p) for p in caught.value.problems]


def test_a_partial_file_starts_from_standard_and_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, '[colours]\nbackground = "black"\ntext = "#FFF"\n\n[layout]\nruler = "line"\n')
    profile = load_profile(path, builtin_profiles())
    standard = builtin_profiles()["standard"]
    assert profile.name == "cllr-smith"  # from the file name when the file has none
    assert profile.based_on == "standard"
    assert profile.colours.background == "#000000" and profile.colours.text == "#ffffff"
    assert profile.colours.heading == standard.colours.heading
    assert profile.layout.ruler == "line"
    assert profile.layout.max_line_width == standard.layout.max_line_width
    assert profile.description == ""  # not inherited: it would describe the base


def test_based_on_another_builtin_and_dicts_merge(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'name = "amy"\nbased_on = "dyslexia"\n[keymap]\n"reader.next_page" = "ctrl+n"\n'
        '[speech]\nvolume = 1\n[speech.lexicon]\nCllr = "Councillor"\n',
    )
    profile = load_profile(path, builtin_profiles())
    assert profile.name == "amy"
    assert profile.colours == builtin_profiles()["dyslexia"].colours
    assert profile.layout.line_spacing == "double"
    assert profile.keymap == {"reader.next_page": "ctrl+n"}
    assert profile.speech.volume == 1.0 and isinstance(profile.speech.volume, float)
    assert profile.speech.lexicon == {"Cllr": "Councillor"}


def test_unknown_key_is_an_error_with_a_hint_and_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "x"\n\n[colours]\ntext = "white"\nbackgroud = "black"\n')
    assert problems(path) == [f"{path}, line 5: colours.backgroud: unknown setting; did you mean 'background'?"]


def test_a_key_in_the_wrong_table_says_where_it_belongs(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "x"\nruler = "line"\n')
    assert problems(path) == [f"{path}, line 2: ruler: unknown setting here; 'ruler' belongs in the [layout] table"]


def test_unknown_table_has_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, '[colors]\ntext = "white"\n')
    assert problems(path) == [f"{path}, line 1: colors: unknown setting; did you mean 'colours'?"]


def test_wrong_types_and_ranges_all_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[layout]\n"
        'max_line_width = "wide"\n'
        "margin = 500\n"
        'line_spacing = "dubble"\n'
        "justify = true\n"
        "[behaviour]\n"
        'animations = "no"\n'
        "[speech]\n"
        "volume = 1.5\n"
        "rate = true\n",
    )
    assert problems(path) == [
        f"{path}, line 2: layout.max_line_width: should be a whole number, not 'wide' (text)",
        f"{path}, line 3: layout.margin: 500 is out of range: use 0 to 40",
        f"{path}, line 4: layout.line_spacing: 'dubble' is not allowed: did you mean 'double'? use one of 'single', 'double'",
        f"{path}, line 5: layout.justify: justified text is not offered (its uneven gaps are hard to read): set false",
        f"{path}, line 7: behaviour.animations: should be true or false, not 'no' (text)",
        f"{path}, line 9: speech.volume: 1.5 is out of range: use 0.0 to 1.0",
        f"{path}, line 10: speech.rate: should be a whole number, not True (true/false)",
    ]


def test_unreadable_colour(tmp_path: Path) -> None:
    path = write(tmp_path, '# my profile\n[colours]\n  text = "#12345g"   # oops\n')
    assert problems(path) == [
        f"{path}, line 3: colours.text: '#12345g' is not a colour: use #rrggbb or a name such as 'navy'"
    ]


def test_dotted_keys_and_inline_tables_find_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "x"\ncolours.text = "nope"\nspeech = { rate = 5 }\n')
    assert problems(path) == [
        f"{path}, line 2: colours.text: 'nope' is not a colour: use #rrggbb or a name such as 'navy'",
        f"{path}, line 3: speech.rate: 5 is out of range: use 80 to 450",
    ]


def test_multiline_strings_are_not_taken_for_keys(tmp_path: Path) -> None:
    path = write(tmp_path, 'description = """\nfoo = bar\n"""\n[colours]\nfoo = "white"\n')
    assert problems(path)[0].startswith(f"{path}, line 5: colours.foo: unknown setting")


def test_keymap_is_validated(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[keymap]\n"
        '"reader.next_page" = "ctrl+n"\n'
        '"has space" = "x"\n'
        '"app.quit" = ""\n'
        '"reader.find" = "ctrl+"\n'
        '"app.help" = "cmd+h"\n'
        '"app.search" = 3\n'
        '"page.line_down" = "j, down"\n'
        '"reader.go_to_page" = "F9"\n'
        '"reader.contents" = "pgdwn"\n',
    )
    assert problems(path) == [
        f"{path}, line 3: keymap.has space: 'has space' is not a binding id: 'memberdesk profile export NAME' lists every id with its keys",
        f"{path}, line 4: keymap.app.quit: is empty: give a key such as 'ctrl+n' or 'f2'",
        f"{path}, line 5: keymap.reader.find: 'ctrl+' ends with '+': name the key after the modifiers, e.g. 'ctrl+n'",
        f"{path}, line 6: keymap.app.help: 'cmd' in 'cmd+h' is not a modifier: use alt, ctrl, hyper, meta, shift, super",
        f"{path}, line 7: keymap.app.search: should be a key in quotes such as 'ctrl+n', not a whole number",
        f"{path}, line 10: keymap.reader.contents: 'pgdwn' in 'pgdwn' is not a key: did you mean 'pagedown'? use a"
        " letter, a digit, a symbol such as '.' or 'full_stop', f1 to f24, or one of escape, enter, tab, backspace,"
        " space, up, down, left, right, home, end, pageup, pagedown, insert, delete",
    ]


def test_keys_are_stored_as_textual_names_them(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[keymap]\n"reader.next_page" = "ctrl+N, ., Insert"\n"reader.find" = "/"\n"reader.first_page" = "Home"\n',
    )
    profile = load_profile(path, builtin_profiles())
    # "." and "/" are "full_stop" and "slash" to Textual; keys equal to the built-in ones are dropped.
    assert profile.keymap == {"reader.next_page": "ctrl+N,full_stop,insert", "reader.find": "slash"}


def test_parse_profile_with_explicit_bases() -> None:
    standard = builtin_profiles()["standard"]
    profile = parse_profile('name = "x"\n[layout]\nmargin = 0\n', "<editor>", bases={"standard": standard})
    assert profile.layout.margin == 0 and profile.colours == standard.colours


def test_keymap_and_lexicon_tables_replace_the_bases(tmp_path: Path) -> None:
    base = parse_profile(
        '[keymap]\n"app.quit" = "f12"\n"reader.find" = "ctrl+k"\n[speech.lexicon]\nCllr = "Councillor"\n',
        "<base>",
        builtin_profiles(),
        default_name="base",
    )
    bases = {"base": base}
    inherited = parse_profile('based_on = "base"\n', "<f>", bases, default_name="f")
    assert inherited.keymap == {"app.quit": "f12", "reader.find": "ctrl+k"} and inherited.speech.lexicon == {
        "Cllr": "Councillor"
    }
    replaced = parse_profile(
        'based_on = "base"\n[keymap]\n"app.quit" = "f10"\n[speech.lexicon]\n', "<f>", bases, default_name="f"
    )
    assert replaced.keymap == {"app.quit": "f10"} and replaced.speech.lexicon == {}


def test_colours_terminal_shorthand(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, 'colours = "terminal"\n'), builtin_profiles())
    assert profile.uses_terminal_palette
    assert problems(write(tmp_path, 'colours = "navy"\n', "x.toml")) == [
        f'{tmp_path / "x.toml"}, line 1: colours: should be a table ([colours]) or "terminal", not text'
    ]


def test_a_volume_written_as_a_percentage_is_explained(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "x"\n[speech]\nvolume = 80\n')
    assert problems(path) == [
        f"{path}, line 3: speech.volume: 80 is out of range: use 0.0 to 1.0 (a fraction: 0.8 is 80%)"
    ]
