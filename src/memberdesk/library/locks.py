"""One sync per library at a time: a lock file naming its holder.

The lock is an flock on `sync.lock` in the library folder: the kernel drops it when its
process ends, however it ends, so a killed sync never leaves a stale lock. The file says
who holds it (pid, when, "the app" or "the command line"), for the second run to tell.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from memberdesk.library.store import LibraryError, storage_problem

try:
    import fcntl
except ImportError:  # not POSIX: no lock (one run at a time is then the user's care)
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "sync.lock"


class SyncBusy(LibraryError):
    """Another sync holds this library's lock; the message says whose and since when."""


def holder_words(path: Path) -> str:
    """'started 10:02 by the app' from a lock file, '' when it says nothing readable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        started = datetime.fromisoformat(str(data["started"]))
        by = str(data.get("by", "another run"))[:80]
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    when = started.strftime("%H:%M") if started.date() == datetime.now().date() else started.strftime("%d %B %H:%M")
    return f"started {when} by {by}"


@contextmanager
def sync_lock(home: Path, *, by: str, wait: bool = False, cancel: threading.Event | None = None) -> Iterator[None]:
    """Hold the library's sync lock while inside. Taken: SyncBusy, unless `wait` (then wait
    for it, giving up when `cancel` is set)."""
    if fcntl is None:
        yield
        return
    path = home / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise storage_problem(exc) or LibraryError(f"{path} cannot be opened ({exc.strerror})") from exc
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    words = holder_words(path)
                    raise SyncBusy(
                        f"a sync is already running ({words})" if words else "a sync is already running"
                    ) from None
                if cancel is not None and cancel.wait(0.2):
                    raise SyncBusy("stopped while waiting for the other sync to finish") from None
                if cancel is None:
                    threading.Event().wait(0.2)
        _write_holder(fd, by)
        try:
            yield
        finally:
            try:
                os.ftruncate(fd, 0)
            except OSError:
                pass
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _write_holder(fd: int, by: str) -> None:
    text = json.dumps({"pid": os.getpid(), "started": datetime.now().isoformat(timespec="seconds"), "by": by})
    try:  # only words for the other run: a full disk must not stop the sync for want of them
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8"), 0)
    except OSError:
        pass
