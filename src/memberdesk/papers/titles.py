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
        ^(by|from|to|author|subject|report\s+author)\s*:?$ |
        ^(the\s+)?(report|paper|document|appendix|agenda|minutes)$ | ^item\s*\d{0,3}$ |
        \.(docx?|dotx?|pdf|rtf|odt|xlsx?|pptx?|rpt|txt|html?)\s*$ |
        ^[\w.-]+_[\w.-]+$ | \\ | ^~?/ | /[^/\s]*\.\w{2,4}$
    )""",
    re.I | re.VERBOSE,
)


# Words a title does not end on: a heading set over several lines as paragraphs of their own
# ("Summons to and Agenda for a" / "Meeting on" / "Thursday, 13th March, 2025") runs on.
# English and Welsh, the languages of the councils served.
_RUNS_ON = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "ac",
        "am",
        "ar",
        "gan",
        "i",
        "o",
        "y",
        "yr",
    ]
)
RUN_ON_WORDS = 30  # the most words a title runs on to
LABELLED_WITHIN = 15  # blocks of page one where a report's "Subject:" line is looked for
_LABELLED = re.compile(r"^(?:subject|report title|title of report|title)\s*:\s*(\S.{2,})$", re.I)
# A status stamped over the title, not the title: "DRAFT VERSION", "CONFIDENTIAL".
_STAMP = re.compile(r"^(draft|draft version|confidential|restricted|exempt|not for publication|final)$", re.I)


def _run_on(blocks: Sequence[Block], k: int) -> str:
    words = blocks[k].text.split()
    for block in blocks[k + 1 :]:
        if words[-1].casefold().strip(",;:") not in _RUNS_ON or len(words) >= RUN_ON_WORDS:
            break
        if block.size != blocks[k].size or not block.text.strip():
            break
        words += block.text.split()
    return " ".join(words)


def is_template_title(title: str, file_name: str = "") -> bool:
    """Whether a metadata title says nothing about the paper (a template's, a tool's, a file's)."""
    text = " ".join(title.split())
    if len(text) < 3 or not any(c.isalpha() for c in text):
        return True
    if _TEMPLATE.search(text):
        return True
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name).replace("_", " ").strip().lower()
    return bool(stem) and text.lower().replace("_", " ") == stem


# "Appendix E", "Item 7": the label a title may start with, naming which of a meeting's papers it is.
_LABEL = re.compile(r"^((?i:appendix|annexe?|item|schedule|enclosure))\s+([A-Z]{1,2}|\d{1,3})\b")
LABEL_WORDS = 8  # a block that starts with a label and runs longer is prose ("Appendix C sets out ...")


def _relabelled(text: str, file_name: str, printed: Sequence[str]) -> str:
    """The metadata's title with the label page one prints in place of another: a paper made
    from last year's (or another appendix's) file keeps its old Title ("Appendix E - Annual
    Minimum Revenue Provision Statement" on the paper printed "Appendix O"). Only where page
    one's short lines and the file name, between them, name one other label (a letter in
    capitals or a number) and none names the metadata's own."""
    own = _LABEL.match(text)
    if own is None:
        return text
    kind = own.group(1).casefold()
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name).replace("_", " ")
    labels = set()
    for line, named in [*((p, False) for p in printed), (stem, True)]:
        words = " ".join(line.split())
        found = _LABEL.match(words)
        if found and found.group(1).casefold() == kind and (named or len(words.split()) <= LABEL_WORDS):
            labels.add(found.group(2).upper())
    if len(labels) != 1 or own.group(2).upper() in labels:
        return text
    return text[: own.start(2)] + labels.pop() + text[own.end(2) :]


def choose_title(
    metadata: str, file_name: str, first_page: Sequence[Block], printed: Sequence[str] = (), header: str = ""
) -> str:
    """The title to show and read for a paper; `printed` is all page one's text, its running
    lines too (an appendix's label is often printed as its header); `header` the running
    header, the title where page one has no heading of its own (a register printed with its
    name over every page)."""
    text = " ".join((metadata or "").split())
    if text and not is_template_title(text, file_name):
        text = _relabelled(text, file_name, [*printed, *(b.text for b in first_page)])
        # The same words printed on page one are shown as printed: a Title typed into the
        # file's properties is often cased at random ("FinancE MONITORING REPORT").
        same = [b.text.strip() for b in first_page if " ".join(b.text.split()).casefold() == text.casefold()]
        # The title printed in full on page one, the metadata only its start ("Appendix D"
        # for "APPENDIX D - High Level 2025-28 Revenue Plan and Financing"): the printed one.
        fuller = [
            b.text.strip()
            for b in first_page
            if b.kind == HEADING and " ".join(b.text.split()).casefold().startswith(text.casefold() + " ")
        ]
        lines = {" ".join(t.split()).casefold() for t in printed}
        subject = _subject(first_page)
        if not same and not fuller and subject and text.casefold() not in lines:
            # A title left from last year's file ("PAY BARGAINING") that page one prints as
            # no line of its own, under a report's "Subject: Pay Policy Statement 2025/26".
            return subject
        # ModernGov glues its prefix on: "(Public Pack)Agenda Document for Cabinet, ...".
        return re.sub(r"^(\([^)]*\))(?=\w)", r"\1 ", next(iter(same + fuller), text))
    if subject := _subject(first_page):
        return subject
    for block in first_page[:LABELLED_WITHIN]:
        # Minutes name their meeting in their first line, under the council's letterhead (every
        # set of minutes it prints has that): "MINUTES of a meeting of the County Council held
        # in ... on Thursday, 13 February 2025." -> "Minutes of the County Council, Thursday, ...".
        minutes = _MINUTES.match(" ".join(block.text.split()))
        if minutes:
            return f"Minutes of the {minutes.group(1)}, {minutes.group(2)}"
    headed = [
        k for k, b in enumerate(first_page) if b.kind == HEADING and b.text.strip() and not _STAMP.match(b.text.strip())
    ]
    # A council's name at the head of the page is its letterhead: every paper it prints has
    # it. The heading under it names the paper ("Quarterly Performance Report").
    if headed and _ORGANISATION.match(" ".join(first_page[headed[0]].text.split())):
        # Only the headings set with it, before the page's text begins (a cover's lines).
        under = []
        for k in range(headed[0] + 1, len(first_page)):
            if first_page[k].kind != HEADING:
                break
            under.append(k)
        named = [k for k in under if _names_a_paper(first_page[k].text)]
        return _run_on(first_page, (named or headed)[0])
    if headed:
        return _run_on(first_page, headed[0])
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name).replace("_", " ").strip()
    if len(re.findall(r"[A-Za-z]{2,}", stem)) < 2 and _names_paper(header):
        return " ".join(header.split())  # a file named "x07": its header names it better
    return stem or file_name


def _subject(first_page: Sequence[Block]) -> str:
    """A council report's template names it on page one: "Subject: Quarterly Performance
    Report, Quarter 3, 2024/25" under "From:" and "To:" (its first heading is "Summary:")."""
    for block in first_page[:LABELLED_WITHIN]:
        labelled = _LABELLED.match(" ".join(block.text.split()))
        if labelled:
            return labelled.group(1)
    return ""


_MINUTES = re.compile(
    r"^minutes\s+of\s+(?:a|the)\s+meeting\s+of\s+(?:the\s+)?(.+?)\s+held\b.*?\bon\s+((?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4})",
    re.I,
)


# A council's (or its borough's) name alone: "Kent County Council", "London Borough of Hackney".
_ORGANISATION = re.compile(
    r"^(?:The\s+)?(?!(?:Report|Meeting|Questions?|Motion|Agenda|Minutes|Notice|Full)\b)"
    r"(?:[A-Z][A-Za-z'&.-]*\s+){1,4}(?:Council|COUNCIL)$"
    r"|^(?:The\s+)?(?:London\s+|Royal\s+|Metropolitan\s+)?Borough\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2}$"
    r"(?<!Plan)(?<!Report)(?<!Strategy)(?<!Statement)(?<!Policy)(?<!Review)"
)
_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d|\d.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)


def _names_a_paper(heading: str) -> bool:
    """Whether a heading under a letterhead names the paper ("Quarterly Performance Report"),
    not a committee's name, a section's label or a date ("CABINET", "UNRESTRICTED ITEMS",
    "Thursday 13 March 2025"): three words or more, no council's name, no date alone."""
    text = " ".join(heading.split())
    if len(text.split()) < 3 or _ORGANISATION.match(text):
        return False
    return not (_DATE.search(text) and len(text.split()) <= 5)


_NO_NAME = re.compile(r"\b(council|official|sensitive|restricted|confidential|draft|page)\b|^agenda item\b", re.I)


def _names_paper(header: str) -> bool:
    """Whether a running header could name the paper: words, not a page number, a council's
    own name or a security marking ("OFFICIAL - SENSITIVE")."""
    words = re.findall(r"[A-Za-z]{2,}", header)
    return len(words) >= 2 and not _NO_NAME.search(header) and not _STAMP.match(header.strip())
