"""Writing files so that a crash at any moment leaves the old file or the new one, whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# -- temporary files that name their owner -------------------------------------------------
# Each run's temporary files carry its process id ("<prefix><pid>-<random><suffix>"), so a
# second run at the same moment never takes them for leftovers: only files whose owner is
# dead are swept. A name without an owner (an older memberdesk's) is swept once an hour old.
_UNOWNED_AFTER = 3600.0


def owned_prefix(prefix: str) -> str:
    """The prefix for a temporary file of this process: pass it to tempfile.mkstemp."""
    return f"{prefix}{os.getpid()}-"


def process_alive(pid: int | None) -> bool:
    if not pid or pid < 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True


def owner_of(name: str, prefix: str) -> int | None:
    """The process id in a temporary file's name, None when it has none."""
    if not name.startswith(prefix):
        return None
    head = name[len(prefix) :].split("-", 1)[0]
    return int(head) if head.isdigit() and "-" in name[len(prefix) :] else None


def sweep_stale(folder: Path, prefix: str, suffix: str) -> int:
    """Remove `folder`'s temporary files (prefix ... suffix) whose owner is dead; how many.
    Never raises: a read-only or vanished folder simply keeps its files."""
    import time

    removed = 0
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(suffix)]
    except OSError:
        return 0
    for path in candidates:
        owner = owner_of(path.name, prefix)
        try:
            if owner is None:
                if time.time() - path.stat().st_mtime < _UNOWNED_AFTER:
                    continue
            elif process_alive(owner):
                continue
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed
