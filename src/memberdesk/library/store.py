"""The library's one SQLite connection: opening, migrations and transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from memberdesk.library.migrations import MIGRATIONS

DB_NAME = "library.sqlite3"
PAPERS_DIR = "papers"


class LibraryError(RuntimeError):
    """The library cannot be used; the message names the folder and what to do."""


def connect(home: Path) -> sqlite3.Connection:
    try:
        home.mkdir(parents=True, exist_ok=True)
        (home / PAPERS_DIR).mkdir(exist_ok=True)
        conn = sqlite3.connect(home / DB_NAME, timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL with WAL survives an application crash; only a power cut can drop the last commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except (OSError, sqlite3.Error) as exc:
        raise LibraryError(
            f"the library at {home} cannot be opened ({exc}); "
            "check the folder is writable or choose another with --library DIR"
        ) from exc
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the version reached."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise LibraryError(f"this library was written by a newer memberdesk (schema {version}); upgrade memberdesk")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> Iterator[str]:
    # executescript() would commit on its own; splitting keeps each migration in one transaction.
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: all of it lands, or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
