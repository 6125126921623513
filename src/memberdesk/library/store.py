"""The library's one SQLite connection: opening, migrations and transactions.

Opening never writes when nothing needs writing (the schema is current), so a library on a
full disk or a read-only copy (a backup, a USB stick) still opens for reading. SQLite's
"disk is full" and "read-only" become LibraryFull and LibraryReadOnly, which name what to do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from memberdesk.library.migrations import MIGRATIONS

DB_NAME = "library.sqlite3"
PAPERS_DIR = "papers"


class LibraryError(RuntimeError):
    """The library cannot be used; the message names the folder and what to do."""


class LibraryFull(LibraryError):
    """The disk that holds the library is full: nothing more can be written."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"the disk is full{f' ({detail})' if detail else ''}; free some space and try again")


class LibraryReadOnly(LibraryError):
    """The library is on a read-only disk or folder: it can be read, not changed."""

    def __init__(self) -> None:
        super().__init__("the library is read-only (a backup or a locked disk?); it can be read but not changed")


class AlreadyStored(LibraryError):
    """A paper with these bytes (from this address) is already stored or being stored."""

    def __init__(self, document_id: int) -> None:
        super().__init__(f"already in the library (document {document_id})")
        self.document_id = document_id


def storage_problem(exc: BaseException) -> LibraryError | None:
    """LibraryFull or LibraryReadOnly for an sqlite3 error (or OSError) that means one, else None."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or "disk is full" in str(exc):
        return LibraryFull()
    if name.startswith("SQLITE_READONLY") or "readonly database" in str(exc):
        return LibraryReadOnly()
    errno = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and errno is not None:
        import errno as codes

        if errno in (codes.ENOSPC, codes.EDQUOT):
            return LibraryFull()
        if errno == codes.EROFS:
            return LibraryReadOnly()
    return None


def connect(home: Path) -> sqlite3.Connection:
    db = home / DB_NAME
    try:
        if not db.exists():
            home.mkdir(parents=True, exist_ok=True)
        (home / PAPERS_DIR).mkdir(exist_ok=True)
    except OSError:
        if not db.exists():
            raise LibraryError(
                f"the library at {home} cannot be made here; choose another folder with --library DIR"
            ) from None
    try:
        conn = _open(db)
    except sqlite3.Error as exc:
        # A full disk or read-only medium may refuse the -shm file a WAL reader needs:
        # read the file as it is instead (nothing else writes to a disk that cannot be written).
        if not db.exists():
            raise _cannot_open(home, exc) from exc
        try:
            conn = _open(db, immutable=True)
        except sqlite3.Error:
            raise _cannot_open(home, exc) from exc
    try:
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise storage_problem(exc) or _cannot_open(home, exc) from exc
    return conn


def _open(db: Path, *, immutable: bool = False) -> sqlite3.Connection:
    if immutable:
        conn = sqlite3.connect(
            f"file:{quote(str(db))}?immutable=1",
            uri=True,
            timeout=30,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(db, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        # Already WAL (every library after its first open): the pragma only reads.
        if not immutable and conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL with WAL survives an application crash; only a power cut can drop the last commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads now, not at first use
    except BaseException:
        conn.close()
        raise
    return conn


def _cannot_open(home: Path, exc: BaseException) -> LibraryError:
    return LibraryError(
        f"the library at {home} cannot be opened ({exc}); "
        "check the folder is writable or choose another with --library DIR"
    )


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
            _rollback(conn)
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


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite may already have rolled back by itself (a full disk does): nothing left to undo.
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: all of it lands, or none of it. A full disk or a read-only
    library raises LibraryFull / LibraryReadOnly (a LibraryError) rather than sqlite3's own."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        problem = storage_problem(exc)
        if problem is not None:
            raise problem from exc
        raise
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        problem = storage_problem(exc)
        if problem is not None:
            raise problem from exc
        raise
    except BaseException:
        _rollback(conn)
        raise


@contextmanager
def best_effort(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A transaction for what reading records on the side (the position, pages read): on a
    full disk or a read-only copy it is skipped, so reading goes on; so is a record for a
    paper that is gone meanwhile (an import stopped while its reader was open)."""
    try:
        with transaction(conn):
            yield conn
    except (LibraryFull, LibraryReadOnly):
        pass
    except sqlite3.IntegrityError as error:
        if "FOREIGN KEY" not in str(error):
            raise
