"""A walk through search, notes, bookmarks, find, the councils and the paper record under a
real screen reader.

Fenrir (Debian's fenrir, its own PTY emulation inside tmux, speech written to a file) runs
memberdesk in screen-reader mode. After each key, what Fenrir says must hold the newly
focused item whole (the row the terminal cursor is on), and not the row the cursor left, a
message from before, or a warning. Every screen opened is left again: with Ctrl+G under
Fenrir (which keeps Escape for itself in its PTY mode), and the same walk with Escape in a
plain terminal.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fenrir import Speech, fenrir_available, memberdesk_program, write_settings
from library_factory import walk_library
from terminal import Screen, Terminal, tmux_available

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"
# Words Fenrir puts in for punctuation: the same row spoken has them, the screen does not.
SPOKEN_PUNCTUATION = {"dash", "star", "plus", "at"}


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in SPOKEN_PUNCTUATION]


def says(said: str, row: str) -> bool:
    """Whether the row's words are in what was said, whole and in order."""
    row_words, said_words = words(row), words(said)
    n = len(row_words)
    return any(said_words[i : i + n] == row_words for i in range(len(said_words) - n + 1))


# (key or "type:TEXT", words the cursor's row must hold afterwards, words Fenrir must say).
# The library opens on the next meeting; the demo agenda pack's front sheet has "webcast".
WALK = [
    ("C-f", "Search for...", "Search every paper"),
    ("type:webcast", "webcast", "webcast"),
    ("Enter", "agenda reports pack, 12 January 2027, page i", "agenda reports pack, 12 January 2027, page i"),
    ("Enter", "The meeting will be webcast live.", "The meeting will be webcast live."),  # on the hit
    ("a", "", "Note on page i. Ctrl plus S saves"),
    ("type:Ask about the webcast", "Ask about the webcast", "Ask about the webcast"),
    ("C-s", "The meeting will be webcast live.", "Note saved on page i."),
    ("m", "The meeting will be webcast live.", "Page i bookmarked."),
    ("Right", "Agenda", "Agenda"),
    ("o", "Bookmark, page i", "Bookmark, page i"),
    ("Enter", "Northshire County Council", "Northshire County Council"),  # the bookmark's page
    ("o", "Bookmark, page i", "Bookmark, page i"),
    ("Down", "Note, page i: Ask about the webcast", "Note, page i: Ask about the webcast"),
    ("Enter", "Northshire County Council", "Northshire County Council"),
    ("o", "Bookmark, page i", "Bookmark, page i"),
    ("CLOSE", "Northshire County Council", "Northshire County Council"),  # the list, back to the page
    ("/", "Find in this paper", "Find in this paper"),
    ("type:hearing", "hearing", "hearing"),
    ("Enter", "hearing loop.", "«hearing» loop. Large print and braille copies"),  # the hit's row, said
    ("n", "hearing loop.", "The only match: «hearing» loop."),
    ("CLOSE", "agenda reports pack, 12 January 2027, page i", "12 January 2027, page i"),  # the reader
    ("CLOSE", "Next meeting: Cabinet", "Next meeting: Cabinet"),  # search, back to the library
    ("c", "Next meeting ", "in 7 days, 2 papers"),  # councils: on the followed committee's next meeting
    ("Enter", "Item 1 Apologies for absence", "Item 1 Apologies for absence"),
    ("Down", "Item 2 Highways budget", "Item 2 Highways budget"),
    ("Enter", "2 Highways budget", "The committee considered the budget."),  # the item's own text
    ("CLOSE", "Item 2 Highways budget", "Item 2 Highways budget"),
    ("CLOSE", "Next meeting ", "in 7 days, 2 papers"),
    ("CLOSE", "Cabinet, followed", "Cabinet, followed"),
    ("CLOSE", "Northshire County Council, following 1 committee", "Northshire County Council, following 1"),
    ("CLOSE", "Next meeting: Cabinet", "Next meeting: Cabinet"),  # the councils screen, back to the library
    ("C-r", "pages read on screen this year", "pages read on screen this year"),
    ("Down", "year's target of 1,000 sheets", "target of 1,000 sheets"),  # its second row
    ("CLOSE", "Next meeting: Cabinet", "Next meeting: Cabinet"),
]


def _start(tmp_path: Path, command: list[str]) -> Terminal:
    return Terminal(command, env={"LANG": "C.UTF-8"}, socket_dir=tmp_path)


def _press(terminal: Terminal, key: str, close: str) -> Screen:
    if key.startswith("type:"):
        return terminal.type(key[5:])
    return terminal.press(close if key == "CLOSE" else key)


@pytest.mark.skipif(
    not (tmux_available() and fenrir_available()),
    reason="needs tmux and Debian's fenrir (apt-get install tmux fenrir): an optional check with a real screen reader",
)
def test_fenrir_walks_search_notes_bookmarks_find_councils_and_the_paper_record(tmp_path: Path) -> None:
    home = tmp_path / "home"
    walk_library(home, DEMO)
    speech = Speech(tmp_path / "spoken")
    settings = write_settings(tmp_path, memberdesk_program(tmp_path, home), speech.path)
    with _start(tmp_path, ["fenrir", "-e", "-s", str(settings)]) as terminal:
        screen = terminal.wait_for("papers in the library", timeout=30)
        speech.next("papers in the library", timeout=10)
        speech.settled()
        problems: list[str] = []
        for key, row, spoken in WALK:
            left = screen.cursor_row.strip()
            _press(terminal, key, "C-g")
            said = speech.next(spoken.split(".")[0], timeout=10) + speech.settled()
            # The screen as it stands once Fenrir is done: on a loaded machine the app's last
            # paint (the cursor put on the hit) can come after the screen first looked still.
            screen = terminal.settle()
            problems += _heard_problems(key, row, spoken, said, left, screen)
        assert not problems, "\n\n".join(problems)


def _heard_problems(key: str, row: str, spoken: str, said: str, left: str, screen: Screen) -> list[str]:
    where = f"after {key}: Fenrir said {said!r}\n{screen}"
    found = []
    if row not in screen.cursor_row:
        found.append(f"the cursor is not on {row!r}; {where}")
    if key.startswith("type:"):
        # Typed text is echoed as it arrives, perhaps in more than one piece ("he", "aring"),
        # as when a person types. Fenrir keeps silent about a piece that moved the cursor by
        # exactly its own length (its key-echo rule, 70000-incoming.py: charEcho speaks
        # those), so the last piece may go unsaid: what is said must begin the typed text,
        # in order and with nothing else; the row itself is checked whole above.
        typed, echoed = re.sub(r"[\s,]", "", spoken), re.sub(r"[\s,]", "", said)
        if not echoed or not typed.startswith(echoed):
            found.append(f"{spoken!r} was not echoed; {where}")
    elif spoken not in said:
        found.append(f"{spoken!r} was not said; {where}")
    # When the cursor moved, its new row is said (after Ctrl+S the confirmation alone is
    # wanted: the reading line need not be said again).
    moved = screen.cursor_row.strip() != left
    if (
        moved
        and screen.cursor_row.strip()
        and key != "C-s"
        and not key.startswith("type:")
        and not says(said, screen.cursor_row)
    ):
        found.append(f"the focused row was not said whole; {where}")
    # Fenrir says "blank" for an empty row the cursor lands on: right for an empty note, noise
    # (a row caught half-painted, a cursor on its way) anywhere else. Known and left: a dialog
    # opening over the library (Ctrl+R) is now and then repainted once more after it is said,
    # and Fenrir names that repaint "blank" and then its colours ("has attribute"); the row
    # itself was said whole before it. That pair, at the end, is the repaint, not a landing.
    units = [u.strip() for u in said.splitlines() if u.strip()]
    repainted = units[-2:] == ["blank", "has attribute"] and says(said, screen.cursor_row)
    if "blank" in units and screen.cursor_row.strip() and not repainted:
        found.append(f"'blank' was said with the cursor on words; {where}")
    if "Warning" in said or "Problem" in said:
        found.append(f"a warning was said; {where}")
    if left and left not in screen.text and not key.startswith("type:") and says(said, left):
        found.append(f"the row left behind was said again; {where}")
    if key == "C-s":
        # The confirmation (with the status line, which now counts the note), not the note
        # line's prompt again and not a row of the page. (Fenrir said whichever row Textual's
        # whole-page repaint was writing when Fenrir read the terminal; now nothing but the
        # bottom rows is written: see test_writing_a_note_repaints_only_the_bottom_rows.)
        page_rows = [r for r in screen.lines[1:-2] if len(words(r)) > 2 and r != screen.cursor_row]
        if "Note on page i" in said or any(says(said, r) for r in page_rows):
            found.append(f"the page or the prompt was read again; {where}")
    if key in ("CLOSE", "Enter") and ("Note saved" in said or "bookmarked." in said):
        found.append(f"a stale message was said again; {where}")
    return found


@pytest.mark.skipif(not tmux_available(), reason="needs tmux")
def test_the_same_walk_leaves_every_screen_with_escape(tmp_path: Path) -> None:
    """Without Fenrir, Escape reaches memberdesk: the same walk, every screen closed with it."""
    home = tmp_path / "home"
    walk_library(home, DEMO)
    program = memberdesk_program(tmp_path, home)  # the same script Fenrir runs
    with _start(tmp_path, [str(program)]) as terminal:
        terminal.wait_for("papers in the library", timeout=30)
        for key, row, _spoken in WALK:
            screen = _press(terminal, key, "Escape")
            assert row in screen.cursor_row, f"after {key}: cursor not on {row!r}\n{screen}"


@pytest.mark.skipif(not tmux_available(), reason="needs tmux")
def test_writing_a_note_repaints_only_the_bottom_rows(tmp_path: Path) -> None:
    """A screen reader speaks every row that is written: opening the note line, saving the note
    and leaving it write the two bottom rows (and the cell the cursor returns to), never the page."""
    from terminal import rows_in_order

    home = tmp_path / "home"
    walk_library(home, DEMO)
    program = memberdesk_program(tmp_path, home, "open 2")  # the demo pack
    with _start(tmp_path, [str(program)]) as terminal:
        terminal.wait_for("1 of 13", timeout=30)
        reading_row = terminal.settle().y
        bottom = {terminal.height - 2, terminal.height - 1}
        for key in ["a", "C-s", "a", "C-g"]:
            if key == "C-s":
                terminal.type("Ask about the webcast")
            painted = set(rows_in_order(terminal.output_of(key, tmp_path / "out")))
            assert painted and painted <= bottom | {reading_row}, f"after {key}: rows {sorted(painted)} written"
            if key == "C-s":
                assert "Note saved on page i." in terminal.settle().lines[-1]
