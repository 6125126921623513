"""Helpers for the fault suite: child memberdesk processes, their worker processes found
through /proc, a library's integrity, and distinct papers to import."""

from __future__ import annotations

import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pdf_factory import make_pdf

WORDS = [
    "budget",
    "highways",
    "council",
    "report",
    "item",
    "decision",
    "planning",
    "zebra",
    "school",
    "library",
    "housing",
]


def papers(folder: Path, count: int, pages: int = 6, seed: int = 0) -> list[Path]:
    """`count` distinct PDFs (different words, so different hashes)."""
    out = []
    for n in range(count):
        rnd = random.Random(seed * 1000 + n)
        texts = [" ".join(rnd.choice(WORDS) for _ in range(120)) for _ in range(pages)]
        out.append(make_pdf(folder / f"paper-{seed}-{n:03d}.pdf", texts, title=f"Paper {seed}-{n}"))
    return out


@contextmanager
def never_accepting() -> Iterator[str]:
    """The address of a real server on 127.0.0.1 that accepts no connection: it listens with
    a backlog of none, already filled by one connection nobody accepts, so the kernel drops
    every further SYN and a connect waits for its whole timeout (a hung council server)."""
    server = socket.socket()
    filler = socket.socket()
    try:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        filler.connect(server.getsockname())
        host, port = server.getsockname()
        probe = socket.socket()
        probe.settimeout(0.3)
        try:  # the test means nothing unless a connect truly hangs here
            probe.connect((host, port))
            raise AssertionError("the never-accepting server accepted a connection")
        except TimeoutError:
            pass
        finally:
            probe.close()
        yield f"http://{host}:{port}/"
    finally:
        filler.close()
        server.close()


def connecting_to(url: str) -> int:
    """How many connects to `url`'s port wait unanswered (SYN_SENT in /proc/net/tcp)."""
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    waiting = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "02" and int(fields[2].split(":")[1], 16) == port:
            waiting += 1
    return waiting


def start(*args: str | Path, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MEMBERDESK_HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-m", "memberdesk", *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def stop(child: subprocess.Popen[bytes], how: int, timeout: float = 10.0) -> tuple[bytes, bytes, float]:
    """Send the stop `how` (SIGTERM, SIGINT...) to a running child and wait for it to end: its
    output, and the seconds from the stop to its end."""
    asked = time.monotonic()
    child.send_signal(how)
    out, err = child.communicate(timeout=timeout)
    return out, err, time.monotonic() - asked


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def gone_within(pids: list[int], seconds: float) -> list[int]:
    """The pids still running after `seconds` (none, if all went)."""
    deadline = time.monotonic() + seconds
    left = [p for p in pids if alive(p)]
    while left and time.monotonic() < deadline:
        time.sleep(0.05)
        left = [p for p in left if alive(p)]
    return left


def integrity(home: Path) -> str:
    conn = sqlite3.connect(home / "library.sqlite3")
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def temporary_files(home: Path) -> list[Path]:
    return sorted(
        p
        for p in home.rglob("*")
        if p.is_file() and (p.name.startswith((".download-", ".incoming-")) or p.suffix == ".part")
    )
