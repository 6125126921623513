"""Documents, their pages and outline, and reading positions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable

from memberdesk.files import process_alive
from memberdesk.library.store import AlreadyStored, LibraryFull, LibraryReadOnly, best_effort, transaction
from memberdesk.model import Document, OutlineEntry, Page

_DOC_COLUMNS = """d.id, d.title, d.sha256, d.status, d.page_count, d.file_name, d.source_path,
    d.source_url, d.meeting_id, d.marker, d.added_at, d.kind, d.version, d.replaced_by,
    (SELECT COUNT(*) FROM pages p WHERE p.document_id = d.id) AS pages_ready"""


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        sha256=row["sha256"],
        status=row["status"],
        page_count=row["page_count"],
        file_name=row["file_name"],
        source_path=row["source_path"],
        source_url=row["source_url"],
        meeting_id=row["meeting_id"],
        marker=row["marker"],
        added_at=row["added_at"],
        pages_ready=row["pages_ready"],
        kind=row["kind"],
        version=row["version"],
        replaced_by=row["replaced_by"],
    )


def _page(document_id: int, row: sqlite3.Row) -> Page:
    return Page(
        document_id,
        row["idx"],
        row["label"],
        row["text"],
        row["blocks"],
        row["furniture"],
        row["source"],
        row["confidence"],
        row["ocr_note"],
    )


_PAGE_COLUMNS = "idx, label, text, blocks, furniture, source, confidence, ocr_note"


class Documents:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- reading -----------------------------------------------------------------------------
    def get(self, document_id: int) -> Document | None:
        row = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.id = ?", (document_id,)).fetchone()
        return _document(row) if row else None

    def all(self, *, include_unfinished: bool = False) -> list[Document]:
        where = "" if include_unfinished else "WHERE d.status IN ('ready', 'restricted')"
        rows = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents d {where} ORDER BY d.added_at DESC, d.id DESC")
        return [_document(row) for row in rows]

    def by_hash(self, sha256: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.sha256 = ? AND d.status = 'ready' ORDER BY d.id LIMIT 1",
            (sha256,),
        ).fetchone()
        return _document(row) if row else None

    def page(self, document_id: int, index: int) -> Page | None:
        row = self.conn.execute(
            f"SELECT {_PAGE_COLUMNS} FROM pages WHERE document_id = ? AND idx = ?",
            (document_id, index),
        ).fetchone()
        return _page(document_id, row) if row else None

    def pages(self, document_id: int, start: int = 0, stop: int | None = None) -> list[Page]:
        stop = 1 << 30 if stop is None else stop
        rows = self.conn.execute(
            f"""SELECT {_PAGE_COLUMNS} FROM pages
               WHERE document_id = ? AND idx >= ? AND idx < ? ORDER BY idx""",
            (document_id, start, stop),
        )
        return [_page(document_id, r) for r in rows]

    def page_texts(self, document_id: int) -> list[str | None]:
        """Every page's text in order, None for a page not yet imported."""
        count = self.conn.execute("SELECT page_count FROM documents WHERE id = ?", (document_id,)).fetchone()
        texts: list[str | None] = [None] * (count[0] if count else 0)
        for page in self.pages(document_id):
            if page.index < len(texts):
                texts[page.index] = page.text
        return texts

    def labels(self, document_id: int) -> list[str]:
        """Printed labels of every stored page, in order (cheap: no text)."""
        rows = self.conn.execute("SELECT label FROM pages WHERE document_id = ? ORDER BY idx", (document_id,))
        return [r[0] for r in rows]

    def pages_containing(self, document_id: int, word: str) -> list[tuple[int, str]]:
        """(index, text) of pages whose text contains `word`, any case, in page order."""
        rows = self.conn.execute(
            "SELECT idx, text FROM pages WHERE document_id = ? AND instr(lower(text), lower(?)) > 0 ORDER BY idx",
            (document_id, word),
        )
        return [(r["idx"], r["text"]) for r in rows]

    def outline(self, document_id: int) -> list[OutlineEntry]:
        rows = self.conn.execute(
            "SELECT title, page_idx, level FROM outline WHERE document_id = ? ORDER BY position", (document_id,)
        )
        return [OutlineEntry(r["title"], r["page_idx"], r["level"]) for r in rows]

    def file_path_name(self, document_id: int) -> str:
        row = self.conn.execute("SELECT file_name FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else ""

    # -- writing (each call is one transaction) ------------------------------------------------
    def begin(
        self,
        *,
        title: str,
        sha256: str,
        page_count: int,
        file_name: str,
        source_path: str = "",
        source_url: str = "",
        meeting_id: int | None = None,
        kind: str = "",
        labels: list[str] | None = None,
        outline: Iterable[OutlineEntry] = (),
    ) -> int:
        """Create a document in the 'importing' state; pages follow with add_pages(). The same
        bytes from the same address already stored (or being stored by another run) raise
        AlreadyStored with that document's id: the schema keeps one copy."""
        try:
            return self._begin(title, sha256, page_count, file_name, source_path, source_url, meeting_id, kind, outline)
        except sqlite3.IntegrityError:
            row = self.conn.execute(
                """SELECT id FROM documents WHERE sha256 = ? AND source_url = ? AND status != 'superseded'
                   ORDER BY id LIMIT 1""",
                (sha256, source_url),
            ).fetchone()
            if row is None:
                raise
            raise AlreadyStored(row[0]) from None

    def _begin(
        self,
        title: str,
        sha256: str,
        page_count: int,
        file_name: str,
        source_path: str,
        source_url: str,
        meeting_id: int | None,
        kind: str,
        outline: Iterable[OutlineEntry],
    ) -> int:
        with transaction(self.conn):
            cur = self.conn.execute(
                """INSERT INTO documents (title, sha256, status, page_count, file_name, source_path,
                       source_url, meeting_id, kind, importer_pid)
                   VALUES (?, ?, 'importing', ?, ?, ?, ?, ?, ?, ?)""",
                (title, sha256, page_count, file_name, source_path, source_url, meeting_id, kind, os.getpid()),
            )
            document_id = int(cur.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO outline (document_id, position, level, title, page_idx) VALUES (?, ?, ?, ?, ?)",
                [(document_id, i, e.level, e.title, e.page_index) for i, e in enumerate(outline)],
            )
        return document_id

    def add_pages(self, document_id: int, pages: Iterable[tuple[int, str, str]]) -> None:
        """Store (index, label, text) rows of a paper being laid out: readable at once, and
        kept out of the search index (source 'importing') until lay_out() stores their
        final text, so each page's text is indexed once (migration 8)."""
        with transaction(self.conn):
            self.conn.executemany(
                # An upsert, not INSERT OR REPLACE: REPLACE deletes without firing the
                # triggers that keep the search index in step.
                """INSERT INTO pages (document_id, idx, label, text, source) VALUES (?, ?, ?, ?, 'importing')
                   ON CONFLICT(document_id, idx) DO UPDATE SET label = excluded.label, text = excluded.text,
                       source = 'importing'""",
                [(document_id, i, label, text) for i, label, text in pages],
            )

    def lay_out(
        self,
        document_id: int,
        pages: Iterable[tuple[int, str, str, str, str]],
        *,
        extraction: int,
        outline: Iterable[OutlineEntry] | None = None,
        title: str | None = None,
    ) -> None:
        """Store what the whole paper told about each page: (index, printed label, text, blocks,
        furniture); and the contents (when it had none) and title found in it."""
        with transaction(self.conn):
            self.conn.executemany(
                """INSERT INTO pages (document_id, idx, label, text, blocks, furniture) VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(document_id, idx) DO UPDATE SET label = excluded.label, text = excluded.text,
                       blocks = excluded.blocks, furniture = excluded.furniture,
                       source = 'text', confidence = NULL, ocr_note = ''""",
                [(document_id, *row) for row in pages],
            )
            if outline is not None:
                self.conn.execute("DELETE FROM outline WHERE document_id = ?", (document_id,))
                self.conn.executemany(
                    "INSERT INTO outline (document_id, position, level, title, page_idx) VALUES (?, ?, ?, ?, ?)",
                    [(document_id, i, e.level, e.title, e.page_index) for i, e in enumerate(outline)],
                )
            if title:
                self.conn.execute("UPDATE documents SET title = ? WHERE id = ?", (title, document_id))
            self.conn.execute("UPDATE documents SET extraction = ? WHERE id = ?", (extraction, document_id))

    def store_ocr(
        self, document_id: int, index: int, *, text: str, blocks: str, confidence: float | None, note: str = ""
    ) -> None:
        """Store what OCR read from page `index` (text and blocks, source 'ocr', `note` what the
        page is, e.g. a picture), or why it read nothing (`note`, the text left as it was). Changing the text keeps the search index in
        step (its trigger fires on UPDATE OF text)."""
        with transaction(self.conn):
            if text:
                self.conn.execute(
                    """UPDATE pages SET text = ?, blocks = ?, source = 'ocr', confidence = ?, ocr_note = ?
                       WHERE document_id = ? AND idx = ?""",
                    (text, blocks, confidence, note, document_id, index),
                )
            else:
                self.conn.execute(
                    "UPDATE pages SET ocr_note = ? WHERE document_id = ? AND idx = ?", (note, document_id, index)
                )

    def mark_ocr(self, document_id: int, indices: Iterable[int], note: str) -> None:
        """Set pages.ocr_note of pages `indices` (waiting for OCR, or no OCR to be had)."""
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE pages SET ocr_note = ? WHERE document_id = ? AND idx = ?",
                [(note, document_id, i) for i in indices],
            )

    def ocr_counts(self) -> dict[int, int]:
        """document id -> how many of its pages were read by OCR."""
        rows = self.conn.execute("SELECT document_id, COUNT(*) FROM pages WHERE source = 'ocr' GROUP BY document_id")
        return {r[0]: r[1] for r in rows}

    def needing_extraction(self, extraction: int) -> list[Document]:
        """Readable papers made by an older extractor than `extraction`."""
        rows = self.conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents d WHERE status IN ('ready', 'superseded') AND extraction < ? ORDER BY id",
            (extraction,),
        )
        return [_document(r) for r in rows]

    def finish(self, document_id: int, *, marker: str = "") -> None:
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE documents SET status = 'ready', importer_pid = NULL, marker = ? WHERE id = ?",
                (marker, document_id),
            )

    def discard(self, document_id: int) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def mark_opened(self, document_id: int) -> None:
        with best_effort(self.conn):  # reading goes on from a full disk or a read-only copy
            self.conn.execute(
                "UPDATE documents SET marker = '', opened_at = datetime('now') WHERE id = ?", (document_id,)
            )

    def remove_abandoned(self) -> list[str]:
        """Delete documents whose import was cut off (its process is gone): no half documents.

        Returns the paper files no document uses any more, for the caller to delete.
        """
        rows = self.conn.execute(
            "SELECT id, importer_pid, file_name FROM documents WHERE status = 'importing'"
        ).fetchall()
        dead = [r for r in rows if not process_alive(r["importer_pid"])]
        if not dead:
            return []
        try:
            with transaction(self.conn):
                self.conn.executemany("DELETE FROM documents WHERE id = ?", [(r["id"],) for r in dead])
        except (LibraryFull, LibraryReadOnly):
            return []  # they never show (status 'importing'); the next write-able start removes them
        return [r["file_name"] for r in dead if r["file_name"] and not self.file_in_use(r["file_name"])]

    def file_in_use(self, file_name: str) -> bool:
        return (
            self.conn.execute("SELECT EXISTS (SELECT 1 FROM documents WHERE file_name = ?)", (file_name,)).fetchone()[0]
            == 1
        )

    # -- reading positions ---------------------------------------------------------------------
    def position(self, document_id: int) -> tuple[int, int]:
        row = self.conn.execute(
            "SELECT page_idx, line FROM reading_positions WHERE document_id = ?", (document_id,)
        ).fetchone()
        return (row["page_idx"], row["line"]) if row else (0, 0)

    def save_position(self, document_id: int, page_index: int, line: int) -> None:
        with best_effort(self.conn):
            self.conn.execute(
                """INSERT INTO reading_positions (document_id, page_idx, line, updated_at)
                   VALUES (?, ?, ?, datetime('now'))
                   ON CONFLICT(document_id) DO UPDATE SET page_idx = excluded.page_idx,
                       line = excluded.line, updated_at = excluded.updated_at""",
                (document_id, page_index, line),
            )
