"""Meeting day: today's and the next meetings first, in words, on London's clock; then the past."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from memberdesk.dates import council_time, days_words, london_now
from memberdesk.library import Library


def _library(home: Path, meetings: list[tuple[str, date, str]], *, follow: tuple[str, ...] = ("Cabinet",)) -> Library:
    library = Library(home)
    council = library.councils.add_council("Fixture County Council", "http://127.0.0.1:1", "webservice")
    ids: dict[str, int] = {}
    for n, (committee, when, at) in enumerate(meetings):
        if committee not in ids:
            ids[committee] = library.councils.upsert_committee(council, str(100 + len(ids)), committee)
        library.councils.upsert_meeting(ids[committee], str(n), when=when, time=at)
    library.councils.set_followed([ids[c] for c in follow if c in ids], True)
    return library


def _said(library: Library, now: datetime) -> list[str]:
    day = library.meeting_day(now)
    return [f"{e.meeting.title} {e.meeting.date} {e.when}{' next' if e.is_next else ''}" for e in day.meetings]


def test_days_in_words() -> None:
    assert [days_words(n) for n in (0, 1, 5, -1, -3)] == ["today", "tomorrow", "in 5 days", "yesterday", "3 days ago"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("10.00 am", time(10, 0)),
        ("2.00 pm", time(14, 0)),
        ("6.30pm", time(18, 30)),
        ("12.00 pm", time(12, 0)),
        ("12.15 am", time(0, 15)),
        ("2 pm", time(14, 0)),
        ("14:00", time(14, 0)),
        ("", None),
        ("To be confirmed", None),
        ("13.00 pm", None),
    ],
)
def test_council_times(text: str, expected: time | None) -> None:
    assert council_time(text) == expected


def test_next_first_then_past_newest_first(home: Path) -> None:
    with _library(
        home,
        [
            ("Cabinet", date(2026, 11, 20), "10.00 am"),
            ("Cabinet", date(2026, 12, 10), "2.00 pm"),
            ("Cabinet", date(2026, 12, 1), "6.30 pm"),
            ("Cabinet", date(2026, 12, 1), "10.00 am"),
            ("Cabinet", date(2026, 11, 30), "10.00 am"),
            ("Planning", date(2026, 12, 2), "10.00 am"),  # not followed: not shown
        ],
    ) as library:
        said = _said(library, datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    assert said == [
        "Cabinet 2026-12-01 today next",  # the morning meeting is still today's first
        "Cabinet 2026-12-01 today",
        "Cabinet 2026-12-10 in 9 days",
        "Cabinet 2026-11-30 yesterday",
        "Cabinet 2026-11-20 11 days ago",
    ]


def test_after_midnight_in_london_while_utc_is_still_yesterday(home: Path) -> None:
    # 23:30 UTC on 30 June is 00:30 BST on 1 July: London's 1 July meeting is today.
    with _library(
        home, [("Cabinet", date(2026, 6, 30), "6.30 pm"), ("Cabinet", date(2026, 7, 1), "10.00 am")]
    ) as library:
        assert london_now(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)).date() == date(2026, 7, 1)
        assert _said(library, datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == [
            "Cabinet 2026-07-01 today next",
            "Cabinet 2026-06-30 yesterday",
        ]
        # An hour earlier it is still 30 June in London too.
        assert _said(library, datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == [
            "Cabinet 2026-06-30 today next",
            "Cabinet 2026-07-01 tomorrow",
        ]
        # In winter London is on UTC: 23:30 UTC on 30 December is still 30 December.
        assert london_now(datetime(2026, 12, 30, 23, 30, tzinfo=UTC)).date() == date(2026, 12, 30)


def test_days_count_across_the_clock_changes(home: Path) -> None:
    # The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October:
    # those days are 23 and 25 hours long, and "in 5 days" must still be five calendar days.
    with _library(
        home, [("Cabinet", date(2026, 4, 2), "10.00 am"), ("Cabinet", date(2026, 10, 27), "10.00 am")]
    ) as library:
        spring = library.meeting_day(datetime(2026, 3, 28, 23, 30, tzinfo=UTC))
        assert spring.today == date(2026, 3, 28)
        assert [e.when for e in spring.upcoming] == ["in 5 days", "in 213 days"]
        autumn = library.meeting_day(datetime(2026, 10, 24, 23, 30, tzinfo=UTC))  # 00:30 BST on the 25th
        assert autumn.today == date(2026, 10, 25)
        assert [e.when for e in autumn.upcoming] == ["in 2 days"]
        assert [e.when for e in autumn.past] == ["206 days ago"]
        # A naive moment is UTC: the same answer.
        assert library.meeting_day(datetime(2026, 10, 24, 23, 30)).today == date(2026, 10, 25)


def test_no_followed_meetings_means_no_next(home: Path) -> None:
    with _library(home, [("Cabinet", date(2026, 12, 10), "")], follow=()) as library:
        day = library.meeting_day(datetime(2026, 12, 1, tzinfo=UTC))
    assert day.next is None and day.meetings == [] and day.new == []
