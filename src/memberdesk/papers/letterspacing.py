"""A word printed letter by letter with spaces between ("A G E N D A", a frontsheet's title)
-> the word it spells, so that speech says "agenda" instead of spelling six letters, a braille
display shows one word and search finds it. Pure.

Only a line made of nothing but single letters of one size and weight, four or more, spaced
evenly and closer than an em, is joined: a list of options ("A  B  C") or a table's column
letters stand further apart or share their line with other words.
"""

from __future__ import annotations

import statistics

from memberdesk.papers.bands import bands
from memberdesk.papers.shapes import Box, Word

LEAST_LETTERS = 4
LETTER_GAP = 0.8  # ems: the widest space between letters still read as letter spacing
WORD_BREAK = 2.0  # times the line's usual letter gap: a space between two spelled words


def joined(words: list[Word]) -> list[Word]:
    """The words with each spaced-out line's letters joined into the words they spell."""
    if sum(1 for w in words if len(w.text) == 1 and w.text.isalpha()) < LEAST_LETTERS:
        return words
    made: dict[int, Word] = {}  # the first letter of a spelled word -> the word
    gone: set[int] = set()  # its other letters
    for band in bands(words):
        letters = band.words
        if not _spaced_out(letters):
            continue
        gaps = [b.box.x0 - a.box.x1 for a, b in zip(letters, letters[1:])]
        usual = statistics.median(gaps)
        run = [letters[0]]
        for gap, letter in zip([*gaps, None], [*letters[1:], None]):
            if letter is not None and gap is not None and gap <= WORD_BREAK * max(usual, 0.05 * letter.size):
                run.append(letter)
                continue
            made[id(run[0])] = _word(run)
            gone.update(id(w) for w in run[1:])
            if letter is not None:
                run = [letter]
    if not made:
        return words
    return [made.get(id(w), w) for w in words if id(w) not in gone]


def _spaced_out(letters: list[Word]) -> bool:
    if len(letters) < LEAST_LETTERS:
        return False
    first = letters[0]
    if not all(len(w.text) == 1 and w.text.isalpha() and w.bold == first.bold for w in letters):
        return False
    sizes = [w.size for w in letters]
    if len({w.text.isupper() for w in letters}) > 1 or max(sizes) > 1.2 * min(sizes):
        return False
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(letters, letters[1:])]
    return min(gaps) > 0 and statistics.median(gaps) < LETTER_GAP * first.size


def _word(run: list[Word]) -> Word:
    if len(run) == 1:
        return run[0]
    box = Box(run[0].box.x0, min(w.box.y0 for w in run), run[-1].box.x1, max(w.box.y1 for w in run))
    first = run[0]
    return Word(
        "".join(w.text for w in run),
        box,
        first.size,
        first.bold,
        first.order,
        first.sideways,
        first.from_form,
        first.light,
        first.ink,
    )
