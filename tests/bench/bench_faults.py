"""Fault campaign (a script; not collected by pytest): kills, runs at once, a hostile council.

    PYTHONPATH=src python tests/bench/bench_faults.py [--kills 20] [--pairs 5] [--seed 1]

1. kill -9 at a random moment of `import` (a pack big enough for worker processes),
   `sync` (a council whose papers arrive slowly) and `notes import`; after each, the next
   command (`library`), PRAGMA integrity_check, temporary files, surviving worker processes.
2. Two `import`s of the same files at once, and two `sync`s at once (the second waits):
   every paper stored once, each version numbered once.
3. The council drips, resets, never answers or never stops, for papers and for lists of
   meetings: each sync must end within its deadline.
4. SIGTERM or Ctrl+C (SIGINT) at a random moment of `import` (a folder), `sync` (a slow council)
   and `sync` of a council whose server accepts no connection: each must end within 1.5 s
   with exit 0 (it had finished) or 130, then the same checks as after a kill; a stopped
   import's line must count every file ("N papers imported, M not").
Prints runs, kills (here: kills and stops) and failures for each part, and the total.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "support"))

from cli import memberdesk  # noqa: E402
from council_data import default_council  # noqa: E402
from council_server import CouncilServer  # noqa: E402
from faults import (  # noqa: E402
    children,
    connecting_to,
    gone_within,
    integrity,
    never_accepting,
    papers,
    start,
    temporary_files,
)
from memberdesk.library import Library  # noqa: E402
from pdf_factory import make_pdf  # noqa: E402
from sync_support import follow, syncer  # noqa: E402

runs: Counter[str] = Counter()
kills: Counter[str] = Counter()
failures: Counter[str] = Counter()
problems: list[str] = []


def fail(part: str, what: str) -> None:
    failures[part] += 1
    problems.append(f"{part}: {what}")


def kill_at_random(child, rnd: random.Random, most: float) -> list[int]:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + rnd.uniform(0.05, most)
    workers: set[int] = set()
    while time.monotonic() < deadline and child.poll() is None:
        workers.update(children(child.pid))
        time.sleep(0.01)
    workers.update(children(child.pid))
    child.kill()
    child.wait(timeout=10)
    return sorted(workers)


def after_kill(part: str, home: Path, workers: list[int]) -> None:
    if gone_within(workers, 2.0):
        fail(part, "a worker process outlived its parent")
    nxt = memberdesk("library", home=home)
    if nxt.code != 0 or "Traceback" in nxt.err:
        fail(part, f"the next command failed: {nxt.err.strip()[-200:]}")
    if integrity(home) != "ok":
        fail(part, "integrity_check is not ok")
    if temporary_files(home):
        fail(part, f"temporary files left: {temporary_files(home)}")


def kill_campaign(work: Path, rnd: random.Random, count: int) -> None:
    pack = make_pdf(work / "in" / "pack.pdf", [f"Page {n} of the budget pack. " * 40 for n in range(120)])
    extra = papers(work / "in", 4, seed=3)
    home = work / "kill-import"
    for _ in range(count):
        child = start("import", pack, *extra, home=home)
        runs["kill import"] += 1
        kills["kill import"] += 1
        after_kill("kill import", home, kill_at_random(child, rnd, 4.0))
        with Library(home) as library:
            docs = library.documents.all(include_unfinished=True)
            if any(d.status != "ready" or d.pages_ready != d.page_count for d in docs):
                fail("kill import", "a half-imported paper is listed")
            if len({d.sha256 for d in docs}) != len(docs):
                fail("kill import", "a paper stored twice")
    with CouncilServer(default_council()) as server:
        home = work / "kill-sync"
        with Library(home) as library:
            follow(library, server)
        server.add_fault("mgConvert2PDF", "slow_body", times=None, seconds=0.2)
        for _ in range(count):
            child = start("sync", home=home)
            runs["kill sync"] += 1
            kills["kill sync"] += 1
            after_kill("kill sync", home, kill_at_random(child, rnd, 3.0))
        server.clear_faults()
        final = memberdesk("sync", home=home)
        runs["kill sync"] += 1
        if final.code != 0:
            fail("kill sync", f"the sync after the kills failed: {final.err.strip()[-200:]}")
    home = work / "kill-notes"
    export = work / "notes.json"
    notes = [{"uid": f"n{i}", "text": f"note {i} " * 8, "page_index": i % 30} for i in range(30_000)]
    export.write_text(json.dumps({"format": "memberdesk-notes", "version": 1, "notes": notes}))
    memberdesk("library", home=home)
    for _ in range(count):
        child = start("notes", "import", export, home=home)
        runs["kill notes import"] += 1
        kills["kill notes import"] += 1
        after_kill("kill notes import", home, kill_at_random(child, rnd, 2.0))
        with Library(home) as library:
            if len(library.notes.all()) not in (0, len(notes)):
                fail("kill notes import", "part of an export was stored")


def pairs_campaign(work: Path, count: int) -> None:
    files = papers(work / "pairs-in", 10, seed=9)
    for n in range(count):
        home = work / f"pairs-import-{n}"
        memberdesk("library", home=home)
        both = [start("import", work / "pairs-in", home=home) for _ in range(2)]
        for child in both:
            child.communicate(timeout=300)
            runs["two imports"] += 1
            if child.returncode != 0:
                fail("two imports", f"exit {child.returncode}")
        with Library(home) as library:
            stored = [d.sha256 for d in library.documents.all(include_unfinished=True)]
        if len(stored) != len(set(stored)) or len(stored) != len(files):
            fail("two imports", f"{len(stored)} stored for {len(files)} files")
    with CouncilServer(default_council()) as server:
        home = work / "pairs-sync"
        with Library(home) as library:
            follow(library, server)
        memberdesk("sync", home=home)  # version 1 of every paper
        for n in range(count):
            server.council.republish(5001)
            both = [start("sync", "--wait", "--recheck", home=home) for _ in range(2)]
            for child in both:
                child.communicate(timeout=300)
                runs["two syncs"] += 1
                if child.returncode != 0:
                    fail("two syncs", f"exit {child.returncode}")
            with Library(home) as library:
                versions = [d["version"] for d in library.catalogue()["documents"] if d["source"].endswith("ID=5001")]
            if versions != [n + 2]:
                fail("two syncs", f"versions {versions} after {n + 1} republications")
        if integrity(home) != "ok":
            fail("two syncs", "integrity_check is not ok")


def network_campaign(work: Path) -> None:
    quick = {"retries": 1, "read_timeout": 5.0, "min_rate": 2000.0, "rate_window": 1.0}
    for target in ("mgConvert2PDF", "GetMeetings", "GetMeeting?"):
        for fault in ("drip", "reset", "never_answer", "endless"):
            with CouncilServer(default_council()) as server, tempfile.TemporaryDirectory(dir=work) as folder:
                home = Path(folder) / "home"
                with Library(home) as library:
                    follow(library, server)
                    server.add_fault(target, fault, times=None, seconds=0.2)
                    started = time.monotonic()
                    with syncer(
                        library, **quick, page_deadline=2.0, download_deadline=2.0, max_page_bytes=8 << 20
                    ) as sync:
                        report = sync.run()
                    spent = time.monotonic() - started
                runs["hostile council"] += 1
                if spent > 12:
                    fail("hostile council", f"{fault} on {target}: {spent:.1f} s")
                if report.failed == 0:
                    fail("hostile council", f"{fault} on {target}: no failure reported")


def stop_at_random(part: str, child, rnd: random.Random, most: float, home: Path, under_way) -> str:  # type: ignore[no-untyped-def]
    """Send SIGTERM or SIGINT at a random moment once the run is under way (`under_way()`: it
    has begun its work, so the command's handlers are in place, not Python's); check it ends
    within 1.5 s, keeping a consistent library. Its stderr."""
    started = time.monotonic() + 60
    while not under_way() and time.monotonic() < started and child.poll() is None:
        time.sleep(0.01)
    deadline = time.monotonic() + rnd.uniform(0.0, most)
    workers: set[int] = set()
    while time.monotonic() < deadline and child.poll() is None:
        workers.update(children(child.pid))
        time.sleep(0.01)
    workers.update(children(child.pid))
    if child.poll() is not None:  # it finished first: a run, not a stop
        runs[part] += 1
        after_kill(part, home, sorted(workers))
        return ""
    asked = time.monotonic()
    child.send_signal(rnd.choice([signal.SIGTERM, signal.SIGINT]))
    try:
        _, err = child.communicate(timeout=15)
    except Exception:  # noqa: BLE001 - a run that does not end is the failure counted
        child.kill()
        _, err = child.communicate()
        fail(part, "did not end within 15 s of the stop")
    spent = time.monotonic() - asked
    runs[part] += 1
    kills[part] += 1
    if spent > 1.5:
        fail(part, f"ended {spent:.2f} s after the stop")
    if child.returncode not in (0, 130):
        fail(part, f"exit {child.returncode}: {err.decode(errors='replace').strip()[-200:]}")
    if b"Traceback" in err:
        fail(part, "a traceback: " + err.decode(errors="replace").strip()[-600:])
    after_kill(part, home, sorted(workers))
    return err.decode(errors="replace")


def rows(home: Path) -> int:
    """Documents rows (any status), read as a bystander: read-only, nothing swept."""
    if not (home / "library.sqlite3").exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{home / 'library.sqlite3'}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def stop_campaign(work: Path, rnd: random.Random, count: int) -> None:
    folder = work / "stop-in"
    files = papers(folder, 8, pages=30, seed=5)
    for n in range(count):
        home = work / f"stop-import-{n}"
        err = stop_at_random(
            "stop import",
            start("import", folder, home=home),
            rnd,
            5.0,
            home,
            lambda: rows(home) > 0,  # noqa: B023
        )
        said = re.search(r"stopped: (\d+) papers? imported, (\d+) not", err)
        with Library(home) as library:
            kept = len(library.documents.all())
            if any(d.status != "ready" for d in library.documents.all(include_unfinished=True)):
                fail("stop import", "a half-imported paper is listed")
        if said and (int(said[1]) != kept or int(said[1]) + int(said[2]) != len(files)):
            fail("stop import", f"said {said[0]!r} with {kept} of {len(files)} papers in the library")
    with CouncilServer(default_council()) as server:
        home = work / "stop-sync"
        with Library(home) as library:
            follow(library, server)
        # Papers slow enough for a sync of some seconds, stopped part-way.
        server.add_fault("mgConvert2PDF", "slow_body", times=None, seconds=1.0)
        for _ in range(count):
            asked = len(server.requests())
            under_way = lambda: len(server.requests()) > asked  # noqa: B023, E731
            stop_at_random("stop sync", start("sync", home=home), rnd, 2.0, home, under_way)
    with never_accepting() as url:
        home = work / "stop-sync-connecting"
        with Library(home) as library:
            council_id = library.councils.add_council("Stuck Borough Council", url.rstrip("/"), "webservice")
            library.councils.set_followed([library.councils.upsert_committee(council_id, "101", "Cabinet")], True)
        for _ in range(count):
            connecting = lambda: connecting_to(url) > 0  # noqa: E731
            stop_at_random("stop sync connecting", start("sync", home=home), rnd, 3.0, home, connecting)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20, help="kill -9s per command")
    parser.add_argument("--pairs", type=int, default=5, help="rounds of two runs at once")
    parser.add_argument("--stops", type=int, default=10, help="SIGTERM/Ctrl+C stops per command")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="memberdesk-faults-") as folder:
        work = Path(folder)
        kill_campaign(work, rnd, args.kills)
        pairs_campaign(work, args.pairs)
        network_campaign(work)
        stop_campaign(work, rnd, args.stops)
    print(f"{'part':<20} {'runs':>5} {'kills':>6} {'failures':>9}")
    for part in runs:
        print(f"{part:<20} {runs[part]:>5} {kills[part]:>6} {failures[part]:>9}")
    print(f"{'total':<20} {sum(runs.values()):>5} {sum(kills.values()):>6} {sum(failures.values()):>9}")
    print(f"in {time.monotonic() - started:.0f} s (seed {args.seed})")
    for problem in problems:
        print(f"  {problem}")


if __name__ == "__main__":
    main()
