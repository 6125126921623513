"""Generate the demo agenda pack: python assets/demo/make_demo.py [OUT.pdf]

A fictional county council's scrutiny committee, shaped like a real ModernGov "reports pack":
front sheet and agenda numbered i-iii, then reports numbered from 1, an outline, headings,
numbered lists, a table, square brackets in the text, and a running header and footer.
Needs fpdf2 (a test dependency). The output is committed beside this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fpdf import FPDF

COUNCIL = "Northshire County Council"
COMMITTEE = "Health and Adult Services Scrutiny Committee"
DATE = "Tuesday, 12 January 2027 at 10.00 am"


class Pack(FPDF):
    front_matter = True

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, f"{COMMITTEE} - 12 January 2027", align="R")
            self.ln(10)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 9)
        self.cell(0, 8, f"Page {self.get_page_label()}", align="C")


def heading(pdf: Pack, text: str, size: int = 14, section: int | None = None) -> None:
    if section is not None:
        pdf.start_section(text, level=section)
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(0, 8, text)
    pdf.ln(2)


def para(pdf: Pack, text: str) -> None:
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 5.5, " ".join(text.split()))
    pdf.ln(3)


def numbered(pdf: Pack, items: list[tuple[str, str]]) -> None:
    pdf.set_font("Helvetica", "", 11)
    for number, text in items:
        pdf.set_x(pdf.l_margin)
        pdf.cell(12, 5.5, number)
        pdf.multi_cell(0, 5.5, " ".join(text.split()))
        pdf.ln(1.5)
    pdf.ln(2)


def front_sheet(pdf: Pack) -> None:
    pdf.add_page()
    pdf.set_page_label("r", None, 1)
    pdf.start_section("Front sheet", level=0)
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, COUNCIL)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, COMMITTEE)
    pdf.ln(4)
    para(pdf, f"Meeting to be held on {DATE} in Committee Room B - County Hall, Northtown, NT1 2AB.")
    para(pdf, "Contact: Priya Shah, Democratic Services Officer. Telephone: 01632 960 123. "
              "Email: democratic.services@northshire.example.gov.uk")
    heading(pdf, "Membership", 12)
    para(pdf, "County Councillors: Cllr. A Patel (Chair), Cllr. M O'Brien (Vice-Chair), Cllr. J Evans, "
              "Cllr. S Hughes, Cllr. R Kowalski, Cllr. T Nwosu, Cllr. L Whitfield and Cllr. K Young.")
    para(pdf, "Co-opted Members: Mr. D Price [Healthwatch Northshire] and Dr. E Morgan [Northshire ICB].")
    para(pdf, "The meeting will be webcast live. Please note that the public gallery has level access "
              "and a hearing loop. Large print and braille copies of this agenda are available on request.")


def agenda(pdf: Pack) -> None:
    pdf.add_page()
    pdf.start_section("Agenda", level=0)
    heading(pdf, "Agenda", 16)
    part_one = [
        ("1.", "Apologies for absence"),
        ("2.", "Declarations of interest. Members are asked to declare any disclosable pecuniary "
               "interests [DPIs] or other interests in items on this agenda."),
        ("3.", "Minutes of the meeting held on 10 November 2026. To confirm the minutes as a "
               "correct record. (Pages 1 - 2)"),
        ("4.", "Adult Social Care Performance Report, Quarter 2 2026/27. Report of the Executive "
               "Director of Adult Services. (Pages 3 - 5)"),
        ("5.", "Home Care Recommissioning: ICT and Scheduling Contract. Report of the Head of "
               "Commissioning. (Pages 6 - 8)"),
        ("6.", "Work Programme 2026/27. (Pages 9 - 10)"),
        ("7.", "Urgent business. Any other items which the Chair decides are urgent."),
        ("8.", "Date of next meeting: Tuesday, 9 March 2027 at 10.00 am."),
    ]
    numbered(pdf, part_one)
    pdf.add_page()
    heading(pdf, "Part II - Exempt information", 12)
    para(pdf, "9. Exclusion of the press and public. To consider whether the press and public should "
              "be excluded from the meeting during consideration of the following item, which contains "
              "exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local "
              "Government Act 1972 [information relating to the financial or business affairs of any "
              "particular person]. The report for this item is not included in the public pack.")
    para(pdf, "Members of the public may ask questions about items on this agenda. Questions must be "
              "received by Democratic Services by 5.00 pm on Thursday, 7 January 2027.")


def minutes(pdf: Pack) -> None:
    pdf.add_page()
    pdf.set_page_label("D", None, 1)
    pdf.start_section("3. Minutes of the meeting held on 10 November 2026", level=0)
    heading(pdf, "Minutes of the Health and Adult Services Scrutiny Committee, 10 November 2026", 13)
    para(pdf, "Present: Cllr. A Patel (Chair), Cllr. M O'Brien, Cllr. J Evans, Cllr. S Hughes, "
              "Cllr. T Nwosu and Cllr. K Young. Also in attendance: Mr. D Price (Healthwatch Northshire).")
    heading(pdf, "21. Apologies", 11)
    para(pdf, "Apologies were received from Cllr. R Kowalski and Cllr. L Whitfield.")
    heading(pdf, "22. Winter Pressures Plan", 11)
    para(pdf, "The Committee considered a report on the winter pressures plan for 2026/27, including "
              "the discharge-to-assess pathway and the £1.5m additional funding from the Better Care "
              "Fund. Members asked about delayed transfers of care at Northtown General Hospital; the "
              "Director agreed to circulate weekly figures to all Members.")
    para(pdf, "Resolved: (a) that the report be noted; (b) that a further update be brought to the "
              "March 2027 meeting; and (c) that the Chair write to the ICB regarding workforce shortages.")
    pdf.add_page()
    heading(pdf, "23. Care Quality Commission inspection outcomes", 11)
    para(pdf, "Members noted that 84% of registered adult social care providers in Northshire were "
              "rated Good or Outstanding by the CQC, compared with 81% nationally. Two providers rated "
              "Inadequate had been placed under the council's provider failure protocol.")
    para(pdf, "Resolved: that the report be noted.")
    para(pdf, "The meeting closed at 12.35 pm.")


def performance_report(pdf: Pack) -> None:
    pdf.add_page()
    pdf.start_section("4. Adult Social Care Performance Report, Quarter 2", level=0)
    heading(pdf, "Adult Social Care Performance Report, Quarter 2 2026/27", 14)
    para(pdf, "Report of the Executive Director of Adult Services. Electoral divisions affected: all. "
              "Key decision: No.")
    heading(pdf, "1. Purpose of the report", 12, section=1)
    para(pdf, "1.1 This report sets out performance against the Adult Social Care Outcomes Framework "
              "for the second quarter of 2026/27 (July to September), and the actions being taken where "
              "performance is below target.")
    heading(pdf, "2. Recommendations", 12, section=1)
    para(pdf, "2.1 The Committee is asked to:")
    numbered(pdf, [
        ("(a)", "note the performance set out in the table at paragraph 4.2;"),
        ("(b)", "comment on the actions proposed to reduce waiting times for Care Act assessments; and"),
        ("(c)", "agree which measures it wishes to examine in more detail at a future meeting."),
    ])
    heading(pdf, "3. Background", 12, section=1)
    para(pdf, "3.1 The council supports around 9,400 adults with eligible care and support needs, of "
              "whom 6,100 receive services in their own homes. Demand for home care has risen by 7% "
              "since April 2026, mainly among people aged over 85 living alone.")
    para(pdf, "3.2 Recruitment and retention of care workers remains the single largest risk. Vacancy "
              "rates among commissioned home care providers averaged 11.4% in the quarter.")
    pdf.add_page()
    heading(pdf, "4. Performance in Quarter 2", 12, section=1)
    para(pdf, "4.1 Of the twelve measures reported, eight are on or above target, two are within 5% of "
              "target, and two are below target. Each measure is shown below with its status in words.")
    para(pdf, "4.2 Performance against the main measures:")
    pdf.set_font("Helvetica", "", 9.5)
    rows = [
        ("Measure", "Target", "Q1", "Q2", "Status"),
        ("Care Act assessments completed within 28 days", "85%", "78%", "74%", "Below target"),
        ("Reviews completed within 12 months", "80%", "81%", "83%", "On target"),
        ("People still at home 91 days after reablement", "82%", "84%", "85%", "On target"),
        ("Permanent admissions to care homes (65+), per 100,000", "560", "548", "571", "Near target"),
        ("Carers' assessments completed", "1,200", "1,134", "1,262", "On target"),
        ("Safeguarding enquiries concluded within 60 days", "75%", "69%", "66%", "Below target"),
    ]
    with pdf.table(col_widths=(70, 20, 18, 18, 30), text_align=("LEFT", "CENTER", "CENTER", "CENTER", "LEFT")) as table:
        for row in rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(4)
    para(pdf, "4.3 Assessment waiting times have lengthened because of a 14% rise in new referrals and "
              "three vacant social worker posts in the north locality. A recovery plan is in place "
              "[see paragraph 5.1].")
    pdf.add_page()
    heading(pdf, "5. Actions proposed", 12, section=1)
    numbered(pdf, [
        ("5.1", "Recruit three locum social workers for six months, funded from the Market "
                "Sustainability and Improvement Fund, at a cost of about £165,000."),
        ("5.2", "Introduce a trusted assessor arrangement with Northshire Community Health so that "
                "occupational therapists can complete simple assessments on the council's behalf."),
        ("5.3", "Offer telephone and video assessments where the person prefers it, e.g. for "
                "straightforward reviews, while keeping face-to-face visits for complex needs."),
    ])
    heading(pdf, "6. Financial implications", 12, section=1)
    para(pdf, "6.1 The adult social care budget for 2026/27 is £312.4m. At the end of Quarter 2 the "
              "forecast outturn is an overspend of £2.1m (0.7%), mainly in home care and supported "
              "living. The proposals in section 5 are funded from existing grant allocations.")
    heading(pdf, "7. Background papers", 12, section=1)
    para(pdf, "None. Contact officer: Gareth Lloyd, Head of Performance, 01632 960 456.")


def contract_report(pdf: Pack) -> None:
    pdf.add_page()
    pdf.start_section("5. Home Care Recommissioning: ICT and Scheduling Contract", level=0)
    heading(pdf, "Home Care Recommissioning: ICT and Scheduling Contract", 14)
    para(pdf, "Report of the Head of Commissioning. Key decision: Yes. Forward Plan reference: "
              "FP/2026/118.")
    heading(pdf, "1. Summary", 12, section=1)
    para(pdf, "1.1 The council's contract for home care scheduling and electronic call monitoring "
              "ends on 31 July 2027. This report asks the Committee to scrutinise the proposed approach "
              "to procuring a replacement ICT system before the Cabinet decision on 2 February 2027.")
    heading(pdf, "2. Options considered", 12, section=1)
    numbered(pdf, [
        ("2.1", "Option 1: extend the current contract for 12 months. Not recommended: the supplier "
                "has announced the end of support for the current version in 2028."),
        ("2.2", "Option 2: procure a new system through a national framework. Recommended: faster, "
                "compliant with the Procurement Act 2023, and estimated to cost £1.2m over five years."),
        ("2.3", "Option 3: build an in-house system. Not recommended: high risk and no in-house "
                "capacity to maintain it."),
    ])
    pdf.add_page()
    heading(pdf, "3. Consultation", 12, section=1)
    para(pdf, "3.1 Home care providers, people who use services and carers were consulted between "
              "September and November 2026. 62 responses were received. The main themes were: "
              "reliability of visit times, information for families, and accessible formats for people "
              "with sight loss.")
    heading(pdf, "4. Risks", 12, section=1)
    para(pdf, "4.1 The main risks are delay to the procurement timetable, data migration from the "
              "current system, and the readiness of providers to adopt the new system. Each risk has an "
              "owner and mitigations in the project risk register [Appendix A, not published].")
    heading(pdf, "5. Equality impact", 12, section=1)
    para(pdf, "5.1 An equality impact assessment found no negative impact on any protected group, "
              "provided the new system supports accessible notifications (large print, audio and text "
              "messages) for people who receive care.")
    pdf.add_page()
    heading(pdf, "6. Recommendations", 12, section=1)
    para(pdf, "6.1 The Committee is asked to:")
    numbered(pdf, [
        ("(a)", "note the proposed procurement approach set out in Option 2; and"),
        ("(b)", "make any comments or recommendations for the Cabinet to consider on "
                "2 February 2027."),
    ])
    para(pdf, "Contact officer: Ffion Roberts, Commissioning Manager, 01632 960 789.")


def work_programme(pdf: Pack) -> None:
    pdf.add_page()
    pdf.start_section("6. Work Programme 2026/27", level=0)
    heading(pdf, "Work Programme 2026/27", 14)
    para(pdf, "The Committee's work programme for the rest of the municipal year is set out below. "
              "Members may suggest further topics through the Chair or the Scrutiny Officer.")
    numbered(pdf, [
        ("9 Mar", "Winter Pressures Plan: update (from minute 22); Learning Disability Strategy; "
                  "Carers' Strategy refresh."),
        ("11 May", "Annual report of the Northshire Safeguarding Adults Board; Home care market "
                   "position statement."),
        ("13 Jul", "Adult Social Care Performance Report, Quarter 4; Task and finish group report: "
                   "transport to day services."),
    ])
    pdf.add_page()
    heading(pdf, "Task and finish groups", 12, section=1)
    para(pdf, "The Transport to Day Services task and finish group (Cllr. Evans, Cllr. Nwosu and "
              "Cllr. Young) will meet four times between January and May 2027 and report in July.")
    para(pdf, "Suggestions received but not yet scheduled: dementia diagnosis rates; direct payments "
              "uptake; the adult social care digital strategy.")


def build(out: Path) -> None:
    pdf = Pack(format="A4")
    pdf.set_title(f"{COMMITTEE}: agenda reports pack, 12 January 2027")
    pdf.set_author(COUNCIL)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 16, 20)
    front_sheet(pdf)
    agenda(pdf)
    minutes(pdf)
    performance_report(pdf)
    contract_report(pdf)
    work_programme(pdf)
    pdf.output(str(out))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("demo-agenda-pack.pdf")
    build(target)
    print(target)
