"""search, notes and paper through the real entry point; notes survive a kill at any moment."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from cli import memberdesk
from memberdesk.library import Library
from memberdesk.papers.importer import Importer


def _demo(home: Path, demo_pdf: Path) -> None:
    assert memberdesk("import", demo_pdf, home=home).code == 0


def test_search_cli_text_and_json(home: Path, demo_pdf: Path) -> None:
    _demo(home, demo_pdf)
    run = memberdesk("search", "ICT", "contract", home=home)
    assert run.code == 0
    assert run.out.splitlines()[0] == "2 results for ICT contract:"
    assert "page 6 (document 1)" in run.out and "\u00abICT\u00bb" in run.out
    data = memberdesk("search", '"care act"', "--json", home=home).json()
    assert data["query"] == '"care act"'
    assert [(r["page_label"], r["kind"]) for r in data["results"]][0] == ("4", "page")
    assert all("\u00abCare Act\u00bb" in r["snippet"] for r in data["results"])
    bad = memberdesk("search", "()", home=home)
    assert bad.code == 2 and "nothing to search for" in bad.err
    bad_date = memberdesk("search", "budget", "--from", "31/31/2026", home=home)
    assert bad_date.code == 2 and "is not a date" in bad_date.err
    assert memberdesk("reindex", home=home).out.startswith("The search index was sound")


def test_notes_export_markdown_and_json_round_trip(home: Path, tmp_path: Path, demo_pdf: Path) -> None:
    _demo(home, demo_pdf)
    with Library(home) as library:
        library.notes.add("Ask about the locum social workers.", document_id=1, page_index=7)
        library.notes.add("Check the £1.2m figure.", document_id=1, page_index=8)
    md = memberdesk("notes", "export", home=home)
    assert md.code == 0
    assert "### Health and Adult Services Scrutiny Committee: agenda reports pack, 12 January 2027" in md.out
    assert "**Page 5**" in md.out and "Ask about the locum social workers." in md.out and "**Page 6**" in md.out
    target = tmp_path / "backup" / "notes.json"
    target.parent.mkdir()
    out = memberdesk("notes", "export", "--to", target, home=home)
    assert out.code == 0 and "Wrote 2 notes" in out.out
    assert json.loads(target.read_text())["format"] == "memberdesk-notes"
    # A new laptop: restore the notes, then the paper arrives and they attach to it.
    laptop = tmp_path / "laptop"
    restored = memberdesk("notes", "import", target, home=laptop)
    assert restored.code == 0 and "Imported 2 notes; 0 already here." in restored.out
    memberdesk("import", demo_pdf, home=laptop)
    again = memberdesk("notes", "export", home=laptop)
    assert again.out == md.out
    assert "Imported 0 notes; 2 already here." in memberdesk("notes", "import", target, home=laptop).out


def test_notes_import_refuses_what_is_not_an_export(home: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    run = memberdesk("notes", "import", junk, home=home)
    assert run.code == 1 and "not a memberdesk notes export" in run.err
    missing = memberdesk("notes", "import", tmp_path / "nope.json", home=home)
    assert missing.code == 1 and "cannot be read" in missing.err


def test_paper_json(home: Path, demo_pdf: Path) -> None:
    _demo(home, demo_pdf)
    with Library(home) as library:
        for page in range(5):
            library.paper_record.record_page(1, page)
    (home / "settings.toml").write_text("double_sided = false\nyearly_sheet_target = 20\n")
    data = memberdesk("paper", "--json", home=home).json()
    assert (data["pages_this_year"], data["sheets_this_year"], data["target_percent"]) == (5, 5, 25)
    bad = home / "settings.toml"
    bad.write_text("yearly_sheet_target = 'lots'\n")
    run = memberdesk("paper", home=home)
    assert run.code == 1 and "yearly_sheet_target" in run.err and "should be int" in run.err


WRITER = """
import sys
from pathlib import Path
from memberdesk.library import Library
library = Library(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    library.notes.add(f"note {n} " + "x" * 2000, document_id=1, page_index=n % 13)
    print(n, flush=True)
"""


def test_killing_the_program_while_saving_notes_loses_nothing_committed(home: Path, demo_pdf: Path) -> None:
    with Library(home) as library, Importer(library) as importer:
        importer.import_file(demo_pdf)
    rng = random.Random(7)
    committed = 0
    for _ in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        assert child.stdout is not None
        time.sleep(0.3 + rng.random() * 0.4)
        child.send_signal(signal.SIGKILL)
        printed = [int(line) for line in child.stdout.read().split()]
        child.wait()
        committed += printed[-1] if printed else 0
        conn = sqlite3.connect(home / "library.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        conn.close()
        # Every note the writer reported as saved is there (at most one more, saved but not yet printed).
        assert committed <= stored <= committed + 5
        committed = stored
    with Library(home) as library:
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert library.search.check()
