"""`memberdesk profile ...` through the real entry point, as support staff would use it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cli import memberdesk
from memberdesk.access.bindings import BINDINGS
from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.access.loading import load_profile

LOW_CONTRAST = """\
name = "cllr-grey"
based_on = "standard"

[colours]
text = "#777777"
background = "#555555"
"""

TYPO = """\
name = "cllr-typo"
based_on = "dyslexia"

[colours]
text = "#000000"
backgrund = "#ffffff"

[layout]
max_line_width = "wide"
"""

GOOD = """\
name = "cllr-smith"
based_on = "high-contrast-light"
description = "Black on white, short lines, ruler on."

[layout]
max_line_width = 60
ruler = "line"

[keymap]
"reader.next_page" = "ctrl+n"
"""


def test_help_for_profile_and_each_action(home: Path) -> None:
    top = memberdesk("--help")
    assert "profile" in top.out
    for action in ("list", "show", "use", "check", "import", "export"):
        run = memberdesk("profile", action, "--help")
        assert run.code == 0 and f"usage: memberdesk profile {action}" in run.out
    assert memberdesk("profile").code == 2


def test_list_marks_the_active_profile(home: Path) -> None:
    run = memberdesk("profile", "list", home=home)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == list(BUILTIN_ORDER)
    assert lines[0].startswith("standard (built-in, active: the default) - ")
    data = memberdesk("profile", "list", "--json", home=home).json()
    assert data["active"] == "standard" and data["active_from"] == "default"
    assert [p["name"] for p in data["profiles"] if p["active"]] == ["standard"]


def test_use_saves_the_choice_and_profile_option_and_env_win(home: Path) -> None:
    run = memberdesk("profile", "use", "dyslexia", home=home)
    assert run.code == 0, run.err
    assert tomllib.loads((home / "settings.toml").read_text())["profile"] == "dyslexia"
    assert "dyslexia (built-in, active: the saved choice)" in memberdesk("profile", "list", home=home).out
    shown = tomllib.loads(memberdesk("profile", "show", home=home).out)
    assert shown["name"] == "dyslexia"
    # --profile beats MEMBERDESK_PROFILE beats the saved choice.
    env = memberdesk("profile", "show", home=home, env={"MEMBERDESK_PROFILE": "yellow-on-black"})
    assert tomllib.loads(env.out)["name"] == "yellow-on-black"
    both = memberdesk(
        "--profile",
        "large-layout",
        "profile",
        "list",
        "--json",
        home=home,
        env={"MEMBERDESK_PROFILE": "yellow-on-black"},
    ).json()
    assert (both["active"], both["active_from"]) == ("large-layout", "--profile")
    # --screen-reader alone picks the screen-reader profile over the saved choice.
    reader = memberdesk("--screen-reader", "profile", "list", "--json", home=home).json()
    assert (reader["active"], reader["active_from"]) == ("screen-reader", "--screen-reader")
    # With a named profile it keeps that profile and forces the behaviour on.
    forced = tomllib.loads(memberdesk("--screen-reader", "--profile", "dyslexia", "profile", "show", home=home).out)
    assert forced["name"] == "dyslexia" and forced["behaviour"]["screen_reader"] is True
    assert forced["behaviour"]["animations"] is False and forced["behaviour"]["notifications"] == "status"


@pytest.mark.parametrize("how", ["option", "env"])
def test_an_unknown_name_lists_the_names(home: Path, how: str) -> None:
    if how == "option":
        run = memberdesk("--profile", "hgih-contrast", "profile", "show", home=home)
        assert "(from --profile)" in run.err
    else:
        run = memberdesk("profile", "show", home=home, env={"MEMBERDESK_PROFILE": "hgih-contrast"})
        assert "(from MEMBERDESK_PROFILE)" in run.err
    assert run.code == 1 and "Traceback" not in run.err
    assert "no profile called 'hgih-contrast'" in run.err and "high-contrast-dark, high-contrast-light" in run.err
    use = memberdesk("profile", "use", "nosuch", home=home)
    assert use.code == 1 and "the profiles are: standard" in use.err
    assert not (home / "settings.toml").exists()


def test_the_app_refuses_an_unknown_profile_before_anything_else(home: Path) -> None:
    run = memberdesk("--profile", "nosuch", home=home)
    assert run.code == 1 and "no profile called 'nosuch'" in run.err


def test_check_prints_ratios_and_levels(home: Path, tmp_path: Path) -> None:
    run = memberdesk("profile", "check", "high-contrast-dark", home=home)
    assert run.code == 0, run.err
    assert "  body text: #ffffff on #000000 21.00:1 AAA (ok)" in run.out
    assert "every pair meets its level" in run.out
    grey = tmp_path / "grey.toml"
    grey.write_text(LOW_CONTRAST)
    bad = memberdesk("profile", "check", grey, home=home)
    assert bad.code == 1
    assert "  body text: #777777 on #555555 1.66:1 fail (BELOW 4.5:1)" in bad.out
    assert f"memberdesk: {grey}: body text is 1.66:1, below AA (4.5:1): #777777 on #555555" in bad.err
    terminal = memberdesk("profile", "check", "screen-reader", home=home)
    assert terminal.code == 0 and "terminal's own colours" in terminal.out


def test_check_and_import_refuse_a_bad_file_naming_line_and_key(home: Path, tmp_path: Path) -> None:
    typo = tmp_path / "typo.toml"
    typo.write_text(TYPO)
    for action in ("check", "import"):
        run = memberdesk("profile", action, typo, home=home)
        assert run.code == 1 and "Traceback" not in run.err
        assert f"{typo}, line 6: colours.backgrund: " in run.err and "did you mean 'background'" in run.err
        assert f"{typo}, line 9: layout.max_line_width: " in run.err
    assert not (home / "profiles" / "cllr-typo.toml").exists()
    missing = memberdesk("profile", "import", tmp_path / "nope.toml", home=home)
    assert missing.code == 1 and "no such file" in missing.err


def test_import_export_round_trip(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "smith.toml"
    source.write_text(GOOD)
    run = memberdesk("profile", "import", source, home=home)
    assert run.code == 0, run.err
    assert "imported 'cllr-smith'" in run.out
    assert (
        "cllr-smith (your own) - Black on white, short lines, ruler on." in memberdesk("profile", "list", home=home).out
    )
    out = tmp_path / "out" / "smith-exported.toml"
    exported = memberdesk("profile", "export", "cllr-smith", "--to", out, home=home)
    assert exported.code == 0 and out.exists()
    assert load_profile(out, builtin_profiles()) == load_profile(source, builtin_profiles())
    # Import the exported file into a second library: the same profile, every setting.
    other = tmp_path / "other-home"
    assert memberdesk("profile", "import", out, home=other).code == 0
    again = memberdesk("profile", "export", "cllr-smith", home=other)
    assert again.code == 0 and load_profile(out, builtin_profiles()) == load_profile(
        _write(tmp_path / "again.toml", again.out), builtin_profiles()
    )
    # The export lists every binding id with its keys: the changed one and the rest as built in.
    keymap = tomllib.loads(again.out)["keymap"]
    assert keymap["reader.next_page"] == "ctrl+n" and keymap["reader.bookmark"] == "m"
    assert len(keymap) == len(BINDINGS)
    assert '"reader.bookmark" = "m"  # Bookmark this page (or remove its bookmark)' in again.out
    # A built-in name cannot be taken over by an import.
    clash = _write(tmp_path / "clash.toml", 'name = "standard"\nbased_on = "dyslexia"\n')
    refused = memberdesk("profile", "import", clash, home=home)
    assert refused.code == 1 and "line 1: name: 'standard' is a built-in profile" in refused.err


def test_import_warns_below_aa_but_keeps_the_file(home: Path, tmp_path: Path) -> None:
    grey = _write(tmp_path / "grey.toml", LOW_CONTRAST)
    run = memberdesk("profile", "import", grey, home=home)
    assert run.code == 0 and "warning: body text is 1.66:1, below AA" in run.err


def test_export_unknown_name(home: Path) -> None:
    run = memberdesk("profile", "export", "nosuch", home=home)
    assert run.code == 1 and "no profile called 'nosuch'" in run.err


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# Each bad keymap of issue 15, on its own line, and the message `check` and `import` give for it.
BAD_KEYMAP = """\
name = "cllr-keys"

[keymap]
"reader.next_page" = "n"
"reader.find" = "m"
"reader.nonexistent" = "x"
"reader.prev_page" = "ctrl+shift+banana"
"reader.go_to_page" = "j"
"reader.contents" = "ctrl+f"
"""
BAD_KEYMAP_MESSAGES = [
    "line 4: keymap.reader.next_page: 'n' is also the key of reader.next_hit (Next match) on the reader screen,"
    " which no longer has 'n' there; choose another key for one of them",
    "line 5: keymap.reader.find: 'm' is also the key of reader.bookmark (Bookmark this page (or remove its"
    " bookmark)) on the reader screen, which is left without a key there; choose another key for one of them",
    "line 6: keymap.reader.nonexistent: 'reader.nonexistent' is not a binding id: did you mean 'reader.contents'?"
    " 'memberdesk profile export NAME' lists every id with its keys",
    "line 7: keymap.reader.prev_page: 'reader.prev_page' is not a binding id: did you mean 'reader.previous_page'?"
    " 'memberdesk profile export NAME' lists every id with its keys",
    "line 7: keymap.reader.prev_page: 'banana' in 'ctrl+shift+banana' is not a key: use a letter, a digit, a symbol"
    " such as '.' or 'full_stop', f1 to f24, or one of escape, enter, tab, backspace, space, up, down, left, right,"
    " home, end, pageup, pagedown, insert, delete",
    "line 8: keymap.reader.go_to_page: 'j' is already the key of page.line_down (Next line) on the reader screen,"
    " which comes first: reader.go_to_page is left without a key there; choose another key",
    "line 9: keymap.reader.contents: 'ctrl+f' is also the key of app.search (Search every paper), an app-wide key,"
    " which is left without a key on the reader screen; choose another key for one of them",
]


def test_check_and_import_refuse_each_bad_keymap(home: Path, tmp_path: Path) -> None:
    bad = _write(tmp_path / "keys.toml", BAD_KEYMAP)
    expected = [f"memberdesk: {bad}, {message}" for message in BAD_KEYMAP_MESSAGES]
    check = memberdesk("profile", "check", bad, home=home)
    assert check.code == 1 and check.err.splitlines() == expected
    imported = memberdesk("profile", "import", bad, home=home)
    assert imported.code == 1
    assert imported.err.splitlines() == [
        *expected,
        f"memberdesk: {bad}: not imported; fix the lines above and try again",
    ]
    assert not (home / "profiles" / "cllr-keys.toml").exists()


def test_import_asks_before_replacing(home: Path, tmp_path: Path) -> None:
    good = _write(tmp_path / "good.toml", GOOD)
    assert memberdesk("profile", "import", good, home=home).code == 0
    saved = (home / "profiles" / "cllr-smith.toml").read_text()
    _write(good, GOOD.replace("max_line_width = 60", "max_line_width = 70"))
    again = memberdesk("profile", "import", good, home=home, stdin="")
    assert again.code == 1
    assert f"{good}, line 1: name: 'cllr-smith' is already one of your profiles" in again.err
    assert "add --replace to replace it" in again.err
    assert (home / "profiles" / "cllr-smith.toml").read_text() == saved
    replaced = memberdesk("profile", "import", good, "--replace", home=home)
    assert replaced.code == 0 and "max_line_width = 70" in (home / "profiles" / "cllr-smith.toml").read_text()


@pytest.mark.parametrize(
    "command", [["text", "1"], ["profile", "list"], ["library"], ["council"], ["speak", "1", "--to", "x.wav"]]
)
def test_every_command_refuses_an_unknown_profile(home: Path, command: list[str]) -> None:
    run = memberdesk("--profile", "nosuch", *command, home=home)
    assert run.code == 1 and "no profile called 'nosuch' (from --profile); the profiles are: standard" in run.err
