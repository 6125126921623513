"""reflow.py: PDF lines -> paragraphs -> display lines with their source spans."""

from __future__ import annotations

from memberdesk.papers.reflow import Paragraph, paragraphs, wrap

PAGE = """Report of the Executive Director of Adult Services
1. Purpose of the report
1.1 This report sets out performance against the Adult Social Care Outcomes Framework for
the second quarter of 2026/27, and the actions being taken where performance is below
target.
2.1 The Committee is asked to:
(a) note the performance set out in the table at paragraph 4.2;
(b) comment on the actions proposed to reduce waiting times; and
Care Act assessments completed within 28 days 85% 78% 74% Below target
Reviews completed within 12 months 80% 81% 83% On target
The environ-
mental health team [see Appendix A] reported to the Cabinet on 2 February 2027 about the
new system.
Page 3"""


def test_paragraphs_join_wrapped_prose_and_keep_blocks() -> None:
    texts = [p.text for p in paragraphs(PAGE)]
    assert texts[0] == "Report of the Executive Director of Adult Services"
    assert texts[1] == "1. Purpose of the report"
    assert texts[2].startswith("1.1 This report sets out") and texts[2].endswith("below target.")
    assert "(a) note the performance set out in the table at paragraph 4.2;" in texts
    assert "Care Act assessments completed within 28 days 85% 78% 74% Below target" in texts
    assert "Reviews completed within 12 months 80% 81% 83% On target" in texts
    assert any(t.startswith("The environmental health team [see Appendix A]") for t in texts)
    assert texts[-1] == "Page 3"


def test_headings_are_marked_but_table_rows_are_not() -> None:
    by_text = {p.text: p for p in paragraphs(PAGE)}
    assert by_text["1. Purpose of the report"].heading
    row = by_text["Reviews completed within 12 months 80% 81% 83% On target"]
    assert row.table_row and not row.heading
    assert not by_text["2.1 The Committee is asked to:"].heading


def test_wrap_respects_width_and_maps_back_to_paragraph_text() -> None:
    paras = [Paragraph("The quick brown fox jumps over the lazy dog " * 5), Paragraph("Short.")]
    lines = wrap(paras, 30)
    assert all(len(line.text) <= 30 for line in lines)
    for line in lines:
        if line.paragraph >= 0:
            assert paras[line.paragraph].text[line.start : line.end] == line.text
    assert any(line.paragraph == -1 and line.text == "" for line in lines)  # the gap between them


def test_double_spacing_and_long_words() -> None:
    lines = wrap([Paragraph("a" * 25 + " tail words here")], 10, double_spaced=True)
    assert lines[0].text == "a" * 10
    texts = [line.text for line in lines]
    assert "" in texts[1:]  # blank line between lines when double spaced
