"""A live profile switch, seen in a real terminal (tmux) with its colours.

The paper is open and the reading line has moved (so some rows were repainted and others not);
then F2 and Enter switch to each built-in in turn. Right after the switch, every character on
the screen must be painted in the new profile's colours and meet its contrast: the page's text
7:1 (AAA, as the built-ins promise), the rows a reading ruler dims measured apart from the rows
it keeps bright, and the ruler's size counted in lines of text. The switch's message must sit
on its own row, never over the page.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path

import pytest

from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.access.contrast import contrast_ratio, format_ratio
from memberdesk.access.profile import Colours, Profile
from memberdesk.library import Library
from memberdesk.papers.importer import Importer
from terminal import Cell, Terminal, cells, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed (scripts/test installs it)")

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"
STATUS = re.compile(r"Page \S+ \u2014 \d+ of \d+")
MARKER = "\u203a"
NON_TEXT_GLYPHS = range(0x2500, 0x25A0)  # box drawing and blocks: the scrollbar


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("switch") / "home"
    with Library(home) as library, Importer(library, workers=1) as importer:
        assert importer.import_file(DEMO).document_id is not None
    return home


@pytest.fixture
def start_app(template: Path, tmp_path: Path) -> Iterator[Callable[[str], Terminal]]:
    started: list[Terminal] = []

    def start(profile: str) -> Terminal:
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
        (home / "settings.toml").write_text(f'profile = "{profile}"\n')
        terminal = Terminal([sys.executable, "-m", "memberdesk"], env=env, socket_dir=tmp_path).start()
        started.append(terminal)
        terminal.wait_for("in the library", timeout=20)
        return terminal

    yield start
    for terminal in started:
        terminal.close()


def palette(profile: Profile) -> set[str]:
    return {profile.colours.resolved(f.name) for f in fields(Colours) if f.name != "palette"}


def text_cells(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if not cell.char.isspace()]


@pytest.mark.parametrize("name", list(BUILTIN_ORDER))
def test_a_live_switch_repaints_everything_in_the_new_colours(start_app: Callable[[str], Terminal], name: str) -> None:
    order = list(BUILTIN_ORDER)
    start = "high-contrast-dark" if name == "standard" else "standard"
    terminal = start_app(start)
    terminal.press("Enter")
    terminal.wait_for("of 13")
    terminal.press("Down", "Down", "Down", "Down")  # the reading line moves: some rows repainted, most not
    # A message first, so its line is already there: the switch then changes no sizes, and
    # nothing but the switch itself can repaint the page.
    terminal.press("Enter")
    terminal.wait_for("No page reference on this line")
    terminal.press("F2")
    terminal.wait_for("Profiles: Up and Down")
    step = order.index(name) - order.index(start)
    terminal.press(*(["Down"] * step if step > 0 else ["Up"] * -step), "Enter")
    screen = terminal.wait_for(f"Profile '{name}' is in use")
    profile = builtin_profiles()[name]
    painted = cells(screen.styled)
    status_row = next(n for n, line in enumerate(screen.lines) if STATUS.search(line))
    message_row = next(n for n, line in enumerate(screen.lines) if f"Profile '{name}' is in use" in line)
    assert message_row > status_row, f"the message covers the page or the status line:\n{screen}"
    page_rows = range(1, status_row)
    assert not any("in use" in screen.lines[n] for n in page_rows), f"a message over the page:\n{screen}"

    if profile.uses_terminal_palette:
        # The terminal's own colours: nothing painted in a colour of our choosing.
        chosen = [c for row in painted for c in text_cells(row) if "#" in c.foreground + c.background]
        assert not chosen, f"{name}: {len(chosen)} characters in RGB colours, e.g. {chosen[:3]}"
        return

    colours = profile.colours
    allowed = palette(profile)
    stale = [
        (n, c.char, c.foreground, c.background)
        for n, row in enumerate(painted)
        for c in text_cells(row)
        if c.foreground not in allowed or c.background not in allowed
    ]
    assert not stale, f"{name}: characters still in other colours after the switch: {stale[:5]}\n{screen}"

    failures: list[str] = []
    lit_rows: list[int] = []
    dimmed_rows: list[int] = []
    text_rows: list[int] = []
    for n in page_rows:
        row = text_cells(painted[n])
        for c in row:
            if ord(c.char) in NON_TEXT_GLYPHS and contrast_ratio(c.foreground, c.background) < 3.0:
                failures.append(f"row {n} scrollbar {c.foreground} on {c.background} below 3:1")
        page_text = [c for c in row if c.char != MARKER and ord(c.char) not in NON_TEXT_GLYPHS]
        if not page_text:
            continue
        text_rows.append(n)
        if all(c.foreground == colours.dim for c in page_text):
            dimmed_rows.append(n)
        else:
            lit_rows.append(n)
        for c in page_text:
            ratio = contrast_ratio(c.foreground, c.background)
            if c.background == colours.background and ratio < 7.0:
                failures.append(f"row {n} {c.char!r} {c.foreground} on {c.background} {format_ratio(ratio)}")
    assert not failures, f"{name}: page text below 7:1 (AAA): {failures[:5]}"
    cursor_row = screen.y
    assert cursor_row in text_rows and MARKER in screen.lines[cursor_row]

    # The ruler, measured apart from the rest.
    ruler = profile.layout.ruler
    if ruler == "off":
        assert not dimmed_rows, f"{name}: rows dimmed with the ruler off: {dimmed_rows}"
    else:
        at = text_rows.index(cursor_row)
        wanted = [cursor_row] if ruler == "line" else text_rows[max(0, at - 1) : at + 2]
        assert lit_rows == wanted, f"{name}: ruler '{ruler}' lights rows {lit_rows}, not {wanted}\n{screen}"
        assert dimmed_rows, f"{name}: the ruler dims nothing"
        ratios = {format_ratio(contrast_ratio(colours.dim, colours.background))}
        print(f"\n{name}: ruler rows {lit_rows}, dimmed {len(dimmed_rows)} rows at {ratios}")

    # The rest of the screen (title, status and message lines): AA for text.
    for n in [0, *range(status_row, len(painted))]:
        for c in text_cells(painted[n]):
            ratio = contrast_ratio(c.foreground, c.background)
            if ratio < 4.5:
                failures.append(f"row {n} {c.char!r} {c.foreground} on {c.background} {format_ratio(ratio)}")
    assert not failures, f"{name}: {failures[:5]}"
