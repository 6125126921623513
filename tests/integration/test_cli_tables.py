"""`memberdesk text` and `memberdesk tables` on real PDFs, through the real entry point."""

from __future__ import annotations

import csv
from pathlib import Path

import table_factory as tf
from cli import memberdesk

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_text_prints_a_table_row_by_row_header_first(tmp_path: Path) -> None:
    pdf = tf.finance(tmp_path / "finance.pdf")
    run = memberdesk("text", pdf, home=tmp_path / "home")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    at = lines.index("Directorate | Budget | Forecast | Variance | Variance %")
    assert lines[at + 1 : at + 3] == [
        "Adult Social Care | 586.1 | 621.6 | +35.4 | +6.0%",
        "Children's Services | 430.6 | 420.8 | -9.9 | -2.3%",
    ]
    assert lines[at + 6] == "Total | 1,247.7 | 1,281.1 | +33.2 | +2.7%"


def test_tables_lists_joins_pages_and_exports_csv(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pdf = tf.continued(tmp_path / "long.pdf")
    listed = memberdesk("tables", pdf, home=home)
    assert listed.code == 0, listed.err
    assert listed.out.splitlines() == [
        "1 table in document 1:",
        "1. pages 1 to 2: 60 rows, 3 columns: Ward, Electors, Turnout %",
    ]
    data = memberdesk("tables", "1", "--json", home=home).json()
    [table] = data["tables"]
    assert table["pages"] == ["1", "2"] and table["rows"] == 60 and table["header"] == [list(tf.LONG_HEAD)]
    assert table["body"][-1] == list(tf.LONG_BODY[-1])
    saved = memberdesk("tables", "1", "--to", tmp_path / "out.csv", home=home)
    assert saved.code == 0, saved.err
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [list(tf.LONG_HEAD)] + [list(r) for r in tf.LONG_BODY]  # the header once


def test_tables_of_a_real_finance_report_to_a_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run = memberdesk(
        "tables", CORPUS / "kent-finance-appendix-nov-2024-25.pdf", "--to", f"{tmp_path / 'csv'}/", home=home
    )
    assert run.code == 0, run.err
    files = sorted((tmp_path / "csv").glob("*.csv"))
    # Appendices 1 and 2, then the prudential indicators: three small tables ruled across on
    # page 12 and three on page 13, each under its own heading (none carries on the one before).
    assert [f.name for f in files] == [f"table-{n}.csv" for n in range(1, 9)]
    with files[0].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Directorate, Division & Key Service", "Working Budget", "£m Forecast", "Variance"]
    assert ["Adult Social Care & Health Total", "586.1", "621.6", "35.4"] in rows
    assert rows.count(rows[0]) == 1  # seven pages, the header once
    with files[5].open(encoding="utf-8", newline="") as handle:
        indicator_4 = list(csv.reader(handle))
    assert indicator_4[0][:3] == ["", "23-24 Actuals", "2024-25 Budget"]  # its own header row
    assert indicator_4[1] == ["Authorised Limit - borrowing", "946", "1,261", "1,261", "1,271", "1,248", "1,248"]
    listed = memberdesk("tables", "1", "--pages", "13", home=home)
    assert listed.out.splitlines()[1].startswith("1. page 13: 6 rows, 7 columns: 23-24 Actuals, 2024-25 Budget")


def test_tables_names_a_bad_page_range(tmp_path: Path) -> None:
    pdf = tf.finance(tmp_path / "finance.pdf")
    run = memberdesk("tables", pdf, "--pages", "9", home=tmp_path / "home")
    assert run.code == 1 and "9" in run.err


def test_text_and_tables_read_a_page_drawn_turned_as_it_is_read(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pdf = tf.sideways(tmp_path / "sideways.pdf")
    run = memberdesk("text", pdf, home=home)
    assert run.code == 0, run.err
    lines = [ln for ln in run.out.splitlines() if ln]
    assert lines[1:5] == [
        "Revenue monitoring",
        "The table shows the forecast for each directorate in millions of pounds.",
        "Directorate | Budget | Forecast | Variance | Variance %",
        "Adult Social Care | 586.1 | 621.6 | +35.4 | +6.0%",
    ]
    listed = memberdesk("tables", "1", home=home)
    assert (
        listed.out.splitlines()[1]
        == "1. page 1: 6 rows, 5 columns: Directorate, Budget, Forecast, Variance, Variance %"
    )


def test_tables_ruled_across_only_export_their_cells_of_several_lines(tmp_path: Path) -> None:
    import row_rule_factory as rf

    home = tmp_path / "home"
    run = memberdesk("tables", rf.risks(tmp_path / "risks.pdf"), "--to", tmp_path / "risks.csv", home=home)
    assert run.code == 0, run.err
    with (tmp_path / "risks.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [list(rf.RISK_HEAD)] + [list(r) for r in rf.RISK_BODY]
