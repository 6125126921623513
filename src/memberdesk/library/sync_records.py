"""What sync remembers about a council's papers: which row is the current version of a URL,
its validators (ETag / Last-Modified), when it was last checked, restricted placeholders,
and how a meeting looked at its last sync.

Versions: a URL's current paper is its newest 'ready' or 'restricted' row. When the council
republishes it with different content, the new row gets version + 1 and marker 'updated';
the old row becomes 'superseded' (replaced_by -> the new row). The old row, its file and
pages are kept: notes, bookmarks and reading positions stay with the version they were made
on and can still be opened from the notes list, while listings and search show only the
current version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from memberdesk.library.store import transaction

_CURRENT = "status IN ('ready', 'restricted')"


@dataclass(frozen=True)
class StoredVersion:
    id: int
    title: str
    sha256: str
    status: str
    version: int
    etag: str
    last_modified: str
    checked_at: str | None
    meeting_id: int | None


class SyncRecords:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def current(self, url: str) -> StoredVersion | None:
        # The newest row wins: if a run stopped between importing a new version and
        # recording it, the freshly fetched content is still what we show next time.
        row = self.conn.execute(
            f"""SELECT id, title, sha256, status, version, etag, last_modified, checked_at, meeting_id
                FROM documents WHERE source_url = ? AND {_CURRENT} ORDER BY id DESC LIMIT 1""",
            (url,),
        ).fetchone()
        return StoredVersion(**dict(row)) if row else None

    def is_due(self, document_id: int, minutes: float) -> bool:
        """True when the paper was never checked, or not within the last `minutes`."""
        row = self.conn.execute(
            """SELECT checked_at IS NULL OR checked_at <= datetime('now', ?)
               FROM documents WHERE id = ?""",
            (f"-{minutes:.3f} minutes", document_id),
        ).fetchone()
        return bool(row[0]) if row else True

    # -- writing (each call is one transaction) ----------------------------------------------
    def add_restricted(self, *, title: str, url: str, meeting_id: int, kind: str, marker: str) -> int:
        """A paper the council lists but does not publish: a row with no file and no pages."""
        with transaction(self.conn):
            cur = self.conn.execute(
                """INSERT INTO documents (title, status, source_url, meeting_id, kind, marker, checked_at)
                   VALUES (?, 'restricted', ?, ?, ?, ?, datetime('now'))""",
                (title, url, meeting_id, kind, marker),
            )
            return int(cur.lastrowid or 0)

    def update_listing(self, document_id: int, *, title: str, kind: str) -> None:
        """The council renamed a paper (or moved it between kinds): keep our row in step."""
        with transaction(self.conn):
            self.conn.execute("UPDATE documents SET title = ?, kind = ? WHERE id = ?", (title, kind, document_id))

    def checked(self, document_id: int, *, etag: str, last_modified: str) -> None:
        """The council confirmed our copy is current (a 304, or the same bytes again)."""
        with transaction(self.conn):
            self.conn.execute(
                """UPDATE documents SET checked_at = datetime('now'),
                       etag = CASE WHEN ? != '' THEN ? ELSE etag END,
                       last_modified = CASE WHEN ? != '' THEN ? ELSE last_modified END
                   WHERE id = ?""",
                (etag, etag, last_modified, last_modified, document_id),
            )

    def adopt(
        self,
        document_id: int,
        *,
        url: str,
        title: str,
        meeting_id: int,
        kind: str,
        marker: str,
        etag: str,
        last_modified: str,
    ) -> int:
        """Make an imported row the current version of `url`; returns its version number.

        Every older current row for the URL becomes 'superseded' by it, in the same
        transaction, so exactly one version is ever listed.
        """
        with transaction(self.conn):
            latest = self.conn.execute(
                """SELECT MAX(version) FROM documents WHERE source_url = ? AND id != ?
                   AND sha256 != '' AND status IN ('ready', 'superseded')""",
                (url, document_id),
            ).fetchone()[0]
            version = int(latest) + 1 if latest else 1
            self.conn.execute(
                """UPDATE documents SET source_url = ?, title = ?, meeting_id = ?, kind = ?, marker = ?,
                       version = ?, etag = ?, last_modified = ?, checked_at = datetime('now'),
                       replaced_by = NULL WHERE id = ?""",
                (url, title, meeting_id, kind, marker, version, etag, last_modified, document_id),
            )
            self.conn.execute(
                f"""UPDATE documents SET status = 'superseded', replaced_by = ?
                    WHERE source_url = ? AND id != ? AND {_CURRENT}""",
                (document_id, url, document_id),
            )
            # A paper that was restricted and is now published: its links move to the real one.
            self.conn.execute(
                """UPDATE OR IGNORE agenda_item_documents SET document_id = ?
                   WHERE document_id IN (SELECT id FROM documents WHERE replaced_by = ?)""",
                (document_id, document_id),
            )
        return version

    def clone(self, document_id: int, url: str) -> int:
        """A new row for `url` sharing an existing paper's file, pages and outline.

        For the same bytes published under a second address: each address keeps its own row
        (and versions), while the file on disk and the extraction work are shared.
        """
        with transaction(self.conn):
            cur = self.conn.execute(
                """INSERT INTO documents (title, sha256, status, page_count, file_name, kind, source_url, extraction)
                   SELECT title, sha256, 'ready', page_count, file_name, kind, ?, extraction FROM documents WHERE id = ?""",
                (url, document_id),
            )
            new_id = int(cur.lastrowid or 0)
            self.conn.execute(
                """INSERT INTO pages (document_id, idx, label, text, blocks, furniture, source, confidence, ocr_note)
                   SELECT ?, idx, label, text, blocks, furniture, source, confidence, ocr_note
                   FROM pages WHERE document_id = ?""",
                (new_id, document_id),
            )
            self.conn.execute(
                """INSERT INTO outline (document_id, position, level, title, page_idx)
                   SELECT ?, position, level, title, page_idx FROM outline WHERE document_id = ?""",
                (new_id, document_id),
            )
        return new_id

    def set_links(self, meeting_id: int, links: Iterable[tuple[int, int]]) -> None:
        """Replace the (agenda item, document) links of a meeting's items with these."""
        with transaction(self.conn):
            self.conn.execute(
                """DELETE FROM agenda_item_documents WHERE agenda_item_id IN
                   (SELECT id FROM agenda_items WHERE meeting_id = ?)""",
                (meeting_id,),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO agenda_item_documents (agenda_item_id, document_id) VALUES (?, ?)", list(links)
            )

    # -- meetings ------------------------------------------------------------------------
    def meeting_state(self, meeting_id: int) -> tuple[str | None, str]:
        """(synced_at, fingerprint) of a meeting: None when it was never synced."""
        row = self.conn.execute("SELECT synced_at, fingerprint FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return (row[0], row[1]) if row else (None, "")

    def meeting_synced(self, meeting_id: int, fingerprint: str) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE meetings SET synced_at = datetime('now'), fingerprint = ? WHERE id = ?",
                (fingerprint, meeting_id),
            )
