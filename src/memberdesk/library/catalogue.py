"""What the library holds, as one nested structure: the shape of `memberdesk library --json`."""

from __future__ import annotations

import sqlite3
from typing import Any


def catalogue(conn: sqlite3.Connection) -> dict[str, Any]:
    docs = _documents(conn)
    by_id = {d["id"]: d for d in docs}
    item_docs: dict[int, list[int]] = {}
    # Only current papers: a superseded version keeps its links for the record, unlisted.
    for row in conn.execute(
        "SELECT l.agenda_item_id, l.document_id FROM agenda_item_documents l "
        "JOIN documents d ON d.id = l.document_id AND d.status IN ('ready', 'restricted') "
        "ORDER BY l.document_id"
    ):
        item_docs.setdefault(row[0], []).append(row[1])
    councils = []
    for council in conn.execute("SELECT id, name, base_url, mode FROM councils ORDER BY name"):
        committees = []
        for committee in conn.execute(
            "SELECT id, remote_id, title, category, deleted, expired, followed FROM committees "
            "WHERE council_id = ? ORDER BY title",
            (council["id"],),
        ):
            meetings = []
            for meeting in conn.execute(
                "SELECT id, remote_id, date, time, status, location, agenda_published, synced_at "
                "FROM meetings WHERE committee_id = ? "
                "ORDER BY date, id",
                (committee["id"],),
            ):
                items = [
                    {
                        "id": item["id"],
                        "number": item["number"],
                        "title": item["title"],
                        "is_decision": bool(item["is_decision"]),
                        "is_restricted": bool(item["is_restricted"]),
                        "has_text": bool(item["text"] or item["minutes"]),
                        "documents": item_docs.get(item["id"], []),
                    }
                    for item in conn.execute(
                        "SELECT id, number, title, text, minutes, is_decision, is_restricted FROM agenda_items "
                        "WHERE meeting_id = ? ORDER BY position, id",
                        (meeting["id"],),
                    )
                ]
                meetings.append(
                    {
                        "id": meeting["id"],
                        "remote_id": meeting["remote_id"],
                        "date": meeting["date"],
                        "time": meeting["time"],
                        "status": meeting["status"],
                        "location": meeting["location"],
                        "agenda_published": bool(meeting["agenda_published"]),
                        "synced_at": meeting["synced_at"],
                        "agenda_items": items,
                        "documents": [d["id"] for d in docs if d["meeting_id"] == meeting["id"]],
                    }
                )
            committees.append(
                {
                    "id": committee["id"],
                    "remote_id": committee["remote_id"],
                    "title": committee["title"],
                    "category": committee["category"],
                    "followed": bool(committee["followed"]),
                    "deleted": bool(committee["deleted"]),
                    "expired": bool(committee["expired"]),
                    "meetings": meetings,
                }
            )
        councils.append(
            {
                "id": council["id"],
                "name": council["name"],
                "url": council["base_url"],
                "mode": council["mode"],
                "committees": committees,
            }
        )
    return {"councils": councils, "documents": list(by_id.values())}


def _documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        """SELECT d.id, d.title, d.status, d.page_count, d.source_path, d.source_url, d.meeting_id,
                  d.kind, d.marker, d.version, d.added_at, d.sha256,
                  (SELECT label FROM pages p WHERE p.document_id = d.id ORDER BY idx LIMIT 1) AS first_label,
                  (SELECT label FROM pages p WHERE p.document_id = d.id ORDER BY idx DESC LIMIT 1) AS last_label,
                  (SELECT COUNT(*) FROM pages p WHERE p.document_id = d.id AND p.source = 'ocr') AS ocr_pages
           FROM documents d WHERE d.status IN ('ready', 'restricted') ORDER BY d.id"""
    )
    return [
        {
            "id": r["id"],
            "title": r["title"],
            "status": r["status"],
            "pages": r["page_count"],
            "first_page_label": r["first_label"],
            "last_page_label": r["last_label"],
            "ocr_pages": r["ocr_pages"],
            "source": r["source_url"] or r["source_path"],
            "meeting_id": r["meeting_id"],
            "kind": r["kind"],
            "marker": r["marker"],
            "version": r["version"],
            "sha256": r["sha256"],
            "added_at": r["added_at"],
        }
        for r in rows
    ]
