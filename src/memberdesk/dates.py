"""Dates as people and councils write them: ISO (2027-01-12) or British (12/01/2027)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


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


# Councils in the UK write their meetings in UK time: "today" is London's day, wherever the
# machine's clock is set (a server on UTC is an hour behind all summer).
LONDON = ZoneInfo("Europe/London")


def london_now(now: datetime | None = None) -> datetime:
    """Now (or the moment given) on London's clock; a naive moment is taken as UTC."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON)


def days_words(days: int) -> str:
    """How far a day is from today, as people say it: "today", "tomorrow", "in 5 days",
    "yesterday", "3 days ago". Counted in calendar days, so a clock change never makes
    "in 5 days" into "in 4"."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 1 else f"{-days} days ago"


_TIME = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\.?", re.IGNORECASE)
_TIME_24 = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*$")


def council_time(text: str) -> time | None:
    """A meeting's start as councils write it ("10.00 am", "2 pm", "6:30pm", "14:00"), or
    None when it says no time ("", "To be confirmed")."""
    if text.strip().lower() in ("noon", "12 noon", "midday"):
        return time(12, 0)
    found = _TIME.match(text)
    if found:
        hour, minute = int(found[1]), int(found[2] or 0)
        if not (1 <= hour <= 12 and minute < 60):
            return None
        hour = hour % 12 + (12 if found[3].lower() == "p" else 0)
        return time(hour, minute)
    found = _TIME_24.match(text)
    if found and int(found[1]) < 24 and int(found[2]) < 60:
        return time(int(found[1]), int(found[2]))
    return None


def spoken_moment(stored: str) -> str:
    """A moment SQLite stored (UTC, "2026-11-30 09:12:40") on London's clock, in words:
    "Monday 30 November 2026 at 09:12"."""
    try:
        moment = london_now(datetime.fromisoformat(stored))
    except ValueError:
        return stored
    return f"{spoken_date(moment.date())} at {moment:%H:%M}"
