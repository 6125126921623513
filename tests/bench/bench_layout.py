"""Benchmark: papers.extract_pages (+ finish_document) against pdftotext, in the same run.

    .venv/bin/python tests/bench/bench_layout.py [--pages 200] [--repeat 3]

Times every PDF that tests/support/paper_factory.py makes, the PDFs in assets/demo, and a
generated text pack of --pages pages (tests/bench/common.py), best of --repeat runs each, and
prints seconds and the ratio to `pdftotext` (plain mode, to /dev/null) for each file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from common import make_text_pack  # noqa: E402

import paper_factory as pf  # noqa: E402
from memberdesk.papers.extract import extract_pages, finish_document  # noqa: E402


def _generated(folder: Path, pages: int) -> list[Path]:
    out = [
        pf.two_column(folder / "two_column.pdf"),
        pf.three_column_slide(folder / "slide.pdf"),
        pf.moderngov_pack(folder / "pack.pdf", report_pages=20),
        pf.election_notice(folder / "election.pdf"),
        pf.filled_form(folder / "form.pdf"),
        pf.stamped(folder / "roman.pdf", ["i", "ii", "iii"] + [str(n) for n in range(1, 20)]),
        pf.tiny_glyphs(folder / "tiny_glyphs.pdf"),
        make_text_pack(folder / f"text_pack_{pages}.pdf", pages),
    ]
    return out + sorted((ROOT / "assets" / "demo").glob("*.pdf"))


def _best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    poppler = shutil.which("pdftotext")
    with tempfile.TemporaryDirectory() as tmp:
        files = _generated(Path(tmp), args.pages)
        print(f"{'file':28} {'pages':>5} {'papers s':>9} {'pdftotext s':>11} {'ratio':>6}")
        total_ours = total_theirs = 0.0
        for path in files:
            pages = extract_pages(path)
            ours = _best(lambda path=path: finish_document(extract_pages(path)), args.repeat)
            theirs = 0.0
            if poppler:
                theirs = _best(
                    lambda path=path: subprocess.run([poppler, str(path), "/dev/null"], check=True), args.repeat
                )
            total_ours += ours
            total_theirs += theirs
            ratio = f"{ours / theirs:6.1f}" if theirs else "   n/a"
            print(f"{path.name[:28]:28} {len(pages):5d} {ours:9.3f} {theirs:11.3f} {ratio}")
        if total_theirs:
            print(f"{'all':28} {'':5} {total_ours:9.3f} {total_theirs:11.3f} {total_ours / total_theirs:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
