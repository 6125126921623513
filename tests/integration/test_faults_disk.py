"""A full disk and a read-only copy: reading still works, writing says so in one line."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli import memberdesk
from council_server import CouncilServer
from faults import integrity, papers, temporary_files
from memberdesk.library import Library
from sync_support import follow


def _mount(point: Path, size: str) -> None:
    point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"a small tmpfs is needed for a full disk, and mount failed: {done.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "disk"
    _mount(point, "1500k")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def remount(point: Path, how: str) -> None:
    done = subprocess.run(["mount", "-o", f"remount,{how}", str(point)], capture_output=True)
    assert done.returncode == 0, done.stderr


def reading_works(home: Path, out: Path) -> None:
    listed = memberdesk("library", home=home)
    assert listed.code == 0 and "Paper 0-0" in listed.out, listed.err
    assert memberdesk("text", "1", home=home).code == 0
    found = memberdesk("search", "budget", home=home)
    assert found.code == 0 and "Paper" in found.out, found.err
    assert memberdesk("notes", "list", home=home).code == 0
    exported = memberdesk("notes", "export", "--to", out, home=home)
    assert exported.code == 0 and out.exists(), exported.err
    read = memberdesk("--plain", "read", "1", stdin="n\nq\n", home=home)
    assert read.code == 0 and "Traceback" not in read.err, read.err


def test_a_full_disk_stops_an_import_in_one_line_and_reading_goes_on(small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "library"
    files = papers(tmp_path / "in", 20, pages=8)
    run = memberdesk("import", tmp_path / "in", home=home)
    assert run.code == 1
    lines = [line for line in run.err.splitlines() if line.startswith("memberdesk:")]
    assert len(lines) == 1 and "Traceback" not in run.err, run.err
    imported = run.out.count("imported: ")
    assert 0 < imported < len(files)
    assert lines[0] == (
        f"memberdesk: the disk is full: {imported} papers imported, {len(files) - imported} not; "
        "free some space and run the same command again"
    ) or lines[0].startswith(f"memberdesk: the disk is full: {imported} paper imported")
    # Nothing half-done is listed, and reading still works on the full disk.
    with Library(home) as library:
        assert len(library.documents.all()) == imported
    reading_works(home, tmp_path / "notes.json")
    assert integrity(home) == "ok"
    # Space freed: the same command again brings the rest.
    subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)
    again = memberdesk("import", tmp_path / "in", home=home)
    assert again.code == 0, again.err
    assert again.out.count("imported: ") == len(files) - imported
    assert temporary_files(home) == []


def test_a_library_on_a_read_only_disk_opens_for_reading(small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "library"
    papers(tmp_path / "in", 2)
    assert memberdesk("import", tmp_path / "in", home=home).code == 0
    remount(small_disk, "ro")
    try:
        reading_works(home, tmp_path / "notes.json")
        refused = memberdesk("import", papers(tmp_path / "more", 1, seed=5)[0], home=home)
        assert refused.code == 1 and "Traceback" not in refused.err
        assert "read-only" in refused.err
    finally:
        remount(small_disk, "rw")


def test_a_full_disk_stops_a_sync_in_one_line_with_what_arrived_kept(
    small_disk: Path, council_server: CouncilServer
) -> None:
    home = small_disk / "library"
    with Library(home) as library:
        follow(library, council_server)
    subprocess.run(["dd", "if=/dev/zero", f"of={small_disk / 'filler'}", "bs=4k", "count=250"], capture_output=True)
    run = memberdesk("sync", home=home)
    assert run.code == 1 and "Traceback" not in run.err, run.err
    said = [line for line in run.err.splitlines() if "the disk is full" in line]
    assert len(said) == 1 and said[0].endswith("not; free some space and run the same command again"), run.err
    assert memberdesk("library", home=home).code == 0
    assert integrity(home) == "ok" and temporary_files(home) == []
    (small_disk / "filler").unlink()
    subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)
    again = memberdesk("sync", home=home)
    assert again.code == 0, again.err
