"""The library: migrations, import through the Importer, dedupe, and no half documents."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from memberdesk.library import Library
from memberdesk.library.migrations import MIGRATIONS
from memberdesk.papers.importer import Importer
from pdf_factory import html_as_pdf, make_pdf


def test_new_library_is_migrated_and_uses_wal(home: Path) -> None:
    with Library(home) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.is_empty()
    # Opening again runs nothing twice.
    with Library(home) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_library_from_a_newer_memberdesk_is_refused(home: Path) -> None:
    Library(home).close()
    conn = sqlite3.connect(home / "library.sqlite3")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    try:
        Library(home)
    except RuntimeError as exc:
        assert "newer memberdesk" in str(exc)
    else:
        raise AssertionError("a newer schema must be refused")


def test_import_stores_pages_labels_outline_and_copy(home: Path, pack: Path) -> None:
    with Library(home) as library, Importer(library) as importer:
        progress: list[tuple[int, int]] = []
        result = importer.import_file(pack, progress=lambda _, done, total: progress.append((done, total)))
        assert result.ok and result.pages == 30
        doc = library.documents.get(result.document_id or 0)
        assert doc is not None and doc.status == "ready" and doc.title == "Cabinet reports pack"
        assert library.documents.labels(doc.id)[:4] == ["i", "ii", "iii", "1"]
        assert "zebra crossing" in (library.documents.page(doc.id, 19) or None).text  # type: ignore[union-attr]
        assert [e.title for e in library.documents.outline(doc.id)] == [
            "Front sheet",
            "Item 1: Budget",
            "Item 2: Highways",
        ]
        assert library.paper_path(doc.file_name).read_bytes() == pack.read_bytes()
        assert progress[0] == (0, 30) and progress[-1] == (30, 30)
        assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_same_file_twice_is_recognised_by_hash(home: Path, pack: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy-with-another-name.pdf"
    copy.write_bytes(pack.read_bytes())
    with Library(home) as library, Importer(library) as importer:
        first = importer.import_file(pack)
        second = importer.import_file(copy)
        assert second.duplicate and second.document_id == first.document_id
        assert len(library.documents.all()) == 1


def test_folder_import_keeps_going_past_bad_files(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    make_pdf(folder / "a.pdf", ["First paper"])
    html_as_pdf(folder / "b.pdf")
    make_pdf(folder / "sub" / "c.pdf", ["Third paper"])
    with Library(home) as library, Importer(library) as importer:
        results = importer.import_paths([folder, tmp_path / "missing.pdf"])
        assert [Path(r.path).name for r in results] == ["a.pdf", "b.pdf", "c.pdf", "missing.pdf"]
        assert [bool(r.error) for r in results] == [False, True, False, True]
        assert len(library.documents.all()) == 2
        # Nothing of the bad file was kept.
        stored = sorted(p.name for p in library.papers_dir.rglob("*") if p.is_file())
        assert len(stored) == 2


KILL_SCRIPT = """
import sys
from pathlib import Path
from memberdesk.papers.importer import Importer
from memberdesk.library import Library
library = Library(Path(sys.argv[1]))
def progress(path, done, total):
    if done >= 2:
        print("started", flush=True)
        import time; time.sleep(60)
with Importer(library, workers=1) as importer:
    importer.import_file(Path(sys.argv[2]), progress=progress)
"""


def test_killed_import_leaves_no_half_document(home: Path, pack: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(home), str(pack)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "started"
    with Library(home) as peek:  # while it runs, the document is visibly unfinished
        [unfinished] = peek.documents.all(include_unfinished=True)
        assert unfinished.status == "importing" and peek.documents.all() == []
    child.send_signal(signal.SIGKILL)
    child.wait()
    time.sleep(0.1)
    with Library(home) as library:
        assert library.documents.all(include_unfinished=True) == []
        assert library.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 0
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not [p for p in library.papers_dir.rglob("*") if p.is_file()]
