"""The offline library: one SQLite file (WAL) and a folder of original PDFs.

Only this package imports sqlite3. Other layers use a `Library` and its parts.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from memberdesk.files import sweep_stale
from memberdesk.library.catalogue import catalogue
from memberdesk.library.councils import Councils
from memberdesk.library.documents import Documents
from memberdesk.library.locks import SyncBusy, sync_lock
from memberdesk.library.meeting_day import MeetingDay, meeting_day
from memberdesk.library.notes import Bookmarks, Notes
from memberdesk.library.page_cache import PageCache
from memberdesk.library.paper_record import PaperRecords
from memberdesk.library.search import Search
from memberdesk.library.store import (
    DB_NAME,
    PAPERS_DIR,
    AlreadyStored,
    LibraryError,
    LibraryFull,
    LibraryReadOnly,
    connect,
    transaction,
)
from memberdesk.library.sync_records import SyncRecords
from memberdesk.library.sync_runs import SyncRuns

__all__ = [
    "AlreadyStored",
    "Library",
    "LibraryError",
    "LibraryFull",
    "LibraryReadOnly",
    "SyncBusy",
    "sync_lock",
    "transaction",
]

# Temporary files, named by their owner's process id (memberdesk.files.owned_prefix):
# downloads land in incoming/ as .download-<pid>-*.part, the importer's copies in
# papers/xx/ as .incoming-<pid>-*.pdf.
INCOMING_DIR = "incoming"
DOWNLOAD_PREFIX, DOWNLOAD_SUFFIX = ".download-", ".part"
COPY_PREFIX, COPY_SUFFIX = ".incoming-", ".pdf"


class Library:
    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.conn = connect(self.home)
        self.papers_dir = self.home / PAPERS_DIR
        self.documents = Documents(self.conn)
        self.councils = Councils(self.conn)
        self.sync_records = SyncRecords(self.conn)
        self.sync_runs = SyncRuns(self.conn)
        self.notes = Notes(self.conn)
        self.bookmarks = Bookmarks(self.conn)
        self.paper_record = PaperRecords(self.conn)
        self.search = Search(self.conn)
        self.sweep()

    def sweep(self) -> None:
        """What a run that was cut off left: half-imported documents (their process gone) and
        temporary files whose owner is dead. Done at every start; on a full disk or a
        read-only copy what cannot be removed stays (it never shows) and reading goes on."""
        for file_name in self.documents.remove_abandoned():
            try:
                self.paper_path(file_name).unlink(missing_ok=True)
            except OSError:
                pass
        sweep_stale(self.home / INCOMING_DIR, DOWNLOAD_PREFIX, DOWNLOAD_SUFFIX)
        try:
            folders = [p for p in self.papers_dir.iterdir() if p.is_dir()]
        except OSError:
            folders = []
        for folder in folders:
            sweep_stale(folder, COPY_PREFIX, COPY_SUFFIX)

    @property
    def db_path(self) -> Path:
        return self.home / DB_NAME

    def paper_path(self, file_name: str) -> Path:
        return self.papers_dir / file_name

    def page_cache(self) -> PageCache:
        """The persistent cache of the council's XML and HTML answers (close it when done)."""
        return PageCache(self.home)

    def catalogue(self) -> dict[str, Any]:
        """Everything the library holds, nested (the shape of `library --json`)."""
        return catalogue(self.conn)

    def meeting_day(self, now: datetime | None = None, *, committee_id: int | None = None) -> MeetingDay:
        """The followed meetings (or one committee's), today's and the next first, and what is
        new (see memberdesk.library.meeting_day)."""
        return meeting_day(self.conn, now, committee_id=committee_id)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0] == 1

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
