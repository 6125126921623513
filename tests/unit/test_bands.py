"""Lines across a page (bands.py): a footnote mark raised over its line joins it; a line of
small type set close under a big title, touching it, is a line of its own (Kent slide 3: a
subtitle read word by word into its title, "We Give will ensure children that ...")."""

from __future__ import annotations

from memberdesk.papers.bands import bands
from memberdesk.papers.shapes import Box, Word


def _line(text: str, x: float, y0: float, y1: float, size: float) -> list[Word]:
    words = []
    for n, part in enumerate(text.split()):
        width = 0.5 * size * len(part)
        words.append(Word(part, Box(x, y0, x + width, y1), size, order=n))
        x += width + 0.3 * size
    return words


def test_a_subtitle_touching_a_big_title_is_a_line_of_its_own() -> None:
    title = _line("Give children the best start", 15, 28.7, 45.6, 18.0)
    subtitle = _line("We will ensure that the conditions are in place", 15, 44.4, 57.9, 11.0)
    got = [" ".join(w.text for w in band.words) for band in bands(title + subtitle)]
    assert got == ["Give children the best start", "We will ensure that the conditions are in place"]


def test_a_footnote_mark_raised_over_its_line_joins_it() -> None:
    line = _line("The saving was delivered", 15, 100, 112, 11.0)
    mark = [Word("3", Box(line[-1].box.x1 + 1, 96, line[-1].box.x1 + 4, 104), 6.0, order=9)]
    [band] = bands(line + mark)
    assert [w.text for w in band.words] == ["The", "saving", "was", "delivered", "3"]
