"""Tables of the real corpus papers, every cell written out by hand from the page images
(pdftoppm) and pdftotext -layout, never from memberdesk's own reading: shared by the unit tests
and tests/bench/bench_tables.py."""

from __future__ import annotations

# The header row of the Kent finance appendix's prudential indicator tables (pp.12-13).
PRUDENTIAL_YEARS = (
    "",
    "23-24 Actuals",
    "2024-25 Budget",
    "2024-25 Forecast",
    "2025-26 Estimate",
    "2026-27 Estimate",
    "2027-28 Estimate",
)


def note(text: str, columns: int) -> tuple[str, ...]:
    """A row of one cell of prose under a saving's figures, in the table's second column."""
    return ("", text) + ("",) * (columns - 2)


# The header cells break "Un-deliverable" and "(one-off)" at hyphens ending their lines; the
# paper prints "undeliverable" and "one-off" whole elsewhere, which decides each (hyphens.py).
SAVINGS_HEAD_9 = (
    "",
    "2024-25 Savings Target",
    "Forecast against original saving",
    "Forecast against alternative saving (ongoing)",
    "Forecast against alternative saving (one-off)",
    "Total Forecast",
    "Variance",
    "Undeliverable",
    "To be achieved in future years",
)
P35_GET_NOTE = (
    "Plans in place to renegotiate the rate downwards whilst in contract but then the contractor was taken over "
    "and the new owner declined the offer to renegotiate the contract. Saving no longer deliverable and "
    "realignment requested in 25/26. Saving to be revisited upon expiry of contract (July 24)"
)
P35_AGENCY_NOTE = (
    "Year to date spend shows a reduction in spend on agency staff compared to the same period last year "
    "suggesting that this saving is being/has been delivered. However, these savings will already be contained "
    "within directorate forecasts and therefore allocating this Corporately Held saving to services would not "
    "reduce the overall forecast so cannot be presented as being delivered in CHB. Delivery plans are still to "
    "be confirmed before this saving can be allocated to services for 2025-26 subject to HROD agreeing a "
    "methodology with CMT."
)
P35_CONTRACTS_NOTE = (
    "It is assumed that savings being achieved from these contract reviews will be contained within directorate "
    "forecasts and therefore allocating this Corporately Held saving to services would not reduce the overall "
    "forecast so cannot be presented as being delivered in CHB. £2.3m has been added back to remove this saving "
    "from the base budget in the 2025-28 MTFP refresh proposals"
)
P35_GET = (
    (
        "Review of green waste contract, with market analysis indicating a reduction in gate fee",
        "-621.0",
        "-",
        "-",
        "-",
        "-",
        "621.0",
        "621.0",
        "-",
    ),
    note(P35_GET_NOTE, 9),
)
P35_CHB = (
    ("The reduction in the volume and duration of agency staff", "-750.0", "-", "-", "-", "-", "750.0", "", "-750.0"),
    note(P35_AGENCY_NOTE, 9),
    (
        "Part year impact of further discretionary policy decisions and deep dive into contract renewals with "
        "consideration of reducing service specifications",
        "-2,300.0",
        "-",
        "-",
        "-",
        "-",
        "2,300.0",
        "2,300.0",
        "-",
    ),
    note(P35_CONTRACTS_NOTE, 9),
)


CAPITAL_HEAD = ("Project", "Real Variance", "Rephasing Variance", "Detail")
P40_CARRIED = (
    "Rephasing: Allocation of the grant funding is being managed by The Education People. Information has "
    "recently been received from the DfE on Early Years deficit numbers in each of the planning areas. "
    "Expressions of interest from providers will be reviewed in line with place numbers required. It is "
    "anticipated that Early Years funding will be spent by September 2025."
)
P40_GET = (
    ("Highways & Transportation", "", "", ""),
    (
        "Highway Asset Management, Annual Maintenance and Urgent Safety Critical Works",
        "1.792",
        "4.599",
        "The real variance includes an overspend on resurfacing of £1.67m for which additional external funding "
        "is available and will be added to the cash limits. The rephasing is due to an in-year overspend on "
        "inspectors (£3.5m) and structures (£1.5m) which is being funded by bringing funds forward from 2025-26.",
    ),
    (
        "Integrated Transport Schemes under £1m",
        "0.225",
        "-0.485",
        "The real variance is due to various smaller integrated transport schemes that will be funded from "
        "additional external funding. The rephasing is on a number of small schemes.",
    ),
    (
        "Thamesway",
        "",
        "-2.380",
        "The project spend has been rephased to reflect the likely spend profile of the scheme following the "
        "establishment of a separate budget line for this scheme. This programme takes into account the impact "
        "of the Galley Hill closure and Ebbsfleet Central development timescales.",
    ),
    (
        "Kent Strategic Thameside Programme (STIPS)",
        "-0.017",
        "-1.701",
        "This programme has been rephased to align with the anticipated timing of income from developer "
        "contributions. This follows a review of all expected developer contributions to the programme and a "
        "reduction of the working budget in November 2024.",
    ),
    (
        "Maidstone Integrated Transport",
        "0.397",
        "",
        "The forecast has been amended to show true cost of the schemes. The s106 contributions that are "
        "available for the scheme are being reviewed but if they are not sufficient the A20/Willington Street "
        "improvement may need to be omitted or descaled.",
    ),
    (
        "Sturry Link Road, Canterbury",  # the name and the detail run on at p.41's top
        "",
        "-1.403",
        "Further confidence in the delivery programme is a requirement of SELEP this in turn safeguards "
        "the £5.9m Local Growth Fund (LGF) contribution, so progress with land negotiations and design "
        "work must be suitably demonstrated. A design and build contract has been awarded and the "
        "detail design is being developed, including a value engineering review. The design costs are "
        "covered by s106 contributions already received and the SELEP LGF contribution. The project "
        "has been rescheduled based on the current programme for the design and build contract.",
    ),
)


# Kent monitoring pp.8-10, Adult Social Care's key services: Excel's header cells too narrow for
# "Revenue", "Forecast" and "Variance", each broken by letters ("Revenu" over "e"); read whole.
KEY_SERVICE_HEAD = ("Key Service", "Revenue Budget", "Revenue Forecast", "Revenue Variance", "Summary", "Detail")
P8_FIGURES = (  # each row's label, its three figures and its summary
    (
        "Older People - Residential Care Services",
        "97.5",
        "124.9",
        "+27.4",
        "Pressure from slippage in savings programme",
    ),
    (
        "Adult Mental Health - Community Based Services",
        "21.2",
        "30.2",
        "+9.0",
        "Activity and price pressures beyond budgeted levels, and slippage in savings programme.",
    ),
    (
        "Older People - Community Based Services",
        "35.4",
        "41.7",
        "+6.3",
        "Activity and price pressures beyond budgeted levels",
    ),
    (
        "Adult Physical Disability - Community Based Services",
        "32.9",
        "37.7",
        "+4.9",
        "Increases in Supported Living care packages",
    ),
)
# p.9 carries on p.8's last row: its label and summary run on, with no figures of its own.
# p.8's last row runs on at p.9's top ("Adult Learning Disability -" / "Community Based ..."):
# one row, where it began.
P8_LAST = ("Adult Learning Disability - Community Based Services & Support for Carers", "127.1", "129.5", "+2.4")
P9_FIRST = ("Adult Physical Disability - Residential Care Services", "24.5", "28.8", "+4.3")
# pp.41 and 43: the capital projects' header over the first row; on p.43 the header stands over
# the first rule, with no line over it, and the row under it runs on from the page before.
P41_FIRST = ("Environment & Circular Economy", "", "")  # p.40's last row's end went back to it
P43_FIRST = ("Upgrades", "", "")


# Kent's 2025-28 revenue plan, page 1 (kent-revenue-plan-2025-28.pdf): last year's figures,
# the label, then the plan's three years (Core, External, Total each). Rows read from the image.
PLAN_P1 = [
    (
        "",
        "",
        "",
        "Original base budget",
        "1,429,506.8",
        "0.0",
        "1,429,506.8",
        "1,530,923.8",
        "0.0",
        "1,530,923.8",
        "1,605,168.4",
        "0.0",
        "1,605,168.4",
    ),
    (
        "1,315,610.6",
        "",
        "1,315,610.6",
        "Revised Base",
        "1,428,670.2",
        "836.6",
        "1,429,506.8",
        "1,530,923.8",
        "0.0",
        "1,530,923.8",
        "1,605,168.4",
        "0.0",
        "1,605,168.4",
    ),
    (
        "10,798.4",
        "505.1",
        "11,303.5",
        "Pay",
        "21,845.7",
        "626.9",
        "22,472.6",
        "12,524.5",
        "0.0",
        "12,524.5",
        "11,863.6",
        "0.0",
        "11,863.6",
    ),
    (
        "",
        "",
        "0.0",
        "Demand & Cost Drivers - Demand",
        "22,989.0",
        "24,150.3",
        "47,139.3",
        "23,025.6",
        "-15,600.0",
        "7,425.6",
        "22,979.6",
        "-14,200.0",
        "8,779.6",
    ),
    (
        "209,578.3",
        "-9,380.7",
        "200,197.6",
        "TOTAL SPENDING",
        "151,171.3",
        "48,960.3",
        "200,131.6",
        "113,024.4",
        "-38,698.8",
        "74,325.6",
        "115,483.2",
        "-20,093.3",
        "95,389.9",
    ),
    (
        "-15,406.6",
        "-281.3",
        "-15,687.9",
        "Income",
        "-20,109.3",
        "0.0",
        "-20,109.3",
        "-6,344.6",
        "0.0",
        "-6,344.6",
        "-6,643.8",
        "0.0",
        "-6,643.8",
    ),
    (
        "",
        "7,210.7",
        "7,210.7",
        "Increases in Grants and Contributions",
        "0.0",
        "-28,965.7",
        "-28,965.7",
        "0.0",
        "22,262.3",
        "22,262.3",
        "0.0",
        "-8,876.7",
        "-8,876.7",
    ),
    (
        "",
        "",
        "",
        "TOTAL Savings for delivery in 2025-26",
        "-115,128.2",
        "-29,070.7",
        "-144,198.9",
        "",
        "",
        "",
        "",
        "",
        "",
    ),
]
