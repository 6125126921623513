"""The pronunciation lexicon on council phrasing (memberdesk.access.lexicon)."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.access.lexicon import LexiconError, load_lexicon, spell


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


CASES = [
    ("Cllr Smith", "Councillor Smith"),
    ("Cllr. Smith", "Councillor Smith"),
    ("CLLR SMITH", "Councillor SMITH"),
    ("Cllrs Jones and Patel", "Councillors Jones and Patel"),
    ("the LCC budget", "the L C C budget"),
    ("BTLS and ICT", "B T L S and I C T"),
    ("SEND services", "S E N D services"),
    ("please send it", "please send it"),
    ("Send it", "Send it"),
    ("the CQC and the NHS", "the C Q C and the N H S"),
    ("the LGA said", "the L G eh said"),
    ("three KPIs", "three K P I's"),
    ("schemes, e.g. parks", "schemes, for example parks"),
    ("E.g. parks", "for example parks"),
    ("that is, i.e. parks", "that is, that is parks"),
    ("pens etc.", "pens et cetera"),
    ("£1.5m for roads", "1.5 million pounds for roads"),
    ("£20bn", "20 billion pounds"),
    ("£500k", "500 thousand pounds"),
    ("2025-26 £000's minus 3,000.0", "2025-26 thousands of pounds minus 3,000.0"),
    ("Total £000s 11,806.0", "Total thousands of pounds 11,806.0"),
    ("Budget £m, Variance £k", "Budget millions of pounds, Variance thousands of pounds"),
    ("£000,000 raised", "£000,000 raised"),
    (
        "Budget £'000 and £\u2019000\u2019s, Debt £Bn",
        "Budget thousands of pounds and thousands of pounds, Debt billions of pounds",
    ),
    ("at 10.00 am", "at 10 a.m."),
    ("at 10:00am", "at 10 a.m."),
    ("at 2.30 pm today", "at 2 30 p.m. today"),
    ("No. 5", "number 5"),
    ("item No 12", "item number 12"),
    ("No, it was not", "No, it was not"),
    ("Nos. 3 and 4", "numbers 3 and 4"),
    ("approx. 40", "approximately 40"),
    ("Smith & Co", "Smith and Co"),
    ("A&E", "A&E"),
    ("SENDER", "SENDER"),  # whole words only
    ("the schools (SEND) team", "the schools (S E N D) team"),
    # Signs before money and figures in prose: in brackets espeak-ng dropped the minus, and a
    # drawdown of reserves was heard as an addition.
    ("reserves (-£10.6m) and -£20.8m", "reserves (minus 10.6 million pounds) and minus 20.8 million pounds"),
    ("an increase of +£12.6m", "an increase of plus 12.6 million pounds"),
    ("a change of \u22124.2%", "a change of minus 4.2%"),
    ("in 2024-25 and pages 31 - 190", "in 2024-25 and pages 31 to 190"),
    ("children aged 0 -19, 10am -12pm, 5% -10%", "children aged 0 to 19, 10am to 12pm, 5% to 10%"),
    (
        "a range of £5m -£10m on 12th-14th March",
        "a range of 5 million pounds to 10 million pounds on 12th to 14th March",
    ),
    ("c£77m, c. £5m and c.40 staff", "about 77 million pounds, about 5 million pounds and about 40 staff"),
    ("c. 25 new homes; the Act 1972 c. 70", "c. 25 new homes; the Act 1972 c. 70"),
    ("down 1.3p.p. and up 0.5pp. The next", "down 1.3 percentage points and up 0.5 percentage points. The next"),
    ("Appendix A (12pp), a 40pp document", "Appendix A (12pp), a 40pp document"),
    ("SR1 | 21/02/2025 and 1/4/2025", "SR1 | 21 February 2025 and 1 April 2025"),
    ("dated 09/10/2024", "dated 9 October 2024"),
    ("a ratio of 3/4", "a ratio of 3/4"),
]


@pytest.mark.parametrize(("text", "spoken"), CASES)
def test_council_words(lexicon, text: str, spoken: str) -> None:
    assert lexicon.apply(text) == spoken


def test_spell() -> None:
    assert spell("LCC") == "L C C"
    assert spell("DfE") == "D F E"


def test_profile_words_merge_and_win(lexicon) -> None:
    mine = lexicon.merged({"Kirklees": "Kirk leez", "Cllr": "Councillor dear", "LCC": "Leeds City Council"})
    assert mine.apply("Cllr Brown of Kirklees and LCC") == "Councillor dear Brown of Kirk leez and Leeds City Council"
    # The built-in lexicon is unchanged.
    assert lexicon.apply("Cllr Brown LCC") == "Councillor Brown L C C"


def test_profile_words_are_checked(lexicon) -> None:
    with pytest.raises(LexiconError, match="'Kirklees' should be said as text"):
        lexicon.merged({"Kirklees": 3})  # type: ignore[dict-item]
    with pytest.raises(LexiconError, match="empty word"):
        lexicon.merged({" ": "x"})


def test_broken_lexicon_file(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.toml"
    bad.write_text("[words\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="cannot be read"):
        load_lexicon(bad)
    bad.write_text("[[pattern]]\nmatch = '('\nsay = 'x'\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="pattern 1"):
        load_lexicon(bad)


def test_asset_is_not_the_placeholder(lexicon) -> None:
    assert len(lexicon.words) > 10 and len(lexicon.acronyms) > 10
