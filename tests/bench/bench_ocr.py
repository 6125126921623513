"""Benchmark: memberdesk's OCR of a page (papers/ocr.read_page: draw at 300 dpi with PDFium,
tesseract TSV, the layout engine) against `tesseract` alone on the same pictures, in the same
run; and word accuracy against the text the pages were typeset from.

    .venv/bin/python tests/bench/bench_ocr.py [--pages 4] [--repeat 2]

Each page is typeset from generated council prose (tests/bench/common.py), printed to a 300 dpi
grey PNG with pdftoppm and wrapped as an image-only PDF (tests/support/scan_factory.py): a
clean 300 dpi scan. `tesseract` alone is timed on the PNG (plain text out, OMP_THREAD_LIMIT=1 as
memberdesk runs it). Accuracy is the share of the source's words found in order (difflib's
matching blocks over lower-cased words). Goals: within 1.3x of tesseract, >= 95% accuracy.

Then the pages as one scanned pack imported into a fresh library (papers/importer.py): seconds
from the paper being ready to its first OCR'd page stored (goal: within 5 s), and the whole
pack's OCR against tesseract's seconds for its pages one after another (pages are read one
tesseract per core, so on two cores this is about 0.5).
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from common import sentence  # noqa: E402

import scan_factory as sf  # noqa: E402
from memberdesk.papers import ocr  # noqa: E402
from memberdesk.papers.flow import page_text  # noqa: E402


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def accuracy(source: str, read: str) -> float:
    ref, got = _words(source), _words(read)
    matcher = difflib.SequenceMatcher(a=ref, b=got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(ref))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(7)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    ours_all, theirs_all, accs = [], [], []
    pngs: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in range(args.pages):
            paras = [" ".join(sentence(rng) for _ in range(3)) for _ in range(6)]
            source = sf.text_pdf(folder / f"p{n}-source.pdf", paras, size=11)
            png = sf.page_picture(source, folder / f"p{n}.png")
            scan = sf.image_only_pdf(folder / f"p{n}.pdf", [png])
            pngs.append(png)
            ours, theirs = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                subprocess.run(["tesseract", str(png), "stdout"], env=env, capture_output=True, check=True)
                theirs.append(time.perf_counter() - started)
                started = time.perf_counter()
                read = ocr.read_page(scan, 0)
                ours.append(time.perf_counter() - started)
            assert not read.problem, read.problem
            acc = accuracy("\n".join(paras), page_text(read.layout))
            ours_all.append(min(ours))
            theirs_all.append(min(theirs))
            accs.append(acc)
            print(
                f"page {n + 1}: memberdesk {min(ours):.2f} s, tesseract {min(theirs):.2f} s, "
                f"ratio {min(ours) / min(theirs):.2f}x, words {acc:.1%}, confidence {read.confidence}"
            )
        pack = sf.image_only_pdf(folder / "pack.pdf", pngs)
        ready, first, whole = _import_pack(pack, folder / "library")
    print(
        f"pack of {len(pngs)} scanned pages: first OCR'd page stored {first - ready:.2f} s after the paper "
        f"was ready (goal <= 5 s); all read in {whole - ready:.2f} s against {sum(theirs_all):.2f} s of "
        f"tesseract one page after another, ratio {(whole - ready) / sum(theirs_all):.2f}x "
        f"({os.cpu_count()} cores)"
    )
    ours_mean = sum(ours_all) / len(ours_all)
    theirs_mean = sum(theirs_all) / len(theirs_all)
    print(
        f"mean: memberdesk {ours_mean:.2f} s/page, tesseract {theirs_mean:.2f} s/page, "
        f"ratio {ours_mean / theirs_mean:.2f}x (goal <= 1.3x); word accuracy {min(accs):.1%} worst, "
        f"{sum(accs) / len(accs):.1%} mean (goal >= 95%)"
    )
    return 0


def _import_pack(pack: Path, home: Path) -> tuple[float, float, float]:
    """(paper ready, first scan stored, all stored), perf_counter times of one real import."""
    from memberdesk.library import Library
    from memberdesk.papers.importer import Importer

    times: dict[str, float] = {}

    def progress(what: str, done: int, total: int) -> None:
        if "reading scans" in what:
            times.setdefault("ready", time.perf_counter())
            if done == 1:
                times.setdefault("first", time.perf_counter())
            if done == total:
                times["whole"] = time.perf_counter()

    with Library(home) as library, Importer(library) as importer:
        importer.import_file(pack, progress=progress)
    return times["ready"], times["first"], times["whole"]


if __name__ == "__main__":
    raise SystemExit(main())
