"""Two runs at once and runs killed at any moment: never doubled, never stuck, nothing left."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import time
from pathlib import Path

from cli import memberdesk
from council_server import CouncilServer, wait_until
from faults import children, gone_within, integrity, papers, start, temporary_files
from memberdesk.library import Library
from pdf_factory import make_pdf
from sync_support import follow


def hashes(home: Path) -> list[str]:
    with Library(home) as library:
        return [d.sha256 for d in library.documents.all(include_unfinished=True)]


def test_two_imports_of_the_same_files_at_once_store_each_once(tmp_path: Path, home: Path) -> None:
    files = papers(tmp_path / "in", 12)
    memberdesk("library", home=home)  # the library exists before both start
    for _ in range(2):
        first, second = (start("import", tmp_path / "in", home=home) for _ in range(2))
        for child in (first, second):
            out, err = child.communicate(timeout=120)
            assert child.returncode == 0, err.decode()
        stored = hashes(home)
        assert len(stored) == len(set(stored)) == len(files)
    assert integrity(home) == "ok"
    assert temporary_files(home) == []


def test_a_second_sync_is_told_who_holds_the_library_or_waits(council_server: CouncilServer, home: Path) -> None:
    with Library(home) as library:
        follow(library, council_server)
    # Slow enough that the first still runs while a second process starts on a busy machine.
    council_server.add_fault("mgConvert2PDF", "delay", times=None, seconds=2.0)
    first = start("sync", home=home)
    try:
        assert wait_until(lambda: (home / "sync.lock").exists() and (home / "sync.lock").read_text(), timeout=20)
        second = memberdesk("sync", home=home)
        assert second.code == 1
        assert "a sync is already running (started " in second.err and "by the command line)" in second.err
        waited = memberdesk("sync", "--wait", home=home, timeout=120)
        assert waited.code == 0, waited.err
    finally:
        out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err.decode()
    with Library(home) as library:
        docs = library.catalogue()["documents"]
        assert len(docs) == len({d["source"] for d in docs}) == 18  # 17 papers and one restricted
        assert all(d["version"] == 1 for d in docs)
    assert integrity(home) == "ok" and temporary_files(home) == []


def test_two_syncs_of_a_republished_paper_number_its_version_once(council_server: CouncilServer, home: Path) -> None:
    with Library(home) as library:
        follow(library, council_server)
    assert memberdesk("sync", home=home).code == 0
    for round_ in range(3):
        council_server.council.republish(5001)
        runs = [start("sync", "--wait", "--recheck", home=home) for _ in range(2)]
        for child in runs:
            _, err = child.communicate(timeout=120)
            assert child.returncode == 0, err.decode()
        with Library(home) as library:
            budget = [d for d in library.catalogue()["documents"] if d["source"].endswith("ID=5001")]
            assert [d["version"] for d in budget] == [round_ + 2]
    assert integrity(home) == "ok"


def _kill_at_random(child, rnd: random.Random, most: float) -> list[int]:  # type: ignore[no-untyped-def]
    """Let `child` run a random while, note its worker processes, then kill -9 it."""
    deadline = time.monotonic() + rnd.uniform(0.3, most)
    workers: set[int] = set()
    while time.monotonic() < deadline and child.poll() is None:
        workers.update(children(child.pid))
        time.sleep(0.02)
    workers.update(children(child.pid))
    child.kill()
    child.wait(timeout=10)
    return sorted(workers)


KILLS = 3  # a handful here; tests/bench/bench_faults.py runs the long campaign


def test_an_import_killed_at_any_moment_leaves_no_worker_no_file_and_no_half_paper(tmp_path: Path, home: Path) -> None:
    rnd = random.Random(17)
    pack = make_pdf(tmp_path / "in" / "big.pdf", [f"Page {n} of the budget pack. " * 40 for n in range(80)])
    extra = papers(tmp_path / "in", 3, seed=1)
    memberdesk("library", home=home)
    for _ in range(KILLS):
        child = start("import", pack, *extra, home=home)
        workers = _kill_at_random(child, rnd, 3.0)
        assert gone_within(workers, 2.0) == [], "extraction workers outlived their parent"
        after = memberdesk("library", home=home)  # the next command, whatever it is, sweeps
        assert after.code == 0, after.err
        assert integrity(home) == "ok"
        assert temporary_files(home) == []
        with Library(home) as library:
            assert all(d.status == "ready" for d in library.documents.all(include_unfinished=True))
            for doc in library.documents.all():
                assert doc.pages_ready == doc.page_count
    done = memberdesk("import", pack, *extra, home=home)
    assert done.code == 0, done.err
    assert len(hashes(home)) == 4


def test_a_sync_killed_at_any_moment_leaves_nothing_and_the_next_one_finishes(
    council_server: CouncilServer, home: Path
) -> None:
    rnd = random.Random(23)
    with Library(home) as library:
        follow(library, council_server)
    council_server.add_fault("mgConvert2PDF", "slow_body", times=None, seconds=0.2)
    for _ in range(KILLS):
        child = start("sync", home=home)
        _kill_at_random(child, rnd, 2.5)
        assert memberdesk("library", home=home).code == 0
        assert integrity(home) == "ok"
        assert temporary_files(home) == []
    council_server.clear_faults()
    final = memberdesk("sync", home=home)  # the lock died with its holder
    assert final.code == 0, final.err
    with Library(home) as library:
        docs = library.catalogue()["documents"]
        assert len(docs) == len({d["source"] for d in docs}) == 18
        assert all(d["version"] == 1 for d in docs)


def test_sigterm_ends_an_import_and_its_workers_at_once(tmp_path: Path, home: Path) -> None:
    # Long enough to be mid-import when the signal comes: 120 pages were imported within the
    # 0.3 s below on a fast machine, and the signal then met the command after its work.
    pack = make_pdf(tmp_path / "in" / "big.pdf", [f"Page {n} of the budget pack. " * 40 for n in range(600)])
    memberdesk("library", home=home)
    child = start("import", pack, home=home)
    assert wait_until(lambda: len(children(child.pid)) >= 1, timeout=30)
    workers = children(child.pid)
    time.sleep(0.3)
    asked = time.monotonic()
    child.send_signal(signal.SIGTERM)
    child.communicate(timeout=10)
    assert time.monotonic() - asked < 1.5
    assert child.returncode == 130
    assert gone_within(workers, 1.0) == []
    assert memberdesk("library", home=home).code == 0
    assert temporary_files(home) == [] and integrity(home) == "ok"


def test_the_migration_merges_papers_stored_twice_and_keeps_their_notes(tmp_path: Path, home: Path) -> None:
    (paper,) = papers(tmp_path / "in", 1)
    assert memberdesk("import", paper, home=home).code == 0
    conn = sqlite3.connect(home / "library.sqlite3")
    with conn:
        # A library from before the unique hash, where two imports at once stored it twice.
        conn.execute("DROP INDEX documents_one_copy")
        conn.execute("PRAGMA user_version = 5")
        conn.execute(
            """INSERT INTO documents (title, sha256, status, page_count, file_name, source_path, extraction)
               SELECT title, sha256, status, page_count, file_name, source_path, extraction FROM documents"""
        )
        conn.execute("INSERT INTO pages (document_id, idx, label, text) SELECT 2, idx, label, text FROM pages")
        conn.execute("INSERT INTO notes (uid, document_id, page_idx, text) VALUES ('n1', 1, 0, 'on the first')")
        conn.execute("INSERT INTO notes (uid, document_id, page_idx, text) VALUES ('n2', 2, 1, 'on the second')")
        conn.execute("INSERT INTO bookmarks (document_id, page_idx) VALUES (2, 3)")
        conn.execute("INSERT INTO reading_positions (document_id, page_idx) VALUES (2, 4)")
    conn.close()
    with Library(home) as library:
        docs = library.documents.all()
        assert [d.id for d in docs] == [1]
        assert sorted((v.uid, v.note.document_id) for v in library.notes.all()) == [("n1", 1), ("n2", 1)]
        assert library.documents.position(1) == (4, 0)
    assert integrity(home) == "ok"


def test_a_notes_import_killed_at_any_moment_stores_all_or_nothing(tmp_path: Path, home: Path) -> None:
    rnd = random.Random(29)
    count = 20_000
    export = tmp_path / "notes.json"
    notes = [{"uid": f"n{i}", "text": f"note {i} on the budget " * 4, "page_index": i % 40} for i in range(count)]
    export.write_text(json.dumps({"format": "memberdesk-notes", "version": 1, "notes": notes}))
    memberdesk("library", home=home)
    for _ in range(KILLS):
        child = start("notes", "import", export, home=home)
        _kill_at_random(child, rnd, 1.5)
        assert memberdesk("library", home=home).code == 0
        assert integrity(home) == "ok"
        with Library(home) as library:
            assert len(library.notes.all()) in (0, count)
    done = memberdesk("notes", "import", export, home=home)
    assert done.code == 0, done.err
    with Library(home) as library:
        assert len(library.notes.all()) == count
