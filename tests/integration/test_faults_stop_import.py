"""A stopped `memberdesk import` of a folder: within a second of SIGTERM or Ctrl+C, the papers
finished are kept and named, the rest counted in one line, and the same command finishes it."""

from __future__ import annotations

import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from cli import memberdesk
from council_server import wait_until
from faults import children, gone_within, integrity, papers, start, stop, temporary_files

COUNT = 10


def ready(home: Path) -> int:
    """Papers readable now, read as a bystander would (read-only, nothing swept)."""
    time.sleep(0.05)
    if not (home / "library.sqlite3").exists():
        return 0
    conn = sqlite3.connect(f"file:{home / 'library.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute("SELECT count(*) FROM documents WHERE status = 'ready'").fetchone()[0])
    except sqlite3.OperationalError:  # the schema not made yet
        return 0
    finally:
        conn.close()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_import_keeps_the_papers_finished_and_says_how_many(
    tmp_path: Path, home: Path, how: signal.Signals
) -> None:
    folder = tmp_path / "in"
    papers(folder, COUNT, pages=30)
    child = start("import", folder, home=home)
    try:
        assert wait_until(lambda: ready(home) >= 2, timeout=60)
        workers = children(child.pid)
        out, err, spent = stop(child, how)
    finally:
        child.kill()
    assert spent < 1.5, f"{spent:.2f} s after {how.name}"
    assert child.returncode == 130, err
    assert b"Traceback" not in err, err
    said = re.search(rb"stopped: (\d+) papers imported, (\d+) not; run the same command again to finish", err)
    assert said, err
    done, rest = int(said[1]), int(said[2])
    assert done + rest == COUNT and 2 <= done < COUNT
    assert out.count(b"imported: ") == done == ready(home)
    assert gone_within(workers, 1.0) == []
    assert temporary_files(home) == [] and integrity(home) == "ok"
    again = memberdesk("import", folder, home=home)
    assert again.code == 0, again.err
    assert again.out.count("already in the library: ") == done
    assert ready(home) == COUNT
