"""Stage 2 of a sync: the planned papers fetched on the download pool and imported.

Each finished download is imported on the sync's thread while the others keep downloading.
Changed content becomes a new version (see library/sync_records.py); a bad or cut-off
download never touches the copy we have, and every downloaded file is removed once copied in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from memberdesk.library import Library, LibraryFull
from memberdesk.papers.importer import Importer
from memberdesk.sources.errors import FetchCancelled, FetchError, SourceError
from memberdesk.sources.fetching import DownloadJob, DownloadResult, HttpStats
from memberdesk.sources.http import HttpClient
from memberdesk.sync.plan import PlannedPaper, marker_for
from memberdesk.sync.report import Failure, ProgressCallback, SyncProgress, SyncReport


class PaperFetcher:
    """Fetches and imports one run's papers into `library`, counting into the run's report."""

    def __init__(
        self,
        library: Library,
        http: HttpClient,
        importer: Importer,
        *,
        progress: ProgressCallback,
        cancel: threading.Event,
        workers: int,
        before: HttpStats,
    ) -> None:
        self.library = library
        self.http = http
        self.importer = importer
        self.progress = progress
        self.cancel = cancel
        self.workers = workers
        self._before = before  # the HTTP counters at the run's start: progress shows its bytes

    def fetch(self, papers: list[PlannedPaper], incoming: Path, report: SyncReport) -> None:
        total = len(papers)
        if not total:
            return
        jobs = []
        for n, paper in enumerate(papers):
            # Conditional only when we hold a copy: a 304 must mean "yours is current".
            record = paper.record if paper.had_copy else None
            jobs.append(
                DownloadJob(
                    paper.doc.url,
                    incoming,
                    etag=record.etag if record else "",
                    last_modified=record.last_modified if record else "",
                    key=n,
                )
            )
        self.progress(SyncProgress("papers", "Fetching papers", 0, total))
        downloads = self.http.download_many(jobs, workers=self.workers, cancel=self.cancel)
        try:
            self._take(downloads, papers, report, total)
        finally:
            downloads.close()  # a stop: the downloads still running end, and their files go

    def _take(
        self,
        downloads: Iterator[tuple[DownloadJob, DownloadResult | SourceError]],
        papers: list[PlannedPaper],
        report: SyncReport,
        total: int,
    ) -> None:
        for done, (job, outcome) in enumerate(downloads, start=1):
            paper = papers[job.key]
            try:
                if isinstance(outcome, FetchCancelled) or self.cancel.is_set():
                    raise FetchCancelled("stopped")
                if isinstance(outcome, FetchError) and outcome.kind == "disk_full":
                    raise LibraryFull()
                if isinstance(outcome, SourceError):
                    failed(paper, str(outcome), report)
                else:
                    self._arrived(paper, outcome, report)
            except LibraryFull:
                report.not_stored = total - done + 1  # this paper and those still to come
                raise
            finally:
                if isinstance(outcome, DownloadResult) and outcome.path is not None:
                    outcome.path.unlink(missing_ok=True)  # imported (copied in) or refused
            fetched = (self.http.stats() - self._before).bytes_fetched
            self.progress(SyncProgress("papers", paper.doc.title, done, total, fetched))

    def _arrived(self, paper: PlannedPaper, result: DownloadResult, report: SyncReport) -> None:
        records, record = self.library.sync_records, paper.record
        if record is not None and paper.had_copy and (result.not_modified or result.sha256 == record.sha256):
            records.checked(record.id, etag=result.etag, last_modified=result.last_modified)
            report.unchanged += 1
            return
        if result.path is None:  # a 304 to a request we did not make conditional
            failed(paper, "the council said 'not modified' for a paper we do not have", report)
            return
        run, doc = paper.meeting, paper.doc
        marker = marker_for(run, record.sha256 if record and paper.had_copy else None)
        imported = self.importer.import_file(
            result.path, title=doc.title, source_url=doc.url, meeting_id=run.id, kind=doc.kind, marker=marker
        )
        if imported.stopped:  # the sync's stop reached the import: this paper comes next time
            raise FetchCancelled("stopped")
        if imported.error or imported.document_id is None:
            failed(paper, f"the file could not be read ({imported.error})", report)
            return
        document_id = imported.document_id
        if imported.duplicate:
            existing = self.library.documents.get(document_id)
            if existing is None or existing.source_url != doc.url:
                # The same bytes are already in the library under another address (or
                # imported by hand): share the file and pages, keep a row for this address.
                document_id = records.clone(document_id, doc.url)
        records.adopt(
            document_id,
            url=doc.url,
            title=doc.title,
            meeting_id=run.id,
            kind=doc.kind,
            marker=marker,
            etag=result.etag,
            last_modified=result.last_modified,
        )
        if paper.had_copy:
            report.updated += 1
        else:
            report.new += 1


def failed(paper: PlannedPaper, reason: str, report: SyncReport) -> None:
    """One paper not fetched: its meeting is looked at in full next time, our copy stays."""
    paper.meeting.failed = True
    kept = "; the copy you have is kept" if paper.had_copy else ""
    report.failures.append(Failure(f"{paper.doc.title} ({paper.meeting.label})", f"{reason}{kept}"))
