"""Words struck through are read as deleted ("[deleted: ...]"), and on such a page the words
put in ("[added: ...]"): underlined in the deletions' ink, or set in their colour. A table's rule
under a stamp and a shaded cell's strips strike nothing; a title underlined in black and a link
underlined in blue put nothing in."""

from __future__ import annotations

from pathlib import Path

import tracked_factory as tf
from memberdesk.papers.extract import extract_pages
from memberdesk.papers.shapes import Box, Word
from memberdesk.papers.struck import joined, marked


def test_tracked_deletions_are_read_as_deleted_and_nothing_else_is(tmp_path: Path) -> None:
    [page] = extract_pages(tf.tracked(tmp_path / "tracked.pdf"))
    texts = [b.text for b in page.blocks]
    assert texts[0] == tf.EXPECTED
    assert texts[1] == f"[deleted: {tf.WHOLE_LINE}]"
    assert tf.STAMP in texts and tf.SHADED in texts


def test_a_word_struck_at_its_start_is_cut_where_the_line_ends() -> None:
    word = Word("b)a)", Box(126.0, 132.0, 147.0, 145.0), 11.0)
    strike = Box(126.0, 139.7, 136.7, 140.3)  # through "b)" only
    assert [w.text for w in marked([word], [strike])] == ["[deleted: b)]", "a)"]


def test_neighbouring_marks_are_one() -> None:
    assert joined("to [deleted: the] [deleted: old] terms") == "to [deleted: the old] terms"
    # A deletion beside an insertion stays apart from it; brackets inside a deletion are its text.
    assert joined("[added: new] [added: text] [deleted: old] [deleted: [Cabinet]]") == (
        "[added: new text] [deleted: old [Cabinet]]"
    )


def test_a_constitutions_changes_in_red_are_read_as_put_in_and_taken_out(tmp_path: Path) -> None:
    # Kent's constitution changes: insertions in red bold, deletions struck in red. What the
    # change added was heard as if it had always been there.
    [page] = extract_pages(tf.red_changes(tmp_path / "red.pdf"))
    assert [b.text for b in page.blocks] == tf.RED_EXPECTED


def test_a_page_that_only_adds_in_the_papers_change_colour_is_read_as_added(tmp_path: Path) -> None:
    # Kent's constitution changes, page 4: clause (g), new, in red bold like every addition,
    # on a page that struck nothing through; it was heard as standing text, a new duty as if
    # already in the constitution.
    from memberdesk.papers.extract import changes_across

    path = tf.red_changes(tmp_path / "red.pdf", next_page=True)
    pages = extract_pages(path)
    assert tf.RED_NEXT_EXPECTED not in [b.text for b in pages[1].blocks]  # page by page, it cannot tell
    first, second = changes_across(path, pages)
    assert [b.text for b in first.blocks] == tf.RED_EXPECTED
    assert [b.text for b in second.blocks] == [tf.RED_NEXT_EXPECTED, "The rest of the section stands as it is."]


def test_print_to_pdf_marks_strike_only_the_deleted_words(tmp_path: Path) -> None:
    # One path draws the underline of the inserted words and the strike beside them: read
    # shape by shape, the strike does not run over the inserted words. A strike that begins
    # at the comma after a kept word still strikes the words after it.
    [page] = extract_pages(tf.printed_to_pdf(tmp_path / "printed.pdf"))
    assert [b.text for b in page.blocks] == [tf.PRINTED_EXPECTED, tf.COMMA_EXPECTED]


def test_one_word_struck_in_a_grey_marks_nothing_put_in() -> None:
    # A page in dark grey with one word struck: every grey word was "[added: ...]".
    grey = 0x595959
    words = [
        Word(t, Box(72 + 40 * k, 100, 72 + 40 * k + 30, 112), 11.0, ink=grey)
        for k, t in enumerate(["The", "old", "plan", "stands"])
    ]
    strike = Box(112.0, 105.5, 142.0, 106.2)  # through "old" only
    assert [w.text for w in marked(words, [strike])] == ["The", "[deleted: old]", "plan", "stands"]


def test_words_struck_in_black_beside_words_in_the_papers_change_colour() -> None:
    # A motion's amendment: the words it takes out struck in black, those it puts in red (the
    # colour the paper's other pages strike in). The red words were read as the motion's own.
    red = 0xFF0000
    texts = [("action", 0), ("to", red), ("close", red), ("loopholes", red), ("on", 0), ("vapes", 0), ("kept", 0)]
    words = [Word(t, Box(72 + 50 * k, 100, 72 + 50 * k + 40, 112), 11.0, ink=ink) for k, (t, ink) in enumerate(texts)]
    strike = Box(272.0, 105.5, 362.0, 106.2)  # through "on vapes"
    said = [w.text for w in marked(words, [strike], frozenset({red}))]
    assert said == [
        "action",
        "[added: to]",
        "[added: close]",
        "[added: loopholes]",
        "[deleted: on]",
        "[deleted: vapes]",
        "kept",
    ]
    assert [w.text for w in marked(words, [strike])][1] == "to"  # on its own, the page cannot tell


def test_the_papers_change_colour_marks_only_pages_near_its_changes(tmp_path: Path) -> None:
    # A pack whose one appendix shows changes in red: a red RAG rating in a report pages away
    # is no addition.
    from memberdesk.papers.extract import CHANGES_NEAR, changes_across
    from memberdesk.papers.shapes import PageLayout

    path = tf.red_changes(tmp_path / "red.pdf", next_page=True)
    first, second = extract_pages(path)
    far = PageLayout(
        index=CHANGES_NEAR + 1, width=second.width, height=second.height, blocks=second.blocks, inks=second.inks
    )
    assert changes_across(path, [first, far])[1] is far  # not laid out again
