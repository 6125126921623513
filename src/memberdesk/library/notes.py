"""Private notes (on a page or an agenda item) and bookmarks (on a page).

Each change is one transaction. Notes carry their paper's content hash and printed page label,
so an export restores them into another library and they find their paper again there.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from memberdesk.library.store import transaction
from memberdesk.model import Bookmark, Note


@dataclass(frozen=True)
class NoteView:
    """A note with where it belongs, for listings and export."""

    note: Note
    document_title: str
    page_label: str
    agenda_item_title: str
    meeting_title: str
    uid: str
    document_sha256: str = ""


class Notes:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(
        self,
        text: str,
        *,
        document_id: int | None = None,
        page_index: int | None = None,
        agenda_item_id: int | None = None,
    ) -> int:
        text = text.strip()
        if not text:
            raise ValueError("a note needs some text")
        if document_id is None and agenda_item_id is None:
            raise ValueError("a note belongs to a page or an agenda item")
        anchor = self._anchor(document_id, page_index, agenda_item_id)
        with transaction(self.conn):
            cur = self.conn.execute(
                """INSERT INTO notes (uid, document_id, document_sha256, document_title, page_idx, page_label,
                       agenda_item_id, agenda_item_title, meeting_title, text)
                   VALUES (:uid, :document_id, :sha, :doc_title, :page_idx, :page_label,
                       :item_id, :item_title, :meeting_title, :text)""",
                {**anchor, "uid": uuid.uuid4().hex, "text": text},
            )
        return int(cur.lastrowid or 0)

    def _anchor(self, document_id: int | None, page_index: int | None, agenda_item_id: int | None) -> dict[str, Any]:
        anchor: dict[str, Any] = {
            "document_id": document_id,
            "sha": "",
            "doc_title": "",
            "page_idx": page_index,
            "page_label": "",
            "item_id": agenda_item_id,
            "item_title": "",
            "meeting_title": "",
        }
        if document_id is not None:
            row = self.conn.execute("SELECT sha256, title FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                raise ValueError(f"no document {document_id}")
            anchor["sha"], anchor["doc_title"] = row["sha256"], row["title"]
            if page_index is not None:
                label = self.conn.execute(
                    "SELECT label FROM pages WHERE document_id = ? AND idx = ?", (document_id, page_index)
                ).fetchone()
                anchor["page_label"] = label[0] if label else str(page_index + 1)
        if agenda_item_id is not None:
            row = self.conn.execute(
                """SELECT a.number, a.title, c.title AS committee, m.date FROM agenda_items a
                   JOIN meetings m ON m.id = a.meeting_id JOIN committees c ON c.id = m.committee_id
                   WHERE a.id = ?""",
                (agenda_item_id,),
            ).fetchone()
            if row is None:
                raise ValueError(f"no agenda item {agenda_item_id}")
            anchor["item_title"] = f"{row['number']} {row['title']}".strip()
            anchor["meeting_title"] = f"{row['committee']}, {row['date'] or ''}".strip(", ")
        return anchor

    def update(self, note_id: int, text: str) -> None:
        text = text.strip()
        if not text:
            raise ValueError("a note needs some text; delete it instead")
        with transaction(self.conn):
            self.conn.execute("UPDATE notes SET text = ?, updated_at = datetime('now') WHERE id = ?", (text, note_id))

    def delete(self, note_id: int) -> Note | None:
        """Delete a note; returns it so the caller can offer to undo (restore)."""
        note = self.get(note_id)
        if note is not None:
            with transaction(self.conn):
                self.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        return note

    def get(self, note_id: int) -> Note | None:
        row = self.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        return _note(row) if row else None

    def for_document(self, document_id: int) -> list[NoteView]:
        return self._views("WHERE n.document_id = ? ORDER BY n.page_idx, n.created_at, n.id", (document_id,))

    def for_agenda_item(self, agenda_item_id: int) -> list[NoteView]:
        return self._views("WHERE n.agenda_item_id = ? ORDER BY n.created_at, n.id", (agenda_item_id,))

    def for_meeting(self, meeting_id: int) -> list[NoteView]:
        return self._views(
            """WHERE n.agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?)
                  OR n.document_id IN (SELECT id FROM documents WHERE meeting_id = ?)
               ORDER BY n.document_title, n.page_idx, n.created_at, n.id""",
            (meeting_id, meeting_id),
        )

    def all(self) -> list[NoteView]:
        return self._views("ORDER BY n.meeting_title, n.document_title, n.page_idx, n.created_at, n.id", ())

    def _views(self, clause: str, args: tuple[object, ...]) -> list[NoteView]:
        rows = self.conn.execute(f"SELECT n.* FROM notes n {clause}", args).fetchall()
        return [
            NoteView(
                _note(r),
                r["document_title"],
                r["page_label"],
                r["agenda_item_title"],
                r["meeting_title"],
                r["uid"],
                r["document_sha256"],
            )
            for r in rows
        ]

    def restore(self, records: list[dict[str, Any]]) -> tuple[int, int]:
        """Bring in exported notes; returns (added, already there). Papers are found by content hash."""
        added = skipped = 0
        with transaction(self.conn):
            for record in records:
                if self.conn.execute("SELECT 1 FROM notes WHERE uid = ?", (record["uid"],)).fetchone():
                    skipped += 1
                    continue
                doc = None
                if record.get("document_sha256"):
                    doc = self.conn.execute(
                        "SELECT id FROM documents WHERE sha256 = ? AND status = 'ready' ORDER BY id LIMIT 1",
                        (record["document_sha256"],),
                    ).fetchone()
                self.conn.execute(
                    """INSERT INTO notes (uid, document_id, document_sha256, document_title, page_idx, page_label,
                           agenda_item_id, agenda_item_title, meeting_title, text, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, COALESCE(?, datetime('now')),
                               COALESCE(?, datetime('now')))""",
                    (
                        record["uid"],
                        doc[0] if doc else None,
                        record.get("document_sha256", ""),
                        record.get("document_title", ""),
                        record.get("page_index"),
                        record.get("page_label", ""),
                        record.get("agenda_item_title", ""),
                        record.get("meeting_title", ""),
                        record["text"],
                        record.get("created_at") or None,
                        record.get("updated_at") or None,
                    ),
                )
                added += 1
        return added, skipped

    def relink(self) -> None:
        """Attach notes that arrived before their paper to the paper, once it is in the library."""
        with transaction(self.conn):
            self.conn.execute(
                """UPDATE notes SET document_id = (
                       SELECT d.id FROM documents d WHERE d.sha256 = notes.document_sha256 AND d.status = 'ready'
                       ORDER BY d.id LIMIT 1)
                   WHERE document_id IS NULL AND document_sha256 != ''"""
            )


def _note(row: sqlite3.Row) -> Note:
    return Note(
        id=row["id"],
        document_id=row["document_id"],
        page_index=row["page_idx"],
        agenda_item_id=row["agenda_item_id"],
        text=row["text"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class Bookmarks:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def toggle(self, document_id: int, page_index: int) -> bool:
        """Bookmark the page, or remove its bookmark; True when it is now bookmarked."""
        with transaction(self.conn):
            gone = self.conn.execute(
                "DELETE FROM bookmarks WHERE document_id = ? AND page_idx = ?", (document_id, page_index)
            ).rowcount
            if not gone:
                self.conn.execute(
                    "INSERT INTO bookmarks (document_id, page_idx) VALUES (?, ?)", (document_id, page_index)
                )
        return not gone

    def is_marked(self, document_id: int, page_index: int) -> bool:
        return (
            self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM bookmarks WHERE document_id = ? AND page_idx = ?)",
                (document_id, page_index),
            ).fetchone()[0]
            == 1
        )

    def for_document(self, document_id: int) -> list[Bookmark]:
        rows = self.conn.execute(
            """SELECT b.id, b.document_id, b.page_idx, b.created_at, COALESCE(p.label, '') AS label
               FROM bookmarks b LEFT JOIN pages p ON p.document_id = b.document_id AND p.idx = b.page_idx
               WHERE b.document_id = ? ORDER BY b.page_idx""",
            (document_id,),
        )
        return [Bookmark(r["id"], r["document_id"], r["page_idx"], r["label"], r["created_at"]) for r in rows]
