"""Dates as people and councils write them: ISO (2027-01-12) or British (12/01/2027)."""

from __future__ import annotations

from datetime import date, datetime


def parse_date(text: str) -> date:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date: use YYYY-MM-DD or dd/mm/yyyy, e.g. 2027-01-12 or 12/01/2027")


def spoken_date(value: date | str | None) -> str:
    """A date as people say it: "Wednesday 20 January 2027" (ISO text accepted)."""
    if not value:
        return "date not set"
    if isinstance(value, str):
        try:
            when = date.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = value
    return f"{when.strftime('%A')} {when.day} {when.strftime('%B %Y')}"
