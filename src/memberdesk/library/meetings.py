"""Writing what sync learns: councils, committees, meetings and agenda items (upserts).
Reading them is memberdesk.library.councils."""

from __future__ import annotations

import sqlite3
from datetime import date

from memberdesk.library.store import transaction
from memberdesk.model import AgendaItem


class Meetings:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writing: what sync stores ---------------------------------------------------------
    def add_council(self, name: str, base_url: str, mode: str) -> int:
        with transaction(self.conn):
            self.conn.execute(
                """INSERT INTO councils (name, base_url, mode) VALUES (?, ?, ?)
                   ON CONFLICT(base_url) DO UPDATE SET name = excluded.name, mode = excluded.mode""",
                (name, base_url, mode),
            )
            return int(self.conn.execute("SELECT id FROM councils WHERE base_url = ?", (base_url,)).fetchone()[0])

    def upsert_committee(
        self, council_id: int, remote_id: str, title: str, *, category: str = "", deleted: bool = False, expired: bool = False
    ) -> int:
        with transaction(self.conn):
            self.conn.execute(
                """INSERT INTO committees (council_id, remote_id, title, category, deleted, expired)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(council_id, remote_id) DO UPDATE SET title = excluded.title,
                       category = excluded.category, deleted = excluded.deleted, expired = excluded.expired""",
                (council_id, remote_id, title, category, int(deleted), int(expired)),
            )
            return int(
                self.conn.execute(
                    "SELECT id FROM committees WHERE council_id = ? AND remote_id = ?", (council_id, remote_id)
                ).fetchone()[0]
            )

    def upsert_meeting(
        self,
        committee_id: int,
        remote_id: str,
        *,
        when: date | None,
        time: str = "",
        status: str = "",
        location: str = "",
        agenda_published: bool = True,
    ) -> int:
        with transaction(self.conn):
            self.conn.execute(
                """INSERT INTO meetings (committee_id, remote_id, date, time, status, location, agenda_published)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(committee_id, remote_id) DO UPDATE SET date = excluded.date, time = excluded.time,
                       status = excluded.status, location = excluded.location,
                       agenda_published = excluded.agenda_published""",
                (committee_id, remote_id, when.isoformat() if when else None, time, status, location, int(agenda_published)),
            )
            return int(
                self.conn.execute(
                    "SELECT id FROM meetings WHERE committee_id = ? AND remote_id = ?", (committee_id, remote_id)
                ).fetchone()[0]
            )

    def note_listed(self, committee_id: int, remote_id: str, *, when: date | None, time: str = "",
                    status: str = "") -> int:
        """A meeting as a council's list shows it: date, time, status; what its agenda said
        (location, published or not) is left as the last sync stored it."""
        with transaction(self.conn):
            self.conn.execute(
                """INSERT INTO meetings (committee_id, remote_id, date, time, status) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(committee_id, remote_id) DO UPDATE SET date = excluded.date,
                       time = excluded.time, status = excluded.status""",
                (committee_id, remote_id, when.isoformat() if when else None, time, status),
            )
            return int(
                self.conn.execute(
                    "SELECT id FROM meetings WHERE committee_id = ? AND remote_id = ?", (committee_id, remote_id)
                ).fetchone()[0]
            )

    def set_agenda_items(self, meeting_id: int, items: list[AgendaItem]) -> list[int]:
        """Store a meeting's agenda items in order (replacing the old ones); returns their ids.

        Items are matched by remote id where they have one, so notes on an item stay attached.
        """
        ids: list[int] = []
        with transaction(self.conn):
            existing = {
                r["remote_id"]: r["id"]
                for r in self.conn.execute(
                    "SELECT id, remote_id FROM agenda_items WHERE meeting_id = ? AND remote_id != ''", (meeting_id,)
                )
            }
            for position, item in enumerate(items):
                values = (item.number, item.title, item.text, item.minutes, int(item.is_decision), int(item.is_restricted), position)
                remote = item.remote_id
                if remote and remote in existing:
                    self.conn.execute(
                        """UPDATE agenda_items SET number = ?, title = ?, text = ?, minutes = ?, is_decision = ?,
                               is_restricted = ?, position = ? WHERE id = ?""",
                        (*values, existing.pop(remote)),
                    )
                    ids.append(int(self.conn.execute(
                        "SELECT id FROM agenda_items WHERE meeting_id = ? AND remote_id = ?", (meeting_id, remote)
                    ).fetchone()[0]))
                else:
                    cur = self.conn.execute(
                        """INSERT INTO agenda_items (meeting_id, remote_id, number, title, text, minutes, is_decision,
                               is_restricted, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        (meeting_id, remote, *values),
                    )
                    ids.append(int(cur.lastrowid or 0))
            self.conn.executemany("DELETE FROM agenda_items WHERE id = ?", [(i,) for i in existing.values()])
        return ids
