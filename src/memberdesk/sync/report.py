"""What a sync says while it runs and when it ends: progress events, failures, the summary.

Plain data and wording only (no HTTP, no SQL, no Textual), shared by the command line and
the app so both say the same thing in the same words.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from memberdesk.words import plural


@dataclass(frozen=True)
class SyncProgress:
    """One progress event. stage: "agendas" (reading the council's meetings), "papers"
    (fetching or checking papers) or "done"."""

    stage: str
    message: str
    done: int = 0
    total: int = 0
    bytes: int = 0

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 100

    def text(self) -> str:
        """One line a screen reader can say: "Downloading 3 of 12, 25%"."""
        if self.stage == "papers":
            return f"Downloading {self.done} of {self.total}, {self.percent}%"
        if self.stage == "agendas" and self.total:
            return f"Reading agendas {self.done} of {self.total}, {self.percent}%"
        return self.message


ProgressCallback = Callable[[SyncProgress], None]


@dataclass(frozen=True)
class Failure:
    """Something that did not arrive, named so a person can act on it."""

    what: str  # "Budget report (Cabinet, 2027-01-12)" or "Cabinet: the list of meetings"
    reason: str  # one line from the sources layer or the importer

    def __str__(self) -> str:
        return f"{self.what}: {self.reason}"


@dataclass
class SyncReport:
    meetings: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    restricted: int = 0
    failures: list[Failure] = field(default_factory=list)
    bytes_fetched: int = 0
    requests: int = 0
    cancelled: bool = False
    disk_full: bool = False  # the run stopped because the library's disk filled up
    not_stored: int = 0  # papers due that a full disk kept out
    notes: list[str] = field(default_factory=list)  # not failures: "no committee is followed"
    calendar: str = ""  # "Calendar FILE updated: 6 meetings." when one was written before

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.cancelled and not self.disk_full

    def disk_full_line(self) -> str:
        """One line for a full disk: what was kept, what was not, what to do."""
        stored = self.new + self.updated
        return (
            f"the disk is full: {plural(stored, 'paper')} stored, {self.not_stored} not; "
            "free some space and run the same command again"
        )

    def summary(self) -> str:
        meetings = f"{plural(self.meetings, 'meeting')}"
        papers = (
            f"papers: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.restricted} restricted, {self.failed} failed"
        )
        stopped = " (stopped before the end)" if self.cancelled else ""
        if self.disk_full:
            stopped = " (stopped: the disk is full)"
        return f"Synced {meetings}; {papers}; {human_bytes(self.bytes_fetched)} fetched{stopped}."


def human_bytes(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


class Throttle:
    """Pass progress on at most once per `interval` seconds, and always the last event of a
    stage: a screen reader should hear "25%", not every byte."""

    def __init__(
        self, send: ProgressCallback, interval: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.send = send
        self.interval = interval
        self.clock = clock
        self._last = float("-inf")
        self._stage = ""

    def __call__(self, event: SyncProgress) -> None:
        now = self.clock()
        final = event.stage == "done" or (event.total and event.done >= event.total)
        if event.stage != self._stage or final or now - self._last >= self.interval:
            self._stage, self._last = event.stage, now
            self.send(event)
