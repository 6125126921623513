"""The terminal output for screen readers: frames in whole-row pieces with the cursor on the
focus, a repaint of unchanged cells not sent, a whole-screen frame replacing what waits."""

from __future__ import annotations

import re

from memberdesk.ui.screen_model import ScreenModel
from memberdesk.ui.terminal_writer import paints_whole_screen, pieces

MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")


def frame(rows: list[str], cursor: tuple[int, int], top: int = 0) -> str:
    """A frame as Textual writes one: each row after a cursor move, then the cursor."""
    body = "\n".join(f"\x1b[{top + n + 1};1H\x1b[1m{text}\x1b[0m" for n, text in enumerate(rows))
    return body + f"\x1b[{cursor[0] + 1};{cursor[1] + 1}H"


def test_a_big_frame_is_cut_between_rows_and_each_piece_ends_on_the_focus() -> None:
    rows = [f"row {n:02d} ".ljust(100, "x") for n in range(30)]
    text = frame(rows, (5, 3))
    cut = pieces(text, size=500, cursor="\x1b[20;1H")
    assert len(cut) > 3
    painted = []
    for piece in cut:
        moves = MOVE.findall(piece)
        painted += [int(r) - 1 for r, c in moves[:-1]]
        # The cursor ends on the focus once its row is painted, else back where it was.
        assert moves[-1] == (("6", "4") if 5 in painted else ("20", "1"))
    assert painted == list(range(30))  # every row once, in order
    # Nothing but cursor moves added: the same text and colours, each row whole in one piece.
    assert "".join(MOVE.sub("", p) for p in cut) == MOVE.sub("", text)
    assert all(MOVE.sub("", p).count("x" * 90) == len(MOVE.findall(p)) - 1 for p in cut)


def test_a_small_frame_or_one_not_ending_with_the_cursor_goes_whole() -> None:
    assert pieces(frame(["short"], (0, 0)), size=500) == [frame(["short"], (0, 0))]
    assert pieces("\x1b[?1049h" + "x" * 2000) == ["\x1b[?1049h" + "x" * 2000]


def test_a_whole_screen_frame_is_told_from_a_part() -> None:
    rows = ["a" * 40] * 10
    assert paints_whole_screen(frame(rows, (2, 2)), (40, 10))
    assert not paints_whole_screen(frame(rows[:9], (2, 2)), (40, 10))  # a row short
    assert not paints_whole_screen(frame(["a" * 20] * 10, (2, 2)), (40, 10))  # half the width
    assert not paints_whole_screen(frame(rows, (2, 2), top=1), (40, 11))  # not from the top


def test_a_repaint_of_what_the_screen_shows_is_not_sent_again() -> None:
    model = ScreenModel()
    first = frame(["Notes", "Bookmark, page i", "   "], (1, 2))
    assert model.unchanged_removed(first) == first
    again = frame(["Notes", "Bookmark, page 2", "   "], (1, 2))
    sent = model.unchanged_removed(again)
    assert "Bookmark, page 2" in sent and "Notes" not in sent  # only the row that changed
    assert model.unchanged_removed(again) == "\x1b[1;1H\x1b[2;1H\x1b[3;1H\x1b[2;3H"  # cursor moves only


def test_anything_but_text_colours_and_cursor_moves_makes_the_model_forget() -> None:
    model = ScreenModel()
    text = frame(["Notes"], (0, 0))
    model.unchanged_removed(text)
    assert model.unchanged_removed("\x1b[2J") == "\x1b[2J"  # the screen cleared
    assert model.unchanged_removed(text) == text  # so the same frame is sent again, whole
    left_bold = "\x1b[1;1H\x1b[1mNotes"  # colours left set: what follows depends on them
    assert model.unchanged_removed(left_bold) == left_bold
    assert model.unchanged_removed(left_bold) == left_bold
