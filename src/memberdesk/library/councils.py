"""Councils, their committees, meetings and agenda items: what sync learns (written as
upserts) and what the councillor follows. Papers' versions by URL are SyncRecords'."""

from __future__ import annotations

import sqlite3
from datetime import date

from memberdesk.library.store import transaction
from memberdesk.model import AgendaItem, Committee, Council, Meeting

_VISIBLE = "('ready', 'restricted')"  # what listings show: never 'importing' or 'superseded'


def _council(row: sqlite3.Row) -> Council:
    return Council(id=row["id"], name=row["name"], base_url=row["base_url"], mode=row["mode"])


def _committee(row: sqlite3.Row) -> Committee:
    return Committee(
        id=row["id"],
        council_id=row["council_id"],
        remote_id=row["remote_id"],
        title=row["title"],
        category=row["category"],
        deleted=bool(row["deleted"]),
        expired=bool(row["expired"]),
        followed=bool(row["followed"]),
    )


def meeting_from_row(row: sqlite3.Row) -> Meeting:
    """A meetings row joined with its committee's title (as `committee_title`)."""
    return Meeting(
        id=row["id"],
        committee_id=row["committee_id"],
        remote_id=row["remote_id"],
        date=date.fromisoformat(row["date"]) if row["date"] else None,
        time=row["time"],
        status=row["status"],
        location=row["location"],
        title=row["committee_title"],
        agenda_published=bool(row["agenda_published"]),
        synced_at=row["synced_at"],
    )


_ITEM_COLUMNS = """id, meeting_id, remote_id, number, title, text, minutes, is_decision, is_restricted,
    position"""


def _agenda_item(row: sqlite3.Row) -> AgendaItem:
    return AgendaItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        number=row["number"],
        title=row["title"],
        text=row["text"],
        minutes=row["minutes"],
        is_decision=bool(row["is_decision"]),
        is_restricted=bool(row["is_restricted"]),
        position=row["position"],
        remote_id=row["remote_id"],
    )


_MEETING_COLUMNS = """m.id, m.committee_id, m.remote_id, m.date, m.time, m.status, m.location,
    m.agenda_published, m.synced_at, c.title AS committee_title"""


class Councils:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- councils -------------------------------------------------------------------------
    def all(self) -> list[Council]:
        return [
            _council(r) for r in self.conn.execute("SELECT id, name, base_url, mode FROM councils ORDER BY name, id")
        ]

    def get(self, council_id: int) -> Council | None:
        row = self.conn.execute("SELECT id, name, base_url, mode FROM councils WHERE id = ?", (council_id,)).fetchone()
        return _council(row) if row else None

    def set_mode(self, council_id: int, mode: str) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE councils SET mode = ? WHERE id = ?", (mode, council_id))

    # -- committees -----------------------------------------------------------------------
    def committees(self, council_id: int, *, include_hidden: bool = False) -> list[Committee]:
        """A council's committees by title; deleted and expired ones only when asked (or followed)."""
        hidden = "" if include_hidden else "AND ((deleted = 0 AND expired = 0) OR followed = 1)"
        rows = self.conn.execute(
            f"""SELECT id, council_id, remote_id, title, category, deleted, expired, followed
                FROM committees WHERE council_id = ? {hidden} ORDER BY title COLLATE NOCASE, id""",
            (council_id,),
        )
        return [_committee(r) for r in rows]

    def committee(self, committee_id: int) -> Committee | None:
        row = self.conn.execute(
            """SELECT id, council_id, remote_id, title, category, deleted, expired, followed
               FROM committees WHERE id = ?""",
            (committee_id,),
        ).fetchone()
        return _committee(row) if row else None

    def followed(self, council_id: int) -> list[Committee]:
        return [c for c in self.committees(council_id, include_hidden=True) if c.followed]

    def set_followed(self, committee_ids: list[int], followed: bool) -> None:
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE committees SET followed = ? WHERE id = ?", [(int(followed), i) for i in committee_ids]
            )

    # -- meetings as stored ---------------------------------------------------------------
    def meetings(self, committee_id: int, from_date: date | None = None, to_date: date | None = None) -> list[Meeting]:
        rows = self.conn.execute(
            f"""SELECT {_MEETING_COLUMNS} FROM meetings m JOIN committees c ON c.id = m.committee_id
                WHERE m.committee_id = ? AND (? IS NULL OR m.date >= ?) AND (? IS NULL OR m.date <= ?)
                ORDER BY m.date, m.time, m.id""",
            (
                committee_id,
                *(2 * [from_date.isoformat() if from_date else None]),
                *(2 * [to_date.isoformat() if to_date else None]),
            ),
        )
        return [meeting_from_row(r) for r in rows]

    def meeting(self, meeting_id: int) -> Meeting | None:
        row = self.conn.execute(
            f"""SELECT {_MEETING_COLUMNS} FROM meetings m JOIN committees c ON c.id = m.committee_id
                WHERE m.id = ?""",
            (meeting_id,),
        ).fetchone()
        return meeting_from_row(row) if row else None

    def council_of_meeting(self, meeting_id: int) -> Council | None:
        row = self.conn.execute(
            """SELECT k.id, k.name, k.base_url, k.mode FROM meetings m
               JOIN committees c ON c.id = m.committee_id JOIN councils k ON k.id = c.council_id
               WHERE m.id = ?""",
            (meeting_id,),
        ).fetchone()
        return _council(row) if row else None

    def agenda_items(self, meeting_id: int) -> list[AgendaItem]:
        rows = self.conn.execute(
            f"SELECT {_ITEM_COLUMNS} FROM agenda_items WHERE meeting_id = ? ORDER BY position, id", (meeting_id,)
        )
        return [_agenda_item(r) for r in rows]

    def agenda_item(self, agenda_item_id: int) -> AgendaItem | None:
        row = self.conn.execute(f"SELECT {_ITEM_COLUMNS} FROM agenda_items WHERE id = ?", (agenda_item_id,)).fetchone()
        return _agenda_item(row) if row else None

    def item_documents(self, meeting_id: int) -> dict[int, list[int]]:
        """Agenda item id -> ids of the current papers hanging off it (a paper may hang off several)."""
        found: dict[int, list[int]] = {}
        for row in self.conn.execute(
            f"""SELECT l.agenda_item_id, l.document_id FROM agenda_item_documents l
                    JOIN agenda_items a ON a.id = l.agenda_item_id
                    JOIN documents d ON d.id = l.document_id AND d.status IN {_VISIBLE}
                    WHERE a.meeting_id = ? ORDER BY l.document_id""",
            (meeting_id,),
        ):
            found.setdefault(row[0], []).append(row[1])
        return found

    def meeting_document_ids(self, meeting_id: int) -> list[int]:
        """The current papers of a meeting (reports, packs, restricted ones), in the order stored."""
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM documents WHERE meeting_id = ? AND status IN {_VISIBLE} ORDER BY id", (meeting_id,)
            )
        ]

    def unread_markers(self, council_id: int) -> dict[str, int]:
        """How many current papers of a council are marked new / updated (until opened)."""
        rows = self.conn.execute(
            f"""SELECT d.marker, COUNT(*) FROM documents d JOIN meetings m ON m.id = d.meeting_id
                JOIN committees c ON c.id = m.committee_id
                WHERE c.council_id = ? AND d.marker != '' AND d.status IN {_VISIBLE}
                GROUP BY d.marker""",
            (council_id,),
        )
        return {r[0]: r[1] for r in rows}

    # -- what sync learns ------------------------------------------------------------------
    def add_council(self, name: str, base_url: str, mode: str) -> int:
        with transaction(self.conn):
            self.conn.execute(
                """INSERT INTO councils (name, base_url, mode) VALUES (?, ?, ?)
                   ON CONFLICT(base_url) DO UPDATE SET name = excluded.name, mode = excluded.mode""",
                (name, base_url, mode),
            )
            return int(self.conn.execute("SELECT id FROM councils WHERE base_url = ?", (base_url,)).fetchone()[0])

    def upsert_committee(
        self,
        council_id: int,
        remote_id: str,
        title: str,
        *,
        category: str = "",
        deleted: bool = False,
        expired: bool = False,
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
                (
                    committee_id,
                    remote_id,
                    when.isoformat() if when else None,
                    time,
                    status,
                    location,
                    int(agenda_published),
                ),
            )
            return int(
                self.conn.execute(
                    "SELECT id FROM meetings WHERE committee_id = ? AND remote_id = ?", (committee_id, remote_id)
                ).fetchone()[0]
            )

    def note_listed(
        self, committee_id: int, remote_id: str, *, when: date | None, time: str = "", status: str = ""
    ) -> int:
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
                values = (
                    item.number,
                    item.title,
                    item.text,
                    item.minutes,
                    int(item.is_decision),
                    int(item.is_restricted),
                    position,
                )
                remote = item.remote_id
                if remote and remote in existing:
                    self.conn.execute(
                        """UPDATE agenda_items SET number = ?, title = ?, text = ?, minutes = ?, is_decision = ?,
                               is_restricted = ?, position = ? WHERE id = ?""",
                        (*values, existing.pop(remote)),
                    )
                    ids.append(
                        int(
                            self.conn.execute(
                                "SELECT id FROM agenda_items WHERE meeting_id = ? AND remote_id = ?",
                                (meeting_id, remote),
                            ).fetchone()[0]
                        )
                    )
                else:
                    cur = self.conn.execute(
                        """INSERT INTO agenda_items (meeting_id, remote_id, number, title, text, minutes, is_decision,
                               is_restricted, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        (meeting_id, remote, *values),
                    )
                    ids.append(int(cur.lastrowid or 0))
            self.conn.executemany("DELETE FROM agenda_items WHERE id = ?", [(i,) for i in existing.values()])
        return ids
