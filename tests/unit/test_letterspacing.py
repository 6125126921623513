"""Words printed letter by letter ("A G E N D A") are read as the word they spell; letters
that are not a spaced-out word stay letters."""

from __future__ import annotations

from memberdesk.papers.letterspacing import joined
from memberdesk.papers.shapes import Box, Word


def _line(texts: list[str], gap: float, size: float = 11.0, x: float = 100.0, y: float = 50.0) -> list[Word]:
    out = []
    for k, text in enumerate(texts):
        width = 0.6 * size * len(text)
        out.append(Word(text, Box(x, y, x + width, y + size), size, True, k))
        x += width + gap
    return out


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_a_spaced_out_title_is_one_word() -> None:
    assert _texts(joined(_line(list("AGENDA"), gap=3.5))) == ["AGENDA"]


def test_two_spelled_words_stay_two() -> None:
    letters = _line(list("PART"), gap=3.0) + _line(list("ONE"), gap=3.0, x=100 + 4 * 6.6 + 3 * 3.0 + 12.0)
    assert _texts(joined(letters)) == ["PART", "ONE"]


def test_letters_that_are_not_a_spaced_word_stay_letters() -> None:
    options = _line(list("ABCD"), gap=40.0)  # a table's column letters, far apart
    assert _texts(joined(options)) == list("ABCD")
    short = _line(list("ABC"), gap=3.0)  # too few to be sure
    assert _texts(joined(short)) == list("ABC")
    mixed = _line(["Options", *"ABCD"], gap=3.0)  # letters in a line of other words
    assert _texts(joined(mixed)) == ["Options", *"ABCD"]
