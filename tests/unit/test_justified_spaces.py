"""A justified line's widened word spaces are not gutters; the gaps from it to a table's next
cells still are."""

from __future__ import annotations

from memberdesk.papers.bands import bands
from memberdesk.papers.gutters import free
from memberdesk.papers.shapes import Box, Word

SIZE = 11.0
LEAST = 0.8 * SIZE


def _band(spec: list[tuple[str, float]]) -> list[Word]:
    """Words at the x each starts, 6 points a letter."""
    return [
        Word(text, Box(x, 100.0, x + 6 * len(text), 100.0 + SIZE), SIZE, False, k) for k, (text, x) in enumerate(spec)
    ]


def _line(words: list[str], x: float, gap: float) -> list[tuple[str, float]]:
    out = []
    for word in words:
        out.append((word, x))
        x += 6 * len(word) + gap
    return out


def test_a_justified_lines_spaces_are_notfree() -> None:
    [band] = bands(_band(_line(["Declarations", "of", "Disclosable", "Pecuniary", "Interests"], 87.0, 13.0)))
    assert free(band, 50.0, 540.0, LEAST) == [(50.0, 87.0), (band.x1, 540.0)]


def test_a_justified_cell_still_leaves_the_gaps_to_the_next_cells() -> None:
    cell = _line(["Council", "Chamber,", "Sessions", "House,"], 78.0, 16.0)
    words = _band([*cell, ("Telephone:", 329.0), ("Tel:", 407.0)])
    [band] = bands(words)
    stretches = free(band, 50.0, 540.0, LEAST)
    end = cell[-1][1] + 6 * len(cell[-1][0])
    assert (end, 329.0) in stretches and (329.0 + 60.0, 407.0) in stretches
    assert not any(78.0 < a < end for a, _b in stretches)  # none inside the justified cell


def test_a_row_of_figures_spaced_alike_keeps_its_gutters() -> None:
    [band] = bands(_band(_line(["Total", "1,234", "5,678", "9,012", "3,456"], 78.0, 40.0)))
    assert len(free(band, 50.0, 540.0, LEAST)) == 6


def test_a_justified_line_with_a_reference_and_a_dash_among_its_words_is_still_one_line() -> None:
    # "Subject: Cabinet reconsideration of Decision 24/00093 - Future of", every space widened
    # alike: two of its nine words are no words, and its spaces were taken for gutters.
    words = ["Subject:", "Cabinet", "reconsideration", "of", "Decision", "24/00093", "-", "Future", "of"]
    [band] = bands(_band(_line(words, 72.0, 13.8)))
    assert free(band, 50.0, 540.0, LEAST) == [(50.0, 72.0), (band.x1, 540.0)]
