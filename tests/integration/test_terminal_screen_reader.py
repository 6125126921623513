"""The real app in a real terminal (tmux), read the way a screen reader reads it.

A console screen reader or braille display knows two things: the characters on each row and
where the terminal cursor is. After every key of a walk through the library, the councils,
a meeting, the reader, help and search, the row under the cursor must be the focused item or
the reading line; in screen-reader mode no box drawing, scrollbar or spinner glyph may be on
screen and nothing may blink. In the standard profile the cursor follows focus the same way and
the look is unchanged: dialogs and inputs keep their borders, long lists their scrollbars, and
the text cursor blinks.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from library_factory import walk_library
from terminal import Screen, Terminal, rows_written, tmux_available

pytestmark = pytest.mark.skipif(
    not tmux_available(), reason="tmux is not installed (apt-get install tmux; scripts/test installs it on CI)"
)

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"
BOX_AND_BLOCKS = range(0x2500, 0x25A0)  # box drawing U+2500-257F, block elements (scrollbars) U+2580-259F
BRAILLE_SPINNERS = range(0x2800, 0x2900)  # Rich's spinners are braille patterns
MARKER = "\u203a"  # the reading line's marker
MARKED = {"reading line": True}  # whether the profile under test draws it (screen-reader mode: no)


# -- the library and the app ------------------------------------------------------------------
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("terminal") / "home"
    walk_library(home, DEMO)
    return home


@pytest.fixture
def start_app(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Terminal]]:
    """Start memberdesk in a 100x30 tmux session on a fresh copy of the library."""
    # As people run it: the cursor may blink and things may move unless the profile says not.
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        home = tmp_path / "home"
        shutil.copytree(template, home)
        env = {
            "MEMBERDESK_HOME": str(home),
            "PYTHONPATH": os.pathsep.join(sys.path),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "LANG": "C.UTF-8",
            "HOME": str(tmp_path),
        }
        terminal = Terminal([sys.executable, "-m", "memberdesk", *args], env=env, socket_dir=tmp_path).start()
        started.append(terminal)
        terminal.wait_for("papers in the library", timeout=20)
        return terminal

    yield start
    for terminal in started:
        terminal.close()


# -- what a screen reader would find -----------------------------------------------------------
def on_item(screen: Screen, text: str) -> None:
    """The cursor is on the highlighted list row, at its start, and that row shows `text`."""
    assert text in screen.cursor_row, f"cursor row should show {text!r}\n{screen}"
    underlined = screen.underlined_rows()
    assert underlined and underlined[0] == screen.y, f"the highlighted row starts at {underlined}\n{screen}"
    before = screen.cursor_row[: screen.x]
    assert not any(c.isalnum() for c in before), f"the cursor is not at the start of the item\n{screen}"


def on_reading_line(screen: Screen, text: str = "") -> None:
    """The cursor is on the reading line, just after its marker, and no other row has a marker;
    in screen-reader mode the cursor alone marks it (a moving marker is read out as a change)."""
    marked = [n for n, row in enumerate(screen.lines) if MARKER in row[: screen.x]]
    if MARKED["reading line"]:
        assert screen.cursor_row[screen.x - 2 : screen.x] == MARKER + " ", f"no reading line at the cursor\n{screen}"
        assert marked == [screen.y], f"reading-line markers on rows {marked}\n{screen}"
    else:
        assert not marked and screen.x == 2 and screen.cursor_row[2:3].strip(), (
            f"no reading line at the cursor\n{screen}"
        )
    assert text.lower() in screen.cursor_row.lower(), f"reading line should show {text!r}\n{screen}"


def in_input(screen: Screen, typed: str) -> None:
    """The cursor is in the text box, where the next letter goes: just after what was typed, or
    at the start of an empty box (nothing but its left edge before it)."""
    row = screen.cursor_row
    if typed:
        assert typed in row and screen.x == row.index(typed) + len(typed), f"cursor not after {typed!r}\n{screen}"
    else:
        before = [c for c in row[: screen.x] if not c.isspace() and ord(c) not in BOX_AND_BLOCKS]
        assert not before, f"cursor not at the start of an empty box\n{screen}"


def undecorated(screen: Screen) -> None:
    glyphs = sorted({c for c in screen.text if ord(c) in BOX_AND_BLOCKS or ord(c) in BRAILLE_SPINNERS})
    assert not glyphs, f"decoration a screen reader would read out: {''.join(glyphs)}\n{screen}"


def still(terminal: Terminal, seconds: float = 1.2) -> bool:
    """Nothing on screen changes (no blinking cursor, spinner or animation) for `seconds`."""
    first = terminal.capture()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = terminal.capture()
        if (now.styled, now.x, now.y) != (first.styled, first.x, first.y):
            return False
    return True


# -- the walk ------------------------------------------------------------------------------------
# Each step: keys to press (tmux names, or text to type after "type:"), then what must be true.
Check = Callable[[Screen], None]


def walk(terminal: Terminal, steps: list[tuple[str, Check]], every: Check | None = None) -> None:
    for keys, check in steps:
        if keys.startswith("type:"):
            screen = terminal.type(keys[5:])
        else:
            screen = terminal.press(*keys.split())
        try:
            check(screen)
            if every is not None:
                every(screen)
        except AssertionError as error:
            raise AssertionError(f"after {keys!r}: {error}") from None


def item(text: str) -> Check:
    return lambda screen: on_item(screen, text)


def rest_of_item(text: str) -> Check:
    """The cursor is on a later row of the highlighted item (which wraps), at its start."""

    def check(screen: Screen) -> None:
        assert text in screen.cursor_row, f"cursor row should show {text!r}\n{screen}"
        underlined = screen.underlined_rows()
        assert screen.y in underlined and underlined[0] < screen.y, f"not within the item {underlined}\n{screen}"

    check.within_item = True  # type: ignore[attr-defined]  # a step only screen-reader mode takes
    return check


def line(text: str = "") -> Check:
    return lambda screen: on_reading_line(screen, text)


def typed(text: str) -> Check:
    return lambda screen: in_input(screen, text)


def shows(text: str, then: Check) -> Check:
    def check(screen: Screen) -> None:
        assert text in screen.text, f"{text!r} not on screen\n{screen}"
        then(screen)

    return check


LIBRARY = [
    # A committee is followed: the library opens on the next meeting, said "Next meeting".
    ("", item("Next meeting: Cabinet, in 7 days")),
    ("Down", item("Paper: Highways report, 2 pages")),
    ("Down", item("Health and Adult Services Scrutiny Committee: agenda reports pack")),
    ("Up", item("Highways report, 2 pages")),
]
COUNCILS = [
    # A committee is followed: c opens on the next meeting, in its committee's meetings.
    ("c", shows("Councils / Northshire County Council / Cabinet. Meetings:", item("Next meeting "))),
    ("Enter", item("Item 1 Apologies for absence")),
    ("Down", item("Item 2 Highways budget")),
    ("Down", item("Paper: Highways report")),  # past the "Meeting papers" heading
    ("Down", item("Paper: Health and Adult Services")),
]
READER = [
    ("Enter", shows("1 of 13", line("Northshire County Council"))),
    ("Down", line("Health and Adult Services Scrutiny Committee")),
    ("Down", line("Meeting to be held on Tuesday, 12 January 2027")),
    ("Right", shows("2 of 13", line())),
    ("Down", line()),
    ("Left", shows("1 of 13", line("Northshire County Council"))),
    ("g", typed("")),
    ("type:3", typed("3")),
    ("Enter", shows("Page 3 —", line())),
    ("c", item(", page 3")),
    ("Down", item(", page 4")),
    ("Enter", shows("Page 4 —", line())),
    ("/", typed("")),
    ("type:quarter", typed("quarter")),
    ("Enter", line("quarter")),
    ("n", line("quarter")),
    ("n", line("quarter")),
    ("F1", item("Help: every key")),
    ("Down", item("Command palette")),
    ("Down", item("Search every paper")),
    ("Escape", line("quarter")),
]
BACK_AND_SEARCH = [
    ("Escape", item("Paper: Health and Adult Services")),  # back in the meeting, where we were
    ("Escape", item("Next meeting ")),  # each Escape goes up a level, the row we came from highlighted
    ("Escape", item("Cabinet, followed")),
    ("Escape", item("Northshire County Council")),
    ("Escape", item("Highways report, 2 pages")),
    ("C-f", typed("")),
    ("type:budget", typed("budget")),
    ("Enter", item("Agenda item 2 Highways budget")),
    ("Down", rest_of_item("considered the")),  # the result wraps: Down reads its second row first
    ("Down", item("Highways report, page 1")),
    ("Down", rest_of_item("Report on the highways")),
    ("Down", rest_of_item("Report on the highways")),
    ("Down", item("Highways report, page 2")),
    ("Up", item("Highways report, page 1")),  # the item above, heard from its start
    ("Escape", item("Highways report, 2 pages")),
]


def test_screen_reader_mode_cursor_follows_focus_with_nothing_decorative(start_app: Callable[..., Terminal]) -> None:
    terminal = start_app("--screen-reader")
    MARKED["reading line"] = False
    walk(terminal, LIBRARY + COUNCILS + READER[:12], every=undecorated)
    # Waiting in a text box or on the page: no blinking cursor, no spinner, no animation.
    terminal.press("/")
    assert still(terminal), "the screen changed with no key pressed (blinking or animation)"
    terminal.press("Escape")
    walk(terminal, READER[12:] + BACK_AND_SEARCH, every=undecorated)
    # Textual's own screens too: the command palette (its borders, icon and spinner).
    screen = terminal.press("C-p")
    undecorated(screen)
    # The cursor is on the highlighted command, so a screen reader reads what Enter would run.
    assert "Command palette: every action by name" in screen.cursor_row, screen
    terminal.press("Escape")
    # A message is a line of text at the bottom, not a toast in a box.
    screen = terminal.press("Enter", "m")
    assert "Page 1 bookmarked." in screen.lines[-1], str(screen)
    undecorated(screen)
    on_reading_line(screen)


def test_standard_profile_cursor_follows_focus_and_keeps_its_look(start_app: Callable[..., Terminal]) -> None:
    terminal = start_app()
    MARKED["reading line"] = True
    walk(terminal, LIBRARY + COUNCILS + READER[:6])
    # The same cursor, and the standard look: bordered dialogs, bordered inputs, scrollbars.
    screen = terminal.press("g")
    in_input(screen, "")
    assert "\u250c" in screen.text and "\u2518" in screen.text, f"the dialog lost its border\n{screen}"
    assert not still(terminal), "the standard profile's text cursor should blink"
    terminal.press("Escape")
    screen = terminal.press("F1")
    on_item(screen, "Help: every key")
    # A scrollbar's thumb is reverse-video cells, with block glyphs where it ends mid-cell.
    scrollbar = (
        any(ord(c) in range(0x2580, 0x25A0) for c in screen.text)
        or re.search(r"\x1b\[(?:[0-9;]*;)?7m", screen.styled) is not None
    )
    assert scrollbar, f"the long help list lost its scrollbar\n{screen}"
    walk(terminal, [("Down", item("Command palette")), ("Escape", line("Northshire County Council"))])
    walk(terminal, BACK_AND_SEARCH[:7])
    assert "\u2594" in terminal.last.text, f"the search box lost its border\n{terminal.last}"  # type: ignore[union-attr]
    # Down moves item by item here: the steps through a wrapped item's rows are screen-reader mode's.
    walk(terminal, [(keys, check) for keys, check in BACK_AND_SEARCH[7:] if not getattr(check, "within_item", False)])


def test_a_move_repaints_only_the_rows_that_change(start_app: Callable[..., Terminal], tmp_path: Path) -> None:
    """Screen changes are few and local: one Down rewrites the row losing the focus and the
    row gaining it, not the screen (a braille display and a slow link both gain)."""
    terminal = start_app("--screen-reader")
    log = tmp_path / "output"

    def one_down(kind: str) -> tuple[list[int], int]:
        before = terminal.settle()
        output = terminal.output_of("Down", log)
        after = terminal.last
        assert after is not None
        if kind == "list":
            changed = set(before.underlined_rows()) | set(after.underlined_rows())
        else:
            changed = {before.y, after.y}
        written = rows_written(output)
        assert written and set(written) <= changed, f"{kind}: rows {written} rewritten, only {sorted(changed)} changed"
        assert output.endswith(f"\x1b[{after.y + 1};{after.x + 1}H") or f"\x1b[{after.y + 1};{after.x + 1}H" in output
        return written, len(output.encode())

    terminal.press("F1")  # the longest list: every key
    measures = {"help list": one_down("list"), "help list again": one_down("list")}
    terminal.press("Escape")
    terminal.press("Enter")  # the reader on the first paper
    measures["reading line"] = one_down("line")
    print("\nOne Down, bytes written to the terminal:", {k: v[1] for k, v in measures.items()})
    assert all(size < 1000 for _, size in measures.values()), measures
