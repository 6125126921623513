"""A paper's title: the one in its metadata unless that is a template's or a file name's,
else the first heading of its first page. Pure.

Council papers are made from templates, and the Title field often still says so ("Agenda
Template", "<Election Title>"), or names the program or file that made them ("Microsoft
Word - item 6.docx", "Crystal Reports - NOTICE.RPT"); read aloud, those tell a person nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from memberdesk.papers.shapes import HEADING, Block

_TEMPLATE = re.compile(
    r"""(
        \btemplate\b | \bwizard\b | <[^>]*> | \{[^}]*\} | \[[^\]]*title[^\]]*\] |
        ^(microsoft\s+(word|excel|powerpoint)|crystal\s+reports?|powerpoint\s+presentation)\b |
        ^(untitled|document\s*\d*|title|slide\s*\d*|presentation\d*|default|blank|new\s+document)$ |
        \.(docx?|dotx?|pdf|rtf|odt|xlsx?|pptx?|rpt|txt|html?)\s*$ |
        ^[\w.-]+_[\w.-]+$ | [\\/]
    )""",
    re.I | re.VERBOSE,
)


def is_template_title(title: str, file_name: str = "") -> bool:
    """Whether a metadata title says nothing about the paper (a template's, a tool's, a file's)."""
    text = " ".join(title.split())
    if len(text) < 3 or not any(c.isalpha() for c in text):
        return True
    if _TEMPLATE.search(text):
        return True
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name).replace("_", " ").strip().lower()
    return bool(stem) and text.lower().replace("_", " ") == stem


def choose_title(metadata: str, file_name: str, first_page: Sequence[Block]) -> str:
    """The title to show and read for a paper."""
    text = " ".join((metadata or "").split())
    if text and not is_template_title(text, file_name):
        # The same words printed on page one are shown as printed: a Title typed into the
        # file's properties is often cased at random ("FinancE MONITORING REPORT").
        same = (b.text.strip() for b in first_page if " ".join(b.text.split()).casefold() == text.casefold())
        return next(same, text)
    for block in first_page:
        if block.kind == HEADING and block.text.strip():
            return block.text.strip()
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name).replace("_", " ").strip()
    return stem or file_name
