"""Source -> downloads -> library: bring the followed committees' papers home.

One run, in two stages, so the progress display has an honest total:

1. Agendas: for each followed committee, the meetings in the window (default 30 days back,
   90 ahead); each meeting's agenda read (several at once; the HTTP client keeps each council
   to 4 requests) and stored: meeting, agenda items with their text, restricted papers as
   listed-only rows. Each paper gets a decision: fetch it (new to us), check it (a
   conditional request), or leave it (checked recently and the meeting's agenda is unchanged).
2. Papers (sync/fetching.py): every fetch and check on the download pool; each finished file
   is imported on this thread while the others keep downloading. Changed content becomes a
   new version (see library/sync_records.py); a bad or cut-off download never touches the
   copy we have.

The XML/HTML answers are cached in the library with their validators, so a repeat sync of
an unchanged meeting costs one small 304 per council page and no paper is downloaded again.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date

from memberdesk.library import Library, LibraryError, LibraryFull, sync_lock
from memberdesk.model import AgendaItem, Committee, Council
from memberdesk.papers.importer import Importer
from memberdesk.sources.errors import FetchCancelled, SourceError
from memberdesk.sources.fetching import clean_partial_downloads
from memberdesk.sources.http import HttpClient
from memberdesk.sources.moderngov import ModernGovClient, default_window
from memberdesk.sources.records import RemoteMeeting, RemoteMeetingDetail
from memberdesk.sync.calendar import update_remembered_calendar
from memberdesk.sync.fetching import PaperFetcher
from memberdesk.sync.plan import MeetingRun, PlannedPaper, fingerprint, marker_for
from memberdesk.sync.report import Failure, ProgressCallback, SyncProgress, SyncReport

INCOMING = "incoming"  # downloads land here (as .part files) before import copies them in
# A paper checked this recently is not asked about again unless its meeting's agenda changed:
# this is what makes "sync now" pressed twice cost one small request per meeting.
RECHECK_MINUTES = 60.0


class Syncer:
    """Syncs into one library. Not thread-safe: make one per run (the UI makes one per worker)."""

    def __init__(
        self,
        library: Library,
        *,
        http: HttpClient | None = None,
        importer: Importer | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        recheck_minutes: float = RECHECK_MINUTES,
        workers: int = 8,
        holder: str = "the command line",
        wait_for_lock: bool = False,
    ) -> None:
        self.library = library
        self.holder = holder  # who this run is, for a second sync to be told
        self.wait_for_lock = wait_for_lock
        self.cancel = cancel or threading.Event()
        self.progress = progress or (lambda event: None)
        self.recheck_minutes = recheck_minutes
        self.workers = workers
        self._cache = None if http is not None else library.page_cache()
        self.http = http or HttpClient(cache=self._cache)
        self._own_http = http is None
        self.importer = importer or Importer(library, cancel=self.cancel)
        self._own_importer = importer is None
        self._clients: dict[int, ModernGovClient] = {}

    def close(self) -> None:
        if self._own_importer:
            self.importer.close()
        if self._own_http:
            self.http.close()
        if self._cache is not None:
            self._cache.close()

    def __enter__(self) -> Syncer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def client(self, council: Council) -> ModernGovClient:
        """The council's site, read the way `council add` found (no probe on every sync)."""
        if council.id not in self._clients:
            self._clients[council.id] = ModernGovClient(
                council.base_url, self.http, name=council.name, mode=council.mode, cancel=self.cancel
            )
        return self._clients[council.id]

    # -- the run ------------------------------------------------------------------------
    def run(
        self,
        councils: list[Council] | None = None,
        *,
        from_date: date | None = None,
        to_date: date | None = None,
        meeting_id: int | None = None,
        recheck: bool = False,
    ) -> SyncReport:
        """Sync the followed committees of `councils` (default: every council), or one meeting.

        recheck: ask the council about every paper, even ones checked in the last hour.
        `--meeting` always rechecks: asking for one meeting means "make sure it is current".
        """
        # One sync per library: two at once would fetch the same papers and number their
        # versions twice. A second run is told who holds it (SyncBusy), or waits.
        with sync_lock(self.library.home, by=self.holder, wait=self.wait_for_lock, cancel=self.cancel):
            return self._run(councils, from_date, to_date, meeting_id, recheck)

    def _run(
        self,
        councils: list[Council] | None,
        from_date: date | None,
        to_date: date | None,
        meeting_id: int | None,
        recheck: bool,
    ) -> SyncReport:
        report = SyncReport()
        before = self.http.stats()
        incoming = self.library.home / INCOMING
        clean_partial_downloads(incoming)  # what a killed run left: never mistaken for a paper
        default_from, default_to = default_window()
        window = (from_date or default_from, to_date or default_to)
        runs: list[MeetingRun] = []
        try:
            if meeting_id is not None:
                targets = self._one_meeting(meeting_id)
                recheck = True
            else:
                targets = self._listed_meetings(councils, window, report)
            self._read_agendas(targets, report, runs)
            papers = self._plan(runs, report, recheck)
            fetcher = PaperFetcher(
                self.library,
                self.http,
                self.importer,
                progress=self.progress,
                cancel=self.cancel,
                workers=self.workers,
                before=before,
            )
            fetcher.fetch(papers, incoming, report)
        except FetchCancelled:
            report.cancelled = True
        except LibraryFull:
            report.disk_full = True  # what arrived is kept; the summary says how many did not
        finally:
            # Also after a stop: what arrived is linked to its agenda items; a meeting not
            # finished is looked at in full next time.
            try:
                stopped = report.cancelled or report.disk_full or self.cancel.is_set()
                self._finish_meetings(runs, complete=not stopped)
            except LibraryFull:
                report.disk_full = True
            except LibraryError:
                if not report.disk_full:
                    raise
            clean_partial_downloads(incoming)
            spent = self.http.stats() - before
            report.bytes_fetched, report.requests = spent.bytes_fetched, spent.requests
        if self.cancel.is_set():
            report.cancelled = True
        self.library.sync_runs.record(
            new=report.new,
            updated=report.updated,
            failed=report.failed,
            cancelled=report.cancelled,
            summary=report.summary(),
        )
        report.calendar = update_remembered_calendar(self.library)
        self.progress(SyncProgress("done", report.summary(), bytes=report.bytes_fetched))
        return report

    # -- stage 1: agendas ---------------------------------------------------------------
    def _one_meeting(self, meeting_id: int) -> list[tuple[Council, Committee, RemoteMeeting]]:
        meeting = self.library.councils.meeting(meeting_id)
        council = self.library.councils.council_of_meeting(meeting_id)
        committee = self.library.councils.committee(meeting.committee_id) if meeting else None
        if meeting is None or council is None or committee is None:
            raise LookupError(f"there is no meeting {meeting_id} in the library")
        remote = RemoteMeeting(
            meeting.remote_id, committee.remote_id, meeting.date, meeting.time, meeting.status, committee.title
        )
        return [(council, committee, remote)]

    def _listed_meetings(
        self, councils: list[Council] | None, window: tuple[date, date], report: SyncReport
    ) -> list[tuple[Council, Committee, RemoteMeeting]]:
        targets: list[tuple[Council, Committee, RemoteMeeting]] = []
        asks: list[tuple[Council, Committee]] = []
        for council in councils if councils is not None else self.library.councils.all():
            followed = self.library.councils.followed(council.id)
            if not followed:
                report.notes.append(f"{council.name}: no committee is followed (memberdesk follow COUNCIL COMMITTEE)")
            asks.extend((council, committee) for committee in followed)
        if not asks:
            return targets
        self._check_cancel()
        # Committees are asked at once (the HTTP client keeps each council to its limit), so a
        # council that never answers costs one deadline, not one per committee.
        with ThreadPoolExecutor(max_workers=4, thread_name_prefix="memberdesk-meetings") as pool:
            futures = [
                pool.submit(self.client(council).meetings, committee.remote_id, *window) for council, committee in asks
            ]
            try:
                for (council, committee), future in zip(asks, futures, strict=True):
                    self.progress(SyncProgress("agendas", f"Listing meetings of {committee.title}"))
                    try:
                        listed = future.result()
                    except FetchCancelled:
                        raise
                    except SourceError as error:
                        report.failures.append(
                            Failure(f"{council.name}, {committee.title}: the list of meetings", str(error))
                        )
                        continue
                    targets.extend((council, committee, meeting) for meeting in listed)
            finally:
                for future in futures:
                    future.cancel()
        self._check_cancel()
        return targets

    def _read_agendas(
        self, targets: list[tuple[Council, Committee, RemoteMeeting]], report: SyncReport, runs: list[MeetingRun]
    ) -> None:
        if not targets:
            return
        with ThreadPoolExecutor(max_workers=4, thread_name_prefix="memberdesk-agenda") as pool:
            futures = {
                pool.submit(self.client(council).meeting, remote.id, committee.remote_id): (council, committee, remote)
                for council, committee, remote in targets
            }
            try:
                for done, future in enumerate(as_completed(futures), start=1):
                    council, committee, remote = futures[future]
                    self._check_cancel()
                    label = f"{committee.title}, {remote.date.isoformat() if remote.date else 'no date'}"
                    meeting_id = self.library.councils.note_listed(
                        committee.id, remote.id, when=remote.date, time=remote.time, status=remote.status
                    )
                    run = MeetingRun(meeting_id, label, committee_synced=self._committee_synced(committee.id))
                    runs.append(run)
                    report.meetings += 1
                    self.progress(SyncProgress("agendas", f"Reading the agenda of {label}", done, len(futures)))
                    try:
                        detail = future.result()
                    except FetchCancelled:
                        raise
                    except SourceError as error:
                        run.failed = True
                        report.failures.append(Failure(f"{label}: the agenda", str(error)))
                        continue
                    self._store_agenda(run, remote, detail, committee)
                    report.notes.extend(f"{label}: {w}" for w in detail.warnings)
            finally:
                for future in futures:
                    future.cancel()

    def _committee_synced(self, committee_id: int) -> bool:
        return any(m.synced_at for m in self.library.councils.meetings(committee_id))

    def _store_agenda(
        self, run: MeetingRun, remote: RemoteMeeting, detail: RemoteMeetingDetail, committee: Committee
    ) -> None:
        when = detail.date or remote.date
        self.library.councils.upsert_meeting(
            committee.id,
            remote.id,
            when=when,
            time=detail.time or remote.time,
            status=detail.status or remote.status,
            location=detail.location,
            agenda_published=detail.agenda_published or bool(detail.items),
        )
        items = [
            AgendaItem(
                id=0,
                meeting_id=run.id,
                number=i.number,
                title=i.title,
                text=i.text,
                minutes=i.minutes,
                is_decision=i.is_decision,
                is_restricted=i.is_restricted,
                position=i.position,
                remote_id=i.id,
            )
            for i in detail.items
        ]
        ids = self.library.councils.set_agenda_items(run.id, items)
        run.items = {item.id: lib_id for item, lib_id in zip(detail.items, ids, strict=True)}
        run.detail = detail
        run.fingerprint = fingerprint(detail)

    # -- stage 1b: what to do about each paper -------------------------------------------
    def _plan(self, runs: list[MeetingRun], report: SyncReport, recheck: bool) -> list[PlannedPaper]:
        records = self.library.sync_records
        papers: list[PlannedPaper] = []
        for run in runs:
            if run.detail is None:
                continue
            _, fingerprint = records.meeting_state(run.id)
            changed = recheck or fingerprint != run.fingerprint
            for doc in run.detail.documents:
                record = records.current(doc.url)
                paper = PlannedPaper(doc, run, record)
                if record is not None and doc.title and record.title != doc.title:
                    records.update_listing(record.id, title=doc.title, kind=doc.kind)
                if doc.restricted and not paper.had_copy:
                    # Listed, never downloaded: its address leads to a login page.
                    if record is None:
                        records.add_restricted(
                            title=doc.title,
                            url=doc.url,
                            meeting_id=run.id,
                            kind=doc.kind,
                            marker=marker_for(run, None),
                        )
                    report.restricted += 1
                elif doc.restricted:
                    report.restricted += 1  # the council withdrew it; the copy we have stays
                elif (
                    record is not None
                    and paper.had_copy
                    and not changed
                    and not records.is_due(record.id, self.recheck_minutes)
                ):
                    report.unchanged += 1
                else:
                    papers.append(paper)
        return papers

    # -- the end of each meeting ---------------------------------------------------------
    def _finish_meetings(self, runs: list[MeetingRun], *, complete: bool) -> None:
        records = self.library.sync_records
        for run in runs:
            if run.detail is None:
                continue
            links: list[tuple[int, int]] = []
            for doc in run.detail.documents:
                record = records.current(doc.url)
                if record is None:
                    continue
                links.extend((run.items[i], record.id) for i in doc.item_ids if i in run.items)
            records.set_links(run.id, links)
            # A meeting with a failed paper is looked at in full next time.
            records.meeting_synced(run.id, run.fingerprint if complete and not run.failed else "")

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise FetchCancelled("stopped")
