"""The council's XML and HTML answers kept with their validators, across runs.

HttpClient asks lookup(url) before a conditional GET and store(url, page) after a 200 with
an ETag or Last-Modified. Kept in the library so a repeat sync of unchanged meetings costs
one small 304 each instead of a full answer. Its own SQLite connection (same file, WAL)
behind a lock, because meeting pages are fetched from several threads at once.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from memberdesk.library.store import connect
from memberdesk.model import CachedPage


class PageCache:
    def __init__(self, home: Path) -> None:
        self._conn = connect(home)
        self._lock = threading.Lock()

    def lookup(self, url: str) -> CachedPage | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT etag, last_modified, headers, content FROM http_cache WHERE url = ?", (url,)
            ).fetchone()
        if row is None:
            return None
        try:
            headers = json.loads(row["headers"])
        except ValueError:
            headers = {}
        return CachedPage(row["etag"], row["last_modified"], bytes(row["content"]), headers)

    def store(self, url: str, page: CachedPage) -> None:
        headers = json.dumps(dict(page.headers))
        with self._lock:
            try:
                # One statement in autocommit mode: atomic on its own.
                self._conn.execute(
                    """INSERT INTO http_cache (url, etag, last_modified, headers, content, stored_at)
                       VALUES (?, ?, ?, ?, ?, datetime('now'))
                       ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                           last_modified = excluded.last_modified, headers = excluded.headers,
                           content = excluded.content, stored_at = excluded.stored_at""",
                    (url, page.etag, page.last_modified, headers, page.content),
                )
            except sqlite3.OperationalError:
                # A full disk or a read-only library: a page not kept is only fetched again
                # next time; the sync itself says what the full disk stopped.
                pass

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> PageCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
