"""The record of pages read on screen, for the council's paperless target.

A page counts once per document version (its content hash), the first time it is shown.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from memberdesk.library.store import best_effort, transaction
from memberdesk.words import plural


@dataclass(frozen=True)
class Month:
    month: str  # "2027-01"
    pages: int
    sheets: int

    def words(self) -> str:
        """ "January 2027: 3 pages read, 1 sheet saved." (the app and plain mode say it so)."""
        name = datetime.strptime(self.month, "%Y-%m").strftime("%B %Y")
        return f"{name}: {plural(self.pages, 'page')} read, {plural(self.sheets, 'sheet')} saved."


@dataclass
class PaperRecord:
    pages_total: int
    sheets_total: int
    pages_this_year: int
    sheets_this_year: int
    yearly_sheet_target: int
    double_sided: bool
    months: list[Month] = field(default_factory=list)
    pages_printed: int = 0  # with `memberdesk print`, in all
    sheets_printed: int = 0
    sheets_printed_this_year: int = 0

    @property
    def target_percent(self) -> int:
        if self.yearly_sheet_target <= 0:
            return 0
        return int(self.sheets_this_year * 100 / self.yearly_sheet_target)

    def summary(self) -> str:
        sides = "double-sided" if self.double_sided else "single-sided"
        return (
            f"{plural(self.pages_this_year, 'page')} read on screen this year: "
            f"{plural(self.sheets_this_year, 'sheet')} saved ({sides}), {self.target_percent}% of this year's "
            f"target of {plural(self.yearly_sheet_target, 'sheet')}. "
            f"In all: {plural(self.pages_total, 'page')}, {plural(self.sheets_total, 'sheet')}." + self.printed_words()
        )

    def printed_words(self) -> str:
        """The sheets printed against those saved ("" when nothing was printed)."""
        if not self.pages_printed:
            return ""
        return (
            f" Printed with memberdesk: {plural(self.pages_printed, 'page')} on "
            f"{plural(self.sheets_printed, 'sheet')} in all, {self.sheets_printed_this_year:,} this year "
            f"against {self.sheets_this_year:,} saved."
        )


class PaperRecords:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def record_page(self, document_id: int, page_index: int) -> bool:
        """Note that a page was shown; True the first time for this version of the paper."""
        with best_effort(self.conn):  # a full disk or read-only copy: the page is not counted
            row = self.conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None or not row[0]:
                return False
            return (
                self.conn.execute(
                    "INSERT OR IGNORE INTO page_reads (document_sha256, page_idx) VALUES (?, ?)", (row[0], page_index)
                ).rowcount
                == 1
            )
        return False

    def record(self, *, double_sided: bool, yearly_sheet_target: int, today: date | None = None) -> PaperRecord:
        today = today or date.today()
        # Sheets are counted per paper and month: printing n pages of one paper double-sided
        # takes ceil(n / 2) sheets.
        rows = self.conn.execute(
            """SELECT substr(read_at, 1, 7) AS month, document_sha256, COUNT(*) AS pages
               FROM page_reads GROUP BY month, document_sha256 ORDER BY month"""
        ).fetchall()
        months: dict[str, list[int]] = {}
        for row in rows:
            sheets = math.ceil(row["pages"] / 2) if double_sided else row["pages"]
            entry = months.setdefault(row["month"], [0, 0])
            entry[0] += row["pages"]
            entry[1] += sheets
        year = f"{today.year:04d}-"
        record = PaperRecord(
            pages_total=sum(v[0] for v in months.values()),
            sheets_total=sum(v[1] for v in months.values()),
            pages_this_year=sum(v[0] for k, v in months.items() if k.startswith(year)),
            sheets_this_year=sum(v[1] for k, v in months.items() if k.startswith(year)),
            yearly_sheet_target=yearly_sheet_target,
            double_sided=double_sided,
            months=[Month(k, v[0], v[1]) for k, v in sorted(months.items())],
        )
        for pages, printed_at in self.conn.execute("SELECT pages, printed_at FROM prints"):
            sheets = math.ceil(pages / 2) if double_sided else pages
            record.pages_printed += pages
            record.sheets_printed += sheets
            if printed_at.startswith(year):
                record.sheets_printed_this_year += sheets
        return record

    def record_print(self, document_id: int, pages: int) -> None:
        """Note that `pages` pages of a paper were printed (or written out to print)."""
        with transaction(self.conn):
            row = self.conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document_id,)).fetchone()
            self.conn.execute(
                "INSERT INTO prints (document_sha256, pages) VALUES (?, ?)", (row[0] if row else "", pages)
            )
