"""Network work for the app, off the UI thread: sync, "download this meeting", adding a
council, refreshing committees and meetings.

Each job runs in a Textual thread worker with its own Library connection (SQLite objects
stay on the thread that made them) and reports back through call_from_thread. Progress
reaches the screen as text at most once a second ("Downloading 3 of 12, 25%"): a screen
reader hears each step, not a flood. The UI itself never talks HTTP or SQL: this module
calls the sync layer, which owns both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from memberdesk.library import Library, LibraryError
from memberdesk.sources.errors import SourceError
from memberdesk.sync import following
from memberdesk.sync.report import SyncReport, Throttle
from memberdesk.sync.syncer import Syncer


@dataclass(frozen=True)
class JobResult:
    """What a job hands back to the screen: a line to show, and the sync report if any."""

    message: str
    report: SyncReport | None = None
    ok: bool = True


class SyncJobs:
    """One job at a time; `cancel()` asks the running one to stop (it stops within moments,
    removing its temporary files and keeping what already arrived)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._cancel = threading.Event()
        self.running = ""  # a few words on what is running, "" when idle

    def cancel(self) -> bool:
        if not self.running:
            return False
        self._cancel.set()
        return True

    def run(
        self, what: str, job: Callable[[Syncer], JobResult], progress: Callable[[str], None], interval: float = 1.0
    ) -> JobResult:
        """Run `job` (on the worker thread) with a fresh Syncer; never raises for council trouble."""
        self._cancel = threading.Event()
        self.running = what
        throttle = Throttle(lambda event: progress(event.text()), interval)
        try:
            with (
                Library(self.home) as library,
                Syncer(library, progress=throttle, cancel=self._cancel, holder="the app") as syncer,
            ):
                return job(syncer)
        except SourceError as error:
            return JobResult(f"{what} failed: {error}", ok=False)
        except LibraryError as error:  # another sync running, a full disk: said, not raised
            return JobResult(f"{what}: {error}", ok=False)
        except (LookupError, ValueError) as error:  # a meeting gone, an unusable address
            return JobResult(f"{what} failed: {error}", ok=False)
        finally:
            self.running = ""


# -- the jobs ---------------------------------------------------------------------------
def sync_all(syncer: Syncer) -> JobResult:
    return _reported(syncer.run())


def sync_meeting(meeting_id: int) -> Callable[[Syncer], JobResult]:
    return lambda syncer: _reported(syncer.run(meeting_id=meeting_id))


def add_council(url: str) -> Callable[[Syncer], JobResult]:
    def job(syncer: Syncer) -> JobResult:
        council, how = following.add_council(syncer, url)
        return JobResult(f"Added {council.name}: read through {how}.")

    return job


def refresh_committees(council_id: int) -> Callable[[Syncer], JobResult]:
    def job(syncer: Syncer) -> JobResult:
        council = syncer.library.councils.get(council_id)
        if council is None:
            return JobResult("That council is no longer in the library.", ok=False)
        count = len(following.refresh_committees(syncer, council))
        return JobResult(f"{council.name} lists {count} committees.")

    return job


def refresh_meetings(committee_id: int) -> Callable[[Syncer], JobResult]:
    def job(syncer: Syncer) -> JobResult:
        committee = syncer.library.councils.committee(committee_id)
        if committee is None:
            return JobResult("That committee is no longer in the library.", ok=False)
        count = len(following.refresh_meetings(syncer, committee))
        return JobResult(f"{committee.title}: {count} meetings from 30 days ago to 90 days ahead.")

    return job


def _reported(report: SyncReport) -> JobResult:
    message = report.summary()
    if report.failures:
        first = report.failures[0]
        more = f" (and {report.failed - 1} more)" if report.failed > 1 else ""
        message += f" Failed: {first}{more}."
    if report.disk_full:
        message += f" {report.disk_full_line().capitalize()}."
    return JobResult(message, report, ok=report.ok)
