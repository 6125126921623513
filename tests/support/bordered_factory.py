"""A Word table drawn with its inside borders and its top and bottom ones but no sides, as an
assessment's "Symptom | Evidence" table is: two columns, each row a label beside paragraphs
of evidence, the last row on page one running on at the top of page two (its text there
starting with a sum of money, not a letter)."""

from __future__ import annotations

from pathlib import Path

from paper_factory import BODY, BOLD, _canvas, _top, wrap

SIZE = 10.0
LEADING = 12.5
LEFT, MIDDLE, RIGHT = 42.5, 140.0, 553.0
PAD = 4.0
TITLE = "Assessment of Financial Resilience"
HEAD = ("Symptom", "Assessment")
# (label, evidence on page one, evidence carried to page two or "")
ROWS = [
    (
        "Running down reserves",
        "The council maintained a relatively stable level of usable reserves between April 2016 and March 2018. " * 12,
        "£0.358bn remained in usable reserves at the end of the year, of which £0.043bn was the general reserve.",
    ),
    (
        "A failure to plan and deliver savings",
        "The council has planned and largely delivered savings and income since 2011-12, up to 2023-24.",
        "",
    ),
]


def _rule(c: object, x0: float, y0: float, x1: float, y1: float) -> None:
    c.line(x0, 842 - y0, x1, 842 - y1)  # type: ignore[attr-defined]


def _cell(c: object, text: str, x: float, width: float, y: float) -> float:
    for line in wrap(text, width, BODY, SIZE):
        c.drawString(x, _top(y, SIZE), line)  # type: ignore[attr-defined]
        y += LEADING
    return y


def assessment(path: Path) -> Path:
    c = _canvas(path, title=TITLE)
    c.setFont(BODY, 14)
    c.drawString(LEFT, _top(60, 14), TITLE)
    c.setFont(BODY, SIZE)
    c.setLineWidth(0.5)
    label, first, carried = ROWS[0]
    top = 100.0
    _rule(c, LEFT, top, RIGHT, top)
    y = _cell(c, HEAD[0], LEFT + PAD, MIDDLE - LEFT - 2 * PAD, top + PAD)
    _cell(c, HEAD[1], MIDDLE + PAD, RIGHT - MIDDLE - 2 * PAD, top + PAD)
    head_foot = y + PAD
    _rule(c, LEFT, head_foot, RIGHT, head_foot)
    _cell(c, label, LEFT + PAD, MIDDLE - LEFT - 2 * PAD, head_foot + PAD)
    y = _cell(c, first, MIDDLE + PAD, RIGHT - MIDDLE - 2 * PAD, head_foot + PAD)
    bottom = 775.0
    assert y < bottom
    _rule(c, MIDDLE, top, MIDDLE, bottom)
    _rule(c, LEFT, bottom, RIGHT, bottom)
    c.showPage()
    c.setFont(BODY, SIZE)
    c.setLineWidth(0.5)
    top = 42.5
    _rule(c, LEFT, top, RIGHT, top)
    y = _cell(c, carried, MIDDLE + PAD, RIGHT - MIDDLE - 2 * PAD, top + PAD) + PAD
    _rule(c, LEFT, y, RIGHT, y)
    label, text, _ = ROWS[1]
    y1 = _cell(c, label, LEFT + PAD, MIDDLE - LEFT - 2 * PAD, y + PAD)
    y2 = _cell(c, text, MIDDLE + PAD, RIGHT - MIDDLE - 2 * PAD, y + PAD)
    bottom = max(y1, y2) + PAD
    _rule(c, MIDDLE, top, MIDDLE, bottom)
    _rule(c, LEFT, bottom, RIGHT, bottom)
    c.showPage()
    c.save()
    return path


def expected_rows() -> list[tuple[str, str]]:
    """The rows as read: the header's, then each label with all its evidence."""
    return [HEAD, *((label, " ".join(t.strip() for t in (first, carried) if t)) for label, first, carried in ROWS)]


DECISION_BOXES = [
    ("DECISION TO BE TAKEN BY:", ["Mrs Sue Chandler, Cabinet Member for Integrated", "Children's Services"]),
    ("DECISION NUMBER:", ["24/00093"]),
]


SHORT_BOXES = [("DECISION TO BE TAKEN BY:", ["Cabinet"]), ("DECISION NO:", ["24/00115"])]


def decision_boxes(path: Path, fields: list[tuple[str, list[str]]] = DECISION_BOXES) -> Path:
    """A record of decision's first two boxes side by side, each a label over its value (the
    label centred in its box, the value under it), then a box across the page."""
    c = _canvas(path, title="Record of decision")
    c.setLineWidth(1.0)
    boxes = [(22.0, 372.0), (415.0, 570.0)]
    for (x0, x1), (label, value) in zip(boxes, fields, strict=True):
        c.rect(x0, 842 - 143, x1 - x0, 143 - 76)
        c.setFont(BOLD, SIZE)
        c.drawCentredString((x0 + x1) / 2, 842 - 92, label)
        c.setFont(BODY, SIZE)
        for k, line in enumerate(value):
            c.drawCentredString((x0 + x1) / 2, 842 - 112 - k * LEADING, line)
    c.rect(22.0, 842 - 184, 548.0, 184 - 155)
    c.setFont(BODY, SIZE)
    c.drawString(26.0, 842 - 170, "For publication")
    c.showPage()
    c.save()
    return path


# A Word table ruled all round whose first row says what each column lists, in the body's type,
# over the lists themselves (a council's comparison of the services two places offer).
SERVICE_HEAD = (
    [
        "The services on offer at Seashells which",
        "would no longer run there include:",
        "* booking or referral required.",
    ],
    ["We would expect to offer these services", "at the Sheppey Gateway site:", "* booking or referral required."],
)
SERVICE_LISTS = (
    ["Baby Massage*", "Breastfeeding Clinic", "Breast Pump Hire", "Little Talkers*", "Stay and Play"],
    ["Baby Massage*", "Citizens Advice Clinic", "Infant Feeding Support", "Stay and Play"],
)


def service_lists(path: Path) -> Path:
    c = _canvas(path, title="Service Offer Comparison")
    c.setFont(BODY, SIZE)
    c.setLineWidth(0.5)
    middle = (LEFT + RIGHT) / 2
    top = 100.0
    y = top + PAD
    for k, x in enumerate((LEFT, middle)):
        y = max(y, _lines(c, SERVICE_HEAD[k], x + PAD, top + PAD))
    head_foot = y + PAD
    for k, x in enumerate((LEFT, middle)):
        y = max(y, _lines(c, [f"\u2022 {item}" for item in SERVICE_LISTS[k]], x + 3 * PAD, head_foot + PAD))
    bottom = y + PAD
    for y_rule in (top, head_foot, bottom):
        _rule(c, LEFT, y_rule, RIGHT, y_rule)
    for x in (LEFT, middle, RIGHT):
        _rule(c, x, top, x, bottom)
    c.showPage()
    c.save()
    return path


def _lines(c: object, lines: list[str], x: float, y: float) -> float:
    for line in lines:
        c.drawString(x, _top(y, SIZE), line)  # type: ignore[attr-defined]
        y += LEADING
    return y


# A consultation timetable ruled in full (three columns, each row boxed), its last row cut by
# the page: page two's top holds that row's end alone in a box of one row.
TIMETABLE_HEAD = ("Consultation", "Dates", "Summary")
TIMETABLE_ROWS = [
    ("Initial consultation with key stakeholders", "26th March 2021", "Early engagement on the plan's review."),
    (
        "Third public consultation on Further Proposed Changes to the",
        "13th June 2023",
        "Changes proposed included the",
    ),
]
TIMETABLE_CARRIED = ("Kent Minerals and Waste Local Plan", "", "removal of the Norwood Quarry strategic waste site.")
TIMETABLE_EDGES = (42.5, 210.0, 330.0, 553.0)


def _boxed_row(
    c: object, cells: tuple[str, ...], top: float, *, bold: bool = False, edges: tuple[float, ...] = TIMETABLE_EDGES
) -> float:
    """One row of a table boxed in full at `top` (the timetable's columns by default); where its foot is."""
    foot = top
    for (x0, x1), text in zip(zip(edges, edges[1:]), cells, strict=True):
        c.setFont(BOLD if bold else BODY, SIZE)  # type: ignore[attr-defined]
        foot = max(foot, _cell(c, text, x0 + PAD, x1 - x0 - 2 * PAD, top + PAD) + PAD)
    for x in edges:
        _rule(c, x, top, x, foot)
    _rule(c, edges[0], top, edges[-1], top)
    _rule(c, edges[0], foot, edges[-1], foot)
    return foot


# A glossary in two columns, its last term and definition both cut by the page.
GLOSSARY_EDGES = (42.5, 200.0, 553.0)
GLOSSARY_HEAD = ("Term", "Definition")
GLOSSARY_ROWS = [("Gilt", "A bond issued by the government."), ("Weighted", "The average time it takes for every")]
GLOSSARY_CARRIED = ("average life (WAL)", "pound of principal to be repaid.")


def _boxed_table(
    c: object,
    head: tuple[str, ...],
    rows: list[tuple[str, ...]],
    top: float,
    edges: tuple[float, ...],
    *,
    bold: bool = True,
) -> float:
    """A table boxed row by row at `top`, its header bold (or not); where its foot is."""
    c.setLineWidth(0.5)  # type: ignore[attr-defined]
    for row in (head, *rows):
        top = _boxed_row(c, row, top, bold=bold and row == head, edges=edges)
    return top


def glossary(path: Path) -> Path:
    c = _canvas(path, title="Glossary")
    _boxed_table(c, GLOSSARY_HEAD, GLOSSARY_ROWS, 650.0, GLOSSARY_EDGES)
    c.showPage()
    c.setLineWidth(0.5)
    _boxed_row(c, GLOSSARY_CARRIED, 60.0, edges=GLOSSARY_EDGES)
    c.showPage()
    c.save()
    return path


TIMETABLE_NEXT = ("Fourth consultation on the Plan", "1st May 2024", "Responses were published in the summer.")


def timetable(path: Path, *, whole: bool = False) -> Path:
    """The timetable; with `whole`, page two's box holds a row of its own, not the cut one's end."""
    c = _canvas(path, title="Consultation timetable")
    c.setLineWidth(0.5)
    y = 600.0
    y = _boxed_row(c, TIMETABLE_HEAD, y, bold=True)
    for row in TIMETABLE_ROWS:
        y = _boxed_row(c, row, y)
    c.showPage()
    c.setLineWidth(0.5)
    y = _boxed_row(c, TIMETABLE_NEXT if whole else TIMETABLE_CARRIED, 60.0)
    c.setFont(BODY, SIZE)
    _cell(c, "The Plan was then submitted for independent examination in the spring.", TIMETABLE_EDGES[0], 500, y + 30)
    c.showPage()
    c.save()
    return path


def timetable_header_alone(path: Path) -> Path:
    """The timetable with its header row boxed alone at page one's foot, its rows on page two."""
    c = _canvas(path, title="Consultation timetable")
    c.setLineWidth(0.5)
    c.setFont(BODY, SIZE)
    _cell(c, "The consultations held on the Plan are set out in the table below.", TIMETABLE_EDGES[0], 500, 690)
    _boxed_row(c, TIMETABLE_HEAD, 720.0, bold=True)
    c.showPage()
    c.setLineWidth(0.5)
    y = 60.0
    for row in TIMETABLE_ROWS:
        y = _boxed_row(c, row, y)
    c.showPage()
    c.save()
    return path


# A meeting note's action points, boxed, the header in the body's own type (not bold).
ACTIONS_EDGES = (42.5, 90.0, 460.0, 553.0)
ACTIONS_HEAD = ("Ref", "Action", "Status")
ACTIONS_ROWS = [
    ("1", "JG will communicate the most recent slides and the Mid Year Review to all members.", "Complete"),
    ("2", "Officers to report the pooled funds' performance at the next meeting.", "Open"),
]


def action_points(path: Path) -> Path:
    c = _canvas(path, title="Meeting note")
    _boxed_table(c, ACTIONS_HEAD, ACTIONS_ROWS, 200.0, ACTIONS_EDGES, bold=False)
    c.showPage()
    c.save()
    return path


# A budget's table boxed in full, its total boxed on its own under it after a gap.
BUDGET_EDGES = (42.5, 250.0, 350.0, 450.0, 553.0)
BUDGET_HEAD = ("Directorate", "Staffing £000s", "Income £000s", "Net Cost £000s")
BUDGET_ROWS = [
    ("Adult Social Care", "416,940.9", "-384,003.1", "1,530,923.8"),
    ("Children", "208,141.9", "-9,000.0", "429,966.5"),
]
BUDGET_TOTAL = ("Total Budget", "1,025,082.8", "-1,491,291.7", "0.0")


def boxed_total(path: Path) -> Path:
    c = _canvas(path, title="Directorate and funding")
    y = _boxed_table(c, BUDGET_HEAD, BUDGET_ROWS, 200.0, BUDGET_EDGES)
    _boxed_row(c, BUDGET_TOTAL, y + 18.0, bold=True, edges=BUDGET_EDGES)
    c.setFont(BODY, SIZE)
    _cell(c, "The budget is balanced: the total net cost is met by the funding set out below.", 42.5, 500, y + 80)
    c.showPage()
    c.save()
    return path
