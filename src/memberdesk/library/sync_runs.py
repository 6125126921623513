"""When each sync ran and what it brought: the last one is said in the app and by `next`."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from memberdesk.library.store import best_effort

KEPT = 200  # older runs are forgotten: only the last one is ever said


@dataclass(frozen=True)
class SyncRun:
    ran_at: str  # UTC, as SQLite writes it
    new: int
    updated: int
    failed: int
    cancelled: bool
    summary: str


class SyncRuns:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def record(self, *, new: int, updated: int, failed: int, cancelled: bool, summary: str) -> None:
        # On the side, as reading records pages read: a full disk must not hide what the sync did.
        with best_effort(self.conn):
            self.conn.execute(
                "INSERT INTO sync_runs (new, updated, failed, cancelled, summary) VALUES (?, ?, ?, ?, ?)",
                (new, updated, failed, int(cancelled), summary),
            )
            self.conn.execute(
                "DELETE FROM sync_runs WHERE id NOT IN (SELECT id FROM sync_runs ORDER BY id DESC LIMIT ?)", (KEPT,)
            )

    def last(self) -> SyncRun | None:
        row = self.conn.execute(
            "SELECT ran_at, new, updated, failed, cancelled, summary FROM sync_runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return SyncRun(row[0], row[1], row[2], row[3], bool(row[4]), row[5])
