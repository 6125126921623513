"""Benchmark: how much of each real paper's text memberdesk keeps, and how fast it imports.

    .venv/bin/python tests/bench/bench_fidelity.py [--runs 3] [--only NAME ...] [--verbose]

For every file in tests/corpus (corpus.toml), and for all of them together: import it into a fresh
library through the command line (`memberdesk --library DIR import FILE`) and read it back
(`memberdesk --library DIR text DOC --all`; while `text` has no --all it prints every page
anyway, and the plain command is used). Then, against poppler's pdftotext on the same file:

- word recall: pdftotext's words (a multiset, normalised) found in memberdesk's text;
- pair recall: adjacent word pairs, counting only those that pdftotext's reading order and its
  -layout order agree on (see fidelity.py);
- printed labels: pages carrying a page number (corpus.toml `stamps`, checked by hand) whose
  `--- page LABEL ---` header shows that number. ModernGov pack stamps ("Page N") are the goal.
  The documents' own page numbers are shown beside them;
- import time: the whole `memberdesk import` command against `pdftotext` on the same file,
  best of --runs each, measured in the same run.

Running headers and footers are left out of both sides (fidelity.running_lines). Phrases
(corpus.toml, checked by hand, in order) are counted as a further figure, with no goal.

Goals: word recall >= 99.5%, pair recall >= 97%, every stamped page labelled as stamped, import
within 3x pdftotext.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import fidelity
from fidelity import CorpusFile, Fidelity, ratio

GOAL_WORDS = 0.995
GOAL_PAIRS = 0.97
GOAL_IMPORT = 3.0


def best_pdftotext(path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        times.append(time.perf_counter() - start)
    return min(times)


def best_startup(runs: int) -> float:
    """A memberdesk command that does next to nothing (--version): the fixed cost in every import."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "memberdesk", "--version"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def best_import(item: CorpusFile, work: Path, runs: int) -> tuple[Path, int, float]:
    """Import into a fresh library RUNS times; the last library, its document id, the best time."""
    times, library, doc = [], work, 0
    for attempt in range(runs):
        library = work / f"{item.path.stem}-{attempt}"
        doc, took = fidelity.import_file(library, item.path)
        times.append(took)
    return library, doc, min(times)


def pct(part: tuple[int, int]) -> str:
    value = ratio(part)
    return "   n/a" if value is None else f"{100 * value:6.2f}%"


def met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def at_least(part: tuple[int, int], goal: float) -> bool | None:
    value = ratio(part)
    return None if value is None else value >= goal


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="timing runs per file (best is kept)")
    parser.add_argument("--only", nargs="*", default=(), help="corpus file names (or parts of them)")
    parser.add_argument("--verbose", action="store_true", help="list wrong labels and missing phrases")
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext (Debian: poppler-utils) is needed as the reference")

    fidelity.compile_memberdesk()
    items = [item for item in fidelity.load_corpus() if not args.only or any(part in item.name for part in args.only)]
    work = Path(tempfile.mkdtemp(prefix="memberdesk-fidelity-"))
    totals = {"words": [0, 0], "pairs": [0, 0], "moderngov": [0, 0], "printed": [0, 0], "phrases": [0, 0]}
    time_ours = time_ref = 0.0
    used_all = True
    rows, details = [], []
    try:
        for item in items:
            ref = fidelity.reference(item.path)
            reference_time = best_pdftotext(item.path, args.runs)
            library, doc, import_time = best_import(item, work, args.runs)
            output, with_all = fidelity.document_text(library, doc)
            used_all &= with_all
            result: Fidelity = fidelity.measure(item, ref, output)
            time_ours += import_time
            time_ref += reference_time
            for key, part in (("words", result.words), ("pairs", result.pairs), ("phrases", result.phrases)):
                totals[key][0] += part[0]
                totals[key][1] += part[1]
            if item.stamps:
                totals[item.stamp_kind][0] += result.labels[0]
                totals[item.stamp_kind][1] += result.labels[1]
            labels = f"{result.labels[0]}/{result.labels[1]}" if item.stamps else "-"
            rows.append(
                f"{item.name[:44]:44} {item.kind:8} {item.pages:3}/{result.pages_ours:<3} {result.words[1]:6} "
                f"{pct(result.words)} {pct(result.pairs)} {labels:>7} {result.phrases[0]:>3}/{result.phrases[1]:<3}"
                f"{import_time:7.2f} {reference_time:6.2f} {import_time / reference_time:6.1f}x"
            )
            if args.verbose:
                if result.wrong_labels:
                    shown = ", ".join(f"p{page} '{printed}'->'{got}'" for page, printed, got in result.wrong_labels[:8])
                    more = len(result.wrong_labels) - 8
                    details.append(f"{item.name}: labels {shown}{f' (+{more} more)' if more > 0 else ''}")
                words = fidelity.words(output)
                found = fidelity.phrases_in_order(words, item.phrases)
                for phrase, ok in zip(item.phrases, found, strict=True):
                    if not ok:
                        details.append(f"{item.name}: phrase not found in order: {phrase!r}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"corpus: {len(items)} real council papers in {fidelity.CORPUS} (sources: SOURCES.md)")
    if not used_all:
        print("note: 'memberdesk text' has no --all yet; its plain output (every page) was used")
    print(
        "pages = PDF/ours; words = pdftotext's words, running headers and footers left out; "
        "labels = stamped pages labelled as stamped; times best of",
        args.runs,
        "(s)",
    )
    print(
        f"{'file':44} {'kind':8} {'pages':7} {'words':>6} {'w-recall':>7} {'p-recall':>7} {'labels':>7} "
        f"{'phrases':7} {'import':>6} {'pdftt':>6} {'ratio':>7}"
    )
    for row in rows:
        print(row)
    for line in details:
        print("  " + line)
    words_all, pairs_all = tuple(totals["words"]), tuple(totals["pairs"])
    moderngov, printed = tuple(totals["moderngov"]), tuple(totals["printed"])
    print()
    print(f"in all: {len(items)} files, {words_all[1]} words, {pairs_all[1]} pairs")
    print(f"word recall:  {pct(words_all)}  (goal: 99.5% or better: {met(at_least(words_all, GOAL_WORDS))})")
    print(f"pair recall:  {pct(pairs_all)}  (goal: 97% or better: {met(at_least(pairs_all, GOAL_PAIRS))})")
    pack_ok = None if not moderngov[1] else moderngov[0] == moderngov[1]
    print(f"pack stamps labelled as stamped: {moderngov[0]}/{moderngov[1]}  (goal: every one: {met(pack_ok)})")
    print(f"documents' own page numbers labelled as printed: {printed[0]}/{printed[1]}  (no goal)")
    print(
        f"phrases found in order: {totals['phrases'][0]}/{totals['phrases'][1]}  (no goal; includes a scan that needs OCR)"
    )
    if time_ref:
        import_ratio = time_ours / time_ref
        print(f"import, all files (memberdesk import, whole command, best of {args.runs} each): {time_ours:.2f} s")
        print(f"pdftotext on the same files (best of {args.runs} each):                  {time_ref:.2f} s")
        print(f"ratio: {import_ratio:.1f}x pdftotext (goal: 3x or better: {met(import_ratio <= GOAL_IMPORT)})")
        startup = best_startup(args.runs)
        beyond = max(0.0, time_ours - startup * len(items))
        print(
            f"(of which start-up: 'memberdesk --version' takes {startup:.2f} s, so {startup * len(items):.2f} s for "
            f"{len(items)} commands; import beyond it: {beyond:.2f} s, {beyond / time_ref:.1f}x pdftotext; no goal)"
        )


if __name__ == "__main__":
    main()
